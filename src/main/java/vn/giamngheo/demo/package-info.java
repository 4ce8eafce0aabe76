/**
 * Demo data: the synthetic provinces Lai Châu (12, review years 2015–2020) and Quảng Nam
 * (49, review years 2016–2025) on the real 2024 districts and communes — villages, demo
 * unit attributes (flagged as assumptions), households, members and yearly assessments,
 * calibrated to the provinces' published poverty rates and loaded with PostgreSQL COPY.
 * Owns the {@code demo_load} marker table. Everything it writes is marked synthetic.
 * {@link vn.giamngheo.demo.DemoStandards} holds the few classification thresholds the
 * generator needs until the standards capability replaces it.
 */
package vn.giamngheo.demo;
