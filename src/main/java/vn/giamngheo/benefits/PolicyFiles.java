package vn.giamngheo.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.giamngheo.benefits.domain.Citation;
import vn.giamngheo.benefits.domain.Clause;
import vn.giamngheo.benefits.domain.Eligibility;
import vn.giamngheo.benefits.domain.PolicyRule;
import vn.giamngheo.benefits.domain.Shares;
import vn.giamngheo.benefits.domain.Term;
import vn.giamngheo.identity.Agency;
import vn.giamngheo.registry.domain.Codes;
import vn.giamngheo.review.domain.PhieuC;

/**
 * Reads one policy file strictly (format: ADR 0034). Every key is known, every rule has a
 * citation and a verified flag, an unverified rule says why in a note, dates parse and
 * versions do not overlap, codes come from the closed vocabularies, percentage shares sum
 * to 100. The first problem stops the start with the file and the field.
 */
final class PolicyFiles {

	static final Set<String> CLASSES = Set.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE_MIDDLE", "NOT_POOR");

	static final Set<String> DESIGNATIONS = Set.of("POOR_DISTRICT", "POOR_COMMUNE", "DBKK_COMMUNE", "DBKK_VILLAGE",
			"BORDER");

	static final Set<String> UNITS = Set.of("HOUSEHOLD", "MEMBER");

	private static final Set<String> TOP = Set.of("code", "version", "name", "name_en", "agency", "benefit_unit",
			"valid_from", "valid_to", "legal_basis", "needs", "demand_required", "note", "versions");

	private static final Set<String> VERSION = Set.of("version", "valid_from", "valid_to", "legal_basis", "note",
			"eligibility", "amounts", "rates", "shares");

	private static final Set<String> CITED = Set.of("citation", "verified", "note");

	private static final Set<String> ELIGIBILITY = Set.of("citation", "verified", "note", "any_of");

	private static final Set<String> HOUSEHOLD_CONDITIONS = Set.of("class_in", "left_list_within_years", "left_classes",
			"designation_any", "designation_none", "ethnic_minority_household", "social_protection");

	private static final Set<String> MEMBER_CONDITIONS = Set.of("age_from", "age_below", "in_school", "working_age",
			"disability", "ethnic_minority", "relation_in");

	private static final Set<String> TERM = Set.of("label", "kind", "vnd", "months", "kwh", "percent", "at_least",
			"paid", "from", "to", "where", "classes", "citation", "verified", "note");

	private static final Set<String> SHARES = Set.of("by_decision", "central", "local", "credit", "mobilised", "own",
			"citation", "verified", "note");

	private final String file;

	private PolicyFiles(String file) {
		this.file = file;
	}

	/** The versions a file states, oldest first. */
	static List<SupportPolicy> read(String file, Object yaml) {
		return new PolicyFiles(file).read(yaml);
	}

	private List<SupportPolicy> read(Object yaml) {
		Map<String, Object> top = map(yaml, "(file)");
		keys(top, TOP, "");
		String code = text(top, "code", "code");
		if (!code.matches("[A-Z][A-Z0-9_]*")) {
			throw fail("code", "must be upper-case letters, digits and _ (got \"" + code + "\")");
		}
		String expected = code.toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
		if (!expected.equals(this.file)) {
			throw fail("code", "the file of policy " + code + " must be named " + expected);
		}
		String name = text(top, "name", "name");
		String nameEn = text(top, "name_en", "name_en");
		String agency = text(top, "agency", "agency");
		if (Agency.parse(agency) == null || !Agency.parse(agency).name().equals(agency)) {
			throw fail("agency", "unknown agency \"" + agency + "\"");
		}
		String unit = text(top, "benefit_unit", "benefit_unit");
		oneOf(unit, UNITS, "benefit_unit", "benefit unit");
		List<String> needs = strings(top.get("needs"), "needs", true);
		for (String n : needs) {
			if (!PhieuC.NEEDS.contains(n) && !"EXIT_PLAN".equals(n)) {
				throw fail("needs", "unknown need code \"" + n + "\"");
			}
		}
		boolean demandRequired = bool(top, "demand_required", "demand_required");
		cited(required(top, "legal_basis", "legal_basis"), "legal_basis", null);
		List<Object> versions = list(top.get("versions"), "versions");
		if (versions.isEmpty()) {
			throw fail("versions", "at least one version is needed");
		}
		List<SupportPolicy> out = new ArrayList<>();
		PolicyRule previous = null;
		for (int i = 0; i < versions.size(); i++) {
			String at = "versions[" + i + "]";
			PolicyRule rule = version(versions.get(i), at, code, "MEMBER".equals(unit));
			if (rule.version() != i + 1) {
				throw fail(at + ".version", "versions are numbered 1, 2, 3... in order (expected " + (i + 1) + ")");
			}
			if (previous != null && (previous.validTo() == null || !previous.validTo().isBefore(rule.validFrom()))) {
				throw fail(at + ".valid_from", "overlaps version " + previous.version() + " (which runs to "
						+ ((previous.validTo() != null) ? previous.validTo() : "no end") + ")");
			}
			previous = rule;
			out.add(new SupportPolicy(code, rule.version(), name, nameEn, agency, unit, rule.validFrom(),
					rule.validTo(), rule.legalBasis().text(), rule.legalBasis().verified(), needs, demandRequired,
					this.file, rule));
		}
		PolicyRule first = out.get(0).rule();
		if (integer(top, "version", "version") != previous.version()) {
			throw fail("version", "must be the latest version's number (" + previous.version() + ")");
		}
		if (!first.validFrom().equals(date(required(top, "valid_from", "valid_from"), "valid_from"))) {
			throw fail("valid_from", "must be the first version's valid_from (" + first.validFrom() + ")");
		}
		if (!top.containsKey("valid_to")) {
			throw fail("valid_to", "missing (write ~ while the policy is in force)");
		}
		LocalDate to = (top.get("valid_to") != null) ? date(top.get("valid_to"), "valid_to") : null;
		if (!java.util.Objects.equals(to, previous.validTo())) {
			throw fail("valid_to", "must be the last version's valid_to (" + previous.validTo() + ")");
		}
		return out;
	}

