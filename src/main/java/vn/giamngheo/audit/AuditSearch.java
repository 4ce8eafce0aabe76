package vn.giamngheo.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.shared.text.CsvWriter;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.ActorSource;
import vn.giamngheo.shared.scope.PersonalData;
import vn.giamngheo.shared.scope.Permission;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * Searching and exporting the audit trail, always within the searcher's view scope. The
 * auditor and the system administrator search by user, unit (subtree), household and date
 * range; anyone who can see a household can read its history. Citizen IDs and phone
 * numbers in old/new values are masked by role.
 */
@Service
public class AuditSearch {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final ActorSource current;

	private final MessageSource messages;

	private final Disclosures disclosures;

	public AuditSearch(JdbcClient jdbc, ObjectMapper json, ActorSource current, MessageSource messages,
			Disclosures disclosures) {
		this.jdbc = jdbc;
		this.json = json;
		this.current = current;
		this.messages = messages;
		this.disclosures = disclosures;
	}

	/** One page of events, newest first. */
	@Transactional(readOnly = true)
	public Page search(Criteria criteria, int page, int size) {
		int limit = Math.max(1, Math.min(size, 200));
		int offset = Math.max(0, Math.min(page, 10_000)) * limit;
		Query q = query(criteria);
		Actor actor = this.current.current();
		List<Event> events = this.jdbc.sql(q.sql() + " order by at desc, id desc limit ? offset ?")
			.params(append(q.params(), limit + 1, offset))
			.query((rs, n) -> event(rs, actor))
			.list();
		boolean more = events.size() > limit;
		return new Page(more ? events.subList(0, limit) : events, page, limit, more);
	}

	/**
	 * A household's history for its page ("who changed what, when, old → new"), newest
	 * first: anyone whose view scope covers the household; otherwise not found.
	 * @param householdId the household
	 * @return up to 200 events, personal values masked by role
	 */
	@Transactional(readOnly = true)
	public List<Event> historyOf(UUID householdId) {
		return search(new Criteria(null, null, householdId, null, null), 0, 200).events();
	}

