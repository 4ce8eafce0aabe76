/** Plain formulas of the analytics: rates, percentage-point changes, shares, groups. */
package vn.giamngheo.analytics.domain;
