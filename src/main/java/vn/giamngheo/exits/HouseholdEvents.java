package vn.giamngheo.exits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.exits.persistence.EventRepository;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Household events (shocks) as the commune records them (ADR 0041): a day not after
 * today, a type, optionally the member it concerns, and a note. Every write needs
 * {@code HOUSEHOLD_EVENTS} on the household's unit, writes the audit trail (entity
 * {@code HOUSEHOLD_EVENT}, with the household, so its history shows it) in the same
 * transaction, and checks the version (409 when stale). Events are voided with a reason,
 * never deleted; a voided event counts nowhere.
 */
@Service
public class HouseholdEvents {

	/** The audit trail's entity type. */
	public static final String ENTITY = "HOUSEHOLD_EVENT";

	static final int NOTE_MAX = 2000;

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final EventRepository events;

	private final HouseholdRegistry registry;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageSource messages;

	HouseholdEvents(EventRepository events, HouseholdRegistry registry, Geography geography, CurrentActor actor,
			AuditTrail audit, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.events = events;
		this.registry = registry;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** Today in Vietnam. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM));
	}

	/**
	 * Records an event: missing fields 400; a day after today, a member of another
	 * household 422; outside the scope 404/403.
	 */
	@Transactional
	public HouseholdEvent record(EventInput in) {
		this.actor.require(Permission.HOUSEHOLD_EVENTS);
		if (in == null || in.householdId() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "error.field.required")));
		}
		Household household = recordable(in.householdId());
		HouseholdEventType type = checked(household, in);
		Actor who = this.actor.get();
		UUID id = this.events.insert(household.provinceCode(), household.id(), in.memberId(), household.unitPath(),
				in.eventDate(), type.name(), note(in.eventNote()), "COMMUNE", null, who.username());
		HouseholdEvent saved = this.events.find(id).orElseThrow();
		this.audit.record(new AuditEntry(who.username(), "CREATE", ENTITY, id.toString(), household.id(),
				household.unitPath(), household.provinceCode(), AuditTrail.diff(null, fields(saved)), null));
		return saved;
	}

	/**
	 * Voids an event with a reason (it stays, marked): 400 without a reason, 422 when
	 * already voided, 409 when the version is stale.
	 */
	@Transactional
	public HouseholdEvent voidEvent(UUID id, Integer version, String reason) {
		this.actor.require(Permission.HOUSEHOLD_EVENTS);
		HouseholdEvent before = get(id);
		Actor who = this.actor.require(Permission.HOUSEHOLD_EVENTS, before.unitPath());
		List<FieldProblem> missing = new ArrayList<>();
		if (version == null) {
			missing.add(new FieldProblem("version", "error.field.required"));
		}
		if (TextNormalizer.blankToNull(reason) == null) {
			missing.add(new FieldProblem("reason", "error.field.required"));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		if (before.voided()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.event.already-voided");
		}
		if (this.events.voidEvent(id, version, reason.strip()) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "exits.event.stale");
		}
		HouseholdEvent after = this.events.find(id).orElseThrow();
		this.audit.record(new AuditEntry(who.username(), "VOID", ENTITY, id.toString(), after.householdId(),
				after.unitPath(), this.registry.household(after.householdId()).provinceCode(),
				AuditTrail.diff(Map.of("voided", false), Map.of("voided", true)), reason.strip()));
		return after;
	}

	/** An event the caller may read, else 404. */
	@Transactional(readOnly = true)
	public HouseholdEvent get(UUID id) {
		HouseholdEvent e = this.events.find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
		if (!this.actor.get().scope().canView(e.unitPath())) {
			throw DomainException.notFound(ENTITY, id);
		}
		return e;
	}

	/**
	 * A household's events (voided ones too, marked), newest first; 404 outside scope.
	 */
	@Transactional(readOnly = true)
	public List<HouseholdEvent> ofHousehold(UUID householdId) {
		this.registry.household(householdId);
		return this.events.ofHousehold(householdId);
	}

	/**
	 * A page of live events the caller may read.
	 * @param unit a unit id (its events and those below), or null for the whole scope
	 * @param household one household, or null
	 * @param type a type code, or null
	 * @param from first day, or null
	 * @param to last day, or null
	 */
	@Transactional(readOnly = true)
	public Page<HouseholdEvent> list(Long unit, UUID household, String type, LocalDate from, LocalDate to, int page,
			int size) {
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		String code = null;
		if (TextNormalizer.blankToNull(type) != null) {
			HouseholdEventType t = HouseholdEventType.of(type);
			if (t == null) {
				throw DomainException.invalid(List.of(new FieldProblem("eventType", "error.field.invalid", type)));
			}
			code = t.name();
		}
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		EventRepository.Found found = this.events.page(this.actor.get().scope().viewPatterns(), unitPath, household,
				code, from, to, p, s);
		return new Page<>(found.items(), p, s, found.total());
	}

	/**
	 * A household the caller may record events for (the form): the permission (403),
	 * visible (404), in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public Household recordable(UUID householdId) {
		this.actor.require(Permission.HOUSEHOLD_EVENTS);
		Household household = this.registry.household(householdId);
		this.actor.require(Permission.HOUSEHOLD_EVENTS, household.unitPath());
		return household;
	}

	/** A household the caller may read, else 404. */
	@Transactional(readOnly = true)
	public Household household(UUID householdId) {
		return this.registry.household(householdId);
	}

	/** The live members of a household, for the form. */
	@Transactional(readOnly = true)
	public List<Member> members(UUID householdId) {
		this.registry.household(householdId);
		return this.registry.members(householdId, false);
	}

	/** Whether the caller may record or void events of a unit (buttons). */
	public boolean mayRecord(String unitPath) {
		Actor who = this.actor.get();
		return who.may(Permission.HOUSEHOLD_EVENTS) && who.scope().canCapture(unitPath);
	}

	private HouseholdEventType checked(Household household, EventInput in) {
		List<FieldProblem> missing = new ArrayList<>();
		if (in.eventDate() == null) {
			missing.add(new FieldProblem("eventDate", "error.field.required"));
		}
		HouseholdEventType type = HouseholdEventType.of(in.eventType());
		if (TextNormalizer.blankToNull(in.eventType()) == null) {
			missing.add(new FieldProblem("eventType", "error.field.required"));
		}
		else if (type == null) {
			missing.add(new FieldProblem("eventType", "error.field.invalid", in.eventType()));
		}
		if (in.eventNote() != null && in.eventNote().strip().length() > NOTE_MAX) {
			missing.add(new FieldProblem("eventNote", "exits.event.note-long", NOTE_MAX));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		List<FieldProblem> rules = new ArrayList<>();
		if (in.eventDate().isAfter(today())) {
			rules.add(new FieldProblem("eventDate", "exits.event.future"));
		}
		if (in.eventDate().getYear() < 1950) {
			rules.add(new FieldProblem("eventDate", "exits.event.too-old"));
		}
		if (in.memberId() != null && this.registry.members(household.id(), false)
			.stream()
			.noneMatch((m) -> m.id().equals(in.memberId()))) {
			rules.add(new FieldProblem("memberId", "exits.event.member-other"));
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.event.rejected", rules);
		}
		return type;
	}

	/**
	 * A text of the bundles in Vietnamese: what is stored once and read by Vietnamese
	 * officers later (the audit trail, a void reason).
	 */
	public String vietnamese(String key, Object... args) {
		return this.messages.getMessage(key, args, key, VI);
	}

	static String note(String note) {
		return TextNormalizer.blankToNull((note == null) ? null : note.strip());
	}

	/**
	 * An event's fields as the audit trail keeps them: the type by its Vietnamese name,
	 * so the household's history reads without codes.
	 */
	Map<String, Object> fields(HouseholdEvent e) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("eventDate", e.eventDate());
		f.put("eventType", vietnamese("exits.event.type." + e.type()));
		if (e.memberName() != null) {
			f.put("eventMember", e.memberName());
		}
		if (e.note() != null) {
			f.put("eventNote", e.note());
		}
		return f;
	}

}
