package vn.giamngheo.targets.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolls entered values up the unit tree (DHIS2-style aggregation of data entered per
 * commune): a unit keeps its own value when it has one; otherwise its value is made from
 * its children's (own or rolled up), by the indicator's aggregation, and it says which
 * communes were covered. Plain Java: the caller supplies the tree, the approved values
 * and each commune's weight.
 */
public final class Rollup {

	/**
	 * How an indicator combines across units, declared per indicator in the catalogue.
	 */
	public enum Aggregation {

		/** Counts: the sum of the children's values. */
		SUM,
		/** A share of communes (each commune 0–100): mean weighted by communes. */
		COMMUNES,
		/** A share of villages: mean weighted by each commune's villages. */
		VILLAGES,
		/** A share of households: mean weighted by households assessed. */
		HOUSEHOLDS,
		/** A share of (or rate per) the population: mean weighted by persons. */
		PERSONS,
		/** A share of the members of poor and near-poor households: weighted by them. */
		POOR_NEAR_POOR_PERSONS,
		/** Not additive (its denominator is not known here): never rolled up. */
		NONE;

		public static Aggregation parse(String text) {
			return (text == null) ? NONE : valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * A unit of the tree.
	 *
	 * @param id unit id
	 * @param name unit name
	 * @param commune whether it is a commune (a leaf)
	 * @param children its children (districts of a province, communes of a district)
	 */
	public record Node(long id, String name, boolean commune, List<Node> children) {
	}

	/**
	 * The value of a unit.
	 *
	 * @param value the value, or null when neither the unit nor any commune under it
	 * reported (or the indicator is not additive)
	 * @param own whether it is the unit's own entered value
	 * @param reported communes covered (by their own value or an ancestor's below the
	 * unit)
	 * @param communes communes under the unit
	 * @param missing names of the communes not covered
	 */
	public record Result(Double value, boolean own, int reported, int communes, List<String> missing) {
	}

	private Rollup() {
	}

	/**
	 * Computes a unit's value.
	 * @param node the unit with its subtree
	 * @param own approved values by unit id
	 * @param weights weight of each commune (ignored for SUM and COMMUNES)
	 * @param aggregation the indicator's aggregation
	 * @return the value with its completeness
	 */
	public static Result of(Node node, Map<Long, Double> own, Map<Long, Long> weights, Aggregation aggregation) {
		Sum s = eval(node, own, weights, aggregation);
		return new Result(s.value, s.own, s.reported, s.communes, s.missing);
	}

	private static final class Sum {

		Double value;

		boolean own;

		long weight;

		int reported;

		int communes;

		List<String> missing = new ArrayList<>();

	}

	private static long weightOf(Node node, Map<Long, Long> weights, Aggregation aggregation) {
		if (node.commune()) {
			return (aggregation == Aggregation.COMMUNES) ? 1 : weights.getOrDefault(node.id(), 0L);
		}
		long w = 0;
		for (Node c : node.children()) {
			w += weightOf(c, weights, aggregation);
		}
		return w;
	}

	private static int communes(Node node) {
		if (node.commune()) {
			return 1;
		}
		int n = 0;
		for (Node c : node.children()) {
			n += communes(c);
		}
		return n;
	}

	private static Sum eval(Node node, Map<Long, Double> own, Map<Long, Long> weights, Aggregation aggregation) {
		Sum s = new Sum();
		s.communes = communes(node);
		s.weight = weightOf(node, weights, aggregation);
		Double mine = own.get(node.id());
		if (mine != null) {
			s.value = mine;
			s.own = true;
			s.reported = s.communes;
			return s;
		}
		if (node.commune() || aggregation == Aggregation.NONE) {
			if (node.commune()) {
				s.missing.add(node.name());
			}
			else {
				collectMissing(node, s.missing);
			}
			return s;
		}
		double total = 0;
		double weighted = 0;
		long weightSum = 0;
		boolean any = false;
		for (Node c : node.children()) {
			Sum cs = eval(c, own, weights, aggregation);
			s.reported += cs.reported;
			s.missing.addAll(cs.missing);
			if (cs.value == null) {
				continue;
			}
			if (aggregation == Aggregation.SUM) {
				total += cs.value;
				any = true;
			}
			else if (cs.weight > 0) {
				weighted += cs.value * cs.weight;
				weightSum += cs.weight;
				any = true;
			}
		}
		if (any) {
			s.value = (aggregation == Aggregation.SUM) ? total : weighted / weightSum;
			// a rolled-up value stands for the communes that reported, not the whole unit
			s.weight = weightSum;
		}
		return s;
	}

	private static void collectMissing(Node node, List<String> missing) {
		if (node.commune()) {
			missing.add(node.name());
			return;
		}
		for (Node c : node.children()) {
			collectMissing(c, missing);
		}
	}

}
