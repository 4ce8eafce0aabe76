package vn.giamngheo.registry.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * How the villages of a province's old communes move to the communes of 1 July 2025 (ADR
 * 0028). An old commune that went whole into one new commune ({@code full} in the
 * crosswalk) moves with all its villages. A split one ({@code partial}) moves village by
 * village: each village gets a suggested new commune among the communes that received
 * part of it, with the reason shown to the officer, who accepts or chooses; until then
 * its households wait in the province's "chưa xác định xã mới" unit.
 */
public final class MovePlan {

	/** Share of shared words above which a village and a commune have similar names. */
	static final double SIMILAR = 0.5;

	private MovePlan() {
	}

	/** A unit as the plan needs it: id, full name ("Xã Dang") and short name ("Dang"). */
	public record Named(long id, String name, String shortName) {
	}

	/** An old commune and where the crosswalk sends it. */
	public record OldCommune(Named commune, List<Named> targets, boolean split) {

		public OldCommune {
			targets = List.copyOf(targets);
		}

	}

	/** Why a commune was suggested for a village, each shown from the bundles. */
	public enum Reason {

		/**
		 * The village bears the new commune's name ("Thôn Hải Vân 2" → Phường Hải Vân).
		 */
		VILLAGE_NAME,
		/** Most words of the village's name are in the new commune's name. */
		SIMILAR_NAME,
		/**
		 * The new commune bears the old commune's name: its core most likely went there.
		 */
		OLD_COMMUNE_NAME,
		/** Only one new commune received part of the old commune. */
		ONLY_TARGET,
		/** Nothing points to one commune: the officer chooses. */
		NONE

	}

	/**
	 * A suggestion for one village of a split commune.
	 *
	 * @param communeId the suggested new commune, or null (reason NONE)
	 * @param reason why
	 */
	public record Suggestion(Long communeId, Reason reason) {

		public boolean any() {
			return this.communeId != null;
		}

	}

	/**
	 * The suggestion for a village of a split old commune among the communes that
	 * received part of it: the village's own name first (it names the place it lies in),
	 * then a commune bearing the old commune's name, else none.
	 */
	public static Suggestion suggest(Named village, OldCommune old) {
		List<Named> targets = old.targets();
		if (targets.isEmpty()) {
			return new Suggestion(null, Reason.NONE);
		}
		if (targets.size() == 1) {
			return new Suggestion(targets.get(0).id(), Reason.ONLY_TARGET);
		}
		Set<String> villageWords = words(village.shortName());
		List<Named> named = targets.stream().filter((t) -> {
			Set<String> w = words(t.shortName());
			return !w.isEmpty() && villageWords.containsAll(w);
		}).toList();
		if (named.size() == 1) {
			return new Suggestion(named.get(0).id(), Reason.VILLAGE_NAME);
		}
		Named best = targets.stream()
			.max(Comparator.comparingDouble((Named t) -> similarity(villageWords, words(t.shortName()))))
			.orElseThrow();
		double score = similarity(villageWords, words(best.shortName()));
		long ties = targets.stream().filter((t) -> similarity(villageWords, words(t.shortName())) == score).count();
		if (score >= SIMILAR && ties == 1) {
			return new Suggestion(best.id(), Reason.SIMILAR_NAME);
		}
		String oldName = TextNormalizer.fold(old.commune().shortName());
		List<Named> heirs = targets.stream().filter((t) -> TextNormalizer.fold(t.shortName()).equals(oldName)).toList();
		if (heirs.size() == 1) {
			return new Suggestion(heirs.get(0).id(), Reason.OLD_COMMUNE_NAME);
		}
		return new Suggestion(null, Reason.NONE);
	}

	/** Suggestions for the villages of a split commune, in their order. */
	public static List<Suggestion> suggest(List<Named> villages, OldCommune old) {
		List<Suggestion> result = new ArrayList<>();
		for (Named v : villages) {
			result.add(suggest(v, old));
		}
		return result;
	}

	/**
	 * Whether a village may be placed in a commune: only in one of the communes that
	 * received part of its old commune.
	 */
	public static boolean allowed(long communeId, OldCommune old) {
		return old.targets().stream().anyMatch((t) -> t.id() == communeId);
	}

	/** Shared words over all words of two names (0 when either has no word). */
	static double similarity(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		long shared = a.stream().filter(b::contains).count();
		return (double) shared / (a.size() + b.size() - shared);
	}

	/** Words that say what kind of unit a name is, not where. */
	static final Set<String> KINDS = Set.of("thon", "ban", "xom", "ap", "khoi", "to", "dan", "pho", "xa", "phuong");

	/** The words of a name, folded, without numbers and kinds ("Thôn 3" has none). */
	static Set<String> words(String name) {
		if (name == null) {
			return Set.of();
		}
		return Arrays.stream(TextNormalizer.fold(name).split("[^\\p{L}\\p{N}]+"))
			.filter((w) -> !w.isEmpty() && !KINDS.contains(w) && !w.chars().allMatch(Character::isDigit))
			.collect(Collectors.toSet());
	}

}
