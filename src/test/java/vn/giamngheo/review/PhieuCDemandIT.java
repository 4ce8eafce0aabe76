package vn.giamngheo.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.benefits.Demands;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: when the chairman recognises the list, the Phiếu C needs of the households
 * recognised poor or near-poor become their demand, dated the decision's day, once.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class PhieuCDemandIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Reviews reviews;

	@Autowired
	Surveys surveys;

	@Autowired
	Meetings meetings;

	@Autowired
	Postings postings;

	@Autowired
	Recognitions recognitions;

	@Autowired
	Demands demands;

	@Autowired
	TransactionTemplate tx;

	Fixtures f;

	ReviewData data;

	String province;

	String officerA;

	int year;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
		String a = this.f.a.scope();
		this.province = this.f.user("tinh", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025"));
		this.officerA = this.f.user("xaa", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.year = ReviewData.uniqueYear();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.data.cleanUp();
	}

	@Test
	void theNeedsOfRecognisedPoorHouseholdsBecomeDemandOnce() {
		UUID poor = this.data.household(this.f.a, "NeedsPoor" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID rich = this.data.household(this.f.a, "NeedsRich" + this.f.tag, this.year - 1, "NEAR_POOR", 1_200_000L, 1);
		this.f.signIn(this.province);
		Review review = this.data.open(this.reviews, this.year, LocalDate.now(this.clock), this.f.a.id(),
				this.f.b.id());
		long a = this.f.a.id();
		this.f.signIn(this.officerA);
		this.reviews.generateWorklist(review.id(), a, false);
		Map<UUID, ReviewHousehold> listed = new java.util.HashMap<>();
		this.reviews.worklist(review.id(), a, null, null, 0, 50).forEach((rh) -> listed.put(rh.householdId(), rh));
		// the poor household wants a loan and help with its house; the other one earns
		// enough now and asked for information only
		ReviewHousehold p = this.surveys.submit(listed.get(poor).id(),
				survey(listed.get(poor).version(), 500_000, List.of("LOAN", "HOUSING")));
		ReviewHousehold r = this.surveys.submit(listed.get(rich).id(),
				survey(listed.get(rich).version(), 6_000_000, List.of("INFORMATION")));
		this.meetings.record(review.id(), a,
				ReviewData.meeting(this.f.a.villageId(), LocalDate.now(this.clock), 10, Map.of(p.id(), 8, r.id(), 8)));
		this.postings.post(review.id(), a, this.reviews.unit(review.id(), a).version(), null, null);
		this.clock.advance(Duration.ofDays(5));
		LocalDate decision = LocalDate.now(this.clock);
		this.recognitions.recognise(review.id(), a, this.reviews.unit(review.id(), a).version(), "40/QĐ-UBND", decision,
				"Chủ tịch UBND xã");

		assertThat(demandsOf(poor)).containsExactlyInAnyOrder("HOUSING PHIEU_C OPEN " + decision,
				"LOAN PHIEU_C OPEN " + decision);
		// a household recognised neither poor nor near-poor has no demand from Phiếu C
		assertThat(demandsOf(rich)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from support_demand where household_id = ? and review_id = ?")
			.params(poor, review.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		// audited, in words
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'SUPPORT_DEMAND' and household_id = ?"
					+ " and changes -> 'kind' ->> 'new' = 'Vay vốn ưu đãi'")
			.param(poor)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the same recognition heard again adds nothing
		this.tx.executeWithoutResult((s) -> this.demands.fromPhieuC(new NeedsRecognised(review.id(), a,
				this.f.a.provinceCode(), decision, List.of(new NeedsRecognised.HouseholdNeeds(poor,
						this.f.a.villagePath(), "POOR", List.of("LOAN", "HOUSING"))))));
		assertThat(demandsOf(poor)).hasSize(2);
	}

	static SurveyInput survey(int version, long income, List<String> needs) {
		return new SurveyInput(version, "INCOME", income, null, null, "MAKESHIFT", new java.math.BigDecimal("6"),
				"SURFACE_WATER", "NONE", false, false, false, false, "UNTREATED", List.of("LAND"), needs, null);
	}

	List<String> demandsOf(UUID household) {
		return this.jdbc
			.sql("select kind || ' ' || source || ' ' || status || ' ' || registered_on from support_demand"
					+ " where household_id = ?")
			.param(household)
			.query(String.class)
			.list();
	}

}
