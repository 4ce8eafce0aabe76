package vn.giamngheo.registry;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HouseholdApiIT {

	RequestPostProcessor ADMIN;

	@Autowired
	vn.giamngheo.identity.persistence.UserRepository users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long villageId;

	@BeforeEach
	void village() throws Exception {
		var admin = this.users.findPrincipal("admin").orElseThrow();
		RequestPostProcessor auth = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
				.authenticated(admin, null, admin.getAuthorities()));
		RequestPostProcessor csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.csrf();
		this.ADMIN = (request) -> csrf.postProcessRequest(auth.postProcessRequest(request));
		long commune = this.jdbc.sql("select id from admin_unit where code = '00004' and edition = '2025'")
			.query(Long.class)
			.single();
		String name = "Thôn Thử " + UUID.randomUUID().toString().substring(0, 8);
		String body = this.mvc
			.perform(post("/api/v1/units/" + commune + "/villages").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"Thôn\",\"name\":\"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.villageId = ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	static String uniqueCccd(char sexCentury, String yy) {
		long serial = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000L;
		return "001" + sexCentury + yy + String.format("%06d", serial);
	}

	String createHousehold(String headName, String cccd) throws Exception {
		String json = """
				{"household":{"villageId":%d,"address":"Số 1","ethnicMinority":true,"socialProtection":false,
				 "meritorious":false,"phone":"0912345678","status":"ACTIVE"},
				 "head":{"fullName":"%s","sex":"MALE","dateOfBirth":"1980-05-01","ethnicityCode":"26","relation":"HEAD",
				 "cccd":"%s","educationLevel":"PRIMARY","inSchool":false,"employment":"FARMER","healthInsurance":true}}
				""".formatted(this.villageId, headName, cccd);
		String body = this.mvc
			.perform(post("/api/v1/households").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	long households() {
		return this.jdbc.sql("select count(*) from household").query(Long.class).single();
	}

	@Test
	void findsAHouseholdByNameWithOrWithoutDiacriticsAndByCitizenId() throws Exception {
		String cccd = uniqueCccd('0', "80");
		String id = createHousehold("Nguyễn Văn Ánh", cccd);
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN)
				.param("village", "" + this.villageId)
				.param("q", "nguyen van anh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN)
				.param("village", "" + this.villageId)
				.param("q", "Nguyễn Văn Ánh"))
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
		this.mvc.perform(get("/api/v1/households").with(ADMIN).param("q", cccd))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
		this.mvc.perform(get("/api/v1/households/" + id).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members[0].fullName").value("Nguyễn Văn Ánh"))
			.andExpect(jsonPath("$.household.provinceCode").value("01"));
	}

	void assess(String householdId, int year, String classification) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " classification) values (?::uuid, '01', ?, '2022-2025', 1, ?)")
			.params(householdId, year, classification)
			.update();
	}

	@Test
	void aMergedProvincesListOpensOnTheLatestYearItsHouseholdsWereRecognisedUnderTheFormerProvince() throws Exception {
		// Đà Nẵng (48, since 01/07/2025) was formed with Quảng Nam's (49) communes: the
		// past
		// assessments of its households carry 49. (The assessment's household lives
		// elsewhere: a household of Đà Nẵng's communes would take the code the demo gives
		// there, and the year depends on the codes only.)
		String household = createHousehold("Trần Văn Sáu", uniqueCccd('0', "80"));
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " classification, recognised) values (?::uuid, '49', 2031, '2022-2025', 1, 'POOR', true),"
					+ " (?::uuid, '48', 2032, '2022-2025', 1, 'NEAR_POOR', false)")
			.params(household, household)
			.update();
		try {
			long daNang = this.jdbc
				.sql("select id from admin_unit where level = 'province' and code = '48' and edition = '2025'")
				.query(Long.class)
				.single();
			String page = this.mvc.perform(get("/households").with(ADMIN).param("unit", "" + daNang))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			// 2031 under 49; the 2032 assessment is not yet recognised (a review under
			// way)
			assertThat(page).contains("phân loại năm 2031").doesNotContain("phân loại năm 2032");
			// the search box says how names are matched
			assertThat(page).contains("placeholder=\"vd. le thi h\"", "«le thi h» ra Lê Thị Hoa");
		}
		finally {
			// other tests read these provinces' latest year
			this.jdbc.sql("delete from household_assessment where household_id = ?::uuid and year in (2031, 2032)")
				.param(household)
				.update();
		}
	}

	@Test
	void aClassFilterCountsAndListsOnlyThatYearsClass() throws Exception {
		String poor = createHousehold("Lò Văn Một", uniqueCccd('0', "80"));
		String nearPoor = createHousehold("Lò Văn Hai", uniqueCccd('0', "80"));
		String unassessed = createHousehold("Lò Văn Ba", uniqueCccd('0', "80"));
		assess(poor, 2024, "POOR");
		assess(nearPoor, 2024, "NEAR_POOR");
		assess(nearPoor, 2023, "POOR");
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN)
				.param("village", "" + this.villageId)
				.param("year", "2024")
				.param("classification", "POOR"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(poor))
			.andExpect(jsonPath("$.items[0].classification").value("POOR"));
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN)
				.param("village", "" + this.villageId)
				.param("year", "2023")
				.param("classification", "POOR"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(nearPoor));
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN).param("village", "" + this.villageId).param("year", "2024"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].id", hasItem(unassessed)));
		// the page says the year as a year, not as a number with a thousands separator
		this.mvc.perform(get("/households").with(ADMIN).param("village", "" + this.villageId).param("year", "2024"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("phân loại năm 2024")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2.024"))));
		// a page past the end still says how many there are
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN)
				.param("village", "" + this.villageId)
				.param("year", "2024")
				.param("classification", "NEAR_POOR")
				.param("page", "3"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void aNameIsFoundInsideItsProvinceAndNotInAnother() throws Exception {
		String id = createHousehold("Hồ Văn Quỳnh Giao", uniqueCccd('0', "80"));
		long province = this.jdbc.sql("select id from admin_unit where code = '01' and edition = '2025'")
			.query(Long.class)
			.single();
		long otherProvince = this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
		String second = createHousehold("Hồ Văn Quỳnh Giang", uniqueCccd('0', "80"));
		String body = this.mvc
			.perform(get("/api/v1/households").with(ADMIN).param("unit", "" + province).param("q", "ho van quynh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(id)))
			.andExpect(jsonPath("$.items[*].id", hasItem(second)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.List<String> codes = JsonPath.read(body, "$.items[*].code");
		assertThat(codes).isSorted();
		java.util.List<String> descending = JsonPath.read(
				this.mvc
					.perform(get("/api/v1/households").with(ADMIN)
						.param("unit", "" + province)
						.param("q", "ho van quynh")
						.param("desc", "true"))
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"$.items[*].code");
		assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		this.mvc
			.perform(get("/api/v1/households").with(ADMIN).param("unit", "" + otherProvince).param("q", "ho van quynh"))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aMalformedCitizenIdIsRefusedWithAVietnameseMessageAndNothingChanges() throws Exception {
		long before = households();
		String json = """
				{"household":{"villageId":%d,"status":"ACTIVE"},
				 "head":{"fullName":"Trần Thị B","sex":"FEMALE","dateOfBirth":"1990-01-01","ethnicityCode":"01","relation":"HEAD",
				 "cccd":"04919","educationLevel":"NONE","employment":"FARMER"}}
				"""
			.formatted(this.villageId);
		this.mvc.perform(post("/api/v1/households").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("head.cccd"))
			.andExpect(jsonPath("$.errors[0].message").value("Số CCCD phải gồm đúng 12 chữ số (nhận được \"04919\")."));
		assertThat(households()).isEqualTo(before);
	}

	@Test
	void aBirthDateInTheFutureIsRefused() throws Exception {
		String id = createHousehold("Alăng Thị C", uniqueCccd('0', "80"));
		String json = """
				{"fullName":"Alăng Văn D","sex":"MALE","dateOfBirth":"2999-01-01","ethnicityCode":"26","relation":"CHILD",
				 "educationLevel":"NONE","employment":"NOT_WORKING"}
				""";
		this.mvc
			.perform(post("/api/v1/households/" + id + "/members").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"));
		assertThat(this.jdbc.sql("select count(*) from member where household_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPersonCannotBeAMemberOfTwoHouseholds() throws Exception {
		String cccd = uniqueCccd('1', "95");
		createHousehold("Zơrâm Văn E", uniqueCccd('0', "80"));
		String second = createHousehold("Bhling Văn F", uniqueCccd('0', "80"));
		String first = this.jdbc
			.sql("select id::text from household where head_name = 'Zơrâm Văn E' order by created_at desc limit 1")
			.query(String.class)
			.single();
		String member = """
				{"fullName":"Clâu Thị G","sex":"FEMALE","dateOfBirth":"1995-03-03","ethnicityCode":"26","relation":"SPOUSE",
				 "cccd":"%s","educationLevel":"PRIMARY","employment":"FARMER"}
				"""
			.formatted(cccd);
		this.mvc
			.perform(post("/api/v1/households/" + first + "/members").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(member))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/households/" + second + "/members").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(member))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONFLICT"));
		assertThat(this.jdbc.sql("select count(*) from member where cccd = ?").param(cccd).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aStaleEditGets409AndAGoodEditIsAuditedWithOldAndNewValues() throws Exception {
		String id = createHousehold("Pơloong Văn H", uniqueCccd('0', "80"));
		String edit = """
				{"version":%d,"data":{"villageId":%d,"address":"Số 99","ethnicMinority":true,"socialProtection":true,
				 "meritorious":false,"phone":"0987654321","status":"ACTIVE"}}
				""";
		this.mvc
			.perform(put("/api/v1/households/" + id).with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(edit.formatted(0, this.villageId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/v1/households/" + id).with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(edit.formatted(0, this.villageId)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("STALE_VERSION"));
		this.mvc.perform(get("/api/v1/households/" + id + "/changes").with(ADMIN))
			.andExpect(jsonPath("$[0].action").value("UPDATE"))
			.andExpect(jsonPath("$[0].actor").value("admin"))
			.andExpect(jsonPath("$[0].changes.address.old").value("Số 1"))
			.andExpect(jsonPath("$[0].changes.address.new").value("Số 99"))
			.andExpect(jsonPath("$[0].changes.socialProtection.new").value(true));
	}

	@Test
	void unknownUnitsAndHouseholdsAreProblemJson404() throws Exception {
		this.mvc.perform(get("/api/v1/units/999999999").with(ADMIN))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.detail").value("Không tìm thấy đơn vị \"999999999\"."));
		UUID missing = UUID.randomUUID();
		this.mvc.perform(get("/api/v1/households/" + missing).with(ADMIN))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.detail").value("Không tìm thấy hộ \"" + missing + "\"."));
		this.mvc.perform(get("/api/v1/households/" + missing).with(ADMIN).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.detail").value("No household \"" + missing + "\" was found."));
		this.mvc.perform(get("/api/v1/households/not-a-uuid").with(ADMIN)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/households").with(ADMIN).param("unit", "999999999"))
			.andExpect(status().isNotFound());
	}

	@Test
	void voidingAMemberNeedsAReasonAndKeepsTheRow() throws Exception {
		String id = createHousehold("Hồ Văn K", uniqueCccd('0', "80"));
		String body = this.mvc
			.perform(post("/api/v1/households/" + id + "/members").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"fullName":"Hồ Thị L","sex":"FEMALE","dateOfBirth":"2015-01-01","ethnicityCode":"01","relation":"CHILD",
								 "educationLevel":"PRIMARY","inSchool":true,"employment":"STUDENT","healthInsurance":true}
								"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String memberId = JsonPath.read(body, "$.id");
		this.mvc
			.perform(post("/api/v1/households/" + id + "/members/" + memberId + "/voidings").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"reason\":\"\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/households/" + id + "/members/" + memberId + "/voidings").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"reason\":\"Chuyển đi nơi khác\"}"))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("select void_reason from member where id = ?::uuid")
			.param(memberId)
			.query(String.class)
			.single()).isEqualTo("Chuyển đi nơi khác");
	}

}
