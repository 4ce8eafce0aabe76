package vn.giamngheo.registry.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowCallbackHandler;
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
import vn.giamngheo.shared.db.Like;
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

	private volatile int nameWindow = NAME_WINDOW;

	public HouseholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Household> find(UUID id) {
		return this.jdbc.sql(HOUSEHOLD + " where h.id = ?").param(id).query(this::household).optional();
	}

	/**
	 * Latest recognised review year of the province's households (all provinces when
	 * null). An assessment carries the province of its day, so after the 2025 reform the
	 * households of Đà Nẵng (48) hold Quảng Nam's (49) assessments: the year is looked up
	 * under the province's code and those of the provinces whose communes went into it
	 * (the crosswalk). An assessment not yet recognised (a review under way) does not
	 * make a year.
	 */
	public Optional<Integer> latestYear(String provinceCode) {
		// two statements, not one "(? is null or province_code = ?)": the server's
		// generic plan of that one, used after five calls, read all 4.8 million
		// assessments of the full demo on every list page (7.7 s each under the load
		// test of 07/12/2026); per code, a backward walk of (province_code, year)
		int year = ((provinceCode == null)
				? this.jdbc.sql("select coalesce(max(year), 0) from household_assessment where recognised")
				: this.jdbc
					.sql("select coalesce(max((select max(a.year) from household_assessment a"
							+ " where a.province_code = l.code and a.recognised)), 0) from unnest(?::text[]) l(code)")
					.param(provinceCodes(provinceCode).toArray(String[]::new)))
			.query(Integer.class)
			.single();
		return (year == 0) ? Optional.empty() : Optional.of(year);
	}

	private record Codes(List<String> codes, long at) {
	}

	private final Map<String, Codes> provinceCodes = new ConcurrentHashMap<>();

	/**
	 * A province's code and those of the provinces whose communes went into it (the
	 * reform's crosswalk: reference data), kept for five minutes: the join costs 2–10 ms
	 * and every list page asks.
	 */
	List<String> provinceCodes(String provinceCode) {
		long now = System.nanoTime();
		Codes known = this.provinceCodes.get(provinceCode);
		if (known != null && now - known.at() < 300_000_000_000L) {
			return known.codes();
		}
		List<String> codes = this.jdbc
			.sql("select ?::text union select o.province_code from admin_unit n cross join lateral (select"
					+ " c.old_unit_id from unit_crosswalk c where c.new_unit_id = n.id offset 0) c join admin_unit o"
					+ " on o.id = c.old_unit_id where n.province_code = ? and n.level = 'commune'")
			.params(provinceCode, provinceCode)
			.query(String.class)
			.list();
		this.provinceCodes.put(provinceCode, new Codes(codes, now));
		return codes;
	}

	/**
	 * A page of households. How the filters are written decides the plan, and the right
	 * plan depends on sizes the planner misjudges:
	 * <ul>
	 * <li>inside a commune or village (≤ a few thousand rows) the commune/village index
	 * drives and a name is matched with {@code strpos} on those rows; the province-wide
	 * trigram index would cost ~20 ms for a common name ("nguyen");</li>
	 * <li>a name searched over a province in code order is a range of the name-start
	 * index (ADR 0060); over the nation, or in another order, the trigram index finds the
	 * rows, and a province-wide path prefix is checked on them ({@code starts_with})
	 * instead of being intersected with 400,000 path-index entries;</li>
	 * <li>a class filter inside a commune or village is one pass: the rows and their
	 * count ({@code count(*) over ()}) come from the same join;</li>
	 * <li>when all rows lie in one province ({@code provinceCode}) the province's own
	 * code index gives the order: the household code index would walk other provinces'
	 * households first;</li>
	 * <li>every execution is planned with its values ({@code force_custom_plan}): a
	 * village and the nation, a rare and a common name share one statement.</li>
	 * </ul>
	 */
	public Page<HouseholdRow> search(HouseholdQuery query, Long communeId, String unitPath, String[] scopePatterns,
			int year, String provinceCode) {
		String cls = (query.classification() != null && !query.classification().isBlank()) ? query.classification()
				: null;
		boolean small = communeId != null || query.villageId() != null;
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		if (cls == null && !small && provinceCode != null && query.isNameSearch() && "code".equals(query.sort())
				&& !query.desc()) {
			return searchByNameStarts(query, unitPath, scopePatterns, year, provinceCode);
		}
		List<Object> params = new ArrayList<>();
		String where = filter(query, communeId, unitPath, scopePatterns, provinceCode, params);
		long total = -1;
		if (cls == null || !small) {
			// the count needs the year's assessment only to filter by class, never the
			// village
			List<Object> countParams = new ArrayList<>();
			String countFrom = " from household h";
			if (cls != null) {
				countFrom += " join household_assessment a on a.household_id = h.id and a.year = ?"
						+ " and a.classification = ?";
				countParams.add(year);
				countParams.add(cls);
			}
			countParams.addAll(params);
			countParams.add(query.countCap() + 1);
			total = this.jdbc.sql("select count(*) from (select 1" + countFrom + where + " limit ?) capped")
				.params(countParams)
				.query(Long.class)
				.single();
		}
		List<Object> pageParams = new ArrayList<>();
		pageParams.add(year);
		pageParams.addAll(params);
		if (cls != null) {
			where += " and a.classification = ?";
			pageParams.add(cls);
		}
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		String order = switch (query.sort()) {
			case "head" -> "h.head_name_norm";
			case "village" -> "v.name_norm";
			case "class" -> "a.classification";
			// one province: its own code index (V7, collation "C") gives the order
			default -> (provinceCode != null && !small && (unitPath == null || depth(unitPath) <= 1))
					? "h.code collate \"C\"" : "h.code";
		};
		long[] counted = { total };
		List<HouseholdRow> rows = this.jdbc
			.sql("select h.id, h.code, h.head_name, h.village_id, v.name as village_name, h.urban, h.ethnic_minority,"
					+ " h.status, a.classification, (select count(*) from member m where m.household_id = h.id"
					+ " and not m.voided) as members" + ((total < 0) ? ", count(*) over () as total_rows" : "")
					+ " from household h left join household_assessment a on a.household_id = h.id and a.year = ?"
					+ " join admin_unit v on v.id = h.village_id" + where + " order by " + order
					+ (query.desc() ? " desc" : " asc") + ", h.code limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> {
				if (counted[0] < 0) {
					counted[0] = rs.getLong("total_rows");
				}
				return row(rs, year);
			})
			.list();
		if (counted[0] < 0) {
			// a page past the end: no row carried the count
			counted[0] = rows.isEmpty() && query.page() == 0 ? 0 : countClass(where, year, params, cls);
		}
		return new Page<>(rows, query.page(), query.size(), counted[0]);
	}

	/**
	 * A province-wide name search in code order (ADR 0060): the households whose head's
	 * name has a word start beginning with the words typed are a range of the index
	 * {@code household_name_start_pkey}, read in one statement that stops after the first
	 * {@code countCap() + 1} rows and returns the count and, when the range ended before,
	 * the page. A household whose name starts two matching ranges (a short query, "t" in
	 * "tran thi thu") is one row of the count; when such repeats leave the count
	 * undecided the range is read further. Above the cap ("Hơn 1.000 hộ") the page comes
	 * from the bounded walk in code order ({@link #pageByWindow}), else from the whole
	 * range.
	 */
	private Page<HouseholdRow> searchByNameStarts(HouseholdQuery query, String unitPath, String[] scopePatterns,
			int year, String provinceCode) {
		long cap = query.countCap();
		long limit = cap + 1;
		while (true) {
			List<HouseholdRow> rows = new ArrayList<>();
			long[] counted = pickByNameStarts(query, unitPath, scopePatterns, year, provinceCode, limit, rows);
			if (counted[1] < limit) {
				return new Page<>(rows, query.page(), query.size(), Math.min(counted[0], cap + 1));
			}
			if (counted[0] > cap) {
				List<HouseholdRow> page = pageByWindow(query, unitPath, scopePatterns, year, provinceCode)
					.orElseGet(() -> {
						List<HouseholdRow> all = new ArrayList<>();
						pickByNameStarts(query, unitPath, scopePatterns, year, provinceCode, Long.MAX_VALUE, all);
						return all;
					});
				return new Page<>(page, query.page(), query.size(), cap + 1);
			}
			limit = Math.multiplyExact(limit, 4);
		}
	}

	/**
	 * Reads the first {@code limit} rows of the name-start range in the scope and adds
	 * the asked page of their households (code order) to {@code rows}.
	 * @return the distinct households and the rows read
	 */
	private long[] pickByNameStarts(HouseholdQuery query, String unitPath, String[] scopePatterns, int year,
			String provinceCode, long limit, List<HouseholdRow> rows) {
		List<Object> params = new ArrayList<>();
		params.add(provinceCode);
		params.add(Like.literal(TextNormalizer.fold(query.q().trim())) + "%");
		String place = place(null, null, unitPath, scopePatterns, true, params);
		params.add(limit);
		params.add(query.size());
		params.add((long) query.page() * query.size());
		params.add(year);
		long[] counted = { 0, 0 };
		this.jdbc.sql("with picked as materialized (select h.household_id, h.code from household_name_start h"
				+ " where h.province_code = ? and h.name_start like ?" + place + " limit ?),"
				+ " s as (select count(distinct household_id) as matches, count(*) as walked from picked),"
				+ " p as (select distinct household_id, code from picked order by code limit ? offset ?)"
				+ " select s.matches, s.walked, " + PAGE_COLUMNS + " from s left join (p join household h"
				+ " on h.id = p.household_id join admin_unit v on v.id = h.village_id left join household_assessment a"
				+ " on a.household_id = h.id and a.year = ?) on true order by p.code")
			.params(params)
			.query(counting(counted, rows, year));
		return counted;
	}

	/**
	 * Rows of the province walked in code order by a common name before the page comes
	 * from the whole name range: about 1 ms of an index-only scan on the full demo. The
	 * walk decides the first page of 20 of a name held by one household in 125 or more; a
	 * rarer name above the count's cap sorts its range instead, at most about 3,400 rows
	 * in a province of 420,000 households (ADR 0060).
	 */
	static final int NAME_WINDOW = 2_500;

	/**
	 * The walk's length ({@link #NAME_WINDOW}); tests shorten it to reach every branch.
	 */
	void nameWindow(int rows) {
		this.nameWindow = rows;
	}

	/**
	 * The page of a name matching more households than the count's cap, from a bounded
	 * walk (ADR 0057): the province's first {@link #NAME_WINDOW} living households in
	 * code order (index {@code household_province_names}, V81, name and path in it) are
	 * matched one by one. The page is taken when the walk decides it: the province ended
	 * inside the window, or the window holds the whole page (its rows are the first
	 * matches in code order). A common name ("nguyen van") no longer sorts thousands of
	 * matches for 50 rows.
	 */
	private Optional<List<HouseholdRow>> pageByWindow(HouseholdQuery query, String unitPath, String[] scopePatterns,
			int year, String provinceCode) {
		List<Object> params = new ArrayList<>();
		String match = conditions(query, null, unitPath, scopePatterns, params);
		List<Object> all = new ArrayList<>(params);
		all.add(provinceCode);
		int windowRows = this.nameWindow;
		all.add(windowRows);
		all.add(query.size());
		all.add((long) query.page() * query.size());
		all.add(year);
		long[] window = { 0, 0 };
		List<HouseholdRow> rows = new ArrayList<>();
		this.jdbc.sql("with w as materialized (select h.id, h.code collate \"C\" as code, (true" + match + ") as m"
				+ " from household h where h.province_code = ? and not h.voided order by h.code collate \"C\" limit ?),"
				+ " s as (select count(*) filter (where m) as matches, count(*) as walked from w),"
				+ " p as (select id, code from w where m order by code limit ? offset ?)"
				+ " select s.matches, s.walked, " + PAGE_COLUMNS + " from s left join (p join household h"
				+ " on h.id = p.id join admin_unit v on v.id = h.village_id left join household_assessment a"
				+ " on a.household_id = h.id and a.year = ?) on true order by p.code")
			.params(all)
			.query(counting(window, rows, year));
		boolean ended = window[1] < windowRows;
		long needed = (long) (query.page() + 1) * query.size();
		return (ended || window[0] >= needed) ? Optional.of(rows) : Optional.empty();
	}

	/**
	 * The columns of a page row ({@link #row}) from household h, village v, assessment a.
	 */
	private static final String PAGE_COLUMNS = "h.id, h.code, h.head_name, h.village_id, v.name as village_name,"
			+ " h.urban, h.ethnic_minority, h.status, a.classification, (select count(*) from member m"
			+ " where m.household_id = h.id and not m.voided) as members";

	/**
	 * Reads a statement that returns its matches and rows walked on every row, and a page
	 * row where a household is (none when the page is empty).
	 */
	private static RowCallbackHandler counting(long[] counted, List<HouseholdRow> rows, int year) {
		return (rs) -> {
			counted[0] = rs.getLong("matches");
			counted[1] = rs.getLong("walked");
			if (rs.getObject("id") != null) {
				rows.add(row(rs, year));
			}
		};
	}

	private static HouseholdRow row(ResultSet rs, int year) throws SQLException {
		return new HouseholdRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("head_name"),
				rs.getLong("village_id"), rs.getString("village_name"), rs.getInt("members"), rs.getBoolean("urban"),
				rs.getBoolean("ethnic_minority"), rs.getString("classification"), year, rs.getString("status"));
	}

	private long countClass(String whereWithClass, int year, List<Object> params, String cls) {
		List<Object> countParams = new ArrayList<>();
		countParams.add(year);
		countParams.addAll(params);
		countParams.add(cls);
		return this.jdbc
			.sql("select count(*) from household h join household_assessment a on a.household_id = h.id and a.year = ?"
					+ whereWithClass)
			.params(countParams)
			.query(Long.class)
			.single();
	}

	/**
	 * The where clause of a household list (alias {@code h} household; no class filter),
	 * adding its parameters to {@code params}; {@code provinceCode} (nullable) when all
	 * rows lie in one province. See {@link #search} for why each filter is written the
	 * way it is.
	 */
	public static String filter(HouseholdQuery query, Long communeId, String unitPath, String[] scopePatterns,
			String provinceCode, List<Object> params) {
		StringBuilder where = new StringBuilder(" where not h.voided");
		if (provinceCode != null) {
			where.append(" and h.province_code = ?");
			params.add(provinceCode);
		}
		return where.append(conditions(query, communeId, unitPath, scopePatterns, params)).toString();
	}

	/**
	 * The conditions of a household list after "living" and "in the province", each
	 * starting with {@code " and "}, adding their parameters to {@code params}.
	 */
	private static String conditions(HouseholdQuery query, Long communeId, String unitPath, String[] scopePatterns,
			List<Object> params) {
		boolean small = communeId != null || query.villageId() != null;
		StringBuilder where = new StringBuilder(
				place(communeId, query.villageId(), unitPath, scopePatterns, query.isNameSearch() && !small, params));
		if (query.isCitizenIdSearch()) {
			where.append(" and h.id in (select household_id from member where cccd = ? and not voided)");
			params.add(query.q().trim());
		}
		else if (query.isCodeSearch()) {
			// a code as printed (upper case) or typed in lower case
			where.append(" and (h.code like ? or h.code like ?)");
			String code = Like.literal(query.q().trim());
			params.add(code + "%");
			params.add(code.toUpperCase(java.util.Locale.ROOT) + "%");
		}
		else if (query.isNameSearch() && small) {
			// the words typed start words of the name (ADR 0060)
			where.append(" and strpos(' ' || h.head_name_norm, ?) > 0");
			params.add(" " + TextNormalizer.fold(query.q().trim()));
		}
		else if (query.isNameSearch()) {
			// the trigram index finds the rows containing the words; the second test
			// keeps those where they start words (ADR 0060)
			where.append(" and h.head_name_norm like ? and (' ' || h.head_name_norm) like ?");
			String words = Like.literal(TextNormalizer.fold(query.q().trim()));
			params.add("%" + words + "%");
			params.add("% " + words + "%");
		}
		return where.toString();
	}

	/**
	 * The conditions on where a household lives (the user's scope, the unit, the commune
	 * and village), each starting with {@code " and "}, on alias {@code h} with columns
	 * {@code unit_path}, {@code commune_id} and {@code village_id}.
	 * @param byNameIndex rows come from a name index: a province-wide path is checked on
	 * them rather than intersected with the path index
	 */
	private static String place(Long communeId, Long villageId, String unitPath, String[] scopePatterns,
			boolean byNameIndex, List<Object> params) {
		StringBuilder where = new StringBuilder();
		if (!(scopePatterns.length == 1 && "/%".equals(scopePatterns[0]))) {
			// one clause per scope path (not LIKE ANY): each prefix can use the path
			// index
			where.append(" and (");
			for (int i = 0; i < scopePatterns.length; i++) {
				where.append((i == 0) ? "" : " or ").append(pathClause(scopePatterns[i], byNameIndex, params));
			}
			where.append(scopePatterns.length == 0 ? "false)" : ")");
		}
		if (communeId != null) {
			where.append(" and h.commune_id = ?");
			params.add(communeId);
		}
		else if (unitPath != null) {
			where.append(" and ").append(pathClause(unitPath + "%", byNameIndex, params));
		}
		if (villageId != null) {
			where.append(" and h.village_id = ?");
			params.add(villageId);
		}
		return where.toString();
	}

	/** Depth of a unit path: 1 for a province ({@code /33/}), 2 for a district. */
	private static long depth(String path) {
		return path.chars().filter((c) -> c == '/').count() - 1;
	}

	/**
	 * A subtree condition for a path pattern {@code /a/b/%}: the path index for a
	 * district or deeper; for a province (or wider) under a name search, a check on the
	 * rows the name index found.
	 */
	private static String pathClause(String pattern, boolean byTrigram, List<Object> params) {
		String prefix = pattern.substring(0, pattern.length() - 1);
		if (byTrigram && depth(prefix) <= 1) {
			params.add(prefix);
			return "starts_with(h.unit_path, ?)";
		}
		params.add(pattern);
		return "h.unit_path like ?";
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

	/**
	 * Living members with this citizen ID (the holder, and records waiting on a transfer
	 * of it), with where their households are.
	 */
	public List<CccdHolder> holders(String cccd) {
		return this.jdbc
			.sql("select m.id, m.household_id, h.code, h.unit_path, m.cccd_pending from member m"
					+ " join household h on h.id = m.household_id where m.cccd = ? and not m.voided")
			.param(cccd)
			.query((rs, n) -> new CccdHolder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	/**
	 * A living member with a citizen ID.
	 *
	 * @param memberId member
	 * @param householdId household
	 * @param householdCode household code
	 * @param unitPath the household's village path
	 * @param pending waiting on a transfer (not the holder)
	 */
	public record CccdHolder(UUID memberId, UUID householdId, String householdCode, String unitPath, boolean pending) {
	}

	/**
	 * SQL for the pending flag of a record with the citizen ID of parameter {@code ?}:
	 * true when another living record holds it (ADR 0017). Parameters: cccd, own id.
	 */
	static final String PENDING = "(cast(? as text) is not null and exists (select 1 from member x"
			+ " where x.cccd = cast(? as text) and x.id <> ? and not x.voided and not x.cccd_pending))";

	/**
	 * The household had this village path as an earlier address (issue 15's
	 * household_address_past).
	 */
	public boolean livedAt(UUID householdId, String unitPath) {
		return this.jdbc
			.sql("select exists (select 1 from household_address_past where household_id = ? and unit_path = ?)")
			.params(householdId, unitPath)
			.query(Boolean.class)
			.single();
	}

	public List<Assessment> assessments(UUID householdId) {
		return this.jdbc.sql("select * from household_assessment where household_id = ? order by year desc")
			.param(householdId)
			.query(this::assessment)
			.list();
	}

	public java.util.Optional<Assessment> assessment(UUID householdId, int year) {
		return this.jdbc.sql("select * from household_assessment where household_id = ? and year = ?")
			.params(householdId, year)
			.query(this::assessment)
			.optional();
	}

	/** Inserts or replaces the assessment of a year with a recognised review result. */
	/**
	 * Upsert of a recognised assessment (source REVIEW): household, province, year,
	 * standard, survey date, members, income, scores, deprivations, count, class,
	 * subtype, decision number and date, facts, explanation.
	 */
	static final String RECOGNISED_COLUMNS = "insert into household_assessment (household_id, province_code, year,"
			+ " standard_key, survey_date, member_count, income_per_capita, score_a, score_b, deprivations,"
			+ " deprivation_count, classification, poor_subtype, recognised, decision_no, decision_date, source, facts,"
			+ " explanation, reason)";

	static final String RECOGNISED_CONFLICT = " on conflict (household_id, year) do update set"
			+ " standard_key = excluded.standard_key, survey_date = excluded.survey_date,"
			+ " member_count = excluded.member_count, income_per_capita = excluded.income_per_capita,"
			+ " score_a = excluded.score_a, score_b = excluded.score_b, deprivations = excluded.deprivations,"
			+ " deprivation_count = excluded.deprivation_count, classification = excluded.classification,"
			+ " poor_subtype = excluded.poor_subtype, recognised = true, decision_no = excluded.decision_no,"
			+ " decision_date = excluded.decision_date, source = 'REVIEW', facts = excluded.facts,"
			+ " explanation = excluded.explanation, reason = excluded.reason,"
			+ " version = household_assessment.version + 1";

	static final String UPSERT_RECOGNISED = RECOGNISED_COLUMNS
			+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, 'REVIEW', cast(? as jsonb), cast(? as jsonb),"
			+ " ?)" + RECOGNISED_CONFLICT;

	static Object[] recognisedParams(String provinceCode, vn.giamngheo.registry.RecognisedAssessment a) {
		return new Object[] { a.householdId(), provinceCode, a.year(), a.standardKey(), a.surveyDate(), a.memberCount(),
				a.incomePerCapita(), a.scoreA(), a.scoreB(), a.deprivations().toArray(String[]::new),
				a.deprivations().size(), a.classification(), a.poorSubtype(), a.decisionNo(), a.decisionDate(),
				a.factsJson(), a.explanationJson(), a.reason() };
	}

	public int upsertRecognised(String provinceCode, vn.giamngheo.registry.RecognisedAssessment a) {
		return this.jdbc.sql(UPSERT_RECOGNISED).params(recognisedParams(provinceCode, a)).update();
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

	/**
	 * Inserts a member; its citizen ID is pending when another living record holds it
	 * (callers refuse a holder the user can see first).
	 */
	public UUID insertMember(UUID householdId, String provinceCode, MemberData m, int sortOrder) {
		UUID id = vn.giamngheo.shared.db.TimeOrderedIds.next();
		String cccd = emptyToNull(m.cccd());
		return this.jdbc
			.sql("insert into member (id, household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, cccd, phone, education_level, in_school, employment, health_insurance,"
					+ " disability, social_allowance, malnourished, ill_no_care, sort_order, cccd_pending)"
					+ " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?," + PENDING + ") returning id")
			.params(id, householdId, provinceCode, m.fullName(), TextNormalizer.fold(m.fullName()), m.sex().code(),
					m.dateOfBirth(), m.ethnicityCode(), m.relation(), cccd, emptyToNull(m.phone()), m.educationLevel(),
					m.inSchool(), m.employment(), m.healthInsurance(), m.disability(), m.socialAllowance(),
					m.malnourished(), m.illNoCare(), sortOrder, cccd, cccd, id)
			.query(UUID.class)
			.single();
	}

	/** Updates a member; its citizen ID pending as for {@link #insertMember}. */
	public int updateMember(UUID memberId, int version, MemberData m) {
		String cccd = emptyToNull(m.cccd());
		return this.jdbc
			.sql("update member set full_name = ?, full_name_norm = ?, sex = ?, date_of_birth = ?, ethnicity_code = ?,"
					+ " relation = ?, cccd = ?, phone = ?, education_level = ?, in_school = ?, employment = ?,"
					+ " health_insurance = ?, disability = ?, social_allowance = ?, malnourished = ?, ill_no_care = ?,"
					+ " cccd_pending = " + PENDING + ","
					+ " version = version + 1, updated_at = now() where id = ? and version = ? and not voided")
			.params(m.fullName(), TextNormalizer.fold(m.fullName()), m.sex().code(), m.dateOfBirth(), m.ethnicityCode(),
					m.relation(), cccd, emptyToNull(m.phone()), m.educationLevel(), m.inSchool(), m.employment(),
					m.healthInsurance(), m.disability(), m.socialAllowance(), m.malnourished(), m.illNoCare(), cccd,
					cccd, memberId, memberId, version)
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
				rs.getObject("decision_date", LocalDate.class), rs.getString("source"), rs.getString("reason"));
	}

}
