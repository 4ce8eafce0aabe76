package vn.giamngheo.standards;

import java.time.LocalDate;

/**
 * Facts about one household member. Ages are computed from {@code dateOfBirth} at the
 * survey date.
 *
 * @param name full name
 * @param sex sex
 * @param dateOfBirth date of birth (required: ages drive most indicators)
 * @param healthInsurance holds a valid health-insurance card
 * @param inSchool currently studying or training at the level appropriate for the age
 * @param educationLevel highest level completed
 * @param employment main employment status
 * @param disability person with a disability
 * @param socialAllowance receives the monthly social allowance
 * @param malnourished stunted or underweight (children)
 * @param illNoCare was ill and did not seek medical care
 */
public record MemberFacts(String name, Sex sex, LocalDate dateOfBirth, boolean healthInsurance, boolean inSchool,
		EducationLevel educationLevel, Employment employment, boolean disability, boolean socialAllowance,
		boolean malnourished, boolean illNoCare) {

	public enum Sex {

		MALE, FEMALE

	}

	public enum EducationLevel {

		NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL_ELEMENTARY, VOCATIONAL_INTERMEDIATE, COLLEGE,
		UNIVERSITY

	}

	public enum Employment {

		WAGE_WITH_CONTRACT, WAGE_NO_CONTRACT, SELF_EMPLOYED, FARMER, UNEMPLOYED, NOT_WORKING, STUDENT, RETIRED

	}

}
