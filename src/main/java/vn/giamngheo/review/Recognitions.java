package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.review.domain.DocumentForm;
import vn.giamngheo.review.domain.Event;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.StepDates;
import vn.giamngheo.review.domain.Transition;
import vn.giamngheo.review.domain.Transition.CertificateAction;
import vn.giamngheo.review.domain.Workflow;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * Step 5: the commune chairman's decision (number, date) recognises the posted list —
 * poor, near-poor, exited-poor and exited-near-poor households. Each household gets its
 * transition from last year's class and its certificate action (Mẫu số 03: issue, renew,
 * cancel), and the year's class becomes the registry's recognised history.
 */
@Service
public class Recognitions {

	/**
	 * Certificate symbol (Mẫu số 03: "Số …/GCN-HN.HCN"); the number before it is the
	 * issuing committee's number of the year with the year: "07/2026/GCN-HN.HCN" (ADR
	 * 0024).
	 */
	public static final String CERTIFICATE_SYMBOL = "GCN-HN.HCN";

	/** The kind of document whose numbers certificates take. */
	static final String CERTIFICATE_KIND = "GCN";

	/** Symbol of the chairman's decision (Nghị định 30/2020/NĐ-CP Phụ lục III). */
	static final String DECISION_SYMBOL = "QĐ-UBND";

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final HouseholdRegistry registry;

	private final ObjectMapper json;

	private final HouseholdBulk registryBulk;

	private final Letterheads letterheads;

	private final StandardCatalogue standards;

	private final ApplicationEventPublisher events;

	Recognitions(ReviewRepository reviews, ReviewGuard guard, HouseholdRegistry registry, ObjectMapper json,
			HouseholdBulk registryBulk, Letterheads letterheads, StandardCatalogue standards,
			ApplicationEventPublisher events) {
		this.events = events;
		this.registryBulk = registryBulk;
		this.standards = standards;
		this.letterheads = letterheads;
		this.reviews = reviews;
		this.guard = guard;
		this.registry = registry;
		this.json = json;
	}

