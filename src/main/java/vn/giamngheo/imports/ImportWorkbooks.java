package vn.giamngheo.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.imports.Imports.ShownProblem;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.domain.ParsedFile.SheetInfo;
import vn.giamngheo.imports.domain.Raw;
import vn.giamngheo.imports.domain.Tables;
import vn.giamngheo.imports.domain.UnreadableFileException;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.scope.Actor;

/**
 * Workbooks of the import: the template (households, members, a read-me and the lists
 * behind the drop-downs, with the communes and villages of the user's capture scope) and
 * the rejected rows of a file with an error column.
 */
@Component
class ImportWorkbooks {

	static final List<Field> HOUSEHOLD_COLUMNS = List.of(Field.CODE, Field.COMMUNE, Field.VILLAGE, Field.ADDRESS,
			Field.URBAN, Field.ETHNIC_MINORITY, Field.SOCIAL_PROTECTION, Field.MERITORIOUS, Field.HOUSEHOLD_PHONE,
			Field.YEAR, Field.CLASSIFICATION, Field.INCOME, Field.WATER_SOURCE, Field.LATRINE, Field.DEPRIVATIONS,
			Field.DECISION_NO);

	static final List<Field> MEMBER_COLUMNS = List.of(Field.CODE, Field.FULL_NAME, Field.SEX, Field.DATE_OF_BIRTH,
			Field.ETHNICITY, Field.RELATION, Field.CCCD, Field.PHONE, Field.EDUCATION, Field.IN_SCHOOL,
			Field.EMPLOYMENT, Field.HEALTH_INSURANCE, Field.DISABILITY, Field.SOCIAL_ALLOWANCE, Field.MALNOURISHED,
			Field.ILL_NO_CARE);

	private static final List<Field> YES_NO = List.of(Field.URBAN, Field.ETHNIC_MINORITY, Field.SOCIAL_PROTECTION,
			Field.MERITORIOUS, Field.IN_SCHOOL, Field.HEALTH_INSURANCE, Field.DISABILITY, Field.SOCIAL_ALLOWANCE,
			Field.MALNOURISHED, Field.ILL_NO_CARE);

	/** Most villages listed in a template. */
	static final int MAX_VILLAGES = 5000;

	private final MessageSource messages;

	private final ImportVocabulary vocabulary;

	private final Geography geography;

	private final CurrentActor actor;

	/** The second thread of a workbook's reading. */
	private final Executor streams;

	ImportWorkbooks(MessageSource messages, ImportVocabulary vocabulary, Geography geography, CurrentActor actor,
			@Qualifier(BoundedExecutors.STREAMS) Executor streams) {
		this.streams = streams;
		this.messages = messages;
		this.vocabulary = vocabulary;
		this.geography = geography;
		this.actor = actor;
	}

