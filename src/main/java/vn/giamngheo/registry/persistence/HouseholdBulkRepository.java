package vn.giamngheo.registry.persistence;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.registry.BulkAssessment;
import vn.giamngheo.registry.BulkHousehold;
import vn.giamngheo.registry.BulkMember;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.shared.Laps;
import vn.giamngheo.shared.db.CopyText;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Bulk SQL of the registry for file imports and exports: lookups by many keys at once,
 * COPY for new rows, JDBC batches for updates, and a streamed read for exports.
 */
@Repository
public class HouseholdBulkRepository {

	private static final Logger log = LoggerFactory.getLogger(HouseholdBulkRepository.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	private final HouseholdRepository rows;

	static final String HOUSEHOLD_COLUMNS = "id, province_code, code, commune_id, village_id, unit_path, head_name,"
			+ " head_name_norm, address, urban, ethnic_minority, social_protection, meritorious, phone, status";

	static final String MEMBER_COLUMNS = "id, household_id, province_code, full_name, full_name_norm, sex,"
			+ " date_of_birth, ethnicity_code, relation, cccd, phone, education_level, in_school, employment,"
			+ " health_insurance, disability, social_allowance, malnourished, ill_no_care, sort_order";

	static final String ASSESSMENT_COLUMNS = "id, household_id, province_code, year, standard_key, member_count,"
			+ " income_per_capita, water_source, latrine, deprivations, deprivation_count, classification, decision_no";

	public HouseholdBulkRepository(JdbcClient jdbc, DataSource dataSource, HouseholdRepository rows) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(2000);
		this.rows = rows;
	}

	/** Households (voided too) with these codes. */
	public List<Household> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(HouseholdRepository.HOUSEHOLD + " where h.code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(this.rows::household)
			.list();
	}

	public List<Household> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(HouseholdRepository.HOUSEHOLD + " where h.id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(this.rows::household)
			.list();
	}

