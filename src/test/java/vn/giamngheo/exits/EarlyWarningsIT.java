package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The early warning on a small hand-made history: twenty households of one village
 * reviewed in 2023, 2024 and 2025 under the 2022–2025 standard (rural poverty line 1 500
 * 000 đ, poor from 3 deprivations), with the shipped weights (shock 25, near-poor 20,
 * income near the line 20, newly exited 15, deprivations near the cut-off 15).
 * <ul>
 * <li>H1: middle, the earner lost his job on 12/03/2024 → 25; poor in 2025 (newly
 * poor);</li>
 * <li>H2: near-poor, 2 deprivations, 1 450 000 đ → 20 + 15 = 35; near-poor in 2025;</li>
 * <li>H3: poor in 2023, near-poor in 2024 (20/12/2024), 1 480 000 đ → 20 + 15 = 35 (after
 * H2: higher income); poor again in 2025 (fell back);</li>
 * <li>H4: middle at 1 650 000 đ, 10 % above the line → 20; middle in 2025;</li>
 * <li>H5: above middle, no sign → 0; poor in 2025 (the list misses it);</li>
 * <li>H6–H20: above middle, no sign → 0; H0 poor (never a candidate).</li>
 * </ul>
 * The list of 2024: 20 candidates, 4 listed, top tenth 2 places (H2, H3). Backtest of
 * 2025: 3 became poor (H1, H3, H5), 1 in the top tenth (H3): share 1/3, base rate 3/20,
 * top-tenth rate 1/2.
 */
