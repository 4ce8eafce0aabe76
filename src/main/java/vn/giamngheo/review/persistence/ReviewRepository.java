package vn.giamngheo.review.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.review.CommuneProgress;
import vn.giamngheo.review.Explanation;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.ReviewUnit;
import vn.giamngheo.review.SurveyFacts;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Step;

/** Reviews, their communes and listed households, meetings and complaints. */
@Repository
public class ReviewRepository {

	private static final String REVIEW = "select r.*, p.name as province_name from review r"
			+ " join admin_unit p on p.id = r.province_id";

	private static final String UNIT = "select u.*, c.name as commune_name, c.placeholder from review_unit u"
			+ " join admin_unit c on c.id = u.commune_id";

	/**
	 * Columns of a listed household without the survey's facts, note and explanation
	 * (lists).
	 */
	private static final String LIST_COLUMNS = "rh.id, rh.review_id, rh.household_id, rh.commune_id, rh.village_id,"
			+ " rh.unit_path, rh.origin, rh.step, rh.last_class, rh.last_income, rh.last_members, rh.ever_poor,"
			+ " rh.ever_near_poor, rh.reviewer, rh.survey_date, rh.way, rh.member_count, rh.income_per_capita,"
			+ " rh.score_a, rh.score_b, rh.deprivations, rh.proposed_class, null as explanation, rh.flags, rh.causes,"
			+ " rh.needs, rh.votes_agree, rh.final_class, rh.transition, rh.certificate_action, rh.certificate_no,"
			+ " rh.version, null as facts, null as phieu_c_note";

	private static final String HOUSEHOLD_LIST = "select " + LIST_COLUMNS
			+ ", rh.household_code, h.head_name, rh.village_name, m.attendees as meeting_attendees"
			+ " from review_household rh join household h on h.id = rh.household_id"
			+ " left join review_meeting m on m.id = rh.meeting_id";

	/** The worklist's order: village, folded head name, code (an index of each list). */
	private static final String LIST_ORDER = " order by rh.village_name, rh.head_name_norm, rh.household_code";

	private static final String HOUSEHOLD = "select rh.*, h.code as household_code, h.head_name,"
			+ " v.name as village_name, m.attendees as meeting_attendees from review_household rh"
			+ " join household h on h.id = rh.household_id join admin_unit v on v.id = rh.village_id"
			+ " left join review_meeting m on m.id = rh.meeting_id";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public ReviewRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	// --- reviews and communes

	public UUID insertReview(String provinceCode, long provinceId, String provincePath, int year, String standardKey,
			LocalDate from, LocalDate to, String createdBy) {
		return this.jdbc
			.sql("insert into review (province_code, province_id, province_path, year, standard_key, window_from,"
					+ " window_to, created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, provinceId, provincePath, year, standardKey, from, to, createdBy)
			.query(UUID.class)
			.single();
	}

	public boolean reviewExists(String provinceCode, int year) {
		return this.jdbc.sql("select count(*) from review where province_code = ? and year = ?")
			.params(provinceCode, year)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Review> findReview(UUID id) {
		return this.jdbc.sql(REVIEW + " where r.id = ?").param(id).query(this::review).optional();
	}

	/** Reviews with at least one commune in the scope, newest first. */
	public List<Review> reviews(String[] scopePatterns) {
		return this.jdbc
			.sql(REVIEW + " where exists (select 1 from review_unit u where u.review_id = r.id"
					+ " and u.unit_path like any (?)) order by r.year desc, p.name")
			.param(scopePatterns)
			.query(this::review)
			.list();
	}

	/**
	 * A unit's id and path.
	 *
	 * @param id unit id
	 * @param path unit path
	 */
	public record UnitRef(long id, String path) {
	}

	/** The province with this code valid on a date (public reference data). */
	public Optional<UnitRef> provinceOn(String code, LocalDate on) {
		return this.jdbc
			.sql("select id, path from admin_unit where code = ? and level = 'province' and valid_from <= ?"
					+ " and (valid_to is null or valid_to >= ?)")
			.params(code, on, on)
			.query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/** The communes under a path valid on a date, by name. */
	public List<UnitRef> communesOn(String path, LocalDate on) {
		return this.jdbc
			.sql("select id, path from admin_unit where path like ? and level = 'commune' and valid_from <= ?"
					+ " and (valid_to is null or valid_to >= ?) order by name")
			.params(path + "%", on, on)
			.query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2)))
			.list();
	}

