package vn.giamngheo.benefits.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.benefits.SupportDemand;

/**
 * SQL of the demand ({@code support_demand}). A demand is scoped by its household's
 * village path.
 */
@Repository
public class DemandRepository {

	static final String COLUMNS = "select d.*, m.full_name as member_name, h.unit_path";

	static final String FROM = " from support_demand d join household h on h.id = d.household_id"
			+ " left join member m on m.id = d.member_id";

	static final String SELECT = COLUMNS + FROM;

	private final JdbcClient jdbc;

	public DemandRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new demand; returns its id. */
	public UUID insert(SupportDemand d, String provinceCode, String actor) {
		return this.jdbc
			.sql("insert into support_demand (province_code, household_id, member_id, kind, policy_code, purpose,"
					+ " amount_vnd, registered_on, source, review_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " returning id")
			.params(provinceCode, d.householdId(), d.memberId(), d.kind(), d.policyCode(), d.purpose(), d.amountVnd(),
					d.registeredOn(), d.source(), d.reviewId(), actor)
			.query(UUID.class)
			.single();
	}

	/**
	 * A household's Phiếu C need of a review as demand, unless that review already gave
	 * it (a recognition done again does not repeat it).
	 * @return the new demand's id, or empty when it was there
	 */
	public Optional<UUID> insertFromPhieuC(UUID reviewId, UUID householdId, String provinceCode, String kind,
			LocalDate registeredOn, String actor) {
		return this.jdbc
			.sql("insert into support_demand (province_code, household_id, kind, registered_on, source, review_id,"
					+ " created_by) select ?, ?, ?, ?, 'PHIEU_C', ?, ? where not exists (select 1 from support_demand"
					+ " where review_id = ? and household_id = ? and kind = ? and source = 'PHIEU_C') returning id")
			.params(provinceCode, householdId, kind, registeredOn, reviewId, actor, reviewId, householdId, kind)
			.query(UUID.class)
			.optional();
	}

	public Optional<SupportDemand> find(UUID id) {
		return this.jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::row).optional();
	}

	/** Withdraws an open demand if still at {@code version}. */
	public int withdraw(UUID id, int version, LocalDate on, String reason) {
		return this.jdbc
			.sql("update support_demand set status = 'WITHDRAWN', closed_on = ?, closed_reason = ?,"
					+ " version = version + 1, updated_at = now() where id = ? and version = ? and status = 'OPEN'")
			.params(on, reason, id, version)
			.update();
	}

	/** Marks an open demand met on a day. */
	public int meet(UUID id, LocalDate on) {
		return this.jdbc
			.sql("update support_demand set status = 'MET', closed_on = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and status = 'OPEN'")
			.params(on, id)
			.update();
	}

	/**
	 * A page of demands in the path patterns, newest first.
	 * @return the rows and the count of all that match
	 */
	public Rows<SupportDemand> page(String[] patterns, String unitPath, String kind, String status, UUID householdId,
			int page, int size) {
		StringBuilder where = new StringBuilder(" where h.unit_path like any(?)");
		List<Object> params = new ArrayList<>();
		params.add(patterns);
		if (unitPath != null) {
			where.append(" and h.unit_path like ?");
			params.add(unitPath + "%");
		}
		if (kind != null) {
			where.append(" and d.kind = ?");
			params.add(kind);
		}
		if (status != null) {
			where.append(" and d.status = ?");
			params.add(status);
		}
		if (householdId != null) {
			where.append(" and d.household_id = ?");
			params.add(householdId);
		}
		return Rows.page(this.jdbc, COLUMNS, FROM + where, "order by d.registered_on desc, d.created_at desc", params,
				page, size, this::row);
	}

	SupportDemand row(ResultSet rs, int n) throws SQLException {
		Long amount = rs.getObject("amount_vnd", Long.class);
		return new SupportDemand(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("member_name"), rs.getString("kind"),
				rs.getString("policy_code"), rs.getString("purpose"), amount,
				rs.getObject("registered_on", LocalDate.class), rs.getString("source"),
				rs.getObject("review_id", UUID.class), rs.getString("status"),
				rs.getObject("closed_on", LocalDate.class), rs.getString("closed_reason"), rs.getInt("version"),
				rs.getString("unit_path"));
	}

}
