package vn.giamngheo.review;

import java.time.LocalDate;

import vn.giamngheo.geography.UnitsOnDate;
import vn.giamngheo.review.domain.DocumentForm;

/**
 * The head of a generated document, Nghị định 30/2020/NĐ-CP Phụ lục I (ADR 0024): the
 * issuing body in the left column (the body above it on the first line where there is
 * one), the number and symbol under it, the national title and motto in the right column
 * with the place and date under them. Units are named as they were on the document's date
 * ({@link UnitsOnDate}). The templates add the fixed words from the message bundles
 * ({@code review/pdf/form.html}).
 *
 * @param issuerKind whose document it is
 * @param superior upper-case name of the unit whose committee is above the issuer (the
 * commune of a village), or {@code null}
 * @param issuer upper-case name of the issuing unit ("XÃ TÂY GIANG", "THÔN 1")
 * @param number number and symbol after "Số:" ("07/2026/GCN-HN.HCN"; a number left blank,
 * " /BC-UBND", is given at signing), or {@code null} for no number line
 * @param place the place name of the date line, or {@code null} for no date line
 * @param date the document's date, or {@code null} when it is written at signing
 * @param units the units as on the date
 */
public record Letterhead(Issuer issuerKind, String superior, String issuer, String number, String place, LocalDate date,
		UnitsOnDate units) {

	/** Whose document it is. */
	public enum Issuer {

		/** The People's Committee of the issuing unit (commune or province). */
		COMMITTEE,
		/** A village, under the committee of its commune (the village meeting). */
		VILLAGE

	}

	/** The same head with another number and symbol. */
	public Letterhead withNumber(String number) {
		return new Letterhead(this.issuerKind, this.superior, this.issuer, number, this.place, this.date, this.units);
	}

	/** The same head with the date left blank, to be written at signing. */
	public Letterhead undated() {
		return new Letterhead(this.issuerKind, this.superior, this.issuer, this.number, this.place, null, this.units);
	}

	/** Day of the date line ("06"), or {@code null} when written at signing. */
	public String day() {
		return (this.date != null) ? DocumentForm.day(this.date) : null;
	}

	/** Month of the date line ("01", "12"), or {@code null} when written at signing. */
	public String month() {
		return (this.date != null) ? DocumentForm.month(this.date) : null;
	}

	/** Year of the date line ("2026"), or {@code null} when written at signing. */
	public String year() {
		return (this.date != null) ? String.valueOf(this.date.getYear()) : null;
	}

	/** The issuing unit inside a sentence ("xã Tây Giang"). */
	public String body() {
		return DocumentForm.inText(this.units.body().name(), this.units.body().shortName());
	}

	/** The commune inside a sentence ("xã Tây Giang"), or {@code null} above it. */
	public String commune() {
		return (this.units.commune() != null)
				? DocumentForm.inText(this.units.commune().name(), this.units.commune().shortName()) : null;
	}

}
