package vn.giamngheo.identity.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.identity.AccessToken;
import vn.giamngheo.identity.Agency;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.UnitRef;
import vn.giamngheo.identity.UserAccount;
import vn.giamngheo.shared.db.Like;

/** SQL for users, their scope units and their access tokens. */
@Repository
public class UserRepository {

	private static final String PRINCIPAL_COLUMNS = "u.id, u.username, u.password_hash, u.role, u.disabled,"
			+ " u.view_nation, u.capture_nation, u.partner_agency,"
			+ " array(select a.path from user_scope s join admin_unit a on a.id = s.unit_id"
			+ "   where s.user_id = u.id and s.kind = 'VIEW' order by a.path) as view_paths,"
			+ " array(select a.path from user_scope s join admin_unit a on a.id = s.unit_id"
			+ "   where s.user_id = u.id and s.kind = 'CAPTURE' order by a.path) as capture_paths";

	private final JdbcClient jdbc;

	public UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SignedInUser> findPrincipal(String username) {
		return this.jdbc.sql("select " + PRINCIPAL_COLUMNS + " from app_user u where u.username = ?")
			.param(username)
			.query((rs, n) -> principal(rs))
			.optional();
	}

	public Optional<SignedInUser> findPrincipal(long id) {
		return this.jdbc.sql("select " + PRINCIPAL_COLUMNS + " from app_user u where u.id = ?")
			.param(id)
			.query((rs, n) -> principal(rs))
			.optional();
	}

