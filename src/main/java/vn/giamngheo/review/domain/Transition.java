package vn.giamngheo.review.domain;

import java.util.List;

/**
 * How a household's class moved between last year's recognised class and this year's
 * (Phiếu C "biến động": from old poor, from old near-poor, new; Circular 07/2021), and
 * what happens to its certificate (Mẫu số 03).
 */
public enum Transition {

	/** Poor last year, poor again. */
	CONTINUING_POOR,
	/** Poor last year, near-poor now (thoát nghèo, vào cận nghèo). */
	POOR_TO_NEAR_POOR,
	/** Poor last year, above the near-poor line now (thoát nghèo). */
	EXITED_POOR,
	/** Near-poor last year, poor now. */
	NEAR_POOR_TO_POOR,
	/** Near-poor last year, near-poor again. */
	CONTINUING_NEAR_POOR,
	/** Near-poor last year, above it now (thoát cận nghèo). */
	EXITED_NEAR_POOR,
	/** Poor for the first time (phát sinh mới). */
	NEW_POOR,
	/** Poor again after having exited earlier (tái nghèo). */
	FELL_BACK_POOR,
	/** Near-poor for the first time. */
	NEW_NEAR_POOR,
	/** Near-poor again after having exited earlier (tái cận nghèo). */
	FELL_BACK_NEAR_POOR,
	/** Neither last year nor this year. */
	NOT_POOR;

	/** Classes of the registry that count as poor / near-poor. */
	public static final String POOR = "POOR";

	/** Near-poor class code. */
	public static final String NEAR_POOR = "NEAR_POOR";

	/** Every class code of the registry. */
	public static final List<String> CLASSES = List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE_MIDDLE", "NOT_POOR");

	/**
	 * The transition of one household.
	 * @param lastYear last year's recognised class, or {@code null} when the household
	 * had none
	 * @param thisYear this year's class
	 * @param everPoorBefore the household was recognised poor in some year before last
	 * year
	 * @param everNearPoorBefore the household was recognised near-poor in some year
	 * before last year
	 * @return the transition
	 */
	public static Transition of(String lastYear, String thisYear, boolean everPoorBefore, boolean everNearPoorBefore) {
		boolean wasPoor = POOR.equals(lastYear);
		boolean wasNear = NEAR_POOR.equals(lastYear);
		if (POOR.equals(thisYear)) {
			if (wasPoor) {
				return CONTINUING_POOR;
			}
			if (wasNear) {
				return NEAR_POOR_TO_POOR;
			}
			return everPoorBefore ? FELL_BACK_POOR : NEW_POOR;
		}
		if (NEAR_POOR.equals(thisYear)) {
			if (wasPoor) {
				return POOR_TO_NEAR_POOR;
			}
			if (wasNear) {
				return CONTINUING_NEAR_POOR;
			}
			return (everNearPoorBefore || everPoorBefore) ? FELL_BACK_NEAR_POOR : NEW_NEAR_POOR;
		}
		if (wasPoor) {
			return EXITED_POOR;
		}
		if (wasNear) {
			return EXITED_NEAR_POOR;
		}
		return NOT_POOR;
	}

	/**
	 * What happens to the certificate of poor / near-poor household (Mẫu số 03).
	 * @return the certificate action
	 */
	public CertificateAction certificate() {
		return switch (this) {
			case CONTINUING_POOR, CONTINUING_NEAR_POOR -> CertificateAction.RENEW;
			case POOR_TO_NEAR_POOR, NEAR_POOR_TO_POOR, NEW_POOR, FELL_BACK_POOR, NEW_NEAR_POOR, FELL_BACK_NEAR_POOR ->
				CertificateAction.ISSUE;
			case EXITED_POOR, EXITED_NEAR_POOR -> CertificateAction.CANCEL;
			case NOT_POOR -> CertificateAction.NONE;
		};
	}

	/**
	 * What happens to a household's certificate.
	 */
	public enum CertificateAction {

		/** A new certificate (new class or new household). */
		ISSUE,
		/** The existing certificate is confirmed for the year (yearly validation box). */
		RENEW,
		/** The certificate is cancelled (exited). */
		CANCEL,
		/** No certificate. */
		NONE;

		/**
		 * A certificate issued or renewed takes a new number; one cancelled keeps its
		 * own.
		 */
		public boolean numbered() {
			return this == ISSUE || this == RENEW;
		}

	}

}
