package vn.giamngheo.benefits.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A household's eligibility spells that hold on a day with no support of the policy
 * received in that day's year (the contract's "served in year Y": a delivered, closed or
 * overdue record delivered in the year, or a card valid during it).
 */
@Repository
public class UnservedRepository {

	private final JdbcClient jdbc;

	public UnservedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Unserved> of(UUID householdId, LocalDate day) {
		LocalDate first = day.withDayOfYear(1);
		LocalDate last = day.withMonth(12).withDayOfMonth(31);
		return this.jdbc.sql("select s.policy_code, s.member_id, m.full_name, s.eligible_from, s.window_end"
				+ " from eligibility_spell s left join member m on m.id = s.member_id"
				+ " where s.household_id = ? and s.eligible_from <= ?"
				+ " and coalesce(least(s.eligible_to, s.window_end), 'infinity') >= ?"
				+ " and not exists (select 1 from benefit_record r where r.household_id = s.household_id"
				+ "   and r.policy_code = s.policy_code and r.member_id is not distinct from s.member_id"
				+ "   and not r.voided and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE')"
				+ "   and ((r.delivered_on between ? and ?)"
				+ "     or (r.valid_from is not null and r.valid_from <= ? and coalesce(r.valid_to, r.period_to) >= ?)))"
				+ " order by s.policy_code, m.full_name")
			.params(householdId, day, day, first, last, last, first)
			.query((rs, n) -> new Unserved(rs.getString("policy_code"), rs.getObject("member_id", UUID.class),
					rs.getString("full_name"), rs.getObject("eligible_from", LocalDate.class),
					rs.getObject("window_end", LocalDate.class)))
			.list();
	}

	/**
	 * An eligibility that received nothing this year.
	 *
	 * @param policyCode the policy
	 * @param memberId the member (member policies)
	 * @param memberName the member's name
	 * @param eligibleFrom since when eligible
	 * @param windowEnd the last day the rule allows, if any
	 */
	public record Unserved(String policyCode, UUID memberId, String memberName, LocalDate eligibleFrom,
			LocalDate windowEnd) {
	}

}