	public void insertUnit(UUID reviewId, long communeId, String provinceCode, String unitPath) {
		this.jdbc
			.sql("insert into review_unit (review_id, commune_id, province_code, unit_path) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
			.params(reviewId, communeId, provinceCode, unitPath)
			.update();
	}

	public Optional<ReviewUnit> findUnit(UUID reviewId, long communeId) {
		return this.jdbc.sql(UNIT + " where u.review_id = ? and u.commune_id = ?")
			.params(reviewId, communeId)
			.query(this::unit)
			.optional();
	}

	/** Communes of a review in the scope. */
	public List<ReviewUnit> units(UUID reviewId, String[] scopePatterns) {
		return this.jdbc.sql(UNIT + " where u.review_id = ? and u.unit_path like any (?) order by c.name")
			.params(reviewId, scopePatterns)
			.query(this::unit)
			.list();
	}

	/** Households per step, per commune in the scope. */
	public List<CommuneProgress> progress(UUID reviewId, String[] scopePatterns) {
		return this.jdbc.sql("select u.commune_id, c.name, u.sign_off, coalesce(sum(s.households), 0) as listed,"
				+ " coalesce(sum(s.households) filter (where s.step in ('SURVEYED','AGREED','POSTED','RECOGNISED')), 0),"
				+ " coalesce(sum(s.households) filter (where s.step in ('AGREED','POSTED','RECOGNISED')), 0),"
				+ " coalesce(sum(s.households) filter (where s.step in ('POSTED','RECOGNISED')), 0),"
				+ " coalesce(sum(s.households) filter (where s.step = 'RECOGNISED'), 0),"
				+ " coalesce(sum(s.households) filter (where s.step = 'RESURVEY'), 0)"
				+ " from review_unit u join admin_unit c on c.id = u.commune_id"
				+ " left join review_step_count s on s.review_id = u.review_id and s.commune_id = u.commune_id"
				+ " where u.review_id = ? and u.unit_path like any (?) group by u.commune_id, c.name, u.sign_off"
				+ " order by c.name")
			.params(reviewId, scopePatterns)
			.query((rs, n) -> new CommuneProgress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), false))
			.list();
	}

	public int updateSignOff(UUID reviewId, long communeId, int version, SignOff status, String reason, String by) {
		return this.jdbc
			.sql("update review_unit set sign_off = ?, sign_off_reason = ?, sign_off_by = ?, sign_off_at = now(),"
					+ " submitted_at = case when ? = 'SUBMITTED' then now() else submitted_at end,"
					+ " district_by = case when ? = 'DISTRICT_APPROVED' then ? else district_by end,"
					+ " district_at = case when ? = 'DISTRICT_APPROVED' then now() else district_at end,"
					+ " version = version + 1 where review_id = ? and commune_id = ? and version = ?")
			.params(status.name(), reason, by, status.name(), status.name(), by, status.name(), reviewId, communeId,
					version)
			.update();
	}

	public int updatePosting(UUID reviewId, long communeId, int version, LocalDate from, LocalDate to, String places) {
		return this.jdbc
			.sql("update review_unit set posted_from = ?, posted_to = ?, posting_places = ?, version = version + 1"
					+ " where review_id = ? and commune_id = ? and version = ?")
			.params(from, to, places, reviewId, communeId, version)
			.update();
	}

	public int updateDecision(UUID reviewId, long communeId, int version, String decisionNo, LocalDate date,
			String signer, int certificateSeq) {
		return this.jdbc
			.sql("update review_unit set decision_no = ?, decision_date = ?, decision_signer = ?, certificate_seq = ?,"
					+ " version = version + 1 where review_id = ? and commune_id = ? and version = ?")
			.params(decisionNo, date, signer, certificateSeq, reviewId, communeId, version)
			.update();
	}

	/** Notes that the commune's worklist was drawn now. */
	public void markListed(UUID reviewId, long communeId) {
		this.jdbc.sql("update review_unit set listed_at = now() where review_id = ? and commune_id = ?")
			.params(reviewId, communeId)
			.update();
	}

	/** When the commune's worklist was last drawn, or {@code null}. */
	public OffsetDateTime listedAt(UUID reviewId, long communeId) {
		return this.jdbc.sql("select listed_at from review_unit where review_id = ? and commune_id = ?")
			.params(reviewId, communeId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.orElse(null);
	}

	/**
	 * The dates the commune's later steps must follow: the last village meeting, the last
	 * complaint received and the last one answered (each {@code null} when none).
	 *
	 * @param lastMeeting last meeting held
	 * @param lastComplaint last complaint received
	 * @param lastAnswer last complaint answered
	 */
	public record StepDates(LocalDate lastMeeting, LocalDate lastComplaint, LocalDate lastAnswer) {
	}

	public StepDates stepDates(UUID reviewId, long communeId) {
		return this.jdbc
			.sql("select (select max(held_on) from review_meeting where review_id = ? and commune_id = ?),"
					+ " (select max(received_on) from review_complaint where review_id = ? and commune_id = ?),"
					+ " (select max(answered_on) from review_complaint where review_id = ? and commune_id = ?)")
			.params(reviewId, communeId, reviewId, communeId, reviewId, communeId)
			.query((rs, n) -> new StepDates(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.single();
	}

	/**
	 * Takes the next {@code count} numbers of a kind of document of an issuing body in a
	 * year (from 1 on 1 January); the row stays locked until the transaction ends, so two
	 * recognitions under one body never share a number.
	 * @return the first number taken
	 */
	public int takeNumbers(long issuerId, int year, String kind, int count) {
		int last = this.jdbc
			.sql("insert into document_number (issuer_id, year, kind, last_no) values (?, ?, ?, ?)"
					+ " on conflict (issuer_id, year, kind) do update set last_no = document_number.last_no"
					+ " + excluded.last_no returning last_no")
			.params(issuerId, year, kind, count)
			.query(Integer.class)
			.single();
		return last - count + 1;
	}

	// --- listed households

	/**
	 * The households whose address on a date lay in a commune, with that address
	 * (household_id, province_code, commune_id, village_id, unit_path): the earlier
	 * address with the smallest end after the date, else the current one (issue 15's
	 * contract, V55). Named parameters {@code :commune} and {@code :on}.
	 */
	static final String ADDRESS_ON = "(select h.id as household_id, h.province_code, h.commune_id, h.village_id,"
			+ " h.unit_path from household h where h.commune_id = :commune and not exists (select 1"
			+ " from household_address_past p where p.household_id = h.id and p.valid_to > :on)"
			+ " union all select p.household_id, p.province_code, p.commune_id, p.village_id, p.unit_path"
			+ " from household_address_past p where p.commune_id = :commune and p.valid_to > :on"
			+ " and not exists (select 1 from household_address_past q where q.household_id = p.household_id"
			+ " and q.valid_to > :on and q.valid_to < p.valid_to))";

	/**
	 * A household's latest recognised assessment before the review's year ({@code last}
	 * is the year before it), by the key {@code assessment_year}.
	 */
	private static final String LATEST = " left join lateral (select x.classification, x.income_per_capita,"
			+ " x.member_count, x.year from household_assessment x where x.household_id = h.id and x.year <= :last"
			+ " and x.recognised order by x.year desc limit 1) last on true";

	/**
	 * Lists the commune's households: those on the list in force, poor or near-poor by
	 * their latest recognised assessment before the year (all active households when
	 * {@code everyone}), with that assessment's facts and earlier history. The latest,
	 * not strictly last year's: a household not assessed last year keeps its class, as
	 * the figures count it (a commune whose last recognised list is older still reviews
	 * its poor). A household counts where its address was on the review's date
	 * ({@code on}, ADR 0030), so a review of 2024 keeps the old commune's households
	 * after they moved to a 2025 commune. Households already listed are kept.
	 * @return rows inserted
	 */
	public int generate(UUID reviewId, long communeId, int year, LocalDate on, boolean everyone) {
		String who = everyone ? "" : " and last.classification in ('POOR', 'NEAR_POOR')";
		return this.jdbc.sql("insert into review_household (review_id, household_id, province_code, commune_id,"
				+ " village_id, unit_path, origin, last_class, last_income, last_members, ever_poor, ever_near_poor,"
				+ " village_name, head_name_norm, household_code)"
				+ " select :review, h.id, a.province_code, a.commune_id, a.village_id, a.unit_path, 'LIST',"
				+ " last.classification, last.income_per_capita, last.member_count,"
				+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.year < last.year"
				+ "   and e.classification = 'POOR'),"
				+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.year < last.year"
				+ "   and e.classification = 'NEAR_POOR'), v.name, h.head_name_norm, h.code" + " from " + ADDRESS_ON
				+ " a join household h on h.id = a.household_id" + " join admin_unit v on v.id = a.village_id" + LATEST
				+ " where not h.voided and h.status = 'ACTIVE'" + who
				+ " on conflict (review_id, household_id, province_code) do nothing")
			.param("review", reviewId)
			.param("last", year - 1)
			.param("commune", communeId)
			.param("on", on)
			.update();
	}

	/**
	 * Takes into the commune the households of the review listed under the province's
	 * "Chưa xác định xã mới" unit whose village has since been placed in this commune
	 * (ADR 0030): their listing and survey follow them, the commune posts and recognises
	 * them.
	 * @return households taken over
	 */
	public int takeOverPlaced(UUID reviewId, long communeId) {
		return this.jdbc.sql("update review_household rh set commune_id = h.commune_id, village_id = h.village_id,"
				+ " unit_path = h.unit_path, village_name = v.name, version = rh.version + 1, updated_at = now()"
				+ " from household h, admin_unit v, admin_unit old where rh.review_id = ? and h.id = rh.household_id"
				+ " and h.commune_id = ? and v.id = h.village_id and old.id = rh.commune_id and old.placeholder")
			.params(reviewId, communeId)
			.update();
	}

	/**
	 * Lists the households of the commune (by their address on the review's date) with a
	 * pending request to enter (Mẫu 01), or one recognised poor or near-poor during the
	 * review year.
	 */
	public int addRequests(UUID reviewId, long communeId, int year, LocalDate on) {
		return this.jdbc.sql("insert into review_household (review_id, household_id, province_code, commune_id,"
				+ " village_id, unit_path, origin, last_class, last_income, last_members, village_name, head_name_norm,"
				+ " household_code)"
				+ " select distinct on (h.id) :review, h.id, a.province_code, a.commune_id, a.village_id, a.unit_path,"
				+ " 'REQUEST', last.classification, last.income_per_capita, last.member_count, v.name, h.head_name_norm,"
				+ " h.code from " + ADDRESS_ON + " a join review_request q on q.household_id = a.household_id"
				+ " join household h on h.id = a.household_id join admin_unit v on v.id = a.village_id" + LATEST
				+ " where q.form = 'MAU_01' and not h.voided and (q.step = 'REQUESTED'"
				+ " or (q.step = 'RECOGNISED' and q.proposed_class in ('POOR', 'NEAR_POOR')"
				+ " and extract(year from q.received_on) = :year))"
				+ " on conflict (review_id, household_id, province_code) do nothing")
			.param("review", reviewId)
			.param("last", year - 1)
			.param("commune", communeId)
			.param("on", on)
			.param("year", year)
			.update();
	}

	/** Adds one household (a request or a Phiếu A screening) with its history. */
	public Optional<UUID> insertOne(UUID reviewId, UUID householdId, int year, String origin, String phieuA) {
		return this.jdbc
			.sql("insert into review_household (review_id, household_id, province_code, commune_id,"
					+ " village_id, unit_path, origin, phieu_a, last_class, last_income, last_members, ever_poor,"
					+ " ever_near_poor, village_name, head_name_norm, household_code)"
					+ " select ?, h.id, h.province_code, h.commune_id, h.village_id, h.unit_path, ?,"
					+ " cast(? as jsonb), last.classification, last.income_per_capita, last.member_count,"
					+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.year < ?"
					+ "   and e.classification = 'POOR'),"
					+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.year < ?"
					+ "   and e.classification = 'NEAR_POOR'), v.name, h.head_name_norm, h.code"
					+ " from household h join admin_unit v on v.id = h.village_id"
					+ " left join household_assessment last on last.household_id = h.id and last.year = ?"
					+ " where h.id = ? on conflict (review_id, household_id, province_code) do nothing returning id")
			.params(reviewId, origin, phieuA, year - 1, year - 1, year - 1, householdId)
			.query(UUID.class)
			.optional();
	}

	/** A household of the commune by its code. */
	public Optional<UUID> householdByCode(long communeId, String code) {
		return this.jdbc.sql("select id from household where code = ? and commune_id = ? and not voided")
			.params(code, communeId)
			.query(UUID.class)
			.optional();
	}

	/** Listed households of a review by id (full rows). */
	public List<ReviewHousehold> findHouseholds(UUID reviewId, java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(HOUSEHOLD + " where rh.review_id = ? and rh.id = any(?)")
			.params(reviewId, ids.toArray(UUID[]::new))
			.query(this::household)
			.list();
	}

	public Optional<ReviewHousehold> findHousehold(UUID id) {
		return this.jdbc.sql(HOUSEHOLD + " where rh.id = ?").param(id).query(this::household).optional();
	}

	/**
	 * The worklist of a commune, optionally of one village, one reviewer or some steps.
	 * @param reviewer only this reviewer's households, or {@code null}
	 */
	public List<ReviewHousehold> worklist(UUID reviewId, long communeId, Long villageId, String reviewer,
			List<String> steps, int limit, int offset) {
		StringBuilder where = new StringBuilder(" where rh.review_id = ? and rh.commune_id = ?");
		List<Object> params = new java.util.ArrayList<>(List.of(reviewId, communeId));
		if (villageId != null) {
			where.append(" and rh.village_id = ?");
			params.add(villageId);
		}
		if (reviewer != null) {
			where.append(" and rh.reviewer = ?");
			params.add(reviewer);
		}
		if (steps != null && !steps.isEmpty()) {
			where.append(" and rh.step = any (?)");
			params.add(steps.toArray(String[]::new));
		}
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql(HOUSEHOLD_LIST + where + LIST_ORDER + " limit ? offset ?")
			.params(params)
			.query(this::household)
			.list();
	}

	/** A batch of the commune's posted households, full rows (with the explanation). */
	public List<ReviewHousehold> postedBatch(UUID reviewId, long communeId, int limit) {
		return this.jdbc
			.sql(HOUSEHOLD + " where rh.review_id = ? and rh.commune_id = ? and rh.step = 'POSTED'"
					+ " order by v.name, h.head_name_norm, rh.id limit ?")
			.params(reviewId, communeId, limit)
			.query(this::household)
			.list();
	}

	/** Villages of the commune's worklist with counts per reviewer. */
	public List<VillageLoad> villages(UUID reviewId, long communeId) {
		return this.jdbc.sql("select l.village_id, v.name, v.path, l.households, l.reviewers, l.surveyed from"
				+ " (select rh.village_id, count(*) as households, string_agg(distinct rh.reviewer, ', ') as reviewers,"
				+ " count(*) filter (where rh.step <> 'LISTED' and rh.step <> 'RESURVEY') as surveyed"
				+ " from review_household rh where rh.review_id = ? and rh.commune_id = ? group by rh.village_id) l"
				+ " join admin_unit v on v.id = l.village_id order by v.name")
			.params(reviewId, communeId)
			.query((rs, n) -> new VillageLoad(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getLong(6)))
			.list();
	}

	/**
	 * A village of the worklist with its load.
	 *
	 * @param villageId village
	 * @param name name
	 * @param path path
	 * @param households listed households
	 * @param reviewers assigned reviewers
	 * @param surveyed surveyed households
	 */
	public record VillageLoad(long villageId, String name, String path, long households, String reviewers,
			long surveyed) {
	}

	public int assign(UUID reviewId, long villageId, String reviewer) {
		return this.jdbc
			.sql("update review_household set reviewer = ?, version = version + 1, updated_at = now()"
					+ " where review_id = ? and village_id = ? and step <> 'RECOGNISED'")
			.params(reviewer, reviewId, villageId)
			.update();
	}

	private static final String SAVE_SURVEY = "update review_household set step = 'SURVEYED', survey_date = ?,"
			+ " surveyed_by = ?, way = ?, member_count = ?, income_per_capita = ?, score_a = ?, score_b = ?,"
			+ " facts = cast(? as jsonb), deprivations = ?, deprivation_count = ?, proposed_class = ?, poor_subtype = ?,"
			+ " explanation = cast(? as jsonb), flags = ?, causes = ?, needs = ?, phieu_c_note = ?, final_class = null,"
			+ " version = version + 1, updated_at = now() where id = ? and version = ?";

	private Object[] surveyParams(UUID id, int version, Survey s) {
		return new Object[] { s.surveyDate(), s.surveyedBy(), s.way(), s.memberCount(), s.incomePerCapita(), s.scoreA(),
				s.scoreB(), s.factsJson(), s.deprivations().toArray(String[]::new), s.deprivations().size(),
				s.proposedClass(), s.poorSubtype(), this.json.writeValueAsString(s.explanation()),
				s.flags().toArray(String[]::new), s.causes().toArray(String[]::new), s.needs().toArray(String[]::new),
				s.note(), id, version };
	}

	/** Saves a survey and moves the household to SURVEYED. */
	public int saveSurvey(UUID id, int version, Survey s) {
		return this.jdbc.sql(SAVE_SURVEY).params(surveyParams(id, version, s)).update();
	}

	/**
	 * Saves many surveys with one statement (rows passed as one JSON array, so the step
	 * counters run once).
	 * @return whether every household was at the version given
	 */
	public boolean saveSurveys(List<SurveyRow> rows) {
		if (rows.isEmpty()) {
			return true;
		}
		List<Map<String, Object>> json = new ArrayList<>();
		for (SurveyRow r : rows) {
			Survey s = r.survey();
			Map<String, Object> m = new HashMap<>();
			m.put("id", r.id().toString());
			m.put("version", r.version());
			m.put("survey_date", s.surveyDate().toString());
			m.put("surveyed_by", s.surveyedBy());
			m.put("way", s.way());
			m.put("member_count", s.memberCount());
			m.put("income_per_capita", s.incomePerCapita());
			m.put("score_a", s.scoreA());
			m.put("score_b", s.scoreB());
			m.put("facts", this.json.readTree(s.factsJson()));
			m.put("deprivations", s.deprivations());
			m.put("proposed_class", s.proposedClass());
			m.put("poor_subtype", s.poorSubtype());
			m.put("explanation", s.explanation());
			m.put("flags", s.flags());
			m.put("causes", s.causes());
			m.put("needs", s.needs());
			m.put("note", s.note());
			json.add(m);
		}
		int updated = this.jdbc.sql("update review_household rh set step = 'SURVEYED', survey_date = u.survey_date,"
				+ " surveyed_by = u.surveyed_by, way = u.way, member_count = u.member_count,"
				+ " income_per_capita = u.income_per_capita, score_a = u.score_a, score_b = u.score_b, facts = u.facts,"
				+ " deprivations = u.deprivations, deprivation_count = cardinality(u.deprivations),"
				+ " proposed_class = u.proposed_class, poor_subtype = u.poor_subtype, explanation = u.explanation,"
				+ " flags = u.flags, causes = u.causes, needs = u.needs, phieu_c_note = u.note, final_class = null,"
				+ " version = rh.version + 1, updated_at = now() from jsonb_to_recordset(cast(? as jsonb)) as u(id uuid,"
				+ " version int, survey_date date, surveyed_by text, way text, member_count smallint,"
				+ " income_per_capita bigint, score_a int, score_b int, facts jsonb, deprivations text[],"
				+ " proposed_class text, poor_subtype text, explanation jsonb, flags text[], causes text[],"
				+ " needs text[], note text) where rh.id = u.id and rh.version = u.version")
			.param(this.json.writeValueAsString(json))
			.update();
		return updated == rows.size();
	}

	/**
	 * One survey of a batch.
	 *
	 * @param id listed household
	 * @param version its version
	 * @param survey the survey
	 */
	public record SurveyRow(UUID id, int version, Survey survey) {
	}

	/**
	 * A survey to save.
	 *
	 * @param surveyDate survey date
	 * @param surveyedBy reviewer
	 * @param way INCOME or SCORE
	 * @param memberCount members
	 * @param incomePerCapita income per head
	 * @param scoreA score A
	 * @param scoreB score B
	 * @param factsJson the facts as JSON
	 * @param deprivations deprived indicator codes
	 * @param proposedClass class
	 * @param poorSubtype subtype
	 * @param explanation explanation
	 * @param flags consistency flags
	 * @param causes Phiếu C causes
	 * @param needs Phiếu C needs
	 * @param note Phiếu C note
	 */
	public record Survey(LocalDate surveyDate, String surveyedBy, String way, int memberCount, Long incomePerCapita,
			Integer scoreA, Integer scoreB, String factsJson, List<String> deprivations, String proposedClass,
			String poorSubtype, Explanation explanation, List<String> flags, List<String> causes, List<String> needs,
			String note) {
	}

	public int recordVote(UUID id, int version, Step step, UUID meetingId, int agree, String finalClass) {
		return this.jdbc
			.sql("update review_household set step = ?, meeting_id = ?, votes_agree = ?, final_class = ?,"
					+ " version = version + 1, updated_at = now() where id = ? and version = ?")
			.params(step.name(), meetingId, agree, finalClass, id, version)
			.update();
	}

	/**
	 * The votes of a meeting: each household's step, meeting, votes and final class, and
	 * the vote rows of the minutes.
	 * @return whether every household was at the version given
	 */
	public boolean recordVotes(UUID meetingId, String provinceCode, List<VoteRow> rows) {
		List<Map<String, Object>> json = new ArrayList<>();
		for (VoteRow r : rows) {
			Map<String, Object> m = new HashMap<>();
			m.put("id", r.id().toString());
			m.put("version", r.version());
			m.put("step", r.step().name());
			m.put("agree", r.agree());
			m.put("proposed_class", r.proposedClass());
			m.put("final_class", r.finalClass());
			json.add(m);
		}
		String rowsJson = this.json.writeValueAsString(json);
		String columns = " from jsonb_to_recordset(cast(? as jsonb)) as u(id uuid, version int, step text, agree int,"
				+ " proposed_class text, final_class text)";
		int updated = this.jdbc
			.sql("update review_household rh set step = u.step, meeting_id = ?, votes_agree = u.agree,"
					+ " final_class = u.final_class, version = rh.version + 1, updated_at = now()" + columns
					+ " where rh.id = u.id and rh.version = u.version")
			.params(meetingId, rowsJson)
			.update();
		this.jdbc
			.sql("insert into review_vote (meeting_id, review_household_id, province_code, agree, proposed_class,"
					+ " result) select ?, u.id, ?, u.agree, u.proposed_class,"
					+ " case when u.step = 'AGREED' then 'AGREED' else 'RESURVEY' end" + columns)
			.params(meetingId, provinceCode, rowsJson)
			.update();
		return updated == rows.size();
	}

	/**
	 * One household's vote.
	 *
	 * @param id listed household
	 * @param version its version
	 * @param step AGREED or RESURVEY
	 * @param agree votes in favour
	 * @param proposedClass class voted on
	 * @param finalClass class that stands, or {@code null}
	 */
	public record VoteRow(UUID id, int version, Step step, int agree, String proposedClass, String finalClass) {
	}

	/**
	 * Recognises many households in batches.
	 * @return whether every household was at the version given
	 */
	public boolean recogniseAll(List<RecognitionRow> rows) {
		if (rows.isEmpty()) {
			return true;
		}
		List<Map<String, Object>> json = new ArrayList<>();
		for (RecognitionRow r : rows) {
			Map<String, Object> m = new HashMap<>();
			m.put("id", r.id().toString());
			m.put("version", r.version());
			m.put("transition", r.transition());
			m.put("certificate_action", r.certificateAction());
			m.put("certificate_no", r.certificateNo());
			json.add(m);
		}
		int updated = this.jdbc
			.sql("update review_household rh set step = 'RECOGNISED', transition = u.transition,"
					+ " certificate_action = u.certificate_action, certificate_no = u.certificate_no,"
					+ " version = rh.version + 1, updated_at = now() from jsonb_to_recordset(cast(? as jsonb))"
					+ " as u(id uuid, version int, transition text, certificate_action text, certificate_no text)"
					+ " where rh.id = u.id and rh.version = u.version")
			.param(this.json.writeValueAsString(json))
			.update();
		return updated == rows.size();
	}

	/**
	 * One household's recognition.
	 *
	 * @param id listed household
	 * @param version its version
	 * @param transition transition
	 * @param certificateAction certificate action
	 * @param certificateNo certificate number, or {@code null}
	 */
	public record RecognitionRow(UUID id, int version, String transition, String certificateAction,
			String certificateNo) {
	}

	/** Moves every AGREED household of a commune to POSTED. */
	public int postAgreed(UUID reviewId, long communeId) {
		return this.jdbc
			.sql("update review_household set step = 'POSTED', version = version + 1, updated_at = now()"
					+ " where review_id = ? and commune_id = ? and step = 'AGREED'")
			.params(reviewId, communeId)
			.update();
	}

	public int changeFinalClass(UUID id, int version, String finalClass) {
		return this.jdbc
			.sql("update review_household set final_class = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and version = ?")
			.params(finalClass, id, version)
			.update();
	}

	public int recognise(UUID id, int version, String transition, String certificateAction, String certificateNo) {
		return this.jdbc
			.sql("update review_household set step = 'RECOGNISED', transition = ?, certificate_action = ?,"
					+ " certificate_no = ?, version = version + 1, updated_at = now() where id = ? and version = ?")
			.params(transition, certificateAction, certificateNo, id, version)
			.update();
	}

	/** Recognised households per transition. */
	public java.util.Map<String, Long> transitionCounts(UUID reviewId, long communeId) {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select transition, count(*) from review_household where review_id = ? and commune_id = ?"
					+ " and transition is not null and step = 'RECOGNISED' group by transition order by transition")
			.params(reviewId, communeId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** Households of a commune at these steps (from the step counts). */
	public long count(UUID reviewId, long communeId, List<String> steps) {
		return this.jdbc
			.sql("select coalesce(sum(households), 0) from review_step_count where review_id = ? and commune_id = ?"
					+ " and step = any (?)")
			.params(reviewId, communeId, steps.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	// --- province reports

	/** The communes of a review in the scope with their district (when under one). */
	public List<ReportUnit> reportUnits(UUID reviewId, String[] scopePatterns) {
		return this.jdbc
			.sql("select u.commune_id, c.name, d.id, d.name, u.sign_off, u.decision_no"
					+ " from review_unit u join admin_unit c on c.id = u.commune_id"
					+ " left join admin_unit d on d.id = c.parent_id and d.level = 'district'"
					+ " where u.review_id = ? and u.unit_path like any (?) order by d.name nulls first, c.name")
			.params(reviewId, scopePatterns)
			.query((rs, n) -> new ReportUnit(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * A commune of a province report.
	 *
	 * @param communeId commune
	 * @param communeName name
	 * @param districtId district, or {@code null} (two-tier units)
	 * @param districtName district name
	 * @param signOff sign-off status
	 * @param decisionNo recognition decision, or {@code null}
	 */
	public record ReportUnit(long communeId, String communeName, Long districtId, String districtName, String signOff,
			String decisionNo) {
	}

	/**
	 * The listed households of these communes grouped by what a report needs: last year's
	 * class, this year's (final, else proposed), earlier history, whether still waiting
	 * for the survey; households and persons of each group.
	 */
	public void classGroups(UUID reviewId, List<Long> communeIds, java.util.function.Consumer<ClassGroup> groups) {
		if (communeIds.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("select commune_id, last_class, coalesce(final_class, proposed_class), ever_poor, ever_near_poor,"
					+ " step in ('LISTED', 'RESURVEY'), count(*), coalesce(sum(member_count), 0) from review_household"
					+ " where review_id = ? and commune_id = any (?) group by 1, 2, 3, 4, 5, 6")
			.params(reviewId, communeIds.toArray(Long[]::new))
			.query((rs) -> {
				groups.accept(new ClassGroup(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8)));
			});
	}

	/**
	 * Listed households with the same report keys.
	 *
	 * @param communeId commune
	 * @param lastClass last year's class
	 * @param thisClass this year's class (final, else proposed)
	 * @param everPoor poor before last year
	 * @param everNearPoor near-poor before last year
	 * @param pending not surveyed yet (or back to survey)
	 * @param households households
	 * @param persons persons (members at the survey)
	 */
	public record ClassGroup(long communeId, String lastClass, String thisClass, boolean everPoor, boolean everNearPoor,
			boolean pending, long households, long persons) {
	}

	/**
	 * Active households and their living members per commune (registry, read only): the
	 * denominators of the poverty rates.
	 */
	public java.util.Map<Long, long[]> population(List<Long> communeIds) {
		java.util.Map<Long, long[]> found = new java.util.HashMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("select h.commune_id, count(*), coalesce(sum(m.n), 0) from household h"
					+ " left join lateral (select count(*) as n from member m where m.household_id = h.id"
					+ " and not m.voided) m on true"
					+ " where h.commune_id = any (?) and not h.voided and h.status = 'ACTIVE' group by h.commune_id")
			.param(communeIds.toArray(Long[]::new))
			.query((rs) -> {
				found.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return found;
	}

	// --- meetings

	public UUID insertMeeting(UUID reviewId, String provinceCode, long communeId, long villageId, String unitPath,
			MeetingRow m, String by) {
		return this.jdbc
			.sql("insert into review_meeting (review_id, province_code, commune_id, village_id, unit_path, held_on,"
					+ " started_at, ended_at, chair, secretary, attendees, supervisor, note, created_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(reviewId, provinceCode, communeId, villageId, unitPath, m.heldOn(), m.startedAt(), m.endedAt(),
					m.chair(), m.secretary(), m.attendees(), m.supervisor(), m.note(), by)
			.query(UUID.class)
			.single();
	}

	/**
	 * What a meeting records.
	 *
	 * @param heldOn date
	 * @param startedAt start
	 * @param endedAt end
	 * @param chair chair
	 * @param secretary who wrote the minutes
	 * @param attendees attendees
	 * @param supervisor the Fatherland Front's representative
	 * @param note note
	 */
	public record MeetingRow(LocalDate heldOn, LocalTime startedAt, LocalTime endedAt, String chair, String secretary,
			int attendees, String supervisor, String note) {
	}

	private static final String MEETING = "select m.*, v.name as village_name, c.name as commune_name"
			+ " from review_meeting m join admin_unit v on v.id = m.village_id join admin_unit c on c.id = m.commune_id";

	public Optional<Meeting> findMeeting(UUID id) {
		return this.jdbc.sql(MEETING + " where m.id = ?").param(id).query(this::meeting).optional();
	}

	private Meeting meeting(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class),
				rs.getLong("commune_id"), rs.getString("commune_name"), rs.getLong("village_id"),
				rs.getString("village_name"), rs.getString("unit_path"), rs.getObject("held_on", LocalDate.class),
				rs.getObject("started_at", LocalTime.class), rs.getObject("ended_at", LocalTime.class),
				rs.getString("chair"), rs.getString("secretary"), rs.getInt("attendees"), rs.getString("supervisor"),
				rs.getString("note"), rs.getString("created_by"));
	}

	public List<Meeting> meetings(UUID reviewId, long communeId) {
		return this.jdbc
			.sql(MEETING + " where m.review_id = ? and m.commune_id = ? order by m.held_on desc, m.created_at desc")
			.params(reviewId, communeId)
			.query(this::meeting)
			.list();
	}

	public void insertVote(UUID meetingId, UUID reviewHouseholdId, String provinceCode, int agree, String proposedClass,
			String result) {
		this.jdbc
			.sql("insert into review_vote (meeting_id, review_household_id, province_code, agree, proposed_class,"
					+ " result) values (?, ?, ?, ?, ?, ?)")
			.params(meetingId, reviewHouseholdId, provinceCode, agree, proposedClass, result)
			.update();
	}

	/** The votes of a meeting, for its minutes. */
	public List<Vote> votes(UUID meetingId) {
		return this.jdbc.sql("select h.head_name, h.code, v.agree, v.proposed_class, v.result from review_vote v"
				+ " join review_household rh on rh.id = v.review_household_id join household h on h.id = rh.household_id"
				+ " where v.meeting_id = ? order by h.head_name_norm, h.code")
			.param(meetingId)
			.query((rs, n) -> new Vote(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * One household's vote at a meeting.
	 *
	 * @param headName head of household
	 * @param householdCode household code
	 * @param agree votes in favour
	 * @param proposedClass class voted on
	 * @param result AGREED or RESURVEY
	 */
	public record Vote(String headName, String householdCode, int agree, String proposedClass, String result) {
	}

	/** Households voted on at a meeting (their latest meeting). */
	public List<ReviewHousehold> votedAt(UUID meetingId) {
		return this.jdbc.sql(HOUSEHOLD_LIST + " where rh.meeting_id = ? order by rh.head_name_norm, rh.household_code")
			.param(meetingId)
			.query(this::household)
			.list();
	}

	/**
	 * A village meeting.
	 *
	 * @param id id
	 * @param reviewId review
	 * @param communeId commune
	 * @param communeName commune name
	 * @param villageId village
	 * @param villageName village name
	 * @param unitPath village path
	 * @param heldOn date
	 * @param startedAt start, or {@code null} for a meeting recorded before times were
	 * kept
	 * @param endedAt end, or {@code null} likewise
	 * @param chair chair (village head)
	 * @param secretary who wrote the minutes, or {@code null} likewise
	 * @param attendees attendees
	 * @param supervisor the Fatherland Front's representative
	 * @param note note
	 * @param createdBy who recorded it
	 */
	public record Meeting(UUID id, UUID reviewId, long communeId, String communeName, long villageId,
			String villageName, String unitPath, LocalDate heldOn, LocalTime startedAt, LocalTime endedAt, String chair,
			String secretary, int attendees, String supervisor, String note, String createdBy) {
	}

	// --- complaints

	/**
	 * Records a complaint under a tracking number, unless the number is taken.
	 * @return the complaint's id, empty when another complaint has the number
	 */
	public Optional<UUID> insertComplaint(String trackingNo, ReviewHousehold rh, String provinceCode,
			LocalDate receivedOn, String complainant, String content, String contact, String phone) {
		return this.jdbc
			.sql("insert into review_complaint (tracking_no, review_id, review_household_id, province_code, commune_id,"
					+ " unit_path, received_on, complainant, content, contact, phone)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tracking_no, province_code) do nothing returning id")
			.params(trackingNo, rh.reviewId(), rh.id(), provinceCode, rh.communeId(), rh.unitPath(), receivedOn,
					complainant, content, contact, phone)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Failed proofs of a complaint's public answer: the count and when the counting
	 * window began, the row locked until the transaction ends.
	 */
	public ProofFailures proofFailures(UUID id) {
		return this.jdbc.sql("select proof_failures, proof_window_from from review_complaint where id = ? for update")
			.param(id)
			.query((rs, n) -> new ProofFailures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
			.single();
	}

	public void updateProofFailures(UUID id, int failures, OffsetDateTime windowFrom) {
		this.jdbc.sql("update review_complaint set proof_failures = ?, proof_window_from = ? where id = ?")
			.params(failures, windowFrom, id)
			.update();
	}

	/**
	 * Failed proofs counted in a window.
	 *
	 * @param failures failures in the window
	 * @param windowFrom first failure of the window, or null
	 */
	public record ProofFailures(int failures, OffsetDateTime windowFrom) {
	}

	private static final String COMPLAINT = "select k.*, h.head_name, v.name as village_name from review_complaint k"
			+ " join review_household rh on rh.id = k.review_household_id join household h on h.id = rh.household_id"
			+ " join admin_unit v on v.id = rh.village_id";

	public Optional<Complaint> findComplaint(UUID id) {
		return this.jdbc.sql(COMPLAINT + " where k.id = ?").param(id).query(this::complaint).optional();
	}

	public Optional<Complaint> findComplaintByTracking(String trackingNo) {
		return this.jdbc.sql(COMPLAINT + " where k.tracking_no = ?")
			.param(trackingNo)
			.query(this::complaint)
			.optional();
	}

	public List<Complaint> complaints(UUID reviewId, long communeId) {
		return this.jdbc.sql(COMPLAINT + " where k.review_id = ? and k.commune_id = ? order by k.tracking_no")
			.params(reviewId, communeId)
			.query(this::complaint)
			.list();
	}

	public long openComplaints(UUID reviewId, long communeId) {
		return this.jdbc
			.sql("select count(*) from review_complaint where review_id = ? and commune_id = ? and status = 'RECEIVED'")
			.params(reviewId, communeId)
			.query(Long.class)
			.single();
	}

	public int answerComplaint(UUID id, int version, String recheckClass, String outcome, String answer,
			LocalDate answeredOn, String by) {
		return this.jdbc
			.sql("update review_complaint set status = 'ANSWERED', recheck_class = ?, outcome = ?, answer = ?,"
					+ " answered_on = ?, answered_by = ?, version = version + 1 where id = ? and version = ?")
			.params(recheckClass, outcome, answer, answeredOn, by, id, version)
			.update();
	}

	/**
	 * A complaint about a posted result.
	 *
	 * @param id id
	 * @param trackingNo tracking number given to the complainant
	 * @param reviewId review
	 * @param reviewHouseholdId household in the review
	 * @param communeId commune
	 * @param unitPath village path
	 * @param headName head of the household complained about
	 * @param villageName village
	 * @param receivedOn received
	 * @param complainant who complains
	 * @param content what
	 * @param contact other contact given (an address), or null
	 * @param phone phone given (digits), or null
	 * @param status RECEIVED or ANSWERED
	 * @param recheckClass class found by the re-check
	 * @param outcome UPHELD or CHANGED
	 * @param answer the answer
	 * @param answeredOn answered
	 * @param version version
	 */
	public record Complaint(UUID id, String trackingNo, UUID reviewId, UUID reviewHouseholdId, long communeId,
			String unitPath, String headName, String villageName, LocalDate receivedOn, String complainant,
			String content, String contact, String phone, String status, String recheckClass, String outcome,
			String answer, LocalDate answeredOn, int version) {

		/** The same complaint with the phone as a viewer may see it. */
		public Complaint withPhone(String shown) {
			return new Complaint(this.id, this.trackingNo, this.reviewId, this.reviewHouseholdId, this.communeId,
					this.unitPath, this.headName, this.villageName, this.receivedOn, this.complainant, this.content,
					this.contact, shown, this.status, this.recheckClass, this.outcome, this.answer, this.answeredOn,
					this.version);
		}

	}

	// --- mapping

	private Review review(ResultSet rs, int n) throws SQLException {
		return new Review(rs.getObject("id", UUID.class), rs.getString("province_code"), rs.getLong("province_id"),
				rs.getString("province_name"), rs.getString("province_path"), rs.getInt("year"),
				rs.getString("standard_key"), rs.getObject("window_from", LocalDate.class),
				rs.getObject("window_to", LocalDate.class), rs.getString("created_by"), rs.getInt("version"));
	}

	private ReviewUnit unit(ResultSet rs, int n) throws SQLException {
		return new ReviewUnit(rs.getObject("review_id", UUID.class), rs.getLong("commune_id"),
				rs.getString("commune_name"), rs.getString("province_code"), rs.getString("unit_path"),
				SignOff.valueOf(rs.getString("sign_off")), rs.getString("sign_off_reason"), rs.getString("sign_off_by"),
				rs.getObject("posted_from", LocalDate.class), rs.getObject("posted_to", LocalDate.class),
				rs.getString("posting_places"), rs.getString("decision_no"),
				rs.getObject("decision_date", LocalDate.class), rs.getString("decision_signer"),
				rs.getInt("certificate_seq"), rs.getInt("version"), rs.getBoolean("placeholder"));
	}

	private ReviewHousehold household(ResultSet rs, int n) throws SQLException {
		String explanation = rs.getString("explanation");
		String facts = rs.getString("facts");
		return new ReviewHousehold(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getString("household_code"), rs.getString("head_name"),
				rs.getLong("commune_id"), rs.getLong("village_id"), rs.getString("village_name"),
				rs.getString("unit_path"), rs.getString("origin"), Step.valueOf(rs.getString("step")),
				rs.getString("last_class"), (Long) rs.getObject("last_income"), integer(rs, "last_members"),
				rs.getBoolean("ever_poor"), rs.getBoolean("ever_near_poor"), rs.getString("reviewer"),
				rs.getObject("survey_date", LocalDate.class), rs.getString("way"), integer(rs, "member_count"),
				(Long) rs.getObject("income_per_capita"), integer(rs, "score_a"), integer(rs, "score_b"),
				strings(rs.getArray("deprivations")), rs.getString("proposed_class"),
				(explanation != null) ? this.json.readValue(explanation, Explanation.class) : null,
				strings(rs.getArray("flags")), strings(rs.getArray("causes")), strings(rs.getArray("needs")),
				integer(rs, "votes_agree"), integer(rs, "meeting_attendees"), rs.getString("final_class"),
				rs.getString("transition"), rs.getString("certificate_action"), rs.getString("certificate_no"),
				rs.getInt("version"), (facts != null) ? this.json.readValue(facts, SurveyFacts.class) : null,
				rs.getString("phieu_c_note"));
	}

	private Complaint complaint(ResultSet rs, int n) throws SQLException {
		return new Complaint(rs.getObject("id", UUID.class), rs.getString("tracking_no"),
				rs.getObject("review_id", UUID.class), rs.getObject("review_household_id", UUID.class),
				rs.getLong("commune_id"), rs.getString("unit_path"), rs.getString("head_name"),
				rs.getString("village_name"), rs.getObject("received_on", LocalDate.class), rs.getString("complainant"),
				rs.getString("content"), rs.getString("contact"), rs.getString("phone"), rs.getString("status"),
				rs.getString("recheck_class"), rs.getString("outcome"), rs.getString("answer"),
				rs.getObject("answered_on", LocalDate.class), rs.getInt("version"));
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class);
	}

}