@IntegrationTest
class EarlyWarningsIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures f;

	Authentication officer;

	Authentication outsider;

	List<UUID> h = new ArrayList<>();

	UUID poor;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		String b = this.f.b.scope();
		this.officer = this.f.auth(this.f.user("warnofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.outsider = this.f.auth(this.f.user("warnoutsider", Role.COMMUNE_OFFICER, List.of(b), List.of(b)));
		for (int i = 0; i <= 20; i++) {
			this.h.add(household(i));
		}
		UUID h1 = this.h.get(1);
		history(h1, "MIDDLE", 2_500_000L, 0, "MIDDLE", 2_400_000L, 0, "POOR", 1_200_000L, 3);
		event(h1, "JOB_LOSS", LocalDate.of(2024, 3, 12));
		history(this.h.get(2), "NEAR_POOR", 1_400_000L, 2, "NEAR_POOR", 1_450_000L, 2, "NEAR_POOR", 1_450_000L, 2);
		history(this.h.get(3), "POOR", 1_200_000L, 3, "NEAR_POOR", 1_480_000L, 1, "POOR", 1_300_000L, 3);
		history(this.h.get(4), "MIDDLE", 1_900_000L, 0, "MIDDLE", 1_650_000L, 0, "MIDDLE", 1_700_000L, 0);
		history(this.h.get(5), "ABOVE_MIDDLE", 4_000_000L, 0, "ABOVE_MIDDLE", 4_200_000L, 0, "POOR", 1_200_000L, 3);
		for (int i = 6; i <= 20; i++) {
			history(this.h.get(i), "ABOVE_MIDDLE", 4_000_000L, 0, "ABOVE_MIDDLE", 4_100_000L, 0, "ABOVE_MIDDLE",
					4_200_000L, 0);
		}
		this.poor = this.h.get(0);
		history(this.poor, "POOR", 1_000_000L, 4, "POOR", 1_000_000L, 4, "POOR", 1_000_000L, 4);
	}

	UUID household(int i) {
		String name = "Hộ Cảnh Báo " + i + " " + this.f.tag;
		UUID id = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values (?, ?, ?, ?, ?, ?, ?, false) returning id")
			.params(this.f.a.provinceCode(), "CB-" + this.f.tag + "-" + i, this.f.a.id(), this.f.a.villageId(),
					this.f.a.villagePath(), name, name.toLowerCase())
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation) values (?, ?, ?, ?, 'M', date '1985-01-01', '01', 'HEAD')")
			.params(id, this.f.a.provinceCode(), name, name.toLowerCase())
			.update();
		return id;
	}

	/** Three recognised years 2023, 2024, 2025 (class, income, deprivations each). */
	void history(UUID id, Object... years) {
		for (int k = 0; k < 3; k++) {
			int year = 2023 + k;
			this.jdbc
				.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
						+ " income_per_capita, deprivation_count, classification, recognised, decision_date, source)"
						+ " values (?, ?, ?, '2022-2025', 1, ?, ?, ?, true, ?, 'MANUAL')")
				.params(id, this.f.a.provinceCode(), year, years[3 * k + 1], years[3 * k + 2], years[3 * k],
						java.sql.Date.valueOf(LocalDate.of(year, 12, 20)))
				.update();
		}
	}

	void event(UUID id, String type, LocalDate on) {
		this.jdbc
			.sql("insert into household_event (province_code, household_id, unit_path, event_date, type, created_by)"
					+ " values (?, ?, ?, ?, ?, 'test')")
			.params(this.f.a.provinceCode(), id, this.f.a.villagePath(), java.sql.Date.valueOf(on), type)
			.update();
	}

	String call(String uri, Authentication who, int expected) throws Exception {
		return this.mvc.perform(get(uri).with(authentication(who)).header("Accept-Language", "vi"))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String list(int year) throws Exception {
		return call("/api/v1/early-warnings?unit=" + this.f.a.villageId() + "&year=" + year, this.officer, 200);
	}

	@Test
	void theListOf2024RanksByScoreThenLowerIncomeWithReasonsInWords() throws Exception {
		String json = list(2024);
		assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(4);
		assertThat((Integer) JsonPath.read(json, "$.candidates")).isEqualTo(20);
		List<String> ids = JsonPath.read(json, "$.items[*].householdId");
		assertThat(ids).containsExactly(this.h.get(2).toString(), this.h.get(3).toString(), this.h.get(1).toString(),
				this.h.get(4).toString());
		assertThat((List<Integer>) JsonPath.read(json, "$.items[*].score")).containsExactly(35, 35, 25, 20);
		assertThat((List<Boolean>) JsonPath.read(json, "$.items[*].topTenth")).containsExactly(true, true, false,
				false);
		assertThat((List<String>) JsonPath.read(json, "$.items[0].reasons")).containsExactly(
				"Đang là hộ cận nghèo (năm 2024)", "Thiếu hụt 2 chỉ số dịch vụ xã hội cơ bản (hộ nghèo từ 3 chỉ số)");
		assertThat((List<String>) JsonPath.read(json, "$.items[1].reasons")).containsExactly(
				"Đang là hộ cận nghèo (năm 2024)",
				"Mới thoát nghèo ngày 20/12/2024 (còn trong thời gian theo dõi 3 năm)");
		List<String> shock = JsonPath.read(json, "$.items[2].reasons");
		assertThat(shock).hasSize(1);
		assertThat(shock.get(0)).startsWith("Có biến cố trong 12 tháng qua: ")
			.endsWith("(12/03/2024)")
			.doesNotContain("JOB_LOSS");
		assertThat((List<String>) JsonPath.read(json, "$.items[3].reasons")).containsExactly(
				"Thu nhập bình quân chỉ cao hơn chuẩn nghèo 10 % (1.650.000 đ/người/tháng; chuẩn nghèo 1.500.000 đ)");
		assertThat(json).doesNotContain(this.poor.toString()).doesNotContain(this.h.get(5).toString());
	}

	@Test
	void theBacktestOf2025IsHandComputed() throws Exception {
		String json = call("/api/v1/early-warnings/backtest?unit=" + this.f.a.villageId() + "&year=2025", this.officer,
				200);
		assertThat((Integer) JsonPath.read(json, "$.candidates")).isEqualTo(20);
		assertThat((Integer) JsonPath.read(json, "$.listed")).isEqualTo(4);
		assertThat((Integer) JsonPath.read(json, "$.topTenth")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(json, "$.fell")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(json, "$.caught")).isEqualTo(1);
		assertThat((Double) JsonPath.read(json, "$.share")).isCloseTo(1.0 / 3,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat((Double) JsonPath.read(json, "$.baseRate")).isCloseTo(0.15,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat((Double) JsonPath.read(json, "$.topTenthRate")).isCloseTo(0.5,
				org.assertj.core.data.Offset.offset(1e-9));

		String page = call("/exits/warnings/rules?unit=" + this.f.a.villageId() + "&year=2025", this.officer, 200);
		assertThat(page).contains("33,3 %").contains("15,0 %").contains("Kiểm định ngược");
		// the rules, their weights and the note on where each weight comes from
		assertThat(page).contains("Có biến cố bất lợi gần đây").contains("là phán đoán").doesNotContain("RECENT_SHOCK");
	}

	@Test
	void anEventAfterTheYearDoesNotChangeItsList() throws Exception {
		String before = list(2024);
		// H4 loses its land on 01/01/2025, H6 its earner on 15/06/2025
		event(this.h.get(4), "LAND_LOSS", LocalDate.of(2025, 1, 1));
		event(this.h.get(6), "EARNER_DEATH", LocalDate.of(2025, 6, 15));
		assertThat(list(2024)).isEqualTo(before);
		String backtest = call("/api/v1/early-warnings/backtest?unit=" + this.f.a.villageId() + "&year=2025",
				this.officer, 200);
		assertThat((Integer) JsonPath.read(backtest, "$.caught")).isEqualTo(1);
		// the list of 2025 sees both
		String after = list(2025);
		List<String> ids = JsonPath.read(after, "$.items[*].householdId");
		assertThat(ids).contains(this.h.get(6).toString());
		assertThat(after).contains("(01/01/2025)").contains("(15/06/2025)");
	}

	@Test
	void aVoidedEventCountsNowhere() throws Exception {
		this.jdbc.sql("update household_event set voided = true, void_reason = 'nhầm hộ' where household_id = ?")
			.param(this.h.get(1))
			.update();
		List<String> ids = JsonPath.read(list(2024), "$.items[*].householdId");
		assertThat(ids).doesNotContain(this.h.get(1).toString());
	}

	@Test
	void thePageShowsTheRankTheTopTenthAndTheReasons() throws Exception {
		String html = call("/exits/warnings?unit=" + this.f.a.villageId() + "&year=2024", this.officer, 200);
		assertThat(html).contains("Hộ Cảnh Báo 2 " + this.f.tag)
			.contains("10 % cao nhất")
			.contains("Hộ cận nghèo")
			.contains("Thiếu hụt 2 chỉ số")
			.contains("/households/" + this.h.get(2))
			.doesNotContain("NEAR_POOR<")
			.doesNotContain("Hộ Cảnh Báo 7 " + this.f.tag);
	}

	@Test
	void theHouseholdPanelShowsItsScoreOrThatThereIsNoSign() throws Exception {
		String warned = call("/households/" + this.h.get(2) + "/warning", this.officer, 200);
		assertThat(warned).contains("Điểm cảnh báo: 35")
			.contains("Đang là hộ cận nghèo (năm 2025)")
			.contains("Thiếu hụt 2 chỉ số");
		assertThat(call("/households/" + this.h.get(7) + "/warning", this.officer, 200))
			.contains("Không có dấu hiệu cảnh báo.");
		assertThat(call("/households/" + this.h.get(5) + "/warning", this.officer, 200))
			.contains("Hộ đang là hộ nghèo");
	}

	@Test
	void outsideTheScopeNothingIsShown() throws Exception {
		String panel = this.mvc
			.perform(get("/households/" + this.h.get(2) + "/warning").with(authentication(this.outsider)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panel).doesNotContain("Hộ Cảnh Báo");
		int code = this.mvc
			.perform(get("/api/v1/early-warnings?unit=" + this.f.a.villageId() + "&year=2024")
				.with(authentication(this.outsider)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(code).isIn(403, 404);
		String own = call("/api/v1/early-warnings?unit=" + this.f.b.id() + "&year=2024", this.outsider, 200);
		assertThat(own).doesNotContain("Hộ Cảnh Báo");
	}

	@Test
	void aYearAheadIsRefusedAsInput() throws Exception {
		String body = call("/api/v1/early-warnings?unit=" + this.f.a.villageId() + "&year=2999", this.officer, 400);
		assertThat(body).contains("Năm không hợp lệ");
		call("/api/v1/early-warnings?unit=" + this.f.a.villageId() + "&size=0", this.officer, 400);
	}

}