	/**
	 * Streams every matching event as CSV (UTF-8 with BOM, for spreadsheet programs), one
	 * row per changed field, with the action, record kind and field named in the reader's
	 * language beside their codes. The export itself is audited first ({@code EXPORT} of
	 * {@code AUDIT_EVENTS} with its filters).
	 */
	@Transactional(readOnly = true)
	public void exportCsv(Criteria criteria, Writer out) {
		Query q = query(criteria);
		Actor actor = this.current.current();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> labels = new HashMap<>();
		try {
			out.write('\uFEFF');
			out.write("id,at,actor,action,action_label,entity_type,entity_label,entity_id,household_id,unit_path,"
					+ "field,field_label,old,new,reason\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.jdbc.sql(q.sql() + " order by at desc, id desc")
			.params(q.params())
			.withFetchSize(500)
			.query((ResultSet rs) -> {
				Event e = event(rs, actor);
				Label l = (key) -> labels.computeIfAbsent(key, (k) -> this.messages.getMessage(k, null, "", locale));
				try {
					if (e.changes().isEmpty()) {
						writeRow(out, e, "", null, null, l);
					}
					for (Map.Entry<String, AuditTrail.Change> c : e.changes().entrySet()) {
						writeRow(out, e, c.getKey(), c.getValue().old(), c.getValue().neu(), l);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	/**
	 * Records an export of the audit trail ({@code EXPORT} of {@code AUDIT_EVENTS} with
	 * its filters), before {@link #exportCsv} and outside its transaction.
	 */
	public void recordExport(Criteria c) {
		Actor actor = this.current.current();
		Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
		String path = null;
		if (c.unit() != null && !c.unit().isBlank()) {
			path = unitPath(c.unit().strip());
			changes.put("unit", new AuditTrail.Change(null, c.unit().strip()));
		}
		else if (!actor.scope().nation() && actor.scope().viewPaths().size() == 1) {
			path = actor.scope().viewPaths().get(0);
		}
		if (c.user() != null && !c.user().isBlank()) {
			changes.put("user", new AuditTrail.Change(null, c.user().strip()));
		}
		if (c.household() != null) {
			changes.put("household", new AuditTrail.Change(null, c.household().toString()));
		}
		if (c.from() != null) {
			changes.put("from", new AuditTrail.Change(null, c.from().toString()));
		}
		if (c.to() != null) {
			changes.put("to", new AuditTrail.Change(null, c.to().toString()));
		}
		changes.put("format", new AuditTrail.Change(null, "CSV"));
		this.disclosures.record(new AuditTrail.AuditEntry(actor.username(), Disclosures.EXPORT, "AUDIT_EVENTS",
				"audit-events.csv", null, path, null, changes, null));
	}

	/** A label from the bundles, empty when there is none. */
	private interface Label {

		String of(String key);

	}

	private static void writeRow(Writer out, Event e, String field, Object old, Object neu, Label label)
			throws IOException {
		String[] cells = { String.valueOf(e.id()), e.at().toString(), e.actor(), e.action(),
				label.of("action." + e.action()), e.entityType(), label.of("entity." + e.entityType()), e.entityId(),
				(e.householdId() != null) ? e.householdId().toString() : "", nz(e.unitPath()), field,
				field.isEmpty() ? "" : label.of("field." + field), (old != null) ? String.valueOf(old) : "",
				(neu != null) ? String.valueOf(neu) : "", nz(e.reason()) };
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(csv(cells[i]));
		}
		out.write("\r\n");
	}

	/** A cell as the one CSV writer writes it (quoted, formulas defused). */
	static String csv(String value) {
		return CsvWriter.cell(value);
	}

	private static String nz(String s) {
		return (s != null) ? s : "";
	}

	private Query query(Criteria c) {
		Actor actor = this.current.current();
		StringBuilder sql = new StringBuilder("select id, at, actor, action, entity_type, entity_id, household_id,"
				+ " unit_path, changes::text as changes, reason from audit_event where true");
		List<Object> params = new ArrayList<>();
		if (c.household() != null) {
			String path = this.jdbc.sql("select unit_path from household where id = ?")
				.param(c.household())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
			requireView(actor, path);
			sql.append(" and household_id = ?");
			params.add(c.household());
		}
		else if (!actor.may(Permission.AUDIT_READ)) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.permission.AUDIT_READ");
		}
		// Scope: events of units in the view scope; events without a unit (user
		// administration)
		// only for whoever sees the whole country.
		if (!actor.scope().canView("/")) {
			sql.append(" and unit_path like any(?)");
			params.add(actor.scope().viewPatterns());
		}
		if (c.unit() != null && !c.unit().isBlank()) {
			String path = unitPath(c.unit().strip());
			requireView(actor, path);
			sql.append(" and unit_path like ?");
			params.add(path + "%");
		}
		if (c.user() != null && !c.user().isBlank()) {
			sql.append(" and actor = ?");
			params.add(c.user().strip());
		}
		if (c.from() != null) {
			sql.append(" and at >= ?");
			params.add(c.from().atStartOfDay(VIETNAM).toOffsetDateTime());
		}
		if (c.to() != null) {
			sql.append(" and at < ?");
			params.add(c.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
		}
		if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
			throw DomainException.invalid(List.of(new FieldProblem("to", "error.field.invalid", c.to())));
		}
		return new Query(sql.toString(), params);
	}

	/** Out of view scope reads as not found: existence is not revealed. */
	private static void requireView(Actor actor, String path) {
		if (!actor.scope().canView(path)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain");
		}
	}

	/**
	 * The search key ({@code code@edition}) of the unit with this id, as a picker submits
	 * it; empty when there is none.
	 */
	public java.util.Optional<String> unitKey(long unitId) {
		return this.jdbc.sql("select code || '@' || edition from admin_unit where id = ?")
			.param(unitId)
			.query(String.class)
			.optional();
	}

	/**
	 * The household with this code (as printed, or typed in lower case), as a picker
	 * submits it; empty when there is none.
	 */
	public java.util.Optional<UUID> householdByCode(String code) {
		return this.jdbc.sql("select id from household where code in (?, ?) limit 1")
			.params(code.strip(), code.strip().toUpperCase(Locale.ROOT))
			.query(UUID.class)
			.optional();
	}

	private String unitPath(String key) {
		int at = key.indexOf('@');
		String code = (at > 0) ? key.substring(0, at) : key;
		String edition = (at > 0) ? key.substring(at + 1) : null;
		return this.jdbc
			.sql("select path from admin_unit where code = ? and (cast(? as text) is null or edition = ?)"
					+ " order by (valid_to is null or valid_to >= current_date) desc, valid_from desc, depth limit 1")
			.params(code, edition, edition)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
	}

	private Event event(ResultSet rs, Actor actor) throws SQLException {
		String path = rs.getString("unit_path");
		Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> raw = this.json.readValue(rs.getString("changes"), Map.class);
		raw.forEach((field, v) -> {
			PersonalData.Kind kind = PersonalData.Kind.ofField(field);
			Object old = (v != null) ? v.get("old") : null;
			Object neu = (v != null) ? v.get("new") : null;
			if (kind != null) {
				old = (old != null) ? PersonalData.mask(actor, String.valueOf(old), kind, path) : null;
				neu = (neu != null) ? PersonalData.mask(actor, String.valueOf(neu), kind, path) : null;
			}
			changes.put(field, new AuditTrail.Change(old, neu));
		});
		String action = rs.getString("action");
		return new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), action,
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getObject("household_id", UUID.class), path,
				changes, reasonAsShown(actor, action, rs.getString("reason"), path));
	}

	/**
	 * A reason as the reader may see it: a complaint's text, which before ADR 0017
	 * carried the complainant's phone, with phone numbers masked for those who do not
	 * handle complaints.
	 */
	public static String reasonAsShown(Actor actor, String action, String reason, String unitPath) {
		return "COMPLAIN".equals(action)
				? PersonalData.maskNumbersIn(actor, reason, PersonalData.Kind.COMPLAINANT_PHONE, unitPath) : reason;
	}

	private static Object[] append(List<Object> params, Object... more) {
		List<Object> all = new ArrayList<>(params);
		all.addAll(List.of(more));
		return all.toArray();
	}

	private record Query(String sql, List<Object> params) {
	}

	/**
	 * What to search for; every field optional.
	 *
	 * @param user actor user name (exact)
	 * @param unit unit code ({@code code} or {@code code@edition}): its whole subtree
	 * @param household household id
	 * @param from first day (Viet Nam time)
	 * @param to last day, inclusive
	 */
	public record Criteria(String user, String unit, UUID household, LocalDate from, LocalDate to) {
	}

	/**
	 * One page.
	 *
	 * @param events the events
	 * @param page page number (from 0)
	 * @param size page size
	 * @param hasMore a next page exists
	 */
	public record Page(List<Event> events, int page, int size, boolean hasMore) {
	}

	/**
	 * An event as shown to the searcher (personal values masked by role).
	 *
	 * @param id sequence
	 * @param at when
	 * @param actor who
	 * @param action what
	 * @param entityType entity type
	 * @param entityId entity id
	 * @param householdId household
	 * @param unitPath unit path
	 * @param changes field → old/new
	 * @param reason reason
	 */
	public record Event(long id, OffsetDateTime at, String actor, String action, String entityType, String entityId,
			UUID householdId, String unitPath, Map<String, AuditTrail.Change> changes, String reason) {
	}

}
