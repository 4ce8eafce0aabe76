/**
 * Chuẩn nghèo / Poverty standards. Owns the poverty standards as versioned data files
 * ({@code src/main/resources/standards/}), the household and member facts the registry
 * maps its rows into ({@link vn.giamngheo.standards.HouseholdFacts},
 * {@link vn.giamngheo.standards.MemberFacts}), the pure classification engine
 * ({@code domain}), the Alkire–Foster analysis ({@code af}), the batch commands
 * ({@code cli}) and a thin web face ({@code web}, {@code config}).
 */
package vn.giamngheo.standards;
