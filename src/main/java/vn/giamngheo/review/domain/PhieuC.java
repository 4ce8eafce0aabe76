package vn.giamngheo.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Phiếu C (Circular 07/2021/TT-BLĐTBXH): characteristics of poor and near-poor households
 * — causes of poverty and needs — as closed code lists (labels in the review bundle).
 *
 * @param causes cause codes
 * @param needs need codes
 * @param note free text
 */
public record PhieuC(List<String> causes, List<String> needs, String note) {

	/** Causes of poverty (nguyên nhân nghèo). */
	public static final List<String> CAUSES = List.of("LAND", "CAPITAL", "LABOUR", "TOOLS", "KNOWLEDGE", "SKILLS",
			"ILLNESS", "OTHER");

	/** Needs and wishes (nhu cầu hỗ trợ). */
	public static final List<String> NEEDS = List.of("LOAN", "VOCATIONAL_TRAINING", "EMPLOYMENT", "HOUSING",
			"PRODUCTION_LAND", "CLEAN_WATER", "HEALTH_INSURANCE", "EDUCATION", "INFORMATION", "OTHER");

	public PhieuC {
		causes = (causes != null) ? List.copyOf(causes) : List.of();
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

	/**
	 * Unknown codes, as field → code, empty when valid. A poor or near-poor household
	 * needs at least one cause.
	 * @param poorOrNear the proposed class is poor or near-poor
	 * @return the problems as {@code field:code}
	 */
	public List<String> problems(boolean poorOrNear) {
		List<String> problems = new ArrayList<>();
		this.causes.stream().filter((c) -> !CAUSES.contains(c)).forEach((c) -> problems.add("causes:" + c));
		this.needs.stream().filter((c) -> !NEEDS.contains(c)).forEach((c) -> problems.add("needs:" + c));
		if (poorOrNear && this.causes.isEmpty()) {
			problems.add("causes:");
		}
		return problems;
	}

}
