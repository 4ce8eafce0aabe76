package vn.giamngheo.programmes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the programme catalogue files strictly (format: ADR 0047): every key is known,
 * node codes nest ({@code DA3} → {@code DA3.TDA2} → {@code DA3.TDA2.ND1}) and their level
 * matches, every node and the programme cite their legal basis with a verified flag (an
 * unverified one says why in a note), outputs and indicators come from closed
 * vocabularies, counted outputs name known support policies. The first problem stops the
 * start with the file and the field.
 */
final class ProgrammeFiles {

	static final List<String> LEVELS = List.of("PROJECT", "SUBPROJECT", "CONTENT");

	static final Set<String> OUTPUTS = Set.of("HOUSEHOLDS_SUPPORTED", "PEOPLE_TRAINED", "PEOPLE_EMPLOYED",
			"WORKERS_ABROAD", "HOUSES_BUILT", "HOUSES_REPAIRED", "HOUSES_SUPPORTED", "MODELS", "MODEL_PARTICIPANTS",
			"WORKS_BUILT", "CHILDREN_NUTRITION", "COMMUNICATION_SESSIONS", "OFFICERS_TRAINED");

	static final Set<String> INDICATOR_LEVELS = Set.of("OUTPUT", "OUTCOME", "IMPACT");

	private static final Set<String> TOP = Set.of("code", "name", "name_en", "period_from", "period_to", "legal_basis",
			"lead_agency", "note", "indicators", "projects");

	private static final Set<String> NODE = Set.of("code", "level", "name", "name_en", "legal_basis", "lead_agency",
			"beneficiaries", "outputs", "indicators", "children");

	private static final Set<String> CITED = Set.of("citation", "verified", "note");

	private static final Set<String> OUTPUT = Set.of("code", "name", "name_en", "unit", "unit_en", "counting");

	private static final Set<String> COUNTING = Set.of("from", "count", "policies", "amount_from", "amount_below");

	private static final Set<String> INDICATOR = Set.of("code", "name", "name_en", "level", "unit", "unit_en", "target",
			"output", "source", "verified", "note");

	private static final Set<String> MAPPING = Set.of("successors", "policy_projects");

	private static final Set<String> SUCCESSOR = Set.of("from", "to", "verified", "note");

	private static final Set<String> POLICY_PROJECT = Set.of("policy", "project", "from", "to");

	private final String file;

	private final Set<String> policies;

	private ProgrammeFiles(String file, Set<String> policies) {
		this.file = file;
		this.policies = policies;
	}

	/** A programme file. */
	static Programme programme(String file, Object yaml, Set<String> policies) {
		return new ProgrammeFiles(file, policies).programme(yaml);
	}

	/** The mapping file, checked against the programmes read. */
	static Mapping mapping(String file, Object yaml, List<Programme> programmes, Set<String> policies) {
		return new ProgrammeFiles(file, policies).mapping(yaml, programmes);
	}

	/**
	 * The mapping file.
	 *
	 * @param successors old node → new node
	 * @param policyProjects a policy's default project, dated
	 */
	record Mapping(List<Successor> successors, List<PolicyProject> policyProjects) {
	}

	/** An old node and the node it continues as. */
	record Successor(NodeRef from, NodeRef to, boolean verified, String note) {
	}

	/** The project a policy's records count for from a day to a day (null: open). */
	record PolicyProject(String policy, NodeRef project, LocalDate from, LocalDate to) {

		boolean covers(LocalDate day) {
			return !day.isBefore(this.from) && (this.to == null || !day.isAfter(this.to));
		}

	}

	private Programme programme(Object yaml) {
		Map<String, Object> top = map(yaml, "(file)");
		keys(top, TOP, "");
		String code = text(top, "code", "code");
		if (!code.matches("[A-Z]+-[0-9]{4}-[0-9]{4}")) {
			throw fail("code", "must look like GNBV-2021-2025 (got \"" + code + "\")");
		}
		String expected = code.toLowerCase(Locale.ROOT) + ".yaml";
		if (!expected.equals(this.file)) {
			throw fail("code", "the file of programme " + code + " must be named " + expected);
		}
		int from = integer(top, "period_from", "period_from");
		int to = integer(top, "period_to", "period_to");
		if (to < from) {
			throw fail("period_to", "is before period_from");
		}
		String[] basis = cited(required(top, "legal_basis", "legal_basis"), "legal_basis");
		List<ProgrammeNode> projects = nodes(required(top, "projects", "projects"), "projects", null, 0,
				new HashSet<>());
		if (projects.isEmpty()) {
			throw fail("projects", "at least one project is needed");
		}
		return new Programme(code, text(top, "name", "name"), text(top, "name_en", "name_en"), from, to, basis[0],
				Boolean.parseBoolean(basis[1]), text(top, "lead_agency", "lead_agency"), text(top, "note", "note"),
				projects, indicators(top.get("indicators"), "indicators", List.of()));
	}

