package vn.giamngheo.programmes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A version of a Mẫu 01 supervision report (Circular 10/2022, Phụ lục II) of a unit,
 * programme, year and period (ADR 0049): DRAFT (the narrative is edited, the figures are
 * live), SUBMITTED (frozen) or SUPERSEDED (replaced by a correction).
 *
 * @param id the version's id
 * @param unitId the unit
 * @param unitName its name
 * @param unitLevel its level
 * @param unitPath its path (scope)
 * @param programme programme code
 * @param form MAU01
 * @param year the year
 * @param period H1 (six months) or YEAR
 * @param version 1, 2, …
 * @param status DRAFT, SUBMITTED or SUPERSEDED
 * @param dueOn the last day on time
 * @param narrative what the preparer writes
 * @param reason why this version replaces the previous one (version > 1)
 * @param supersedes the version it replaces
 * @param preparedBy who prepared it
 * @param preparedAt when
 * @param submittedBy who submitted it
 * @param submittedAt when
 * @param firstSubmittedOn the day the first version was submitted (Vietnam), or null
 * @param late whether the first submission came (or, not submitted, today is) after the
 * due day
 * @param rowVersion optimistic lock of the draft
 */
public record ProgrammeReport(UUID id, long unitId, String unitName, String unitLevel, @JsonIgnore String unitPath,
		String programme, String form, int year, String period, int version, String status, LocalDate dueOn,
		Narrative narrative, String reason, UUID supersedes, String preparedBy, OffsetDateTime preparedAt,
		String submittedBy, OffsetDateTime submittedAt, LocalDate firstSubmittedOn, boolean late, int rowVersion) {

	/** Draft. */
	public static final String DRAFT = "DRAFT";

	/** Submitted and frozen. */
	public static final String SUBMITTED = "SUBMITTED";

	/** Replaced by a correction. */
	public static final String SUPERSEDED = "SUPERSEDED";

	/**
	 * The day this version was submitted, in Vietnam.
	 * @return the day, or null
	 */
	public LocalDate submittedOn() {
		return (this.submittedAt != null)
				? this.submittedAt.atZoneSameInstant(vn.giamngheo.shared.ClockConfiguration.VIETNAM).toLocalDate()
				: null;
	}

	/** Whether the narrative may still be edited. */
	public boolean isDraft() {
		return DRAFT.equals(this.status);
	}

	/**
	 * The sections the preparer writes.
	 *
	 * @param assessment đánh giá chung (general assessment)
	 * @param difficulties khó khăn, vướng mắc (difficulties and obstacles)
	 * @param proposals kiến nghị, đề xuất (recommendations)
	 */
	public record Narrative(String assessment, String difficulties, String proposals) {

		/** Nothing written yet. */
		public static final Narrative EMPTY = new Narrative("", "", "");

	}

	/**
	 * The report as rendered: frozen into the version when it is submitted, built live
	 * for a draft.
	 *
	 * @param unitName the unit
	 * @param unitLevel its level
	 * @param programmeName the programme
	 * @param legalBasis its legal basis
	 * @param year the year
	 * @param period H1 or YEAR
	 * @param periodFrom first day of the period
	 * @param periodTo last day of the period
	 * @param dueOn the last day on time
	 * @param results Biểu 02 figures (results by project, funds)
	 * @param poverty the poverty figures (the year before and the year, as far as known)
	 * @param narrative what the preparer wrote
	 * @param builtAt when the figures were read
	 */
	public record Content(String unitName, String unitLevel, String programmeName, String legalBasis, int year,
			String period, LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn, ResultsTable results,
			List<PovertyLine> poverty, Narrative narrative, OffsetDateTime builtAt) {
	}

	/**
	 * The poverty figures of a year of the unit.
	 *
	 * @param year the review year
	 * @param status FINAL or PROVISIONAL
	 * @param communesDone communes counted (coverage)
	 * @param communes communes of the unit
	 * @param households households assessed
	 * @param poor poor households
	 * @param poorRate their share in percent
	 * @param nearPoor near-poor households
	 * @param nearPoorRate their share in percent
	 */
	public record PovertyLine(int year, String status, int communesDone, int communes, long households, long poor,
			Double poorRate, long nearPoor, Double nearPoorRate) {
	}

	/**
	 * A unit under another and where its report of a period stands (the chain view).
	 *
	 * @param unitId the unit
	 * @param unitName its name
	 * @param level its level
	 * @param report its live version (draft or submitted), or null when it has none
	 * @param dueOn the last day on time
	 * @param state SUBMITTED, SUBMITTED_LATE, NOT_SUBMITTED (not yet due) or OVERDUE
	 */
	public record ChainLine(long unitId, String unitName, String level, ProgrammeReport report, LocalDate dueOn,
			String state) {
	}

}
