package vn.giamngheo.models;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The models as a commune officer uses them, on a commune of its own (so that no other
 * test's households join the comparison group) with two villages: a model runs in the
 * first; two poor households of that village take part; two others of the same commune do
 * not. Their recognised classes of 2022 and 2024 are written by hand and the outcome is
 * checked against figures computed by hand.
 */
@IntegrationTest
class PovertyModelsIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	Fixtures f;

	Unit commune;

	Unit v1;

	Unit v2;

	Authentication officer;

	Authentication officerB;

	Authentication leader;

	UUID p1;

	UUID p2;

	UUID c1;

	UUID c2;

	UUID elsewhere;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		Unit district = this.jdbc
			.sql("select d.id, d.path, d.province_code from admin_unit c join admin_unit d on d.id = c.parent_id"
					+ " where c.id = ?")
			.param(this.f.a.id())
			.query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
		this.commune = unit("commune", 3, "Xã", "M" + this.f.tag, "Mô Hình " + this.f.tag, district);
		this.v1 = unit("village", 4, "Thôn", "M" + this.f.tag + "1", "Thôn Một " + this.f.tag, this.commune);
		this.v2 = unit("village", 4, "Thôn", "M" + this.f.tag + "2", "Thôn Hai " + this.f.tag, this.commune);
		String scope = "M" + this.f.tag + "@2024";
		this.officer = this.f.auth(this.f.user("modelofficer", Role.COMMUNE_OFFICER, List.of(scope), List.of(scope)));
		this.leader = this.f.auth(this.f.user("modelleader", Role.LEADER, List.of(scope), List.of()));
		String b = this.f.b.scope();
		this.officerB = this.f.auth(this.f.user("modelofficerb", Role.COMMUNE_OFFICER, List.of(b), List.of(b)));
		this.p1 = household(this.v1, "Pa", "POOR", 1_000_000, "NEAR_POOR", 1_600_000);
		this.p2 = household(this.v1, "Pb", "POOR", 1_000_000, "POOR", 1_100_000);
		this.c1 = household(this.v1, "Ca", "POOR", 1_000_000, "POOR", 1_200_000);
		this.c2 = household(this.v2, "Cb", "NEAR_POOR", 1_700_000, "NEAR_POOR", 1_800_000);
		this.elsewhere = this.c2;
	}

	record Unit(long id, String path, String province) {
	}

	Unit unit(String level, int depth, String type, String code, String name, Unit parent) {
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '/',"
					+ " false, date '2020-01-01', true) returning id")
			.params(code, "village".equals(level) ? "local" : "2024", level, depth, type, type + " " + name, name,
					name.toLowerCase(), parent.id(), parent.province())
			.query(Long.class)
			.single();
		String path = parent.path() + id + "/";
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(path, id).update();
		return new Unit(id, path, parent.province());
	}

	/** A household of a village with its recognised classes of 2022 and 2024. */
	UUID household(Unit village, String label, String class2022, long income2022, String class2024, long income2024) {
		String head = "Hộ " + label + " " + this.f.tag;
		UUID id = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values (?, ?, ?, ?, ?, ?, ?, false) returning id")
			.params(village.province(), "MH-" + label + "-" + this.f.tag, this.commune.id(), village.id(),
					village.path(), head, head.toLowerCase())
			.query(UUID.class)
			.single();
		assess(id, village, 2022, class2022, income2022);
		assess(id, village, 2024, class2024, income2024);
		return id;
	}

	void assess(UUID household, Unit village, int year, String classification, long income) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification, recognised, decision_date) values (?, ?, ?, 'ND07_2021', 4,"
					+ " ?, ?, true, ?)")
			.params(household, village.province(), year, income, classification, java.time.LocalDate.of(year, 12, 20))
			.update();
	}

	String call(MockHttpServletRequestBuilder request, Authentication who, ResultMatcher expected) throws Exception {
		return this.mvc.perform(request.with(authentication(who)).with(csrf()).header("Accept-Language", "vi"))
			.andExpect(expected)
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String json(MockHttpServletRequestBuilder request, Authentication who, String body, ResultMatcher expected)
			throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(body), who, expected);
	}

	String createModel(Authentication who, String name, Unit village, String replicatedFrom) throws Exception {
		String body = json(post("/api/v1/poverty-models"), who,
				"""
						{"name":"%s","type":"LIVESTOCK","description":"Bò sinh sản","ownerUnitId":%d,
						 "startedOn":"2023-03-01","units":[{"unitId":%d}],"replicatedFrom":%s,
						 "funding":{"CENTRAL":100000000,"OWN":20000000}}""".formatted(name, this.commune.id(),
						village.id(), (replicatedFrom == null) ? "null" : "\"" + replicatedFrom + "\""),
				status().isCreated());
		return JsonPath.read(body, "$.id");
	}

	String join(String model, int version, UUID household, ResultMatcher expected) throws Exception {
		return json(post("/api/v1/poverty-models/" + model + "/participants"), this.officer, """
				{"version":%d,"householdId":"%s","joinedOn":"2023-03-15"}""".formatted(version, household), expected);
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aModelsOutcomeComparesItsParticipantsWithTheOtherHouseholdsOfTheCommune() throws Exception {
		String id = createModel(this.officer, "Nuôi bò " + this.f.tag, this.v1, null);
		join(id, 0, this.p1, status().isCreated());
		// the second by its code, as the household picker sends it
		json(post("/api/v1/poverty-models/" + id + "/participants"), this.officer, """
				{"version":1,"householdCode":"MH-Pb-%s","joinedOn":"2023-04-01"}""".formatted(this.f.tag),
				status().isCreated());
		// a stale version is refused and writes nothing
		join(id, 0, this.c1, status().isConflict());
		assertThat(count("select count(*) from poverty_model_participant where model_id = ?::uuid", id)).isEqualTo(2);

		String view = call(get("/api/v1/poverty-models/" + id), this.officer, status().isOk());
		assertThat((Integer) JsonPath.read(view, "$.model.participants")).isEqualTo(2);
		assertThat(((Number) JsonPath.read(view, "$.model.funding[0].amountVnd")).longValue()).isEqualTo(100_000_000L);
		// participants: both poor in 2022, one still poor in 2024; income +600 000 and
		// +100 000
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.participants.poorBefore")).isEqualTo(100.0);
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.participants.poorAfter")).isEqualTo(50.0);
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.participants.leftPovertyShare")).isEqualTo(50.0);
		assertThat(((Number) JsonPath.read(view, "$.outcome.figures.participants.meanIncomeChange")).longValue())
			.isEqualTo(350_000L);
		// the other households of the commune, in both villages: one poor of two, still
		// poor; income +200 000 and +100 000
		assertThat((Integer) JsonPath.read(view, "$.outcome.figures.comparison.withBoth")).isEqualTo(2);
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.comparison.poorBefore")).isEqualTo(50.0);
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.comparison.poorAfter")).isEqualTo(50.0);
		assertThat(((Number) JsonPath.read(view, "$.outcome.figures.comparison.meanIncomeChange")).longValue())
			.isEqualTo(150_000L);
		assertThat((Double) JsonPath.read(view, "$.outcome.figures.poorChangeDifference")).isEqualTo(-50.0);
		assertThat(((Number) JsonPath.read(view, "$.outcome.figures.incomeChangeDifference")).longValue())
			.isEqualTo(200_000L);
		assertThat((Integer) JsonPath.read(view, "$.outcome.covered")).isEqualTo(2);
		// the figures of the commune are not counted yet: provisional, and says which
		// years
		assertThat((Boolean) JsonPath.read(view, "$.outcome.provisional")).isTrue();
		this.aggregates.refreshCommunes(List.of(this.commune.id()));
		String counted = call(get("/api/v1/poverty-models/" + id), this.officer, status().isOk());
		assertThat((Boolean) JsonPath.read(counted, "$.outcome.provisional")).isFalse();

		// the page says it in words, with the difference and its limits
		String page = call(get("/models/" + id), this.officer, status().isOk());
		assertThat(page).contains("Nuôi bò " + this.f.tag)
			.contains("120.000.000 đ")
			.contains("Hộ Pa " + this.f.tag)
			.contains("-50 điểm %")
			.contains("+200.000 đ")
			.contains("không phải đánh giá tác động")
			.contains("Có kết quả rà soát trước và sau: 2/2 hộ tham gia.");
		// the household page's fragment and the list's one line
		assertThat(call(get("/households/" + this.p1 + "/models"), this.officer, status().isOk()))
			.contains("Nuôi bò " + this.f.tag)
			.contains("tham gia từ 15/03/2023");
		assertThat(call(get("/models").param("unit", String.valueOf(this.commune.id())), this.officer, status().isOk()))
			.contains("Hộ nghèo 100% → 50% (2/2 hộ có số liệu)");
		// participation is on the household's change list (audited)
		assertThat(count("select count(*) from audit_event where entity_type = 'POVERTY_MODEL_PARTICIPANT'"
				+ " and household_id = ?", this.p1))
			.isEqualTo(1);
	}

	@Test
	void aHouseholdOutsideTheModelsUnitsIsRefusedAndNothingIsWritten() throws Exception {
		String id = createModel(this.officer, "Trồng quế " + this.f.tag, this.v1, null);
		long audits = count("select count(*) from audit_event where entity_id = ?", id);
		String problem = join(id, 0, this.elsewhere, status().isUnprocessableContent());
		assertThat(problem).contains("không sinh sống ở nơi mô hình");
		assertThat(count("select count(*) from poverty_model_participant where model_id = ?::uuid", id)).isZero();
		assertThat(count("select version from poverty_model where id = ?::uuid", id)).isZero();
		assertThat(count("select count(*) from audit_event where entity_id = ?", id)).isEqualTo(audits);
		// joining before the model started is refused too
		json(post("/api/v1/poverty-models/" + id + "/participants"), this.officer, """
				{"version":0,"householdId":"%s","joinedOn":"2022-01-01"}""".formatted(this.p1),
				status().isUnprocessableContent());
		// a unit outside the owner unit is refused when the model is registered
		json(post("/api/v1/poverty-models"), this.officer, """
				{"name":"Lạc chỗ","type":"CROPS","ownerUnitId":%d,"startedOn":"2023-01-01",
				 "units":[{"unitId":%d}]}""".formatted(this.v1.id(), this.v1.id()), status().isUnprocessableContent());
		// removing the village where a household takes part is refused while it takes
		// part
		join(id, 0, this.p1, status().isCreated());
		json(put("/api/v1/poverty-models/" + id), this.officer, """
				{"version":1,"data":{"name":"Trồng quế","type":"CROPS","ownerUnitId":%d,"startedOn":"2023-03-01",
				 "units":[{"unitId":%d}]}}""".formatted(this.commune.id(), this.v2.id()),
				status().isUnprocessableContent());
		assertThat(count("select count(*) from poverty_model_unit where model_id = ?::uuid and unit_id = ?", id,
				this.v1.id()))
			.isEqualTo(1);
	}

	@Test
	void anotherCommuneNeitherSeesNorChangesTheModelAndAReaderMayNotWrite() throws Exception {
		String id = createModel(this.officer, "Dệt thổ cẩm " + this.f.tag, this.v1, null);
		call(get("/api/v1/poverty-models/" + id), this.officerB, status().isNotFound());
		call(get("/models/" + id), this.officerB, status().isNotFound());
		assertThat(call(get("/api/v1/poverty-models"), this.officerB, status().isOk()))
			.doesNotContain("Dệt thổ cẩm " + this.f.tag);
		json(post("/api/v1/poverty-models/" + id + "/participants"), this.officerB, """
				{"version":0,"householdId":"%s","joinedOn":"2023-03-15"}""".formatted(this.f.b.household()),
				status().isNotFound());
		json(post("/api/v1/poverty-models/" + id + "/void"), this.officerB, "{\"version\":0,\"reason\":\"x\"}",
				status().isNotFound());
		// B's household is not one A's officer can add: not found, nothing written
		join(id, 0, this.f.b.household(), status().isNotFound());
		// a leader of the commune reads but may not write
		call(get("/models/" + id), this.leader, status().isOk());
		json(post("/api/v1/poverty-models/" + id + "/participants"), this.leader, """
				{"version":0,"householdId":"%s","joinedOn":"2023-03-15"}""".formatted(this.p1), status().isForbidden());
		assertThat(count("select count(*) from poverty_model_participant where model_id = ?::uuid", id)).isZero();
		// and the commune's own officer may
		join(id, 0, this.p1, status().isCreated());
	}

	@Test
	void replicationTheMapAndTheDashboardCard() throws Exception {
		String source = createModel(this.officer, "Nuôi dê " + this.f.tag, this.v1, null);
		String copy = createModel(this.officer, "Nuôi dê nhân rộng " + this.f.tag, this.v2, source);
		String copyOfCopy = createModel(this.officer, "Nuôi dê lần ba " + this.f.tag, this.v2, copy);
		assertThat(call(get("/models/" + source), this.officer, status().isOk()))
			.contains("Nuôi dê nhân rộng " + this.f.tag)
			.contains("Nuôi dê lần ba " + this.f.tag);
		// the source may not copy its own copy
		json(put("/api/v1/poverty-models/" + source), this.officer, """
				{"version":0,"data":{"name":"Nuôi dê","type":"LIVESTOCK","ownerUnitId":%d,"startedOn":"2023-03-01",
				 "replicatedFrom":"%s"}}""".formatted(this.commune.id(), copyOfCopy),
				status().isUnprocessableContent());
		// the map without boundaries: the table, and the page says why
		String map = call(get("/models/map").param("unit", String.valueOf(this.commune.id())), this.officer,
				status().isOk());
		assertThat(map).contains("Chưa nạp ranh giới")
			.contains("id=\"models-by-unit\"")
			.containsPattern("Thôn Hai " + this.f.tag + "</a></td>\\s*<td class=\"num\">2</td>")
			.containsPattern("Thôn Một " + this.f.tag + "</a></td>\\s*<td class=\"num\">1</td>");
		assertThat(call(get("/models/panel").param("unit", String.valueOf(this.commune.id())), this.officer,
				status().isOk()))
			.contains("3 mô hình, 0 hộ đang tham gia")
			.contains("Chăn nuôi: 3");
		// outside the scope: not found
		call(get("/models/map").param("unit", String.valueOf(this.f.b.id())), this.officer, status().isNotFound());
		call(get("/households/" + this.f.b.household() + "/models"), this.officer, status().isNotFound());
	}

}
