package vn.giamngheo.audit;

import javax.sql.DataSource;

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

	public AuditBatch(DataSource dataSource, ObjectMapper json) {
		this.dataSource = dataSource;
		this.json = json;
	}

	/** Writes the entries (read once, one at a time) with one COPY. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Iterable<AuditEntry> entries) {
		try (CopyText copy = CopyText.open(this.dataSource, "audit_event (actor, action, entity_type, entity_id,"
				+ " household_id, unit_path, province_code, changes, reason)")) {
			for (AuditEntry e : entries) {
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
