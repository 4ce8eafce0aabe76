package vn.giamngheo.identity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;
import vn.giamngheo.shared.scope.PersonalData;
import vn.giamngheo.shared.scope.PersonalData.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

	static final String HOUSEHOLD = "/49/504/20464/900/";

	@ParameterizedTest
	@CsvSource({ "001203004589, CCCD, 0012******89", "0912345678, PHONE, 091****678", "84912345678, PHONE, 849*****678",
			"12345, CCCD, *****" })
	void masks(String value, Kind kind, String masked) {
		assertThat(PersonalData.mask(value, kind)).isEqualTo(masked);
	}

	@ParameterizedTest(name = "{0} scoped {1} sees {2}: {3}")
	@CsvSource({ "SYSTEM_ADMIN, /, CCCD, true", "COMMUNE_OFFICER, /49/504/20464/, CCCD, true",
			"COMMUNE_OFFICER, /49/504/20464/, PHONE, true", "COMMUNE_OFFICER, /49/504/20470/, CCCD, false",
			"DISTRICT_OFFICER, /49/504/, PHONE, true", "REVIEWER, /49/504/20464/900/, CCCD, true",
			"REVIEWER, /49/504/20464/901/, CCCD, false", "LEADER, /49/, CCCD, false", "LEADER, /49/, PHONE, false",
			"AUDITOR, /, CCCD, false", "PARTNER, /49/, CCCD, true", "PARTNER, /49/, PHONE, false",
			"PARTNER, /12/, CCCD, false", "SYSTEM_ADMIN, /, COMPLAINANT_PHONE, true",
			"COMMUNE_OFFICER, /49/504/20464/, COMPLAINANT_PHONE, true",
			"COMMUNE_OFFICER, /49/504/20470/, COMPLAINANT_PHONE, false",
			"DISTRICT_OFFICER, /49/504/, COMPLAINANT_PHONE, false", "PROVINCE_OFFICER, /49/, COMPLAINANT_PHONE, false",
			"REVIEWER, /49/504/20464/900/, COMPLAINANT_PHONE, false", "LEADER, /49/, COMPLAINANT_PHONE, false",
			"AUDITOR, /, COMPLAINANT_PHONE, false", "PARTNER, /49/, COMPLAINANT_PHONE, false" })
	void revealsOnlyToRolesThatNeedIt(String role, String scopePath, Kind kind, boolean reveals) {
		boolean readOnly = Role.valueOf(role).readOnly();
		Actor actor = new Actor("u", Role.valueOf(role).codes(),
				new DataScope(false, List.of(scopePath), readOnly ? List.of() : List.of(scopePath)), null,
				Role.valueOf(role).permissions());
		String value = (kind == Kind.CCCD) ? "001203004589" : "0912345678";
		assertThat(PersonalData.mask(actor, value, kind, HOUSEHOLD).equals(value)).isEqualTo(reveals);
	}

	@ParameterizedTest
	@CsvSource({ "cccd, CCCD", "memberCccd, CCCD", "phone, PHONE", "headPhone, PHONE",
			"complainantPhone, COMPLAINANT_PHONE" })
	void fieldNamesTellTheKind(String field, Kind kind) {
		assertThat(Kind.ofField(field)).isEqualTo(kind);
		assertThat(Kind.ofField("fullName")).isNull();
		assertThat(Set.of(Kind.values())).hasSize(3);
	}

	@ParameterizedTest(name = "{0} sees \"{1}\"")
	@CsvSource(delimiter = '|', value = { "LEADER|Hộ có xe tải — Liên hệ: 090******111, thôn 3",
			"COMMUNE_OFFICER|Hộ có xe tải — Liên hệ: 0905 000 111, thôn 3" })
	void phonesInAComplaintsTextAreMaskedForThoseWhoDoNotHandleIt(String role, String shown) {
		boolean readOnly = Role.valueOf(role).readOnly();
		Actor actor = new Actor("u", Role.valueOf(role).codes(),
				new DataScope(false, List.of("/49/"), readOnly ? List.of() : List.of("/49/")), null,
				Role.valueOf(role).permissions());
		assertThat(PersonalData.maskNumbersIn(actor, "Hộ có xe tải — Liên hệ: 0905 000 111, thôn 3",
				Kind.COMPLAINANT_PHONE, HOUSEHOLD))
			.isEqualTo(shown);
	}

}
