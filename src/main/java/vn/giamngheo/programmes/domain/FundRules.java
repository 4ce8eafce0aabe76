package vn.giamngheo.programmes.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of a fund line that need no catalogue and no database: amounts read as whole
 * non-negative đồng, disbursement within the allocation, and which project a node's money
 * counts in. Refusals are values (a field and a message key with its arguments).
 */
public final class FundRules {

	/** The amount fields of a line, in form order. */
	public static final List<String> AMOUNTS = List.of("planned", "allocated", "disbursed");

	private FundRules() {
	}

	/**
	 * A refusal of one field of one line.
	 *
	 * @param field the field ({@code planned}, {@code disbursed}, …)
	 * @param key the message key
	 * @param args its arguments
	 * @param rule a rule refused it (422), rather than input that cannot be read (400)
	 */
	public record Problem(String field, String key, List<Object> args, boolean rule) {
	}

	/**
	 * The amounts of a line, read, or the problems.
	 *
	 * @param planned planned
	 * @param allocated allocated
	 * @param disbursed disbursed
	 * @param problems refusals (empty when the line is good)
	 */
	public record Checked(long planned, long allocated, long disbursed, List<Problem> problems) {
	}

	/**
	 * Reads and checks the three amounts of a line.
	 * @param planned typed plan
	 * @param allocated typed allocation
	 * @param disbursed typed disbursement
	 * @return the amounts and any problem
	 */
	public static Checked check(String planned, String allocated, String disbursed) {
		List<Problem> problems = new ArrayList<>();
		String[] typed = { planned, allocated, disbursed };
		long[] values = new long[3];
		for (int i = 0; i < 3; i++) {
			Amounts.Parsed p = Amounts.parse(typed[i]);
			if (p.ok()) {
				values[i] = p.value();
			}
			else {
				problems.add(new Problem(AMOUNTS.get(i), "prog.fund.amount." + p.problem(), List.of(typed[i].strip()),
						false));
			}
		}
		if (problems.isEmpty() && values[2] > values[1]) {
			problems.add(new Problem("disbursed", "prog.fund.disbursed-above-allocated",
					List.of(Amounts.format(values[2]), Amounts.format(values[1])), true));
		}
		return new Checked(values[0], values[1], values[2], problems);
	}

	/**
	 * The project a node's money counts in: a sub-project's ({@code DA3.TDA1}) or a
	 * content's counts in its project ({@code DA3}).
	 * @param node a node code
	 * @return its project's code
	 */
	public static String projectOf(String node) {
		int dot = node.indexOf('.');
		return (dot < 0) ? node : node.substring(0, dot);
	}

	/**
	 * Node codes in reading order: {@code DA2} before {@code DA10}, a project before its
	 * sub-projects.
	 */
	public static final Comparator<String> NODE_ORDER = (a, b) -> {
		String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
		String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			int c = (Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0)))
					? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	};

}
