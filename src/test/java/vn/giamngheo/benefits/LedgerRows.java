package vn.giamngheo.benefits;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-made rows of the support ledger (V62) for tests: one eligibility run per commune,
 * spells, demands and benefit records written directly, so coverage is counted over
 * figures a reader can count by hand.
 */
public final class LedgerRows {

	private final JdbcClient jdbc;

	public LedgerRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private UUID run(UUID household) {
		return this.jdbc
			.sql("insert into eligibility_run (province_code, commune_id, as_of, trigger) select province_code,"
					+ " commune_id, date '2016-01-01', 'DEMO' from household where id = ? returning id")
			.param(household)
			.query(UUID.class)
			.single();
	}

	/**
	 * An eligibility spell (to: null while it lasts); member null for a household policy.
	 */
	public void spell(String policy, UUID household, UUID member, String from, String to) {
		this.jdbc
			.sql("insert into eligibility_spell (province_code, commune_id, policy_code, policy_version, household_id,"
					+ " member_id, eligible_from, eligible_to, reasons, started_by) select province_code, commune_id, ?,"
					+ " 1, id, ?, cast(? as date), cast(? as date),"
					+ " cast('[{\"key\": \"class.POOR\", \"args\": []}]' as jsonb), ?" + " from household where id = ?")
			.params(policy, member, from, to, run(household), household)
			.update();
	}

	/**
	 * A demand of a kind registered on a day: OPEN, or closed ({@code status} WITHDRAWN
	 * or MET) on {@code closedOn}.
	 */
	public void demand(UUID household, UUID member, String kind, String on, String purpose, Long amount, String status,
			String closedOn) {
		this.jdbc
			.sql("insert into support_demand (province_code, household_id, member_id, kind, purpose, amount_vnd,"
					+ " registered_on, source, status, closed_on, created_by) select province_code, id, ?, ?, ?, ?,"
					+ " cast(? as date), 'REGISTRATION', ?, cast(? as date), 'test' from household where id = ?")
			.params(member, kind, purpose, amount, on, status, closedOn, household)
			.update();
	}

	/**
	 * A benefit record of a policy with a status, delivered (or valid) from {@code from}
	 * to {@code to}; the whole amount as central budget but {@code credit} for loans.
	 */
	public void record(String policy, String agency, UUID household, UUID member, String status, String deliveredOn,
			String from, String to, long amount, boolean credit) {
		this.jdbc.sql("insert into benefit_record (province_code, household_id, member_id, commune_id, unit_path,"
				+ " policy_code, policy_version, agency, period_from, period_to, amount_vnd, central_vnd, credit_vnd,"
				+ " status, delivered_on, valid_from, valid_to, decision_date, created_by) select province_code, id,"
				+ " ?, commune_id, unit_path, ?, 1, ?, cast(? as date), cast(? as date), ?, ?, ?, ?,"
				+ " cast(? as date), cast(? as date), cast(? as date), cast(? as date), 'test'"
				+ " from household where id = ?")
			.params(member, policy, agency, from, to, amount, credit ? 0 : amount, credit ? amount : 0, status,
					deliveredOn, from, to, from, household)
			.update();
	}

	/** A member of a household (born on the day given). */
	public UUID member(UUID household, String name, String born) {
		return this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation) select id, province_code, ?, lower(?), 'F', cast(? as date), '01',"
					+ " 'CHILD' from household where id = ? returning id")
			.params(name, name, born, household)
			.query(UUID.class)
			.single();
	}

}
