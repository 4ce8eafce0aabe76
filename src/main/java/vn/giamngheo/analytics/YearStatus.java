package vn.giamngheo.analytics;

/**
 * Whether a unit's figures of a review year are final, with their coverage. A year is
 * final when every commune of the unit taking part in that year's review is recognised
 * (and, under two-level approval, approved by the province); a year without a review
 * (historic figures loaded by the demo or an import) is final when every commune of the
 * unit that had figures the year before has them for that year too (a few in-year
 * decisions in one commune make a provisional year). Anything else is provisional: it is
 * never shown as the unit's figure without saying so and how much of the unit it covers,
 * and never judged against a target.
 *
 * @param year review year
 * @param status final or provisional
 * @param review whether the year has a review in the system (the communes counted are
 * then the review's)
 * @param communesDone communes counted as done: recognised (and approved where it
 * applies) in the review, or with figures of the year when there is no review
 * @param communes communes of the unit in the review, or with figures of the year or the
 * year before
 * @param householdsAssessed households recognised in the year itself
 * @param households active households of the unit's communes now; for a unit ended by the
 * reform, those whose address was in it on its last day (30/06/2025)
 * @param basis whether the year is the unit's own, or read through the other list of
 * units (ADR 0031)
 */
public record YearStatus(int year, Status status, boolean review, int communesDone, int communes,
		long householdsAssessed, long households, Basis basis) {

	/** On which units a year of a unit is counted. */
	public enum Basis {

		/** The unit's own year: households by their address that year. */
		OWN,
		/**
		 * A 2025 unit's year before the reform, re-based: its households of today counted
		 * back ("số liệu tính lại theo địa giới mới").
		 */
		REBASED,
		/**
		 * An ended unit's year after its end, for a resolution written for it: the
		 * households whose address was in it on its last day.
		 */
		CONTINUED

	}

	/** Whether the year is not the unit's own (re-based or continued). */
	public boolean crossed() {
		return this.basis != Basis.OWN;
	}

	/** Final or provisional. */
	public enum Status {

		/** Every commune's result of the year is recognised (and approved). */
		FINAL,
		/** The year's review is in progress: a partial base. */
		PROVISIONAL

	}

	/**
	 * Decides the status from the counts (see the record's description).
	 * @param year the year
	 * @param reviewCommunes the unit's communes in the year's review (≤ 0: no review)
	 * @param reviewDone of them, those recognised (and approved where it applies)
	 * @param present communes with figures of the year
	 * @param expected communes with figures of the year or of the year before
	 * @param assessed households recognised in the year
	 * @param households active households of the unit
	 * @param basis on which units the year is counted
	 * @return the status
	 */
	static YearStatus of(int year, int reviewCommunes, int reviewDone, int present, int expected, long assessed,
			long households, Basis basis) {
		if (reviewCommunes > 0) {
			return new YearStatus(year, (reviewDone == reviewCommunes) ? Status.FINAL : Status.PROVISIONAL, true,
					Math.max(0, reviewDone), reviewCommunes, assessed, households, basis);
		}
		boolean done = present > 0 && present >= expected;
		return new YearStatus(year, done ? Status.FINAL : Status.PROVISIONAL, false, present, expected, assessed,
				households, basis);
	}

	public boolean isFinal() {
		return this.status == Status.FINAL;
	}

	public boolean provisional() {
		return this.status == Status.PROVISIONAL;
	}

}
