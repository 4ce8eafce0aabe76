package vn.giamngheo.standards.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.af.Fraction;

/**
 * Loads and validates the standard files listed in {@code index.yaml}. Any malformed file
 * throws a {@link StandardFormatException} naming the file and the field.
 */
public final class StandardLoader {

	private final Function<String, String> reader;

	private final Map<String, Map<String, Object>> raw = new LinkedHashMap<>();

	private final Map<String, String> fileOfKey = new LinkedHashMap<>();

	private Vocabulary vocabulary = Vocabulary.NONE;

	private StandardLoader(Function<String, String> reader) {
		this.reader = reader;
	}

	/**
	 * Loads the standards shipped on the class path under {@code standards/}.
	 * @return the catalogue
	 */
	public static StandardCatalogue loadClasspath() {
		return new StandardLoader(CLASSPATH).load();
	}

	/**
	 * Loads only what one standard needs (its file, its bases and, with a province, the
	 * overlays): the batch command's quick start. Every file is still validated in full
	 * by {@link #loadClasspath()} at application start and in the tests.
	 * @param key national standard key
	 * @param province province code of an overlay, or {@code null}
	 * @return the standard, or empty when unknown
	 */
	public static Optional<Standard> loadOneFromClasspath(String key, String province) {
		StandardLoader loader = new StandardLoader(CLASSPATH);
		Map<String, Object> index = loader.parse("index.yaml");
		List<String> national = stringList(index, "standards", "index.yaml");
		loader.nationalFiles.addAll(national);
		loader.vocabulary(index);
		if (!national.contains(key + ".yaml")) {
			return Optional.empty();
		}
		loader.register(key + ".yaml");
		if (province == null) {
			return Optional.of(loader.build(key + ".yaml"));
		}
		List<String> local = index.containsKey("local") ? stringList(index, "local", "index.yaml") : List.of();
		for (String file : local) {
			Map<String, Object> map = loader.register(file);
			Object p = map.get("province");
			if (p instanceof Map<?, ?> pm && province.equals(String.valueOf(pm.get("code")))
					&& key.equals(String.valueOf(map.get("base")))) {
				return Optional.of(loader.build(file));
			}
		}
		return Optional.empty();
	}

	/**
	 * Loads a draft standard given as text (an uploaded file), validated as the shipped
	 * files are. The draft may be complete, or name a {@code base} (a national standard
	 * or a provincial overlay shipped on the class path) and give only what it changes,
	 * as an overlay does. Nothing is registered: the catalogue stays as it is.
	 * @param file the file's name, as errors quote it
	 * @param text the file's text
	 * @return the draft standard, merged onto its base
	 * @throws StandardFormatException naming the file and the field when the draft is
	 * malformed
	 */
	public static Standard loadDraft(String file, String text) {
		String draft = "(draft) " + file;
		StandardLoader loader = new StandardLoader((name) -> name.equals(draft) ? text : readClasspath(name));
		Map<String, Object> index = loader.parse("index.yaml");
		loader.nationalFiles.addAll(stringList(index, "standards", "index.yaml"));
		loader.vocabulary(index);
		Map<String, Object> map;
		try {
			map = loader.parse(draft);
		}
		catch (StandardFormatException ex) {
			throw new StandardFormatException(file, ex.field(), reasonOf(ex));
		}
		Object base = map.get("base");
		if (base != null) {
			String baseFile = null;
			if (loader.nationalFiles.contains(base + ".yaml")) {
				baseFile = base + ".yaml";
			}
			else if (index.containsKey("local")) {
				for (String local : stringList(index, "local", "index.yaml")) {
					if (String.valueOf(base).equals(String.valueOf(loader.parse(local).get("key")))) {
						baseFile = local;
					}
				}
			}
			if (baseFile == null) {
				throw new StandardFormatException(file, "base", "unknown standard '" + base + "'");
			}
			loader.register(baseFile);
		}
		// the draft is not registered by key: it may keep the key of the file it was
		// edited from
		loader.raw.put(draft, map);
		try {
			return loader.build(draft);
		}
		catch (StandardFormatException ex) {
			throw new StandardFormatException(file, ex.field(), reasonOf(ex));
		}
	}

