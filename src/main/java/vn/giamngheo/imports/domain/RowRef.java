package vn.giamngheo.imports.domain;

/**
 * Where a record came from.
 *
 * @param sheet sheet name
 * @param row row number (1-based)
 */
public record RowRef(String sheet, int row) {

}
