package vn.giamngheo.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.targets.domain.Comparator;
import vn.giamngheo.targets.domain.Judging;

/**
 * A resolution file (YAML) read into records; every problem is reported with the field it
 * is in (e.g. {@code targets[3].comparator}), and nothing is kept unless the whole file
 * is valid.
 */
public final class ResolutionFile {

	/**
	 * A resolution as written in its file.
	 */
	public record Resolution(String code, String issuer, String issuerEn, String number, LocalDate issuedOn,
			String title, String titleEn, int periodFrom, int periodTo, String provinceCode, String unitCode,
			String baselineNote, String source, boolean verified, List<Target> targets, String yaml, String edition) {

		public Resolution(String code, String issuer, String issuerEn, String number, LocalDate issuedOn, String title,
				String titleEn, int periodFrom, int periodTo, String provinceCode, String unitCode, String baselineNote,
				String source, boolean verified, List<Target> targets, String yaml) {
			this(code, issuer, issuerEn, number, issuedOn, title, titleEn, periodFrom, periodTo, provinceCode, unitCode,
					baselineNote, source, verified, targets, yaml, EDITION_2024);
		}

	}

	/** The unit list a scope names by default: the list of 2024 (before the reform). */
	public static final String EDITION_2024 = "2024";

	/** The unit list in force from 1 July 2025 (Thành phố Đà Nẵng is code 48 in it). */
	public static final String EDITION_2025 = "2025";

	/**
	 * Where a value of a reference series comes from.
	 *
	 * @param source the citation (decision, publisher)
	 * @param verified whether the value was read in the cited text
	 */
	public record ReferenceSource(String source, boolean verified) {
	}

	/**
	 * A target as written in its file.
	 */
	public record Target(String code, String indicator, String group, String numeratorGroup, Comparator comparator,
			double value, Double valueMax, Integer targetYear, Integer baselineYear, Double baselineValue,
			TreeMap<Integer, Double> reported, TreeMap<Integer, Double> reference, String referenceNote, String quote,
			String note, boolean scorecard, Judging judging, TreeMap<Integer, ReferenceSource> referenceSources,
			String legalBasis, boolean verified) {
	}

	private ResolutionFile() {
	}

