package vn.giamngheo.registry.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.registry.Assessment;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRow;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * SQL for households, members and their yearly assessments. Every list filters by scope.
 */
@Repository
public class HouseholdRepository {

	static final String HOUSEHOLD = "select h.*, c.name as commune_name, v.name as village_name"
			+ " from household h join admin_unit c on c.id = h.commune_id join admin_unit v on v.id = h.village_id";

	static final String MEMBER = "select m.*, e.name as ethnicity_name from member m"
			+ " join ethnicity e on e.code = m.ethnicity_code";

	private final JdbcClient jdbc;

	public HouseholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Household> find(UUID id) {
		return this.jdbc.sql(HOUSEHOLD + " where h.id = ?").param(id).query(this::household).optional();
	}

	/**
	 * Latest review year with any assessment in the province (all provinces when null).
	 */
	public Optional<Integer> latestYear(String provinceCode) {
		int year = this.jdbc
			.sql("select coalesce(max(year), 0) from household_assessment"
					+ " where (cast(? as text) is null or province_code = ?)")
			.params(provinceCode, provinceCode)
			.query(Integer.class)
			.single();
		return (year == 0) ? Optional.empty() : Optional.of(year);
	}

	/** Counts at most this many matches; a list shows "more than" beyond it. */
	public static final long COUNT_CAP = 10_000;

