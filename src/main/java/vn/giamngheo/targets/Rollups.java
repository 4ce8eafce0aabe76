package vn.giamngheo.targets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.targets.domain.Rollup;
import vn.giamngheo.targets.domain.Rollup.Aggregation;
import vn.giamngheo.targets.domain.Rollup.Node;
import vn.giamngheo.targets.persistence.TargetRepository;

/**
 * Entered values rolled up the unit tree: a district or province without a value of its
 * own gets one from the communes (and districts) under it by the indicator's aggregation,
 * with the communes that reported. Weights come from the registry's aggregates of the
 * review year (the latest at or before the value's year).
 */
@Service
public class Rollups {

	private final TargetRepository repository;

	private final Aggregates aggregates;

	public Rollups(TargetRepository repository, Aggregates aggregates) {
		this.repository = repository;
		this.aggregates = aggregates;
	}

	/**
	 * What the roll-ups of one unit and year share (the tree, the weights), read once.
	 */
	public final class Scope {

		private final Unit unit;

		private final int year;

		private Node tree;

		private final Map<Long, Long> villages = new HashMap<>();

		private final Map<Aggregation, Map<Long, Long>> weights = new EnumMap<>(Aggregation.class);

		public Scope(Unit unit, int year) {
			this.unit = unit;
			this.year = year;
		}

		Node tree() {
			if (this.tree == null) {
				Map<Long, List<Object[]>> byParent = new HashMap<>();
				Object[] root = null;
				for (Object[] row : Rollups.this.repository.subtree(this.unit.id(), this.unit.path())) {
					if ((long) row[0] == this.unit.id()) {
						root = row;
					}
					else {
						byParent.computeIfAbsent((Long) row[1], (k) -> new ArrayList<>()).add(row);
					}
					this.villages.put((Long) row[0], (Long) row[4]);
				}
				this.tree = (root == null) ? new Node(this.unit.id(), this.unit.name(), true, List.of())
						: node(root, byParent);
			}
			return this.tree;
		}

		private Node node(Object[] row, Map<Long, List<Object[]>> byParent) {
			List<Node> children = new ArrayList<>();
			for (Object[] c : byParent.getOrDefault((Long) row[0], List.of())) {
				children.add(node(c, byParent));
			}
			return new Node((Long) row[0], (String) row[2], "commune".equals(row[3]), children);
		}

		Map<Long, Long> weights(Aggregation aggregation) {
			tree();
			if (aggregation == Aggregation.VILLAGES) {
				return this.villages;
			}
			return this.weights.computeIfAbsent(aggregation, (a) -> {
				Map<Long, Long> result = new HashMap<>();
				if (a != Aggregation.HOUSEHOLDS && a != Aggregation.PERSONS
						&& a != Aggregation.POOR_NEAR_POOR_PERSONS) {
					return result;
				}
				List<Integer> years = Rollups.this.aggregates.years(this.unit.id());
				Integer review = null;
				for (int y : years) {
					if (y <= this.year || review == null) {
						review = y;
					}
				}
				if (review == null) {
					return result;
				}
				for (List<UnitFigures> communes : Rollups.this.aggregates.communesByParent(this.unit.id(), review)
					.values()) {
					for (UnitFigures c : communes) {
						long w = switch (a) {
							case HOUSEHOLDS -> c.figures().households();
							case PERSONS -> c.figures().persons();
							default -> c.figures().poorPersons() + c.figures().nearPoorPersons();
						};
						result.put(c.unitId(), w);
					}
				}
				return result;
			});
		}

	}

	/**
	 * The value of an entered indicator for a unit and year: its own approved value, or
	 * the roll-up of the units under it.
	 * @param indicator the indicator
	 * @param scope the unit and year
	 * @return the value with its completeness
	 */
	public Rollup.Result result(IndicatorDef indicator, Scope scope) {
		Map<Long, Double> own = this.repository.approvedUnder(indicator.code(), scope.unit.path(), scope.year);
		Aggregation aggregation = indicator.rollup();
		return Rollup.of(scope.tree(), own, scope.weights(aggregation), aggregation);
	}

	/**
	 * Approved values of an entered indicator for a unit by year, with the years in which
	 * only units under it reported rolled up.
	 */
	public Map<Integer, Double> series(IndicatorDef indicator, Unit unit) {
		Map<Integer, Double> values = new java.util.TreeMap<>(this.repository.approved(indicator.code(), unit.id()));
		if (indicator.rollup() == Aggregation.NONE || unit.isCommune()) {
			return values;
		}
		for (int y : this.repository.approvedYearsUnder(indicator.code(), unit.path())) {
			if (!values.containsKey(y)) {
				Double v = result(indicator, new Scope(unit, y)).value();
				if (v != null) {
					values.put(y, v);
				}
			}
		}
		return values;
	}

}
