package vn.giamngheo.imports.domain;

import java.util.List;

/**
 * A household as a file gives it (after parsing; codes resolved, not yet checked against
 * the database).
 *
 * @param ref where it is in the file
 * @param code household code
 * @param commune commune code
 * @param village village name or code
 * @param headName head's name, if the sheet has it
 * @param address address
 * @param urban area type, null = from the village (new) or unchanged (the same for the
 * flags, phone and address, and the classification's optional fields: null keeps the
 * stored value)
 * @param ethnicMinority ethnic-minority household
 * @param socialProtection social-protection household
 * @param meritorious meritorious household
 * @param phone household phone
 * @param assessment the year's classification, if given
 * @param cleared optional fields whose stored value the file clears (the clear marker),
 * as {@link Field#bit() bits}
 */
public record HouseholdIn(RowRef ref, String code, String commune, String village, String headName, String address,
		Boolean urban, Boolean ethnicMinority, Boolean socialProtection, Boolean meritorious, String phone,
		AssessmentIn assessment, long cleared) {

	/** The same household with its deprivations read as the standard's codes. */
	public HouseholdIn withDeprivations(List<String> codes) {
		AssessmentIn a = this.assessment;
		return new HouseholdIn(this.ref, this.code, this.commune, this.village, this.headName, this.address, this.urban,
				this.ethnicMinority, this.socialProtection, this.meritorious, this.phone, new AssessmentIn(a.year(),
						a.classification(), a.income(), a.waterSource(), a.latrine(), codes, a.decisionNo()),
				this.cleared);
	}

	/** Whether the file clears this field's stored value. */
	public boolean clears(Field field) {
		return (this.cleared & field.bit()) != 0;
	}

	/**
	 * A year's review result in a file.
	 *
	 * @param year review year
	 * @param classification class code
	 * @param income income per capita, VND/month
	 * @param waterSource water source code
	 * @param latrine latrine code
	 * @param deprivations deprivation codes, null when the cell is empty
	 * @param decisionNo decision number
	 */
	public record AssessmentIn(int year, String classification, Long income, String waterSource, String latrine,
			List<String> deprivations, String decisionNo) {
	}

}
