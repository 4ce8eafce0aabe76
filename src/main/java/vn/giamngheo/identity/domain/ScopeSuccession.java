package vn.giamngheo.identity.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an account's scope follows its units across the 1 July 2025 reform (ADR 0029): a
 * pure rule, no Spring, no database. The caller names the account's units that have ended
 * and, for each, its successors in force:
 * <ul>
 * <li>a 2024 province: the 2025 province(s) that hold its old communes;</li>
 * <li>a 2024 district: the 2025 communes that took its old communes;</li>
 * <li>a 2024 commune: its new commune ({@code full}), or the new communes a split
 * ({@code partial}) commune went to;</li>
 * <li>a village of an old commune: the village(s) its households were moved to.</li>
 * </ul>
 * A successor is <em>whole</em> when it took a whole old commune of the unit (a
 * {@code full} crosswalk row; for a village, the one village its households went to).
 * <p>
 * The rule: an ended unit stays in VIEW (old reviews keep old unit paths and must stay
 * readable) and its successors are added to VIEW; CAPTURE leaves the ended unit for its
 * whole successors. A unit is flagged for the administrator, and left as it is, when it
 * has no successor, when its successors lie in more than one province, when a former
 * district's successors are more than the limit, or (CAPTURE only) when no successor is
 * whole (a split commune: which new commune the officer now works in is a staffing
 * decision). Running the rule on its own result changes nothing.
 */
public final class ScopeSuccession {

	/** A former district may take up to this many new communes without a flag. */
	public static final int DEFAULT_MAX_COMMUNES = 10;

	private ScopeSuccession() {
	}

	/**
	 * The scope after the reform.
	 * @param view the account's VIEW units
	 * @param capture the account's CAPTURE units
	 * @param successors for each unit of the account that has ended (by id), its
	 * successors in force; a unit not named here is in force and kept as it is
	 * @param maxCommunes the most new communes a former district may take without a flag
	 * @return the new scope and the flags
	 */
	public static Outcome rescope(List<Place> view, List<Place> capture, Map<Long, List<Successor>> successors,
			int maxCommunes) {
		Set<Place> newView = new LinkedHashSet<>(view);
		Set<Place> newCapture = new LinkedHashSet<>(capture);
		List<Flag> flags = new ArrayList<>();
		Set<Long> viewIds = ids(view);
		for (Place unit : capture) {
			List<Successor> next = successors.get(unit.id());
			if (next == null) {
				continue;
			}
			Reason reason = reason(unit, next, maxCommunes);
			if (reason != null) {
				flags.add(new Flag(unit, Scope.CAPTURE, reason, distinct(next).size()));
				continue;
			}
			List<Place> whole = next.stream().filter(Successor::whole).map(Successor::to).distinct().toList();
			newView.add(unit);
			newView.addAll(distinct(next));
			if (whole.isEmpty()) {
				flags.add(new Flag(unit, Scope.CAPTURE, Reason.SPLIT, distinct(next).size()));
				continue;
			}
			newCapture.remove(unit);
			newCapture.addAll(whole);
		}
		for (Place unit : view) {
			List<Successor> next = successors.get(unit.id());
			if (next == null || flagged(flags, unit)) {
				continue;
			}
			if (next.stream().anyMatch((s) -> viewIds.contains(s.to().id()))) {
				continue;
			}
			Reason reason = reason(unit, next, maxCommunes);
			if (reason != null) {
				flags.add(new Flag(unit, Scope.VIEW, reason, distinct(next).size()));
				continue;
			}
			newView.addAll(distinct(next));
		}
		return new Outcome(List.copyOf(newView), List.copyOf(newCapture), flags);
	}

	/** Why the unit cannot follow its successors, or {@code null}. */
	private static Reason reason(Place unit, List<Successor> next, int maxCommunes) {
		if (next.isEmpty()) {
			return "village".equals(unit.level()) ? Reason.NOT_MOVED : Reason.NO_SUCCESSOR;
		}
		if (next.stream().map((s) -> s.to().provinceCode()).distinct().count() > 1) {
			return Reason.CROSSES_PROVINCES;
		}
		if ("district".equals(unit.level()) && distinct(next).size() > maxCommunes) {
			return Reason.TOO_MANY;
		}
		return null;
	}

	private static boolean flagged(List<Flag> flags, Place unit) {
		return flags.stream().anyMatch((f) -> f.unit().equals(unit));
	}

	private static List<Place> distinct(List<Successor> next) {
		Map<Long, Place> places = new LinkedHashMap<>();
		next.forEach((s) -> places.putIfAbsent(s.to().id(), s.to()));
		return List.copyOf(places.values());
	}

	private static Set<Long> ids(List<Place> places) {
		Set<Long> ids = new LinkedHashSet<>();
		places.forEach((p) -> ids.add(p.id()));
		return ids;
	}

	/** VIEW or CAPTURE. */
	public enum Scope {

		VIEW, CAPTURE

	}

	/** Why a unit was left for the administrator. */
	public enum Reason {

		/** The unit has no successor in the crosswalk. */
		NO_SUCCESSOR,
		/** A village whose households have not been moved to a 2025 village yet. */
		NOT_MOVED,
		/** A split commune (or village): no successor took it whole, so CAPTURE waits. */
		SPLIT,
		/** The successors lie in more than one province. */
		CROSSES_PROVINCES,
		/** A former district whose successors are more than the limit. */
		TOO_MANY

	}

	/**
	 * A unit of a scope.
	 *
	 * @param id unit id
	 * @param key {@code code@edition}
	 * @param name full name
	 * @param level province, district, commune, village
	 * @param provinceCode province code
	 */
	public record Place(long id, String key, String name, String level, String provinceCode) {
	}

	/**
	 * A successor of an ended unit.
	 *
	 * @param to the unit in force
	 * @param whole it took a whole old commune (or village) of the ended unit
	 */
	public record Successor(Place to, boolean whole) {
	}

	/**
	 * A unit left for the administrator.
	 *
	 * @param unit the ended unit
	 * @param scope where the account holds it
	 * @param reason why
	 * @param successors how many successors it has
	 */
	public record Flag(Place unit, Scope scope, Reason reason, int successors) {
	}

	/**
	 * The scope after the rule.
	 *
	 * @param view VIEW units
	 * @param capture CAPTURE units
	 * @param flags units left for the administrator
	 */
	public record Outcome(List<Place> view, List<Place> capture, List<Flag> flags) {

		/** True when the scope differs from the one given. */
		public boolean changes(List<Place> viewBefore, List<Place> captureBefore) {
			return !Set.copyOf(this.view).equals(Set.copyOf(viewBefore))
					|| !Set.copyOf(this.capture).equals(Set.copyOf(captureBefore));
		}

	}

}
