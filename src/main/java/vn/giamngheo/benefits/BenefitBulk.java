package vn.giamngheo.benefits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditBatch;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.benefits.persistence.BulkLedgerRepository;
import vn.giamngheo.benefits.persistence.BulkLedgerRepository.Staged;
import vn.giamngheo.benefits.persistence.BulkLedgerRepository.Unwritable;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The ledger's bulk face for partner files (ADR 0037): matches a file's rows to the
 * registry (the member by citizen ID, or the household by its code and the member in it
 * by name and date of birth, with the name and date of birth checked) and to the ledger
 * (a record of the same policy and partner reference is corrected, not duplicated), and
 * writes them as ledger rows of the import job, audited, in the caller's transaction.
 * Rows that name nobody in the uploader's capture scope are problems of the row, never
 * written. A partner writes only its own agency's support (403).
 */
@Service
public class BenefitBulk {

	private final BulkLedgerRepository repository;

	private final SupportPolicies policies;

	private final CurrentActor actor;

	private final AuditBatch auditBatch;

	private final AuditTrail audit;

	public BenefitBulk(BulkLedgerRepository repository, SupportPolicies policies, CurrentActor actor,
			AuditBatch auditBatch, AuditTrail audit) {
		this.repository = repository;
		this.policies = policies;
		this.actor = actor;
		this.auditBatch = auditBatch;
		this.audit = audit;
	}

	/**
	 * A row that cannot be written, and why.
	 *
	 * @param row the row number in the file
	 * @param key message key of the support bundle
	 * @param arg its argument: what was looked for (citizen ID, household code) or the
	 * row it repeats
	 */
	public record Unmatched(int row, String key, String arg) {
	}

	/**
	 * What a file's rows do to the ledger (the dry run), or did (the commit).
	 *
	 * @param unmatched rows that cannot be written, in file order
	 * @param byCccd rows matched by citizen ID
	 * @param byCode rows matched by household code
	 * @param created new records
	 * @param corrected records corrected (same policy and partner reference)
	 * @param same records already as the file says
	 */
	public record Plan(List<Unmatched> unmatched, int byCccd, int byCode, int created, int corrected, int same) {

		/** Rows that can be written or are already there. */
		public int matched() {
			return this.byCccd + this.byCode;
		}

	}

	/**
	 * The dry run: matches the rows and says what a commit would write. Writes nothing.
	 * @param importJobId the job
	 * @param rows the file's rows without a problem of their own
	 * @return the plan
	 */
	@Transactional
	public Plan check(UUID importJobId, List<BulkRecord> rows) {
		stage(rows);
		return plan();
	}

	/**
	 * Writes the rows of a committed job that can be written (those the dry run would
	 * list as unmatched are left out), as one transaction.
	 * @param importJobId the job; the records carry it
	 * @param rows the file's rows without a problem of their own
	 * @param actor who commits (the uploader)
	 * @return what was written
	 */
	@Transactional
	public Plan insert(UUID importJobId, List<BulkRecord> rows, String actor) {
		return insert(importJobId, rows, actor, false, importJobId.toString());
	}

