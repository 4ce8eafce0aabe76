/**
 * Batch commands run from the jar without booting Spring: {@code classify}, {@code mpi}
 * and {@code bench-classify} (see {@code docs/cli.md}). Streams CSV as bytes; no object
 * per row.
 */
package vn.giamngheo.standards.cli;
