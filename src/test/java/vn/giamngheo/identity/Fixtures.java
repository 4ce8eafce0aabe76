package vn.giamngheo.identity;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.UserDirectory.NewUser;
import vn.giamngheo.identity.persistence.UserRepository;

/**
 * Test data written directly: two communes of Tây Giang (A = Xã Dang 20464, B = another
 * commune of the district), one village and one household with a member in each, and
 * audit rows of B's household. B's data carries distinctive strings a leak test looks
 * for.
 */
public final class Fixtures {

	public static final String PASSWORD = "correct-horse-1";

	final JdbcClient jdbc;

	final UserDirectory directory;

	final UserRepository users;

	final TransactionTemplate tx;

	/** Distinct within a test JVM (a counter), and unlikely to repeat across runs. */
	private static final AtomicLong NEXT_TAG = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	/** Citizen IDs and phones of fixture heads: distinct within a test JVM. */
	private static final AtomicLong NEXT_NUMBER = new AtomicLong(
			100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));

	public final String tag = Long.toString(NEXT_TAG.getAndAdd(7), 36);

	public Commune a;

	public Commune b;

	public Fixtures(JdbcClient jdbc, UserDirectory directory, UserRepository users, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.users = users;
		this.tx = tx;
	}

	public Fixtures communes() {
		this.a = commune("20464", "Alfa");
		String bCode = this.jdbc
			.sql("select c.code from admin_unit c join admin_unit d on d.id = c.parent_id where d.code = '504'"
					+ " and d.edition = '2024' and c.code <> '20464' order by c.code limit 1")
			.query(String.class)
			.single();
		this.b = commune(bCode, "Bravo");
		return this;
	}

	/**
	 * The same fixtures on the units in force (the 2025 list, issue 15): A = Xã Tây Giang
	 * (20455, Thành phố Đà Nẵng, which took in the old Xã Dang), B = another commune of
	 * Thành phố Đà Nẵng. Commune scopes are {@code code@2025}, the province's
	 * {@code 48@2025}.
	 */
	public Fixtures communesInForce() {
		this.a = commune("20455", "Alfa", "2025");
		String bCode = this.jdbc
			.sql("select code from admin_unit where level = 'commune' and edition = '2025' and province_code = '48'"
					+ " and code <> '20455' and not placeholder order by code limit 1")
			.query(String.class)
			.single();
		this.b = commune(bCode, "Bravo", "2025");
		return this;
	}

	private Commune commune(String code, String label) {
		return commune(code, label, "2024");
	}

	private Commune commune(String code, String label, String edition) {
		record U(long id, String path, String province, int depth) {
		}
		U c = this.jdbc
			.sql("select id, path, province_code, depth from admin_unit where code = ? and edition = ?"
					+ " and level = 'commune'")
			.params(code, edition)
			.query((rs, n) -> new U(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.single();
		long village = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) values (?, 'local', 'village', ?, 'Thôn', ?, ?,"
					+ " ?, ?, ?, '/', (select urban from admin_unit where id = ?), date '2024-01-01', true) returning id")
			.params("V" + this.tag + label.charAt(0), c.depth() + 1, "Thôn " + label + this.tag, label + this.tag,
					label.toLowerCase() + this.tag, c.id(), c.province(), c.id())
			.query(Long.class)
			.single();
		String villagePath = c.path() + village + "/";
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(villagePath, village).update();
		String headName = "Zq" + label + "Leak" + this.tag;
		long n = NEXT_NUMBER.getAndIncrement();
		String cccd = String.format("%012d", n);
		String phone = "09" + String.format("%08d", n % 100_000_000);
		if (cccd.contains(phone)) {
			// a leak test looks for each of them on its own
			phone = "03" + phone.substring(2);
		}
		UUID household = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban, phone, synthetic) values (?, ?, ?, ?, ?, ?, ?, false, ?, false) returning id")
			.params(c.province(), "HH-" + label + "-" + this.tag, c.id(), village, villagePath, headName,
					headName.toLowerCase(), phone)
			.query(UUID.class)
			.single();
		UUID member = this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, cccd, phone) values (?, ?, ?, ?, 'F', date '1980-02-03', '26', 'HEAD',"
					+ " ?, ?) returning id")
			.params(household, c.province(), headName, headName.toLowerCase(), cccd, phone)
			.query(UUID.class)
			.single();
		this.tx.executeWithoutResult(
				(s) -> new AuditTrail(this.jdbc,
						new tools.jackson.databind.ObjectMapper())
					.record(new AuditEntry("fixture", "UPDATE", "MEMBER", member.toString(), household, villagePath,
							c.province(), java.util.Map.of("fullName", new Change("Old" + headName, headName), "cccd",
									new Change(null, cccd)),
							"fixture " + headName)));
		return new Commune(code, c.id(), c.path(), village, villagePath, household, member, headName, cccd, phone,
				"HH-" + label + "-" + this.tag, c.province(), edition);
	}

	/**
	 * A village of a 2025 commune (code of the 2025 list), with a code of this fixture.
	 * @return the village's id and path
	 */
	public Village village2025(String communeCode, String label) {
		record U(long id, String path, String province) {
		}
		U c = this.jdbc.sql("select id, path, province_code from admin_unit where code = ? and edition = '2025'")
			.param(communeCode)
			.query((rs, n) -> new U(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
		long village = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) values (?, 'local', 'village', 3, 'Thôn', ?, ?,"
					+ " ?, ?, ?, '/', false, date '2025-07-01', false) returning id")
			.params("W" + this.tag + label, "Thôn mới " + label + this.tag, "Mới " + label + this.tag,
					"moi " + label.toLowerCase() + this.tag, c.id(), c.province())
			.query(Long.class)
			.single();
		String path = c.path() + village + "/";
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(path, village).update();
		return new Village(village, "W" + this.tag + label + "@local", path, c.id(), c.path(), c.province(),
				communeCode);
	}

	/**
	 * Moves a fixture commune's household to a village of a 2025 commune as the contract
	 * of issue 15 has it (the old address becomes a past row ending 01/07/2025, the
	 * household carries the new one), and returns the commune as seen after the move: the
	 * new commune's code, ids and paths, the same household and member.
	 */
	public Commune moveTo(Commune old, String communeCode2025) {
		Village v = village2025(communeCode2025, old.headName().substring(2, 3));
		this.jdbc
			.sql("insert into household_address_past (household_id, province_code, commune_id, village_id, unit_path,"
					+ " valid_to) select id, province_code, commune_id, village_id, unit_path, date '2025-07-01'"
					+ " from household where id = ?")
			.param(old.household())
			.update();
		this.jdbc
			.sql("update household set province_code = ?, commune_id = ?, village_id = ?, unit_path = ? where id = ?")
			.params(v.province(), v.communeId(), v.id(), v.path(), old.household())
			.update();
		return new Commune(communeCode2025, v.communeId(), v.communePath(), v.id(), v.path(), old.household(),
				old.member(), old.headName(), old.cccd(), old.phone(), old.householdCode(), v.province(), "2025");
	}

	/**
	 * A village made by the fixtures.
	 *
	 * @param id unit id
	 * @param key {@code code@local}
	 * @param path its path
	 * @param communeId its commune
	 * @param communePath its commune's path
	 * @param province province code
	 * @param communeCode its commune's code
	 */
	public record Village(long id, String key, String path, long communeId, String communePath, String province,
			String communeCode) {
	}

	/** Creates a user and returns the username. */
	public String user(String prefix, Role role, List<String> view, List<String> capture) {
		String username = (prefix + "." + this.tag).toLowerCase();
		this.directory.createUnchecked(new NewUser(username, prefix, role.name(), PASSWORD, false, false, view, capture,
				(role == Role.PARTNER) ? Agency.VBSP.name() : null), false, "test");
		return username;
	}

	public String nationUser(String prefix, Role role) {
		String username = (prefix + "." + this.tag).toLowerCase();
		this.directory.createUnchecked(new NewUser(username, prefix, role.name(), PASSWORD, true, true, List.of(),
				List.of(), (role == Role.PARTNER) ? Agency.VBSP.name() : null), false, "test");
		return username;
	}

	public Authentication auth(String username) {
		SignedInUser user = this.users.findPrincipal(username).orElseThrow();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	public void signIn(String username) {
		SecurityContextHolder.getContext().setAuthentication(auth(username));
	}

	/**
	 * A commune with its fixture rows.
	 *
	 * @param code commune code
	 * @param id commune unit id
	 * @param path commune path
	 * @param villageId village id
	 * @param villagePath village path
	 * @param household household id
	 * @param member member id
	 * @param headName distinctive head name
	 * @param cccd distinctive citizen id
	 * @param phone distinctive phone
	 * @param householdCode household code
	 * @param provinceCode province code
	 * @param edition unit list edition (2024, 2025)
	 */
	public record Commune(String code, long id, String path, long villageId, String villagePath, UUID household,
			UUID member, String headName, String cccd, String phone, String householdCode, String provinceCode,
			String edition) {

		/** The commune as a scope entry ({@code 20455@2025}). */
		public String scope() {
			return this.code + "@" + this.edition;
		}

		/** The commune's province as a scope entry ({@code 48@2025}). */
		public String provinceScope() {
			return this.provinceCode + "@" + this.edition;
		}

		List<String> secrets() {
			return List.of(this.headName, this.cccd, this.phone, this.householdCode, this.household.toString(),
					this.member.toString());
		}

	}

}
