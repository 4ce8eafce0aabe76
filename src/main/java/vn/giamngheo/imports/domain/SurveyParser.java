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
import vn.giamngheo.registry.domain.CitizenId;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.PhoneNumbers;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * Turns the rows of a file into households and members with row-level problems: tells the
 * sheets that hold data from the template's read-me and lists and from sheets without a
 * header, finds the header of each data sheet under a title block (one row, or two rows
 * under merged cells; or applies the uploader's mapping), reads typed values, and checks
 * each member as the registry does (citizen ID against sex and birth year, dates, codes).
 * Checks against the database (units, scope, matches, the standard's indicators) come
 * later.
 */
public final class SurveyParser implements Tables.RowSink {

	/** Non-empty rows searched for a header row (a title block above it included). */
	static final int HEADER_SEARCH = 20;

	private static final Pattern DEPRIVATION_SEPARATORS = Pattern.compile("\\s*[;,\\n]+\\s*");

	private static final Pattern YEAR = Pattern.compile("(1[89]|20)[0-9]{2}");

	private final Vocabulary vocabulary;

	private final HeaderRows headerRows;

	private final Map<String, SheetMapping> mappings;

	private final LocalDate today;

	private final IntConsumer progress;

	/** The commune the uploader stated for the whole file (its code), or null. */
	private final String commune;

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

	/**
	 * @param commune the code of the commune the uploader stated for the whole file: the
	 * commune of every household row whose file has no commune column or leaves it empty
	 */
	public SurveyParser(Vocabulary vocabulary, Map<String, SheetMapping> mappings, LocalDate today,
			IntConsumer progress, String commune) {
		this.vocabulary = vocabulary;
		this.headerRows = new HeaderRows(vocabulary);
		this.mappings = mappings;
		this.today = today;
		this.progress = progress;
		this.commune = commune;
	}

	/**
	 * Reads and checks a file.
	 * @param commune the code of the commune stated for the whole file, or null
	 */
	public static ParsedFile parse(Path file, Tables.Format format, String csvSheet, Vocabulary vocabulary,
			Map<String, SheetMapping> mappings, LocalDate today, IntConsumer progress, Executor streams, String commune)
			throws UnreadableFileException {
		SurveyParser parser = new SurveyParser(vocabulary, mappings, today, progress, commune);
		Tables.read(file, format, csvSheet, parser, streams);
		return parser.finish();
	}

	/** A row as read. */
	private record Line(int row, List<Raw> cells) {
	}

	private static final class SheetState {

		final String name;

		/** What the sheet is, once known (a data sheet: when its header is found). */
		SheetKind kind;

		int headerRow;

		int headerRows = 1;

		List<String> headers = List.of();

		Map<Integer, Field> columns;

		Map<Integer, HeaderRows.Choice> choices = Map.of();

		/** Rows are households with their heads (the relation is implied). */
		boolean heads;

		/** Non-empty rows above the header. */
		final List<Line> before = new ArrayList<>();

		/** A one-row header, held until the next row says whether a lower row follows. */
		Line pending;

		/** The next row is the first under the header (a row of column numbers?). */
		boolean first = true;

		/** The foot of the list (totals, signatures) has begun. */
		boolean ended;

		int dataRows;

		final List<Integer> skipped = new ArrayList<>();

		int skippedCount;

		boolean unusable;

		/** Per row: the choice column a field came from. */
		final Map<Field, Integer> chosen = new EnumMap<>(Field.class);

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
			Integer chosen = this.chosen.get(field);
			if (chosen != null) {
				return label(chosen);
			}
			for (Map.Entry<Integer, Field> e : this.columns.entrySet()) {
				if (e.getValue() == field) {
					return label(e.getKey());
				}
			}
			return null;
		}

		String label(int c) {
			String header = (c < this.headers.size()) ? this.headers.get(c) : "";
			return letter(c) + (header.isBlank() ? "" : " (" + header + ")");
		}

		void skip(int row) {
			this.skippedCount++;
			if (this.skipped.size() < ParsedFile.SheetInfo.SKIPPED_LISTED) {
				this.skipped.add(row);
			}
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
		SheetState state = this.sheets.computeIfAbsent(sheet, (name) -> {
			SheetState st = new SheetState(name);
			st.kind = this.vocabulary.sheet(name);
			return st;
		});
		if (state.kind != null && !state.kind.data()) {
			return; // the template's read-me or lists, or a sheet without a header
		}
		if (state.columns == null) {
			header(state, row, cells);
			return;
		}
		body(state, row, cells);
	}

	/**
	 * A row under the header: data, or a row that is not (column numbers, a title, the
	 * foot).
	 */
	private void body(SheetState state, int row, List<Raw> cells) {
		if (!state.kind.data()) {
			return;
		}
		boolean first = state.first;
		state.first = false;
		if (state.ended || (first && HeaderRows.columnNumbers(cells)) || notData(state, cells)) {
			state.skip(row);
			return;
		}
		state.dataRows++;
		this.out.dataRows++;
		if (state.unusable) {
			this.out.badRows.add(new RowRef(state.name, row));
			return;
		}
		data(state, row, cells);
	}

	/**
	 * A section title ("I. Hộ nghèo", "Thôn 1") or a row of the foot (totals, the date
	 * line, the signers): no household code and no name, two cells at most; or the first
	 * row of the foot, which ends the list.
	 */
	private static boolean notData(SheetState s, List<Raw> cells) {
		if (!blank(s, cells, Field.CODE)) {
			return false;
		}
		if (HeaderRows.footer(cells)) {
			s.ended = true;
			return true;
		}
		return blank(s, cells, Field.FULL_NAME) && blank(s, cells, Field.HEAD_NAME) && HeaderRows.filled(cells) <= 2;
	}

	private static boolean blank(SheetState s, List<Raw> cells, Field field) {
		for (Map.Entry<Integer, Field> e : s.columns.entrySet()) {
			if (e.getValue() == field) {
				return e.getKey() >= cells.size() || cells.get(e.getKey()).blank();
			}
		}
		return true;
	}

	private void header(SheetState state, int row, List<Raw> cells) {
		SheetMapping mapping = this.mappings.get(state.name);
		if (mapping != null) {
			if (row != mapping.headerRow()) {
				keep(state, row, cells);
				return;
			}
			Line upper = upperOf(state, row, cells);
			HeaderRows.Header shown = (upper != null) ? this.headerRows.two(upper.cells(), cells)
					: this.headerRows.single(cells);
			use(state, row, new HeaderRows.Header(mapping.columns(), Map.of(), shown.labels(), shown.rows()));
			return;
		}
		if (state.pending != null) {
			Line upper = state.pending;
			state.pending = null;
			if (HeaderRows.lowerRow(upper.cells(), cells)) {
				HeaderRows.Header two = this.headerRows.two(upper.cells(), cells);
				if (two.recognised() >= this.headerRows.single(upper.cells()).recognised() && two.identifies()) {
					use(state, row, two);
					return;
				}
			}
			use(state, upper.row(), this.headerRows.single(upper.cells()));
			body(state, row, cells);
			return;
		}
		Line upper = upperOf(state, row, cells);
		if (upper != null) {
			HeaderRows.Header two = this.headerRows.two(upper.cells(), cells);
			// three known headers make a header row (a data row rarely reads like three
			// headers)
			if (two.recognised() >= 3 && two.identifies()) {
				use(state, row, two);
				return;
			}
		}
		HeaderRows.Header one = this.headerRows.single(cells);
		if (one.recognised() >= 3 && one.identifies()) {
			// the next row may be the lower row of a two-row header
			state.pending = new Line(row, cells);
			return;
		}
		keep(state, row, cells);
	}

	/**
	 * The row kept just above this one when this one reads as the lower row of a two-row
	 * header under it; otherwise null.
	 */
	private static Line upperOf(SheetState state, int row, List<Raw> cells) {
		Line previous = state.before.isEmpty() ? null : state.before.get(state.before.size() - 1);
		boolean lower = previous != null && previous.row() == row - 1 && HeaderRows.lowerRow(previous.cells(), cells);
		return lower ? previous : null;
	}

	/** A row above the header; a sheet without a header in its first rows is not read. */
	private static void keep(SheetState state, int row, List<Raw> cells) {
		state.before.add(new Line(row, cells));
		if (state.before.size() >= HEADER_SEARCH && state.kind == null) {
			state.kind = SheetKind.UNRECOGNISED;
		}
	}

	/** Takes the header found, and says which required columns the sheet lacks. */
	private void use(SheetState state, int row, HeaderRows.Header header) {
		Map<Integer, Field> columns = new LinkedHashMap<>(header.columns());
		state.choices = header.choices();
		boolean names = columns.containsValue(Field.FULL_NAME) || columns.containsValue(Field.RELATION);
		boolean place = columns.containsValue(Field.COMMUNE) || columns.containsValue(Field.VILLAGE);
		if (place && !names && columns.containsValue(Field.HEAD_NAME) && (header.gives(Field.SEX)
				|| header.gives(Field.DATE_OF_BIRTH) || header.gives(Field.CCCD) || header.gives(Field.ETHNICITY))) {
			// one row per household with its head's columns: the name is the head's
			columns.replaceAll((c, f) -> (f == Field.HEAD_NAME) ? Field.FULL_NAME : f);
			state.heads = true;
		}
		state.columns = columns;
		state.headerRow = row;
		state.headerRows = header.rows();
		state.headers = header.labels();
		if (!state.households() && !state.members()) {
			// a sheet of totals or notes: no household or member to read
			state.kind = SheetKind.UNRECOGNISED;
			return;
		}
		state.kind = state.heads ? SheetKind.HEADS : (state.households() && state.members()) ? SheetKind.FLAT
				: state.households() ? SheetKind.HOUSEHOLDS : SheetKind.MEMBERS;
		List<Field> missing = new ArrayList<>();
		if (state.households()) {
			Field.HOUSEHOLD_REQUIRED.stream()
				.filter((f) -> !header.gives(f) && (f != Field.COMMUNE || this.commune == null))
				.forEach(missing::add);
		}
		if (state.members()) {
			Field.MEMBER_REQUIRED.stream()
				.filter((f) -> !header.gives(f) && !columns.containsValue(f) && !missing.contains(f))
				.filter((f) -> f != Field.CODE || !state.linked())
				.filter((f) -> f != Field.RELATION || !state.heads)
				.forEach(missing::add);
		}
		for (Field f : missing) {
			this.out.problems.add(Problem.error(state.name, row, null, null,
					(f == Field.COMMUNE) ? "imports.header.commune" : "imports.header.missing", null,
					"#" + f.labelKey()));
		}
		state.unusable = !missing.isEmpty();
	}

	private void data(SheetState s, int row, List<Raw> cells) {
		RowRef ref = new RowRef(s.name, row);
		Map<Field, Raw> v = new EnumMap<>(Field.class);
		s.columns.forEach((c, f) -> v.put(f, (c < cells.size()) ? cells.get(c) : Raw.EMPTY));
		List<Problem> problems = new ArrayList<>();
		String code = text(v, Field.CODE);
		s.chosen.clear();
		if (!s.choices.isEmpty()) {
			choices(s, row, cells, v, code, problems);
		}
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
		HouseholdIn household = null;
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
			return;
		}
		this.out.problems.addAll(problems);
		if (household != null) {
			this.out.rejectedHouseholds.add(household);
		}
		if (code != null) {
			this.out.badCodes.add(code);
		}
		else {
			this.out.badRows.add(ref);
		}
	}

	/**
	 * Values given by marks under the labels of a coded field ("x" under "Hộ nghèo"; the
	 * year under "Nam" of "Năm sinh"). Two marks for one field are a problem.
	 */
	private void choices(SheetState s, int row, List<Raw> cells, Map<Field, Raw> v, String code,
			List<Problem> problems) {
		for (Map.Entry<Integer, HeaderRows.Choice> e : s.choices.entrySet()) {
			int c = e.getKey();
			Raw raw = (c < cells.size()) ? cells.get(c) : Raw.EMPTY;
			HeaderRows.Choice choice = e.getValue();
			if (raw.blank() || (choice.value() == null && isNo(raw))) {
				continue;
			}
			Integer other = s.chosen.get(choice.field());
			if (other != null || (v.containsKey(choice.field()) && !v.get(choice.field()).blank())) {
				problems.add(Problem.error(s.name, row, s.label(c), raw.text(), "imports.value.two-marks", code,
						(other != null) ? s.label(other) : s.column(choice.field())));
				continue;
			}
			v.put(choice.field(), Raw.of(choice.code()));
			s.chosen.put(choice.field(), c);
			if (choice.value() != null) {
				v.put(choice.value(), raw);
				s.chosen.put(choice.value(), c);
			}
		}
	}

	private static boolean isNo(Raw raw) {
		try {
			return Boolean.FALSE.equals(Values.bool(raw));
		}
		catch (IllegalArgumentException ex) {
			return false;
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
			commune = this.commune;
		}
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
		// an empty cell keeps the stored codes (null), the clear marker clears them; each
		// code or name is checked against the year's standard once the year's standard
		// is known (ImportPlanner)
		List<String> deprivations = null;
		String dep = text(v, Field.DEPRIVATIONS);
		if (dep != null) {
			deprivations = new ArrayList<>();
			for (String d : DEPRIVATION_SEPARATORS.split(dep.trim())) {
				if (!d.isBlank() && !deprivations.contains(d.trim())) {
					deprivations.add(d.trim());
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
		Integer birthYear = null;
		Raw dobRaw = v.getOrDefault(Field.DATE_OF_BIRTH, Raw.EMPTY);
		if (!dobRaw.blank()) {
			dob = Values.date(dobRaw);
			String t = dobRaw.text().trim();
			if (dob == null && YEAR.matcher(t).matches() && Integer.parseInt(t) <= this.today.getYear()) {
				// a year alone: enough to recognise a stored member (ImportPlanner)
				birthYear = Integer.parseInt(t);
			}
			else if (dob == null) {
				problems.add(Problem.error(s.name, ref.row(), s.column(Field.DATE_OF_BIRTH), dobRaw.text(),
						"imports.value.date", code));
				reported.add(Field.DATE_OF_BIRTH);
			}
		}
		String ethnicity = coded(s, ref, v, Field.ETHNICITY, code, problems);
		if (ethnicity == null && !v.getOrDefault(Field.ETHNICITY, Raw.EMPTY).blank()) {
			reported.add(Field.ETHNICITY);
		}
		String relation = s.heads ? "HEAD" : coded(s, ref, v, Field.RELATION, code, problems);
		String cccd = null;
		Raw cccdRaw = v.getOrDefault(Field.CCCD, Raw.EMPTY);
		if (!cccdRaw.blank()) {
			Values.Digits read = Values.citizenId(cccdRaw);
			if (read.problem() != null) {
				problems.add(Problem.error(s.name, ref.row(), s.column(Field.CCCD), cccdRaw.text(), read.problem(),
						code, read.value()));
				reported.add(Field.CCCD);
			}
			else {
				cccd = read.value();
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
			v.keySet().stream().filter((f) -> col != null && col.equals(s.column(f))).forEach(reported::add);
		}
		if (birthYear != null) {
			reported.add(Field.DATE_OF_BIRTH); // no date: checked against the stored
												// member
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
		if (birthYear != null && cccd != null && sexCode != null && problems.size() == before) {
			// the citizen ID against the year of birth
			String id = cccd;
			CitizenId.problem(id, Sex.ofCode(sexCode), LocalDate.of(birthYear, 1, 1))
				.ifPresent((key) -> problems
					.add(Problem.error(s.name, ref.row(), s.column(Field.CCCD), cccdRaw.text(), key, code, id)));
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
		return new MemberIn(ref, code, data, given, cleared, birthYear);
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
		Raw raw = v.getOrDefault(f, Raw.EMPTY);
		if (raw.blank()) {
			return null;
		}
		Values.Digits read = Values.phone(raw);
		if (read.problem() != null) {
			problems.add(Problem.error(s.name, ref.row(), s.column(f), raw.text(), read.problem(), code, read.value()));
			return null;
		}
		if (!PhoneNumbers.valid(read.value())) {
			problems.add(Problem.error(s.name, ref.row(), s.column(f), raw.text(), "registry.phone.format", code,
					raw.text()));
			return null;
		}
		return read.value();
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
			if (s.pending != null) {
				// a header and nothing under it
				use(s, s.pending.row(), this.headerRows.single(s.pending.cells()));
			}
			if (s.columns == null) {
				SheetKind kind = (s.kind != null) ? s.kind : SheetKind.UNRECOGNISED;
				// for the mapping step: the fullest row above, most likely the headers
				Line fullest = null;
				for (Line line : (kind == SheetKind.UNRECOGNISED) ? s.before : List.<Line>of()) {
					if (fullest == null || HeaderRows.filled(line.cells()) > HeaderRows.filled(fullest.cells())) {
						fullest = line;
					}
				}
				this.out.sheets.add(new ParsedFile.SheetInfo(s.name, (fullest == null) ? 0 : fullest.row(),
						(fullest == null) ? List.of() : fullest.cells().stream().map(Raw::text).toList(), Map.of(),
						kind, 0, 0, List.of(), 0));
			}
			else {
				this.out.sheets.add(new ParsedFile.SheetInfo(s.name, s.headerRow, s.headers, s.columns, s.kind,
						s.headerRows, s.dataRows, List.copyOf(s.skipped), s.skippedCount));
			}
		}
		if (this.out.sheets.stream().noneMatch((s) -> s.kind().data())) {
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
