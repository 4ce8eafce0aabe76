package vn.giamngheo.exits.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of the early warning (ADR 0042), set-based: two queries per batch of communes
 * (their households with their recognised assessments; their members' birth dates and
 * their events), whatever the number of households.
 */
@Repository
public class WarningRepository {

	private final JdbcClient jdbc;

	public WarningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One recognised assessment as read.
	 *
	 * @param year review year
	 * @param classification class
	 * @param incomePerCapita income per head, or null
	 * @param deprivations deprivation count
	 * @param standardKey the standard it was classified under
	 * @param decidedOn recognition day (31/12 of the year when unknown)
	 */
	public record AssessmentRow(int year, String classification, Long incomePerCapita, int deprivations,
			String standardKey, LocalDate decidedOn) {
	}

	/**
	 * A household with what the scorer needs.
	 *
	 * @param id id
	 * @param code household code
	 * @param headName head's name
	 * @param unitPath village path
	 * @param village village name
	 * @param communeId commune id
	 * @param commune commune name
	 * @param urban area type (for the poverty line)
	 * @param provinceCode province (for a local standard)
	 * @param assessments recognised assessments of the list's year and before, oldest
	 * first
	 * @param birthDates members' dates of birth
	 * @param events events as (type, date) pairs within the window asked for
	 */
	public record HouseholdRow(UUID id, String code, String headName, String unitPath, String village, long communeId,
			String commune, boolean urban, String provinceCode, List<AssessmentRow> assessments,
			List<LocalDate> birthDates, List<EventRow> events) {
	}

	/** An event (not voided). */
	public record EventRow(String type, LocalDate date) {
	}

	/**
	 * The communes with active households under a path.
	 * @param pathPrefix the unit's path
	 * @return their ids
	 */
	public List<Long> communesUnder(String pathPrefix) {
		return this.jdbc
			.sql("select distinct commune_id from household where unit_path like ? and status = 'ACTIVE'"
					+ " and not voided order by commune_id")
			.param(pathPrefix + "%")
			.query(Long.class)
			.list();
	}

	/**
	 * The active households of some communes under a path and within the reader's scope
	 * whose latest recognised class of years up to {@code year} is not poor, with the
	 * part of their history the rules read (see {@link #read}), their members, and their
	 * events dated after {@code eventsAfter} and on or before {@code day}.
	 */
	public List<HouseholdRow> communes(Long[] communeIds, String pathPrefix, String[] viewPatterns, int year,
			int recentYears, LocalDate eventsAfter, LocalDate day) {
		return read("h.commune_id = any(?) and h.unit_path like ? and h.unit_path like any(?)",
				List.of(communeIds, pathPrefix + "%", viewPatterns), year, recentYears, false, eventsAfter, day);
	}

	/** One household (the caller checked that it may be read), poor or not. */
	public Optional<HouseholdRow> household(UUID id, int year, int recentYears, LocalDate eventsAfter, LocalDate day) {
		return read("h.id = ?", List.of(id), year, recentYears, true, eventsAfter, day).stream().findFirst();
	}

