package vn.giamngheo.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
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

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.Meetings.MeetingInput;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.Transition;
import vn.giamngheo.review.persistence.ReviewRepository.Complaint;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One commune through the five steps and the sign-off, through the application services,
 * on PostgreSQL: who may do what, the order of the steps, the meeting rule, the posting
 * and complaint path, recognition into the registry, the lock and the audit trail.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class ReviewWorkflowIT {

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
	org.springframework.context.MessageSource messages;

	Fixtures f;

	ReviewData data;

	String province;

	String officerA;

	String reviewer;

	String otherReviewer;

	int year;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
		String a = this.f.a.scope();
		this.province = this.f.user("tinh", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025"));
		this.officerA = this.f.user("xaa", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.reviewer = this.f.user("ctva", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		this.otherReviewer = this.f.user("ctvb", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		this.year = ReviewData.uniqueYear();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.data.cleanUp();
	}

	Review open() {
		this.f.signIn(this.province);
		return this.data.open(this.reviews, this.year, LocalDate.now(this.clock), this.f.a.id(), this.f.b.id());
	}

	/** A household deprived in housing, water, sanitation and information. */
	static SurveyInput deprived(int version, long income, List<String> causes) {
		return new SurveyInput(version, "INCOME", income, null, null, "MAKESHIFT", new java.math.BigDecimal("6"),
				"SURFACE_WATER", "NONE", false, false, false, false, "UNTREATED", causes, List.of("HOUSING"), null);
	}

	static SurveyInput income(int version, long income, List<String> causes) {
		return new SurveyInput(version, "INCOME", income, null, null, "SOLID", new java.math.BigDecimal("40"), "TAP",
				"SEPTIC", true, true, true, true, "COLLECTED", causes, List.of("LOAN"), null);
	}

	@Test
	void aCommuneGoesThroughTheFiveStepsIntoTheRegistry() {
		UUID h1 = this.data.household(this.f.a, "Poor" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID h2 = this.data.household(this.f.a, "Near" + this.f.tag, this.year - 1, "NEAR_POOR", 1_200_000L, 1);
		UUID h3 = this.data.household(this.f.a, "Middle" + this.f.tag, this.year - 1, "MIDDLE", 2_000_000L, 1);
		this.data.assessment(h3, this.year - 3, "POOR");
		Review review = open();
		long a = this.f.a.id();

		// step 1: worklist from last year's lists, Phiếu A, assignment
		this.f.signIn(this.officerA);
		assertThat(this.reviews.generateWorklist(review.id(), a, false)).isEqualTo(2);
		assertThatThrownBy(() -> this.reviews.addScreened(review.id(), a, h3, List.of(), null))
			.isInstanceOf(DomainException.class);
		ReviewHousehold screened = this.reviews.addScreened(review.id(), a, h3, List.of("NO_STABLE_INCOME"), "ốm");
		assertThat(screened.origin()).isEqualTo("SCREENED");
		assertThat(screened.everPoor()).isTrue();
		assertThat(this.reviews.assign(review.id(), a, this.f.a.villageId(), this.reviewer)).isEqualTo(3);
		assertThat(code(() -> this.reviews.assign(review.id(), a, this.f.a.villageId(), this.officerA + "x")))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		Map<UUID, ReviewHousehold> listed = new LinkedHashMap<>();
		this.reviews.worklist(review.id(), a, null, null, 0, 50).forEach((rh) -> listed.put(rh.householdId(), rh));
		assertThat(listed).containsOnlyKeys(h1, h2, h3);

		// a reviewer sees only what is assigned to them
		this.f.signIn(this.otherReviewer);
		assertThat(this.reviews.worklist(review.id(), a, null, null, 0, 50)).isEmpty();
		assertThat(code(() -> this.reviews.household(listed.get(h1).id()))).isEqualTo(ErrorCode.NOT_FOUND);

		// no meeting before the survey
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.meetings.record(review.id(), a, meeting(10, Map.of(listed.get(h1).id(), 9)))))
			.isEqualTo(ErrorCode.RULE_REJECTED);

		// step 2: survey with the engine's explanation and flags; Phiếu C required for
		// poor
		this.f.signIn(this.reviewer);
		assertThat(code(
				() -> this.surveys.submit(listed.get(h1).id(), deprived(listed.get(h1).version(), 500_000, List.of()))))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		ReviewHousehold s1 = this.surveys.submit(listed.get(h1).id(),
				deprived(listed.get(h1).version(), 500_000, List.of("LAND", "CAPITAL")));
		assertThat(s1.step()).isEqualTo(Step.SURVEYED);
		assertThat(s1.proposedClass()).isEqualTo("POOR");
		assertThat(s1.explanation().vi()).isNotBlank();
		assertThat(s1.explanation().indicators()).isNotEmpty();
		assertThat(s1.causes()).containsExactly("LAND", "CAPITAL");
		ReviewHousehold s2 = this.surveys.submit(listed.get(h2).id(),
				income(listed.get(h2).version(), 5_000_000, List.of()));
		assertThat(s2.proposedClass()).isNotIn("POOR", "NEAR_POOR");
		assertThat(s2.flags()).contains("INCOME_DOUBLED");
		ReviewHousehold s3 = this.surveys.submit(listed.get(h3).id(),
				income(listed.get(h3).version(), 1_000_000, List.of("ILLNESS")));
		assertThat(s3.proposedClass()).isIn("POOR", "NEAR_POOR");
		assertThat(code(() -> this.surveys.submit(listed.get(h3).id(),
				income(listed.get(h3).version(), 1_000_000, List.of("ILLNESS")))))
			.isEqualTo(ErrorCode.STALE_VERSION);

		// step 3: 5 of 10 agree = accepted, 4 of 10 = back to survey
		this.f.signIn(this.officerA);
		this.meetings.record(review.id(), a, meeting(10, Map.of(s1.id(), 5, s2.id(), 4, s3.id(), 10)));
		assertThat(this.reviews.household(s1.id()).step()).isEqualTo(Step.AGREED);
		assertThat(this.reviews.household(s2.id()).step()).isEqualTo(Step.RESURVEY);
		assertThat(this.reviews.household(s1.id()).finalClass()).isEqualTo("POOR");

		// step 4 refused while a household is back at survey
		var unit = this.reviews.unit(review.id(), a);
		assertThat(code(() -> this.postings.post(review.id(), a, unit.version(), null, null)))
			.isEqualTo(ErrorCode.RULE_REJECTED);
		this.f.signIn(this.reviewer);
		ReviewHousehold again = this.surveys.submit(s2.id(),
				income(this.reviews.household(s2.id()).version(), 5_000_000, List.of()));
		this.f.signIn(this.officerA);
		UUID second = this.meetings.record(review.id(), a, meeting(12, Map.of(again.id(), 6))).id();
		assertThat(this.meetings.minutes(second).votes()).singleElement()
			.satisfies((v) -> assertThat(v.result()).isEqualTo("AGREED"));
		var posted = this.postings.post(review.id(), a, unit.version(), null, "Nhà văn hóa thôn");
		assertThat(posted.postedTo())
			.isEqualTo(vn.giamngheo.review.domain.ReviewCalendar.DEFAULT.postingEnd(LocalDate.now(this.clock)));
		assertThat(this.reviews.household(s1.id()).step()).isEqualTo(Step.POSTED);

		// the public list has names, villages and classes, no codes or ids
		Postings.PostingList list = this.postings.publicList(review.id(), a);
		assertThat(list.rows()).extracting(Postings.PostedRow::headName)
			.contains("Poor" + this.f.tag, "Near" + this.f.tag);
		assertThat(list.rows().toString()).doesNotContain("RV-").doesNotContain(h1.toString());

		// a complaint re-checked changes the class; nothing else can
		Complaint complaint = this.postings.complain(s3.id(), "Nguyễn Văn Kiện", "Hộ này đã có việc làm ổn định");
		assertThat(complaint.trackingNo()).startsWith("KN-" + this.year + "-");
		assertThat(this.postings.complaintStatus(complaint.trackingNo()).status()).isEqualTo("RECEIVED");
		int posted3 = this.reviews.household(s3.id()).version();
		assertThat(code(() -> this.surveys.submit(s3.id(), income(posted3, 9_000_000, List.of()))))
			.isEqualTo(ErrorCode.RULE_REJECTED);

		// step 5 not before the posting is over and the complaint answered
		assertThat(code(() -> this.recognitions.recognise(review.id(), a, this.reviews.unit(review.id(), a).version(),
				"12/QĐ-UBND", LocalDate.now(this.clock), "Chủ tịch")))
			.isIn(ErrorCode.RULE_REJECTED);
		Complaint answered = this.postings.answer(complaint.id(), complaint.version(), "NEAR_POOR",
				"Phúc tra: cận nghèo");
		assertThat(answered.outcome()).isEqualTo(s3.proposedClass().equals("NEAR_POOR") ? "UPHELD" : "CHANGED");
		assertThat(this.reviews.household(s3.id()).finalClass()).isEqualTo("NEAR_POOR");
		this.clock.advance(Duration.ofDays(5));
		Map<Transition, Integer> transitions = this.recognitions.recognise(review.id(), a,
				this.reviews.unit(review.id(), a).version(), "12/QĐ-UBND", LocalDate.now(this.clock),
				"Chủ tịch UBND xã");
		assertThat(transitions).containsEntry(Transition.CONTINUING_POOR, 1)
			.containsEntry(Transition.EXITED_NEAR_POOR, 1)
			.containsEntry(Transition.FELL_BACK_NEAR_POOR, 1);
		ReviewHousehold r1 = this.reviews.household(s1.id());
		assertThat(r1.step()).isEqualTo(Step.RECOGNISED);
		assertThat(r1.certificateAction()).isEqualTo("RENEW");
		assertThat(r1.certificateNo()).matches("\\d{2,}/" + LocalDate.now(this.clock).getYear() + "/GCN-HN\\.HCN");
		assertThat(this.reviews.household(again.id()).certificateAction()).isEqualTo("CANCEL");
		assertThat(this.recognitions.certificates(review.id(), a, null)).hasSize(2);

		// the registry holds the recognised class of the year
		assertThat(this.jdbc
			.sql("select classification || ' ' || source || ' ' || decision_no from household_assessment"
					+ " where household_id = ? and year = ?")
			.params(h3, this.year)
			.query(String.class)
			.single()).isEqualTo("NEAR_POOR REVIEW 12/QĐ-UBND");

		// sign-off: submit, approve locks, reopen needs a reason
		var submitted = this.reviews.signOff(review.id(), a, SignOff.Action.SUBMIT,
				this.reviews.unit(review.id(), a).version(), null);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, SignOff.Action.APPROVE, submitted.version(), null)))
			.isEqualTo(ErrorCode.FORBIDDEN);
		this.f.signIn(this.province);
		var approved = this.reviews.signOff(review.id(), a, SignOff.Action.APPROVE, submitted.version(), null);
		assertThat(approved.signOff()).isEqualTo(SignOff.APPROVED);
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.reviews.generateWorklist(review.id(), a, true))).isEqualTo(ErrorCode.CONFLICT);
		this.f.signIn(this.province);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, SignOff.Action.REOPEN, approved.version(), " ")))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		assertThat(this.reviews.signOff(review.id(), a, SignOff.Action.REOPEN, approved.version(), "Sai sót thôn 2")
			.signOff()).isEqualTo(SignOff.OPEN);

		// every step is in the audit trail
		assertThat(this.jdbc.sql(
				"select string_agg(distinct action, ',' order by action) from audit_event where entity_type like 'REVIEW%'"
						+ " and (household_id = ? or entity_id like ?)")
			.params(h3, review.id() + "%")
			.query(String.class)
			.single()).isEqualTo("ANSWER,APPROVE,ASSIGN,COMPLAIN,LIST,OPEN,POST,RECOGNISE,REOPEN,SUBMIT,SURVEY,VOTE");
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where entity_type = 'ASSESSMENT' and household_id = ?")
					.param(h1)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void theListInForceIsReviewedWhereLastYearHasNoAssessment() {
		// poor three years ago and not assessed since: still on the list in force
		UUID carried = this.data.household(this.f.a, "Carried" + this.f.tag, this.year - 3, "POOR", 600_000L, 1);
		// poor three years ago, out two years ago: not on it
		UUID out = this.data.household(this.f.a, "Out" + this.f.tag, this.year - 3, "POOR", 600_000L, 1);
		this.data.assessment(out, this.year - 2, "MIDDLE");
		Review review = open();
		long a = this.f.a.id();
		this.f.signIn(this.officerA);
		assertThat(this.reviews.generateWorklist(review.id(), a, false)).isEqualTo(1);
		List<ReviewHousehold> listed = this.reviews.worklist(review.id(), a, null, null, 0, 50);
		assertThat(listed).extracting(ReviewHousehold::householdId).containsExactly(carried);
		assertThat(listed.get(0).lastClass()).isEqualTo("POOR");
		assertThat(listed.get(0).lastIncome()).isEqualTo(600_000L);
	}

	@Test
	void everyActiveHouseholdOfARecognisedCommuneHasTheYearsClassAndAReason() {
		UUID poor = this.data.household(this.f.a, "Listed" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID notPoor = this.data.household(this.f.a, "NotPoor" + this.f.tag, this.year - 1, "NOT_POOR", 3_000_000L, 1);
		UUID middle = this.data.household(this.f.a, "Middle" + this.f.tag, this.year - 2, "MIDDLE", 2_000_000L, 1);
		UUID never = this.data.household(this.f.a, "Never" + this.f.tag, 0, null, null, 1);
		Review review = open();
		long a = this.f.a.id();
		this.f.signIn(this.officerA);
		assertThat(this.reviews.generateWorklist(review.id(), a, false)).isEqualTo(1);
		// recorded after the list was drawn (created, moved in or imported)
		UUID late = this.data.household(this.f.a, "Late" + this.f.tag, 0, null, null, 1);
		UUID lateImported = this.data.household(this.f.a, "LateImported" + this.f.tag, this.year - 1, "NEAR_POOR",
				1_100_000L, 1);
		ReviewHousehold listed = this.reviews.worklist(review.id(), a, null, null, 0, 50).get(0);
		ReviewHousehold surveyed = this.surveys.submit(listed.id(),
				deprived(listed.version(), 500_000, List.of("LAND")));
		this.meetings.record(review.id(), a, meeting(10, Map.of(surveyed.id(), 8)));
		this.postings.post(review.id(), a, this.reviews.unit(review.id(), a).version(), null, null);
		this.clock.advance(Duration.ofDays(5));
		this.recognitions.recognise(review.id(), a, this.reviews.unit(review.id(), a).version(), "30/QĐ-UBND",
				LocalDate.now(this.clock), "Chủ tịch UBND xã");

		// no active household of the commune is left without the year's class
		assertThat(this.jdbc
			.sql("select count(*) from household h where h.commune_id = ? and not h.voided and h.status = 'ACTIVE'"
					+ " and not exists (select 1 from household_assessment s where s.household_id = h.id"
					+ " and s.year = ? and s.reason is not null)")
			.params(a, this.year)
			.query(Long.class)
			.single()).isZero();
		Map<UUID, String> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("select household_id, classification || ' ' || reason || ' ' || recognised || ' ' || decision_no"
					+ " from household_assessment where year = ? and household_id in (?, ?, ?, ?, ?, ?)")
			.params(this.year, poor, notPoor, middle, never, late, lateImported)
			.query((rs) -> {
				rows.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		assertThat(rows).containsEntry(poor, "POOR REVIEWED true 30/QĐ-UBND")
			.containsEntry(notPoor, "NOT_POOR NOT_LISTED true 30/QĐ-UBND")
			.containsEntry(middle, "MIDDLE NOT_LISTED true 30/QĐ-UBND")
			.containsEntry(never, "NOT_POOR NOT_LISTED true 30/QĐ-UBND")
			.containsEntry(late, "NOT_POOR ADDED_AFTER_LIST true 30/QĐ-UBND")
			// a poor or near-poor class the decision did not list is kept, not recognised
			.containsEntry(lateImported, "NEAR_POOR ADDED_AFTER_LIST false 30/QĐ-UBND");
		// each is audited with its reason
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'ASSESSMENT' and household_id = ?"
					+ " and changes -> 'reason' ->> 'new' = 'ADDED_AFTER_LIST'")
			.param(late)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void stepDatesFollowTheProcedureAndEachRefusalSaysWhichDateAndRule() {
		this.data.household(this.f.a, "Dates" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		Review review = open();
		long a = this.f.a.id();
		this.f.signIn(this.officerA);
		this.reviews.generateWorklist(review.id(), a, false);
		ReviewHousehold listed = this.reviews.worklist(review.id(), a, null, null, 0, 50).get(0);
		ReviewHousehold surveyed = this.surveys.submit(listed.id(),
				deprived(listed.version(), 500_000, List.of("LAND")));
		LocalDate surveyDay = LocalDate.now(this.clock);
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

		// no meeting in the future
		LocalDate tomorrow = surveyDay.plusDays(1);
		assertThat(refusal(() -> this.meetings.record(review.id(), a,
				new MeetingInput(this.f.a.villageId(), tomorrow, LocalTime.of(19, 0), LocalTime.of(21, 0),
						"Trưởng thôn A", "Thư ký thôn", 10, "MTTQ", null, Map.of(surveyed.id(), 8)))))
			.containsExactly("heldOn: Ngày " + tomorrow.format(day) + " ở tương lai (hôm nay là "
					+ surveyDay.format(day) + "): chỉ ghi việc đã làm.");
		this.clock.advance(Duration.ofDays(1));
		LocalDate meetingDay = LocalDate.now(this.clock);
		this.meetings.record(review.id(), a, meeting(10, Map.of(surveyed.id(), 8)));

		// the posting not before the meeting
		int version = this.reviews.unit(review.id(), a).version();
		assertThat(refusal(() -> this.postings.post(review.id(), a, version, surveyDay, null)))
			.containsExactly("from: Ngày niêm yết " + surveyDay.format(day) + " trước cuộc họp dân ngày "
					+ meetingDay.format(day) + ": niêm yết (Bước 4) sau khi họp dân thống nhất (Bước 3).");
		var posted = this.postings.post(review.id(), a, version, meetingDay, null);

		// the decision after the whole posting period, named with its first possible day
		this.clock.advance(Duration.ofDays(10));
		int unitVersion = this.reviews.unit(review.id(), a).version();
		assertThat(refusal(() -> this.recognitions.recognise(review.id(), a, unitVersion, "31/QĐ-UBND",
				posted.postedTo(), "Chủ tịch UBND xã")))
			.singleElement()
			.asString()
			.startsWith("decisionDate: Ngày quyết định " + posted.postedTo().format(day))
			.endsWith("chỉ công nhận từ ngày " + posted.postedTo().plusDays(1).format(day) + ".");
		assertThat(this.reviews.household(surveyed.id()).step()).isEqualTo(Step.POSTED);
		this.recognitions.recognise(review.id(), a, unitVersion, "31/QĐ-UBND", posted.postedTo().plusDays(1),
				"Chủ tịch UBND xã");
		assertThat(this.reviews.household(surveyed.id()).step()).isEqualTo(Step.RECOGNISED);
	}

	/** The field messages of a refusal as the Vietnamese page shows them. */
	List<String> refusal(Runnable call) {
		try {
			call.run();
		}
		catch (DomainException ex) {
			return ex.fieldProblems()
				.stream()
				.map((p) -> p.field() + ": "
						+ this.messages.getMessage(p.messageKey(), p.args(), java.util.Locale.forLanguageTag("vi")))
				.toList();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void aBatchOfSurveysIsAllOrNothingAndAudited() {
		UUID h1 = this.data.household(this.f.a, "BatchPoor" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID h2 = this.data.household(this.f.a, "BatchNear" + this.f.tag, this.year - 1, "NEAR_POOR", 1_200_000L, 1);
		Review review = open();
		long a = this.f.a.id();
		this.f.signIn(this.officerA);
		this.reviews.generateWorklist(review.id(), a, false);
		this.reviews.assign(review.id(), a, this.f.a.villageId(), this.reviewer);
		Map<UUID, ReviewHousehold> listed = new LinkedHashMap<>();
		this.reviews.worklist(review.id(), a, null, null, 0, 50).forEach((rh) -> listed.put(rh.householdId(), rh));
		ReviewHousehold r1 = listed.get(h1);
		ReviewHousehold r2 = listed.get(h2);

		// another reviewer cannot submit households not assigned to them
		this.f.signIn(this.otherReviewer);
		assertThat(code(() -> this.surveys.submitAll(review.id(), a,
				Map.of(r1.id(), income(r1.version(), 5_000_000, List.of())))))
			.isEqualTo(ErrorCode.NOT_FOUND);

		// one poor household without Phiếu C causes rejects the whole batch
		this.f.signIn(this.reviewer);
		Map<UUID, SurveyInput> bad = new LinkedHashMap<>();
		bad.put(r2.id(), income(r2.version(), 5_000_000, List.of()));
		bad.put(r1.id(), deprived(r1.version(), 500_000, List.of()));
		assertThat(code(() -> this.surveys.submitAll(review.id(), a, bad))).isEqualTo(ErrorCode.INVALID_INPUT);
		assertThat(this.reviews.household(r2.id()).step()).isEqualTo(Step.LISTED);

		Map<UUID, SurveyInput> good = new LinkedHashMap<>();
		good.put(r2.id(), income(r2.version(), 5_000_000, List.of()));
		good.put(r1.id(), deprived(r1.version(), 500_000, List.of("LAND")));
		Map<UUID, String> proposed = this.surveys.submitAll(review.id(), a, good);
		assertThat(proposed).containsEntry(r1.id(), "POOR");
		assertThat(this.reviews.household(r1.id()).step()).isEqualTo(Step.SURVEYED);
		assertThat(this.reviews.household(r2.id()).flags()).contains("INCOME_DOUBLED");
		assertThat(this.reviews.household(r1.id()).explanation().indicators()).isNotEmpty();
		// stale versions are refused
		assertThat(code(() -> this.surveys.submitAll(review.id(), a,
				Map.of(r1.id(), deprived(r1.version(), 500_000, List.of("LAND"))))))
			.isIn(ErrorCode.STALE_VERSION, ErrorCode.RULE_REJECTED);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'SURVEY' and entity_id in (?, ?)"
					+ " and actor = ? and changes -> 'step' ->> 'new' = 'SURVEYED'")
			.params(r1.id().toString(), r2.id().toString(), this.reviewer)
			.query(Long.class)
			.single()).isEqualTo(2);
		// step counts follow the batch
		assertThat(this.reviews.board(review.id()).communes()).filteredOn((c) -> c.communeId() == a)
			.singleElement()
			.satisfies((c) -> assertThat(c.surveyed()).isEqualTo(2));
	}

	@Test
	void officersSeeOnlyTheirCommunesAndTheProvinceSeesAll() {
		Review review = open();
		Reviews.Board board = this.reviews.board(review.id());
		assertThat(board.communes()).extracting(CommuneProgress::communeId)
			.containsExactlyInAnyOrder(this.f.a.id(), this.f.b.id());
		this.f.signIn(this.officerA);
		assertThat(this.reviews.board(review.id()).communes()).extracting(CommuneProgress::communeId)
			.containsExactly(this.f.a.id());
		assertThat(code(() -> this.reviews.unit(review.id(), this.f.b.id()))).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(code(() -> this.reviews.generateWorklist(review.id(), this.f.b.id(), true)))
			.isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(code(() -> open())).isEqualTo(ErrorCode.CONFLICT);
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.reviews
			.open(new Reviews.OpenReview(this.data.provinceId(), this.year + 1, "2022-2025", null, null, List.of()))))
			.isEqualTo(ErrorCode.FORBIDDEN);
	}

	@Test
	void stepsOutsideTheWindowAreRefused() {
		Review review = open();
		this.clock.advance(Duration.ofDays(41));
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.reviews.generateWorklist(review.id(), this.f.a.id(), false)))
			.isEqualTo(ErrorCode.RULE_REJECTED);
		this.f.signIn(this.province);
		assertThat(this.reviews.board(review.id()).communes()).allSatisfy((c) -> assertThat(c.late()).isTrue());
	}

	MeetingInput meeting(int attendees, Map<UUID, Integer> votes) {
		return ReviewData.meeting(this.f.a.villageId(), LocalDate.now(this.clock), attendees, votes);
	}

	static ErrorCode code(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (DomainException ex) {
			return ex.code();
		}
	}

	static ErrorCode code(java.util.concurrent.Callable<?> call) {
		try {
			call.call();
			return null;
		}
		catch (DomainException ex) {
			return ex.code();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