	private static String reasonOf(StandardFormatException ex) {
		String prefix = ex.file() + ": " + ex.field() + ": ";
		String message = ex.getMessage();
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	/**
	 * Reads standard files from the class path (an inner class: no lambda bootstrap at
	 * start).
	 */
	private static final Function<String, String> CLASSPATH = new Function<>() {
		@Override
		public String apply(String name) {
			return readClasspath(name);
		}
	};

	private static String readClasspath(String name) {
		try (InputStream in = StandardLoader.class.getClassLoader().getResourceAsStream("standards/" + name)) {
			if (in == null) {
				throw new StandardFormatException(name, "(file)", "not found on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private final List<String> nationalFiles = new ArrayList<>();

	private Map<String, Object> register(String file) {
		Map<String, Object> known = this.raw.get(file);
		if (known != null) {
			return known;
		}
		Map<String, Object> map = parse(file);
		this.raw.put(file, map);
		this.fileOfKey.put(string(map, "key", file), file);
		Object base = map.get("base");
		if (base != null && !this.fileOfKey.containsKey(String.valueOf(base))
				&& this.nationalFiles.contains(base + ".yaml")) {
			register(base + ".yaml");
		}
		return map;
	}

	/**
	 * Loads the standards of a directory holding an {@code index.yaml}.
	 * @param directory the directory
	 * @return the catalogue
	 */
	public static StandardCatalogue loadDirectory(Path directory) {
		return new StandardLoader((name) -> {
			try {
				return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new StandardFormatException(name, "(file)", "cannot be read: " + ex.getMessage());
			}
		}).load();
	}

	private StandardCatalogue load() {
		Map<String, Object> index = parse("index.yaml");
		List<String> nationalFiles = stringList(index, "standards", "index.yaml");
		List<String> localFiles = index.containsKey("local") ? stringList(index, "local", "index.yaml") : List.of();
		List<String> tableFiles = index.containsKey("score_tables") ? stringList(index, "score_tables", "index.yaml")
				: List.of();
		vocabulary(index);
		List<String> all = new ArrayList<>(nationalFiles);
		all.addAll(localFiles);
		for (String file : all) {
			Map<String, Object> map = parse(file);
			String key = string(map, "key", file);
			if (this.fileOfKey.containsKey(key)) {
				throw new StandardFormatException(file, "key",
						"duplicate key '" + key + "' (also in " + this.fileOfKey.get(key) + ")");
			}
			this.fileOfKey.put(key, file);
			this.raw.put(file, map);
		}
		List<Standard> standards = new ArrayList<>();
		for (String file : nationalFiles) {
			Standard standard = build(file);
			if (!file.equals(standard.key() + ".yaml")) {
				throw new StandardFormatException(file, "key",
						"a national standard's file must be named <key>.yaml, key is '" + standard.key() + "'");
			}
			if (standard.isLocal()) {
				throw new StandardFormatException(file, "province", "a national standard must not name a province");
			}
			standards.add(standard);
		}
		for (String file : localFiles) {
			Standard standard = build(file);
			if (!standard.isLocal() || standard.base() == null) {
				throw new StandardFormatException(file, "province",
						"a local standard needs 'province.code' and 'base'");
			}
			standards.add(standard);
		}
		List<ScoreTable> tables = new ArrayList<>();
		for (String file : tableFiles) {
			tables.add(scoreTable(file, parse(file)));
		}
		return new StandardCatalogue(standards, tables);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String file) {
		Object doc = MiniYaml.parse(file, this.reader.apply(file));
		if (!(doc instanceof Map)) {
			throw new StandardFormatException(file, "(root)", "must be a mapping");
		}
		return (Map<String, Object>) doc;
	}

	private Map<String, Object> merged(String file, Set<String> seen) {
		Map<String, Object> own = this.raw.get(file);
		Object base = own.get("base");
		if (base == null) {
			return own;
		}
		String baseFile = this.fileOfKey.get(String.valueOf(base));
		if (baseFile == null) {
			throw new StandardFormatException(file, "base", "unknown standard '" + base + "'");
		}
		if (!seen.add(baseFile)) {
			throw new StandardFormatException(file, "base", "cycle through '" + base + "'");
		}
		Map<String, Object> result = deepMerge(merged(baseFile, seen), own);
		// what identifies a file is never inherited
		result.put("base", base);
		if (!own.containsKey("province")) {
			result.remove("province");
		}
		if (!own.containsKey("example")) {
			result.remove("example");
		}
		if (!own.containsKey("notes")) {
			result.remove("notes");
		}
		if (!own.containsKey("legal_act")) {
			result.remove("legal_act");
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
		Map<String, Object> result = new LinkedHashMap<>(base);
		for (Map.Entry<String, Object> entry : over.entrySet()) {
			Object mine = entry.getValue();
			Object theirs = result.get(entry.getKey());
			if (mine == null) {
				result.remove(entry.getKey());
			}
			else if (mine instanceof Map && theirs instanceof Map) {
				result.put(entry.getKey(), deepMerge((Map<String, Object>) theirs, (Map<String, Object>) mine));
			}
			else {
				result.put(entry.getKey(), mine);
			}
		}
		return result;
	}

	private Standard build(String file) {
		Map<String, Object> m = merged(file, new HashSet<>(Set.of(file)));
		String key = string(m, "key", file);
		int version = (int) number(m, "version", file);
		Text name = text(m, "name", file);
		Map<String, Object> period = map(m, "period", file);
		LocalDate from = date(period, "from", file, "period.from");
		LocalDate to = date(period, "to", file, "period.to");
		if (to.isBefore(from)) {
			throw new StandardFormatException(file, "period.to", "is before period.from");
		}
		String legalBasis = string(m, "legal_basis", file);
		Text legalAct = text(m, "legal_act", file);
		boolean verified = bool(m, "verified", file, "verified");
		String base = m.containsKey("base") ? String.valueOf(m.get("base")) : null;
		String province = null;
		if (m.containsKey("province")) {
			province = string(map(m, "province", file), "code", file, "province.code");
		}
		boolean example = m.containsKey("example") && bool(m, "example", file, "example");
		Map<String, Threshold> parameters = new LinkedHashMap<>();
		if (m.containsKey("parameters")) {
			Map<String, Object> params = map(m, "parameters", file);
			for (String p : params.keySet()) {
				parameters.put(p, threshold(params, p, file, "parameters"));
			}
		}
		WayRules incomeWay = way(map(m, "income_way", file), file, "income_way", false);
		WayRules scoreWay = m.containsKey("score_way") ? way(map(m, "score_way", file), file, "score_way", true) : null;
		Object list = m.get("indicators");
		if (!(list instanceof List<?> items) || items.isEmpty()) {
			throw new StandardFormatException(file, "indicators", "must be a non-empty list");
		}
		List<Indicator> indicators = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String path = "indicators[" + i + "]";
			if (!(items.get(i) instanceof Map<?, ?>)) {
				throw new StandardFormatException(file, path, "must be a mapping");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> ind = (Map<String, Object>) items.get(i);
			String code = string(ind, "code", file, path + ".code");
			if (!isCode(code)) {
				throw new StandardFormatException(file, path + ".code", "must be three capital letters: " + code);
			}
			if (!codes.add(code)) {
				throw new StandardFormatException(file, path + ".code", "duplicate indicator code " + code);
			}
			path = "indicators[" + code + "]";
			Object pred = ind.get("predicate");
			if (pred == null) {
				throw new StandardFormatException(file, path + ".predicate", "is required");
			}
			indicators.add(new Indicator(code, text(ind, "service", file, path + ".service"),
					text(ind, "name", file, path + ".name"), text(ind, "definition", file, path + ".definition"),
					string(ind, "legal_basis", file, path + ".legal_basis"),
					bool(ind, "verified", file, path + ".verified"),
					householdPredicate(pred, file, path + ".predicate", parameters),
					text(ind, "explanation", file, path + ".explanation")));
		}
		int cutoff = (int) incomeWay.deprivationCutoff().value();
		if (cutoff < 1 || cutoff > indicators.size()) {
			throw new StandardFormatException(file, "income_way.deprivation_cutoff.value",
					"must be between 1 and the number of indicators (" + indicators.size() + ")");
		}
		Text notes = m.containsKey("notes") ? text(m, "notes", file) : null;
		AfSpec af = m.containsKey("alkire_foster") ? alkireFoster(map(m, "alkire_foster", file), indicators, file)
				: null;
		return new Standard(key, version, name, from, to, legalBasis, legalAct, verified, base, province, example,
				Map.copyOf(parameters), incomeWay, scoreWay, List.copyOf(indicators), notes, af, file, this.vocabulary);
	}

	/**
	 * The Alkire–Foster section: {@code weights} is {@code equal} (each indicator 1/n, as
	 * the legal rule counts deprivations) or a mapping indicator code → exact fraction
	 * naming every indicator; {@code k} an exact fraction in (0, 1].
	 */
	private static AfSpec alkireFoster(Map<String, Object> m, List<Indicator> indicators, String file) {
		String path = "alkire_foster";
		List<String> codes = indicators.stream().map(Indicator::code).toList();
		List<Fraction> weights = new ArrayList<>();
		Object w = m.get("weights");
		if ("equal".equals(w)) {
			codes.forEach((c) -> weights.add(Fraction.of(1, codes.size())));
		}
		else if (w instanceof Map<?, ?> byCode) {
			if (!byCode.keySet().equals(new HashSet<>(codes))) {
				throw new StandardFormatException(file, path + ".weights",
						"must give a weight to each indicator " + codes + ", got " + byCode.keySet());
			}
			for (String c : codes) {
				long[] f = fraction(byCode.get(c), file, path + ".weights." + c);
				weights.add(Fraction.of(f[0], f[1]));
			}
		}
		else {
			throw new StandardFormatException(file, path + ".weights", "must be 'equal' or a mapping code → fraction");
		}
		long[] k = fraction(m.get("k"), file, path + ".k");
		AfSpec spec = new AfSpec(codes, weights, Fraction.of(k[0], k[1]),
				string(m, "legal_basis", file, path + ".legal_basis"), bool(m, "verified", file, path + ".verified"));
		try {
			spec.measure();
		}
		catch (IllegalArgumentException ex) {
			throw new StandardFormatException(file, path, ex.getMessage());
		}
		return spec;
	}

	private static boolean isCode(String code) {
		if (code.length() != 3) {
			return false;
		}
		for (int i = 0; i < 3; i++) {
			char c = code.charAt(i);
			if (c < 'A' || c > 'Z') {
				return false;
			}
		}
		return true;
	}

	private WayRules way(Map<String, Object> m, String file, String path, boolean score) {
		AreaThreshold poverty = area(m, "poverty_line", file, path);
		AreaThreshold near = m.containsKey("near_poverty_line") ? area(m, "near_poverty_line", file, path) : null;
		AreaThreshold middle = m.containsKey("middle_ceiling") ? area(m, "middle_ceiling", file, path) : null;
		AreaThreshold upper = (near != null) ? near : poverty;
		for (boolean urban : new boolean[] { false, true }) {
			String a = urban ? "urban" : "rural";
			if (near != null && near.of(urban).value() < poverty.of(urban).value()) {
				throw new StandardFormatException(file, path + ".near_poverty_line." + a, "is below the poverty line");
			}
			if (middle != null && middle.of(urban).value() < upper.of(urban).value()) {
				throw new StandardFormatException(file, path + ".middle_ceiling." + a, "is below the poverty line");
			}
		}
		Threshold cutoff = threshold(m, score ? "deprivation_score_cutoff" : "deprivation_cutoff", file, path);
		Threshold points = score ? threshold(m, "points_per_deprivation", file, path) : null;
		if (points != null && points.value() <= 0) {
			throw new StandardFormatException(file, path + ".points_per_deprivation.value", "must be positive");
		}
		Map<String, Object> only = map(m, "income_only_poor", file, path + ".income_only_poor");
		boolean onlyValue = bool(only, "value", file, path + ".income_only_poor.value");
		Threshold incomeOnly = new Threshold(path + ".income_only_poor", onlyValue ? 1 : 0,
				string(only, "legal_basis", file, path + ".income_only_poor.legal_basis"),
				bool(only, "verified", file, path + ".income_only_poor.verified"));
		Threshold agricultureOnly = null;
		if (m.get("middle_agriculture_only") != null) {
			Map<String, Object> agri = map(m, "middle_agriculture_only", file, path + ".middle_agriculture_only");
			agricultureOnly = new Threshold(path + ".middle_agriculture_only",
					bool(agri, "value", file, path + ".middle_agriculture_only.value") ? 1 : 0,
					string(agri, "legal_basis", file, path + ".middle_agriculture_only.legal_basis"),
					bool(agri, "verified", file, path + ".middle_agriculture_only.verified"));
		}
		return new WayRules(poverty, near, middle, cutoff, points, incomeOnly, agricultureOnly);
	}

	private AreaThreshold area(Map<String, Object> m, String name, String file, String path) {
		Map<String, Object> a = map(m, name, file, path + "." + name);
		return new AreaThreshold(threshold(a, "rural", file, path + "." + name),
				threshold(a, "urban", file, path + "." + name));
	}

	private Threshold threshold(Map<String, Object> m, String name, String file, String parent) {
		String field = parent + "." + name;
		Map<String, Object> t = map(m, name, file, field);
		long value = number(t, "value", file, field + ".value");
		if (value < 0) {
			throw new StandardFormatException(file, field + ".value", "must not be negative");
		}
		return new Threshold(field, value, string(t, "legal_basis", file, field + ".legal_basis"),
				bool(t, "verified", file, field + ".verified"));
	}

	// ---- predicates

	private Predicates.HouseholdPredicate householdPredicate(Object node, String file, String path,
			Map<String, Threshold> params) {
		Map<String, Object> m = node(node, file, path);
		if (m.containsKey("field")) {
			String field = string(m, "field", file, path + ".field");
			Class<?> type = Predicates.HOUSEHOLD_FIELD_TYPES.get(field);
			if (type == null) {
				throw new StandardFormatException(file, path + ".field", "unknown household field '" + field
						+ "', expected one of " + Predicates.HOUSEHOLD_FIELD_TYPES.keySet());
			}
			FieldTest test = fieldTest(m, type, file, path);
			return new Predicates.HouseholdField(field, test.values, test.negate);
		}
		String op = single(m, file, path);
		String p = path + "." + op;
		Object arg = m.get(op);
		return switch (op) {
			case "all" -> new Predicates.AllOf(
					list(arg, file, p).stream().map((x) -> householdPredicate(x, file, p, params)).toList());
			case "any" -> new Predicates.AnyOf(
					list(arg, file, p).stream().map((x) -> householdPredicate(x, file, p, params)).toList());
			case "not" -> new Predicates.Not(householdPredicate(arg, file, p, params));
			case "any_member" -> new Predicates.AnyMember(memberPredicate(arg, file, p, params));
			case "member_share" -> {
				Map<String, Object> share = node(arg, file, p);
				long[] fraction = fraction(share.get("above"), file, p + ".above");
				yield new Predicates.MemberShare(memberPredicate(share.get("where"), file, p + ".where", params),
						fraction[0], fraction[1]);
			}
			case "floor_area_per_member_below" -> {
				BigDecimal value;
				try {
					value = new BigDecimal(String.valueOf(resolve(arg, params, file, p)));
				}
				catch (NumberFormatException ex) {
					throw new StandardFormatException(file, p, "must be a number of m²");
				}
				yield new Predicates.FloorAreaPerMemberBelow(value);
			}
			default -> throw new StandardFormatException(file, p, "unknown household predicate '" + op
					+ "', expected field, all, any, not, any_member, member_share, floor_area_per_member_below");
		};
	}

	private List<Predicates.HouseholdPredicate> householdPredicates(List<?> nodes, String file, String path,
			Map<String, Threshold> params) {
		List<Predicates.HouseholdPredicate> result = new ArrayList<>(nodes.size());
		for (Object node : nodes) {
			result.add(householdPredicate(node, file, path, params));
		}
		return List.copyOf(result);
	}

	private List<Predicates.MemberPredicate> memberPredicates(List<?> nodes, String file, String path,
			Map<String, Threshold> params) {
		List<Predicates.MemberPredicate> result = new ArrayList<>(nodes.size());
		for (Object node : nodes) {
			result.add(memberPredicate(node, file, path, params));
		}
		return List.copyOf(result);
	}

	private Predicates.MemberPredicate memberPredicate(Object node, String file, String path,
			Map<String, Threshold> params) {
		Map<String, Object> m = node(node, file, path);
		if (m.containsKey("field")) {
			String field = string(m, "field", file, path + ".field");
			Class<?> type = Predicates.MEMBER_FIELD_TYPES.get(field);
			if (type == null) {
				throw new StandardFormatException(file, path + ".field", "unknown member field '" + field
						+ "', expected one of " + Predicates.MEMBER_FIELD_TYPES.keySet());
			}
			FieldTest test = fieldTest(m, type, file, path);
			return new Predicates.MemberField(field, test.values, test.negate);
		}
		String op = single(m, file, path);
		String p = path + "." + op;
		Object arg = m.get(op);
		return switch (op) {
			case "all" -> new Predicates.MemberAll(memberPredicates(list(arg, file, p), file, p, params));
			case "any" -> new Predicates.MemberAny(memberPredicates(list(arg, file, p), file, p, params));
			case "not" -> new Predicates.MemberNot(memberPredicate(arg, file, p, params));
			case "age" -> {
				Map<String, Object> age = node(arg, file, p);
				for (String k : age.keySet()) {
					if (!k.equals("from") && !k.equals("below")) {
						throw new StandardFormatException(file, p + "." + k, "unknown key, expected from / below");
					}
				}
				int from = age.containsKey("from")
						? toInt(resolve(age.get("from"), params, file, p + ".from"), file, p + ".from") : -1;
				int below = age.containsKey("below")
						? toInt(resolve(age.get("below"), params, file, p + ".below"), file, p + ".below") : -1;
				if (from < 0 && below < 0) {
					throw new StandardFormatException(file, p, "needs from and/or below");
				}
				if (from >= 0 && below >= 0 && below <= from) {
					throw new StandardFormatException(file, p + ".below", "must be greater than from");
				}
				yield new Predicates.Age(from, below);
			}
			default -> throw new StandardFormatException(file, p,
					"unknown member predicate '" + op + "', expected field, all, any, not, age");
		};
	}

	private record FieldTest(Set<Object> values, boolean negate) {
	}

	private FieldTest fieldTest(Map<String, Object> m, Class<?> type, String file, String path) {
		int ops = 0;
		Set<Object> values = new LinkedHashSet<>();
		boolean negate = false;
		for (String k : m.keySet()) {
			switch (k) {
				case "field" -> {
				}
				case "equals" -> {
					ops++;
					values.add(value(m.get(k), type, file, path + ".equals"));
				}
				case "in", "not_in" -> {
					ops++;
					negate = k.equals("not_in");
					List<?> list = list(m.get(k), file, path + "." + k);
					for (int i = 0; i < list.size(); i++) {
						values.add(value(list.get(i), type, file, path + "." + k + "[" + i + "]"));
					}
				}
				default -> throw new StandardFormatException(file, path + "." + k,
						"unknown key, expected equals, in or not_in");
			}
		}
		if (ops != 1) {
			throw new StandardFormatException(file, path, "needs exactly one of equals, in, not_in");
		}
		return new FieldTest(Set.copyOf(values), negate);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object value(Object raw, Class<?> type, String file, String path) {
		if (type == Boolean.class) {
			if (!(raw instanceof Boolean)) {
				throw new StandardFormatException(file, path, "must be true or false");
			}
			return raw;
		}
		try {
			return Enum.valueOf((Class<? extends Enum>) type, String.valueOf(raw));
		}
		catch (IllegalArgumentException ex) {
			throw new StandardFormatException(file, path,
					"unknown value '" + raw + "', expected one of " + List.of(type.getEnumConstants()));
		}
	}

	private static Object resolve(Object raw, Map<String, Threshold> params, String file, String path) {
		if (raw instanceof String s && s.startsWith("$")) {
			Threshold t = params.get(s.substring(1));
			if (t == null) {
				throw new StandardFormatException(file, path, "unknown parameter " + s);
			}
			return t.value();
		}
		return raw;
	}

	private static int toInt(Object raw, String file, String path) {
		if (raw instanceof Number n) {
			return n.intValue();
		}
		throw new StandardFormatException(file, path, "must be a whole number");
	}

	private static long[] fraction(Object raw, String file, String path) {
		String s = String.valueOf(raw).trim();
		try {
			String[] parts = s.split("/");
			long num = Long.parseLong(parts[0].trim());
			long den = (parts.length == 2) ? Long.parseLong(parts[1].trim()) : 1;
			if (parts.length > 2 || den <= 0 || num < 0) {
				throw new NumberFormatException();
			}
			return new long[] { num, den };
		}
		catch (NumberFormatException ex) {
			throw new StandardFormatException(file, path, "must be an exact fraction such as 1/2, got '" + raw + "'");
		}
	}

	private static String single(Map<String, Object> m, String file, String path) {
		if (m.size() != 1) {
			throw new StandardFormatException(file, path, "must have exactly one operator, got " + m.keySet());
		}
		return m.keySet().iterator().next();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> node(Object node, String file, String path) {
		if (!(node instanceof Map)) {
			throw new StandardFormatException(file, path, "must be a mapping");
		}
		return (Map<String, Object>) node;
	}

	private static List<?> list(Object node, String file, String path) {
		if (!(node instanceof List<?> list) || list.isEmpty()) {
			throw new StandardFormatException(file, path, "must be a non-empty list");
		}
		return list;
	}

	// ---- vocabulary

	/**
	 * Reads the names of fact values named by the index ({@code vocabulary:}), if any:
	 * each named field must be a fact field with coded values, and name every one of
	 * them.
	 */
	private void vocabulary(Map<String, Object> index) {
		if (!index.containsKey("vocabulary")) {
			return;
		}
		String file = string(index, "vocabulary", "index.yaml");
		Map<String, Object> m = parse(file);
		Map<String, Map<String, Text>> names = new LinkedHashMap<>();
		for (String field : m.keySet()) {
			Class<?> type = Predicates.HOUSEHOLD_FIELD_TYPES.get(field);
			if (type == null) {
				type = Predicates.MEMBER_FIELD_TYPES.get(field);
			}
			if (type == null || !type.isEnum()) {
				throw new StandardFormatException(file, field, "is not a fact field with coded values");
			}
			Map<String, Object> values = map(m, field, file);
			Map<String, Text> named = new LinkedHashMap<>();
			for (Object constant : type.getEnumConstants()) {
				String value = ((Enum<?>) constant).name();
				named.put(value, text(values, value, file, field + "." + value));
			}
			for (String value : values.keySet()) {
				if (!named.containsKey(value)) {
					throw new StandardFormatException(file, field + "." + value, "is not a value of " + field);
				}
			}
			names.put(field, Map.copyOf(named));
		}
		this.vocabulary = new Vocabulary(names);
	}

	// ---- score tables

	private ScoreTable scoreTable(String file, Map<String, Object> m) {
		String standard = string(m, "standard", file);
		String area = string(m, "area", file);
		if (!area.equals("rural") && !area.equals("urban")) {
			throw new StandardFormatException(file, "area", "must be rural or urban");
		}
		List<?> items = list(m.get("items"), file, "items");
		List<ScoreTable.Item> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String p = "items[" + i + "]";
			Map<String, Object> item = node(items.get(i), file, p);
			Map<String, Object> options = map(item, "options", file, p + ".options");
			Map<String, Long> points = new LinkedHashMap<>();
			for (String option : options.keySet()) {
				Object v = options.get(option);
				if (!(v instanceof Number n)) {
					throw new StandardFormatException(file, p + ".options." + option, "points must be a whole number");
				}
				points.put(option, n.longValue());
			}
			result.add(new ScoreTable.Item(string(item, "code", file, p + ".code"),
					text(item, "name", file, p + ".name"), Map.copyOf(points)));
		}
		return new ScoreTable(string(m, "key", file), standard, area,
				m.containsKey("region") ? String.valueOf(m.get("region")) : null,
				m.containsKey("base_points") ? number(m, "base_points", file) : 0, List.copyOf(result),
				string(m, "legal_basis", file), bool(m, "verified", file, "verified"));
	}

	// ---- typed getters that name the field on failure

	private static String string(Map<String, Object> m, String key, String file) {
		return string(m, key, file, key);
	}

	private static String string(Map<String, Object> m, String key, String file, String path) {
		Object v = m.get(key);
		if (v == null || String.valueOf(v).isBlank()) {
			throw new StandardFormatException(file, path, "is required");
		}
		if (v instanceof Map || v instanceof List) {
			throw new StandardFormatException(file, path, "must be text");
		}
		return String.valueOf(v);
	}

	private static long number(Map<String, Object> m, String key, String file) {
		return number(m, key, file, key);
	}

	private static long number(Map<String, Object> m, String key, String file, String path) {
		Object v = m.get(key);
		if (v == null) {
			throw new StandardFormatException(file, path, "is required");
		}
		if (!(v instanceof Integer || v instanceof Long)) {
			throw new StandardFormatException(file, path, "must be a whole number, got '" + v + "'");
		}
		return ((Number) v).longValue();
	}

	private static boolean bool(Map<String, Object> m, String key, String file, String path) {
		Object v = m.get(key);
		if (!(v instanceof Boolean b)) {
			throw new StandardFormatException(file, path,
					(v == null) ? "is required (true or false)" : "must be true or false, got '" + v + "'");
		}
		return b;
	}

	private static Map<String, Object> map(Map<String, Object> m, String key, String file) {
		return map(m, key, file, key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> m, String key, String file, String path) {
		Object v = m.get(key);
		if (!(v instanceof Map)) {
			throw new StandardFormatException(file, path, (v == null) ? "is required" : "must be a mapping");
		}
		return (Map<String, Object>) v;
	}

	private static Text text(Map<String, Object> m, String key, String file) {
		return text(m, key, file, key);
	}

	private static Text text(Map<String, Object> m, String key, String file, String path) {
		Map<String, Object> t = map(m, key, file, path);
		return new Text(string(t, "vi", file, path + ".vi"), string(t, "en", file, path + ".en"));
	}

	private static LocalDate date(Map<String, Object> m, String key, String file, String path) {
		Object v = m.get(key);
		if (v instanceof Date d) {
			return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		try {
			return LocalDate.parse(String.valueOf(v));
		}
		catch (DateTimeParseException ex) {
			throw new StandardFormatException(file, path, "must be a date yyyy-mm-dd, got '" + v + "'");
		}
	}

	private static List<String> stringList(Map<String, Object> m, String key, String file) {
		Object v = m.get(key);
		if (!(v instanceof List<?> list)) {
			throw new StandardFormatException(file, key, "must be a list of file names");
		}
		return list.stream().map(String::valueOf).toList();
	}

}
