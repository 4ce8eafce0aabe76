package vn.giamngheo.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.review.InYearRequest;
import vn.giamngheo.review.domain.Step;

/** In-year requests (Mẫu 01 / Mẫu 04). */
@Repository
public class RequestRepository {

	private static final String REQUEST = "select q.*, h.code as household_code, h.head_name, c.name as commune_name"
			+ " from review_request q join household h on h.id = q.household_id join admin_unit c on c.id = q.commune_id";

	private final JdbcClient jdbc;

	public RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest recognised class of a household, or empty. */
	public Optional<String> latestClass(UUID householdId) {
		return this.jdbc
			.sql("select classification from household_assessment where household_id = ? order by year desc limit 1")
			.param(householdId)
			.query(String.class)
			.optional();
	}

	/** A household by its code. */
	public Optional<UUID> householdByCode(String code) {
		return this.jdbc.sql("select id from household where code = ? and not voided")
			.param(code)
			.query(UUID.class)
			.optional();
	}

	public boolean hasOpenRequest(UUID householdId) {
		return this.jdbc
			.sql("select count(*) from review_request where household_id = ? and step in ('REQUESTED', 'SURVEYED')")
			.param(householdId)
			.query(Long.class)
			.single() > 0;
	}

	public long nextNumber(long communeId, int year) {
		return this.jdbc
			.sql("select count(*) + 1 from review_request where commune_id = ? and extract(year from received_on) = ?")
			.params(communeId, year)
			.query(Long.class)
			.single();
	}

	public UUID insert(String trackingNo, UUID householdId, String provinceCode, long communeId, String unitPath,
			String form, LocalDate receivedOn, LocalDate dueOn, String applicant, String reason, String lastClass) {
		return this.jdbc
			.sql("insert into review_request (tracking_no, household_id, province_code, commune_id, unit_path, form,"
					+ " received_on, due_on, applicant, reason, last_class) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " returning id")
			.params(trackingNo, householdId, provinceCode, communeId, unitPath, form, receivedOn, dueOn, applicant,
					reason, lastClass)
			.query(UUID.class)
			.single();
	}

	public Optional<InYearRequest> find(UUID id) {
		return this.jdbc.sql(REQUEST + " where q.id = ?").param(id).query(this::request).optional();
	}

	/** Requests in the scope, newest first; only the open ones when asked. */
	public List<InYearRequest> list(String[] scopePatterns, boolean openOnly, int limit) {
		return this.jdbc
			.sql(REQUEST + " where q.unit_path like any (?)"
					+ (openOnly ? " and q.step in ('REQUESTED', 'SURVEYED')" : "")
					+ " order by q.received_on desc, q.tracking_no desc limit ?")
			.params(scopePatterns, limit)
			.query(this::request)
			.list();
	}

	public int saveSurvey(UUID id, int version, LocalDate surveyDate, String way, Long income, Integer scoreA,
			Integer scoreB, String proposedClass, String explanationJson) {
		return this.jdbc
			.sql("update review_request set step = 'SURVEYED', survey_date = ?, way = ?, income_per_capita = ?,"
					+ " score_a = ?, score_b = ?, proposed_class = ?, explanation = cast(? as jsonb),"
					+ " version = version + 1 where id = ? and version = ?")
			.params(surveyDate, way, income, scoreA, scoreB, proposedClass, explanationJson, id, version)
			.update();
	}

	/** The survey of a request: its date, deprivation score and explanation (JSON). */
	public java.util.Optional<SurveyRecord> survey(UUID id) {
		return this.jdbc
			.sql("select survey_date, score_b, explanation::text from review_request where id = ?"
					+ " and survey_date is not null")
			.param(id)
			.query((rs, n) -> new SurveyRecord(rs.getObject(1, LocalDate.class), (Integer) rs.getObject(2),
					rs.getString(3)))
			.optional();
	}

	/**
	 * The survey of a request.
	 *
	 * @param surveyDate survey date
	 * @param scoreB deprivation score
	 * @param explanationJson the engine's explanation (JSON)
	 */
	public record SurveyRecord(LocalDate surveyDate, Integer scoreB, String explanationJson) {
	}

	public int decide(UUID id, int version, Step step, String decisionNo, LocalDate decisionDate, String transition,
			String refusal, String by) {
		return this.jdbc
			.sql("update review_request set step = ?, decision_no = ?, decision_date = ?, transition = ?,"
					+ " refusal_reason = ?, decided_by = ?, version = version + 1 where id = ? and version = ?")
			.params(step.name(), decisionNo, decisionDate, transition, refusal, by, id, version)
			.update();
	}

	private InYearRequest request(ResultSet rs, int n) throws SQLException {
		return new InYearRequest(rs.getObject("id", UUID.class), rs.getString("tracking_no"),
				rs.getObject("household_id", UUID.class), rs.getString("household_code"), rs.getString("head_name"),
				rs.getLong("commune_id"), rs.getString("commune_name"), rs.getString("province_code"),
				rs.getString("unit_path"), rs.getString("form"), rs.getObject("received_on", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getString("applicant"), rs.getString("reason"),
				Step.valueOf(rs.getString("step")), rs.getString("last_class"), rs.getString("way"),
				(Long) rs.getObject("income_per_capita"), ReviewRepository.integer(rs, "score_a"),
				rs.getString("proposed_class"), rs.getString("refusal_reason"), rs.getString("decision_no"),
				rs.getObject("decision_date", LocalDate.class), rs.getString("transition"), rs.getInt("version"));
	}

}
