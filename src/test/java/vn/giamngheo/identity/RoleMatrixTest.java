package vn.giamngheo.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.giamngheo.shared.scope.Permission;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix as a reader of the users page would check it: every action has words in both
 * languages, the read-only roles only read, and the findings are not allowed.
 */
class RoleMatrixTest {

	@ParameterizedTest
	@ValueSource(strings = { "i18n/messages.properties", "i18n/messages_en.properties" })
	void everyActionAndRoleHasItsWords(String bundle) throws IOException {
		Properties p = new Properties();
		try (Reader in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		for (Permission permission : Permission.values()) {
			assertThat(p.getProperty("permission." + permission)).as(permission.name()).isNotBlank();
			assertThat(p.getProperty("error.forbidden.permission." + permission)).as(permission.name()).isNotBlank();
		}
		for (Role role : Role.values()) {
			assertThat(p.getProperty("role.short." + role)).as(role.name()).isNotBlank();
		}
	}

	@Test
	void leadersAndAuditorsOnlyRead() {
		assertThat(Role.LEADER.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OWN_ACCOUNT);
		assertThat(Role.AUDITOR.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OWN_ACCOUNT,
				Permission.AUDIT_READ);
	}

	@Test
	void reviewersSurveyAndPartnersRecordSupportButNeitherEditsTheRegistryOrUnits() {
		assertThat(Role.REVIEWER.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OWN_ACCOUNT,
				Permission.REVIEW_SURVEY);
		assertThat(Role.PARTNER.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.OWN_ACCOUNT,
				Permission.HOUSEHOLD_EXPORT, Permission.SUPPORT_RECORD);
		for (Role role : EnumSet.of(Role.REVIEWER, Role.PARTNER, Role.LEADER, Role.AUDITOR)) {
			assertThat(role.may(Permission.REGISTRY_EDIT)).as(role.name()).isFalse();
			assertThat(role.may(Permission.UNIT_EDIT)).as(role.name()).isFalse();
		}
	}

	@Test
	void theAdministratorMayDoEverythingAndEveryRoleHasARow() {
		assertThat(Role.SYSTEM_ADMIN.permissions()).containsExactlyInAnyOrder(Permission.values());
		assertThat(RoleMatrix.columns()).containsExactlyInAnyOrder(Role.values());
		for (Role role : Role.values()) {
			assertThat(role.permissions()).as(role.name()).contains(Permission.READ);
		}
	}

	@Test
	void eachApprovalLevelBelongsToItsOwnOfficer() {
		assertThat(Role.DISTRICT_OFFICER.may(Permission.REVIEW_DISTRICT_APPROVAL)).isTrue();
		assertThat(Role.DISTRICT_OFFICER.may(Permission.REVIEW_PROVINCE_APPROVAL)).isFalse();
		assertThat(Role.PROVINCE_OFFICER.may(Permission.REVIEW_PROVINCE_APPROVAL)).isTrue();
		assertThat(Role.PROVINCE_OFFICER.may(Permission.REVIEW_DISTRICT_APPROVAL)).isFalse();
		assertThat(Role.COMMUNE_OFFICER.may(Permission.REVIEW_PROVINCE_APPROVAL)).isFalse();
	}

}
