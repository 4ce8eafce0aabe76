package vn.giamngheo.imports;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.giamngheo.identity.Agency;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner field profiles as shipped, and how a broken file is refused at start. */
class ExportProfilesTest {

	final ExportProfiles shipped = new ExportProfiles();

	static Actor partner(String agency) {
		return new Actor("p", Set.of("PARTNER"), DataScope.NONE, agency);
	}

	@Test
	void officersLeadersAndAuditorsGetEveryColumn() {
		for (String role : List.of("SYSTEM_ADMIN", "COMMUNE_OFFICER", "LEADER", "AUDITOR")) {
			assertThat(this.shipped.columns(new Actor("u", Set.of(role), DataScope.NONE)))
				.isEqualTo(HouseholdExports.COLUMNS);
		}
	}

	@Test
	void theBankGetsWhatALoanNeedsAndNoPhoneOrHealth() {
		assertThat(this.shipped.columns(partner("VBSP"))).containsExactly(Field.CODE, Field.COMMUNE, Field.VILLAGE,
				Field.HEAD_NAME, Field.ADDRESS, Field.ETHNIC_MINORITY, Field.YEAR, Field.CLASSIFICATION,
				Field.FULL_NAME, Field.SEX, Field.DATE_OF_BIRTH, Field.RELATION, Field.CCCD, Field.IN_SCHOOL);
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	void noAgencyGetsPhones(Agency agency) {
		assertThat(this.shipped.columns(partner(agency.name()))).isNotEmpty()
			.doesNotContain(Field.PHONE, Field.HOUSEHOLD_PHONE)
			.isSubsetOf(HouseholdExports.COLUMNS);
	}

	@Test
	void aPartnerWithoutAProfileGetsTheMinimalOneOneRowPerHousehold() {
		List<Field> minimal = this.shipped.columns(partner("OTHER"));
		assertThat(minimal).containsExactly(Field.CODE, Field.COMMUNE, Field.VILLAGE, Field.HEAD_NAME, Field.YEAR,
				Field.CLASSIFICATION);
		assertThat(this.shipped.columns(partner(null))).isEqualTo(minimal);
		assertThat(this.shipped.profile(partner("OTHER"))).isEqualTo("default");
		assertThat(ExportProfiles.perHousehold(minimal)).isTrue();
		assertThat(ExportProfiles.perHousehold(this.shipped.columns(partner("VBSP")))).isFalse();
	}

	@Test
	void aBrokenFileStopsTheStart() {
		Properties unknownAgency = new Properties();
		unknownAgency.setProperty("default", "CODE");
		unknownAgency.setProperty("BANK", "CODE");
		assertThatThrownBy(() -> new ExportProfiles(unknownAgency)).hasMessageContaining("unknown agency BANK");
		Properties unknownColumn = new Properties();
		unknownColumn.setProperty("default", "CODE,PHONES");
		assertThatThrownBy(() -> new ExportProfiles(unknownColumn)).hasMessageContaining("unknown column PHONES");
		Properties noDefault = new Properties();
		noDefault.setProperty("VBSP", "CODE");
		assertThatThrownBy(() -> new ExportProfiles(noDefault)).hasMessageContaining("no default");
	}

}
