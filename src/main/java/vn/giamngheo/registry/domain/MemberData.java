package vn.giamngheo.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * What a user enters for a member, before it is stored.
 *
 * @param fullName full name
 * @param sex sex
 * @param dateOfBirth date of birth
 * @param ethnicityCode GSO ethnicity code (01–54)
 * @param relation relation to the head
 * @param cccd citizen ID, 12 digits, optional (children)
 * @param phone phone number, optional
 * @param educationLevel highest level
 * @param inSchool currently studying at the level for the age
 * @param employment employment status
 * @param healthInsurance holds a valid health-insurance card
 * @param disability has a disability
 * @param socialAllowance receives the monthly social allowance
 * @param malnourished child under 16 stunted or underweight
 * @param illNoCare ill and did not seek care
 */
public record MemberData(String fullName, Sex sex, LocalDate dateOfBirth, String ethnicityCode, String relation,
		String cccd, String phone, String educationLevel, boolean inSchool, String employment, boolean healthInsurance,
		boolean disability, boolean socialAllowance, boolean malnourished, boolean illNoCare) {

	private static final java.util.regex.Pattern ETHNICITY = java.util.regex.Pattern
		.compile("0[1-9]|[1-4][0-9]|5[0-4]");

	/** Validates the member as of {@code today}; empty when valid. */
	public List<FieldProblem> problems(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.fullName == null || this.fullName.isBlank()) {
			problems.add(new FieldProblem("fullName", "error.field.required"));
		}
		else if (this.fullName.length() > 100) {
			problems.add(new FieldProblem("fullName", "registry.name.too-long"));
		}
		if (this.sex == null) {
			problems.add(new FieldProblem("sex", "error.field.required"));
		}
		if (this.dateOfBirth == null) {
			problems.add(new FieldProblem("dateOfBirth", "error.field.required"));
		}
		else if (this.dateOfBirth.isAfter(today)) {
			problems.add(new FieldProblem("dateOfBirth", "registry.dob.future", this.dateOfBirth));
		}
		else if (this.dateOfBirth.isBefore(today.minusYears(125))) {
			problems.add(new FieldProblem("dateOfBirth", "registry.dob.too-old", this.dateOfBirth));
		}
		if (this.ethnicityCode == null || !ETHNICITY.matcher(this.ethnicityCode).matches()) {
			problems.add(new FieldProblem("ethnicityCode", "registry.ethnicity.unknown", this.ethnicityCode));
		}
		if (this.relation == null || !Codes.RELATIONS.contains(this.relation)) {
			problems.add(new FieldProblem("relation", "error.field.invalid", this.relation));
		}
		CitizenId.problem(this.cccd, this.sex, this.dateOfBirth)
			.ifPresent((key) -> problems.add(new FieldProblem("cccd", key, this.cccd)));
		if (this.phone != null && !this.phone.isEmpty() && !PhoneNumbers.valid(this.phone)) {
			problems.add(new FieldProblem("phone", "registry.phone.format", this.phone));
		}
		if (this.educationLevel == null || !Codes.EDUCATION.contains(this.educationLevel)) {
			problems.add(new FieldProblem("educationLevel", "error.field.invalid", this.educationLevel));
		}
		if (this.employment == null || !Codes.EMPLOYMENT.contains(this.employment)) {
			problems.add(new FieldProblem("employment", "error.field.invalid", this.employment));
		}
		return problems;
	}

}