	/**
	 * Living members with these citizen IDs in households of units matching the patterns
	 * (a holder outside them is not revealed, ADR 0017): cccd → member.
	 */
	public Map<String, Member> membersByCccd(Collection<String> cccds, String[] unitPatterns) {
		Map<String, Member> found = new HashMap<>();
		if (cccds.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql(HouseholdRepository.MEMBER + " where m.cccd = any(?) and not m.voided and exists (select 1"
					+ " from household h where h.id = m.household_id and h.unit_path like any(?))")
			.params(cccds.toArray(String[]::new), unitPatterns)
			.query(this.rows::member)
			.list()
			.forEach((m) -> found.put(m.cccd(), m));
		return found;
	}

	/**
	 * Living households whose living head has this folded name and date of birth in this
	 * village: "name|yyyy-mm-dd|villageId" → household ids.
	 */
	public Map<String, List<UUID>> byHeadNameBirthVillage(List<String> names, List<String> dates, List<Long> villages) {
		Map<String, List<UUID>> found = new HashMap<>();
		if (names.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("select h.id, m.full_name_norm, m.date_of_birth, h.village_id from member m"
					+ " join household h on h.id = m.household_id"
					+ " join unnest(?::text[], ?::date[], ?::bigint[]) k(name, dob, village)"
					+ " on m.full_name_norm = k.name and m.date_of_birth = k.dob and h.village_id = k.village"
					+ " where m.relation = 'HEAD' and not m.voided and not h.voided")
			.params(names.toArray(String[]::new), dates.toArray(String[]::new), villages.toArray(Long[]::new))
			.query((rs, n) -> {
				found
					.computeIfAbsent(rs.getString(2) + "|" + rs.getDate(3).toLocalDate() + "|" + rs.getLong(4),
							(k) -> new ArrayList<>())
					.add(rs.getObject(1, UUID.class));
				return null;
			})
			.list();
		return found;
	}

	/** Living members of these households. */
	public List<Member> members(Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(HouseholdRepository.MEMBER + " where m.household_id = any(?) and not m.voided order by m.sort_order")
			.param(householdIds.toArray(UUID[]::new))
			.query(this.rows::member)
			.list();
	}

	public List<BulkAssessment> assessments(Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from household_assessment where household_id = any(?)")
			.param(householdIds.toArray(UUID[]::new))
			.query((rs, n) -> {
				Array d = rs.getArray("deprivations");
				return new BulkAssessment(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
						rs.getString("province_code"), rs.getInt("year"), rs.getString("standard_key"),
						rs.getInt("member_count"), rs.getObject("income_per_capita", Long.class),
						rs.getString("water_source"), rs.getString("latrine"),
						(d != null) ? Arrays.asList((String[]) d.getArray()) : List.of(),
						rs.getString("classification"), rs.getString("decision_no"), rs.getInt("version"));
			})
			.list();
	}

	/**
	 * What the audit shows of the assessments of a year these households already have:
	 * household → classification, standard, income, decision, source.
	 */
	public Map<UUID, Map<String, Object>> recognisedBefore(Collection<UUID> householdIds, int year) {
		Map<UUID, Map<String, Object>> found = new java.util.HashMap<>();
		if (householdIds.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("select household_id, classification, standard_key, income_per_capita, decision_no, source"
					+ " from household_assessment where household_id = any(?) and year = ?")
			.params(householdIds.toArray(UUID[]::new), year)
			.query((rs) -> {
				Map<String, Object> old = new java.util.LinkedHashMap<>();
				old.put("classification", rs.getString(2));
				old.put("standardKey", rs.getString(3));
				old.put("incomePerCapita", rs.getObject(4, Long.class));
				old.put("decisionNo", rs.getString(5));
				old.put("source", rs.getString(6));
				found.put(rs.getObject(1, UUID.class), old);
			});
		return found;
	}

	/**
	 * Upserts recognised assessments with one statement (rows as one JSON array; the
	 * province code of each household given).
	 */
	public void upsertRecognised(List<vn.giamngheo.registry.RecognisedAssessment> assessments,
			Map<UUID, String> provinceCodes) {
		if (assessments.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (vn.giamngheo.registry.RecognisedAssessment a : assessments) {
			Map<String, Object> m = new HashMap<>();
			m.put("household_id", a.householdId().toString());
			m.put("province_code", provinceCodes.get(a.householdId()));
			m.put("year", a.year());
			m.put("standard_key", a.standardKey());
			m.put("survey_date", (a.surveyDate() != null) ? a.surveyDate().toString() : null);
			m.put("member_count", a.memberCount());
			m.put("income_per_capita", a.incomePerCapita());
			m.put("score_a", a.scoreA());
			m.put("score_b", a.scoreB());
			m.put("deprivations", a.deprivations());
			m.put("classification", a.classification());
			m.put("poor_subtype", a.poorSubtype());
			m.put("decision_no", a.decisionNo());
			m.put("decision_date", (a.decisionDate() != null) ? a.decisionDate().toString() : null);
			m.put("facts", a.factsJson());
			m.put("explanation", a.explanationJson());
			m.put("reason", a.reason());
			rows.add(m);
		}
		this.jdbc.sql(HouseholdRepository.RECOGNISED_COLUMNS + " select u.household_id, u.province_code, u.year,"
				+ " u.standard_key, u.survey_date, u.member_count, u.income_per_capita, u.score_a, u.score_b,"
				+ " u.deprivations, cardinality(u.deprivations), u.classification, u.poor_subtype, true, u.decision_no,"
				+ " u.decision_date, 'REVIEW', cast(u.facts as jsonb), cast(u.explanation as jsonb), u.reason"
				+ " from jsonb_to_recordset(cast(? as jsonb)) as u(household_id uuid, province_code text, year int,"
				+ " standard_key text, survey_date date, member_count int, income_per_capita bigint, score_a int,"
				+ " score_b int, deprivations text[], classification text, poor_subtype text, decision_no text,"
				+ " decision_date date, facts text, explanation text, reason text)"
				+ HouseholdRepository.RECOGNISED_CONFLICT)
			.param(JSON.writeValueAsString(rows))
			.update();
	}

	/**
	 * The villages of a commune's active households (the capture check of a whole
	 * commune).
	 */
	public List<String> activeVillagePaths(long communeId) {
		return this.jdbc
			.sql("select distinct unit_path from household where commune_id = ? and not voided and status = 'ACTIVE'")
			.param(communeId)
			.query(String.class)
			.list();
	}

	/**
	 * An active household of a commune without a class of a year yet.
	 *
	 * @param householdId household
	 * @param provinceCode province
	 * @param unitPath village path
	 * @param createdAt when it was recorded
	 * @param members its living members
	 * @param latestRecognised its latest recognised class before the year, or
	 * {@code null}
	 */
	public record Unclassed(UUID householdId, String provinceCode, String unitPath, OffsetDateTime createdAt,
			int members, String latestRecognised) {
	}

	/** The commune's active households that have no class of the year. */
	public List<Unclassed> unclassed(long communeId, int year) {
		return this.jdbc.sql("select h.id, h.province_code, h.unit_path, h.created_at,"
				+ " (select count(*) from member m where m.household_id = h.id and not m.voided),"
				+ " (select x.classification from household_assessment x where x.household_id = h.id"
				+ " and x.year < ? and x.recognised order by x.year desc limit 1)"
				+ " from household h where h.commune_id = ? and not h.voided and h.status = 'ACTIVE'"
				+ " and not exists (select 1 from household_assessment y where y.household_id = h.id and y.year = ?)")
			.params(year, communeId, year)
			.query((rs, n) -> new Unclassed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getString(6)))
			.list();
	}

	/**
	 * A class of a review year written for a household that was not reviewed in it.
	 *
	 * @param household the household
	 * @param classification class written
	 * @param recognised recognised by the decision
	 * @param reason why it was not reviewed
	 */
	public record NotReviewed(Unclassed household, String classification, boolean recognised, String reason) {
	}

	/**
	 * Writes the classes of a year for households that were not reviewed in it, under the
	 * commune's decision; a household that got a class meanwhile keeps it.
	 * @return the households written
	 */
	public java.util.Set<UUID> insertNotReviewed(List<NotReviewed> rows, int year, String standardKey,
			String decisionNo, LocalDate decisionDate) {
		List<Map<String, Object>> json = new ArrayList<>(rows.size());
		for (NotReviewed r : rows) {
			Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("household_id", r.household().householdId().toString());
			m.put("province_code", r.household().provinceCode());
			m.put("member_count", Math.min(r.household().members(), Short.MAX_VALUE));
			m.put("classification", r.classification());
			m.put("recognised", r.recognised());
			m.put("reason", r.reason());
			json.add(m);
		}
		return this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key,"
					+ " member_count, classification, recognised, decision_no, decision_date, source, reason)"
					+ " select u.household_id, u.province_code, ?, ?, u.member_count, u.classification, u.recognised,"
					+ " ?, ?, 'REVIEW', u.reason from jsonb_to_recordset(cast(? as jsonb)) as u(household_id uuid,"
					+ " province_code text, member_count int, classification text, recognised boolean, reason text)"
					+ " on conflict (household_id, year) do nothing returning household_id")
			.params(year, standardKey, decisionNo, decisionDate, JSON.writeValueAsString(json))
			.query(UUID.class)
			.set();
	}

	private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

	public void insertHouseholds(List<BulkHousehold> households) {
		copyHouseholds("household (" + HOUSEHOLD_COLUMNS + ")", null, null, households);
	}

	private void copyHouseholds(String target, UUID batch, String action, List<BulkHousehold> households) {
		if (households.isEmpty()) {
			return;
		}
		try (CopyText copy = CopyText.open(this.dataSource, target)) {
			for (BulkHousehold h : households) {
				staged(copy, batch, action).field(h.id())
					.field(h.provinceCode())
					.field(h.code())
					.field(h.communeId())
					.field(h.data().villageId())
					.field(h.unitPath())
					.field(h.headName())
					.field(TextNormalizer.fold(h.headName()))
					.field(TextNormalizer.blankToNull(h.data().address()))
					.field(h.urban())
					.field(h.data().ethnicMinority())
					.field(h.data().socialProtection())
					.field(h.data().meritorious())
					.field(TextNormalizer.blankToNull(h.data().phone()))
					.field(h.data().status())
					.end();
			}
		}
	}

	/**
	 * Inserts members with COPY; a citizen ID another living record holds is written
	 * pending (ADR 0017).
	 */
	public void insertMembers(List<BulkMember> members) {
		if (members.isEmpty()) {
			return;
		}
		String[] cccds = members.stream()
			.map((m) -> TextNormalizer.blankToNull(m.data().cccd()))
			.filter(java.util.Objects::nonNull)
			.toArray(String[]::new);
		java.util.Set<String> held = new java.util.HashSet<>(
				this.jdbc.sql("select cccd from member where cccd = any(?) and not voided and not cccd_pending")
					.param(cccds)
					.query(String.class)
					.list());
		copyMembers("member (" + MEMBER_COLUMNS + ", cccd_pending)", null, null, members, held);
	}

	private void copyMembers(String target, UUID batch, String action, List<BulkMember> members,
			java.util.Set<String> held) {
		if (members.isEmpty()) {
			return;
		}
		try (CopyText copy = CopyText.open(this.dataSource, target)) {
			for (BulkMember bm : members) {
				MemberData m = bm.data();
				staged(copy, batch, action).field(bm.id())
					.field(bm.householdId())
					.field(bm.provinceCode())
					.field(m.fullName())
					.field(TextNormalizer.fold(m.fullName()))
					.field(m.sex().code())
					.field(m.dateOfBirth())
					.field(m.ethnicityCode())
					.field(m.relation())
					.field(TextNormalizer.blankToNull(m.cccd()))
					.field(TextNormalizer.blankToNull(m.phone()))
					.field(m.educationLevel())
					.field(m.inSchool())
					.field(m.employment())
					.field(m.healthInsurance())
					.field(m.disability())
					.field(m.socialAllowance())
					.field(m.malnourished())
					.field(m.illNoCare())
					.field(bm.sortOrder());
				if (held != null) {
					copy.field(held.contains(TextNormalizer.blankToNull(m.cccd())));
				}
				copy.end();
			}
		}
	}

	public void insertAssessments(List<BulkAssessment> assessments) {
		copyAssessments("household_assessment (" + ASSESSMENT_COLUMNS + ", source)", null, null, assessments);
	}

	private void copyAssessments(String target, UUID batch, String action, List<BulkAssessment> assessments) {
		if (assessments.isEmpty()) {
			return;
		}
		try (CopyText copy = CopyText.open(this.dataSource, target)) {
			for (BulkAssessment a : assessments) {
				staged(copy, batch, action).field(a.id())
					.field(a.householdId())
					.field(a.provinceCode())
					.field(a.year())
					.field(a.standardKey())
					.field(a.memberCount())
					.field(a.incomePerCapita())
					.field(a.waterSource())
					.field(a.latrine())
					.array(a.deprivations())
					.field(a.deprivations().size())
					.field(a.classification())
					.field(a.decisionNo());
				if (batch == null) {
					copy.field("IMPORT");
				}
				copy.end();
			}
		}
	}

	public void updateHouseholds(List<BulkHousehold> households) {
		this.template.batchUpdate("update household set village_id = ?, unit_path = ?, head_name = ?,"
				+ " head_name_norm = ?, address = ?, urban = ?, ethnic_minority = ?, social_protection = ?,"
				+ " meritorious = ?, phone = ?, status = ?, version = version + 1, updated_at = now() where id = ?",
				households, 1000, (ps, h) -> {
					ps.setLong(1, h.data().villageId());
					ps.setString(2, h.unitPath());
					ps.setString(3, h.headName());
					ps.setString(4, TextNormalizer.fold(h.headName()));
					ps.setString(5, TextNormalizer.blankToNull(h.data().address()));
					ps.setBoolean(6, h.urban());
					ps.setBoolean(7, h.data().ethnicMinority());
					ps.setBoolean(8, h.data().socialProtection());
					ps.setBoolean(9, h.data().meritorious());
					ps.setString(10, TextNormalizer.blankToNull(h.data().phone()));
					ps.setString(11, h.data().status());
					ps.setObject(12, h.id());
				});
	}

	public void updateMembers(List<BulkMember> members) {
		this.template.batchUpdate("update member set full_name = ?, full_name_norm = ?, sex = ?, date_of_birth = ?,"
				+ " ethnicity_code = ?, relation = ?, cccd = ?, phone = ?, education_level = ?, in_school = ?,"
				+ " employment = ?, health_insurance = ?, disability = ?, social_allowance = ?, malnourished = ?,"
				+ " ill_no_care = ?, cccd_pending = " + HouseholdRepository.PENDING + ","
				+ " version = version + 1, updated_at = now() where id = ?", members, 1000, (ps, bm) -> {
					MemberData m = bm.data();
					ps.setString(1, m.fullName());
					ps.setString(2, TextNormalizer.fold(m.fullName()));
					ps.setString(3, m.sex().code());
					ps.setDate(4, Date.valueOf(m.dateOfBirth()));
					ps.setString(5, m.ethnicityCode());
					ps.setString(6, m.relation());
					ps.setString(7, TextNormalizer.blankToNull(m.cccd()));
					ps.setString(8, TextNormalizer.blankToNull(m.phone()));
					ps.setString(9, m.educationLevel());
					ps.setBoolean(10, m.inSchool());
					ps.setString(11, m.employment());
					ps.setBoolean(12, m.healthInsurance());
					ps.setBoolean(13, m.disability());
					ps.setBoolean(14, m.socialAllowance());
					ps.setBoolean(15, m.malnourished());
					ps.setBoolean(16, m.illNoCare());
					ps.setString(17, TextNormalizer.blankToNull(m.cccd()));
					ps.setString(18, TextNormalizer.blankToNull(m.cccd()));
					ps.setObject(19, bm.id());
					ps.setObject(20, bm.id());
				});
	}

	public void updateAssessments(List<BulkAssessment> assessments) {
		this.template.batchUpdate("update household_assessment set standard_key = ?, member_count = ?,"
				+ " income_per_capita = ?, water_source = ?, latrine = ?, deprivations = ?::text[],"
				+ " deprivation_count = ?, classification = ?, decision_no = ?, version = version + 1 where id = ?",
				assessments, 1000, (ps, a) -> {
					ps.setString(1, a.standardKey());
					ps.setInt(2, a.memberCount());
					ps.setObject(3, a.incomePerCapita());
					ps.setString(4, a.waterSource());
					ps.setString(5, a.latrine());
					ps.setString(6, "{" + String.join(",", a.deprivations()) + "}");
					ps.setInt(7, a.deprivations().size());
					ps.setString(8, a.classification());
					ps.setString(9, a.decisionNo());
					ps.setObject(10, a.id());
				});
	}

	public int voidHouseholds(Collection<UUID> ids, String reason) {
		return ids.isEmpty() ? 0 : this.jdbc
			.sql("update household set voided = true, void_reason = ?, version = version + 1, updated_at = now()"
					+ " where id = any(?) and not voided")
			.params(reason, ids.toArray(UUID[]::new))
			.update();
	}

	public int voidMembers(Collection<UUID> ids, String reason) {
		return ids.isEmpty() ? 0
				: this.jdbc
					.sql("update member set voided = true, void_reason = ?, version = version + 1, updated_at = now()"
							+ " where id = any(?) and not voided")
					.params(reason, ids.toArray(UUID[]::new))
					.update();
	}

	/**
	 * Removes assessments an import created (its revert); history rows of reviews are
	 * never removed.
	 */
	public int deleteImportedAssessments(Collection<UUID> ids) {
		return ids.isEmpty() ? 0
				: this.jdbc.sql("delete from household_assessment where id = any(?) and source = 'IMPORT'")
					.param(ids.toArray(UUID[]::new))
					.update();
	}

	/** Rows changed after {@code since} among these (households, members). */
	public int changedSince(Collection<UUID> householdIds, Collection<UUID> memberIds, java.time.OffsetDateTime since) {
		Integer n = this.jdbc
			.sql("select (select count(*) from household where id = any(?) and updated_at > ?)"
					+ " + (select count(*) from member where id = any(?) and updated_at > ?)")
			.params(householdIds.toArray(UUID[]::new), since, memberIds.toArray(UUID[]::new), since)
			.query(Integer.class)
			.single();
		return (n == null) ? 0 : n;
	}

	/**
	 * Streams households of a filter with their living members and the year's assessment,
	 * one result row per member (households without members: one row, member columns
	 * null), ordered by household code.
	 */
	public void stream(String where, List<Object> params, int year, RowCallbackHandler handler) {
		stream(where, params, year, true, handler);
	}

	/**
	 * Rows of an export, with one row per living member, or ({@code members} false) one
	 * per household with empty member columns.
	 */
	public void stream(String where, List<Object> params, int year, boolean members, RowCallbackHandler handler) {
		List<Object> all = new ArrayList<>();
		all.add(year);
		all.addAll(params);
		this.template.query("select h.id, h.code, h.province_code, h.unit_path, c.code as commune_code,"
				+ " c.name as commune_name, v.name as village_name, h.head_name, h.address, h.urban, h.ethnic_minority,"
				+ " h.social_protection, h.meritorious, h.phone as household_phone, h.status, a.year, a.classification,"
				+ " a.income_per_capita, a.deprivations, a.water_source, a.latrine, m.full_name, m.sex,"
				+ " m.date_of_birth, m.ethnicity_code, m.relation, m.cccd, m.phone, m.education_level, m.in_school,"
				+ " m.employment, m.health_insurance, m.disability, m.social_allowance, m.malnourished, m.ill_no_care"
				+ " from household h left join household_assessment a on a.household_id = h.id and a.year = ?"
				+ " join admin_unit c on c.id = h.commune_id join admin_unit v on v.id = h.village_id"
				+ " left join member m on " + (members ? "m.household_id = h.id and not m.voided" : "false") + where
				+ " order by h.code, m.sort_order, m.date_of_birth", handler, all.toArray());
	}

	/** The number of rows {@link #stream} writes for the same filter. */
	public long count(String where, List<Object> params, int year, boolean members) {
		List<Object> all = new ArrayList<>();
		all.add(year);
		all.addAll(params);
		return this.jdbc
			.sql("select count(*) from household h left join household_assessment a on a.household_id = h.id"
					+ " and a.year = ?"
					+ (members ? " left join member m on m.household_id = h.id and not m.voided" : "") + where)
			.params(all)
			.query(Long.class)
			.single();
	}

	private static CopyText staged(CopyText copy, UUID batch, String action) {
		return (batch == null) ? copy : copy.field(batch).field(action);
	}

	/** Forgets what a batch staged. */
	public void dropStaged(UUID batch) {
		for (String table : List.of("bulk_stage_household", "bulk_stage_member", "bulk_stage_assessment",
				"bulk_stage")) {
			this.jdbc.sql("delete from " + table + " where batch_id = ?").param(batch).update();
		}
	}

	/** Stages new and changed rows of a batch (the rows the commit will write). */
	public void stage(UUID batch, List<BulkHousehold> newHouseholds, List<BulkHousehold> changedHouseholds,
			List<BulkMember> newMembers, List<BulkMember> changedMembers, List<BulkAssessment> newAssessments,
			List<BulkAssessment> changedAssessments) {
		Laps laps = new Laps();
		String h = "bulk_stage_household (batch_id, action, " + HOUSEHOLD_COLUMNS + ")";
		copyHouseholds(h, batch, "CREATE", newHouseholds);
		copyHouseholds(h, batch, "UPDATE", changedHouseholds);
		laps.lap("households");
		String m = "bulk_stage_member (batch_id, action, " + MEMBER_COLUMNS + ")";
		copyMembers(m, batch, "CREATE", newMembers, null);
		copyMembers(m, batch, "UPDATE", changedMembers, null);
		laps.lap("members");
		String a = "bulk_stage_assessment (batch_id, action, " + ASSESSMENT_COLUMNS + ")";
		copyAssessments(a, batch, "CREATE", newAssessments);
		copyAssessments(a, batch, "UPDATE", changedAssessments);
		laps.lap("assessments");
		long rows = (long) newHouseholds.size() + changedHouseholds.size() + newMembers.size() + changedMembers.size()
				+ newAssessments.size() + changedAssessments.size();
		this.jdbc.sql("insert into bulk_stage (batch_id, rows) values (?, ?)").params(batch, rows).update();
		if (rows > 10_000) {
			// fresh statistics for the commit's joins: unanalyzed staging tables looked
			// empty to the planner, whose nested loops then ran for minutes
			this.jdbc.sql("analyze bulk_stage_household, bulk_stage_member, bulk_stage_assessment").update();
			laps.lap("statistics");
		}
		log.info("Batch {}: rows staged in {}", batch, laps);
	}

	/**
	 * Whether a batch has a staged plan (not when never staged, applied, or emptied by a
	 * crash of the database).
	 */
	public boolean isStaged(UUID batch) {
		return this.jdbc.sql("select count(*) from bulk_stage where batch_id = ?")
			.param(batch)
			.query(Long.class)
			.single() > 0;
	}

	/** Records the versions a plan read (replacing what the batch recorded before). */
	public void seen(UUID batch, Iterable<HouseholdBulk.Seen> seen) {
		forgetSeen(batch);
		try (CopyText copy = CopyText.open(this.dataSource,
				"bulk_seen (batch_id, row_id, household_id, kind, code, version)")) {
			for (HouseholdBulk.Seen s : seen) {
				copy.field(batch)
					.field(s.rowId())
					.field(s.householdId())
					.field(s.kind())
					.field(s.code())
					.field(s.version())
					.end();
			}
		}
	}

	/** The versions a batch's plan read. */
	public List<HouseholdBulk.Seen> seen(UUID batch) {
		return this.jdbc.sql("select kind, row_id, household_id, code, version from bulk_seen where batch_id = ?")
			.param(batch)
			.query((rs, n) -> new HouseholdBulk.Seen(rs.getString(1), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5)))
			.list();
	}

	public void forgetSeen(UUID batch) {
		this.jdbc.sql("delete from bulk_seen where batch_id = ?").param(batch).update();
	}

	/**
	 * Households of a staged plan the registry changed under since the plan was made, in
	 * the order of the file's codes:
	 * <ul>
	 * <li>CHANGED: a stored household the plan changes whose row, or a member or
	 * classification the plan read, has another version now (edited, voided, written by
	 * another import or a review), or which has a member or classification the plan did
	 * not read (added since);</li>
	 * <li>CODE_TAKEN: a household the plan creates whose code another household took
	 * since;</li>
	 * <li>CCCD_TAKEN: a household with a staged member whose citizen ID another living
	 * member holds now, in units matching the patterns (the user's view scope: a holder
	 * outside it makes the record pending and is not revealed, ADR 0017).</li>
	 * </ul>
	 */
	public List<HouseholdBulk.Conflict> conflicts(UUID batch, String[] unitPatterns) {
		return this.jdbc.sql("""
				select s.household_id as planned, s.code, s.household_id as stored, 'CHANGED' as reason
				from bulk_seen s join household h on h.id = s.household_id
				where s.batch_id = :batch and s.kind = 'HOUSEHOLD' and (h.version <> s.version or h.voided
				  or exists (select 1 from bulk_seen x left join member m on m.id = x.row_id
				    where x.batch_id = :batch and x.household_id = s.household_id and x.kind = 'MEMBER'
				    and (m.id is null or m.version <> x.version or m.voided or m.household_id <> x.household_id))
				  or exists (select 1 from member m where m.household_id = s.household_id and not m.voided
				    and not exists (select 1 from bulk_seen x where x.batch_id = :batch and x.row_id = m.id))
				  or exists (select 1 from bulk_seen x left join household_assessment a on a.id = x.row_id
				    where x.batch_id = :batch and x.household_id = s.household_id and x.kind = 'ASSESSMENT'
				    and (a.id is null or a.version <> x.version))
				  or exists (select 1 from household_assessment a where a.household_id = s.household_id
				    and not exists (select 1 from bulk_seen x where x.batch_id = :batch and x.row_id = a.id)))
				union all
				select s.id, s.code, h.id, 'CODE_TAKEN' from bulk_stage_household s join household h on h.code = s.code
				where s.batch_id = :batch and s.action = 'CREATE' and h.id <> s.id
				union all
				select s.household_id, coalesce(n.code, x.code, h.code), m.household_id, 'CCCD_TAKEN'
				from bulk_stage_member s join member m on m.cccd = s.cccd and not m.voided and m.id <> s.id
				join household hm on hm.id = m.household_id and hm.unit_path like any(:patterns)
				left join bulk_stage_household n on n.batch_id = :batch and n.id = s.household_id
				left join bulk_seen x on x.batch_id = :batch and x.row_id = s.household_id
				left join household h on h.id = s.household_id
				where s.batch_id = :batch and s.cccd is not null
				order by 2""")
			.param("batch", batch)
			.param("patterns", unitPatterns)
			.query((rs, n) -> new HouseholdBulk.Conflict(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
	}

	/**
	 * Takes these households (and their members and classifications) out of a staged
	 * plan.
	 */
	public void leaveOut(UUID batch, Collection<UUID> households) {
		UUID[] ids = households.toArray(UUID[]::new);
		this.jdbc.sql("delete from bulk_stage_household where batch_id = ? and id = any(?)")
			.params(batch, ids)
			.update();
		for (String table : List.of("bulk_stage_member", "bulk_stage_assessment")) {
			this.jdbc.sql("delete from " + table + " where batch_id = ? and household_id = any(?)")
				.params(batch, ids)
				.update();
		}
	}

	/**
	 * Rows of a staged plan: households created and updated, members created and updated,
	 * classifications created or updated.
	 */
	public HouseholdBulk.Counts stagedCounts(UUID batch) {
		return this.jdbc.sql("""
				select (select count(*) from bulk_stage_household where batch_id = :b and action = 'CREATE'),
				  (select count(*) from bulk_stage_household where batch_id = :b and action = 'UPDATE'),
				  (select count(*) from bulk_stage_member where batch_id = :b and action = 'CREATE'),
				  (select count(*) from bulk_stage_member where batch_id = :b and action = 'UPDATE'),
				  (select count(*) from bulk_stage_assessment where batch_id = :b)""")
			.param("b", batch)
			.query((rs, n) -> new HouseholdBulk.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5)))
			.single();
	}

	/**
	 * Unit paths (villages) every staged row of a batch touches, read before it is
	 * applied: where staged households are and will be, and where the households of
	 * staged members and classifications are (stored, or staged as new).
	 */
	public List<String> stagedPaths(UUID batch) {
		return this.jdbc.sql("""
				select s.unit_path from bulk_stage_household s where s.batch_id = :batch
				union
				select h.unit_path from household h join bulk_stage_household s on s.id = h.id and s.batch_id = :batch
				union
				select h.unit_path from household h where h.id in (
				  select household_id from bulk_stage_member where batch_id = :batch
				  union select household_id from bulk_stage_assessment where batch_id = :batch)""")
			.param("batch", batch)
			.query(String.class)
			.list();
	}

	/**
	 * The audit rows of the households a batch creates, one per household with the fields
	 * of {@code HouseholdBulk}'s Java audit rows ({"field": {"old": null, "new": value}}
	 * for every field with a value), its members counted and its classifications listed
	 * (ADR 0013); for {@code AuditBatch.recordSelected} after the staged rows are
	 * applied. The JSON is put together as text: PostgreSQL's jsonb_build_object took 16
	 * s for 400,000 rows of this size, text 2 s. Parameters: actor, reason, batch.
	 */
	public static final String CREATED_AUDIT = "select :actor, 'CREATE', 'HOUSEHOLD', s.id::text, s.id, s.unit_path,"
			+ " s.province_code, ('{' || "
			+ created("code code", "headName head_name", "villageId village_id", "address? address", "urban urban",
					"ethnicMinority ethnic_minority", "socialProtection social_protection", "meritorious meritorious",
					"phone? phone", "status status", "members coalesce(m.n, 0)", "classifications? a.classes")
			+ " || '}')::jsonb, :reason from bulk_stage_household s"
			+ " left join (select household_id, count(*) as n from bulk_stage_member where batch_id = :batch"
			+ " and action = 'CREATE' group by household_id) m on m.household_id = s.id"
			+ " left join (select household_id, string_agg(year || ' ' || classification, ', ' order by year) as classes"
			+ " from bulk_stage_assessment where batch_id = :batch and action = 'CREATE' group by household_id) a"
			+ " on a.household_id = s.id where s.batch_id = :batch and s.action = 'CREATE'";

	/**
	 * The JSON text of a created row's changes from "field expression" pairs ("field?"
	 * when the value may be null: then the field is left out, as AuditTrail.diff does). A
	 * bare column name is read from the staged row {@code s}.
	 */
	private static String created(String... fields) {
		StringBuilder sql = new StringBuilder();
		boolean first = true;
		for (String f : fields) {
			int space = f.indexOf(' ');
			String key = f.substring(0, space).replace("?", "");
			String expr = f.substring(space + 1);
			expr = expr.matches("[a-z_]+") ? "s." + expr : expr;
			String change = "'\"" + key + "\":{\"old\":null,\"new\":' || to_json(" + expr + ")::text || '}'";
			if (f.substring(0, space).endsWith("?")) {
				sql.append(" || case when ")
					.append(expr)
					.append(" is null then '' else ',' || ")
					.append(change)
					.append(" end");
			}
			else {
				sql.append(first ? "" : " || ','").append(first ? "" : " || ").append(change);
				first = false;
			}
		}
		return sql.toString();
	}

	/** Writes the staged rows of a batch with set-based statements. */
	public void applyStaged(UUID batch) {
		Laps laps = new Laps();
		this.jdbc
			.sql("insert into household (" + HOUSEHOLD_COLUMNS + ") select " + HOUSEHOLD_COLUMNS
					+ " from bulk_stage_household where batch_id = ? and action = 'CREATE'")
			.param(batch)
			.update();
		laps.lap("households created");
		this.jdbc.sql("update household h set village_id = s.village_id, unit_path = s.unit_path,"
				+ " head_name = s.head_name, head_name_norm = s.head_name_norm, address = s.address, urban = s.urban,"
				+ " ethnic_minority = s.ethnic_minority, social_protection = s.social_protection,"
				+ " meritorious = s.meritorious, phone = s.phone, status = s.status, version = h.version + 1,"
				+ " updated_at = now() from bulk_stage_household s"
				+ " where s.batch_id = ? and s.action = 'UPDATE' and h.id = s.id")
			.param(batch)
			.update();
		laps.lap("households updated");
		this.jdbc
			.sql("insert into member (" + MEMBER_COLUMNS + ", cccd_pending) select " + MEMBER_COLUMNS
					+ ", (s.cccd is not null and exists (select 1 from member x where x.cccd = s.cccd and not x.voided"
					+ " and not x.cccd_pending)) from bulk_stage_member s where s.batch_id = ? and s.action = 'CREATE'")
			.param(batch)
			.update();
		laps.lap("members created");
		this.jdbc.sql("update member m set full_name = s.full_name, full_name_norm = s.full_name_norm, sex = s.sex,"
				+ " date_of_birth = s.date_of_birth, ethnicity_code = s.ethnicity_code, relation = s.relation,"
				+ " cccd = s.cccd, phone = s.phone, education_level = s.education_level, in_school = s.in_school,"
				+ " employment = s.employment, health_insurance = s.health_insurance, disability = s.disability,"
				+ " social_allowance = s.social_allowance, malnourished = s.malnourished, ill_no_care = s.ill_no_care,"
				+ " cccd_pending = (s.cccd is not null and exists (select 1 from member x where x.cccd = s.cccd"
				+ " and x.id <> m.id and not x.voided and not x.cccd_pending)),"
				+ " version = m.version + 1, updated_at = now() from bulk_stage_member s"
				+ " where s.batch_id = ? and s.action = 'UPDATE' and m.id = s.id")
			.param(batch)
			.update();
		laps.lap("members updated");
		this.jdbc
			.sql("insert into household_assessment (" + ASSESSMENT_COLUMNS + ", source) select " + ASSESSMENT_COLUMNS
					+ ", 'IMPORT' from bulk_stage_assessment where batch_id = ? and action = 'CREATE'")
			.param(batch)
			.update();
		laps.lap("assessments created");
		this.jdbc
			.sql("update household_assessment a set standard_key = s.standard_key, member_count = s.member_count,"
					+ " income_per_capita = s.income_per_capita, water_source = s.water_source, latrine = s.latrine,"
					+ " deprivations = s.deprivations, deprivation_count = s.deprivation_count,"
					+ " classification = s.classification, decision_no = s.decision_no, version = a.version + 1"
					+ " from bulk_stage_assessment s" + " where s.batch_id = ? and s.action = 'UPDATE' and a.id = s.id")
			.param(batch)
			.update();
		laps.lap("assessments updated");
		log.info("Batch {}: staged rows applied in {}", batch, laps);
	}

}