	void template(Locale locale, OutputStream out) {
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet households = wb.newWorksheet(msg("imports.sheet.households", locale));
			Worksheet members = wb.newWorksheet(msg("imports.sheet.members", locale));
			Worksheet readme = wb.newWorksheet(msg("imports.sheet.readme", locale));
			Worksheet lists = wb.newWorksheet(msg("imports.sheet.lists", locale));
			header(households, HOUSEHOLD_COLUMNS, locale);
			header(members, MEMBER_COLUMNS, locale);
			// lists: one column per coded field, then yes/no, then the communes and
			// villages in scope
			int col = 0;
			Map<Field, String> listRanges = new HashMap<>();
			for (Map.Entry<Field, List<String[]>> e : this.vocabulary.choices(locale).entrySet()) {
				lists.value(0, col, msg(e.getKey().labelKey(), locale));
				int row = 1;
				for (String[] choice : e.getValue()) {
					lists.value(row++, col, choice[1]);
				}
				listRanges.put(e.getKey(), range(lists, col, row - 1));
				col++;
			}
			lists.value(0, col, msg("imports.template.yes-no", locale));
			lists.value(1, col, msg("imports.yes", locale));
			lists.value(2, col, msg("imports.no", locale));
			String yesNo = range(lists, col, 2);
			col++;
			List<String[]> places = places();
			lists.value(0, col, msg(Field.COMMUNE.labelKey(), locale));
			lists.value(0, col + 1, msg("imports.template.commune-name", locale));
			lists.value(0, col + 2, msg(Field.VILLAGE.labelKey(), locale));
			Set<String> communes = new HashSet<>();
			int crow = 1;
			int vrow = 1;
			for (String[] place : places) {
				if (communes.add(place[0])) {
					lists.value(crow, col, place[0]);
					lists.value(crow++, col + 1, place[1]);
				}
				lists.value(vrow++, col + 2, place[2]);
			}
			String communeRange = (crow > 1) ? range(lists, col, crow - 1) : null;
			String villageRange = (vrow > 1) ? range(lists, col + 2, vrow - 1) : null;
			validations(households, HOUSEHOLD_COLUMNS, listRanges, yesNo, communeRange, villageRange);
			validations(members, MEMBER_COLUMNS, listRanges, yesNo, null, null);
			int r = 0;
			for (String key : List.of("imports.readme.1", "imports.readme.2", "imports.readme.3", "imports.readme.4",
					"imports.readme.5", "imports.readme.6", "imports.readme.7", "imports.readme.8",
					"imports.readme.9")) {
				readme.value(r++, 0, msg(key, locale));
			}
			r++;
			for (Field f : Field.values()) {
				readme.value(r, 0, msg(f.labelKey(), locale));
				readme.value(r++, 1, msg("imports.help." + f.name(), locale));
			}
			readme.width(0, 40);
			readme.width(1, 100);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void validations(Worksheet ws, List<Field> columns, Map<Field, String> lists, String yesNo,
			String communes, String villages) {
		for (int c = 0; c < columns.size(); c++) {
			Field f = columns.get(c);
			String formula = YES_NO.contains(f) ? yesNo : lists.get(f);
			if (f == Field.COMMUNE) {
				formula = communes;
			}
			if (f == Field.VILLAGE) {
				formula = villages;
			}
			if (formula != null) {
				ws.range(1, c, 5000, c).validateWithListByFormula(formula).allowBlank(true).showErrorMessage(false);
			}
		}
	}

	private static String range(Worksheet lists, int col, int lastRow) {
		String letter = vn.giamngheo.imports.domain.SurveyParser.letter(col);
		return "'" + lists.getName() + "'!$" + letter + "$2:$" + letter + "$" + (lastRow + 1);
	}

	private void header(Worksheet ws, List<Field> columns, Locale locale) {
		for (int c = 0; c < columns.size(); c++) {
			ws.value(0, c, msg(columns.get(c).labelKey(), locale));
			ws.style(0, c).bold().fillColor("DDEBF7").set();
			ws.width(c, 18);
		}
		ws.freezePane(0, 1);
	}

	/** Commune code, commune name, village name of each village in the capture scope. */
	private List<String[]> places() {
		Actor current = this.actor.get();
		List<String[]> places = new ArrayList<>();
		if (current.scope().nation()) {
			return places;
		}
		for (String path : current.scope().capturePaths()) {
			String[] ids = path.split("/");
			if (ids.length == 0) {
				continue;
			}
			try {
				collect(this.geography.unit(Long.parseLong(ids[ids.length - 1])), null, places);
			}
			catch (RuntimeException ex) {
				// a scope path that no longer resolves is skipped
			}
		}
		return places;
	}

	private void collect(Unit unit, Unit commune, List<String[]> places) {
		if (places.size() >= MAX_VILLAGES) {
			return;
		}
		if (unit.isVillage()) {
			places.add(new String[] { commune.code(), commune.name(), unit.name() });
			return;
		}
		for (Unit child : this.geography.children(unit.id())) {
			collect(child, unit.isCommune() ? unit : commune, places);
		}
	}

	void rejected(Path file, ImportJob job, List<SheetInfo> sheets, List<ShownProblem> errors, Locale locale,
			OutputStream out) {
		Map<String, List<String>> byRow = new HashMap<>();
		Set<String> codes = new HashSet<>();
		for (ShownProblem p : errors) {
			byRow.computeIfAbsent(p.sheet() + "#" + p.row(), (k) -> new ArrayList<>()).add(message(p));
			if (p.household() != null) {
				codes.add(p.household());
			}
		}
		Map<String, SheetInfo> info = new HashMap<>();
		sheets.forEach((s) -> info.put(s.name(), s));
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Map<String, Worksheet> out2 = new HashMap<>();
			Map<String, int[]> next = new HashMap<>();
			String errorHeader = msg("imports.rejected.error-column", locale);
			Worksheet problemsSheet = wb.newWorksheet(msg("imports.rejected.problems", locale));
			int pr = 0;
			for (String h : List.of("imports.problem.sheet", "imports.problem.row", "imports.problem.column",
					"imports.problem.value", "imports.problem.message")) {
				problemsSheet.value(0, pr++, msg(h, locale));
			}
			int prow = 1;
			for (ShownProblem p : errors) {
				problemsSheet.value(prow, 0, p.sheet());
				problemsSheet.value(prow, 1, p.row());
				problemsSheet.value(prow, 2, p.column());
				problemsSheet.value(prow, 3, p.value());
				problemsSheet.value(prow++, 4, p.message());
			}
			try {
				Tables.read(file, Tables.detect(file), job.fileName(), (sheet, row, cells) -> {
					SheetInfo s = info.get(sheet);
					if (s == null || s.headerRow() == 0 || row < s.headerRow()) {
						return;
					}
					Worksheet ws = out2.computeIfAbsent(sheet, (k) -> wb.newWorksheet(safeName(k)));
					int[] r = next.computeIfAbsent(sheet, (k) -> new int[] { 0 });
					if (row == s.headerRow()) {
						write(ws, 0, cells);
						ws.value(0, cells.size(), errorHeader);
						r[0] = 1;
						return;
					}
					Integer codeColumn = null;
					for (Map.Entry<Integer, Field> e : s.columns().entrySet()) {
						if (e.getValue() == Field.CODE) {
							codeColumn = e.getKey();
						}
					}
					String code = (codeColumn != null && codeColumn < cells.size())
							? cells.get(codeColumn).text().trim() : null;
					List<String> messages = byRow.get(sheet + "#" + row);
					if (messages != null || (code != null && codes.contains(code))) {
						write(ws, r[0], cells);
						ws.value(r[0], Math.max(cells.size(), s.headers().size()), (messages != null)
								? String.join("; ", messages) : msg("imports.rejected.same-household", locale));
						r[0]++;
					}
				}, this.streams);
			}
			catch (UnreadableFileException ex) {
				// the problems sheet says why
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String message(ShownProblem p) {
		return ((p.column() != null) ? p.column() + ": " : "") + p.message();
	}

	private static void write(Worksheet ws, int row, List<Raw> cells) {
		for (int c = 0; c < cells.size(); c++) {
			Raw raw = cells.get(c);
			if (raw.date() != null) {
				ws.value(row, c, raw.date());
				ws.style(row, c).format("dd/mm/yyyy").set();
			}
			else if (!raw.text().isEmpty()) {
				ws.value(row, c, raw.text());
			}
		}
	}

	private static String safeName(String name) {
		String s = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
		return (s.length() > 31) ? s.substring(0, 31) : s;
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
