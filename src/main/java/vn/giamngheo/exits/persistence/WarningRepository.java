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
 * The reads of the early warning (ADR 0042), set-based: two queries per commune (its
 * households with their recognised assessments; their members' birth dates and their
 * events), whatever the number of households.
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
	 * The active households of a commune under a path and within the reader's scope, with
	 * their recognised assessments of years up to {@code year}, their members, and their
	 * events dated after {@code eventsAfter} and on or before {@code day}.
	 */
	public List<HouseholdRow> commune(long communeId, String pathPrefix, String[] viewPatterns, int year,
			LocalDate eventsAfter, LocalDate day) {
		return read("h.commune_id = ? and h.unit_path like ? and h.unit_path like any(?)",
				List.of(communeId, pathPrefix + "%", viewPatterns), year, eventsAfter, day);
	}

	/** One household (the caller checked that it may be read). */
	public Optional<HouseholdRow> household(UUID id, int year, LocalDate eventsAfter, LocalDate day) {
		return read("h.id = ?", List.of(id), year, eventsAfter, day).stream().findFirst();
	}

	private List<HouseholdRow> read(String where, List<Object> whereParams, int year, LocalDate eventsAfter,
			LocalDate day) {
		record Head(UUID id, String code, String head, String path, String village, long communeId, String commune,
				boolean urban, String province) {
		}
		Map<UUID, Head> heads = new LinkedHashMap<>();
		Map<UUID, List<AssessmentRow>> assessments = new HashMap<>();
		List<Object> params = new ArrayList<>();
		params.add(year);
		params.addAll(whereParams);
		this.jdbc
			.sql("select h.id, h.code, h.head_name, h.unit_path, v.name, h.commune_id, c.name, h.urban, h.province_code,"
					+ " a.year, a.classification, a.income_per_capita, a.deprivation_count, a.standard_key,"
					+ " coalesce(a.decision_date, make_date(a.year, 12, 31))"
					+ " from household h join admin_unit v on v.id = h.village_id join admin_unit c on c.id = h.commune_id"
					+ " join household_assessment a on a.household_id = h.id and a.recognised and a.year <= ?"
					+ " where " + where + " and h.status = 'ACTIVE' and not h.voided order by h.code, a.year")
			.params(params)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject(1, UUID.class);
				heads.computeIfAbsent(id, (k) -> {
					try {
						return new Head(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getString(9));
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				long income = rs.getLong(12);
				assessments.computeIfAbsent(id, (k) -> new ArrayList<>())
					.add(new AssessmentRow(rs.getInt(10), rs.getString(11), rs.wasNull() ? null : income, rs.getInt(13),
							rs.getString(14), rs.getDate(15).toLocalDate()));
			});
		Map<UUID, List<LocalDate>> births = new HashMap<>();
		Map<UUID, List<EventRow>> events = new HashMap<>();
		if (!heads.isEmpty()) {
			List<Object> both = new ArrayList<>(whereParams);
			both.add(Date.valueOf(eventsAfter));
			both.add(Date.valueOf(day));
			both.addAll(whereParams);
			this.jdbc.sql(
					"select m.household_id, null, m.date_of_birth from member m join household h on h.id = m.household_id"
							+ " where " + where + " and h.status = 'ACTIVE' and not h.voided and not m.voided"
							+ " union all select e.household_id, e.type, e.event_date from household_event e"
							+ " join household h on h.id = e.household_id where e.event_date > ? and e.event_date <= ?"
							+ " and not e.voided and " + where + " and h.status = 'ACTIVE' and not h.voided")
				.params(both)
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
	 * The households of a commune whose recognised class of a year is poor.
	 * @param communeId the commune
	 * @param year the review year
	 * @return their ids
	 */
	public List<UUID> poorIn(long communeId, int year) {
		return this.jdbc
			.sql("select a.household_id from household_assessment a join household h on h.id = a.household_id"
					+ " where h.commune_id = ? and a.year = ? and a.recognised and a.classification = 'POOR'")
			.params(communeId, year)
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
