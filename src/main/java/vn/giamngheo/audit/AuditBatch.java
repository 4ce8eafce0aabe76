package vn.giamngheo.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.shared.db.CopyText;

/**
 * Audit rows of a bulk change (a file import), written with COPY inside the transaction
 * of the change: the same rows {@link AuditTrail#record} writes one at a time.
 */
@Component
public class AuditBatch {

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final JdbcClient jdbc;

	public AuditBatch(DataSource dataSource, ObjectMapper json, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.json = json;
		this.jdbc = jdbc;
	}

	private static final String COLUMNS = "actor, action, entity_type, entity_id, household_id, unit_path,"
			+ " province_code, changes, reason";

	/** Writes the entries (read once, one at a time) with one COPY. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Iterable<AuditEntry> entries) {
		copy("audit_event (" + COLUMNS + ")", null, entries);
	}

	/**
	 * Stages the audit rows of a planned bulk change (read once, one at a time) under a
	 * batch id; {@link #recordStaged} writes them when the change is applied.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stage(java.util.UUID batch, Iterable<AuditEntry> entries) {
		copy("bulk_stage_audit (batch_id, " + COLUMNS + ")", batch, entries);
	}

	/**
	 * Writes the staged audit rows of a batch to the audit trail (one INSERT ... SELECT).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int recordStaged(java.util.UUID batch) {
		return this.jdbc
			.sql("insert into audit_event (" + COLUMNS + ") select " + COLUMNS
					+ " from bulk_stage_audit where batch_id = ?")
			.param(batch)
			.update();
	}

	/**
	 * Writes the audit rows a query selects, in the columns actor, action, entity_type,
	 * entity_id, household_id, unit_path, province_code, changes (jsonb), reason: for
	 * rows a bulk change created from its staged rows, whose changes the query builds
	 * (every field with a value, old value null).
	 * @param select the query
	 * @param params its named parameters
	 * @return rows written
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int recordSelected(String select, java.util.Map<String, ?> params) {
		return this.jdbc.sql("insert into audit_event (" + COLUMNS + ") " + select).params(params).update();
	}

	/** Forgets the staged rows of a batch. */
	public void dropStaged(java.util.UUID batch) {
		this.jdbc.sql("delete from bulk_stage_audit where batch_id = ?").param(batch).update();
	}

	/** Forgets the staged rows of these households in a batch. */
	public void dropStaged(java.util.UUID batch, java.util.Collection<java.util.UUID> households) {
		this.jdbc.sql("delete from bulk_stage_audit where batch_id = ? and household_id = any(?)")
			.params(batch, households.toArray(java.util.UUID[]::new))
			.update();
	}

	private void copy(String target, java.util.UUID batch, Iterable<AuditEntry> entries) {
		try (CopyText copy = CopyText.open(this.dataSource, target)) {
			for (AuditEntry e : entries) {
				if (batch != null) {
					copy.field(batch);
				}
				copy.field(e.actor())
					.field(e.action())
					.field(e.entityType())
					.field(e.entityId())
					.field(e.householdId())
					.field(e.unitPath())
					.field(e.provinceCode())
					.field(this.json.writeValueAsString(e.changes()))
					.field(e.reason())
					.end();
			}
		}
	}

}
