package vn.giamngheo.exits.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.exits.HouseholdEvent;

/**
 * SQL of the household events. Reads filter by the household's current village path (the
 * caller's scope patterns), so an event follows its household when it moves.
 */
@Repository
public class EventRepository {

	private static final String COLUMNS = "e.id, e.household_id, h.code as household_code, h.head_name,"
			+ " c.name as commune_name, e.member_id, m.full_name as member_name, h.unit_path, e.event_date, e.type,"
			+ " e.note, e.source, e.import_job_id, e.voided, e.void_reason, e.version, e.created_by, e.created_at";

	private static final String FROM = " from household_event e join household h on h.id = e.household_id"
			+ " join admin_unit c on c.id = h.commune_id left join member m on m.id = e.member_id";

	private final JdbcClient jdbc;

	public EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes an event; returns its id. */
	public UUID insert(String provinceCode, UUID householdId, UUID memberId, String unitPath, LocalDate eventDate,
			String type, String note, String source, UUID importJobId, String createdBy) {
		return this.jdbc
			.sql("insert into household_event (province_code, household_id, member_id, unit_path, event_date, type,"
					+ " note, source, import_job_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, householdId, memberId, unitPath, eventDate, type, note, source, importJobId,
					createdBy)
			.query(UUID.class)
			.single();
	}

	/** Voids an event at the version read; 0 when stale or already voided. */
	public int voidEvent(UUID id, int version, String reason) {
		return this.jdbc
			.sql("update household_event set voided = true, void_reason = ?, version = version + 1"
					+ " where id = ? and version = ? and not voided")
			.params(reason, id, version)
			.update();
	}

	public Optional<HouseholdEvent> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + FROM + " where e.id = ?").param(id).query(this::row).optional();
	}

	/** The live events an import job wrote. */
	public List<HouseholdEvent> ofJob(UUID jobId) {
		return this.jdbc.sql("select " + COLUMNS + FROM + " where e.import_job_id = ? and not e.voided order by e.id")
			.param(jobId)
			.query(this::row)
			.list();
	}

	/** A household's events (voided ones too), newest first. */
	public List<HouseholdEvent> ofHousehold(UUID householdId) {
		return this.jdbc
			.sql("select " + COLUMNS + FROM + " where e.household_id = ? order by e.event_date desc, e.created_at desc")
			.param(householdId)
			.query(this::row)
			.list();
	}

	/** The live events of some households on or after a day, newest first. */
	public List<HouseholdEvent> since(Collection<UUID> households, LocalDate from) {
		if (households.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + FROM + " where e.household_id = any(?) and e.event_date >= ? and not e.voided"
					+ " order by e.event_date desc, e.created_at desc")
			.params(households.toArray(UUID[]::new), from)
			.query(this::row)
			.list();
	}

	/**
	 * A page of live events.
	 * @param patterns the caller's view patterns
	 * @param unitPath a unit to narrow to, or null
	 * @param householdId one household, or null
	 * @param type a type, or null
	 * @param from first day, or null
	 * @param to last day, or null
	 * @return the rows and the count of all that match
	 */
	public Found page(String[] patterns, String unitPath, UUID householdId, String type, LocalDate from, LocalDate to,
			int page, int size) {
		StringBuilder where = new StringBuilder(" where not e.voided and h.unit_path like any(?)");
		List<Object> params = new ArrayList<>();
		params.add(patterns);
		if (unitPath != null) {
			where.append(" and h.unit_path like ?");
			params.add(unitPath + "%");
		}
		if (householdId != null) {
			where.append(" and e.household_id = ?");
			params.add(householdId);
		}
		if (type != null) {
			where.append(" and e.type = ?");
			params.add(type);
		}
		if (from != null) {
			where.append(" and e.event_date >= ?");
			params.add(from);
		}
		if (to != null) {
			where.append(" and e.event_date <= ?");
			params.add(to);
		}
		long total = this.jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<HouseholdEvent> items = this.jdbc
			.sql("select " + COLUMNS + FROM + where + " order by e.event_date desc, e.created_at desc, e.id"
					+ " limit ? offset ?")
			.params(paged)
			.query(this::row)
			.list();
		return new Found(items, total);
	}

	/** A page of rows and the count of all. */
	public record Found(List<HouseholdEvent> items, long total) {
	}

	private HouseholdEvent row(ResultSet rs, int n) throws SQLException {
		return new HouseholdEvent(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("household_code"), rs.getString("head_name"), rs.getString("commune_name"),
				rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("unit_path"),
				rs.getObject("event_date", LocalDate.class), rs.getString("type"), rs.getString("note"),
				rs.getString("source"), rs.getObject("import_job_id", UUID.class), rs.getBoolean("voided"),
				rs.getString("void_reason"), rs.getInt("version"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
