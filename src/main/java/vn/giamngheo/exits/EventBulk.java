package vn.giamngheo.exits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.exits.persistence.EventFileRepository;
import vn.giamngheo.exits.persistence.EventFileRepository.Target;
import vn.giamngheo.exits.persistence.EventRepository;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The events' bulk face for event files (ADR 0041), as {@code benefits.BenefitBulk} is
 * the ledger's: matches a file's rows to households of the uploader's capture scope by
 * code (and the member named, by name, in it), says which rows cannot be written and why,
 * writes the others as events of the import job (audited, in the caller's transaction)
 * and voids them again on a revert. A household outside the scope is "not found in your
 * area", never told apart from one that does not exist.
 */
@Service
public class EventBulk {

	private final EventFileRepository files;

	private final EventRepository events;

	private final HouseholdEvents householdEvents;

	private final CurrentActor actor;

	private final AuditTrail audit;

	EventBulk(EventFileRepository files, EventRepository events, HouseholdEvents householdEvents, CurrentActor actor,
			AuditTrail audit) {
		this.files = files;
		this.events = events;
		this.householdEvents = householdEvents;
		this.actor = actor;
		this.audit = audit;
	}

	/**
	 * A row that cannot be written, and why.
	 *
	 * @param row the row number
	 * @param column the column it is about ({@code HOUSEHOLD_CODE}, {@code DATE},
	 * {@code MEMBER})
	 * @param key message key of the exits bundle
	 * @param arg what was looked for
	 */
	public record Unmatched(int row, String column, String key, String arg) {
	}

	/**
	 * What a file's rows do (the dry run) or did (the commit).
	 *
	 * @param unmatched rows that cannot be written, in file order
	 * @param written rows that can be (or were) written
	 * @param ids the events written (commit only)
	 */
	public record Plan(List<Unmatched> unmatched, int written, List<Written> ids) {
	}

	/**
	 * An event written.
	 *
	 * @param eventId the event
	 * @param householdId its household
	 */
	public record Written(UUID eventId, UUID householdId) {
	}

	/** Refuses (403) a user who may not record events, or records them nowhere. */
	public Actor requireRecording() {
		Actor who = this.actor.require(Permission.HOUSEHOLD_EVENTS);
		if (!who.scope().nation() && who.scope().capturePaths().isEmpty()) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden");
		}
		return who;
	}

	/** The dry run: which rows can be written. Writes nothing. */
	@Transactional(readOnly = true)
	public Plan check(List<EventRow> rows) {
		requireRecording();
		List<Matched> matched = new ArrayList<>();
		List<Unmatched> unmatched = match(rows, matched);
		return new Plan(unmatched, matched.size(), List.of());
	}

	/**
	 * Writes the rows that can be written as events of the job; with {@code all}, nothing
	 * when a row cannot be (422).
	 * @param jobId the import job
	 * @param rows the file's rows without a problem of their own
	 * @param all all or nothing
	 * @param fileName the file's name, for the audit
	 */
	@Transactional
	public Plan insert(UUID jobId, List<EventRow> rows, boolean all, String fileName) {
		Actor who = requireRecording();
		List<Matched> matched = new ArrayList<>();
		List<Unmatched> unmatched = match(rows, matched);
		if (all && !unmatched.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "imports.job.has-problems", unmatched.size());
		}
		List<Written> written = new ArrayList<>();
		for (Matched m : matched) {
			Target t = m.target();
			UUID id = this.events.insert(t.provinceCode(), t.householdId(), m.memberId(), t.unitPath(),
					m.row().eventDate(), m.row().type(), HouseholdEvents.note(m.row().note()), "IMPORT", jobId,
					who.username());
			written.add(new Written(id, t.householdId()));
			this.audit.record(new AuditEntry(who.username(), "CREATE", HouseholdEvents.ENTITY, id.toString(),
					t.householdId(), t.unitPath(), t.provinceCode(),
					AuditTrail.diff(null, this.householdEvents.fields(this.events.find(id).orElseThrow())),
					this.householdEvents.vietnamese("exits.event.file.reason.written", fileName)));
		}
		this.audit.record(
				new AuditEntry(who.username(), "EVENT_FILE_COMMITTED", "IMPORT_JOB", jobId.toString(), null, null, null,
						Map.of("events", new Change(null, written.size()), "unmatched",
								new Change(null, unmatched.size())),
						this.householdEvents.vietnamese("exits.event.file.reason.written", fileName)));
		return new Plan(unmatched, written.size(), written);
	}

	/**
	 * Voids the live events a job wrote ("Hoàn tác tệp …"), audited; returns how many.
	 */
	@Transactional
	public int revert(UUID jobId, String fileName) {
		Actor who = requireRecording();
		String reason = this.householdEvents.vietnamese("exits.event.file.reason.reverted", fileName);
		int n = 0;
		for (HouseholdEvent e : this.events.ofJob(jobId)) {
			this.actor.require(Permission.HOUSEHOLD_EVENTS, e.unitPath());
			if (this.events.voidEvent(e.id(), e.version(), reason) == 0) {
				throw new DomainException(ErrorCode.STALE_VERSION, "exits.event.stale");
			}
			this.audit.record(new AuditEntry(who.username(), "VOID", HouseholdEvents.ENTITY, e.id().toString(),
					e.householdId(), e.unitPath(), this.householdEvents.household(e.householdId()).provinceCode(),
					AuditTrail.diff(Map.of("voided", false), Map.of("voided", true)), reason));
			n++;
		}
		this.audit.record(new AuditEntry(who.username(), "EVENT_FILE_REVERTED", "IMPORT_JOB", jobId.toString(), null,
				null, null, Map.of("events", new Change(null, n)), reason));
		return n;
	}

	private List<Unmatched> match(List<EventRow> rows, List<Matched> matched) {
		Actor who = this.actor.get();
		Set<String> codes = new HashSet<>();
		rows.forEach((r) -> codes.add(r.householdCode().strip()));
		Map<String, Target> targets = this.files.targets(codes, who.scope().capturePatterns());
		List<Unmatched> unmatched = new ArrayList<>();
		java.time.LocalDate today = this.householdEvents.today();
		Set<String> seen = new HashSet<>();
		for (EventRow r : rows) {
			Target t = targets.get(r.householdCode().strip());
			if (t == null) {
				unmatched.add(new Unmatched(r.row(), "HOUSEHOLD_CODE", "exits.event.file.household-not-found",
						r.householdCode()));
				continue;
			}
			if (r.eventDate().isAfter(today)) {
				unmatched.add(new Unmatched(r.row(), "DATE", "exits.event.file.future",
						r.eventDate().format(vn.giamngheo.shared.web.FormDates.DMY)));
				continue;
			}
			UUID member = null;
			if (r.memberName() != null) {
				member = t.members().get(TextNormalizer.fold(r.memberName()));
				if (member == null) {
					unmatched
						.add(new Unmatched(r.row(), "MEMBER", "exits.event.file.member-not-found", r.memberName()));
					continue;
				}
			}
			if (!seen.add(t.householdId() + "|" + r.eventDate() + "|" + r.type() + "|" + member)) {
				unmatched.add(new Unmatched(r.row(), "TYPE", "exits.event.file.duplicate", r.householdCode()));
				continue;
			}
			matched.add(new Matched(r, t, member));
		}
		return unmatched;
	}

	private record Matched(EventRow row, Target target, UUID memberId) {
	}

}