	private List<ProgrammeNode> nodes(Object yaml, String at, String parent, int depth, Set<String> seen) {
		if (yaml == null) {
			return List.of();
		}
		List<Object> items = list(yaml, at);
		List<ProgrammeNode> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String nat = at + "[" + i + "]";
			Map<String, Object> n = map(items.get(i), nat);
			keys(n, NODE, nat + ".");
			String code = text(n, "code", nat + ".code");
			String segment = (parent != null && code.startsWith(parent + ".")) ? code.substring(parent.length() + 1)
					: code;
			if ((parent != null && !code.startsWith(parent + ".")) || !segment.matches("[A-Z]+[0-9]+")) {
				throw fail(nat + ".code", (parent == null) ? "a project code is letters and a number (DA3)"
						: "must be " + parent + ". and letters and a number (" + parent + ".TDA1)");
			}
			if (!seen.add(code)) {
				throw fail(nat + ".code", "node " + code + " appears twice");
			}
			if (depth >= LEVELS.size()) {
				throw fail(nat + ".code", "nodes nest at most three deep (project, sub-project, content)");
			}
			String level = text(n, "level", nat + ".level");
			if (!LEVELS.get(depth).equals(level)) {
				throw fail(nat + ".level", "a node at this depth is " + LEVELS.get(depth) + " (got " + level + ")");
			}
			String[] basis = cited(required(n, "legal_basis", nat + ".legal_basis"), nat + ".legal_basis");
			List<OutputDef> outputs = outputs(n.get("outputs"), nat + ".outputs");
			List<String> outputCodes = outputs.stream().map(OutputDef::code).toList();
			out.add(new ProgrammeNode(code, level, text(n, "name", nat + ".name"), text(n, "name_en", nat + ".name_en"),
					basis[0], Boolean.parseBoolean(basis[1]), text(n, "lead_agency", nat + ".lead_agency"),
					text(n, "beneficiaries", nat + ".beneficiaries"), outputs,
					indicators(n.get("indicators"), nat + ".indicators", outputCodes),
					nodes(n.get("children"), nat + ".children", code, depth + 1, seen)));
		}
		return List.copyOf(out);
	}

	private List<OutputDef> outputs(Object yaml, String at) {
		if (yaml == null) {
			return List.of();
		}
		List<Object> items = list(yaml, at);
		List<OutputDef> out = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String oat = at + "[" + i + "]";
			Map<String, Object> o = map(items.get(i), oat);
			keys(o, OUTPUT, oat + ".");
			String code = text(o, "code", oat + ".code");
			oneOf(code, OUTPUTS, oat + ".code", "output code");
			if (!codes.add(code)) {
				throw fail(oat + ".code", "output " + code + " appears twice on this node");
			}
			OutputDef.Counting counting = counting(required(o, "counting", oat + ".counting"), oat + ".counting");
			out.add(new OutputDef(code, text(o, "name", oat + ".name"), text(o, "name_en", oat + ".name_en"),
					text(o, "unit", oat + ".unit"), text(o, "unit_en", oat + ".unit_en"), counting != null, counting));
		}
		return List.copyOf(out);
	}

	private OutputDef.Counting counting(Object yaml, String at) {
		if ("entered".equals(yaml)) {
			return null;
		}
		if (yaml instanceof String s) {
			throw fail(at, "write entered, or a mapping with from: ledger or from: models (got \"" + s + "\")");
		}
		Map<String, Object> c = map(yaml, at);
		keys(c, COUNTING, at + ".");
		String from = text(c, "from", at + ".from");
		String count = text(c, "count", at + ".count");
		List<String> policies = strings(c.get("policies"), at + ".policies");
		Long amountFrom = (c.get("amount_from") != null) ? vnd(c.get("amount_from"), at + ".amount_from") : null;
		Long amountBelow = (c.get("amount_below") != null) ? vnd(c.get("amount_below"), at + ".amount_below") : null;
		if ("ledger".equals(from)) {
			oneOf(count, Set.of("households", "members", "records"), at + ".count", "ledger count");
			for (String p : policies) {
				oneOf(p, this.policies, at + ".policies", "support policy");
			}
		}
		else if ("models".equals(from)) {
			oneOf(count, Set.of("models", "participants"), at + ".count", "models count");
			if (!policies.isEmpty() || amountFrom != null || amountBelow != null) {
				throw fail(at + ".policies", "models are counted by their programme link only");
			}
		}
		else {
			throw fail(at + ".from", "counted from ledger or models (got \"" + from + "\")");
		}
		if (amountFrom != null && amountBelow != null && amountBelow <= amountFrom) {
			throw fail(at + ".amount_below", "must be above amount_from");
		}
		return new OutputDef.Counting(from.toUpperCase(Locale.ROOT), count.toUpperCase(Locale.ROOT), policies,
				amountFrom, amountBelow);
	}

	private List<ProgrammeIndicator> indicators(Object yaml, String at, List<String> outputs) {
		if (yaml == null) {
			return List.of();
		}
		List<Object> items = list(yaml, at);
		List<ProgrammeIndicator> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String iat = at + "[" + i + "]";
			Map<String, Object> m = map(items.get(i), iat);
			keys(m, INDICATOR, iat + ".");
			String code = text(m, "code", iat + ".code");
			if (!code.matches("[A-Z][A-Z0-9_]*")) {
				throw fail(iat + ".code", "must be upper-case letters, digits and _");
			}
			String level = text(m, "level", iat + ".level");
			oneOf(level, INDICATOR_LEVELS, iat + ".level", "indicator level");
			String output = optionalText(m, "output", iat + ".output");
			if (output != null && !outputs.contains(output)) {
				throw fail(iat + ".output", "\"" + output + "\" is not an output of this node");
			}
			out.add(new ProgrammeIndicator(code, text(m, "name", iat + ".name"), text(m, "name_en", iat + ".name_en"),
					level, text(m, "unit", iat + ".unit"), text(m, "unit_en", iat + ".unit_en"),
					optionalText(m, "target", iat + ".target"), output, text(m, "source", iat + ".source"),
					bool(m, "verified", iat + ".verified")));
		}
		return List.copyOf(out);
	}

	private Mapping mapping(Object yaml, List<Programme> programmes) {
		Map<String, Object> top = map(yaml, "(file)");
		keys(top, MAPPING, "");
		List<Successor> successors = new ArrayList<>();
		List<Object> items = list(required(top, "successors", "successors"), "successors");
		Set<NodeRef> mapped = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String sat = "successors[" + i + "]";
			Map<String, Object> s = map(items.get(i), sat);
			keys(s, SUCCESSOR, sat + ".");
			NodeRef from = ref(s, "from", sat, programmes);
			NodeRef to = ref(s, "to", sat, programmes);
			if (period(programmes, to.programme())[0] <= period(programmes, from.programme())[1]) {
				throw fail(sat + ".to", "must be a node of a later programme than " + from.programme());
			}
			if (!mapped.add(from)) {
				throw fail(sat + ".from", from.programme() + "/" + from.node() + " is mapped twice");
			}
			boolean verified = bool(s, "verified", sat + ".verified");
			String note = optionalText(s, "note", sat + ".note");
			if (!verified && note == null) {
				throw fail(sat + ".note", "an unverified mapping needs a note saying why");
			}
			successors.add(new Successor(from, to, verified, note));
		}
		List<PolicyProject> defaults = new ArrayList<>();
		List<Object> pitems = list(required(top, "policy_projects", "policy_projects"), "policy_projects");
		for (int i = 0; i < pitems.size(); i++) {
			String pat = "policy_projects[" + i + "]";
			Map<String, Object> p = map(pitems.get(i), pat);
			keys(p, POLICY_PROJECT, pat + ".");
			String policy = text(p, "policy", pat + ".policy");
			oneOf(policy, this.policies, pat + ".policy", "support policy");
			NodeRef project = ref(p, "project", pat, programmes);
			LocalDate from = date(required(p, "from", pat + ".from"), pat + ".from");
			if (!p.containsKey("to")) {
				throw fail(pat + ".to", "missing (write ~ while it lasts)");
			}
			LocalDate to = (p.get("to") != null) ? date(p.get("to"), pat + ".to") : null;
			if (to != null && to.isBefore(from)) {
				throw fail(pat + ".to", "is before from");
			}
			int[] period = period(programmes, project.programme());
			if (from.getYear() < period[0] || (to != null && to.getYear() > period[1])
					|| (to == null && period[1] < 9999 && from.getYear() > period[1])) {
				throw fail(pat + ".from", "must lie within the period of " + project.programme() + " (" + period[0]
						+ "–" + period[1] + ")");
			}
			for (PolicyProject earlier : defaults) {
				if (earlier.policy().equals(policy) && overlaps(earlier, from, to)) {
					throw fail(pat + ".from",
							"overlaps an earlier line of " + policy + " (from " + earlier.from() + ")");
				}
			}
			defaults.add(new PolicyProject(policy, project, from, to));
		}
		return new Mapping(List.copyOf(successors), List.copyOf(defaults));
	}

	private static boolean overlaps(PolicyProject earlier, LocalDate from, LocalDate to) {
		return (earlier.to() == null || !from.isAfter(earlier.to())) && (to == null || !to.isBefore(earlier.from()));
	}

	private int[] period(List<Programme> programmes, String code) {
		Programme p = programmes.stream().filter((x) -> x.code().equals(code)).findFirst().orElseThrow();
		return new int[] { p.periodFrom(), p.periodTo() };
	}

	private NodeRef ref(Map<String, Object> m, String key, String at, List<Programme> programmes) {
		String text = text(m, key, at + "." + key);
		int slash = text.indexOf('/');
		if (slash < 0) {
			throw fail(at + "." + key, "write programme/node (GNBV-2021-2025/DA5), got \"" + text + "\"");
		}
		NodeRef ref = new NodeRef(text.substring(0, slash), text.substring(slash + 1));
		Programme programme = programmes.stream()
			.filter((p) -> p.code().equals(ref.programme()))
			.findFirst()
			.orElseThrow(() -> fail(at + "." + key, "unknown programme \"" + ref.programme() + "\""));
		if (ProgrammeCatalogue.find(programme.projects(), ref.node()).isEmpty()) {
			throw fail(at + "." + key, "no node " + ref.node() + " in " + ref.programme());
		}
		return ref;
	}

	/** The citation and verified flag ("true"/"false"); unverified needs a note. */
	private String[] cited(Object yaml, String at) {
		Map<String, Object> c = map(yaml, at);
		keys(c, CITED, at + ".");
		String citation = text(c, "citation", at + ".citation");
		boolean verified = bool(c, "verified", at + ".verified");
		if (!verified && optionalText(c, "note", at + ".note") == null) {
			throw fail(at + ".note", "an unverified legal basis needs a note saying why");
		}
		return new String[] { citation, Boolean.toString(verified) };
	}

	private void keys(Map<String, Object> m, Set<String> allowed, String prefix) {
		for (String k : m.keySet()) {
			if (!allowed.contains(k)) {
				throw fail(prefix + k, "unknown key");
			}
		}
	}

	private void oneOf(String value, Set<String> allowed, String at, String what) {
		if (!allowed.contains(value)) {
			throw fail(at, "unknown " + what + " \"" + value + "\"");
		}
	}

	private List<String> strings(Object yaml, String at) {
		if (yaml == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (Object o : list(yaml, at)) {
			if (!(o instanceof String s) || s.isBlank()) {
				throw fail(at, "must be a list of codes");
			}
			out.add(s);
		}
		return List.copyOf(out);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object yaml, String at) {
		if (!(yaml instanceof Map<?, ?> m)) {
			throw fail(at, "must be a mapping of keys");
		}
		for (Object k : m.keySet()) {
			if (!(k instanceof String)) {
				throw fail(at, "keys must be words (got " + k + ")");
			}
		}
		return (Map<String, Object>) m;
	}

	@SuppressWarnings("unchecked")
	private List<Object> list(Object yaml, String at) {
		if (!(yaml instanceof List<?>)) {
			throw fail(at, "must be a list");
		}
		return (List<Object>) yaml;
	}

	private Object required(Map<String, Object> m, String key, String at) {
		Object v = m.get(key);
		if (v == null) {
			throw fail(at, "missing");
		}
		return v;
	}

	private String text(Map<String, Object> m, String key, String at) {
		Object v = required(m, key, at);
		if (!(v instanceof String s) || s.isBlank()) {
			throw fail(at, "must be text");
		}
		return s.strip();
	}

	private String optionalText(Map<String, Object> m, String key, String at) {
		return (m.get(key) != null) ? text(m, key, at) : null;
	}

	private boolean bool(Map<String, Object> m, String key, String at) {
		if (!(m.get(key) instanceof Boolean b)) {
			throw fail(at, "must be true or false");
		}
		return b;
	}

	private int integer(Map<String, Object> m, String key, String at) {
		if (!(required(m, key, at) instanceof Integer i)) {
			throw fail(at, "must be a whole number");
		}
		return i;
	}

	private long vnd(Object v, String at) {
		if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
			throw fail(at, "money is a whole, non-negative number of VND (got " + v + ")");
		}
		return ((Number) v).longValue();
	}

	private LocalDate date(Object v, String at) {
		if (v instanceof String s) {
			try {
				return LocalDate.parse(s.strip());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw fail(at, "not a date (yyyy-mm-dd): " + v);
	}

	private ProgrammeFileException fail(String field, String reason) {
		return new ProgrammeFileException(this.file, field, reason);
	}

}
