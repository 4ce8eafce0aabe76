package vn.giamngheo.imports.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Places (the villages of a commune) by the names people write in their lists. A written
 * name is compared without diacritics, case, punctuation or leading zeros ("Thôn 01",
 * "thon 1", "THÔN 1." are one name) to each place's full name, short name and code;
 * failing that, without the type word in front ("Thôn", "Bản", "Tổ dân phố", "TDP",
 * "Xóm", "Ấp"…), so "1" or "Bản 1" finds "Thôn 1" when the commune has no other place
 * numbered 1. A name that fits two places is ambiguous, never a guess.
 *
 * @param <T> the place
 */
public final class PlaceNames<T> {

	/** Type words of villages, longest first. */
	public static final List<String> VILLAGE_TYPES = List.of("to dan pho", "khu dan cu", "khu pho", "tdp", "thon",
			"ban", "xom", "ap", "lang", "buon", "bon", "plei", "soc", "khoi", "khom", "to", "kp", "khu", "doi");

	private static final Pattern PUNCTUATION = Pattern.compile("[.,;:_/\\\\()\\-–'\"]+");

	private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

	private final List<String> types;

	private final Map<String, List<T>> exact = new HashMap<>();

	private final Map<String, List<T>> bare = new HashMap<>();

	private final List<String> names = new ArrayList<>();

	/**
	 * @param types the type words that may stand in front of a name (folded, longest
	 * first)
	 */
	public PlaceNames(List<String> types) {
		this.types = types;
	}

	/**
	 * Adds a place.
	 * @param place the place
	 * @param shown its name as shown to users (listed when a name is unknown)
	 * @param names every name it is known by: full name, short name, code
	 */
	public PlaceNames<T> add(T place, String shown, String... names) {
		this.names.add(shown);
		for (String name : names) {
			if (name == null || name.isBlank()) {
				continue;
			}
			String key = key(name);
			put(this.exact, key, place);
			put(this.bare, strip(key), place);
		}
		return this;
	}

	private static <T> void put(Map<String, List<T>> map, String key, T place) {
		if (key.isEmpty()) {
			return;
		}
		List<T> list = map.computeIfAbsent(key, (k) -> new ArrayList<>(1));
		if (!list.contains(place)) {
			list.add(place);
		}
	}

	/** The names of the places as shown, in the order they were added. */
	public List<String> shown() {
		return this.names;
	}

	/**
	 * The place a written name denotes.
	 * @param written the name as written
	 * @return the place, or the candidates when there are none or several
	 */
	public Found<T> find(String written) {
		if (written == null || written.isBlank()) {
			return new Found<>(null, List.of());
		}
		String key = key(written);
		List<T> hits = this.exact.get(key);
		if (hits == null) {
			hits = this.bare.get(strip(key));
		}
		if (hits == null) {
			return new Found<>(null, List.of());
		}
		return (hits.size() == 1) ? new Found<>(hits.get(0), hits) : new Found<>(null, List.copyOf(hits));
	}

	/**
	 * The place a written name denotes among the places of several parents, tried in
	 * order (a commune code may name a 2024 commune and a different 2025 one: the
	 * village's name says which).
	 * @param parents the parents, at least one, the likeliest first
	 * @param placesOf the places of a parent by name
	 * @param written the name as written
	 * @return the first parent where the name fits one place, with that place; otherwise
	 * the first parent with no place, and the candidates of the first parent where the
	 * name is ambiguous
	 */
	public static <P, T> Among<P, T> among(List<P> parents, Function<P, PlaceNames<T>> placesOf, String written) {
		List<T> ambiguous = List.of();
		for (P parent : parents) {
			Found<T> found = placesOf.apply(parent).find(written);
			if (found.place() != null) {
				return new Among<>(parent, found);
			}
			if (found.ambiguous() && ambiguous.isEmpty()) {
				ambiguous = found.candidates();
			}
		}
		return new Among<>(parents.get(0), new Found<>(null, ambiguous));
	}

	/** A name compared: folded, punctuation as spaces, numbers without leading zeros. */
	static String key(String name) {
		String k = PUNCTUATION.matcher(TextNormalizer.fold(name)).replaceAll(" ");
		k = LEADING_ZEROS.matcher(k).replaceAll("");
		return k.replaceAll("\\s+", " ").trim();
	}

	/** A key without the type word in front ("thon 1" → "1"). */
	String strip(String key) {
		for (String type : this.types) {
			if (key.startsWith(type + " ") && key.length() > type.length() + 1) {
				return key.substring(type.length() + 1);
			}
		}
		return key;
	}

	/**
	 * What a name found.
	 *
	 * @param place the place, or null when none or several fit
	 * @param candidates the places that fit (several: the name is ambiguous)
	 * @param <T> the place
	 */
	public record Found<T>(T place, List<T> candidates) {

		public boolean ambiguous() {
			return this.candidates.size() > 1;
		}

	}

	/**
	 * What a name found among the places of several parents.
	 *
	 * @param parent the parent of the place found, or the first parent when none was
	 * @param found the place, or the candidates when there are none or several
	 * @param <P> the parent
	 * @param <T> the place
	 */
	public record Among<P, T>(P parent, Found<T> found) {
	}

}
