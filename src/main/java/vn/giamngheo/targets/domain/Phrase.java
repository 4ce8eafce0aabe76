package vn.giamngheo.targets.domain;

import java.util.List;

/**
 * A piece of a verdict's sentence to be worded from the message bundles: its key and
 * arguments (an argument may itself be a phrase, e.g. the goal "không quá 2,87%"). The
 * engine never writes words or symbols itself.
 *
 * @param key message key
 * @param args arguments (numbers, years, phrases)
 */
public record Phrase(String key, List<Object> args) {

	public Phrase {
		args = List.copyOf(args);
	}

	public static Phrase of(String key, Object... args) {
		return new Phrase(key, List.of(args));
	}

}