	/**
	 * Reads and checks a file.
	 * @param yaml the text
	 * @param catalogue indicators the targets may name
	 * @return the resolution
	 * @throws DomainException INVALID_INPUT with one problem per bad field
	 */
	@SuppressWarnings("unchecked")
	public static Resolution parse(String yaml, IndicatorCatalogue catalogue) {
		List<FieldProblem> problems = new ArrayList<>();
		Object loaded;
		try {
			loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "targets.file.not-yaml",
					String.valueOf(ex.getMessage()).lines().findFirst().orElse(""))));
		}
		if (!(loaded instanceof Map<?, ?> root)) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "targets.file.not-yaml", "")));
		}
		Map<String, Object> r = (Map<String, Object>) root;
		String code = text(r, "code", "code", true, problems);
		if (code != null && !code.matches("[A-Za-z0-9._-]{2,64}")) {
			problems.add(new FieldProblem("code", "targets.file.bad-code", code));
		}
		String issuer = text(r, "issuer", "issuer", true, problems);
		String title = text(r, "title", "title", true, problems);
		Map<String, Object> period = (r.get("period") instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
		Integer from = integer(period.get("from"), "period.from", true, problems);
		Integer to = integer(period.get("to"), "period.to", true, problems);
		if (from != null && to != null && to < from) {
			problems.add(new FieldProblem("period.to", "targets.file.period-order", from, to));
		}
		Map<String, Object> scope = (r.get("scope") instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
		String province = (scope.get("province") == null) ? null : scope.get("province").toString();
		if (province == null || !province.matches("[0-9]{2}")) {
			problems.add(new FieldProblem("scope.province", "targets.file.bad-province", province));
		}
		String unit = (scope.get("unit") == null) ? null : scope.get("unit").toString();
		String edition = (scope.get("edition") == null) ? EDITION_2024 : scope.get("edition").toString();
		if (!EDITION_2024.equals(edition) && !EDITION_2025.equals(edition)) {
			problems.add(new FieldProblem("scope.edition", "targets.file.bad-edition", edition));
		}
		LocalDate issuedOn = null;
		if (r.get("issued_on") != null) {
			try {
				issuedOn = LocalDate.parse(r.get("issued_on").toString());
			}
			catch (RuntimeException ex) {
				problems.add(new FieldProblem("issued_on", "targets.file.bad-date", r.get("issued_on")));
			}
		}
		List<Target> targets = new ArrayList<>();
		Object list = r.get("targets");
		if (!(list instanceof List<?> items) || items.isEmpty()) {
			problems.add(new FieldProblem("targets", "targets.file.no-targets"));
		}
		else {
			java.util.Set<String> codes = new java.util.HashSet<>();
			for (int k = 0; k < items.size(); k++) {
				String at = "targets[" + (k + 1) + "]";
				if (!(items.get(k) instanceof Map<?, ?> tm)) {
					problems.add(new FieldProblem(at, "targets.file.not-a-target"));
					continue;
				}
				Target t = target((Map<String, Object>) tm, at, from, to, catalogue, problems);
				if (t != null && !codes.add(t.code())) {
					problems.add(new FieldProblem(at + ".code", "targets.file.duplicate-code", t.code()));
				}
				if (t != null) {
					targets.add(t);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return new Resolution(code, issuer, (String) r.get("issuer_en"), str(r.get("number")), issuedOn, title,
				str(r.get("title_en")), from, to, province, unit, str(r.get("baseline_note")), str(r.get("source")),
				Boolean.TRUE.equals(r.get("verified")), targets, yaml, edition);
	}

	private static String str(Object o) {
		return (o == null) ? null : o.toString();
	}

	@SuppressWarnings("unchecked")
	private static Target target(Map<String, Object> t, String at, Integer from, Integer to,
			IndicatorCatalogue catalogue, List<FieldProblem> problems) {
		int before = problems.size();
		String code = text(t, "code", at + ".code", true, problems);
		String indicator = text(t, "indicator", at + ".indicator", true, problems);
		if (indicator != null && catalogue.find(indicator).isEmpty()) {
			problems.add(new FieldProblem(at + ".indicator", "targets.file.unknown-indicator", indicator));
		}
		String group = (t.get("group") == null) ? "ALL" : t.get("group").toString();
		String numeratorGroup = str(t.get("numerator_group"));
		for (String g : new String[] { group, numeratorGroup }) {
			if (g != null) {
				try {
					Group.parse(g);
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem(at + ".group", "targets.file.unknown-group", ex.getMessage()));
				}
			}
		}
		Comparator comparator = null;
		String c = str(t.get("comparator"));
		try {
			comparator = Comparator.valueOf(String.valueOf(c));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(at + ".comparator", "targets.file.unknown-comparator", c));
		}
		Double value = IndicatorCatalogue.num(t.get("value"));
		if (value == null) {
			problems.add(new FieldProblem(at + ".value", "targets.file.required", "value"));
		}
		Double valueMax = IndicatorCatalogue.num(t.get("value_max"));
		Integer targetYear = integer(t.get("target_year"), at + ".target_year", false, problems);
		if (targetYear != null && from != null && to != null && (targetYear < from || targetYear > to)) {
			problems.add(new FieldProblem(at + ".target_year", "targets.file.year-outside", targetYear, from, to));
		}
		if (comparator != null && comparator.isReduction() && targetYear != null) {
			problems.add(new FieldProblem(at + ".target_year", "targets.file.reduction-yearly"));
		}
		if (comparator == Comparator.TIMES_BASELINE && t.get("baseline_year") == null) {
			problems.add(new FieldProblem(at + ".baseline_year", "targets.file.required", "baseline_year"));
		}
		if (comparator == Comparator.BELOW_REFERENCE && !(t.get("reference") instanceof Map<?, ?>)) {
			problems.add(new FieldProblem(at + ".reference", "targets.file.required", "reference"));
		}
		Integer baselineYear = integer(t.get("baseline_year"), at + ".baseline_year", false, problems);
		Judging judging = null;
		if (t.get("judged") != null) {
			String how = t.get("judged").toString().trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
			judging = "EACH_YEAR".equals(how) ? Judging.EACH_YEAR : "AVERAGE".equals(how) ? Judging.AVERAGE : null;
			if (judging == null) {
				problems.add(new FieldProblem(at + ".judged", "targets.file.bad-judged", t.get("judged")));
			}
			else if (targetYear != null) {
				problems.add(new FieldProblem(at + ".judged", "targets.file.judged-yearly"));
			}
		}
		TreeMap<Integer, ReferenceSource> sources = new TreeMap<>();
		TreeMap<Integer, Double> reference = reference(t.get("reference"), at + ".reference", sources, problems);
		String quote = text(t, "quote", at + ".quote", true, problems);
		if (problems.size() > before) {
			return null;
		}
		return new Target(code, indicator, Group.parse(group).code(),
				(numeratorGroup == null) ? null : Group.parse(numeratorGroup).code(), comparator, value, valueMax,
				targetYear, baselineYear, IndicatorCatalogue.num(t.get("baseline_value")),
				series(t.get("reported"), at + ".reported", problems), reference, str(t.get("reference_note")), quote,
				str(t.get("note")), Boolean.TRUE.equals(t.get("scorecard")), judging, sources,
				str(t.get("legal_basis")), Boolean.TRUE.equals(t.get("verified")));
	}

	/**
	 * A reference series: each year's value alone ({@code 2022: 3.49}) or with its source
	 * and verified flag ({@code 2022: {value: 3.49, source: "...", verified: false}}).
	 */
	private static TreeMap<Integer, Double> reference(Object o, String at, TreeMap<Integer, ReferenceSource> sources,
			List<FieldProblem> problems) {
		TreeMap<Integer, Double> result = new TreeMap<>();
		if (!(o instanceof Map<?, ?> m)) {
			return result;
		}
		for (Map.Entry<?, ?> e : m.entrySet()) {
			Object raw = e.getValue();
			if (raw instanceof Map<?, ?> entry) {
				Integer year = integer(e.getKey(), at, true, problems);
				Double v = IndicatorCatalogue.num(entry.get("value"));
				Object source = entry.get("source");
				if (year == null || v == null) {
					problems.add(new FieldProblem(at, "targets.file.bad-series", e.getKey()));
					continue;
				}
				if (source == null || source.toString().isBlank()) {
					problems.add(new FieldProblem(at + "." + year + ".source", "targets.file.required", "source"));
					continue;
				}
				result.put(year, v);
				sources.put(year,
						new ReferenceSource(source.toString().trim(), Boolean.TRUE.equals(entry.get("verified"))));
			}
			else {
				result.putAll(series(Map.of(e.getKey(), (raw == null) ? "" : raw), at, problems));
			}
		}
		return result;
	}

	private static TreeMap<Integer, Double> series(Object o, String at, List<FieldProblem> problems) {
		TreeMap<Integer, Double> result = new TreeMap<>();
		if (o instanceof Map<?, ?> m) {
			for (Map.Entry<?, ?> e : m.entrySet()) {
				Integer year = integer(e.getKey(), at, true, problems);
				Double v = IndicatorCatalogue.num(e.getValue());
				if (year == null || v == null) {
					problems.add(new FieldProblem(at, "targets.file.bad-series", e.getKey()));
					continue;
				}
				result.put(year, v);
			}
		}
		return result;
	}

	private static String text(Map<String, Object> m, String key, String field, boolean required,
			List<FieldProblem> problems) {
		Object v = m.get(key);
		if (v == null || v.toString().isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "targets.file.required", key));
			}
			return null;
		}
		return v.toString().trim();
	}

	private static Integer integer(Object v, String field, boolean required, List<FieldProblem> problems) {
		if (v == null) {
			if (required) {
				problems.add(new FieldProblem(field, "targets.file.required", field));
			}
			return null;
		}
		try {
			int year = Integer.parseInt(v.toString().trim());
			if (year < 1990 || year > 2100) {
				problems.add(new FieldProblem(field, "targets.file.bad-year", v));
				return null;
			}
			return year;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "targets.file.bad-year", v));
			return null;
		}
	}

}
