package vn.giamngheo.exits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.exits.domain.ExitFollowUp;
import vn.giamngheo.exits.domain.ExitFollowUp.State;
import vn.giamngheo.exits.persistence.EventRepository;
import vn.giamngheo.exits.persistence.FollowUpRepository;
import vn.giamngheo.exits.persistence.FollowUpRepository.Delivered;
import vn.giamngheo.exits.persistence.FollowUpRepository.Named;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;

/**
 * Follow-up after exit (ADR 0041): the households of a unit that left the poor or
 * near-poor list and are, on a day, inside their newly-exited window (from the exit day
 * for {@code giamngheo.exits.follow-up-years} years, 3 by default), each with its class
 * every year since, the support it received and the shocks recorded since its exit. A
 * household that is on the list again "fell back": it leaves the list of those followed
 * and shows on the "đã tái nghèo" one with the day it fell back. Read only, filtered by
 * the caller's scope.
 */
@Service
public class FollowUps {

	/** Who is listed: all followed, those of one exit kind, or those who fell back. */
	public static final Set<String> KINDS = Set.of("POOR", "NEAR_POOR", "FELL_BACK");

	private final FollowUpRepository repository;

	private final EventRepository events;

	private final SupportPolicies policies;

	private final Geography geography;

	private final CurrentActor actor;

	private final Clock clock;

	private final int years;

	FollowUps(FollowUpRepository repository, EventRepository events, SupportPolicies policies, Geography geography,
			CurrentActor actor, Clock clock, @Value("${giamngheo.exits.follow-up-years:3}") int years) {
		if (years < 1) {
			throw new IllegalArgumentException("giamngheo.exits.follow-up-years must be at least 1");
		}
		this.repository = repository;
		this.events = events;
		this.policies = policies;
		this.geography = geography;
		this.actor = actor;
		this.clock = clock;
		this.years = years;
	}

	/** The window's length in years. */
	public int years() {
		return this.years;
	}

	/** Today in Vietnam. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM));
	}

	/**
	 * A page of the households followed on a day.
	 * @param unit a unit id, or null for the caller's whole scope
	 * @param kind null (all followed), POOR or NEAR_POOR (followed after that exit), or
	 * FELL_BACK (those that fell back inside their window)
	 * @param on the day, or null for today
	 */
	@Transactional(readOnly = true)
	public Page<FollowUp> list(Long unit, String kind, LocalDate on, int page, int size) {
		String k = (kind == null || kind.isBlank()) ? null : kind.strip();
		if (k != null && !KINDS.contains(k)) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "error.field.invalid", kind)));
		}
		LocalDate day = (on != null) ? on : today();
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		Actor who = this.actor.get();
		Map<UUID, List<ExitFollowUp.YearClass>> histories = this.repository.histories(who.scope().viewPatterns(),
				unitPath, day.getYear() - this.years - 2);
		List<Found> found = new ArrayList<>();
		histories.forEach((id, history) -> ExitFollowUp.on(history, this.years, day)
			.filter((s) -> wanted(s, k))
			.ifPresent((s) -> found.add(new Found(id, s, history))));
		found.sort(Comparator.comparing((Found f) -> f.state().exitDay()).reversed().thenComparing(Found::id));
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		List<Found> slice = found.subList(Math.min(found.size(), p * s), Math.min(found.size(), p * s + s));
		return new Page<>(details(slice, day, who), p, s, found.size());
	}

	private static boolean wanted(State s, String kind) {
		if ("FELL_BACK".equals(kind)) {
			return s.fellBack();
		}
		return !s.fellBack() && (kind == null || kind.equals(s.from()));
	}

	private List<FollowUp> details(List<Found> slice, LocalDate day, Actor who) {
		if (slice.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = slice.stream().map(Found::id).toList();
		LocalDate first = slice.stream().map((f) -> f.state().exitDay()).min(Comparator.naturalOrder()).orElseThrow();
		Map<UUID, Named> names = this.repository.names(ids);
		String agency = who.hasRole(Role.PARTNER.name()) ? Optional.ofNullable(who.agency()).orElse("-") : null;
		List<Delivered> delivered = this.repository.delivered(ids, first, day, agency);
		List<HouseholdEvent> shocks = this.events.since(ids, first);
		List<FollowUp> out = new ArrayList<>();
		for (Found f : slice) {
			State s = f.state();
			List<FollowUp.Support> support = delivered.stream()
				.filter((d) -> d.householdId().equals(f.id()) && !d.day().isBefore(s.exitDay()))
				.map((d) -> new FollowUp.Support(d.day(), d.policyCode(), policyName(d.policyCode()), d.amountVnd(),
						d.status()))
				.toList();
			List<FollowUp.Shock> adverse = shocks.stream()
				.filter((e) -> e.householdId().equals(f.id()) && e.adverse() && !e.eventDate().isBefore(s.exitDay())
						&& !e.eventDate().isAfter(day))
				.map((e) -> new FollowUp.Shock(e.eventDate(), e.type(), e.note()))
				.toList();
			List<FollowUp.YearClass> classes = f.history()
				.stream()
				.filter((c) -> c.year() >= s.exitYear() - 1 && !c.day().isAfter(day))
				.sorted(Comparator.comparingInt(ExitFollowUp.YearClass::year))
				.map((c) -> new FollowUp.YearClass(c.year(), c.classification()))
				.toList();
			Named n = names.get(f.id());
			out.add(new FollowUp(f.id(), n.code(), n.headName(), n.communeName(), n.villageName(), s.from(),
					s.exitYear(), s.exitDay(), s.windowEnd(), s.fellBack(), s.fellBackYear(), s.fellBackOn(), classes,
					support, support.stream().mapToLong(FollowUp.Support::amountVnd).sum(), adverse));
		}
		return out;
	}

	private String policyName(String code) {
		return this.policies.find(code).map(SupportPolicy::name).orElse(code);
	}

	private record Found(UUID id, State state, List<ExitFollowUp.YearClass> history) {
	}

}
