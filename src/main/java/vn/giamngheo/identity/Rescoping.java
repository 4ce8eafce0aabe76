package vn.giamngheo.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.domain.ScopeSuccession;
import vn.giamngheo.identity.domain.ScopeSuccession.Flag;
import vn.giamngheo.identity.domain.ScopeSuccession.Outcome;
import vn.giamngheo.identity.domain.ScopeSuccession.Place;
import vn.giamngheo.identity.domain.ScopeSuccession.Successor;
import vn.giamngheo.identity.persistence.RescopeRepository;
import vn.giamngheo.identity.persistence.RescopeRepository.ScopedAccount;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.Bilingual;

/**
 * The re-scope run (ADR 0029): accounts scoped to units that have ended follow them to
 * the units in force ({@link ScopeSuccession}). A dry run lists every account holding an
 * ended unit with its scope before and after and the units left for the administrator;
 * the run applies it as one batch, with one audit event per changed account. Running it
 * again changes nothing.
 */
@Service
public class Rescoping {

	private static final Logger log = LoggerFactory.getLogger(Rescoping.class);

	private final RescopeRepository repository;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final UserChanges changes;

	private final Clock clock;

	private final int maxCommunes;

	public Rescoping(RescopeRepository repository, CurrentActor current, AuditTrail audit, UserChanges changes,
			Clock clock,
			@Value("${giamngheo.rescope.max-communes:" + ScopeSuccession.DEFAULT_MAX_COMMUNES + "}") int maxCommunes) {
		this.repository = repository;
		this.current = current;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
		this.maxCommunes = maxCommunes;
	}

	/**
	 * What a run would do, changing nothing.
	 * @param query part of a username or display name, or empty for every account
	 * @return the plan
	 */
	public Plan plan(String query) {
		this.current.require(Permission.USER_ADMIN);
		return planOn(query, LocalDate.now(this.clock));
	}

	/**
	 * Applies the run to the accounts the query matches.
	 * @param query part of a username or display name, or empty for every account
	 * @return the batch
	 */
	@Transactional
	public Batch apply(String query) {
		this.current.require(Permission.USER_ADMIN);
		return applyAs(query, this.current.get().username());
	}

	/**
	 * Applies the run to every account without the administrator check (the demo load),
	 * when it changes some account.
	 * @return the batch, if the run changed something
	 */
	@Transactional
	public Optional<Batch> applyUnchecked() {
		if (planOn(null, LocalDate.now(this.clock)).accounts().stream().noneMatch(AccountPlan::changed)) {
			return Optional.empty();
		}
		Batch batch = applyAs(null, Actor.SYSTEM.username());
		log.info("Re-scope batch {}: {} accounts with ended units, {} changed, {} flagged", batch.id(),
				batch.plan().accounts().size(), batch.changed(), batch.flagged());
		return Optional.of(batch);
	}

	private Batch applyAs(String query, String actor) {
		LocalDate today = LocalDate.now(this.clock);
		Plan plan = planOn(query, today);
		int changed = (int) plan.accounts().stream().filter(AccountPlan::changed).count();
		int flagged = (int) plan.accounts().stream().filter((a) -> !a.flags().isEmpty()).count();
		String filter = (query == null || query.isBlank()) ? null : query.strip();
		long batch = this.repository.insertBatch(actor, OffsetDateTime.now(this.clock), today, filter,
				plan.accounts().size(), changed, flagged);
		String reason = Bilingual.vietnamese("rescope.audit.reason", batch);
		for (AccountPlan a : plan.accounts()) {
			if (!a.changed()) {
				continue;
			}
			this.repository.replaceScope(a.id(), a.viewAfter(), a.captureAfter());
			Map<String, Change> diff = new LinkedHashMap<>();
			diff.put("viewUnits", new Change(keys(a.viewBefore()), keys(a.viewAfter())));
			diff.put("captureUnits", new Change(keys(a.captureBefore()), keys(a.captureAfter())));
			this.audit.record(
					new AuditEntry(actor, "UPDATE", "USER", String.valueOf(a.id()), null, null, null, diff, reason));
			this.changes.changed(a.id());
		}
		Map<String, Change> summary = new LinkedHashMap<>();
		summary.put("accounts", new Change(null, plan.accounts().size()));
		summary.put("changed", new Change(null, changed));
		summary.put("flagged", new Change(null, flagged));
		this.audit.record(new AuditEntry(actor, "RESCOPE", "USER_RESCOPE_BATCH", String.valueOf(batch), null, null,
				null, summary, reason));
		return new Batch(batch, plan, changed, flagged);
	}

	private Plan planOn(String query, LocalDate date) {
		Map<Long, List<Successor>> known = new HashMap<>();
		List<AccountPlan> accounts = this.repository.accountsWithEndedUnits(query, date).stream().map((a) -> {
			Map<Long, List<Successor>> successors = new HashMap<>();
			for (Place unit : a.ended()) {
				successors.put(unit.id(), known.computeIfAbsent(unit.id(), (id) -> this.repository.successors(unit)));
			}
			Outcome outcome = ScopeSuccession.rescope(a.view(), a.capture(), successors, this.maxCommunes);
			return new AccountPlan(a.id(), a.username(), a.displayName(), a.role(), a.view(), a.capture(),
					outcome.view(), outcome.capture(), outcome.flags(), outcome.changes(a.view(), a.capture()));
		}).toList();
		return new Plan(date, accounts);
	}

	private static List<String> keys(List<Place> places) {
		return places.stream().map(Place::key).sorted().toList();
	}

	/**
	 * A dry run.
	 *
	 * @param onDate the day whose units in force were used
	 * @param accounts every account holding an ended unit
	 */
	public record Plan(LocalDate onDate, List<AccountPlan> accounts) {
	}

	/**
	 * One account in a run.
	 *
	 * @param id user id
	 * @param username login name
	 * @param displayName display name
	 * @param role role
	 * @param viewBefore VIEW units now
	 * @param captureBefore CAPTURE units now
	 * @param viewAfter VIEW units after the run
	 * @param captureAfter CAPTURE units after the run
	 * @param flags units left for the administrator, with why
	 * @param changed the run changes the account's scope
	 */
	public record AccountPlan(long id, String username, String displayName, Role role, List<Place> viewBefore,
			List<Place> captureBefore, List<Place> viewAfter, List<Place> captureAfter, List<Flag> flags,
			boolean changed) {
	}

	/**
	 * An applied run.
	 *
	 * @param id batch id
	 * @param plan what it did
	 * @param changed accounts changed
	 * @param flagged accounts with units left for the administrator
	 */
	public record Batch(long id, Plan plan, int changed, int flagged) {
	}

}
