package vn.giamngheo.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.domain.AddressOnDate;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.domain.MovePlan;
import vn.giamngheo.registry.domain.MovePlan.Named;
import vn.giamngheo.registry.domain.MovePlan.OldCommune;
import vn.giamngheo.registry.domain.MovePlan.Reason;
import vn.giamngheo.registry.domain.MovePlan.Suggestion;
import vn.giamngheo.registry.persistence.MoveRepository;
import vn.giamngheo.registry.persistence.MoveRepository.Pair;
import vn.giamngheo.registry.persistence.MoveRepository.Province;
import vn.giamngheo.registry.persistence.MoveRepository.SplitVillage;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * Households move to the units of 1 July 2025, with their history (ADR 0028). The reform
 * of a province is one batch: the villages of old communes that went whole into one new
 * commune move there, those of split communes wait in the province's "chưa xác định xã
 * mới" unit (counted in the province, never dropped) until the officer places them, in
 * batches too. Every batch is audited (one row for the batch, one per household) and
 * undone as one.
 */
@Service
public class Moves {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Moves.class);

	/** What an actor is named in the trail when the system moves (the demo). */
	static final String SYSTEM = "system";

	private final MoveRepository moves;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	public Moves(MoveRepository moves, CurrentActor actor, AuditTrail audit, ApplicationEventPublisher events,
			MessageSource messages) {
		this.moves = moves;
		this.actor = actor;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
	}

	/** A village of a split commune with its suggestion, or where it was placed. */
	public record VillageToPlace(long id, String name, int households, Named suggested, Reason reason, Named placed,
			String placedReason) {

		public boolean open() {
			return this.placed == null;
		}

	}

	/** An old commune split between new ones, with its villages. */
	public record SplitCommune(Named old, List<Named> targets, List<VillageToPlace> villages) {

		public long openVillages() {
			return this.villages.stream().filter(VillageToPlace::open).count();
		}

	}

	/**
	 * A 2025 province's move: how many villages and households still sit on old communes
	 * (the reform not applied yet), the split communes, what is still open, the batches.
	 */
	public record Overview(long provinceId, String provinceName, String provincePath, int villagesOnOldUnits,
			List<SplitCommune> splits, int openVillages, int openHouseholds, List<MoveBatch> batches) {

		/** Villages still open that have a suggestion (what a bulk accept places). */
		public long openSuggestions() {
			return this.splits.stream()
				.flatMap((s) -> s.villages().stream())
				.filter((v) -> v.open() && v.suggested() != null)
				.count();
		}

	}

	/** A village to place: in the commune given, or (null) in the suggested one. */
	public record Placement(long villageId, Long communeId) {
	}

	@Transactional(readOnly = true)
	public Overview overview(long provinceId) {
		Province province = province(provinceId);
		this.actor.requireView(province.path());
		Map<Long, OldCommune> olds = oldCommunes(province.code());
		Map<Long, List<VillageToPlace>> byOld = new LinkedHashMap<>();
		Map<Long, Named> communes = new LinkedHashMap<>();
		olds.values().forEach((o) -> o.targets().forEach((t) -> communes.put(t.id(), t)));
		int openVillages = 0;
		int openHouseholds = 0;
		for (SplitVillage v : this.moves.splitVillages(province.code())) {
			OldCommune old = olds.get(v.oldCommuneId());
			Suggestion s = (old != null) ? MovePlan.suggest(new Named(v.villageId(), v.name(), v.shortName()), old)
					: new Suggestion(null, Reason.NONE);
			Named placed = v.open() ? null : new Named(v.placedCommuneId(), v.placedCommuneName(), null);
			byOld.computeIfAbsent(v.oldCommuneId(), (k) -> new ArrayList<>())
				.add(new VillageToPlace(v.villageId(), v.name(), v.households(),
						s.any() ? communes.get(s.communeId()) : null, s.reason(), placed, v.reason()));
			if (v.open()) {
				openVillages++;
				openHouseholds += v.households();
			}
		}
		List<SplitCommune> splits = new ArrayList<>();
		byOld.forEach((oldId, villages) -> {
			OldCommune old = olds.get(oldId);
			splits.add(new SplitCommune((old != null) ? old.commune() : new Named(oldId, "", ""),
					(old != null) ? old.targets() : List.of(), villages));
		});
		return new Overview(province.id(), province.name(), province.path(),
				this.moves.openOldVillages(province.code()), splits, openVillages, openHouseholds,
				this.moves.batches(province.code()));
	}

	/**
	 * Applies the reform to a 2025 province: one batch for every village still on an old
	 * commune (ADR 0028).
	 */
	@Transactional
	public MoveBatch applyReform(long provinceId, String note) {
		this.actor.require(Permission.MOVE_UNITS);
		Province province = province(provinceId);
		Actor current = this.actor.require(Permission.MOVE_UNITS, province.path());
		return reform(province, current.username(), note);
	}

	/**
	 * The reform applied by the system (the demo at start-up), when villages of the
	 * province are still on old communes; else nothing.
	 */
	@Transactional
	public java.util.Optional<MoveBatch> applyReformAsSystem(String provinceCode) {
		Province province = this.moves.province(provinceCode)
			.orElseThrow(() -> DomainException.notFound("UNIT", provinceCode));
		if (this.moves.openOldVillages(provinceCode) == 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(reform(province, SYSTEM, null));
	}

	private MoveBatch reform(Province province, String user, String note) {
		if (this.moves.openOldVillages(province.code()) == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "move.reform.nothing", province.name());
		}
		Long placeholder = null;
		if (this.moves.openSplitVillages(province.code()) > 0) {
			placeholder = this.moves.placeholder(province.id())
				.orElseGet(() -> this.moves.createPlaceholder(province, text("move.placeholder.name", "vi"),
						text("move.placeholder.name", "en")));
		}
		long batchId = this.moves.createBatch(province.code(), "REFORM_FULL", AddressOnDate.REFORM, clean(note), user);
		int households = this.moves.reform(batchId, province.code(), placeholder);
		return finish(batchId, province, user, households, "MOVE", false, text("move.audit.reform", "vi"));
	}

	/**
	 * Places villages waiting in the province's placeholder: each in the commune given,
	 * else in the one suggested. A village not waiting, or a commune that received no
	 * part of its old commune, is refused (422) and nothing moves.
	 */
	@Transactional
	public MoveBatch place(long provinceId, List<Placement> placements, String note) {
		this.actor.require(Permission.MOVE_UNITS);
		Province province = province(provinceId);
		Actor current = this.actor.require(Permission.MOVE_UNITS, province.path());
		return place(province, placements, note, current.username());
	}

	/**
	 * Places, as the system (the demo at start-up), every village of the province waiting
	 * with a suggestion; the others stay open.
	 */
	@Transactional
	public java.util.Optional<MoveBatch> placeSuggestionsAsSystem(String provinceCode) {
		Province province = this.moves.province(provinceCode)
			.orElseThrow(() -> DomainException.notFound("UNIT", provinceCode));
		Map<Long, OldCommune> olds = oldCommunes(province.code());
		List<Placement> placements = new ArrayList<>();
		for (SplitVillage v : this.moves.splitVillages(province.code())) {
			OldCommune old = olds.get(v.oldCommuneId());
			if (v.open() && old != null
					&& MovePlan.suggest(new Named(v.villageId(), v.name(), v.shortName()), old).any()) {
				placements.add(new Placement(v.villageId(), null));
			}
		}
		return placements.isEmpty() ? java.util.Optional.empty()
				: java.util.Optional.of(place(province, placements, null, SYSTEM));
	}

	private MoveBatch place(Province province, List<Placement> placements, String note, String user) {
		if (placements == null || placements.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "move.place.none");
		}
		Map<Long, OldCommune> olds = oldCommunes(province.code());
		Map<Long, SplitVillage> open = this.moves.splitVillages(province.code())
			.stream()
			.filter(SplitVillage::open)
			.collect(Collectors.toMap(SplitVillage::villageId, Function.identity()));
		int n = placements.size();
		long[] villages = new long[n];
		long[] communes = new long[n];
		String[] reasons = new String[n];
		Set<Long> seen = new java.util.HashSet<>();
		for (int i = 0; i < n; i++) {
			Placement p = placements.get(i);
			SplitVillage v = open.get(p.villageId());
			if (v == null || !seen.add(p.villageId())) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "move.place.not-open");
			}
			OldCommune old = olds.get(v.oldCommuneId());
			Long commune = p.communeId();
			String reason = "CHOSEN";
			if (commune == null) {
				Suggestion s = MovePlan.suggest(new Named(v.villageId(), v.name(), v.shortName()), old);
				if (!s.any()) {
					throw new DomainException(ErrorCode.RULE_REJECTED, "move.place.no-suggestion", v.name());
				}
				commune = s.communeId();
				reason = s.reason().name();
			}
			if (old == null || !MovePlan.allowed(commune, old)) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "move.place.not-target", v.name());
			}
			villages[i] = v.villageId();
			communes[i] = commune;
			reasons[i] = reason;
		}
		long batchId = this.moves.createBatch(province.code(), "VILLAGES", AddressOnDate.REFORM, clean(note), user);
		int households = this.moves.place(batchId, villages, communes, reasons);
		return finish(batchId, province, user, households, "MOVE", false, text("move.audit.place", "vi"));
	}

	/**
	 * Undoes a batch as one: refused (409) when it is undone already, when a later batch
	 * moved what it made, or when households were registered since in villages it made.
	 */
	@Transactional
	public MoveBatch undo(long batchId) {
		this.actor.require(Permission.MOVE_UNITS);
		MoveBatch batch = this.moves.batch(batchId).orElseThrow(() -> DomainException.notFound("MOVE_BATCH", batchId));
		Province province = this.moves.province(batch.provinceCode()).orElseThrow();
		this.actor.requireView(province.path());
		Actor current = this.actor.require(Permission.MOVE_UNITS, province.path());
		if (batch.undone()) {
			throw new DomainException(ErrorCode.CONFLICT, "move.undo.already");
		}
		if (this.moves.laterDepends(batchId)) {
			throw new DomainException(ErrorCode.CONFLICT, "move.undo.later");
		}
		boolean reform = "REFORM_FULL".equals(batch.kind());
		if (reform && this.moves.householdsAddedSince(batchId) > 0) {
			throw new DomainException(ErrorCode.CONFLICT, "move.undo.added");
		}
		List<Long> communes = this.moves.communesOf(batchId);
		String reason = text("move.audit.undo", "vi") + " " + batchId;
		this.moves.auditHouseholds(batchId, current.username(), "MOVE_UNDO", true, reason);
		int restored;
		try {
			restored = reform ? this.moves.undoReform(batchId) : this.moves.undoPlacement(batchId);
		}
		catch (DataIntegrityViolationException ex) {
			// a village the batch made is used by other records (a review, a user's
			// scope)
			throw new DomainException(ErrorCode.CONFLICT, "move.undo.used");
		}
		this.moves.markUndone(batchId, current.username());
		this.audit.record(
				new AuditEntry(current.username(), "UNDO", "MOVE_BATCH", String.valueOf(batchId), null, province.path(),
						province.code(), Map.of("households", new Change(batch.households(), restored)), null));
		communes.forEach((c) -> this.events.publishEvent(new AssessmentsChanged(c)));
		return this.moves.batch(batchId).orElseThrow();
	}

	/** A line of a household's address history. */
	public record AddressLine(String commune, String village, String province, java.time.LocalDate from,
			java.time.LocalDate to) {
	}

	/**
	 * The household's addresses, newest first: the current one (from the day it came, to
	 * null) and the earlier ones, each with its dates ({@code from} null: since the
	 * household was registered).
	 */
	@Transactional(readOnly = true)
	public List<AddressLine> addressHistory(Household household, String currentProvince) {
		List<AddressLine> lines = new ArrayList<>();
		java.time.LocalDate from = null;
		for (MoveRepository.PastAddress p : this.moves.pastAddresses(household.id())) {
			lines.add(new AddressLine(p.commune(), p.village(), p.province(), from, p.validTo().minusDays(1)));
			from = p.validTo();
		}
		lines.add(new AddressLine(household.communeName(), household.villageName(), currentProvince, from, null));
		java.util.Collections.reverse(lines);
		return lines;
	}

	private MoveBatch finish(long batchId, Province province, String user, int households, String action, boolean undo,
			String reason) {
		this.moves.setCount(batchId, households);
		long t = System.nanoTime();
		this.moves.auditHouseholds(batchId, user, action, undo, reason + " " + batchId);
		log.info(String.format(java.util.Locale.ROOT, "Move batch %d: %d households audited in %.1f s", batchId,
				households, (System.nanoTime() - t) / 1e9));
		MoveBatch batch = this.moves.batch(batchId).orElseThrow();
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("households", new Change(null, households));
		changes.put("villages", new Change(null, batch.villages()));
		this.audit.record(new AuditEntry(user, "CREATE", "MOVE_BATCH", String.valueOf(batchId), null, province.path(),
				province.code(), changes, batch.note()));
		this.moves.communesOf(batchId).forEach((c) -> this.events.publishEvent(new AssessmentsChanged(c)));
		return batch;
	}

	private Province province(long provinceId) {
		return this.moves.provinceById(provinceId).orElseThrow(() -> DomainException.notFound("UNIT", provinceId));
	}

	private Map<Long, OldCommune> oldCommunes(String provinceCode) {
		Map<Long, List<Pair>> byOld = new LinkedHashMap<>();
		for (Pair p : this.moves.pairs(provinceCode)) {
			byOld.computeIfAbsent(p.old().id(), (k) -> new ArrayList<>()).add(p);
		}
		Map<Long, OldCommune> result = new LinkedHashMap<>();
		byOld.forEach((id, pairs) -> result.put(id, new OldCommune(pairs.get(0).old(),
				pairs.stream().map(Pair::target).toList(), pairs.stream().noneMatch(Pair::full))));
		return result;
	}

	private String text(String key, String language) {
		return this.messages.getMessage(key, null, java.util.Locale.forLanguageTag(language));
	}

	private static String clean(String note) {
		return (note == null || note.isBlank()) ? null : note.strip();
	}

}