	/**
	 * As {@link #insert(UUID, List, String)}; with {@code all}, nothing is written when a
	 * row cannot be (422: the registry changed since the dry run).
	 * @param fileName the file's name, for the history and the audit
	 */
	@Transactional
	public Plan insert(UUID importJobId, List<BulkRecord> rows, String actor, boolean all, String fileName) {
		stage(rows);
		Plan plan = plan();
		if (all && !plan.unmatched().isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "imports.job.has-problems", plan.unmatched().size());
		}
		String reason = vn.giamngheo.shared.text.Bilingual.vietnamese("support.bulk.reason.written", fileName);
		this.repository.write(importJobId, actor, reason);
		this.auditBatch.recordSelected(BulkLedgerRepository.AUDIT_WRITTEN,
				Map.of("actor", actor, "reason", reason, "job", importJobId));
		this.audit.record(new AuditEntry(actor, "PARTNER_FILE_COMMITTED", "IMPORT_JOB", importJobId.toString(), null,
				null, null, Map.of("created", new Change(null, plan.created()), "corrected",
						new Change(null, plan.corrected()), "unmatched", new Change(null, plan.unmatched().size())),
				reason));
		return plan;
	}

	/**
	 * Takes back a committed job: the records it created are voided ("Hoàn tác tệp …"),
	 * those it corrected get their earlier values back; all audited.
	 * @return records voided or put back
	 */
	@Transactional
	public int revert(UUID importJobId, String actor) {
		return revert(importJobId, actor, importJobId.toString());
	}

	/** As {@link #revert(UUID, String)}, naming the file in the reason. */
	@Transactional
	public int revert(UUID importJobId, String actor, String fileName) {
		this.actor.require(Permission.SUPPORT_RECORD);
		String reason = vn.giamngheo.shared.text.Bilingual.vietnamese("support.bulk.reason.reverted", fileName);
		int n = this.repository.revert(importJobId, actor, reason);
		this.auditBatch.recordSelected(BulkLedgerRepository.AUDIT_REVERTED,
				Map.of("actor", actor, "reason", reason, "job", importJobId));
		this.audit.record(new AuditEntry(actor, "PARTNER_FILE_REVERTED", "IMPORT_JOB", importJobId.toString(), null,
				null, null, Map.of("records", new Change(null, n)), reason));
		return n;
	}

	/**
	 * Refuses (403) a user who may not record the support of this agency: no
	 * {@code SUPPORT_RECORD}, or a partner of another agency.
	 * @param agency the agency ({@code VBSP}, {@code SOCIAL_INSURANCE},
	 * {@code EDUCATION})
	 * @return the actor
	 */
	public Actor requireAgency(String agency) {
		Actor current = this.actor.require(Permission.SUPPORT_RECORD);
		if (current.hasRole(Role.PARTNER.name()) && (agency == null || !agency.equals(current.agency()))) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.agency");
		}
		if (!current.scope().nation() && current.scope().capturePaths().isEmpty()) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden");
		}
		return current;
	}

	private void stage(List<BulkRecord> rows) {
		Map<String, SupportPolicy> latest = new HashMap<>();
		for (BulkRecord r : rows) {
			latest.computeIfAbsent(r.policyCode(), this.policies::require);
		}
		for (SupportPolicy p : latest.values()) {
			requireAgency(p.agency());
		}
		this.repository.stage(() -> rows.stream().map((r) -> staged(r, latest.get(r.policyCode()))).iterator(),
				this.actor.get().scope().capturePatterns());
	}

	private Staged staged(BulkRecord r, SupportPolicy latest) {
		SupportPolicy p = this.policies.find(r.policyCode(), r.periodFrom()).orElse(latest);
		return new Staged(r.row(), p.code(), p.version(), p.agency(), p.perMember(), r.cccd(), r.householdCode(),
				TextNormalizer.fold(r.name()),
				new Object[] { r.dateOfBirth(), r.partnerRef(), r.periodFrom(), r.periodTo(), r.amountVnd(),
						r.centralVnd(), r.localVnd(), r.creditVnd(), r.mobilisedVnd(), r.ownVnd(), r.status(),
						r.deliveredOn(), r.validFrom(), r.validTo(), r.evidence() });
	}

	private Plan plan() {
		List<Unmatched> unmatched = this.repository.unwritable()
			.stream()
			.map((Unwritable u) -> new Unmatched(u.row(), u.key(), u.arg()))
			.toList();
		Map<String, Integer> c = this.repository.counts();
		return new Plan(unmatched, c.getOrDefault("MATCH_CCCD", 0), c.getOrDefault("MATCH_CODE", 0),
				c.getOrDefault("NEW", 0), c.getOrDefault("UPDATE", 0), c.getOrDefault("SAME", 0));
	}

}
