/**
 * Nhập / xuất tệp · Imports and exports. Owns the bulk import of household survey files
 * (XLSX and CSV, as communes keep them and as ODK/KoboToolbox export them): templates,
 * the background job with its dry run, row-level report, field-by-field list of changes,
 * commit (all or nothing, or only the valid households; households changed since the dry
 * run are conflicts, never overwritten), revert, rejected rows, and column mappings
 * remembered per uploader (tables {@code import_job}, {@code import_problem},
 * {@code import_change}, {@code import_diff}, {@code import_conflict},
 * {@code import_mapping}); and exports ({@link vn.giamngheo.imports.HouseholdExports}):
 * streamed XLSX/CSV of a filtered household list, scoped and masked. It writes registry
 * rows only through {@link vn.giamngheo.registry.HouseholdBulk}.
 */
package vn.giamngheo.imports;
