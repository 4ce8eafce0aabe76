package vn.giamngheo.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-year requests: due date from the clock, overdue flag, survey, decision, refusal with
 * reasons.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class InYearRequestsIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	InYearRequests requests;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	Fixtures f;

	String officer;

	ReviewData data;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		this.data = new ReviewData(this.jdbc);
		this.clock.set(java.time.Instant.parse("2025-03-16T03:00:00Z"));
		String a = this.f.a.code() + "@2024";
		this.officer = this.f.user("xar", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.f.signIn(this.officer);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.clock.set(java.time.Instant.now());
		// the decisions of 2025 written for the test households go again: other tests
		// read
		// the province's latest year
		this.jdbc
			.sql("delete from household_assessment a using household h where h.id = a.household_id"
					+ " and h.commune_id = ? and a.year = 2025 and a.decision_no like '%/QĐ-UBND'")
			.param(this.f.a.id())
			.update();
	}

	/** What the household API shows for the year 2025: class and decision, or nothing. */
	String shown2025(UUID household) throws Exception {
		String body = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/households/" + household)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.authentication(this.f.auth(this.officer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.f.signIn(this.officer);
		var history = new tools.jackson.databind.ObjectMapper().readTree(body).get("history");
		for (var a : history) {
			if (a.get("year").asInt() == 2025) {
				return a.get("classification").asString() + " " + a.get("decisionNo").asString();
			}
		}
		return null;
	}

	@Test
	void anEntryRequestIsSurveyedAndDecidedBeforeItsDueDate() throws Exception {
		UUID h = this.data.household(this.f.a, "Mới" + this.f.tag, 2024, "MIDDLE", 2_500_000L, 1);
		InYearRequest r = this.requests.receive(h, "MAU_01", null, "Bà Mới", "Chồng mất, không còn thu nhập");
		assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 3, 31));
		assertThat(r.trackingNo()).startsWith("DN-2025-");
		assertThat(r.lastClass()).isEqualTo("MIDDLE");
		assertThat(ReviewWorkflowIT.code(() -> this.requests.receive(h, "MAU_01", null, "x", "y")))
			.isEqualTo(ErrorCode.CONFLICT);
		assertThat(ReviewWorkflowIT
			.code(() -> this.requests.recognise(r.id(), r.version(), "1/QĐ", LocalDate.now(this.clock))))
			.isEqualTo(ErrorCode.RULE_REJECTED);
		InYearRequest surveyed = this.requests.survey(r.id(),
				new SurveyInput(r.version(), "INCOME", 600_000L, null, null, "MAKESHIFT", new BigDecimal("8"),
						"SURFACE_WATER", "NONE", false, false, false, false, "UNTREATED", null, null, null));
		assertThat(surveyed.step()).isEqualTo(Step.SURVEYED);
		assertThat(surveyed.proposedClass()).isEqualTo("POOR");
		this.clock.advance(Duration.ofDays(16));
		assertThat(this.requests.list(true)).filteredOn((x) -> x.id().equals(r.id()))
			.singleElement()
			.satisfies((x) -> assertThat(x.overdue(LocalDate.now(this.clock))).isTrue());
		InYearRequest decided = this.requests.recognise(r.id(), surveyed.version(), "7/QĐ-UBND",
				LocalDate.now(this.clock));
		assertThat(decided.step()).isEqualTo(Step.RECOGNISED);
		assertThat(decided.transition()).isEqualTo("NEW_POOR");
		assertThat(decided.overdue(LocalDate.now(this.clock))).isFalse();
		// the registry's history of 2025 now holds the decided class, audited
		assertThat(shown2025(h)).isEqualTo("POOR 7/QĐ-UBND");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'ASSESSMENT' and household_id = ?"
					+ " and reason = 'Quyết định số 7/QĐ-UBND'")
			.param(h)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void exitRequestsNeedAListedHouseholdAndARefusalNeedsReasons() throws Exception {
		UUID middle = this.data.household(this.f.a, "Khá" + this.f.tag, 2024, "MIDDLE", 2_500_000L, 1);
		assertThat(ReviewWorkflowIT.code(() -> this.requests.receive(middle, "MAU_04", null, "Ông Khá", "Thoát nghèo")))
			.isEqualTo(ErrorCode.RULE_REJECTED);
		UUID poor = this.data.household(this.f.a, "Nghèo" + this.f.tag, 2024, "POOR", 700_000L, 1);
		InYearRequest r = this.requests.receive(poor, "MAU_04", null, "Ông Nghèo", "Có việc làm ổn định");
		assertThat(ReviewWorkflowIT.code(() -> this.requests.refuse(r.id(), r.version(), " ")))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		InYearRequest refused = this.requests.refuse(r.id(), r.version(), "Thu nhập chưa vượt chuẩn cận nghèo");
		assertThat(refused.step()).isEqualTo(Step.REFUSED);
		assertThat(refused.refusalReason()).contains("chuẩn cận nghèo");
		// a refusal changes nothing in the registry
		assertThat(shown2025(poor)).isNull();

		// a decided exit: the household leaves the poor list of 2025
		InYearRequest exit = this.requests.receive(poor, "MAU_04", null, "Ông Nghèo", "Có việc làm ổn định");
		InYearRequest surveyed = this.requests.survey(exit.id(),
				new SurveyInput(exit.version(), "INCOME", 9_000_000L, null, null, "SOLID", new BigDecimal("60"), "TAP",
						"SEPTIC", true, true, true, true, "COLLECTED", null, null, null));
		InYearRequest decided = this.requests.recognise(exit.id(), surveyed.version(), "9/QĐ-UBND",
				LocalDate.now(this.clock));
		assertThat(decided.transition()).isEqualTo("EXITED_POOR");
		assertThat(shown2025(poor)).isEqualTo(surveyed.proposedClass() + " 9/QĐ-UBND").doesNotStartWith("POOR");
		assertThat(this.requests.monthlyReportDue()).isEqualTo(LocalDate.of(2025, 4, 5));
	}

}
