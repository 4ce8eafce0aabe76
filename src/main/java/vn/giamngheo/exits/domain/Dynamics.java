package vn.giamngheo.exits.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import vn.giamngheo.exits.domain.PairGroup.ClassOf;

/**
 * Counts one dynamics form (ADR 0044) from grouped households: the total of the unit, its
 * urban and rural households, and each child unit (a household that moved from one child
 * to another leaves the first as "other decrease" and enters the second as "other
 * increase", and stays in the total). Pure Java.
 */
public final class Dynamics {

	private Dynamics() {
	}

	/** Which list a form is about. */
	public enum Listed {

		/** "TỔNG HỢP DIỄN BIẾN HỘ NGHÈO". */
		POOR(ClassOf.POOR, ClassOf.NEAR_POOR),
		/** "TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO". */
		NEAR_POOR(ClassOf.NEAR_POOR, ClassOf.POOR);

		final ClassOf own;

		final ClassOf other;

		Listed(ClassOf own, ClassOf other) {
			this.own = own;
			this.other = other;
		}

		/** Whether a group was on the list in an earlier year (for FELL_BACK). */
		boolean before(PairGroup g) {
			return (this == POOR) ? g.poorBefore() : g.listedBefore();
		}

	}

	/** The kind of a line of a form. */
	public enum Kind {

		TOTAL, URBAN, RURAL, CHILD

	}

	/**
	 * One line of a form.
	 *
	 * @param kind total, urban, rural or a child unit
	 * @param unitId the child unit's id (null for the other kinds)
	 * @param name the child unit's name (null for the other kinds)
	 * @param households by column
	 * @param persons by column
	 */
	public record Line(Kind kind, Long unitId, String name, Map<Column, Long> households, Map<Column, Long> persons) {

		/**
		 * Whether end = start − decreases + increases holds by households and persons.
		 */
		public boolean balanced() {
			return balanced(this.households) && balanced(this.persons);
		}

		private static boolean balanced(Map<Column, Long> v) {
			long sum = v.get(Column.START);
			for (Map.Entry<Column, Long> e : v.entrySet()) {
				sum += e.getKey().decrease() ? -e.getValue() : e.getKey().increase() ? e.getValue() : 0;
			}
			return sum == v.get(Column.END);
		}

	}

	/** A child unit of the unit reported on. */
	public record Child(long id, String name) {
	}

	/**
	 * Where a household on the list at the end came from (an increase column), or null
	 * when it was on the list at the start.
	 * @param listed the list
	 * @param start class of the start year in the unit (null: none)
	 * @param before on the list in an earlier year
	 * @return the increase column, or null
	 */
	public static Column entry(Listed listed, ClassOf start, boolean before) {
		if (start == null) {
			return Column.OTHER_INCREASE;
		}
		if (start == listed.own) {
			return null;
		}
		if (start == listed.other) {
			return Column.FROM_OTHER_LIST;
		}
		return before ? Column.FELL_BACK : Column.NEW;
	}

	/**
	 * Where a household on the list at the start went (a decrease column), or null when
	 * it stayed.
	 * @param listed the list
	 * @param end class of the end year in the unit (null: none)
	 * @return the decrease column, or null
	 */
	public static Column exit(Listed listed, ClassOf end) {
		if (end == null) {
			return Column.OTHER_DECREASE;
		}
		if (end == listed.own) {
			return null;
		}
		return (end == listed.other) ? Column.TO_OTHER_LIST : Column.ABOVE;
	}

	/**
	 * The lines of a form: total, urban, rural, then each child.
	 * @param listed the list the form is about
	 * @param groups the unit's households, grouped
	 * @param children the child units, in order (none for a village)
	 * @return the lines
	 */
	public static List<Line> lines(Listed listed, List<PairGroup> groups, List<Child> children) {
		List<Line> lines = new ArrayList<>();
		lines.add(line(listed, Kind.TOTAL, null, null, groups, (g) -> g.startChild() != null,
				(g) -> g.endChild() != null));
		lines.add(line(listed, Kind.URBAN, null, null, groups.stream().filter(PairGroup::urban).toList(),
				(g) -> g.startChild() != null, (g) -> g.endChild() != null));
		lines.add(line(listed, Kind.RURAL, null, null, groups.stream().filter((g) -> !g.urban()).toList(),
				(g) -> g.startChild() != null, (g) -> g.endChild() != null));
		for (Child c : children) {
			String key = String.valueOf(c.id());
			lines.add(line(listed, Kind.CHILD, c.id(), c.name(), groups, (g) -> key.equals(g.startChild()),
					(g) -> key.equals(g.endChild())));
		}
		return lines;
	}

	private static Line line(Listed listed, Kind kind, Long id, String name, List<PairGroup> groups,
			Predicate<PairGroup> inStart, Predicate<PairGroup> inEnd) {
		Map<Column, Long> households = zero();
		Map<Column, Long> persons = zero();
		for (PairGroup g : groups) {
			ClassOf start = inStart.test(g) ? g.start() : null;
			ClassOf end = inEnd.test(g) ? g.end() : null;
			boolean wasListed = start == listed.own;
			boolean isListed = end == listed.own;
			if (wasListed) {
				add(households, persons, Column.START, g.households(), g.startPersons());
				Column out = exit(listed, end);
				if (out != null) {
					add(households, persons, out, g.households(), g.startPersons());
				}
				else {
					// stayed: members gained or lost are the other changes by persons
					persons.merge(Column.OTHER_INCREASE, g.grownPersons(), Long::sum);
					persons.merge(Column.OTHER_DECREASE, g.shrunkPersons(), Long::sum);
				}
			}
			if (isListed) {
				add(households, persons, Column.END, g.households(), g.endPersons());
				Column in = entry(listed, start, listed.before(g));
				if (in != null) {
					add(households, persons, in, g.households(), g.endPersons());
				}
			}
		}
		return new Line(kind, id, name, households, persons);
	}

	private static void add(Map<Column, Long> households, Map<Column, Long> persons, Column c, long h, long p) {
		households.merge(c, h, Long::sum);
		persons.merge(c, p, Long::sum);
	}

	private static Map<Column, Long> zero() {
		Map<Column, Long> m = new EnumMap<>(Column.class);
		for (Column c : Column.values()) {
			m.put(c, 0L);
		}
		return m;
	}

}
