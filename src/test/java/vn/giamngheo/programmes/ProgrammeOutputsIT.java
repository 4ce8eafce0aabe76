package vn.giamngheo.programmes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.LedgerRows;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.programmes.OutputFigure.How;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outputs of GNBV-2021-2025 counted over a small hand-made ledger and models registry in
 * a district with communes A and B, year 2024:
 * <ul>
 * <li>h1 (A): a new house (HOUSING_2021, 40 M) and production support (LIVELIHOOD, policy
 * default DA3.TDA1); its member m1 trained (VOCATIONAL_TRAINING).</li>
 * <li>h2 (A): a repair (HOUSING_2021, 20 M) and production support linked explicitly to
 * DA3.TDA2 (the link beats the policy's default).</li>
 * <li>h3 (A): a cancelled house, a voided house, production support delivered in 2023;
 * none counts in 2024.</li>
 * <li>h5 (B): a new house, counted for the district, not for A.</li>
 * <li>A model of DA2 run by A since 2023 with h1 and h2; a voided one and one that ended
 * in 2022 do not count.</li>
 * <li>Entered: 3 works built (DA1) approved, 5 communication activities (DA6) waiting; an
 * approved target of 10 new houses for A.</li>
 * </ul>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeOutputsIT {

	static final String P = "GNBV-2021-2025";

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	ProgrammeOutputs outputs;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	Territory t;

	long[] a;

	long[] b;

	@BeforeAll
	void ledger() {
		this.f = this.fixtures.create().communes();
		DemoProgrammeRows.clear(this.owner, this.f.a.id());
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", true);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		UUID h1 = this.t.household(this.a, true, false, 4, 900_000, 2023, "PP");
		UUID h2 = this.t.household(this.a, true, false, 4, 900_000, 2023, "PP");
		UUID h3 = this.t.household(this.a, false, false, 4, 900_000, 2023, "PP");
		UUID h5 = this.t.household(this.b, false, false, 4, 900_000, 2023, "PP");
		LedgerRows l = new LedgerRows(this.jdbc);
		l.record("HOUSING_2021", "COMMUNE", h1, null, "DELIVERED", "2024-05-01", "2024-03-01", "2024-05-01",
				40_000_000L, false);
		l.record("HOUSING_2021", "COMMUNE", h2, null, "CLOSED", "2024-06-01", "2024-03-01", "2024-06-01", 20_000_000L,
				false);
		l.record("HOUSING_2021", "COMMUNE", h3, null, "CANCELLED", null, "2024-03-01", "2024-06-01", 40_000_000L,
				false);
		l.record("HOUSING_2021", "COMMUNE", h3, null, "DELIVERED", "2024-07-01", "2024-03-01", "2024-07-01",
				40_000_000L, false);
		JdbcClient.create(this.owner)
			.sql("update benefit_record set voided = true, void_reason = 'nhập nhầm' where household_id = ?"
					+ " and status = 'DELIVERED'")
			.param(h3)
			.update();
		l.record("HOUSING_2021", "COMMUNE", h5, null, "DELIVERED", "2024-05-01", "2024-03-01", "2024-05-01",
				40_000_000L, false);
		l.record("LIVELIHOOD", "COMMUNE", h1, null, "DELIVERED", "2024-04-01", "2024-04-01", "2024-12-31", 10_000_000L,
				false);
		l.record("LIVELIHOOD", "COMMUNE", h2, null, "DELIVERED", "2024-04-01", "2024-04-01", "2024-12-31", 10_000_000L,
				false);
		JdbcClient.create(this.owner)
			.sql("update benefit_record set programme_code = ?, programme_node = 'DA3.TDA2' where household_id = ?"
					+ " and policy_code = 'LIVELIHOOD'")
			.params(P, h2)
			.update();
		l.record("LIVELIHOOD", "COMMUNE", h3, null, "DELIVERED", "2023-04-01", "2023-04-01", "2023-12-31", 10_000_000L,
				false);
		UUID m1 = l.member(h1, "Nguyễn Văn Học", "1995-01-01");
		l.record("VOCATIONAL_TRAINING", "COMMUNE", h1, m1, "DELIVERED", "2024-09-01", "2024-06-01", "2024-09-01",
				4_000_000L, false);
		UUID model = model("DA2", "2023-01-01", null, false);
		participant(model, h1);
		participant(model, h2);
		// h6 took part in A's model, then moved to B (or its commune was merged away): it
		// still counts where the model ran, and nowhere twice
		UUID h6 = this.t.household(this.a, false, false, 4, 900_000, 2023, "PP");
		participant(model, h6);
		JdbcClient.create(this.owner)
			.sql("update household set commune_id = ?, unit_path = (select path from admin_unit where id = ?)"
					+ " where id = ?")
			.params(this.b[0], this.b[0], h6)
			.update();
		participant(model("DA2", "2023-01-01", null, true), h3);
		model("DA2", "2020-01-01", "2022-12-31", false);
		entered(this.a[0], "DA1", "WORKS_BUILT", "ACTUAL", 3, "APPROVED");
		entered(this.a[0], "DA6", "COMMUNICATION_SESSIONS", "ACTUAL", 5, "ENTERED");
		entered(this.a[0], "DA5", "HOUSES_BUILT", "PLAN", 10, "APPROVED");
	}

	private UUID model(String node, String from, String to, boolean voided) {
		String path = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(this.a[0])
			.query(String.class)
			.single();
		return JdbcClient.create(this.owner)
			.sql("insert into poverty_model (province_code, name, type, owner_unit_id, owner_path, started_on, ended_on,"
					+ " created_by, programme_code, programme_node, voided, void_reason) values ('49', 'Nuôi bò', 'LIVESTOCK',"
					+ " ?, ?, cast(? as date), cast(? as date), 'test', ?, ?, ?, ?) returning id")
			.params(this.a[0], path, from, to, P, node, voided, voided ? "trùng" : null)
			.query(UUID.class)
			.single();
	}

	private void participant(UUID model, UUID household) {
		JdbcClient.create(this.owner)
			.sql("insert into poverty_model_participant (model_id, household_id, province_code, joined_on)"
					+ " values (?, ?, '49', date '2023-02-01')")
			.params(model, household)
			.update();
	}

	private void entered(long unit, String node, String output, String kind, long value, String status) {
		JdbcClient.create(this.owner)
			.sql("insert into programme_output (province_code, unit_id, unit_path, year, programme_code, programme_node,"
					+ " output_code, kind, value, status, entered_by) select '49', id, path, 2024, ?, ?, ?, ?, ?, ?, 'test'"
					+ " from admin_unit where id = ?")
			.params(P, node, output, kind, value, status, unit)
			.update();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static OutputFigure at(Map<OutputKey, OutputFigure> figures, String node, String output) {
		return figures.get(new OutputKey(node, output));
	}

	@Test
	void communeAOutputsMatchTheHandCount() {
		this.f.signIn("admin");
		Map<OutputKey, OutputFigure> o = this.outputs.outputs(P, this.a[0], 2024);
		assertThat(at(o, "DA5", "HOUSES_BUILT"))
			.extracting(OutputFigure::value, OutputFigure::how, OutputFigure::target)
			.containsExactly(1L, How.COUNTED, 10L);
		assertThat(at(o, "DA5", "HOUSES_REPAIRED").value()).isEqualTo(1);
		// h2's explicit link to DA3.TDA2 beats LIVELIHOOD's default DA3.TDA1; both are in
		// DA3
		assertThat(at(o, "DA3.TDA1", "HOUSEHOLDS_SUPPORTED").value()).isEqualTo(1);
		assertThat(at(o, "DA3", "HOUSEHOLDS_SUPPORTED").value()).isEqualTo(2);
		assertThat(at(o, "DA4.TDA1", "PEOPLE_TRAINED").value()).isEqualTo(1);
		assertThat(at(o, "DA4", "PEOPLE_TRAINED").value()).isEqualTo(1);
		assertThat(at(o, "DA4.TDA3", "PEOPLE_EMPLOYED")).extracting(OutputFigure::value, OutputFigure::how)
			.containsExactly(0L, How.COUNTED);
		assertThat(at(o, "DA2", "MODELS").value()).isEqualTo(1);
		assertThat(at(o, "DA2", "MODEL_PARTICIPANTS").value()).isEqualTo(3);
		assertThat(at(o, "DA1", "WORKS_BUILT")).extracting(OutputFigure::value, OutputFigure::how)
			.containsExactly(3L, How.ENTERED);
		assertThat(at(o, "DA6", "COMMUNICATION_SESSIONS"))
			.extracting(OutputFigure::value, OutputFigure::how, OutputFigure::pending)
			.containsExactly(0L, How.NONE, 1);
		assertThat(o.keySet()).first().isEqualTo(new OutputKey("DA1", "WORKS_BUILT"));
	}

	@Test
	void theDistrictCountsBothCommunesAndOtherYearsAndProgrammesCountNothingOfIt() {
		this.f.signIn("admin");
		Map<OutputKey, OutputFigure> d = this.outputs.outputs(P, this.t.districtId, 2024);
		assertThat(at(d, "DA5", "HOUSES_BUILT").value()).isEqualTo(2);
		// the commune's own target is not the district's; the district has none of its
		// own, so the sum
		assertThat(at(d, "DA5", "HOUSES_BUILT").target()).isEqualTo(10L);
		assertThat(at(this.outputs.outputs(P, this.b[0], 2024), "DA5", "HOUSES_BUILT").value()).isEqualTo(1);
		// h6 moved to B after taking part in A's model: counted once, for A
		assertThat(at(d, "DA2", "MODEL_PARTICIPANTS").value()).isEqualTo(3);
		assertThat(at(this.outputs.outputs(P, this.b[0], 2024), "DA2", "MODEL_PARTICIPANTS").value()).isZero();
		// h3's 2023 support counts in 2023 only
		Map<OutputKey, OutputFigure> y2023 = this.outputs.outputs(P, this.a[0], 2023);
		assertThat(at(y2023, "DA3.TDA1", "HOUSEHOLDS_SUPPORTED").value()).isEqualTo(1);
		assertThat(at(y2023, "DA5", "HOUSES_BUILT").value()).isZero();
		assertThat(at(y2023, "DA2", "MODELS").value()).isEqualTo(1);
		// the 2016–2020 programme: LIVELIHOOD's default there covers 2016–2020 only
		assertThat(at(this.outputs.outputs("GNBV-2016-2020", this.a[0], 2024), "DA3", "HOUSEHOLDS_SUPPORTED").value())
			.isZero();
	}

	@Test
	void aCommuneOfficerSeesNeitherAnotherCommuneNorAnUnknownProgramme() throws Exception {
		String officer = this.f.user("officer", Role.COMMUNE_OFFICER, List.of(this.f.a.scope()),
				List.of(this.f.a.scope()));
		SecurityContextHolder.getContext().setAuthentication(this.f.auth(officer));
		assertThatThrownBy(() -> this.outputs.outputs(P, this.a[0], 2024)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", vn.giamngheo.shared.error.ErrorCode.NOT_FOUND);
		SecurityContextHolder.clearContext();
		this.mvc
			.perform(get("/api/v1/programmes/" + P + "/outputs").param("unit", Long.toString(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.f.auth(officer))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Xã A"))));
		this.mvc
			.perform(get("/api/v1/programmes/" + P + "/outputs").param("unit", Long.toString(this.f.a.id()))
				.param("year", "2024")
				.with(authentication(this.f.auth(officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[?(@.node == 'DA5' && @.output == 'HOUSES_BUILT')].value").value(0))
			.andExpect(jsonPath("$.figures[?(@.node == 'DA1' && @.output == 'WORKS_BUILT')].howText").value("chưa có"));
		this.mvc
			.perform(get("/api/v1/programmes/GNBV-1999-2000/outputs").param("unit", Long.toString(this.f.a.id()))
				.param("year", "2024")
				.with(authentication(this.f.auth(officer))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void theOutputsPageSaysHowEachFigureWasObtained() throws Exception {
		this.mvc
			.perform(get("/programmes/outputs").param("programme", P)
				.param("unit", Long.toString(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("đếm từ sổ hỗ trợ")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("đếm từ sổ mô hình giảm nghèo")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("nhập tay, đã duyệt")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("1 dòng chờ duyệt")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("HOUSES_BUILT"))));
	}

}