	private PolicyRule version(Object yaml, String at, String code, boolean perMember) {
		Map<String, Object> v = map(yaml, at);
		keys(v, VERSION, at + ".");
		int number = integer(v, "version", at + ".version");
		LocalDate from = date(required(v, "valid_from", at + ".valid_from"), at + ".valid_from");
		if (!v.containsKey("valid_to")) {
			throw fail(at + ".valid_to", "missing (write ~ while the version is in force)");
		}
		LocalDate to = (v.get("valid_to") != null) ? date(v.get("valid_to"), at + ".valid_to") : null;
		if (to != null && to.isBefore(from)) {
			throw fail(at + ".valid_to", "is before valid_from");
		}
		String note = optionalText(v, "note", at + ".note");
		Citation basis = cited(required(v, "legal_basis", at + ".legal_basis"), at + ".legal_basis", note);
		Eligibility eligibility = eligibility(required(v, "eligibility", at + ".eligibility"), at + ".eligibility",
				perMember, note);
		List<Term> amounts = terms(v.get("amounts"), at + ".amounts", false, from, to, note);
		List<Term> rates = terms(v.get("rates"), at + ".rates", true, from, to, note);
		Shares shares = shares(required(v, "shares", at + ".shares"), at + ".shares", note);
		return new PolicyRule(code, number, from, to, perMember, basis, eligibility, amounts, rates, shares, note);
	}

	private Eligibility eligibility(Object yaml, String at, boolean perMember, String versionNote) {
		Map<String, Object> e = map(yaml, at);
		keys(e, ELIGIBILITY, at + ".");
		Citation citation = citation(e, at, versionNote);
		List<Object> clauses = list(required(e, "any_of", at + ".any_of"), at + ".any_of");
		if (clauses.isEmpty()) {
			throw fail(at + ".any_of", "at least one clause is needed");
		}
		List<Clause> out = new ArrayList<>();
		for (int i = 0; i < clauses.size(); i++) {
			out.add(clause(clauses.get(i), at + ".any_of[" + i + "]", perMember));
		}
		return new Eligibility(out, citation);
	}

