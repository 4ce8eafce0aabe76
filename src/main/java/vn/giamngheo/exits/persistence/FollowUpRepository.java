package vn.giamngheo.exits.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.exits.domain.ExitFollowUp.YearClass;

/**
 * SQL of the follow-up after exit (ADR 0041): the recognised class histories of the
 * households of a unit that were poor or near-poor in recent years, their names, and the
 * support the benefit ledger holds for them (read from {@code benefit_record} directly:
 * one grouped query for a page instead of a call per household through the ledger's
 * face).
 */
@Repository
public class FollowUpRepository {

	private final JdbcClient jdbc;

	public FollowUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The recognised class each year (the latest decision of a year) of the active
	 * households in the caller's scope and the unit that were POOR or NEAR_POOR in
	 * {@code sinceYear} or later.
	 */
	public Map<UUID, List<YearClass>> histories(String[] patterns, String unitPath, int sinceYear) {
		Map<UUID, List<YearClass>> map = new LinkedHashMap<>();
		this.jdbc.sql("""
				select distinct on (a.household_id, a.year) a.household_id, a.year, a.classification, a.decision_date
				from household_assessment a join household h on h.id = a.household_id
				where a.recognised and not h.voided and h.status = 'ACTIVE' and h.unit_path like any(?)
				  and h.unit_path like ?
				  and exists (select 1 from household_assessment p where p.household_id = h.id and p.recognised
				              and p.classification in ('POOR', 'NEAR_POOR') and p.year >= ?)
				order by a.household_id, a.year, a.decision_date desc nulls last, a.id""")
			.params(patterns, (unitPath != null) ? unitPath + "%" : "%", sinceYear)
			.query((rs) -> {
				map.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new java.util.ArrayList<>())
					.add(new YearClass(rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
			});
		return map;
	}

	/**
	 * A household's name and place.
	 *
	 * @param id the household
	 * @param code its code
	 * @param headName its head
	 * @param communeName its commune
	 * @param villageName its village
	 */
	public record Named(UUID id, String code, String headName, String communeName, String villageName) {
	}

	public Map<UUID, Named> names(Collection<UUID> ids) {
		Map<UUID, Named> map = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return map;
		}
		this.jdbc.sql(
				"select h.id, h.code, h.head_name, c.name, v.name from household h join admin_unit c on c.id = h.commune_id"
						+ " join admin_unit v on v.id = h.village_id where h.id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs) -> {
				UUID id = rs.getObject(1, UUID.class);
				map.put(id, new Named(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
			});
		return map;
	}

	/**
	 * A delivered ledger record.
	 *
	 * @param householdId the household
	 * @param day the day delivered
	 * @param policyCode its policy
	 * @param amountVnd the amount
	 * @param status DELIVERED, CLOSED or OVERDUE
	 */
	public record Delivered(UUID householdId, LocalDate day, String policyCode, long amountVnd, String status) {
	}

	/**
	 * The live delivered records (DELIVERED, CLOSED, OVERDUE) of some households
	 * delivered in a span, newest first.
	 * @param agency a partner's agency (its own records only), or null
	 */
	public List<Delivered> delivered(Collection<UUID> ids, LocalDate from, LocalDate to, String agency) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select household_id, coalesce(delivered_on, period_from) as day, policy_code, amount_vnd, status
				from benefit_record
				where household_id = any(?) and not voided and status in ('DELIVERED', 'CLOSED', 'OVERDUE')
				  and coalesce(delivered_on, period_from) between ? and ? and (cast(? as text) is null or agency = ?)
				order by day desc, created_at desc""")
			.params(ids.toArray(UUID[]::new), from, to, agency, agency)
			.query((rs, n) -> new Delivered(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), rs.getLong(4), rs.getString(5)))
			.list();
	}

}
