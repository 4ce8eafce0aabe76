package vn.giamngheo.registry;

import java.time.LocalDate;
import java.util.UUID;

import vn.giamngheo.standards.MemberFacts;

/**
 * A member of a household.
 *
 * @param id opaque id
 * @param householdId household
 * @param fullName full name
 * @param sex M or F
 * @param dateOfBirth date of birth
 * @param ethnicityCode GSO ethnicity code
 * @param ethnicityName ethnicity name
 * @param relation relation to the head
 * @param cccd citizen ID (masked by role when shown)
 * @param phone phone (masked by role when shown)
 * @param educationLevel education level
 * @param inSchool in school
 * @param employment employment status
 * @param healthInsurance has a valid health-insurance card
 * @param disability disability
 * @param socialAllowance receives the social allowance
 * @param malnourished malnourished child
 * @param illNoCare ill without care
 * @param version version
 * @param voided voided
 * @param voidReason why voided
 */
public record Member(UUID id, UUID householdId, String fullName, String sex, LocalDate dateOfBirth,
		String ethnicityCode, String ethnicityName, String relation, String cccd, String phone, String educationLevel,
		boolean inSchool, String employment, boolean healthInsurance, boolean disability, boolean socialAllowance,
		boolean malnourished, boolean illNoCare, int version, boolean voided, String voidReason) {

	public int ageOn(LocalDate date) {
		return java.time.Period.between(this.dateOfBirth, date).getYears();
	}

	/**
	 * The member's facts as the standards read them.
	 * @return the facts
	 */
	public MemberFacts facts() {
		return new MemberFacts(this.fullName, "F".equals(this.sex) ? MemberFacts.Sex.FEMALE : MemberFacts.Sex.MALE,
				this.dateOfBirth, this.healthInsurance, this.inSchool,
				MemberFacts.EducationLevel.valueOf(this.educationLevel),
				MemberFacts.Employment.valueOf(this.employment), this.disability, this.socialAllowance,
				this.malnourished, this.illNoCare);
	}

	public Member withMasked(String maskedCccd, String maskedPhone) {
		return new Member(this.id, this.householdId, this.fullName, this.sex, this.dateOfBirth, this.ethnicityCode,
				this.ethnicityName, this.relation, maskedCccd, maskedPhone, this.educationLevel, this.inSchool,
				this.employment, this.healthInsurance, this.disability, this.socialAllowance, this.malnourished,
				this.illNoCare, this.version, this.voided, this.voidReason);
	}

}