	/**
	 * Reads households with their recognised assessments of years up to {@code year},
	 * keeping of the history only what the rules read: the last {@code recentYears} + 1
	 * years before the latest one included (income trend, latest class and facts), the
	 * poor years and the year after each (exits, formerly poor). A province of ten review
	 * years sends a third of its rows.
	 */
	private List<HouseholdRow> read(String where, List<Object> whereParams, int year, int recentYears, boolean withPoor,
			LocalDate eventsAfter, LocalDate day) {
		record Head(UUID id, String code, String head, String path, String village, long communeId, String commune,
				boolean urban, String province) {
		}
		Map<UUID, Head> heads = new LinkedHashMap<>();
		Map<UUID, List<AssessmentRow>> assessments = new HashMap<>();
		List<Object> params = new ArrayList<>(whereParams);
		params.add(year);
		params.add(recentYears);
		params.add(withPoor);
		this.jdbc
			.sql("with a as (select a.household_id, a.year, a.classification, a.income_per_capita, a.deprivation_count,"
					+ " a.standard_key, coalesce(a.decision_date, make_date(a.year, 12, 31)) decided,"
					+ " lag(a.classification) over (partition by a.household_id order by a.year) prev_class,"
					+ " max(a.year) over (partition by a.household_id) latest_year,"
					+ " first_value(a.classification) over (partition by a.household_id order by a.year desc)"
					+ " latest_class from household_assessment a join household h on h.id = a.household_id" + " where "
					+ where + " and h.status = 'ACTIVE' and not h.voided and a.recognised and a.year <= ?)"
					+ " select h.id, h.code, h.head_name, h.unit_path, v.name, h.commune_id, c.name, h.urban,"
					+ " h.province_code, a.year, a.classification, a.income_per_capita, a.deprivation_count,"
					+ " a.standard_key, a.decided from a join household h on h.id = a.household_id"
					+ " join admin_unit v on v.id = h.village_id join admin_unit c on c.id = h.commune_id"
					+ " where (a.year >= a.latest_year - ? or a.classification = 'POOR' or a.prev_class = 'POOR')"
					+ " and (? or a.latest_class <> 'POOR') order by h.code, a.year")
			.params(params)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject(1, UUID.class);
				if (!heads.containsKey(id)) {
					heads.put(id, new Head(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)));
				}
				long income = rs.getLong(12);
				assessments.computeIfAbsent(id, (k) -> new ArrayList<>())
					.add(new AssessmentRow(rs.getInt(10), rs.getString(11), rs.wasNull() ? null : income, rs.getInt(13),
							rs.getString(14), rs.getDate(15).toLocalDate()));
			});
		Map<UUID, List<LocalDate>> births = new HashMap<>();
		Map<UUID, List<EventRow>> events = new HashMap<>();
		if (!heads.isEmpty()) {
			UUID[] ids = heads.keySet().toArray(UUID[]::new);
			this.jdbc.sql("select m.household_id, null, m.date_of_birth from member m where m.household_id = any(?)"
					+ " and not m.voided union all select e.household_id, e.type, e.event_date from household_event e"
					+ " where e.household_id = any(?) and e.event_date > ? and e.event_date <= ? and not e.voided")
				.params(ids, ids, Date.valueOf(eventsAfter), Date.valueOf(day))
				.query((ResultSet rs) -> {
					UUID id = rs.getObject(1, UUID.class);
					String type = rs.getString(2);
					LocalDate date = rs.getDate(3).toLocalDate();
					if (type == null) {
						births.computeIfAbsent(id, (k) -> new ArrayList<>()).add(date);
					}
					else {
						events.computeIfAbsent(id, (k) -> new ArrayList<>()).add(new EventRow(type, date));
					}
				});
		}
		List<HouseholdRow> out = new ArrayList<>(heads.size());
		for (Head h : heads.values()) {
			out.add(new HouseholdRow(h.id(), h.code(), h.head(), h.path(), h.village(), h.communeId(), h.commune(),
					h.urban(), h.province(), assessments.get(h.id()), births.getOrDefault(h.id(), List.of()),
					events.getOrDefault(h.id(), List.of())));
		}
		return out;
	}

	/**
	 * The households of some communes whose recognised class of a year is poor.
	 * @param communeIds the communes
	 * @param year the review year
	 * @return their ids
	 */
	public List<UUID> poorIn(Long[] communeIds, int year) {
		return this.jdbc
			.sql("select a.household_id from household_assessment a join household h on h.id = a.household_id"
					+ " where h.commune_id = any(?) and a.year = ? and a.recognised and a.classification = 'POOR'")
			.params(communeIds, year)
			.query(UUID.class)
			.list();
	}

	/**
	 * The province of the first active household a reader may see (the page's default
	 * unit for a nation-wide reader).
	 */
	public Optional<Long> firstProvince(String[] viewPatterns) {
		return this.jdbc
			.sql("select cast(split_part(unit_path, '/', 2) as bigint) from household where unit_path like any(?)"
					+ " and status = 'ACTIVE' and not voided limit 1")
			.param(viewPatterns)
			.query(Long.class)
			.optional();
	}

}