	private Clause clause(Object yaml, String at, boolean perMember) {
		Map<String, Object> c = map(yaml, at);
		Set<String> allowed = new LinkedHashSet<>(HOUSEHOLD_CONDITIONS);
		allowed.add("member");
		keys(c, allowed, at + ".");
		if (c.isEmpty()) {
			throw fail(at, "a clause needs at least one condition");
		}
		Set<String> classIn = codes(c.get("class_in"), at + ".class_in", CLASSES, "class");
		Integer within = (c.get("left_list_within_years") != null)
				? positive(c, "left_list_within_years", at + ".left_list_within_years") : null;
		Set<String> leftClasses = codes(c.get("left_classes"), at + ".left_classes", Set.of("POOR", "NEAR_POOR"),
				"list class");
		if (within != null && leftClasses.isEmpty()) {
			leftClasses = Set.of("POOR", "NEAR_POOR");
		}
		if (within == null && !leftClasses.isEmpty()) {
			throw fail(at + ".left_classes", "only with left_list_within_years");
		}
		Set<String> any = codes(c.get("designation_any"), at + ".designation_any", DESIGNATIONS, "designation");
		Set<String> none = codes(c.get("designation_none"), at + ".designation_none", DESIGNATIONS, "designation");
		Boolean emHousehold = optionalBool(c, "ethnic_minority_household", at + ".ethnic_minority_household");
		Boolean social = optionalBool(c, "social_protection", at + ".social_protection");
		Map<String, Object> m = (c.get("member") != null) ? map(c.get("member"), at + ".member") : Map.of();
		if (!m.isEmpty() && !perMember) {
			throw fail(at + ".member", "member conditions need benefit_unit MEMBER");
		}
		keys(m, MEMBER_CONDITIONS, at + ".member.");
		String mat = at + ".member.";
		Integer ageFrom = (m.get("age_from") != null) ? nonNegative(m, "age_from", mat + "age_from") : null;
		Integer ageBelow = (m.get("age_below") != null) ? positive(m, "age_below", mat + "age_below") : null;
		if (ageFrom != null && ageBelow != null && ageFrom >= ageBelow) {
			throw fail(mat + "age_below", "must be above age_from");
		}
		return new Clause(classIn, within, leftClasses, any, none, emHousehold, social, ageFrom, ageBelow,
				optionalBool(m, "in_school", mat + "in_school"), optionalBool(m, "working_age", mat + "working_age"),
				optionalBool(m, "disability", mat + "disability"),
				optionalBool(m, "ethnic_minority", mat + "ethnic_minority"),
				codes(m.get("relation_in"), mat + "relation_in", Set.copyOf(Codes.RELATIONS), "relation"));
	}

