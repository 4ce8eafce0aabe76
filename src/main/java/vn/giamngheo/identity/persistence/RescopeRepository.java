package vn.giamngheo.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.domain.ScopeSuccession.Place;
import vn.giamngheo.identity.domain.ScopeSuccession.Successor;
import vn.giamngheo.shared.db.Like;

/**
 * SQL of the re-scope run (ADR 0029): accounts holding units that have ended, the
 * successors of those units (the 2025 crosswalk; for villages, where their households
 * were moved), and the run's batch.
 */
@Repository
public class RescopeRepository {

	/**
	 * True when the unit or one of its ancestors (ids in its path) ended before the date.
	 */
	static final String ENDED = "exists (select 1 from admin_unit e where e.id = any(string_to_array("
			+ "trim(both '/' from %1$s.path), '/')::bigint[]) and e.valid_to < %2$s)";

	private static final String PLACE = "a.id, a.code, a.edition, a.level, a.name, a.province_code";

	private final JdbcClient jdbc;

	public RescopeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Accounts with at least one scope unit that has ended by the date, with their whole
	 * scope, ordered by username.
	 * @param query part of the username or display name, or {@code null} for all
	 * @param date the day
	 * @return the accounts
	 */
	public List<ScopedAccount> accountsWithEndedUnits(String query, LocalDate date) {
		String like = (query == null || query.isBlank()) ? "%" : "%" + Like.literal(query.strip().toLowerCase()) + "%";
		record Row(long id, String username, String displayName, Role role, String kind, Place place, boolean ended) {
		}
		List<Row> rows = this.jdbc
			.sql("select u.id as user_id, u.username, u.display_name, u.role, s.kind, " + PLACE + ", "
					+ String.format(ENDED, "a", ":date") + " as ended"
					+ " from app_user u join user_scope s on s.user_id = u.id join admin_unit a on a.id = s.unit_id"
					+ " where (lower(u.username) like :like or lower(u.display_name) like :like)"
					+ " and exists (select 1 from user_scope s2 join admin_unit a on a.id = s2.unit_id"
					+ "   where s2.user_id = u.id and " + String.format(ENDED, "a", ":date") + ")"
					+ " order by u.username, s.kind desc, a.path")
			.param("date", date)
			.param("like", like)
			.query((rs, n) -> new Row(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getString("kind"), place(rs), rs.getBoolean("ended")))
			.list();
		Map<Long, ScopedAccount> accounts = new LinkedHashMap<>();
		for (Row r : rows) {
			ScopedAccount a = accounts.computeIfAbsent(r.id(), (id) -> new ScopedAccount(id, r.username(),
					r.displayName(), r.role(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
			("VIEW".equals(r.kind()) ? a.view() : a.capture()).add(r.place());
			if (r.ended() && !a.ended().contains(r.place())) {
				a.ended().add(r.place());
			}
		}
		return List.copyOf(accounts.values());
	}

	/**
	 * The successors in force of an ended unit: a province's 2025 provinces, a district's
	 * or a commune's 2025 communes (through the crosswalk), a village's 2025 villages
	 * (where its households were moved).
	 * @param unit the ended unit
	 * @return its successors, whole when they took a whole old commune (or village)
	 */
	public List<Successor> successors(Place unit) {
		String sql = switch (unit.level()) {
			case "province" -> "select " + PLACE + ", x.whole from (select n.parent_id as id,"
					+ " bool_or(c.relation = 'full') as whole from unit_crosswalk c"
					+ " join admin_unit o on o.id = c.old_unit_id join admin_unit n on n.id = c.new_unit_id"
					+ " where o.path like (select path from admin_unit where id = :id) || '%' group by n.parent_id) x"
					+ " join admin_unit a on a.id = x.id order by a.code";
			case "district" -> "select " + PLACE + ", x.whole from (select c.new_unit_id as id,"
					+ " bool_or(c.relation = 'full') as whole from unit_crosswalk c join admin_unit o on o.id = c.old_unit_id"
					+ " where o.id = :id or o.parent_id = :id group by c.new_unit_id) x"
					+ " join admin_unit a on a.id = x.id order by a.code";
			case "commune" -> "select " + PLACE + ", x.whole from (select c.new_unit_id as id,"
					+ " bool_or(c.relation = 'full') as whole from unit_crosswalk c where c.old_unit_id = :id"
					+ " group by c.new_unit_id) x join admin_unit a on a.id = x.id order by a.code";
			default -> "select " + PLACE + ", count(*) over () = 1 as whole from (select distinct h.village_id as id"
					+ " from household_address_past p join household h on h.id = p.household_id"
					+ " where p.village_id = :id and h.village_id <> :id) x join admin_unit a on a.id = x.id"
					+ " order by a.code";
		};
		return this.jdbc.sql(sql)
			.param("id", unit.id())
			.query((rs, n) -> new Successor(place(rs), rs.getBoolean("whole")))
			.list();
	}

	/** Replaces an account's scope by the units and counts a new version. */
	public void replaceScope(long userId, List<Place> view, List<Place> capture) {
		this.jdbc.sql("delete from user_scope where user_id = ?").param(userId).update();
		for (Place p : view) {
			insertScope(userId, "VIEW", p.id());
		}
		for (Place p : capture) {
			insertScope(userId, "CAPTURE", p.id());
		}
		this.jdbc.sql("update app_user set version = version + 1, updated_at = now() where id = ?")
			.param(userId)
			.update();
	}

	private void insertScope(long userId, String kind, long unitId) {
		this.jdbc.sql("insert into user_scope (user_id, kind, unit_id) values (?, ?, ?) on conflict do nothing")
			.params(userId, kind, unitId)
			.update();
	}

	/** Records a run; returns its id. */
	public long insertBatch(String runBy, OffsetDateTime at, LocalDate onDate, String query, int accounts, int changed,
			int flagged) {
		return this.jdbc
			.sql("insert into user_rescope_batch (run_by, run_at, on_date, filter, accounts, changed, flagged)"
					+ " values (?, ?, ?, ?, ?, ?, ?) returning id")
			.params(runBy, at, onDate, query, accounts, changed, flagged)
			.query(Long.class)
			.single();
	}

	private static Place place(ResultSet rs) throws SQLException {
		return new Place(rs.getLong("id"), rs.getString("code") + "@" + rs.getString("edition"), rs.getString("name"),
				rs.getString("level"), rs.getString("province_code"));
	}

	/**
	 * An account and its scope.
	 *
	 * @param id user id
	 * @param username login name
	 * @param displayName display name
	 * @param role role
	 * @param view VIEW units
	 * @param capture CAPTURE units
	 * @param ended its units that have ended
	 */
	public record ScopedAccount(long id, String username, String displayName, Role role, List<Place> view,
			List<Place> capture, List<Place> ended) {
	}

}
