package vn.giamngheo.benefits.domain;

import java.util.List;

/**
 * Why an entry is (or is no longer) on a list: a message key of the support bundle and
 * its arguments, so it is shown in the reader's language.
 *
 * @param key the message key
 * @param args its arguments, already formatted (dates dd/MM/yyyy)
 */
public record Reason(String key, List<String> args) {

	public Reason {
		args = List.copyOf(args);
	}

}