	/**
	 * Recognises the commune's posted list. The posting period must be over and every
	 * complaint answered.
	 * @return count of households per transition
	 */
	@Transactional
	public Map<Transition, Integer> recognise(UUID reviewId, long communeId, int version, String decisionNo,
			LocalDate decisionDate, String signer) {
		this.guard.actor.require(Permission.REVIEW_RECOGNITION);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_RECOGNITION);
		ReviewGuard.requireCommune(unit);
		List<FieldProblem> problems = new ArrayList<>();
		if (decisionNo == null || decisionNo.isBlank()) {
			problems.add(new FieldProblem("decisionNo", "error.field.required"));
		}
		if (decisionDate == null) {
			problems.add(new FieldProblem("decisionDate", "review.field.decision-date"));
		}
		if (signer == null || signer.isBlank()) {
			problems.add(new FieldProblem("signer", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		ReviewGuard.checkVersion(unit.version(), version);
		if (unit.postedTo() == null) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.recognise-not-posted");
		}
		long open = this.reviews.openComplaints(reviewId, communeId);
		if (open > 0) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.recognise-complaints", open);
		}
		ReviewGuard.requireDates(StepDates.decision(decisionDate, this.guard.today(), this.guard.calendar().posting(),
				unit.postedFrom(), unit.postedTo(), this.reviews.stepDates(reviewId, communeId).lastAnswer()));
		long notPosted = this.reviews.count(reviewId, communeId,
				List.of(Step.LISTED.name(), Step.SURVEYED.name(), Step.RESURVEY.name(), Step.AGREED.name()));
		if (notPosted > 0) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.recognise-steps", notPosted);
		}
		Map<Transition, Integer> counts = new EnumMap<>(Transition.class);
		// certificates take the numbers of the committee that issues them on the
		// decision's date, counted per year (Nghị định 30/2020/NĐ-CP Art. 15)
		long issuer = this.letterheads.issuer(communeId, decisionDate);
		int year = decisionDate.getYear();
		int issued = 0;
		String decision = decisionNo.strip();
		List<ReviewHousehold> batch;
		List<NeedsRecognised.HouseholdNeeds> needs = new ArrayList<>();
		do {
			batch = this.reviews.postedBatch(reviewId, communeId, 1000);
			int certificates = (int) batch.stream()
				.filter((rh) -> Transition.of(rh.lastClass(), rh.finalClass(), rh.everPoor(), rh.everNearPoor())
					.certificate()
					.numbered())
				.count();
			int next = (certificates > 0) ? this.reviews.takeNumbers(issuer, year, CERTIFICATE_KIND, certificates) : 0;
			List<ReviewRepository.RecognitionRow> rows = new ArrayList<>();
			List<RecognisedAssessment> registryRows = new ArrayList<>();
			List<AuditEntry> audit = new ArrayList<>();
			for (ReviewHousehold rh : batch) {
				Workflow.next(rh.step(), Event.RECOGNISE)
					.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), Event.RECOGNISE)));
				Transition t = Transition.of(rh.lastClass(), rh.finalClass(), rh.everPoor(), rh.everNearPoor());
				CertificateAction action = t.certificate();
				String certificate = null;
				if (action.numbered()) {
					certificate = DocumentForm.numberAndSymbol(next++, year, CERTIFICATE_SYMBOL);
					issued++;
				}
				rows.add(new ReviewRepository.RecognitionRow(rh.id(), rh.version(), t.name(), action.name(),
						certificate));
				registryRows.add(new RecognisedAssessment(rh.householdId(), review.year(), review.standardKey(),
						rh.surveyDate(), (rh.memberCount() == null) ? 0 : rh.memberCount(), rh.incomePerCapita(),
						rh.scoreA(), rh.scoreB(), rh.deprivations(), rh.finalClass(), null, decision, decisionDate,
						null, (rh.explanation() != null) ? this.json.writeValueAsString(rh.explanation()) : null,
						RecognisedAssessment.REVIEWED));
				Map<String, Change> changes = new LinkedHashMap<>();
				changes.put("step", new Change(rh.step().name(), Step.RECOGNISED.name()));
				changes.put("class", new Change(rh.lastClass(), rh.finalClass()));
				changes.put("transition", new Change(null, t.name()));
				changes.put("certificate",
						new Change(null, action.name() + ((certificate != null) ? " " + certificate : "")));
				audit.add(this.guard.entry("RECOGNISE", "REVIEW_HOUSEHOLD", rh.id().toString(), rh.householdId(),
						rh.unitPath(), unit.provinceCode(), changes, AuditTrail.byDecision(decision)));
				counts.merge(t, 1, Integer::sum);
				if (("POOR".equals(rh.finalClass()) || "NEAR_POOR".equals(rh.finalClass())) && rh.needs() != null
						&& !rh.needs().isEmpty()) {
					needs.add(new NeedsRecognised.HouseholdNeeds(rh.householdId(), rh.unitPath(), rh.finalClass(),
							rh.needs()));
				}
			}
			if (!this.reviews.recogniseAll(rows)) {
				throw ReviewGuard.stale();
			}
			// the year's classes become the registry's recognised history (audited there)
			this.registryBulk.recordRecognised(registryRows);
			this.guard.recordAll(audit);
		}
		while (!batch.isEmpty());
		// every other active household of the commune gets the year's class and its
		// reason
		Map<String, Integer> notReviewed = this.registryBulk.recordNotReviewed(communeId, review.year(),
				review.standardKey(), decision, decisionDate, this.reviews.listedAt(reviewId, communeId));
		if (this.reviews.updateDecision(reviewId, communeId, version, decision, decisionDate, signer.strip(),
				unit.certificateSeq() + issued) == 0) {
			throw ReviewGuard.stale();
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("decisionNo", new Change(null, decision));
		changes.put("decisionDate", new Change(null, decisionDate));
		changes.put("signer", new Change(null, signer.strip()));
		counts.forEach((t, n) -> changes.put(t.name(), new Change(null, n)));
		notReviewed.forEach((reason, n) -> changes.put(reason, new Change(null, n)));
		this.guard.record("RECOGNISE", "REVIEW_UNIT", reviewId + "/" + communeId, null, unit.unitPath(),
				unit.provinceCode(), changes, null);
		// the Phiếu C needs become demand on the support side (issue 16), in this
		// transaction
		this.events.publishEvent(new NeedsRecognised(reviewId, communeId, unit.provinceCode(), decisionDate, needs));
		return counts;
	}

	/**
	 * Transitions of a recognised commune, per transition.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> transitions(UUID reviewId, long communeId) {
		this.guard.unit(reviewId, communeId);
		Map<String, Long> counts = this.reviews.transitionCounts(reviewId, communeId);
		return counts;
	}

	/**
	 * The certificates (Mẫu số 03) issued or renewed by the commune's decision, with the
	 * members of each household; one household when {@code reviewHouseholdId} is given.
	 */
	@Transactional(readOnly = true)
	public List<Certificate> certificates(UUID reviewId, long communeId, UUID reviewHouseholdId) {
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(reviewId, communeId);
		List<ReviewHousehold> rows;
		if (reviewHouseholdId != null) {
			ReviewHousehold rh = this.guard.household(reviewHouseholdId);
			if (!rh.reviewId().equals(reviewId) || rh.communeId() != communeId) {
				throw DomainException.notFound("REVIEW_HOUSEHOLD", reviewHouseholdId);
			}
			rows = List.of(rh);
		}
		else {
			rows = this.reviews.worklist(reviewId, communeId, null, null, List.of(Step.RECOGNISED.name()), 100_000, 0);
		}
		List<Certificate> certificates = new ArrayList<>();
		if (unit.decisionDate() == null) {
			return certificates;
		}
		// a certificate is dated and headed as of the decision, its units named as then
		Letterhead head = this.letterheads.committee(communeId, unit.decisionDate(), null);
		Letterheads.Addresses addresses = this.letterheads.addresses(unit.decisionDate());
		for (ReviewHousehold rh : rows) {
			if (rh.certificateNo() == null) {
				continue;
			}
			// named as listed in the review, where the household may have moved from
			// since
			var household = this.registry.householdListedAt(rh.householdId(), rh.unitPath());
			certificates.add(new Certificate(review, unit, rh, head.withNumber(rh.certificateNo()),
					addresses.of(household.address(), rh.villageId()),
					this.registry.membersListedAt(rh.householdId(), rh.unitPath())));
		}
		return certificates;
	}

	/**
	 * The commune chairman's decision recognising the posted list, with its annexed list
	 * of households: the decision as recorded once made (its number, date and signer),
	 * before that a draft to print for signing whose number and date are left blank (they
	 * are given at signing, Nghị định 30/2020/NĐ-CP Art. 15) and whose list is the posted
	 * one.
	 */
	@Transactional(readOnly = true)
	public Decision decision(UUID reviewId, long communeId) {
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(reviewId, communeId);
		boolean draft = unit.decisionNo() == null;
		List<DecisionLine> lines = new ArrayList<>();
		for (ReviewHousehold rh : this.reviews.worklist(reviewId, communeId, null, null,
				List.of(Step.POSTED.name(), Step.RECOGNISED.name()), 1_000_000, 0)) {
			Transition t = (rh.transition() != null) ? Transition.valueOf(rh.transition())
					: Transition.of(rh.lastClass(), rh.finalClass(), rh.everPoor(), rh.everNearPoor());
			if (t != Transition.NOT_POOR) {
				lines.add(new DecisionLine(rh.headName(), rh.villageName(), rh.lastClass(), rh.finalClass(), t,
						rh.certificateNo()));
			}
		}
		Letterhead head = draft
				? this.letterheads.committee(communeId, this.guard.today(), DocumentForm.blankNumber(DECISION_SYMBOL))
					.undated()
				: this.letterheads.committee(communeId, unit.decisionDate(), unit.decisionNo());
		String standard = this.standards.find(review.standardKey())
			.map((st) -> DocumentForm.citation(st.legalBasis()))
			.orElse(review.standardKey());
		return new Decision(review, unit, head, draft, standard, lines);
	}

	/**
	 * The chairman's decision recognising a commune's list.
	 *
	 * @param review the review
	 * @param unit the commune
	 * @param head the commune's committee as on the decision's date (a draft: today, with
	 * number and date blank)
	 * @param draft not made yet: printed for signing
	 * @param standard the legal act of the standard applied
	 * @param lines the annexed list: every household poor, near-poor or leaving the lists
	 */
	public record Decision(Review review, ReviewUnit unit, Letterhead head, boolean draft, String standard,
			List<DecisionLine> lines) {

		/** Households poor in the year the list applies to. */
		public long poor() {
			return this.lines.stream().filter((l) -> Transition.POOR.equals(l.newClass())).count();
		}

		/** Households near-poor in that year. */
		public long nearPoor() {
			return this.lines.stream().filter((l) -> Transition.NEAR_POOR.equals(l.newClass())).count();
		}

		/** Households that exited poverty (to near-poor or above). */
		public long exitedPoor() {
			return this.lines.stream()
				.filter((l) -> l.transition() == Transition.EXITED_POOR
						|| l.transition() == Transition.POOR_TO_NEAR_POOR)
				.count();
		}

		/** Households that exited near-poverty (above it). */
		public long exitedNearPoor() {
			return this.lines.stream().filter((l) -> l.transition() == Transition.EXITED_NEAR_POOR).count();
		}

	}

	/**
	 * A household of the decision's list.
	 *
	 * @param headName head of household
	 * @param village village
	 * @param lastClass last year's class, or {@code null}
	 * @param newClass the class recognised
	 * @param transition how the class moved
	 * @param certificateNo the certificate's number once issued, or {@code null}
	 */
	public record DecisionLine(String headName, String village, String lastClass, String newClass,
			Transition transition, String certificateNo) {
	}

	/**
	 * A certificate of poor / near-poor household (Mẫu số 03).
	 *
	 * @param review review (the certificate is valid for {@code year + 1})
	 * @param unit commune with the decision
	 * @param household the household's review record
	 * @param head the head: the commune's committee and its place as on the decision's
	 * date, the certificate's number
	 * @param address the household's address as on the decision's date, each unit once
	 * @param members members
	 */
	public record Certificate(Review review, ReviewUnit unit, ReviewHousehold household, Letterhead head,
			String address, List<Member> members) {

		/** The head of household among the members, or {@code null}. */
		public Member headMember() {
			return this.members.stream().filter((m) -> "HEAD".equals(m.relation())).findFirst().orElse(null);
		}

	}

}