	private List<Term> terms(Object yaml, String at, boolean rates, LocalDate from, LocalDate to, String versionNote) {
		if (yaml == null) {
			return List.of();
		}
		List<Object> items = list(yaml, at);
		List<Term> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String tat = at + "[" + i + "]";
			Map<String, Object> t = map(items.get(i), tat);
			keys(t, TERM, tat + ".");
			String label = text(t, "label", tat + ".label");
			oneOf(label, Set.copyOf(Term.LABELS), tat + ".label", "label");
			String kind = text(t, "kind", tat + ".kind");
			oneOf(kind, Set.copyOf(Term.KINDS), tat + ".kind", "kind");
			if (rates != Term.RATE_KINDS.contains(kind)) {
				throw fail(tat + ".kind", rates ? "a rate is PERCENT_PER_YEAR, PERCENT_OF_RATE or MONTHS_UP_TO"
						: "\"" + kind + "\" belongs under rates");
			}
			Long vnd = (t.get("vnd") != null) ? vnd(t.get("vnd"), tat + ".vnd") : null;
			Integer months = (t.get("months") != null) ? positive(t, "months", tat + ".months") : null;
			Integer kwh = (t.get("kwh") != null) ? positive(t, "kwh", tat + ".kwh") : null;
			BigDecimal percent = (t.get("percent") != null) ? percent(t.get("percent"), tat + ".percent") : null;
			needs(kind, Set.of("VND", "VND_UP_TO", "VND_PER_MONTH", "VND_PER_DAY"), vnd, tat + ".vnd");
			needs(kind, Set.of("MONTHS_UP_TO"), months, tat + ".months");
			needs(kind, Set.of("KWH_PER_MONTH"), kwh, tat + ".kwh");
			needs(kind, Set.of("PERCENT_OF_CONTRIBUTION", "PERCENT_PER_YEAR", "PERCENT_OF_RATE"), percent,
					tat + ".percent");
			boolean atLeast = Boolean.TRUE.equals(optionalBool(t, "at_least", tat + ".at_least"));
			String paid = optionalText(t, "paid", tat + ".paid");
			if (paid != null) {
				oneOf(paid, Set.copyOf(Term.PAYMENTS), tat + ".paid", "payment schedule");
			}
			LocalDate tFrom = (t.get("from") != null) ? date(t.get("from"), tat + ".from") : null;
			LocalDate tTo = (t.get("to") != null) ? date(t.get("to"), tat + ".to") : null;
			if ((tFrom != null && (tFrom.isBefore(from) || (to != null && tFrom.isAfter(to))))
					|| (tTo != null && (tTo.isBefore(from) || (to != null && tTo.isAfter(to))))
					|| (tFrom != null && tTo != null && tTo.isBefore(tFrom))) {
				throw fail(tat + ((tFrom != null) ? ".from" : ".to"), "must lie within the version's dates");
			}
			Set<String> where = codes(t.get("where"), tat + ".where", DESIGNATIONS, "designation");
			Set<String> classes = codes(t.get("classes"), tat + ".classes", CLASSES, "class");
			out.add(new Term(label, kind, vnd, months, kwh, percent, atLeast, paid, tFrom, tTo, where, classes,
					citation(t, tat, versionNote)));
		}
		return out;
	}

	private Shares shares(Object yaml, String at, String versionNote) {
		Map<String, Object> s = map(yaml, at);
		keys(s, SHARES, at + ".");
		Citation citation = citation(s, at, versionNote);
		boolean byDecision = Boolean.TRUE.equals(optionalBool(s, "by_decision", at + ".by_decision"));
		Map<String, BigDecimal> percents = new TreeMap<>();
		for (String source : Shares.SOURCES) {
			if (s.get(source) != null) {
				percents.put(source, percent(s.get(source), at + "." + source));
			}
		}
		if (!byDecision) {
			BigDecimal sum = percents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
				throw fail(at, "the shares sum to " + sum.toPlainString()
						+ " %, not 100 % (or write by_decision: true when each decision sets them)");
			}
		}
		return new Shares(byDecision, percents, citation);
	}

	private Citation cited(Object yaml, String at, String versionNote) {
		Map<String, Object> c = map(yaml, at);
		keys(c, CITED, at + ".");
		return citation(c, at, versionNote);
	}

	/**
	 * The citation, verified flag and note of a rule; unverified needs a note here or on
	 * the version.
	 */
	private Citation citation(Map<String, Object> m, String at, String versionNote) {
		String text = text(m, "citation", at + ".citation");
		if (!m.containsKey("verified") || !(m.get("verified") instanceof Boolean)) {
			throw fail(at + ".verified", "every rule needs verified: true or false");
		}
		boolean verified = (Boolean) m.get("verified");
		String note = optionalText(m, "note", at + ".note");
		if (!verified && note == null && versionNote == null) {
			throw fail(at + ".note", "an unverified rule needs a note (here or on the version) saying why");
		}
		return new Citation(text, verified, note);
	}

	private void needs(String kind, Set<String> kinds, Object value, String at) {
		if (kinds.contains(kind) && value == null) {
			throw fail(at, "missing (a " + kind + " term needs it)");
		}
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

	private Set<String> codes(Object yaml, String at, Set<String> allowed, String what) {
		Set<String> out = new LinkedHashSet<>(strings(yaml, at, false));
		out.forEach((c) -> oneOf(c, allowed, at, what));
		return out;
	}

	private List<String> strings(Object yaml, String at, boolean required) {
		if (yaml == null) {
			if (required) {
				throw fail(at, "missing (write [] for none)");
			}
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (Object o : list(yaml, at)) {
			if (!(o instanceof String s) || s.isBlank()) {
				throw fail(at, "must be a list of codes");
			}
			out.add(s);
		}
		return out;
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
		if (!(required(m, key, at) instanceof Boolean b)) {
			throw fail(at, "must be true or false");
		}
		return b;
	}

	private Boolean optionalBool(Map<String, Object> m, String key, String at) {
		return (m.get(key) != null) ? bool(m, key, at) : null;
	}

	private int integer(Map<String, Object> m, String key, String at) {
		Object v = required(m, key, at);
		if (!(v instanceof Integer i)) {
			throw fail(at, "must be a whole number");
		}
		return i;
	}

	private int positive(Map<String, Object> m, String key, String at) {
		int i = integer(m, key, at);
		if (i <= 0) {
			throw fail(at, "must be above 0");
		}
		return i;
	}

	private int nonNegative(Map<String, Object> m, String key, String at) {
		int i = integer(m, key, at);
		if (i < 0) {
			throw fail(at, "must not be negative");
		}
		return i;
	}

	private long vnd(Object v, String at) {
		if (!(v instanceof Integer || v instanceof Long)) {
			throw fail(at, "money is a whole number of VND (got " + v + ")");
		}
		long amount = ((Number) v).longValue();
		if (amount < 0) {
			throw fail(at, "must not be negative");
		}
		return amount;
	}

	private BigDecimal percent(Object v, String at) {
		BigDecimal p;
		if (v instanceof Integer i) {
			p = BigDecimal.valueOf(i);
		}
		else if (v instanceof String s) {
			try {
				p = new BigDecimal(s.strip());
			}
			catch (NumberFormatException ex) {
				throw fail(at, "not a number: \"" + s + "\"");
			}
		}
		else {
			throw fail(at, "write a percentage as a whole number or as text (\"6.60\"), never as a float");
		}
		if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0) {
			throw fail(at, "out of range: " + p.toPlainString());
		}
		return p;
	}

	private LocalDate date(Object v, String at) {
		if (v instanceof Date d) {
			return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
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

	private PolicyFileException fail(String field, String reason) {
		return new PolicyFileException(this.file, field, reason);
	}

}
