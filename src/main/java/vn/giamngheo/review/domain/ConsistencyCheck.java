package vn.giamngheo.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags a survey that does not fit last year's record, for the reviewer to confirm (they
 * do not block the survey): income doubled or halved, members vanished or appeared, a
 * jump from poor to above the middle standard, a listed poor household with no record
 * last year.
 */
public final class ConsistencyCheck {

	private ConsistencyCheck() {
	}

	/**
	 * What the survey and last year's record say.
	 *
	 * @param memberCount members
	 * @param incomePerCapita income per head per month (VND), or {@code null}
	 * @param classification class
	 */
	public record Snapshot(int memberCount, Long incomePerCapita, String classification) {
	}

	/**
	 * The flags, as stable codes (message {@code review.flag.<code>}).
	 * @param lastYear last year's record, or {@code null}
	 * @param now this survey
	 * @param listedAsPoorOrNear the household is on the list as poor or near-poor
	 * @return the flags, empty when consistent
	 */
	public static List<String> flags(Snapshot lastYear, Snapshot now, boolean listedAsPoorOrNear) {
		List<String> flags = new ArrayList<>();
		if (lastYear == null) {
			if (listedAsPoorOrNear) {
				flags.add("NO_LAST_YEAR");
			}
			return flags;
		}
		Long before = lastYear.incomePerCapita();
		Long after = now.incomePerCapita();
		if (before != null && after != null && before > 0) {
			if (after >= 2 * before) {
				flags.add("INCOME_DOUBLED");
			}
			else if (2 * after <= before) {
				flags.add("INCOME_HALVED");
			}
		}
		int lost = lastYear.memberCount() - now.memberCount();
		if (lost >= 2 || (lastYear.memberCount() > 1 && now.memberCount() * 2 <= lastYear.memberCount())) {
			flags.add("MEMBERS_VANISHED");
		}
		if (now.memberCount() - lastYear.memberCount() >= 3) {
			flags.add("MEMBERS_APPEARED");
		}
		if (Transition.POOR.equals(lastYear.classification()) && "ABOVE_MIDDLE".equals(now.classification())) {
			flags.add("CLASS_JUMP");
		}
		return flags;
	}

}
