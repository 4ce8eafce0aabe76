package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's attributes that policies ask about.
 *
 * @param memberId the member
 * @param dateOfBirth date of birth (ages are counted on the day of the judgement)
 * @param sex {@code M} or {@code F}
 * @param ethnicityCode the ethnicity's code ({@code 01} Kinh)
 * @param relation relation to the head ({@code HEAD}, {@code CHILD}...)
 * @param educationLevel the registry's education level code
 * @param inSchool whether the member attends school
 * @param employment the registry's employment code
 * @param disability whether the member has a disability
 */
public record MemberFacts(UUID memberId, LocalDate dateOfBirth, String sex, String ethnicityCode, String relation,
		String educationLevel, boolean inSchool, String employment, boolean disability) {
}
