package vn.giamngheo.imports.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file holds after parsing: households by code, members, the sheets found and the
 * problems of single rows. Rows with a problem are kept out of the records but their
 * household codes are remembered, so that in "valid rows" mode the whole household is set
 * aside.
 */
public final class ParsedFile {

	public final Map<String, HouseholdIn> households = new LinkedHashMap<>();

	public final List<MemberIn> members = new ArrayList<>();

	public final List<Problem> problems = new ArrayList<>();

	public final List<SheetInfo> sheets = new ArrayList<>();

	/**
	 * Households of rows with a problem, kept out of the records: their places and codes
	 * are still checked, so that every problem of a row is reported at once.
	 */
	public final List<HouseholdIn> rejectedHouseholds = new ArrayList<>();

	/**
	 * The households of the records, then those of rows with a problem: every household
	 * row whose place and codes are checked.
	 */
	public List<HouseholdIn> everyHousehold() {
		List<HouseholdIn> all = new ArrayList<>(this.households.values());
		all.addAll(this.rejectedHouseholds);
		return all;
	}

	/** Household codes with a bad row (their household is rejected as a whole). */
	public final Set<String> badCodes = new HashSet<>();

	/** Bad rows that name no household: (sheet, row). */
	public final Set<RowRef> badRows = new HashSet<>();

	/** Rows read (headers and every sheet included): the progress measure. */
	public int rows;

	/** Data rows of the recognised sheets. */
	public int dataRows;

	public int errorCount() {
		return (int) this.problems.stream().filter((p) -> !p.info()).count();
	}

	/**
	 * A sheet of the file.
	 *
	 * @param name sheet name
	 * @param headerRow row of the headers, the lower one of a two-row header (0 when none
	 * was recognised)
	 * @param headers header texts by column (of a two-row header: "upper · lower")
	 * @param columns column → field
	 * @param kind what the sheet was read as, or why not (null in jobs checked before it
	 * was recorded)
	 * @param headerRows rows of the header: 1, or 2 for a header whose upper cells span
	 * several columns
	 * @param dataRows rows read as data
	 * @param skipped rows under the header that are not data (column numbers, section
	 * titles, totals and signatures), the first {@value #SKIPPED_LISTED}
	 * @param skippedCount how many such rows
	 */
	public record SheetInfo(String name, int headerRow, List<String> headers, Map<Integer, Field> columns,
			SheetKind kind, Integer headerRows, Integer dataRows, List<Integer> skipped, Integer skippedCount) {

		/** Rows not data listed by number. */
		public static final int SKIPPED_LISTED = 20;

		public boolean households() {
			return this.columns.containsValue(Field.COMMUNE) || this.columns.containsValue(Field.VILLAGE)
					|| this.kind == SheetKind.HOUSEHOLDS || this.kind == SheetKind.HEADS;
		}

		public boolean members() {
			return this.columns.containsValue(Field.FULL_NAME);
		}

	}

}
