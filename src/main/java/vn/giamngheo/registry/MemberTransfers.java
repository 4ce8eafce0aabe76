package vn.giamngheo.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.persistence.HouseholdRepository;
import vn.giamngheo.registry.persistence.TransferRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.PersonalData;

/**
 * Transfer requests of a person between units (ADR 0017). A unit that records a citizen
 * ID another unit holds, outside its scope, is answered as if the number were free, so
 * that it learns nothing of records it may not see; its record keeps the number pending
 * and a request goes to the holding unit. The holding unit's officers accept (their
 * record is voided, "moved to" the requesting household, and the requesting record holds
 * the number) or refuse with a reason (the number is taken off the requesting record).
 * The requesting unit sees the outcome only. Every step is audited on both households.
 */
@Service
public class MemberTransfers {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final int LIMIT = 200;

	private final TransferRepository transfers;

	private final HouseholdRepository households;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final MessageSource messages;

	MemberTransfers(TransferRepository transfers, HouseholdRepository households, CurrentActor actor, AuditTrail audit,
			MessageSource messages) {
		this.transfers = transfers;
		this.households = households;
		this.actor = actor;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Brings the requests in step with the member records, in the caller's transaction,
	 * after members were written; each request opened is audited on the holder's
	 * household (where only the holder's unit sees it).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sync() {
		String username = this.actor.get().username();
		for (TransferRepository.Opened t : this.transfers.sync(username)) {
			this.audit
				.record(new AuditEntry(username, "REQUEST", "MEMBER_TRANSFER", t.id().toString(), t.holderHouseholdId(),
						t.holderUnitPath(), t.provinceCode(), Map.of("cccd", new Change(null, t.cccd())), null));
		}
	}

	/**
	 * The requests the user sees: open ones to decide (officers, in their capture scope)
	 * and the outcomes of their own units' requests (view scope), newest first.
	 */
	@Transactional(readOnly = true)
	public Lists lists() {
		Actor current = this.actor.get();
		List<MemberTransfer> open = List.of();
		// deciding a request is editing the registry (permission matrix, ADR 0016)
		if (current.may(Permission.REGISTRY_EDIT)) {
			open = this.transfers.open(current.scope().capturePatterns(), LIMIT)
				.stream()
				.map((t) -> t
					.withCccd(PersonalData.mask(current, t.cccd(), PersonalData.Kind.CCCD, t.holderUnitPath())))
				.toList();
		}
		List<MemberTransfer> decided = this.transfers.decided(current.scope().viewPatterns(), LIMIT)
			.stream()
			.map((t) -> t.forRequester()
				.withCccd(PersonalData.mask(current, t.cccd(), PersonalData.Kind.CCCD, t.unitPath())))
			.toList();
		return new Lists(open, decided);
	}

	/**
	 * What a user sees of transfer requests.
	 *
	 * @param open requests to decide
	 * @param decided outcomes of the user's units' requests
	 */
	public record Lists(List<MemberTransfer> open, List<MemberTransfer> decided) {
	}

	/** Open requests to a household (its page), for whoever may decide them. */
	@Transactional(readOnly = true)
	public long openFor(Household household) {
		Actor current = this.actor.get();
		if (!current.may(Permission.REGISTRY_EDIT) || !current.scope().canCapture(household.unitPath())) {
			return 0;
		}
		return this.transfers.openFor(household.id());
	}

	/**
	 * Accepts a request: the person moves to the requesting household. The holder's
	 * record is voided ("moved to ..."), the requesting record holds the number. A head
	 * of a living household cannot move alone (void the household first, or refuse).
	 */
	@Transactional
	public MemberTransfer accept(UUID id, int version) {
		MemberTransfer t = decidable(id, version);
		Actor current = this.actor.get();
		if (t.holderHolds()) {
			if ("HEAD".equals(t.holderRelation()) && !t.holderHouseholdVoided()) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "registry.transfer.head", t.holderName());
			}
			Member holder = this.households.findMember(t.holderMemberId()).orElseThrow();
			String reason = this.messages.getMessage("registry.transfer.moved",
					new Object[] { t.householdCode(), t.villageName(), t.communeName() }, VI);
			if (this.households.voidMember(holder.id(), holder.version(), reason) == 0) {
				throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", holder.version(), holder.version());
			}
			this.households.touchHousehold(t.holderHouseholdId());
			this.audit.record(
					new AuditEntry(current.username(), "VOID", "MEMBER", holder.id().toString(), t.holderHouseholdId(),
							t.holderUnitPath(), t.provinceCode(), Map.of("voided", new Change(false, true)), reason));
		}
		this.transfers.confirm(t.memberId());
		this.households.touchHousehold(t.householdId());
		decide(t, "ACCEPTED", null);
		return this.transfers.find(id).orElseThrow().forRequester();
	}

	/**
	 * Refuses a request with a reason: the number is taken off the requesting record, and
	 * the requesting unit reads the reason.
	 */
	@Transactional
	public MemberTransfer refuse(UUID id, int version, String reason) {
		this.actor.require(Permission.REGISTRY_EDIT);
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
		MemberTransfer t = decidable(id, version);
		Actor current = this.actor.get();
		String why = reason.strip();
		this.transfers.dropNumber(t.memberId());
		this.households.touchHousehold(t.householdId());
		this.audit.record(new AuditEntry(current.username(), "UPDATE", "MEMBER", t.memberId().toString(),
				t.householdId(), t.unitPath(), t.requesterProvince(), Map.of("cccd", new Change(t.cccd(), null)),
				this.messages.getMessage("registry.transfer.refused", new Object[] { why }, VI)));
		decide(t, "REFUSED", why);
		return this.transfers.find(id).orElseThrow().forRequester();
	}

	private void decide(MemberTransfer t, String status, String reason) {
		Actor current = this.actor.get();
		if (this.transfers.decide(t.id(), t.version(), status, current.username(), reason) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", t.version() + 1, t.version());
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("status", new Change("OPEN", status));
		changes.put("cccd", new Change(null, t.cccd()));
		// on both households: the holder's unit decided, the requester's sees the outcome
		this.audit.record(new AuditEntry(current.username(), status.equals("ACCEPTED") ? "ACCEPT" : "REFUSE",
				"MEMBER_TRANSFER", t.id().toString(), t.holderHouseholdId(), t.holderUnitPath(), t.provinceCode(),
				changes, reason));
		this.audit.record(new AuditEntry(current.username(), status.equals("ACCEPTED") ? "ACCEPT" : "REFUSE",
				"MEMBER_TRANSFER", t.id().toString(), t.householdId(), t.unitPath(), t.requesterProvince(),
				Map.of("status", new Change("OPEN", status)), reason));
		sync();
	}

	/** An open request the current officer may decide, at the version they read. */
	private MemberTransfer decidable(UUID id, int version) {
		this.actor.require(Permission.REGISTRY_EDIT);
		MemberTransfer t = this.transfers.find(id).orElseThrow(() -> DomainException.notFound("MEMBER_TRANSFER", id));
		if (!this.actor.get().scope().canView(t.holderUnitPath())) {
			throw DomainException.notFound("MEMBER_TRANSFER", id);
		}
		this.actor.require(Permission.REGISTRY_EDIT, t.holderUnitPath());
		if (!"OPEN".equals(t.status()) || !t.live()) {
			throw new DomainException(ErrorCode.CONFLICT, "registry.transfer.closed");
		}
		if (t.version() != version) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", t.version(), version);
		}
		return t;
	}

}
