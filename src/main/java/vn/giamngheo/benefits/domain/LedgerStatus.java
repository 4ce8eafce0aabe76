package vn.giamngheo.benefits.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a ledger record and the steps allowed between them (issue 16 contract):
 * planned → approved → delivered → closed; cancelled from planned or approved; overdue
 * from delivered (a loan not repaid on time), and back to closed once settled. Shown by
 * name from the bundles ({@code support.status.<NAME>}), never by this code.
 */
public enum LedgerStatus {

	/** Lên kế hoạch. */
	PLANNED,
	/** Đã phê duyệt. */
	APPROVED,
	/** Đã nhận (the money, card or service reached the household). */
	DELIVERED,
	/** Đã kết thúc (card expired, loan repaid, house finished). */
	CLOSED,
	/** Đã hủy (never delivered). */
	CANCELLED,
	/** Quá hạn (a loan past its due date). */
	OVERDUE;

	/**
	 * The statuses a record may be created in: what was planned, or what already
	 * happened.
	 */
	public static final Set<LedgerStatus> INITIAL = EnumSet.of(PLANNED, APPROVED, DELIVERED, CLOSED);

	/** Whether the money, card or service went out (delivered_on is then required). */
	public boolean delivered() {
		return this == DELIVERED || this == CLOSED || this == OVERDUE;
	}

	/** The statuses this one may change to. */
	public Set<LedgerStatus> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(APPROVED, CANCELLED);
			case APPROVED -> EnumSet.of(DELIVERED, CANCELLED);
			case DELIVERED -> EnumSet.of(CLOSED, OVERDUE);
			case OVERDUE -> EnumSet.of(CLOSED);
			case CLOSED, CANCELLED -> EnumSet.noneOf(LedgerStatus.class);
		};
	}

	/** Whether a record in this status may change to {@code to}. */
	public boolean mayBecome(LedgerStatus to) {
		return next().contains(to);
	}

	/** The status of a code, or null when the code is none of them. */
	public static LedgerStatus parse(String code) {
		if (code == null) {
			return null;
		}
		for (LedgerStatus s : values()) {
			if (s.name().equals(code.strip())) {
				return s;
			}
		}
		return null;
	}

}