	public Page<HouseholdRow> search(HouseholdQuery query, Long communeId, String unitPath, String[] scopePatterns,
			int year) {
		List<Object> params = new ArrayList<>();
		String where = filter(query, communeId, unitPath, scopePatterns, params);
		String from = " from household h left join household_assessment a on a.household_id = h.id and a.year = ?"
				+ " join admin_unit v on v.id = h.village_id";
		List<Object> all = new ArrayList<>();
		all.add(year);
		all.addAll(params);
		List<Object> countParams = new ArrayList<>(all);
		countParams.add(COUNT_CAP + 1);
		long total = this.jdbc.sql("select count(*) from (select 1" + from + where + " limit ?) capped")
			.params(countParams)
			.query(Long.class)
			.single();
		String order = switch (query.sort()) {
			case "head" -> "h.head_name_norm";
			case "village" -> "v.name_norm";
			case "class" -> "a.classification";
			default -> "h.code";
		};
		String direction = query.desc() ? " desc" : " asc";
		List<Object> pageParams = new ArrayList<>(all);
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		List<HouseholdRow> rows = this.jdbc
			.sql("select h.id, h.code, h.head_name, h.village_id, v.name as village_name, h.urban, h.ethnic_minority,"
					+ " h.status, a.classification, (select count(*) from member m where m.household_id = h.id"
					+ " and not m.voided) as members" + from + where + " order by " + order + direction
					+ ", h.code limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new HouseholdRow(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getString("head_name"), rs.getLong("village_id"), rs.getString("village_name"),
					rs.getInt("members"), rs.getBoolean("urban"), rs.getBoolean("ethnic_minority"),
					rs.getString("classification"), year, rs.getString("status")))
			.list();
		return new Page<>(rows, query.page(), query.size(), total);
	}

	/**
	 * The where clause of a household list (alias {@code h} household, {@code a} the
	 * year's assessment), adding its parameters to {@code params}.
	 */
	public static String filter(HouseholdQuery query, Long communeId, String unitPath, String[] scopePatterns,
			List<Object> params) {
		StringBuilder where = new StringBuilder(" where not h.voided");
		if (!(scopePatterns.length == 1 && "/%".equals(scopePatterns[0]))) {
			// one LIKE per scope path (not LIKE ANY): each prefix can use the path index
			where.append(" and (");
			for (int i = 0; i < scopePatterns.length; i++) {
				where.append((i == 0) ? "" : " or ").append("h.unit_path like ?");
				params.add(scopePatterns[i]);
			}
			where.append(scopePatterns.length == 0 ? "false)" : ")");
		}
		if (communeId != null) {
			where.append(" and h.commune_id = ?");
			params.add(communeId);
		}
		else if (unitPath != null) {
			where.append(" and h.unit_path like ?");
			params.add(unitPath + "%");
		}
		if (query.villageId() != null) {
			where.append(" and h.village_id = ?");
			params.add(query.villageId());
		}
		if (query.classification() != null && !query.classification().isBlank()) {
			where.append(" and a.classification = ?");
			params.add(query.classification());
		}
		String q = (query.q() != null) ? query.q().trim() : "";
		if (q.matches("[0-9]{12}")) {
			where.append(" and h.id in (select household_id from member where cccd = ? and not voided)");
			params.add(q);
		}
		else if (!q.isEmpty()) {
			where.append(" and h.head_name_norm like ?");
			params
				.add("%" + TextNormalizer.fold(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return where.toString();
	}

	public List<Member> members(UUID householdId, boolean includeVoided) {
		return this.jdbc
			.sql(MEMBER + " where m.household_id = ?" + (includeVoided ? "" : " and not m.voided")
					+ " order by m.voided, m.sort_order, m.date_of_birth")
			.param(householdId)
			.query(this::member)
			.list();
	}

	public Optional<Member> findMember(UUID memberId) {
		return this.jdbc.sql(MEMBER + " where m.id = ?").param(memberId).query(this::member).optional();
	}

	/** The living member holding this citizen ID, if any. */
	public Optional<Member> findMemberByCccd(String cccd) {
		return this.jdbc.sql(MEMBER + " where m.cccd = ? and not m.voided").param(cccd).query(this::member).optional();
	}

	public List<Assessment> assessments(UUID householdId) {
		return this.jdbc.sql("select * from household_assessment where household_id = ? order by year desc")
			.param(householdId)
			.query(this::assessment)
			.list();
	}

	public UUID insertHousehold(String provinceCode, String code, long communeId, String unitPath, String headName,
			HouseholdData data, boolean urban) {
		return this.jdbc.sql(
				"insert into household (province_code, code, commune_id, village_id, unit_path, head_name, head_name_norm,"
						+ " address, urban, ethnic_minority, social_protection, meritorious, phone, status)"
						+ " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id")
			.params(provinceCode, code, communeId, data.villageId(), unitPath, headName, TextNormalizer.fold(headName),
					data.address(), urban, data.ethnicMinority(), data.socialProtection(), data.meritorious(),
					emptyToNull(data.phone()), data.status())
			.query(UUID.class)
			.single();
	}

	public int updateHousehold(UUID id, int version, HouseholdData data, String unitPath, boolean urban) {
		return this.jdbc
			.sql("update household set village_id = ?, unit_path = ?, address = ?, urban = ?, ethnic_minority = ?,"
					+ " social_protection = ?, meritorious = ?, phone = ?, status = ?, version = version + 1,"
					+ " updated_at = now() where id = ? and version = ? and not voided")
			.params(data.villageId(), unitPath, data.address(), urban, data.ethnicMinority(), data.socialProtection(),
					data.meritorious(), emptyToNull(data.phone()), data.status(), id, version)
			.update();
	}

	public int updateHeadName(UUID householdId, String headName) {
		return this.jdbc.sql("update household set head_name = ?, head_name_norm = ? where id = ?")
			.params(headName, TextNormalizer.fold(headName), householdId)
			.update();
	}

	public int voidHousehold(UUID id, int version, String reason) {
		return this.jdbc
			.sql("update household set voided = true, void_reason = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and version = ? and not voided")
			.params(reason, id, version)
			.update();
	}

	public long countHouseholdsWithCodePrefix(String prefix) {
		return this.jdbc.sql("select count(*) from household where code like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	public UUID insertMember(UUID householdId, String provinceCode, MemberData m, int sortOrder) {
		return this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, cccd, phone, education_level, in_school, employment, health_insurance,"
					+ " disability, social_allowance, malnourished, ill_no_care, sort_order)"
					+ " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id")
			.params(householdId, provinceCode, m.fullName(), TextNormalizer.fold(m.fullName()), m.sex().code(),
					m.dateOfBirth(), m.ethnicityCode(), m.relation(), emptyToNull(m.cccd()), emptyToNull(m.phone()),
					m.educationLevel(), m.inSchool(), m.employment(), m.healthInsurance(), m.disability(),
					m.socialAllowance(), m.malnourished(), m.illNoCare(), sortOrder)
			.query(UUID.class)
			.single();
	}

	public int updateMember(UUID memberId, int version, MemberData m) {
		return this.jdbc
			.sql("update member set full_name = ?, full_name_norm = ?, sex = ?, date_of_birth = ?, ethnicity_code = ?,"
					+ " relation = ?, cccd = ?, phone = ?, education_level = ?, in_school = ?, employment = ?,"
					+ " health_insurance = ?, disability = ?, social_allowance = ?, malnourished = ?, ill_no_care = ?,"
					+ " version = version + 1, updated_at = now() where id = ? and version = ? and not voided")
			.params(m.fullName(), TextNormalizer.fold(m.fullName()), m.sex().code(), m.dateOfBirth(), m.ethnicityCode(),
					m.relation(), emptyToNull(m.cccd()), emptyToNull(m.phone()), m.educationLevel(), m.inSchool(),
					m.employment(), m.healthInsurance(), m.disability(), m.socialAllowance(), m.malnourished(),
					m.illNoCare(), memberId, version)
			.update();
	}

	public int voidMember(UUID memberId, int version, String reason) {
		return this.jdbc
			.sql("update member set voided = true, void_reason = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and version = ? and not voided")
			.params(reason, memberId, version)
			.update();
	}

	public int touchHousehold(UUID id) {
		return this.jdbc.sql("update household set version = version + 1, updated_at = now() where id = ?")
			.param(id)
			.update();
	}

	public boolean ethnicityExists(String code) {
		return this.jdbc.sql("select count(*) from ethnicity where code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	public List<String[]> ethnicities() {
		return this.jdbc.sql("select code, name, name_en from ethnicity order by code")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
	}

	private static String emptyToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

	Household household(ResultSet rs, int n) throws SQLException {
		return new Household(rs.getObject("id", UUID.class), rs.getString("province_code"), rs.getString("code"),
				rs.getLong("commune_id"), rs.getString("commune_name"), rs.getLong("village_id"),
				rs.getString("village_name"), rs.getString("unit_path"), rs.getString("head_name"),
				rs.getString("address"), rs.getBoolean("urban"), rs.getBoolean("ethnic_minority"),
				rs.getBoolean("social_protection"), rs.getBoolean("meritorious"), rs.getString("phone"),
				rs.getString("status"), rs.getBoolean("synthetic"), rs.getInt("version"), rs.getBoolean("voided"),
				rs.getString("void_reason"));
	}

	Member member(ResultSet rs, int n) throws SQLException {
		return new Member(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("full_name"), rs.getString("sex"), rs.getObject("date_of_birth", LocalDate.class),
				rs.getString("ethnicity_code"), rs.getString("ethnicity_name"), rs.getString("relation"),
				rs.getString("cccd"), rs.getString("phone"), rs.getString("education_level"),
				rs.getBoolean("in_school"), rs.getString("employment"), rs.getBoolean("health_insurance"),
				rs.getBoolean("disability"), rs.getBoolean("social_allowance"), rs.getBoolean("malnourished"),
				rs.getBoolean("ill_no_care"), rs.getInt("version"), rs.getBoolean("voided"),
				rs.getString("void_reason"));
	}

	private Assessment assessment(ResultSet rs, int n) throws SQLException {
		Array deprivations = rs.getArray("deprivations");
		List<String> codes = (deprivations != null) ? Arrays.asList((String[]) deprivations.getArray()) : List.of();
		return new Assessment(rs.getInt("year"), rs.getString("standard_key"),
				rs.getObject("survey_date", LocalDate.class), rs.getInt("member_count"),
				rs.getObject("income_per_capita", Long.class), rs.getObject("score_a", Integer.class),
				rs.getObject("score_b", Integer.class), rs.getString("housing_quality"),
				rs.getBigDecimal("floor_area_m2"), rs.getString("water_source"), rs.getString("latrine"),
				rs.getObject("telecom_use", Boolean.class), rs.getObject("internet_use", Boolean.class),
				rs.getObject("info_devices", Boolean.class), rs.getObject("loudspeaker_reach", Boolean.class),
				rs.getString("waste_handling"), codes, rs.getInt("deprivation_count"), rs.getString("classification"),
				rs.getString("poor_subtype"), rs.getBoolean("recognised"), rs.getString("decision_no"),
				rs.getObject("decision_date", LocalDate.class), rs.getString("source"));
	}

}
