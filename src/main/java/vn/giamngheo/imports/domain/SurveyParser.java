package vn.giamngheo.imports.domain;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import vn.giamngheo.imports.domain.HouseholdIn.AssessmentIn;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.PhoneNumbers;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * Turns the rows of a file into households and members with row-level problems: finds the
 * header row of each sheet (or applies the uploader's mapping), reads typed values, and
 * checks each member as the registry does (citizen ID against sex and birth year, dates,
 * codes). Checks against the database (units, scope, matches) come later.
 */
public final class SurveyParser implements Tables.RowSink {

	/** Rows searched for a header row. */
	static final int HEADER_SEARCH = 10;

	private static final Pattern SHORT_CCCD = Pattern.compile("[0-9]{10,11}");

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-]");

	private static final Pattern PHONE_NO_ZERO = Pattern.compile("[1-9][0-9]{8,9}");

	private static final Pattern DEPRIVATION_SEPARATORS = Pattern.compile("[;,\\s]+");

	private static final Pattern DEPRIVATION = Pattern.compile("[A-Z]{2,4}");

	private final Vocabulary vocabulary;

	private final Map<String, SheetMapping> mappings;

	private final LocalDate today;

	private final IntConsumer progress;

	private final ParsedFile out = new ParsedFile();

	private final Map<String, SheetState> sheets = new LinkedHashMap<>();

	private final LongIntMap seenRows = new LongIntMap(1 << 16);

	/** Citizen ID (12 digits, as a number) → sheet index and row of its first row. */
	private final LongIntMap seenCccd = new LongIntMap(1 << 16);

	private final Set<RowRef> mixed = new HashSet<>();

	/**
	 * Key of a household row ({@link Field#ROW_KEY}) → its household code, for member
	 * rows that name their household by that key (an ODK/Kobo repeat group).
	 */
	private final Map<String, String> codesByKey = new HashMap<>();

	public SurveyParser(Vocabulary vocabulary, Map<String, SheetMapping> mappings, LocalDate today,
			IntConsumer progress) {
		this.vocabulary = vocabulary;
		this.mappings = mappings;
		this.today = today;
		this.progress = progress;
	}

	public static ParsedFile parse(Path file, Tables.Format format, String csvSheet, Vocabulary vocabulary,
			Map<String, SheetMapping> mappings, LocalDate today, IntConsumer progress, Executor streams)
			throws UnreadableFileException {
		SurveyParser parser = new SurveyParser(vocabulary, mappings, today, progress);
		Tables.read(file, format, csvSheet, parser, streams);
		return parser.finish();
	}

	private static final class SheetState {

		final String name;

		int headerRow;

		List<String> headers = List.of();

		Map<Integer, Field> columns;

		final List<List<Raw>> before = new ArrayList<>();

		boolean unusable;

		SheetState(String name) {
			this.name = name;
		}

		boolean households() {
			return this.columns.containsValue(Field.COMMUNE) || this.columns.containsValue(Field.VILLAGE);
		}

		boolean members() {
			return this.columns.containsValue(Field.FULL_NAME);
		}

		/**
		 * A member sheet whose rows name their household by the key of its row in the
		 * households sheet.
		 */
		boolean linked() {
			return !households() && this.columns.containsValue(Field.PARENT_KEY);
		}

		String column(Field field) {
			for (Map.Entry<Integer, Field> e : this.columns.entrySet()) {
				if (e.getValue() == field) {
					String header = (e.getKey() < this.headers.size()) ? this.headers.get(e.getKey()) : "";
					return letter(e.getKey()) + (header.isBlank() ? "" : " (" + header + ")");
				}
			}
			return null;
		}

	}

	@Override
	public void mixedEncoding(String sheet, int row, String charset) {
		this.mixed.add(new RowRef(sheet, row));
	}

	@Override
	public void row(String sheet, int row, List<Raw> cells) {
		this.out.rows++;
		if ((this.out.rows & 1023) == 0) {
			this.progress.accept(this.out.rows);
		}
		SheetState state = this.sheets.computeIfAbsent(sheet, SheetState::new);
		if (state.columns == null) {
			header(state, row, cells);
			return;
		}
		this.out.dataRows++;
		if (state.unusable) {
			this.out.badRows.add(new RowRef(sheet, row));
			return;
		}
		data(state, row, cells);
	}

	private void header(SheetState state, int row, List<Raw> cells) {
		SheetMapping mapping = this.mappings.get(state.name);
		Map<Integer, Field> columns = new LinkedHashMap<>();
		if (mapping != null) {
			if (row != mapping.headerRow()) {
				state.before.add(cells);
				return;
			}
			columns.putAll(mapping.columns());
		}
		else {
			Set<Field> taken = new HashSet<>();
			for (int c = 0; c < cells.size(); c++) {
				Field f = this.vocabulary.field(cells.get(c).text());
				if (f != null && taken.add(f)) {
					columns.put(c, f);
				}
			}
			// three known headers make a header row (a data row rarely reads like three
			// headers)
			if (columns.size() < 3) {
				if (state.before.size() < HEADER_SEARCH) {
					state.before.add(cells);
				}
				return;
			}
		}
		state.columns = columns;
		state.headerRow = row;
		state.headers = cells.stream().map(Raw::text).toList();
		List<Field> missing = new ArrayList<>();
		if (state.households()) {
			Field.HOUSEHOLD_REQUIRED.stream().filter((f) -> !columns.containsValue(f)).forEach(missing::add);
		}
		if (state.members()) {
			Field.MEMBER_REQUIRED.stream()
				.filter((f) -> !columns.containsValue(f) && !missing.contains(f))
				.filter((f) -> f != Field.CODE || !state.linked())
				.forEach(missing::add);
		}
		for (Field f : missing) {
			this.out.problems
				.add(Problem.error(state.name, row, null, null, "imports.header.missing", null, "#" + f.labelKey()));
		}
		state.unusable = !missing.isEmpty();
	}

	private void data(SheetState s, int row, List<Raw> cells) {
		RowRef ref = new RowRef(s.name, row);
		Map<Field, Raw> v = new EnumMap<>(Field.class);
		s.columns.forEach((c, f) -> v.put(f, (c < cells.size()) ? cells.get(c) : Raw.EMPTY));
		List<Problem> problems = new ArrayList<>();
		String code = text(v, Field.CODE);
		for (Map.Entry<Field, Raw> e : v.entrySet()) {
			if (e.getValue().formula() != null) {
				problems.add(Problem.error(s.name, row, s.column(e.getKey()), "=" + e.getValue().formula(),
						"imports.value.formula", code));
				e.setValue(Raw.EMPTY);
			}
		}
		if (this.mixed.contains(ref)) {
			problems.add(Problem.error(s.name, row, null, null, "imports.encoding.mixed", code));
		}
		long signature = signature(s, v);
		Integer first = this.seenRows.putIfAbsent(signature, row);
		if (first != null) {
			// the repeated row alone is set aside; the household keeps its first row
			this.out.problems.add(Problem.error(s.name, row, null, null, "imports.row.duplicate", code, first));
			this.out.badRows.add(ref);
			return;
		}
		long cleared = 0;
		Set<String> notClearable = Set.of();
		for (Map.Entry<Field, Raw> e : v.entrySet()) {
			if (Values.clears(e.getValue())) {
				if (Field.CLEARABLE.contains(e.getKey())) {
					cleared |= e.getKey().bit();
				}
				else {
					problems.add(Problem.error(s.name, row, s.column(e.getKey()), e.getValue().text(),
							"imports.value.not-clearable", code));
					notClearable = new HashSet<>(notClearable);
					notClearable.add(s.column(e.getKey()));
				}
				e.setValue(Raw.EMPTY);
			}
		}
		{
			if (code == null && s.linked()) {
				code = parentCode(s, row, v, problems);
			}
			else if (code == null) {
				problems.add(required(s, row, Field.CODE, null));
			}
			else if (!s.households()) {
				// a member keeps its household's code, not one more copy of the same text
				HouseholdIn of = this.out.households.get(code);
				code = (of != null) ? of.code() : code;
			}
			if (code != null && s.households() && s.columns.containsValue(Field.ROW_KEY)) {
				String key = text(v, Field.ROW_KEY);
				if (key != null) {
					this.codesByKey.putIfAbsent(key, code);
				}
			}
			HouseholdIn household = null;
			if (s.households() && code != null) {
				HouseholdIn existing = this.out.households.get(code);
				if (existing != null && !s.members()) {
					problems.add(Problem.error(s.name, row, s.column(Field.CODE), code, "imports.code.duplicate", code,
							existing.ref().row()));
				}
				else if (existing == null) {
					household = household(s, ref, code, v, cleared, problems);
				}
			}
			MemberIn member = s.members() ? member(s, ref, code, v, cleared, problems) : null;
			// a marker where nothing may be cleared is one problem, not also a missing
			// value
			Set<String> marked = notClearable;
			problems.removeIf((p) -> p.column() != null && marked.contains(p.column())
					&& !"imports.value.not-clearable".equals(p.key()));
			if (problems.isEmpty()) {
				if (household != null) {
					this.out.households.put(code, household);
				}
				if (member != null) {
					this.out.members.add(member);
				}
			}
		}
		if (!problems.isEmpty()) {
			this.out.problems.addAll(problems);
			if (code != null) {
				this.out.badCodes.add(code);
			}
			else {
				this.out.badRows.add(ref);
			}
		}
	}

	/** The household code of a linked member row, by its parent key. */
	private String parentCode(SheetState s, int row, Map<Field, Raw> v, List<Problem> problems) {
		String key = text(v, Field.PARENT_KEY);
		if (key == null) {
			problems.add(required(s, row, Field.PARENT_KEY, null));
			return null;
		}
		String code = this.codesByKey.get(key);
		if (code == null) {
			problems
				.add(Problem.error(s.name, row, s.column(Field.PARENT_KEY), key, "imports.parent.unknown", null, key));
		}
		return code;
	}

	private HouseholdIn household(SheetState s, RowRef ref, String code, Map<Field, Raw> v, long cleared,
			List<Problem> problems) {
		String commune = text(v, Field.COMMUNE);
		if (commune == null) {
			problems.add(required(s, ref.row(), Field.COMMUNE, code));
		}
		String village = text(v, Field.VILLAGE);
		if (village == null) {
			problems.add(required(s, ref.row(), Field.VILLAGE, code));
		}
		Boolean urban = bool(s, ref, v, Field.URBAN, code, problems);
		Boolean minority = bool(s, ref, v, Field.ETHNIC_MINORITY, code, problems);
		Boolean protection = bool(s, ref, v, Field.SOCIAL_PROTECTION, code, problems);
		Boolean meritorious = bool(s, ref, v, Field.MERITORIOUS, code, problems);
		String phone = phone(s, ref, v, Field.HOUSEHOLD_PHONE, code, problems);
		String address = text(v, Field.ADDRESS);
		if (address != null && address.length() > 200) {
			problems.add(Problem.error(s.name, ref.row(), s.column(Field.ADDRESS), address.substring(0, 40) + "…",
					"registry.address.too-long", code));
		}
		AssessmentIn assessment = assessment(s, ref, code, v, problems);
		return new HouseholdIn(ref, code, commune, village, text(v, Field.HEAD_NAME), address, urban, minority,
				protection, meritorious, phone, assessment, cleared);
	}

	private AssessmentIn assessment(SheetState s, RowRef ref, String code, Map<Field, Raw> v, List<Problem> problems) {
		String yearText = text(v, Field.YEAR);
		String cls = coded(s, ref, v, Field.CLASSIFICATION, code, problems);
		if (yearText == null) {
			if (cls != null) {
				problems.add(required(s, ref.row(), Field.YEAR, code));
			}
			return null;
		}
		Long year = Values.amount(v.get(Field.YEAR));
		if (year == null || year < 2015 || year > this.today.getYear()) {
			problems.add(Problem.error(s.name, ref.row(), s.column(Field.YEAR), yearText, "imports.value.year", code,
					2015, this.today.getYear()));
			return null;
		}
		if (cls == null) {
			problems.add(required(s, ref.row(), Field.CLASSIFICATION, code));
			return null;
		}
		Long income = null;
		String incomeText = text(v, Field.INCOME);
		if (incomeText != null) {
			income = Values.amount(v.get(Field.INCOME));
			if (income == null || income < 0) {
				problems.add(Problem.error(s.name, ref.row(), s.column(Field.INCOME), incomeText,
						"imports.value.number", code));
			}
		}
		// an empty cell keeps the stored codes (null), the clear marker clears them
		List<String> deprivations = null;
		String dep = text(v, Field.DEPRIVATIONS);
		if (dep != null) {
			deprivations = new ArrayList<>();
			for (String d : DEPRIVATION_SEPARATORS.split(dep)) {
				String c = d.trim().toUpperCase(java.util.Locale.ROOT);
				if (!c.isEmpty()) {
					if (!DEPRIVATION.matcher(c).matches()) {
						problems.add(Problem.error(s.name, ref.row(), s.column(Field.DEPRIVATIONS), d,
								"imports.value.deprivation", code));
					}
					else if (!deprivations.contains(c)) {
						deprivations.add(c);
					}
				}
			}
		}
		return new AssessmentIn(year.intValue(), cls, income, token(v, Field.WATER_SOURCE), token(v, Field.LATRINE),
				deprivations, text(v, Field.DECISION_NO));
	}

	private MemberIn member(SheetState s, RowRef ref, String code, Map<Field, Raw> v, long cleared,
			List<Problem> problems) {
		Set<Field> reported = new HashSet<>();
		int before = problems.size();
		String name = text(v, Field.FULL_NAME);
		String sexCode = coded(s, ref, v, Field.SEX, code, problems);
		LocalDate dob = null;
		Raw dobRaw = v.get(Field.DATE_OF_BIRTH);
		if (!dobRaw.blank()) {
			dob = Values.date(dobRaw);
			if (dob == null) {
				problems.add(Problem.error(s.name, ref.row(), s.column(Field.DATE_OF_BIRTH), dobRaw.text(),
						"imports.value.date", code));
				reported.add(Field.DATE_OF_BIRTH);
			}
		}
		String ethnicity = coded(s, ref, v, Field.ETHNICITY, code, problems);
		if (ethnicity == null && !v.get(Field.ETHNICITY).blank()) {
			reported.add(Field.ETHNICITY);
		}
		String relation = coded(s, ref, v, Field.RELATION, code, problems);
		String cccd = text(v, Field.CCCD);
		if (cccd != null) {
			cccd = cccd.replace(" ", "").replace(".", "");
			if (SHORT_CCCD.matcher(cccd).matches()) {
				cccd = "0".repeat(12 - cccd.length()) + cccd; // a number cell drops the
																// leading zeros
			}
		}
		String phone = phone(s, ref, v, Field.PHONE, code, problems);
		String education = coded(s, ref, v, Field.EDUCATION, code, problems);
		String employment = coded(s, ref, v, Field.EMPLOYMENT, code, problems);
		boolean inSchool = Boolean.TRUE.equals(bool(s, ref, v, Field.IN_SCHOOL, code, problems));
		boolean insured = Boolean.TRUE.equals(bool(s, ref, v, Field.HEALTH_INSURANCE, code, problems));
		boolean disability = Boolean.TRUE.equals(bool(s, ref, v, Field.DISABILITY, code, problems));
		boolean allowance = Boolean.TRUE.equals(bool(s, ref, v, Field.SOCIAL_ALLOWANCE, code, problems));
		boolean malnourished = Boolean.TRUE.equals(bool(s, ref, v, Field.MALNOURISHED, code, problems));
		boolean illNoCare = Boolean.TRUE.equals(bool(s, ref, v, Field.ILL_NO_CARE, code, problems));
		for (int i = before; i < problems.size(); i++) {
			String col = problems.get(i).column();
			s.columns.values().stream().filter((f) -> col != null && col.equals(s.column(f))).forEach(reported::add);
		}
		MemberData data = new MemberData(name, (sexCode == null) ? null : Sex.ofCode(sexCode), dob, ethnicity, relation,
				cccd, phone, (education == null) ? "NONE" : education, inSchool,
				(employment == null) ? "NOT_WORKING" : employment, insured, disability, allowance, malnourished,
				illNoCare);
		for (FieldProblem p : data.problems(this.today)) {
			Field f = Field.ofMemberProperty(p.field());
			if (f != null && reported.contains(f)) {
				continue;
			}
			Raw raw = (f != null) ? v.getOrDefault(f, Raw.EMPTY) : Raw.EMPTY;
			String key = (raw.blank() && "error.field.required".equals(p.messageKey())) ? "imports.value.required"
					: p.messageKey();
			Object[] args = "imports.value.required".equals(key) ? new Object[] { "#" + f.labelKey() }
					: java.util.Arrays.stream(p.args()).map(String::valueOf).toArray();
			problems.add(Problem.error(s.name, ref.row(), (f != null) ? s.column(f) : null,
					raw.blank() ? null : raw.text(), key, code, args));
		}
		if (cccd != null && problems.size() == before && digits(cccd) && ref.row() < (1 << 24)) {
			Integer first = this.seenCccd.putIfAbsent(Long.parseLong(cccd), (sheetIndex(s.name) << 24) | ref.row());
			if (first != null) {
				problems.add(Problem.error(s.name, ref.row(), s.column(Field.CCCD), cccd,
						"imports.cccd.duplicate-in-file", code, sheetName(first >>> 24), first & 0xFFFFFF));
			}
		}
		long given = 0;
		for (Map.Entry<Field, Raw> e : v.entrySet()) {
			if (e.getKey().member() && !e.getValue().blank()) {
				given |= e.getKey().bit();
			}
		}
		return new MemberIn(ref, code, data, given, cleared);
	}

	private static boolean digits(String s) {
		if (s.length() != 12) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private int sheetIndex(String name) {
		int i = 0;
		for (String sheet : this.sheets.keySet()) {
			if (sheet.equals(name)) {
				return i;
			}
			i++;
		}
		throw new IllegalStateException(name);
	}

	private String sheetName(int index) {
		return this.sheets.keySet().stream().skip(index).findFirst().orElseThrow();
	}

	private String coded(SheetState s, RowRef ref, Map<Field, Raw> v, Field f, String code, List<Problem> problems) {
		String t = text(v, f);
		if (t == null) {
			return null;
		}
		String c = this.vocabulary.code(f, t);
		if (c == null) {
			problems.add(Problem.error(s.name, ref.row(), s.column(f), t, "imports.value.code", code));
		}
		return c;
	}

	private Boolean bool(SheetState s, RowRef ref, Map<Field, Raw> v, Field f, String code, List<Problem> problems) {
		Raw raw = v.get(f);
		if (raw == null) {
			return null;
		}
		try {
			return Values.bool(raw);
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.error(s.name, ref.row(), s.column(f), raw.text(), "imports.value.boolean", code));
			return null;
		}
	}

	private String phone(SheetState s, RowRef ref, Map<Field, Raw> v, Field f, String code, List<Problem> problems) {
		String t = text(v, f);
		if (t == null) {
			return null;
		}
		String digits = PHONE_SEPARATORS.matcher(t).replaceAll("");
		if (PHONE_NO_ZERO.matcher(digits).matches()) {
			digits = "0" + digits; // a number cell drops the leading zero
		}
		if (!PhoneNumbers.valid(digits)) {
			problems.add(Problem.error(s.name, ref.row(), s.column(f), t, "registry.phone.format", code, t));
			return null;
		}
		return digits;
	}

	private static String token(Map<Field, Raw> v, Field f) {
		String t = text(v, f);
		return (t == null) ? null
				: vn.giamngheo.shared.text.TextNormalizer.fold(t).toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
	}

	private static Problem required(SheetState s, int row, Field f, String code) {
		return Problem.error(s.name, row, s.column(f), null, "imports.value.required", code, "#" + f.labelKey());
	}

	private static String text(Map<Field, Raw> v, Field f) {
		Raw raw = v.get(f);
		return (raw == null) ? null : Values.text(raw);
	}

	private static long signature(SheetState s, Map<Field, Raw> v) {
		long h = 0xcbf29ce484222325L ^ s.name.hashCode();
		for (Map.Entry<Field, Raw> e : v.entrySet()) {
			if (e.getKey() == Field.ROW_KEY) {
				// rows the same but for their key are repeated rows
				continue;
			}
			String t = e.getValue().text();
			for (int i = 0; i < t.length(); i++) {
				h ^= t.charAt(i);
				h *= 0x100000001b3L;
			}
			h ^= '|';
			h *= 0x100000001b3L;
			java.time.LocalDate date = e.getValue().date();
			h ^= (date == null) ? -1L : date.toEpochDay();
			h *= 0x100000001b3L;
			h ^= e.getKey().ordinal();
			h *= 0x100000001b3L;
		}
		return h;
	}

	ParsedFile finish() {
		this.progress.accept(this.out.rows);
		for (SheetState s : this.sheets.values()) {
			if (s.columns == null) {
				List<String> headers = s.before.isEmpty() ? List.of()
						: s.before.get(0).stream().map(Raw::text).toList();
				this.out.sheets.add(new ParsedFile.SheetInfo(s.name, 0, headers, Map.of()));
			}
			else {
				this.out.sheets.add(new ParsedFile.SheetInfo(s.name, s.headerRow, s.headers, s.columns));
			}
		}
		if (this.out.sheets.stream().noneMatch((s) -> s.households() || s.members())) {
			this.out.problems.add(Problem.error(this.out.sheets.isEmpty() ? "-" : this.out.sheets.get(0).name(), 0,
					null, null, "imports.header.none", null));
		}
		return this.out;
	}

	/** Spreadsheet column letters: 0 → A, 26 → AA. */
	public static String letter(int column) {
		StringBuilder sb = new StringBuilder();
		int c = column + 1;
		while (c > 0) {
			int r = (c - 1) % 26;
			sb.insert(0, (char) ('A' + r));
			c = (c - 1) / 26;
		}
		return sb.toString();
	}

}