	/** The token's owner, if the token exists and is neither revoked nor expired. */
	public Optional<TokenMatch> findByTokenHash(byte[] hash) {
		return this.jdbc
			.sql("select " + PRINCIPAL_COLUMNS + ", t.id as token_id, t.expires_at, t.revoked_at, t.last_used_at"
					+ " from access_token t join app_user u on u.id = t.user_id where t.token_hash = ?")
			.param(hash)
			.query((rs, n) -> new TokenMatch(principal(rs), rs.getLong("token_id"),
					rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
			.optional();
	}

	private static SignedInUser principal(ResultSet rs) throws SQLException {
		// never locked: failed logins delay the client, not the account (ADR 0019)
		return new SignedInUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), !rs.getBoolean("disabled"), true, rs.getBoolean("view_nation"),
				rs.getBoolean("capture_nation"), strings(rs.getArray("view_paths")),
				strings(rs.getArray("capture_paths")), Instant.now(), Agency.parse(rs.getString("partner_agency")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/**
	 * Records that the user's principal changed at this instant (never moving it back).
	 */
	public void markPrincipalChanged(long id, Instant at) {
		this.jdbc.sql("update app_user set principal_changed_at = greatest(principal_changed_at, ?) where id = ?")
			.params(at.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	/** Users whose principal changed after an instant, with when. */
	public Map<Long, Instant> principalsChangedAfter(Instant after) {
		return this.jdbc.sql("select id, principal_changed_at from app_user where principal_changed_at > ?")
			.param(after.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Counts a failed login (shown to the administrator; it locks nothing, ADR 0019).
	 */
	public void countFailure(String username) {
		this.jdbc.sql("update app_user set failed_logins = failed_logins + 1 where username = ?")
			.param(username)
			.update();
	}

	public void resetFailures(String username) {
		this.jdbc.sql("update app_user set failed_logins = 0 where username = ? and failed_logins > 0")
			.param(username)
			.update();
	}

	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	public long count() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	public List<UserAccount> list(String query, int limit, int offset) {
		String like = (query == null || query.isBlank()) ? "%" : "%" + Like.literal(query.strip().toLowerCase()) + "%";
		List<UserAccount> users = this.jdbc
			.sql("select * from app_user where lower(username) like ? or lower(display_name) like ?"
					+ " order by username limit ? offset ?")
			.params(like, like, limit, offset)
			.query((rs, n) -> account(rs, List.of(), List.of()))
			.list();
		return withScopes(users);
	}

	public Optional<UserAccount> find(long id) {
		return this.jdbc.sql("select * from app_user where id = ?")
			.param(id)
			.query((rs, n) -> account(rs, List.of(), List.of()))
			.optional()
			.map((u) -> withScopes(List.of(u)).get(0));
	}

	private List<UserAccount> withScopes(List<UserAccount> users) {
		if (users.isEmpty()) {
			return users;
		}
		Long[] ids = users.stream().map(UserAccount::id).toArray(Long[]::new);
		record Row(long userId, String kind, UnitRef unit) {
		}
		Map<Long, List<Row>> rows = this.jdbc
			.sql("select s.user_id, s.kind, a.id, a.code, a.edition, a.level, a.name, a.path from user_scope s"
					+ " join admin_unit a on a.id = s.unit_id where s.user_id = any(?) order by a.path")
			.param(ids)
			.query((rs, n) -> new Row(rs.getLong("user_id"), rs.getString("kind"), unit(rs)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Row::userId));
		List<UserAccount> result = new ArrayList<>();
		for (UserAccount u : users) {
			List<Row> mine = rows.getOrDefault(u.id(), List.of());
			result.add(new UserAccount(u.id(), u.username(), u.displayName(), u.role(), u.viewNation(),
					u.captureNation(), mine.stream().filter((r) -> r.kind().equals("VIEW")).map(Row::unit).toList(),
					mine.stream().filter((r) -> r.kind().equals("CAPTURE")).map(Row::unit).toList(), u.disabled(),
					u.failedLogins(), null, u.demo(), u.version(), u.agency()));
		}
		return result;
	}

	private static UserAccount account(ResultSet rs, List<UnitRef> view, List<UnitRef> capture) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("view_nation"), rs.getBoolean("capture_nation"), view,
				capture, rs.getBoolean("disabled"), rs.getInt("failed_logins"), null, rs.getBoolean("demo"),
				rs.getInt("version"), Agency.parse(rs.getString("partner_agency")));
	}

	private static UnitRef unit(ResultSet rs) throws SQLException {
		return new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("edition"), rs.getString("level"),
				rs.getString("name"), rs.getString("path"));
	}

	public long insert(String username, String passwordHash, String displayName, Role role, boolean viewNation,
			boolean captureNation, boolean demo, Agency agency) {
		return this.jdbc
			.sql("insert into app_user (username, password_hash, display_name, role, view_nation, capture_nation, demo,"
					+ " partner_agency) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(username, passwordHash, displayName, role.name(), viewNation, captureNation, demo,
					(agency != null) ? agency.name() : null)
			.query(Long.class)
			.single();
	}

	/**
	 * Updates role, names, nation flags and the disabled flag; false when the version is
	 * stale.
	 */
	public boolean update(long id, int version, String displayName, Role role, Agency agency, boolean viewNation,
			boolean captureNation, boolean disabled) {
		return this.jdbc
			.sql("update app_user set display_name = ?, role = ?, partner_agency = ?, view_nation = ?,"
					+ " capture_nation = ?, disabled = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and version = ?")
			.params(displayName, role.name(), (agency != null) ? agency.name() : null, viewNation, captureNation,
					disabled, id, version)
			.update() == 1;
	}

	public void setPassword(long id, String passwordHash) {
		this.jdbc.sql("update app_user set password_hash = ?, failed_logins = 0, updated_at = now()" + " where id = ?")
			.params(passwordHash, id)
			.update();
	}

	public void resetFailures(long id) {
		this.jdbc.sql("update app_user set failed_logins = 0 where id = ?").param(id).update();
	}

	public void replaceScope(long userId, String kind, List<UnitRef> units) {
		this.jdbc.sql("delete from user_scope where user_id = ? and kind = ?").params(userId, kind).update();
		for (UnitRef unit : units) {
			this.jdbc.sql("insert into user_scope (user_id, kind, unit_id) values (?, ?, ?) on conflict do nothing")
				.params(userId, kind, unit.id())
				.update();
		}
	}

	/**
	 * Units by code, those valid on the date first, then newest.
	 * @param code official code
	 * @param edition edition or {@code null} for any
	 * @param date the day
	 * @return matching units
	 */
	public List<UnitRef> unitsByCode(String code, String edition, LocalDate date) {
		return this.jdbc
			.sql("select id, code, edition, level, name, path from admin_unit where code = ?"
					+ " and (cast(? as text) is null or edition = ?)"
					+ " order by (valid_to is null or valid_to >= ?) desc, valid_from desc, depth")
			.params(code, edition, edition, date)
			.query((rs, n) -> unit(rs))
			.list();
	}

	/**
	 * A unit by its id (as a unit picker gives it).
	 * @param id the unit's id
	 * @return the unit, or empty when there is none
	 */
	public java.util.Optional<UnitRef> unitById(long id) {
		return this.jdbc.sql("select id, code, edition, level, name, path from admin_unit where id = ?")
			.params(id)
			.query((rs, n) -> unit(rs))
			.optional();
	}

	/**
	 * For each of the units, the last day it (or a unit above it) was in force, when that
	 * was before the date.
	 * @param ids unit ids
	 * @param date the day
	 * @return ended units by id
	 */
	public Map<Long, LocalDate> endedBefore(List<Long> ids, LocalDate date) {
		Map<Long, LocalDate> ended = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return ended;
		}
		this.jdbc
			.sql("select a.id, (select min(e.valid_to) from admin_unit e where e.id = any(string_to_array("
					+ "trim(both '/' from a.path), '/')::bigint[]) and e.valid_to < ?) as ended_on"
					+ " from admin_unit a where a.id = any(?)")
			.params(date, ids.toArray(Long[]::new))
			.query((rs, n) -> {
				LocalDate on = rs.getObject("ended_on", LocalDate.class);
				if (on != null) {
					ended.put(rs.getLong("id"), on);
				}
				return null;
			})
			.list();
		return ended;
	}

	public long insertToken(long userId, String name, byte[] hash, String prefix, OffsetDateTime expiresAt) {
		return this.jdbc
			.sql("insert into access_token (user_id, name, token_hash, prefix, expires_at) values (?, ?, ?, ?, ?)"
					+ " returning id")
			.params(userId, name, hash, prefix, expiresAt)
			.query(Long.class)
			.single();
	}

	public List<AccessToken> tokensOf(long userId) {
		return this.jdbc.sql("select * from access_token where user_id = ? order by created_at desc, id desc")
			.param(userId)
			.query((rs, n) -> token(rs))
			.list();
	}

	public Optional<AccessToken> token(long id) {
		return this.jdbc.sql("select * from access_token where id = ?")
			.param(id)
			.query((rs, n) -> token(rs))
			.optional();
	}

	public boolean revokeToken(long id) {
		return this.jdbc.sql("update access_token set revoked_at = now() where id = ? and revoked_at is null")
			.param(id)
			.update() == 1;
	}

	public void touchToken(long id) {
		this.jdbc.sql("update access_token set last_used_at = now() where id = ?").param(id).update();
	}

	private static AccessToken token(ResultSet rs) throws SQLException {
		return new AccessToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("prefix"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
				rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class));
	}

	/**
	 * A token lookup.
	 *
	 * @param user the owner
	 * @param tokenId token id
	 * @param expiresAt expiry
	 * @param revokedAt revocation
	 */
	public record TokenMatch(SignedInUser user, long tokenId, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {

		public boolean usable(Instant now) {
			return this.revokedAt == null && this.expiresAt.toInstant().isAfter(now);
		}

	}

}
