/**
 * Alkire–Foster multidimensional poverty measures (H, A, M0, censored and uncensored
 * headcount ratios, contributions) with exact rational weights and cut-off. No Spring, no
 * JDBC.
 */
package vn.giamngheo.standards.af;
