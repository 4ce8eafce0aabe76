package vn.giamngheo.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.benefits.domain.EligibilityRules;
import vn.giamngheo.benefits.domain.Entitlement;
import vn.giamngheo.benefits.domain.HouseholdFacts;
import vn.giamngheo.benefits.domain.MemberFacts;
import vn.giamngheo.benefits.domain.Reason;
import vn.giamngheo.benefits.persistence.EligibilityRepository;
import vn.giamngheo.benefits.persistence.EligibilityRepository.Close;
import vn.giamngheo.benefits.persistence.EligibilityRepository.CommuneBatch;
import vn.giamngheo.benefits.persistence.EligibilityRepository.CommuneFacts;
import vn.giamngheo.benefits.persistence.EligibilityRepository.Decision;
import vn.giamngheo.benefits.persistence.EligibilityRepository.EntryRow;
import vn.giamngheo.benefits.persistence.EligibilityRepository.ListQuery;
import vn.giamngheo.benefits.persistence.EligibilityRepository.NewSpell;
import vn.giamngheo.benefits.persistence.EligibilityRepository.OpenSpell;
import vn.giamngheo.benefits.persistence.EligibilityRepository.Refresh;
import vn.giamngheo.benefits.persistence.EligibilityRepository.RunRow;
import vn.giamngheo.benefits.persistence.EligibilityRepository.UnitRow;
import vn.giamngheo.benefits.persistence.EligibilityRepository.Whereabouts;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The eligibility lists: runs that judge every household and member of a commune against
 * every policy in force on a day ({@link EligibilityRules}) and write the changes as
 * spells (ADR 0035). A run opens a spell for an entry the commune's open spells do not
 * have, keeps an unchanged entry's spell, and closes the spell of an entry that is gone,
 * with the reason in words. One transaction per commune, or one for many communes read in
 * one pass ({@link #generateMany}, ADR 0046); a second run on the same day changes
 * nothing.
 */
@Component
public class EligibilityLists {

	/** Triggers of a run (the {@code eligibility_run.trigger} values). */
	public static final Set<String> TRIGGERS = Set.of("RECOGNITION", "ON_DEMAND", "DEMO", "POLICY_FILE");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Logger log = LoggerFactory.getLogger(EligibilityLists.class);

	private final EligibilityRepository repository;

	private final SupportPolicies policies;

	private final CurrentActor actor;

	private final TransactionTemplate tx;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final Clock clock;

	public EligibilityLists(EligibilityRepository repository, SupportPolicies policies, CurrentActor actor,
			TransactionTemplate tx, ObjectMapper json, MessageSource messages, Clock clock) {
		this.repository = repository;
		this.policies = policies;
		this.actor = actor;
		this.tx = tx;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The id of a unit named by its key ({@code 20464@2024}, or a code alone for the unit
	 * in force) or by its id; 404 when none.
	 * @param key the key, or null
	 * @param id the id, or null
	 * @return the unit's id
	 */
	public long unitId(String key, Long id) {
		if (id != null) {
			return id;
		}
		if (key == null || key.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("unit", "error.field.required")));
		}
		return this.repository.unitByKey(key.trim())
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"))
			.id();
	}

	/** What a run found and changed. */
	public record RunSummary(UUID runId, long communeId, LocalDate asOf, int entries, int started, int ended) {
	}

	/**
	 * Generates the lists of one commune as of a day (every policy in force that day), in
	 * one transaction (or the caller's). Checks no permission: callers on a user's behalf
	 * use {@link #request}.
	 * @param communeId the commune
	 * @param asOf the day eligibility is judged on
	 * @param trigger {@code RECOGNITION}, {@code ON_DEMAND}, {@code DEMO} or
	 * {@code POLICY_FILE}
	 * @return what it did
	 */
	public RunSummary generate(long communeId, LocalDate asOf, String trigger) {
		if (!TRIGGERS.contains(trigger)) {
			throw new IllegalArgumentException("unknown trigger " + trigger);
		}
		UnitRow commune = this.repository.unit(communeId)
			.filter((u) -> "commune".equals(u.level()))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		String requestedBy = requestedBy();
		return this.tx.execute((s) -> {
			this.repository.lockCommune(commune.id());
			return apply(commune, asOf, trigger, requestedBy, this.repository.facts(commune.id(), asOf),
					this.repository.openSpells(commune.id()), new Split());
		});
	}

	/**
	 * Generates the lists of every commune of a province with households or open entries,
	 * in one transaction (see {@link #generateMany}).
	 */
	public List<RunSummary> generateProvince(String provinceCode, LocalDate asOf, String trigger) {
		return generateMany(this.repository.communesUnder("/", provinceCode), asOf, trigger);
	}

	/**
	 * Generates the lists of many communes as of a day, in one transaction (or the
	 * caller's): every commune is locked first (in id order), then the facts and open
	 * spells of all of them are read in one pass, ordered by commune, and each commune's
	 * run is judged and written as {@link #generate} would (ADR 0046). Same runs, spells
	 * and counts as a loop over {@link #generate}; checks no permission.
	 * @param communes the communes
	 * @param asOf the day eligibility is judged on
	 * @param trigger as for {@link #generate}
	 * @return what each commune's run did, in commune id order
	 */
	public List<RunSummary> generateMany(List<Long> communes, LocalDate asOf, String trigger) {
		if (!TRIGGERS.contains(trigger)) {
			throw new IllegalArgumentException("unknown trigger " + trigger);
		}
		List<UnitRow> units = communes.stream()
			.sorted()
			.distinct()
			.map((id) -> this.repository.unit(id)
				.filter((u) -> "commune".equals(u.level()))
				.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain")))
			.toList();
		String requestedBy = requestedBy();
		return this.tx.execute((s) -> {
			units.forEach((u) -> this.repository.lockCommune(u.id()));
			List<RunSummary> done = new ArrayList<>();
			Split split = new Split();
			long start = System.nanoTime();
			try (EligibilityRepository.CommuneReader reader = this.repository
				.read(units.stream().map(UnitRow::id).toList(), asOf)) {
				// opening sorts the statements' rows: reading too
				split.read += System.nanoTime() - start;
				for (UnitRow u : units) {
					long t = System.nanoTime();
					CommuneBatch batch = reader.take(u.id());
					split.read += System.nanoTime() - t;
					done.add(apply(u, asOf, trigger, requestedBy, batch.facts(), batch.open(), split));
				}
			}
			long all = System.nanoTime() - start;
			log.info(
					"Eligibility lists of {} communes as of {}: {} entries, {} new, {} refreshed, {} ended in {} ms"
							+ " (reading {} ms, judging {} ms, writing {} ms)",
					units.size(), asOf, done.stream().mapToInt(RunSummary::entries).sum(),
					done.stream().mapToInt(RunSummary::started).sum(), split.refreshed,
					done.stream().mapToInt(RunSummary::ended).sum(), all / 1_000_000, split.read / 1_000_000,
					(all - split.read - split.written) / 1_000_000, split.written / 1_000_000);
			return done;
		});
	}

	private String requestedBy() {
		Actor who = this.actor.get();
		return "anonymous".equals(who.username()) ? null : who.username();
	}

	/**
	 * Generates the lists on a user's request, as of today in Viet Nam: a commune, or
	 * every commune of a district or province (in one transaction, read in one pass).
	 * Needs {@link Permission#SUPPORT_LISTS} and the capture scope of the unit.
	 * @param unitId the unit
	 * @return what each commune's run did
	 */
	public List<RunSummary> request(long unitId) {
		this.actor.require(Permission.SUPPORT_LISTS);
		UnitRow unit = this.repository.unit(unitId)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		this.actor.require(Permission.SUPPORT_LISTS, unit.path());
		if ("village".equals(unit.level())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.list.unit.village");
		}
		LocalDate today = LocalDate.now(this.clock);
		if ("commune".equals(unit.level())) {
			return List.of(generate(unit.id(), today, "ON_DEMAND"));
		}
		return generateMany(this.repository.communesUnder(unit.path(), null), today, "ON_DEMAND");
	}

	private record Key(String policy, UUID household, UUID member) {
	}

	/** Where a many-commune run's time went, in nanoseconds (logged once per run). */
	private static final class Split {

		long read;

		long written;

		int refreshed;

	}

	/**
	 * One commune's run on its facts and open spells, read under its lock: judges, diffs
	 * and writes.
	 */
	private RunSummary apply(UnitRow commune, LocalDate asOf, String trigger, String requestedBy, CommuneFacts facts,
			List<OpenSpell> openSpells, Split split) {
		UUID runId = this.repository.startRun(commune.provinceCode(), commune.id(), asOf, trigger, requestedBy,
				this.clock.instant());
		Map<Key, OpenSpell> open = new HashMap<>();
		for (OpenSpell s : openSpells) {
			open.put(new Key(s.policyCode(), s.householdId(), s.memberId()), s);
		}
		EligibilityRules rules = this.policies.rules();
		List<NewSpell> opened = new ArrayList<>();
		List<Refresh> refreshed = new ArrayList<>();
		int entries = 0;
		for (HouseholdFacts household : facts.facts().values()) {
			for (Entitlement e : rules.judge(household, asOf)) {
				entries++;
				String reasons = reasonsJson(e.reasons());
				long hash = reasonsHash(reasons);
				OpenSpell spell = open.remove(new Key(e.policyCode(), household.householdId(), e.memberId()));
				if (spell == null) {
					opened.add(new NewSpell(facts.provinceCodes().get(household.householdId()), e.policyCode(),
							e.policyVersion(), household.householdId(), e.memberId(), asOf, e.lastDay(), reasons,
							hash));
				}
				else if (spell.communeId() != commune.id() || spell.policyVersion() != e.policyVersion()
						|| !java.util.Objects.equals(spell.windowEnd(), e.lastDay()) || spell.reasonsHash() == null
						|| spell.reasonsHash() != hash) {
					refreshed.add(new Refresh(spell.id(), spell.row(), commune.id(), e.policyVersion(), e.lastDay(),
							reasons, hash));
				}
			}
		}
		// what is left of the open spells is no longer on this commune's lists
		Map<UUID, Whereabouts> gone = this.repository.whereabouts(open.values()
			.stream()
			.map(OpenSpell::householdId)
			.filter((h) -> !facts.facts().containsKey(h))
			.distinct()
			.toList());
		List<Close> closed = new ArrayList<>();
		List<UUID> dropped = new ArrayList<>();
		for (OpenSpell spell : open.values()) {
			Whereabouts where = gone.get(spell.householdId());
			if (where != null && where.active()) {
				// moved to another commune: its spells go with it, judged there
				refreshed.add(new Refresh(spell.id(), spell.row(), where.communeId(), spell.policyVersion(),
						spell.windowEnd(), null, null));
				continue;
			}
			LocalDate lastDay = asOf.minusDays(1);
			if (spell.windowEnd() != null && spell.windowEnd().isBefore(lastDay)) {
				lastDay = spell.windowEnd();
			}
			if (lastDay.isBefore(spell.eligibleFrom())) {
				// opened on or after the day it ended: it never held a day
				dropped.add(spell.id());
				continue;
			}
			if (spell.communeId() != commune.id() && facts.facts().containsKey(spell.householdId())) {
				// the household moved here before its entry ended: the entry ends in this
				// commune's list, whichever commune's run saw it first
				refreshed.add(new Refresh(spell.id(), spell.row(), commune.id(), spell.policyVersion(),
						spell.windowEnd(), null, null));
			}
			closed.add(new Close(spell.id(), spell.row(), lastDay,
					reasonsJson(List.of(endReason(spell, facts, where, asOf)))));
		}
		long t = System.nanoTime();
		this.repository.open(runId, commune.id(), opened);
		this.repository.refresh(refreshed);
		this.repository.close(runId, closed);
		this.repository.drop(dropped);
		split.written += System.nanoTime() - t;
		split.refreshed += refreshed.size();
		this.repository.finishRun(runId, entries, opened.size(), closed.size(), this.clock.instant());
		return new RunSummary(runId, commune.id(), asOf, entries, opened.size(), closed.size());
	}

	/**
	 * Why an entry is no longer on a list, in words: the rule's window ran out, the
	 * household or member left, the policy ended, a newer decision gave the household
	 * another class, or (failing those) the member's or household's facts on the day.
	 */
	private Reason endReason(OpenSpell spell, CommuneFacts facts, Whereabouts where, LocalDate asOf) {
		if (spell.windowEnd() != null && spell.windowEnd().isBefore(asOf)) {
			return new Reason("support.end.window", List.of(DAY.format(spell.windowEnd())));
		}
		HouseholdFacts household = facts.facts().get(spell.householdId());
		if (household == null) {
			String why = (where == null || where.voided()) ? "VOIDED" : where.status();
			return new Reason("support.end.household." + why, List.of());
		}
		if (this.policies.find(spell.policyCode(), asOf).isEmpty()) {
			Optional<SupportPolicy> last = this.policies.find(spell.policyCode());
			LocalDate until = last.map(SupportPolicy::validTo).orElse(null);
			return (until != null) ? new Reason("support.end.policy", List.of(DAY.format(until)))
					: new Reason("support.end.policy.gone", List.of());
		}
		MemberFacts member = null;
		if (spell.memberId() != null) {
			member = household.members()
				.stream()
				.filter((m) -> m.memberId().equals(spell.memberId()))
				.findFirst()
				.orElse(null);
			if (member == null) {
				return new Reason("support.end.member.left", List.of());
			}
		}
		Decision decision = facts.latest().get(spell.householdId());
		if (decision != null && !decision.decisionDate().isBefore(spell.eligibleFrom())) {
			String key = "support.end.class." + decision.classification();
			return (decision.decisionNo() != null && !decision.decisionNo().isBlank())
					? new Reason(key, List.of(decision.decisionNo(), DAY.format(decision.decisionDate())))
					: new Reason(key + ".undated", List.of(DAY.format(decision.decisionDate())));
		}
		if (member != null) {
			int age = Period.between(member.dateOfBirth(), asOf).getYears();
			return new Reason("support.end.member", List.of(String.valueOf(age), DAY.format(asOf)));
		}
		return new Reason("support.end.household", List.of(DAY.format(asOf)));
	}

	/**
	 * Reasons as JSON, written as PostgreSQL prints jsonb ({@code [{"key": "…", "args":
	 * […]}]}), so an unchanged entry compares equal to its stored reasons as text.
	 */
	static String reasonsJson(List<Reason> reasons) {
		StringBuilder sb = new StringBuilder(64 * reasons.size() + 2).append('[');
		for (int i = 0; i < reasons.size(); i++) {
			Reason r = reasons.get(i);
			sb.append((i == 0) ? "{\"key\": " : ", {\"key\": ");
			quote(sb, r.key());
			sb.append(", \"args\": [");
			for (int j = 0; j < r.args().size(); j++) {
				if (j > 0) {
					sb.append(", ");
				}
				quote(sb, r.args().get(j));
			}
			sb.append("]}");
		}
		return sb.append(']').toString();
	}

	/**
	 * A 64-bit hash of reasons as JSON (FNV-1a over the characters), stored with a spell
	 * so that a run compares reasons without reading them (ADR 0063). Two different
	 * reasons share a hash with a chance of one in 2^64 per pair; the spell would then
	 * keep its words until its next change.
	 */
	static long reasonsHash(String json) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < json.length(); i++) {
			h ^= json.charAt(i);
			h *= 0x100000001b3L;
		}
		return h;
	}

	private static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '\b' -> sb.append("\\b");
				case '\f' -> sb.append("\\f");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}

	/** Reasons stored as JSON, back as records. */
	List<Reason> reasons(String stored) {
		List<Reason> out = new ArrayList<>();
		if (stored == null) {
			return out;
		}
		for (JsonNode r : this.json.readTree(stored)) {
			List<String> args = new ArrayList<>();
			r.path("args").forEach((a) -> args.add(a.asString()));
			out.add(new Reason(r.path("key").asString(), args));
		}
		return out;
	}

	/** Reasons in the reader's language, one sentence each. */
	public List<String> describe(List<Reason> reasons, Locale locale) {
		return reasons.stream()
			.map((r) -> this.messages.getMessage(r.key(), r.args().toArray(), r.key(), locale))
			.toList();
	}

	// ------------------------------------------------------------------ reads

	/** A run, as pages and the API show it. */
	public record Run(UUID id, long communeId, String commune, LocalDate asOf, String trigger, String requestedBy,
			java.time.OffsetDateTime finishedAt, int entries, int started, int ended) {

		static Run of(RunRow r) {
			return new Run(r.id(), r.communeId(), r.communeName(), r.asOf(), r.trigger(), r.requestedBy(),
					r.finishedAt(), r.entries(), r.started(), r.ended());
		}

	}

	/**
	 * The commune or unit a reader asks about, checked against the reader's view scope
	 * (404 outside it).
	 */
	private UnitRow viewable(long unitId) {
		UnitRow unit = this.repository.unit(unitId)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		this.actor.requireView(unit.path());
		return unit;
	}

	private UnitRow commune(long unitId) {
		UnitRow unit = viewable(unitId);
		if (!"commune".equals(unit.level())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.list.unit.commune");
		}
		return unit;
	}

	/** The latest runs under a unit (newest first, at most 100). */
	public List<Run> runs(long unitId) {
		UnitRow unit = viewable(unitId);
		return this.repository.runs(unit.path(), 100).stream().map(Run::of).toList();
	}

	/** One policy's line of a commune's summary. */
	public record PolicyLine(SupportPolicy policy, int entries, int started, int ended) {
	}

	/**
	 * A commune's lists at a glance: each policy's count, new and ended at the last run.
	 */
	public record Summary(long communeId, Run lastRun, List<PolicyLine> policies) {
	}

	public Summary summary(long communeId) {
		commune(communeId);
		Actor who = this.actor.get();
		Optional<RunRow> last = this.repository.lastRun(communeId);
		Map<String, EligibilityRepository.PolicyCount> counts = new HashMap<>();
		this.repository.counts(communeId, last.map(RunRow::id).orElse(null), who.scope().viewPatterns())
			.forEach((c) -> counts.put(c.policyCode(), c));
		List<PolicyLine> lines = new ArrayList<>();
		LocalDate day = last.map(RunRow::asOf).orElse(LocalDate.now(this.clock));
		for (SupportPolicy p : this.policies.all()) {
			if (lines.stream().anyMatch((l) -> l.policy().code().equals(p.code()))) {
				continue;
			}
			EligibilityRepository.PolicyCount c = counts.get(p.code());
			SupportPolicy shown = this.policies.find(p.code(), day).orElseGet(() -> this.policies.find(p.code()).get());
			lines.add(new PolicyLine(shown, (c == null) ? 0 : c.entries(), (c == null) ? 0 : c.started(),
					(c == null) ? 0 : c.ended()));
		}
		return new Summary(communeId, last.map(Run::of).orElse(null), lines);
	}

	/**
	 * Which entries of a list to show (with {@code change}: ALL, CURRENT, NEW, ENDED).
	 */
	public record Filter(long communeId, String policyCode, String change, Long villageId, String name) {
	}

	/**
	 * One entry of a list, in the reader's language.
	 *
	 * @param householdId the household
	 * @param householdCode its code
	 * @param headName its head
	 * @param village its village
	 * @param memberId the member (member policies), or null
	 * @param memberName the member's name, or null
	 * @param age the member's age on the list's day, or null
	 * @param policyCode the policy
	 * @param since first day on the list
	 * @param until last day (ended entries), or null
	 * @param windowEnd the rule's last day, or null
	 * @param reasons why, one sentence each
	 * @param endReason why it ended (ended entries), or null
	 * @param isNew whether the last run put it on the list
	 * @param ended whether the last run ended it
	 */
	public record Entry(UUID householdId, String householdCode, String headName, String village, UUID memberId,
			String memberName, Integer age, String policyCode, LocalDate since, LocalDate until, LocalDate windowEnd,
			List<String> reasons, String endReason, boolean isNew, boolean ended) {
	}

	/** A page of entries and how many match. */
	public record EntryPage(List<Entry> items, long total) {
	}

	public EntryPage entries(Filter filter, int page, int size, Locale locale) {
		commune(filter.communeId());
		SupportPolicy policy = this.policies.require(filter.policyCode());
		String change = (filter.change() == null) ? "ALL" : filter.change();
		if (!Set.of("ALL", "CURRENT", "NEW", "ENDED").contains(change)) {
			throw DomainException.invalid(List.of(new FieldProblem("change", "error.field.invalid", change)));
		}
		String name = (filter.name() == null || filter.name().isBlank()) ? null : TextNormalizer.fold(filter.name());
		Optional<RunRow> last = this.repository.lastRun(filter.communeId());
		ListQuery q = new ListQuery(filter.communeId(), policy.code(), last.map(RunRow::id).orElse(null), change,
				filter.villageId(), name, this.actor.get().scope().viewPatterns());
		int total = this.repository.count(q);
		LocalDate day = last.map(RunRow::asOf).orElse(LocalDate.now(this.clock));
		List<Entry> items = this.repository.entries(q, Math.max(page, 0) * size, size)
			.stream()
			.map((r) -> entry(r, day, locale))
			.toList();
		return new EntryPage(items, total);
	}

	private Entry entry(EntryRow r, LocalDate day, Locale locale) {
		Integer age = (r.dateOfBirth() == null) ? null : Period.between(r.dateOfBirth(), day).getYears();
		List<String> end = describe(reasons(r.endReason()), locale);
		return new Entry(r.householdId(), r.householdCode(), r.headName(), r.villageName(), r.memberId(),
				r.memberName(), age, r.policyCode(), r.eligibleFrom(), r.eligibleTo(), r.windowEnd(),
				describe(reasons(r.reasons()), locale), end.isEmpty() ? null : String.join("; ", end), r.isNew(),
				r.ended());
	}

	/** The villages of a commune, for the filter. */
	public List<Map.Entry<Long, String>> villages(long communeId) {
		commune(communeId);
		return this.repository.villages(communeId);
	}

	/**
	 * A household's or member's current entitlement.
	 *
	 * @param policy the policy (its latest version)
	 * @param memberId the member (member policies), or null
	 * @param memberName the member's name, or null
	 * @param reasons why (message keys with arguments: {@link #describe})
	 * @param eligibleFrom since when
	 * @param windowEnd the rule's last day (e.g. three years after leaving the list), or
	 * null
	 */
	public record HouseholdEntitlement(SupportPolicy policy, UUID memberId, String memberName, List<Reason> reasons,
			LocalDate eligibleFrom, LocalDate windowEnd) {
	}

	/**
	 * What a household and its members are eligible for today, as the last list runs
	 * found (the household page's "eligible" panel). Needs the household in the view
	 * scope (else 404).
	 */
	public List<HouseholdEntitlement> ofHousehold(UUID householdId) {
		String path = this.repository.householdPath(householdId)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		this.actor.requireView(path);
		return this.repository.ofHousehold(householdId, LocalDate.now(this.clock))
			.stream()
			.map((r) -> new HouseholdEntitlement(this.policies.require(r.policyCode()), r.memberId(), r.memberName(),
					reasons(r.reasons()), r.eligibleFrom(), r.windowEnd()))
			.toList();
	}

}
