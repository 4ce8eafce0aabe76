package vn.giamngheo.imports.domain;

import java.util.Map;

/**
 * Which column of a sheet is which field, chosen by the uploader for a file that does not
 * follow the template.
 *
 * @param headerRow row holding the headers (1-based)
 * @param columns column index (0 = A) → field
 */
public record SheetMapping(int headerRow, Map<Integer, Field> columns) {

	public SheetMapping {
		columns = Map.copyOf(columns);
	}

}
