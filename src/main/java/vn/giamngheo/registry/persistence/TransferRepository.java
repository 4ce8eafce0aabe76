package vn.giamngheo.registry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.registry.MemberTransfer;

/**
 * Transfer requests of a citizen ID held outside the requester's scope (ADR 0017), kept
 * in step with the pending member records by {@link #sync}.
 */
@Repository
public class TransferRepository {

	private final JdbcClient jdbc;

	public TransferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String SELECT = "select t.*, m.full_name, m.sex, m.date_of_birth, h.code as household_code,"
			+ " v.name as village_name, c.name as commune_name, x.full_name as holder_name,"
			+ " x.relation as holder_relation, x.voided as holder_voided, x.cccd as holder_cccd,"
			+ " hh.code as holder_household_code, hh.voided as holder_household_voided,"
			+ " (not m.voided and not h.voided and m.cccd_pending and m.cccd = t.cccd) as live"
			+ " from member_transfer t join member m on m.id = t.member_id join household h on h.id = t.household_id"
			+ " join admin_unit v on v.id = h.village_id join admin_unit c on c.id = h.commune_id"
			+ " join member x on x.id = t.holder_member_id join household hh on hh.id = t.holder_household_id";

	/**
	 * Keeps the requests in step with the member records, after any change of members: a
	 * pending record whose number nobody else holds any more becomes the holder (one per
	 * number); an open request whose record is voided, no longer pending or has another
	 * number is withdrawn; every pending record without an open request gets one, to the
	 * holder's unit.
	 * @param actor who made the change (the requester of new requests)
	 * @return the requests opened
	 */
	public List<Opened> sync(String actor) {
		this.jdbc.sql("""
				update member set cccd_pending = false, version = version + 1, updated_at = now()
				where id in (select distinct on (p.cccd) p.id from member p
				  where p.cccd_pending and not p.voided and not exists (select 1 from member x
				    where x.cccd = p.cccd and not x.voided and not x.cccd_pending)
				  order by p.cccd, p.created_at, p.id)""").update();
		this.jdbc.sql("""
				update member_transfer t set status = 'WITHDRAWN', decided_at = now(), version = t.version + 1
				where t.status = 'OPEN' and not exists (select 1 from member m join household h on h.id = m.household_id
				  where m.id = t.member_id and not m.voided and not h.voided and m.cccd_pending and m.cccd = t.cccd)""")
			.update();
		return this.jdbc
			.sql("""
					insert into member_transfer (province_code, cccd, member_id, household_id, unit_path, requester_province,
					  holder_member_id, holder_household_id, holder_unit_path, requested_by)
					select hh.province_code, p.cccd, p.id, ph.id, ph.unit_path, ph.province_code, x.id, hh.id, hh.unit_path, ?
					from member p join household ph on ph.id = p.household_id
					join member x on x.cccd = p.cccd and not x.voided and not x.cccd_pending
					join household hh on hh.id = x.household_id
					where p.cccd_pending and not p.voided and not ph.voided
					  and not exists (select 1 from member_transfer t where t.member_id = p.id and t.status = 'OPEN')
					returning id, holder_household_id, holder_unit_path, province_code, cccd""")
			.param(actor)
			.query((rs, n) -> new Opened(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * A request just opened.
	 *
	 * @param id request
	 * @param holderHouseholdId the holder's household
	 * @param holderUnitPath its village path
	 * @param provinceCode its province
	 * @param cccd the number
	 */
	public record Opened(UUID id, UUID holderHouseholdId, String holderUnitPath, String provinceCode, String cccd) {
	}

	/** Open requests to units matching the patterns, oldest first. */
	public List<MemberTransfer> open(String[] holderPatterns, int limit) {
		return this.jdbc
			.sql(SELECT + " where t.status = 'OPEN' and t.holder_unit_path like any(?)"
					+ " and not m.voided and m.cccd_pending and m.cccd = t.cccd order by t.requested_at limit ?")
			.params(holderPatterns, limit)
			.query(this::transfer)
			.list();
	}

	/** Decided requests of units matching the patterns, newest first. */
	public List<MemberTransfer> decided(String[] requesterPatterns, int limit) {
		return this.jdbc
			.sql(SELECT + " where t.status in ('ACCEPTED', 'REFUSED') and t.unit_path like any(?)"
					+ " order by t.decided_at desc limit ?")
			.params(requesterPatterns, limit)
			.query(this::transfer)
			.list();
	}

	/** Open requests to one household (its page). */
	public long openFor(UUID holderHouseholdId) {
		return this.jdbc.sql("select count(*) from member_transfer where status = 'OPEN' and holder_household_id = ?")
			.param(holderHouseholdId)
			.query(Long.class)
			.single();
	}

	public Optional<MemberTransfer> find(UUID id) {
		return this.jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::transfer).optional();
	}

	public int decide(UUID id, int version, String status, String by, String reason) {
		return this.jdbc
			.sql("update member_transfer set status = ?, decided_by = ?, decided_at = now(), reason = ?,"
					+ " version = version + 1 where id = ? and version = ? and status = 'OPEN'")
			.params(status, by, reason, id, version)
			.update();
	}

	/** The pending record becomes the holder of its number. */
	public int confirm(UUID memberId) {
		return this.jdbc
			.sql("update member set cccd_pending = false, version = version + 1, updated_at = now()"
					+ " where id = ? and cccd_pending and not voided")
			.param(memberId)
			.update();
	}

	/** The pending record loses the number. */
	public int dropNumber(UUID memberId) {
		return this.jdbc
			.sql("update member set cccd = null, cccd_pending = false, version = version + 1, updated_at = now()"
					+ " where id = ? and cccd_pending and not voided")
			.param(memberId)
			.update();
	}

	private MemberTransfer transfer(ResultSet rs, int n) throws SQLException {
		return new MemberTransfer(rs.getObject("id", UUID.class), rs.getString("status"), rs.getBoolean("live"),
				rs.getString("cccd"), rs.getObject("member_id", UUID.class), rs.getString("full_name"),
				rs.getString("sex"), rs.getObject("date_of_birth", LocalDate.class),
				rs.getObject("household_id", UUID.class), rs.getString("household_code"), rs.getString("unit_path"),
				rs.getString("village_name"), rs.getString("commune_name"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("holder_member_id", UUID.class),
				rs.getString("holder_name"), rs.getString("holder_relation"),
				!rs.getBoolean("holder_voided") && rs.getString("cccd").equals(rs.getString("holder_cccd")),
				rs.getObject("holder_household_id", UUID.class), rs.getString("holder_household_code"),
				rs.getBoolean("holder_household_voided"), rs.getString("holder_unit_path"),
				rs.getString("province_code"), rs.getString("requester_province"), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reason"), rs.getInt("version"));
	}

}
