package vn.giamngheo.benefits.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.benefits.domain.ClassOnRecord;
import vn.giamngheo.benefits.domain.HouseholdFacts;
import vn.giamngheo.benefits.domain.MemberFacts;
import vn.giamngheo.shared.db.CopyText;
import vn.giamngheo.shared.db.TimeOrderedIds;

/**
 * SQL of the eligibility lists: the facts of a commune's households read set-based (four
 * statements per commune, whatever its size), the open spells, and the run's writes (new
 * spells by COPY, closes and updates as one statement each over arrays).
 */
@Repository
public class EligibilityRepository {

	/** Advisory lock class of a commune's list run (with the commune id as the key). */
	private static final int LOCK_CLASS = 1_600_016;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** The same connection, fetching long reads in chunks (a cursor per statement). */
	private final JdbcClient streaming;

	/** Rows per round trip of a many-commune read. */
	private static final int FETCH = 4096;

	public EligibilityRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH);
		this.streaming = JdbcClient.create(template);
	}

	/** Serialises runs of one commune (held to the end of the transaction). */
	public void lockCommune(long communeId) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(LOCK_CLASS, (int) communeId)
			.query((rs, n) -> 1)
			.list();
	}

	/**
	 * A commune (any edition) with its path and province.
	 *
	 * @param id unit id
	 * @param path its path
	 * @param provinceCode its province
	 * @param level its level
	 */
	public record UnitRow(long id, String path, String provinceCode, String level) {
	}

	public java.util.Optional<UnitRow> unit(long id) {
		return this.jdbc.sql("select id, path, province_code, level from admin_unit where id = ?")
			.param(id)
			.query((rs, n) -> new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/**
	 * A unit by its key: {@code code@edition} ({@code 20464@2024}), or a code alone for
	 * the unit of that code in force (the latest).
	 */
	public java.util.Optional<UnitRow> unitByKey(String key) {
		int at = key.indexOf('@');
		String code = (at > 0) ? key.substring(0, at) : key;
		String edition = (at > 0) ? key.substring(at + 1) : null;
		return this.jdbc
			.sql("select id, path, province_code, level from admin_unit where code = ?"
					+ " and (cast(? as text) is null or edition = ?) and level <> 'village'"
					+ " order by (valid_to is null or valid_to >= current_date) desc, valid_from desc, depth limit 1")
			.params(code, edition, edition)
			.query((rs, n) -> new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/**
	 * The communes under a unit path (or of a province) that have active households or
	 * open spells: those a list run has something to do in.
	 */
	public List<Long> communesUnder(String pathPrefix, String provinceCode) {
		// open spells: for a province, its communes found by a skip scan of the index of
		// open spells by province (V88: one probe per commune); under a unit, a probe of
		// the index of open spells per commune under it. Before, a scan of every open
		// spell of the nation (4.6 s for a 600,000-household province, ADR 0062)
		String spells = (provinceCode != null)
				? "select id from (with recursive c(id) as (select min(commune_id) from eligibility_spell"
						+ " where province_code = :province and eligible_to is null union all select (select"
						+ " min(commune_id) from eligibility_spell where province_code = :province and eligible_to"
						+ " is null and commune_id > c.id) from c where c.id is not null) select c.id from c"
						+ " join admin_unit u on u.id = c.id where u.path like :path) open"
				: "select u.id from admin_unit u where u.level = 'commune' and u.path like :path and exists"
						+ " (select 1 from eligibility_spell s where s.commune_id = u.id and s.eligible_to is null)";
		return this.jdbc
			.sql("select distinct commune_id from household where not voided and status = 'ACTIVE'"
					+ " and unit_path like :path and (cast(:province as text) is null or province_code = :province)"
					+ " union " + spells + " order by 1")
			.param("path", pathPrefix + "%")
			.param("province", provinceCode)
			.query(Long.class)
			.list();
	}

	/**
	 * The latest recognised decision of a household up to the day.
	 *
	 * @param classification the class
	 * @param decisionNo the decision's number, or null
	 * @param decisionDate the decision's day (31/12 of the year when none was recorded)
	 */
	public record Decision(String classification, String decisionNo, LocalDate decisionDate) {
	}

	/**
	 * A commune's active households as the rules read them on a day, with their latest
	 * recognised decision (for the words of an ended entry).
	 *
	 * @param facts households by id, in code order
	 * @param provinceCodes each household's province code
	 * @param latest each household's latest decision up to the day
	 */
	public record CommuneFacts(Map<UUID, HouseholdFacts> facts, Map<UUID, String> provinceCodes,
			Map<UUID, Decision> latest) {
	}

	/**
	 * Reads the facts of a commune's active households on a day: their recognised classes
	 * (by household id, whatever unit they belonged to then) decided up to the day, the
	 * designations of their village, commune and district valid on the day, and their
	 * members (not voided).
	 */
	public CommuneFacts facts(long communeId, LocalDate asOf) {
		List<Head> heads = this.jdbc
			.sql("select " + HEAD_COLUMNS + " from household h"
					+ " where commune_id = ? and status = 'ACTIVE' and not voided order by code")
			.param(communeId)
			.query(EligibilityRepository::head)
			.list();
		List<Assessed> assessed = this.jdbc
			.sql("select " + ASSESSED_COLUMNS + " from household_assessment a"
					+ " join household h on h.id = a.household_id where h.commune_id = ? and h.status = 'ACTIVE'"
					+ " and not h.voided and a.recognised and coalesce(a.decision_date, make_date(a.year, 12, 31)) <= ?"
					+ " order by a.household_id, a.year")
			.params(communeId, Date.valueOf(asOf))
			.query(EligibilityRepository::assessed)
			.list();
		List<Member> members = this.jdbc
			.sql("select " + MEMBER_COLUMNS + " from member m"
					+ " join household h on h.id = m.household_id where h.commune_id = ? and h.status = 'ACTIVE'"
					+ " and not h.voided and not m.voided order by m.household_id, m.sort_order, m.date_of_birth")
			.param(communeId)
			.query(EligibilityRepository::member)
			.list();
		return assemble(heads, assessed, designations(new Long[] { communeId }, asOf), members);
	}

	/** A household's columns as the rules read them (with its commune first). */
	private static final String HEAD_COLUMNS = "h.commune_id, h.id, h.province_code, h.urban, h.ethnic_minority,"
			+ " h.social_protection, h.unit_path";

	private record Head(long communeId, UUID id, String province, boolean urban, boolean minority, boolean protection,
			String path) {
	}

	private static Head head(ResultSet rs, int n) throws SQLException {
		return new Head(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
				rs.getBoolean(6), rs.getString(7));
	}

	/** A recognised class's columns (the household's commune first). */
	private static final String ASSESSED_COLUMNS = "h.commune_id, a.household_id, a.year, a.classification,"
			+ " a.decision_no, coalesce(a.decision_date, make_date(a.year, 12, 31))";

	private record Assessed(long communeId, UUID householdId, ClassOnRecord onRecord, Decision decision) {
	}

	private static Assessed assessed(ResultSet rs, int n) throws SQLException {
		LocalDate day = day(rs, 6);
		return new Assessed(rs.getLong(1), rs.getObject(2, UUID.class),
				new ClassOnRecord(rs.getInt(3), rs.getString(4), day),
				new Decision(rs.getString(4), rs.getString(5), day));
	}

	/** A member's columns as the rules read them (the household's commune first). */
	private static final String MEMBER_COLUMNS = "h.commune_id, m.household_id, m.id, m.date_of_birth, m.sex,"
			+ " m.ethnicity_code, m.relation, m.education_level, m.in_school, m.employment, m.disability";

	private record Member(long communeId, UUID householdId, MemberFacts facts) {
	}

	private static Member member(ResultSet rs, int n) throws SQLException {
		return new Member(rs.getLong(1), rs.getObject(2, UUID.class),
				new MemberFacts(rs.getObject(3, UUID.class), day(rs, 4), rs.getString(5), rs.getString(6),
						rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getBoolean(11)));
	}

	/**
	 * The designations valid on a day of every unit path of the communes' active
	 * households (their village, commune and district attributes).
	 */
	private Map<String, Set<String>> designations(Long[] communes, LocalDate asOf) {
		Map<String, Set<String>> designations = new HashMap<>();
		this.jdbc
			.sql("select v.path, a.attribute, a.value from (select distinct unit_path path from household"
					+ " where commune_id = any(?) and status = 'ACTIVE' and not voided) v"
					+ " join unit_attribute a on v.path like '%/' || a.unit_id || '/%' and not a.voided"
					+ " and a.valid_from <= ? and (a.valid_to is null or a.valid_to >= ?)")
			.params(communes, Date.valueOf(asOf), Date.valueOf(asOf))
			.query((ResultSet rs) -> {
				designations.computeIfAbsent(rs.getString(1), (k) -> new HashSet<>())
					.add(designation(rs.getString(2), rs.getString(3)));
			});
		return designations;
	}

	/** One commune's facts from its rows (heads in the order the list shows them). */
	private static CommuneFacts assemble(List<Head> heads, List<Assessed> assessed,
			Map<String, Set<String>> designations, List<Member> members) {
		Map<UUID, List<ClassOnRecord>> history = new HashMap<>();
		Map<UUID, Decision> latest = new HashMap<>();
		for (Assessed a : assessed) {
			history.computeIfAbsent(a.householdId(), (k) -> new ArrayList<>()).add(a.onRecord());
			latest.put(a.householdId(), a.decision());
		}
		Map<UUID, List<MemberFacts>> byHousehold = new HashMap<>();
		for (Member m : members) {
			byHousehold.computeIfAbsent(m.householdId(), (k) -> new ArrayList<>()).add(m.facts());
		}
		Map<UUID, HouseholdFacts> facts = new LinkedHashMap<>();
		Map<UUID, String> provinces = new HashMap<>();
		for (Head h : heads) {
			facts.put(h.id(),
					new HouseholdFacts(h.id(), h.urban(), h.minority(), h.protection(),
							history.getOrDefault(h.id(), List.of()), designations.getOrDefault(h.path(), Set.of()),
							byHousehold.getOrDefault(h.id(), List.of())));
			provinces.put(h.id(), h.province());
		}
		return new CommuneFacts(facts, provinces, latest);
	}

	/**
	 * One commune's part of a many-commune read: its facts and the open spells it judges.
	 *
	 * @param communeId the commune
	 * @param facts its active households
	 * @param open the open spells listed in it and those of the households now in it
	 */
	public record CommuneBatch(long communeId, CommuneFacts facts, List<OpenSpell> open) {
	}

	/**
	 * Reads the facts and open spells of many communes in one pass (ADR 0046): four
	 * statements over all the communes, each ordered by commune and fetched in chunks on
	 * the transaction's connection, handed out one commune at a time, so a province costs
	 * four scans instead of five statements per commune, and memory holds one commune.
	 * Must be used inside a transaction (the cursors live in it); the statements of the
	 * runs (COPY, updates) may be sent between two communes.
	 * @param communes the communes, to be taken in ascending id order
	 * @param asOf the day of the judgement
	 * @return the reader; close it
	 */
	public CommuneReader read(List<Long> communes, LocalDate asOf) {
		Long[] ids = communes.toArray(Long[]::new);
		Date day = Date.valueOf(asOf);
		Map<String, Set<String>> designations = designations(ids, asOf);
		List<Cursor<?>> opened = new ArrayList<>();
		try {
			Cursor<Head> heads = open(opened, this.streaming
				.sql("select " + HEAD_COLUMNS + " from household h where commune_id = any(?) and status = 'ACTIVE'"
						+ " and not voided order by commune_id, code")
				.param(ids)
				.query(EligibilityRepository::head)
				.stream(), Head::communeId);
			Cursor<Assessed> assessed = open(opened, this.streaming
				.sql("select " + ASSESSED_COLUMNS + " from household_assessment a join household h"
						+ " on h.id = a.household_id where h.commune_id = any(?) and h.status = 'ACTIVE'"
						+ " and not h.voided and a.recognised and coalesce(a.decision_date, make_date(a.year, 12, 31))"
						+ " <= ? order by h.commune_id, a.household_id, a.year")
				.params(ids, day)
				.query(EligibilityRepository::assessed)
				.stream(), Assessed::communeId);
			Cursor<Member> members = open(opened, this.streaming
				.sql("select " + MEMBER_COLUMNS + " from member m join household h on h.id = m.household_id"
						+ " where h.commune_id = any(?) and h.status = 'ACTIVE' and not h.voided and not m.voided"
						+ " order by h.commune_id, m.household_id, m.sort_order, m.date_of_birth")
				.param(ids)
				.query(EligibilityRepository::member)
				.stream(), Member::communeId);
			// a spell goes to the commune its household lives in now when that is one of
			// the communes, else to the commune it is listed in (as openSpells(commune))
			Cursor<Judged> spells = open(opened,
					this.streaming
						.sql("select * from (select h.commune_id c, " + SPELL_COLUMNS + " from household h"
								+ " join eligibility_spell s on s.household_id = h.id and s.eligible_to is null"
								+ " where h.commune_id = any(?) and h.status = 'ACTIVE' and not h.voided"
								+ " union all select s.commune_id, " + SPELL_COLUMNS + " from eligibility_spell s"
								+ " where s.eligible_to is null and s.commune_id = any(?) and not exists (select 1 from"
								+ " household h where h.id = s.household_id and h.commune_id = any(?)"
								+ " and h.status = 'ACTIVE' and not h.voided)) x order by c")
						.params(ids, ids, ids)
						.query((rs, n) -> new Judged(rs.getLong(1), spell(rs, 1)))
						.stream(),
					Judged::communeId);
			return new CommuneReader(designations, heads, assessed, members, spells);
		}
		catch (RuntimeException ex) {
			opened.forEach(Cursor::close);
			throw ex;
		}
	}

	private static <T> Cursor<T> open(List<Cursor<?>> opened, java.util.stream.Stream<T> rows,
			java.util.function.ToLongFunction<T> commune) {
		Cursor<T> c = new Cursor<>(rows, commune);
		opened.add(c);
		return c;
	}

	/** An open spell with the commune that judges it. */
	private record Judged(long communeId, OpenSpell spell) {
	}

	/** Rows ordered by commune, taken one commune at a time. */
	private static final class Cursor<T> implements AutoCloseable {

		private final java.util.stream.Stream<T> rows;

		private final java.util.Iterator<T> it;

		private final java.util.function.ToLongFunction<T> commune;

		private T next;

		Cursor(java.util.stream.Stream<T> rows, java.util.function.ToLongFunction<T> commune) {
			this.rows = rows;
			this.it = rows.iterator();
			this.commune = commune;
		}

		/** The rows of a commune (rows of communes before it are skipped). */
		List<T> take(long communeId) {
			List<T> out = new ArrayList<>();
			while (this.next != null || this.it.hasNext()) {
				T row = (this.next != null) ? this.next : this.it.next();
				this.next = null;
				long c = this.commune.applyAsLong(row);
				if (c > communeId) {
					this.next = row;
					break;
				}
				if (c == communeId) {
					out.add(row);
				}
			}
			return out;
		}

		@Override
		public void close() {
			this.rows.close();
		}

	}

	/** Hands out the communes of a {@link #read} one at a time, in ascending id order. */
	public static final class CommuneReader implements AutoCloseable {

		private final Map<String, Set<String>> designations;

		private final Cursor<Head> heads;

		private final Cursor<Assessed> assessed;

		private final Cursor<Member> members;

		private final Cursor<Judged> spells;

		CommuneReader(Map<String, Set<String>> designations, Cursor<Head> heads, Cursor<Assessed> assessed,
				Cursor<Member> members, Cursor<Judged> spells) {
			this.designations = designations;
			this.heads = heads;
			this.assessed = assessed;
			this.members = members;
			this.spells = spells;
		}

		/** The next commune's facts and open spells (communes in ascending id order). */
		public CommuneBatch take(long communeId) {
			CommuneFacts facts = assemble(this.heads.take(communeId), this.assessed.take(communeId), this.designations,
					this.members.take(communeId));
			return new CommuneBatch(communeId, facts, this.spells.take(communeId).stream().map(Judged::spell).toList());
		}

		@Override
		public void close() {
			List.of(this.heads, this.assessed, this.members, this.spells).forEach(Cursor::close);
		}

	}

	/**
	 * A unit attribute as a designation: a flag by its name ({@code POOR_COMMUNE}), a
	 * valued attribute by name and value ({@code TERRAIN_MOUNTAIN}).
	 */
	static String designation(String attribute, String value) {
		return "true".equals(value) ? attribute : attribute + "_" + value;
	}

	/**
	 * An open spell.
	 *
	 * @param id the spell
	 * @param communeId the commune it is listed in
	 * @param policyCode the policy
	 * @param policyVersion the version that applied
	 * @param householdId the household
	 * @param memberId the member, or null
	 * @param eligibleFrom first day
	 * @param windowEnd the rule's last day, or null
	 * @param reasonsHash the hash of its reasons' JSON (ADR 0063), or null (written
	 * before)
	 * @param row where the version read lies in the table ({@code ctid} as text), so that
	 * a run's updates reach it without a look-up by id
	 */
	public record OpenSpell(UUID id, long communeId, String policyCode, int policyVersion, UUID householdId,
			UUID memberId, LocalDate eligibleFrom, LocalDate windowEnd, Long reasonsHash, String row) {
	}

	/**
	 * The open spells listed in a commune and those of the households now in it (a
	 * household that moved in keeps its spells).
	 */
	public List<OpenSpell> openSpells(long communeId) {
		return this.jdbc
			.sql("select " + SPELL_COLUMNS + " from eligibility_spell s where eligible_to is null"
					+ " and (commune_id = ? or household_id in (select id from household where commune_id = ?"
					+ " and status = 'ACTIVE' and not voided))")
			.params(communeId, communeId)
			.query((rs, n) -> spell(rs, 0))
			.list();
	}

	private static final String SPELL_COLUMNS = "s.id, s.commune_id, s.policy_code, s.policy_version, s.household_id,"
			+ " s.member_id, s.eligible_from, s.window_end, s.reasons_hash, s.ctid::text";

	/** An open spell from {@link #SPELL_COLUMNS} after {@code skip} other columns. */
	private static OpenSpell spell(ResultSet rs, int skip) throws SQLException {
		return new OpenSpell(rs.getObject(skip + 1, UUID.class), rs.getLong(skip + 2), rs.getString(skip + 3),
				rs.getInt(skip + 4), rs.getObject(skip + 5, UUID.class), rs.getObject(skip + 6, UUID.class),
				day(rs, skip + 7), day(rs, skip + 8), rs.getObject(skip + 9, Long.class), rs.getString(skip + 10));
	}

	private static LocalDate day(ResultSet rs, int column) throws SQLException {
		// read as LocalDate by the driver: no java.sql.Date and calendar per value
		return rs.getObject(column, LocalDate.class);
	}

	/**
	 * Where a household that is no longer in a commune's active households is now.
	 *
	 * @param communeId its commune now
	 * @param active whether it is active (not voided, status ACTIVE)
	 * @param status its status ({@code MOVED}, {@code MERGED}...)
	 * @param voided whether it was voided
	 */
	public record Whereabouts(long communeId, boolean active, String status, boolean voided) {
	}

	public Map<UUID, Whereabouts> whereabouts(Collection<UUID> households) {
		Map<UUID, Whereabouts> found = new HashMap<>();
		if (households.isEmpty()) {
			return found;
		}
		this.jdbc.sql("select id, commune_id, status, voided from household where id = any(?)")
			.param(households.toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				boolean voided = rs.getBoolean(4);
				String status = rs.getString(3);
				found.put(rs.getObject(1, UUID.class),
						new Whereabouts(rs.getLong(2), !voided && "ACTIVE".equals(status), status, voided));
			});
		return found;
	}

	/** Starts a run (its counts are written when it finishes). */
	public UUID startRun(String provinceCode, long communeId, LocalDate asOf, String trigger, String requestedBy,
			Instant at) {
		return this.jdbc
			.sql("insert into eligibility_run (province_code, commune_id, as_of, trigger, requested_by, started_at)"
					+ " values (?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, communeId, Date.valueOf(asOf), trigger, requestedBy, Timestamp.from(at))
			.query(UUID.class)
			.single();
	}

	public void finishRun(UUID runId, int entries, int started, int ended, Instant at) {
		this.jdbc.sql("update eligibility_run set entries = ?, started = ?, ended = ?, finished_at = ? where id = ?")
			.params(entries, started, ended, Timestamp.from(at), runId)
			.update();
	}

	/**
	 * A spell to open.
	 *
	 * @param provinceCode the household's province
	 * @param policyCode the policy
	 * @param policyVersion its version
	 * @param householdId the household
	 * @param memberId the member, or null
	 * @param eligibleFrom first day
	 * @param windowEnd the rule's last day, or null
	 * @param reasons reasons as JSON
	 * @param reasonsHash their hash
	 */
	public record NewSpell(String provinceCode, String policyCode, int policyVersion, UUID householdId, UUID memberId,
			LocalDate eligibleFrom, LocalDate windowEnd, String reasons, long reasonsHash) {
	}

	/** Opens spells by COPY in the current transaction. */
	public void open(UUID runId, long communeId, List<NewSpell> spells) {
		if (spells.isEmpty()) {
			return;
		}
		try (CopyText copy = CopyText.open(this.dataSource,
				"eligibility_spell (id, province_code, commune_id, policy_code, policy_version, household_id,"
						+ " member_id, eligible_from, window_end, reasons, reasons_hash, started_by)")) {
			for (NewSpell s : spells) {
				// rising ids: the primary key grows at its end, not at random pages
				copy.field(TimeOrderedIds.next())
					.field(s.provinceCode())
					.field(communeId)
					.field(s.policyCode())
					.field(s.policyVersion())
					.field(s.householdId())
					.field(s.memberId())
					.field(s.eligibleFrom())
					.field(s.windowEnd())
					.field(s.reasons())
					.field(s.reasonsHash())
					.field(runId)
					.end();
			}
		}
	}

	/**
	 * A spell to close.
	 *
	 * @param id the spell
	 * @param row where the run read it ({@link OpenSpell#row})
	 * @param eligibleTo its last day
	 * @param endReason why, as JSON
	 */
	public record Close(UUID id, String row, LocalDate eligibleTo, String endReason) {
	}

	public void close(UUID runId, List<Close> closes) {
		if (closes.isEmpty()) {
			return;
		}
		Object[] values = { runId, closes.stream().map(Close::row).toArray(String[]::new),
				closes.stream().map(Close::id).toArray(UUID[]::new),
				closes.stream().map((c) -> Date.valueOf(c.eligibleTo())).toArray(Date[]::new),
				closes.stream().map(Close::endReason).toArray(String[]::new) };
		byRowThenById(closes.size(),
				"update eligibility_spell s set eligible_to = v.last_day, ended_by = ?,"
						+ " end_reason = v.why::jsonb from unnest(?::text[]::tid[], ?::uuid[], ?::date[], ?::text[])"
						+ " v(row, id, last_day, why) where ",
				values);
	}

	/**
	 * Runs an update of spells first by the rows the run read them from (a TID scan: no
	 * look-up by id, about a third of the cost on a province), and again by id when some
	 * row was not there any more (a spell changed since it was read); the update sets
	 * values, so running it twice on a row changes nothing.
	 * @param expected how many spells the update names
	 * @param update the statement up to its {@code where}, over {@code v(row, id, …)}
	 * @param values its parameters
	 */
	private void byRowThenById(int expected, String update, Object[] values) {
		int done = this.jdbc.sql(update + "s.ctid = v.row and s.id = v.id").params(values).update();
		if (done != expected) {
			this.jdbc.sql(update + "s.id = v.id").params(values).update();
		}
	}

	/** Removes spells that never held a day (opened on or after the day they ended). */
	public void drop(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("delete from eligibility_spell where id = any(?)").param(ids.toArray(UUID[]::new)).update();
		}
	}

	/**
	 * A continuing spell whose details changed: the version of the policy that applies,
	 * the rule's window (a new exit starts a new window), the reasons, or the commune the
	 * household lives in now.
	 *
	 * @param id the spell
	 * @param row where the run read it ({@link OpenSpell#row})
	 * @param communeId the commune it is listed in now
	 * @param policyVersion the version that applies now
	 * @param windowEnd the rule's last day now
	 * @param reasons the reasons now, as JSON, or null to keep them
	 * @param reasonsHash their hash, or null to keep it
	 */
	public record Refresh(UUID id, String row, long communeId, int policyVersion, LocalDate windowEnd, String reasons,
			Long reasonsHash) {
	}

	public void refresh(List<Refresh> refreshes) {
		if (refreshes.isEmpty()) {
			return;
		}
		Object[] values = { refreshes.stream().map(Refresh::row).toArray(String[]::new),
				refreshes.stream().map(Refresh::id).toArray(UUID[]::new),
				refreshes.stream().map(Refresh::communeId).toArray(Long[]::new),
				refreshes.stream().map(Refresh::policyVersion).toArray(Integer[]::new),
				refreshes.stream()
					.map((r) -> (r.windowEnd() == null) ? null : Date.valueOf(r.windowEnd()))
					.toArray(Date[]::new),
				refreshes.stream().map(Refresh::reasons).toArray(String[]::new),
				refreshes.stream().map(Refresh::reasonsHash).toArray(Long[]::new) };
		byRowThenById(refreshes.size(),
				"update eligibility_spell s set commune_id = v.commune_id,"
						+ " policy_version = v.version, window_end = v.window_end,"
						+ " reasons = coalesce(v.reasons::jsonb, s.reasons), reasons_hash = coalesce(v.hash,"
						+ " s.reasons_hash) from unnest(?::text[]::tid[], ?::uuid[], ?::bigint[], ?::int[], ?::date[],"
						+ " ?::text[], ?::bigint[]) v(row, id, commune_id, version, window_end, reasons, hash) where ",
				values);
	}

	// ------------------------------------------------------------------ reads

	/**
	 * A run as the pages show it.
	 *
	 * @param id the run
	 * @param communeId its commune
	 * @param communeName the commune's name
	 * @param asOf the day judged
	 * @param trigger why it ran
	 * @param requestedBy who asked (null: the system)
	 * @param finishedAt when it finished
	 * @param entries open spells after it
	 * @param started spells it opened
	 * @param ended spells it closed
	 */
	public record RunRow(UUID id, long communeId, String communeName, LocalDate asOf, String trigger,
			String requestedBy, OffsetDateTime finishedAt, int entries, int started, int ended) {
	}

	private static final String RUN_COLUMNS = "r.id, r.commune_id, u.name, r.as_of, r.trigger, r.requested_by,"
			+ " r.finished_at, r.entries, r.started, r.ended";

	private static RunRow run(ResultSet rs, int n) throws SQLException {
		return new RunRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getInt(9),
				rs.getInt(10));
	}

	/** The latest runs of the communes under a path, newest first. */
	public List<RunRow> runs(String pathPrefix, int limit) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from eligibility_run r join admin_unit u on u.id = r.commune_id"
					+ " where u.path like ? and r.finished_at is not null order by r.finished_at desc, r.id limit ?")
			.params(pathPrefix + "%", limit)
			.query(EligibilityRepository::run)
			.list();
	}

	/** A commune's last finished run. */
	public java.util.Optional<RunRow> lastRun(long communeId) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from eligibility_run r join admin_unit u on u.id = r.commune_id"
					+ " where r.commune_id = ? and r.finished_at is not null order by r.finished_at desc limit 1")
			.param(communeId)
			.query(EligibilityRepository::run)
			.optional();
	}

	/**
	 * One policy's figures in a commune.
	 *
	 * @param policyCode the policy
	 * @param entries entries on the list now
	 * @param started of them, new at the last run
	 * @param ended entries the last run ended
	 */
	public record PolicyCount(String policyCode, int entries, int started, int ended) {
	}

	/**
	 * Each policy's count in a commune (entries visible in the scope), and the last run's
	 * changes.
	 */
	public List<PolicyCount> counts(long communeId, UUID lastRun, String[] viewPatterns) {
		return this.jdbc
			.sql("select s.policy_code, count(*) filter (where s.eligible_to is null),"
					+ " count(*) filter (where s.eligible_to is null and s.started_by = ?::uuid),"
					+ " count(*) filter (where s.ended_by = ?::uuid) from eligibility_spell s"
					+ " join household h on h.id = s.household_id where s.commune_id = ?"
					+ " and (s.eligible_to is null or s.ended_by = ?::uuid) and h.unit_path like any(?)"
					+ " group by s.policy_code order by s.policy_code")
			.params(lastRun, lastRun, communeId, lastRun, viewPatterns)
			.query((rs, n) -> new PolicyCount(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/**
	 * One entry of a list (or one the last run ended).
	 *
	 * @param spellId the spell
	 * @param householdId the household
	 * @param householdCode its code
	 * @param headName its head
	 * @param villageName its village
	 * @param memberId the member, or null
	 * @param memberName the member's name, or null
	 * @param dateOfBirth the member's date of birth, or null
	 * @param eligibleFrom since when
	 * @param eligibleTo last day (ended entries), or null
	 * @param windowEnd the rule's last day, or null
	 * @param reasons reasons as JSON
	 * @param endReason why it ended, as JSON, or null
	 * @param isNew whether the last run opened it
	 * @param ended whether the last run ended it
	 * @param policyCode the policy
	 */
	public record EntryRow(UUID spellId, UUID householdId, String householdCode, String headName, String villageName,
			UUID memberId, String memberName, LocalDate dateOfBirth, LocalDate eligibleFrom, LocalDate eligibleTo,
			LocalDate windowEnd, String reasons, String endReason, boolean isNew, boolean ended, String policyCode) {
	}

	/**
	 * Filters of a list.
	 *
	 * @param communeId the commune
	 * @param policyCode the policy
	 * @param lastRun the commune's last run (for new and ended), or null
	 * @param change {@code ALL} (current entries and those the last run ended),
	 * {@code CURRENT}, {@code NEW} or {@code ENDED}
	 * @param villageId a village, or null
	 * @param name part of the head's or member's name (folded), or null
	 * @param viewPatterns the reader's scope
	 */
	public record ListQuery(long communeId, String policyCode, UUID lastRun, String change, Long villageId, String name,
			String[] viewPatterns) {
	}

	/** The columns of an entry, then whether it is new and ended (two parameters). */
	private static final String ENTRY_SELECT = "select s.id, h.id, h.code, h.head_name, v.name, m.id, m.full_name,"
			+ " m.date_of_birth, s.eligible_from, s.eligible_to, s.window_end, s.reasons::text, s.end_reason::text,"
			+ " s.policy_code, s.eligible_to is null and s.started_by = ?::uuid, s.ended_by = ?::uuid"
			+ " from eligibility_spell s join household h on h.id = s.household_id"
			+ " join admin_unit v on v.id = h.village_id left join member m on m.id = s.member_id";

	private static final String ENTRY_WHERE = " where s.commune_id = ? and s.policy_code = ? and h.unit_path like any(?)"
			+ " and (?::bigint is null or h.village_id = ?)"
			+ " and (?::text is null or h.head_name_norm like ?::text or m.full_name_norm like ?::text)"
			+ " and (case ?::text when 'NEW' then s.eligible_to is null and s.started_by = ?::uuid"
			+ " when 'ENDED' then s.ended_by = ?::uuid when 'CURRENT' then s.eligible_to is null"
			+ " else s.eligible_to is null or s.ended_by = ?::uuid end)";

	private static EntryRow entry(ResultSet rs, int n) throws SQLException {
		return new EntryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), day(rs, 8), rs.getDate(9).toLocalDate(),
				day(rs, 10), day(rs, 11), rs.getString(12), rs.getString(13), rs.getBoolean(15), rs.getBoolean(16),
				rs.getString(14));
	}

	private static List<Object> params(ListQuery q) {
		String like = (q.name() == null) ? null : "%" + q.name() + "%";
		List<Object> p = new ArrayList<>();
		p.add(q.communeId());
		p.add(q.policyCode());
		p.add(q.viewPatterns());
		p.add(q.villageId());
		p.add(q.villageId());
		p.add(like);
		p.add(like);
		p.add(like);
		p.add(q.change());
		p.add(q.lastRun());
		p.add(q.lastRun());
		p.add(q.lastRun());
		return p;
	}

	public int count(ListQuery q) {
		return this.jdbc
			.sql("select count(*) from eligibility_spell s join household h on h.id = s.household_id"
					+ " left join member m on m.id = s.member_id" + ENTRY_WHERE)
			.params(params(q))
			.query(Integer.class)
			.single();
	}

	public List<EntryRow> entries(ListQuery q, int offset, int limit) {
		List<Object> p = new ArrayList<>();
		p.add(q.lastRun());
		p.add(q.lastRun());
		p.addAll(params(q));
		p.add(limit);
		p.add(offset);
		return this.jdbc
			.sql(ENTRY_SELECT + ENTRY_WHERE + " order by v.name, h.code, m.sort_order nulls first, m.full_name"
					+ " limit ? offset ?")
			.params(p)
			.query(EligibilityRepository::entry)
			.list();
	}

	/** A household's unit path, if it exists. */
	public java.util.Optional<String> householdPath(UUID householdId) {
		return this.jdbc.sql("select unit_path from household where id = ?")
			.param(householdId)
			.query(String.class)
			.optional();
	}

	/** A household's entries open on a day (the rule's window not over). */
	public List<EntryRow> ofHousehold(UUID householdId, LocalDate day) {
		return this.jdbc
			.sql(ENTRY_SELECT + " where s.household_id = ? and s.eligible_to is null and s.eligible_from <= ?"
					+ " and (s.window_end is null or s.window_end >= ?)"
					+ " order by s.policy_code, m.sort_order nulls first, m.full_name")
			.params(null, null, householdId, Date.valueOf(day), Date.valueOf(day))
			.query(EligibilityRepository::entry)
			.list();
	}

	/** The villages of a commune (for the filter). */
	public List<Map.Entry<Long, String>> villages(long communeId) {
		return this.jdbc.sql("select id, name from admin_unit where parent_id = ? and level = 'village' order by name")
			.param(communeId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list();
	}

}
