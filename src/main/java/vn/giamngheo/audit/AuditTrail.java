package vn.giamngheo.audit;

import vn.giamngheo.shared.text.Bilingual;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The one audit mechanism every write path uses. It must be called inside the transaction
 * of the change ({@link Propagation#MANDATORY}), so the change and its audit row commit
 * together. The table is append-only (enforced by a trigger in PostgreSQL).
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public AuditTrail(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEntry entry) {
		this.jdbc.sql(
				"insert into audit_event (actor, action, entity_type, entity_id, household_id, unit_path, province_code,"
						+ " changes, reason) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
			.params(entry.actor(), entry.action(), entry.entityType(), entry.entityId(), entry.householdId(),
					entry.unitPath(), entry.provinceCode(), this.json.writeValueAsString(entry.changes()),
					entry.reason())
			.update();
	}

	/** Events of one household, newest first (callers check scope first). */
	public List<AuditEvent> ofHousehold(UUID householdId) {
		return this.jdbc.sql(
				"select id, at, actor, action, entity_type, entity_id, changes::text as changes, reason from audit_event"
						+ " where household_id = ? order by at desc, id desc")
			.param(householdId)
			.query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), readChanges(rs.getString("changes")), rs.getString("reason")))
			.list();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Change> readChanges(String text) {
		Map<String, Map<String, Object>> raw = this.json.readValue(text, Map.class);
		Map<String, Change> changes = new LinkedHashMap<>();
		raw.forEach((field, v) -> changes.put(field, new Change(v.get("old"), v.get("new"))));
		return changes;
	}

	/**
	 * The reason of a change made by an official decision, as officers read it in the
	 * trail: "Quyết định số 7/QĐ-UBND" (stored in Vietnamese, from the bundle).
	 */
	public static String byDecision(String decisionNo) {
		return Bilingual.vietnamese("audit.reason.decision", decisionNo.strip());
	}

	/** Collects field changes between an old and a new value. */
	public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Change> changes = new LinkedHashMap<>();
		after.forEach((field, newValue) -> {
			Object oldValue = (before != null) ? before.get(field) : null;
			if (!Objects.equals(String.valueOf(oldValue), String.valueOf(newValue))) {
				changes.put(field, new Change(oldValue, newValue));
			}
		});
		return changes;
	}

	/**
	 * One field change.
	 *
	 * @param old value before
	 * @param neu value after
	 */
	public record Change(Object old, @com.fasterxml.jackson.annotation.JsonProperty("new") Object neu) {
	}

	/**
	 * A change to record.
	 *
	 * @param actor who
	 * @param action CREATE, UPDATE, VOID, ...
	 * @param entityType HOUSEHOLD, MEMBER, ...
	 * @param entityId id of the entity
	 * @param householdId household the entity hangs off, if any
	 * @param unitPath unit path for scope-filtered audit search
	 * @param provinceCode province
	 * @param changes field → old/new
	 * @param reason why (void reason, reopening reason, ...)
	 */
	public record AuditEntry(String actor, String action, String entityType, String entityId, UUID householdId,
			String unitPath, String provinceCode, Map<String, Change> changes, String reason) {
	}

	/**
	 * A recorded event.
	 *
	 * @param id sequence
	 * @param at when
	 * @param actor who
	 * @param action what
	 * @param entityType entity type
	 * @param entityId entity id
	 * @param changes field → old/new
	 * @param reason reason
	 */
	public record AuditEvent(long id, OffsetDateTime at, String actor, String action, String entityType,
			String entityId, Map<String, Change> changes, String reason) {
	}

}
