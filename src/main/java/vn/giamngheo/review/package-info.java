/**
 * The household review (rà soát hộ nghèo, hộ cận nghèo): periodic reviews opened per
 * province and year (Decision 24/2021/QĐ-TTg Art. 4) with their five steps per household
 * — list (Phiếu A), survey (Phiếu B/C), village meeting, public posting with complaints,
 * recognition with certificates — the commune sign-off and lock, and in-year requests
 * (Mẫu 01 / Mẫu 04, Art. 5). It writes the recognised class of the year to the registry
 * through {@code HouseholdRegistry}.
 */
package vn.giamngheo.review;
