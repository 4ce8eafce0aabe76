package vn.giamngheo.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import vn.giamngheo.imports.ImportPlanner.Plan;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.persistence.ImportJobRepository.Diff;
import vn.giamngheo.registry.BulkAssessment;
import vn.giamngheo.registry.BulkHousehold;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdBulk.AssessmentChange;
import vn.giamngheo.registry.HouseholdBulk.HouseholdUpdate;
import vn.giamngheo.registry.HouseholdBulk.MemberUpdate;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.MemberData;

/**
 * What a plan changes in stored rows, field by field with the old and the new value (as
 * stored: codes, {@code true}/{@code false}, ISO dates), for the dry run's list: every
 * field of a stored household, member or classification it changes or clears, the members
 * it adds to stored households and the classifications it adds to them. Made one at a
 * time while they are copied. Households the plan creates are counted, not listed.
 */
final class PlanDiff {

	private PlanDiff() {
	}

	static Stream<Diff> of(Plan plan) {
		Set<UUID> created = new HashSet<>();
		plan.newHouseholds.forEach((h) -> created.add(h.id()));
		return HouseholdBulk.<Diff>concat(plan.householdUpdates.stream().flatMap((u) -> household(plan, u).stream()),
				plan.memberUpdates.stream().flatMap((u) -> member(plan, u).stream()),
				plan.newMembers.stream()
					.filter((m) -> !created.contains(m.householdId()))
					.map((m) -> diff(plan, m.householdId(), "MEMBER", "CREATE", m.data().fullName(), null, null, null)),
				plan.assessments.stream()
					.filter((a) -> !created.contains(a.after().householdId()))
					.flatMap((a) -> assessment(plan, a).stream()));
	}

	private static List<Diff> household(Plan plan, HouseholdUpdate u) {
		Household b = u.before();
		BulkHousehold a = u.after();
		List<Diff> diffs = new ArrayList<>();
		Changes c = new Changes(plan, b.id(), "HOUSEHOLD", "UPDATE", null, diffs);
		c.add(Field.VILLAGE, b.villageName(),
				(a.data().villageId() == b.villageId()) ? b.villageName() : u.villageName());
		c.add(Field.HEAD_NAME, b.headName(), a.headName());
		c.add(Field.ADDRESS, b.address(), a.data().address());
		c.add(Field.URBAN, b.urban(), a.urban());
		c.add(Field.ETHNIC_MINORITY, b.ethnicMinority(), a.data().ethnicMinority());
		c.add(Field.SOCIAL_PROTECTION, b.socialProtection(), a.data().socialProtection());
		c.add(Field.MERITORIOUS, b.meritorious(), a.data().meritorious());
		c.add(Field.HOUSEHOLD_PHONE, b.phone(), a.data().phone());
		return diffs;
	}

	private static List<Diff> member(Plan plan, MemberUpdate u) {
		Member b = u.before();
		MemberData a = u.after().data();
		List<Diff> diffs = new ArrayList<>();
		Changes c = new Changes(plan, b.householdId(), "MEMBER", "UPDATE", b.fullName(), diffs);
		c.add(Field.FULL_NAME, b.fullName(), a.fullName());
		c.add(Field.SEX, b.sex(), a.sex().code());
		c.add(Field.DATE_OF_BIRTH, b.dateOfBirth(), a.dateOfBirth());
		c.add(Field.ETHNICITY, b.ethnicityCode(), a.ethnicityCode());
		c.add(Field.RELATION, b.relation(), a.relation());
		c.add(Field.CCCD, b.cccd(), a.cccd());
		c.add(Field.PHONE, b.phone(), a.phone());
		c.add(Field.EDUCATION, b.educationLevel(), a.educationLevel());
		c.add(Field.IN_SCHOOL, b.inSchool(), a.inSchool());
		c.add(Field.EMPLOYMENT, b.employment(), a.employment());
		c.add(Field.HEALTH_INSURANCE, b.healthInsurance(), a.healthInsurance());
		c.add(Field.DISABILITY, b.disability(), a.disability());
		c.add(Field.SOCIAL_ALLOWANCE, b.socialAllowance(), a.socialAllowance());
		c.add(Field.MALNOURISHED, b.malnourished(), a.malnourished());
		c.add(Field.ILL_NO_CARE, b.illNoCare(), a.illNoCare());
		return diffs;
	}

	private static List<Diff> assessment(Plan plan, AssessmentChange change) {
		BulkAssessment b = change.before();
		BulkAssessment a = change.after();
		List<Diff> diffs = new ArrayList<>();
		Changes c = new Changes(plan, a.householdId(), "ASSESSMENT", (b == null) ? "CREATE" : "UPDATE",
				String.valueOf(a.year()), diffs);
		c.add(Field.CLASSIFICATION, (b == null) ? null : b.classification(), a.classification());
		c.add(Field.INCOME, (b == null) ? null : b.incomePerCapita(), a.incomePerCapita());
		c.add(Field.WATER_SOURCE, (b == null) ? null : b.waterSource(), a.waterSource());
		c.add(Field.LATRINE, (b == null) ? null : b.latrine(), a.latrine());
		c.add(Field.DEPRIVATIONS, (b == null) ? null : codes(b.deprivations()), codes(a.deprivations()));
		c.add(Field.DECISION_NO, (b == null) ? null : b.decisionNo(), a.decisionNo());
		return diffs;
	}

	private static String codes(List<String> codes) {
		return codes.isEmpty() ? null : String.join(";", codes);
	}

	private static Diff diff(Plan plan, UUID household, String entity, String action, String subject, Field field,
			Object old, Object neu) {
		return new Diff(plan.codes.get(household), household, plan.paths.get(household), entity, action, subject,
				(field == null) ? null : field.name(), text(old), text(neu));
	}

	private static String text(Object value) {
		return (value == null || "".equals(value)) ? null : value.toString();
	}

	/** The changed fields of one row. */
	private record Changes(Plan plan, UUID household, String entity, String action, String subject, List<Diff> diffs) {

		void add(Field field, Object old, Object neu) {
			if (!Objects.equals(text(old), text(neu))) {
				this.diffs
					.add(diff(this.plan, this.household, this.entity, this.action, this.subject, field, old, neu));
			}
		}

	}

}
