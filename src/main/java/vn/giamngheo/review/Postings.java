package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.review.domain.Event;
import vn.giamngheo.review.domain.ReviewCalendar;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.StepDates;
import vn.giamngheo.review.domain.Transition;
import vn.giamngheo.review.domain.Workflow;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.review.persistence.ReviewRepository.Complaint;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;

/**
 * Step 4: public posting (niêm yết công khai) of the agreed list at the village cultural
 * house and the commune office, the public list (name, village, class — no ID numbers),
 * and complaints during the posting period: recorded with a tracking number, re-checked
 * (phúc tra) and answered. A posted result changes only through a re-check.
 */
@Service
public class Postings {

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final ComplaintReferences references;

	private final Letterheads letterheads;

	Postings(ReviewRepository reviews, ReviewGuard guard, ComplaintReferences references, Letterheads letterheads) {
		this.letterheads = letterheads;
		this.references = references;
		this.reviews = reviews;
		this.guard = guard;
	}

	/** Default posting places. */
	public static final String DEFAULT_PLACES = "Nhà văn hóa thôn; Trụ sở UBND xã";

	/**
	 * The posting period of step 4 (its length and where the length comes from), as the
	 * commune page states it.
	 */
	public ReviewCalendar.PostingPeriod period() {
		return this.guard.calendar().posting();
	}

	/**
	 * Posts the commune's agreed list from a day (today when not given); every listed
	 * household must have been agreed at a meeting.
	 * @return the commune
	 */
	@Transactional
	public ReviewUnit post(UUID reviewId, long communeId, int version, LocalDate from, String places) {
		this.guard.actor.require(Permission.REVIEW_POSTING);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_POSTING);
		this.guard.requireWindow(review);
		ReviewGuard.requireCommune(unit);
		ReviewGuard.checkVersion(unit.version(), version);
		if (unit.postedFrom() != null) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.posted", ReviewGuard.day(unit.postedFrom()));
		}
		long notAgreed = this.reviews.count(reviewId, communeId,
				List.of(Step.LISTED.name(), Step.SURVEYED.name(), Step.RESURVEY.name()));
		long agreed = this.reviews.count(reviewId, communeId, List.of(Step.AGREED.name()));
		if (notAgreed > 0 || agreed == 0) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.post", notAgreed);
		}
		LocalDate start = (from != null) ? from : this.guard.today();
		ReviewGuard.requireDates(StepDates.posting(start, this.guard.today(), review.windowFrom(),
				this.reviews.stepDates(reviewId, communeId).lastMeeting()));
		LocalDate end = this.guard.calendar().postingEnd(start);
		String where = (places == null || places.isBlank()) ? DEFAULT_PLACES : places.strip();
		if (this.reviews.updatePosting(reviewId, communeId, version, start, end, where) == 0) {
			throw ReviewGuard.stale();
		}
		int posted = this.reviews.postAgreed(reviewId, communeId);
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("postedFrom", new Change(null, start));
		changes.put("postedTo", new Change(null, end));
		changes.put("places", new Change(null, where));
		changes.put("households", new Change(null, posted));
		this.guard.record("POST", "REVIEW_UNIT", reviewId + "/" + communeId, null, unit.unitPath(), unit.provinceCode(),
				changes, null);
		return this.reviews.findUnit(reviewId, communeId).orElseThrow();
	}

	/** The posted list of a commune (officers, in scope). */
	@Transactional(readOnly = true)
	public PostingList postingList(UUID reviewId, long communeId) {
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(reviewId, communeId);
		LocalDate date = (unit.postedFrom() != null) ? unit.postedFrom() : this.guard.today();
		return list(review, unit, this.letterheads.committee(communeId, date, null));
	}

	/**
	 * The public posting list: anyone may read it once posted; it shows name, village and
	 * class only.
	 * @return the list, or NOT_FOUND when not posted
	 */
	@Transactional(readOnly = true)
	public PostingList publicList(UUID reviewId, long communeId) {
		Review review = this.reviews.findReview(reviewId)
			.orElseThrow(() -> DomainException.notFound("REVIEW", reviewId));
		ReviewUnit unit = this.reviews.findUnit(reviewId, communeId)
			.filter((u) -> u.postedFrom() != null)
			.orElseThrow(() -> DomainException.notFound("REVIEW", reviewId));
		return list(review, unit, null);
	}

	private PostingList list(Review review, ReviewUnit unit, Letterhead head) {
		List<PostedRow> rows = this.reviews
			.worklist(review.id(), unit.communeId(), null, null, List.of(Step.POSTED.name(), Step.RECOGNISED.name()),
					1_000_000, 0)
			.stream()
			.filter((rh) -> Transition.POOR.equals(rh.shownClass()) || Transition.NEAR_POOR.equals(rh.shownClass())
					|| Transition.POOR.equals(rh.lastClass()) || Transition.NEAR_POOR.equals(rh.lastClass()))
			.map((rh) -> new PostedRow((rh.step() == Step.POSTED) ? rh.id() : null, rh.headName(), rh.villageName(),
					rh.lastClass(), rh.shownClass()))
			.toList();
		return new PostingList(review, unit, rows, this.guard.today(), head);
	}

	/**
	 * A posted list: poor and near-poor households of the coming year, and those leaving
	 * the lists.
	 *
	 * @param review review
	 * @param unit commune
	 * @param rows rows
	 * @param today today
	 * @param head the commune's committee as on the first day of posting, for the printed
	 * list; {@code null} on the public page
	 */
	public record PostingList(Review review, ReviewUnit unit, List<PostedRow> rows, LocalDate today, Letterhead head) {

		public boolean open() {
			return this.unit.postedFrom() != null
					&& ReviewCalendar.within(this.today, this.unit.postedFrom(), this.unit.postedTo());
		}

	}

	/**
	 * One posted household: no code, no ID number.
	 *
	 * @param ref opaque reference a complaint names (while the household is posted), or
	 * {@code null}
	 * @param headName head of household
	 * @param village village
	 * @param lastClass last year's class
	 * @param newClass class proposed for next year
	 */
	public record PostedRow(UUID ref, String headName, String village, String lastClass, String newClass) {
	}

	/**
	 * Records a complaint about a posted household during the posting period.
	 * @return the complaint with its tracking number
	 */
	@Transactional
	public Complaint complain(UUID reviewHouseholdId, String complainant, String content) {
		this.guard.actor.require(Permission.REVIEW_COMPLAINTS);
		ReviewHousehold rh = this.guard.household(reviewHouseholdId);
		ReviewUnit unit = this.guard.editableUnit(rh.reviewId(), rh.communeId(), Permission.REVIEW_COMPLAINTS);
		Review review = this.guard.review(rh.reviewId());
		if (complainant == null || complainant.isBlank() || content == null || content.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("content", "error.field.required")));
		}
		return file(review, unit, rh, complainant.strip(), content.strip(), null, null,
				this.guard.actor.get().username());
	}

	/** Longest complainant name and complaint text taken from the public form. */
	static final int MAX_NAME = 200;

	static final int MAX_CONTENT = 4000;

	/**
	 * A citizen files a complaint from the public posting page, without signing in,
	 * during the posting period, about a household of that posted list.
	 * @param reviewHouseholdId the household's reference on the public list
	 * @param phone phone to answer to (optional): its last digits later show the answer
	 * on the public page
	 * @param contact another contact, an address (optional)
	 * @return the complaint with its tracking number
	 */
	@Transactional
	public Complaint complainPublic(UUID reviewId, long communeId, UUID reviewHouseholdId, String complainant,
			String phone, String contact, String content) {
		Review review = this.reviews.findReview(reviewId)
			.orElseThrow(() -> DomainException.notFound("REVIEW", reviewId));
		ReviewUnit unit = this.reviews.findUnit(reviewId, communeId)
			.filter((u) -> u.postedFrom() != null)
			.orElseThrow(() -> DomainException.notFound("REVIEW", reviewId));
		java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
		if (complainant == null || complainant.isBlank() || complainant.length() > MAX_NAME) {
			problems.add(new FieldProblem("complainant", "review.field.complainant", MAX_NAME));
		}
		if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
			problems.add(new FieldProblem("content", "review.field.complaint", MAX_CONTENT));
		}
		if (contact != null && contact.length() > MAX_NAME) {
			problems.add(new FieldProblem("contact", "review.field.complainant", MAX_NAME));
		}
		String digits = ComplaintReferences.phone(phone);
		if (phone != null && !phone.isBlank() && digits == null) {
			problems.add(new FieldProblem("phone", "review.field.phone", phone));
		}
		if (reviewHouseholdId == null) {
			problems.add(new FieldProblem("household", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		ReviewHousehold rh = this.reviews.findHousehold(reviewHouseholdId)
			.filter((h) -> h.reviewId().equals(reviewId) && h.communeId() == communeId)
			.orElseThrow(() -> DomainException.notFound("REVIEW_HOUSEHOLD", reviewHouseholdId));
		if (!unit.signOff().editable()) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.locked", unit.communeName(),
					unit.signOff().name());
		}
		return file(review, unit, rh, complainant.strip(), content.strip(),
				(contact == null || contact.isBlank()) ? null : contact.strip(), digits, PUBLIC_ACTOR);
	}

	/** The audit actor of what the public files without signing in. */
	public static final String PUBLIC_ACTOR = "public";

	private Complaint file(Review review, ReviewUnit unit, ReviewHousehold rh, String complainant, String content,
			String contact, String phone, String actor) {
		LocalDate today = this.guard.today();
		if (unit.postedFrom() == null || !ReviewCalendar.within(today, unit.postedFrom(), unit.postedTo())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.complaint-period",
					ReviewGuard.day(unit.postedFrom()), ReviewGuard.day(unit.postedTo()));
		}
		if (rh.step() != Step.POSTED) {
			throw ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), Event.RECHECK));
		}
		String tracking = null;
		UUID id = null;
		// ~49 bits of chance per reference: a taken one is drawn again
		while (id == null) {
			tracking = this.references.next(review.year());
			id = this.reviews
				.insertComplaint(tracking, rh, unit.provinceCode(), today, complainant, content, contact, phone)
				.orElse(null);
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("trackingNo", new Change(null, tracking));
		if (phone != null) {
			changes.put("complainantPhone", new Change(null, phone));
		}
		this.guard.audit.record(new vn.giamngheo.audit.AuditTrail.AuditEntry(actor, "COMPLAIN", "REVIEW_COMPLAINT",
				id.toString(), rh.householdId(), rh.unitPath(), unit.provinceCode(), changes, content));
		return this.reviews.findComplaint(id).orElseThrow();
	}

	/**
	 * Answers a complaint after the re-check: when the re-checked class differs, the
	 * household's class changes (the only way a posted result changes).
	 * @return the answered complaint
	 */
	@Transactional
	public Complaint answer(UUID complaintId, int version, String recheckClass, String answer) {
		this.guard.actor.require(Permission.REVIEW_COMPLAINTS);
		Complaint complaint = this.reviews.findComplaint(complaintId)
			.orElseThrow(() -> DomainException.notFound("REVIEW_COMPLAINT", complaintId));
		ReviewHousehold rh = this.guard.household(complaint.reviewHouseholdId());
		ReviewUnit unit = this.guard.editableUnit(rh.reviewId(), rh.communeId(), Permission.REVIEW_COMPLAINTS);
		if (!Transition.CLASSES.contains(recheckClass) || answer == null || answer.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("recheckClass", "review.field.recheck")));
		}
		if (!"RECEIVED".equals(complaint.status())) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.answered", complaint.trackingNo());
		}
		Workflow.next(rh.step(), Event.RECHECK)
			.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), Event.RECHECK)));
		ReviewGuard.checkVersion(complaint.version(), version);
		boolean changed = !recheckClass.equals(rh.finalClass());
		if (changed && this.reviews.changeFinalClass(rh.id(), rh.version(), recheckClass) == 0) {
			throw ReviewGuard.stale();
		}
		if (this.reviews.answerComplaint(complaintId, version, recheckClass, changed ? "CHANGED" : "UPHELD",
				answer.strip(), this.guard.today(), this.guard.actor.get().username()) == 0) {
			throw ReviewGuard.stale();
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("status", new Change("RECEIVED", "ANSWERED"));
		changes.put("finalClass", new Change(rh.finalClass(), recheckClass));
		this.guard.record("ANSWER", "REVIEW_COMPLAINT", complaintId.toString(), rh.householdId(), rh.unitPath(),
				unit.provinceCode(), changes, answer.strip());
		return this.reviews.findComplaint(complaintId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Complaint> complaints(UUID reviewId, long communeId) {
		this.guard.unit(reviewId, communeId);
		return this.guard.masked(this.reviews.complaints(reviewId, communeId));
	}

	/**
	 * Public status of a complaint by its tracking number: status and dates only, no
	 * personal data; the answer needs {@link #complaintAnswer the proof}.
	 */
	@Transactional(readOnly = true)
	public PublicComplaint complaintStatus(String trackingNo) {
		Complaint c = byTracking(trackingNo);
		return new PublicComplaint(c.trackingNo(), c.receivedOn(), c.status(), c.answeredOn(), c.phone() != null, null,
				null, null);
	}

	/**
	 * The answer to a complaint for whoever proves to have filed it: the last
	 * {@value ComplaintReferences#PROOF_DIGITS} digits of the phone given. At most
	 * {@value #PROOF_ATTEMPTS} wrong proofs a day per complaint; beyond, none is checked
	 * until the day is over.
	 * @return the status with the village, outcome and answer when proven; otherwise what
	 * went wrong
	 */
	@Transactional
	public Proof complaintAnswer(String trackingNo, String lastDigits) {
		Complaint c = byTracking(trackingNo);
		PublicComplaint status = new PublicComplaint(c.trackingNo(), c.receivedOn(), c.status(), c.answeredOn(),
				c.phone() != null, null, null, null);
		ReviewRepository.ProofFailures failed = this.reviews.proofFailures(c.id());
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(this.guard.clock);
		boolean windowOver = failed.windowFrom() == null || !now.isBefore(failed.windowFrom().plus(PROOF_WINDOW));
		int failures = windowOver ? 0 : failed.failures();
		if (failures >= PROOF_ATTEMPTS) {
			return new Proof(status, false, 0, failed.windowFrom().plus(PROOF_WINDOW));
		}
		if (c.phone() != null && ComplaintReferences.proves(c.phone(), lastDigits)) {
			return new Proof(new PublicComplaint(c.trackingNo(), c.receivedOn(), c.status(), c.answeredOn(), true,
					c.villageName(), c.outcome(), c.answer()), true, PROOF_ATTEMPTS - failures, null);
		}
		failures++;
		java.time.OffsetDateTime from = windowOver ? now : failed.windowFrom();
		this.reviews.updateProofFailures(c.id(), failures, from);
		return new Proof(status, false, PROOF_ATTEMPTS - failures,
				(failures >= PROOF_ATTEMPTS) ? from.plus(PROOF_WINDOW) : null);
	}

	/** Wrong proofs a complaint takes in {@link #PROOF_WINDOW}. */
	public static final int PROOF_ATTEMPTS = 5;

	static final java.time.Duration PROOF_WINDOW = java.time.Duration.ofDays(1);

	private Complaint byTracking(String trackingNo) {
		return this.reviews.findComplaintByTracking(ComplaintReferences.normalise(trackingNo))
			.orElseThrow(() -> DomainException.notFound("REVIEW_COMPLAINT", trackingNo));
	}

	/**
	 * What the public sees of a complaint: status and dates; the village, outcome and
	 * answer only after the proof.
	 *
	 * @param trackingNo tracking number
	 * @param receivedOn received
	 * @param status status
	 * @param answeredOn answered
	 * @param provable a phone was given, so the answer can be shown on proof
	 * @param village village (after the proof)
	 * @param outcome outcome (after the proof)
	 * @param answer answer (after the proof)
	 */
	public record PublicComplaint(String trackingNo, LocalDate receivedOn, String status, LocalDate answeredOn,
			boolean provable, String village, String outcome, String answer) {
	}

	/**
	 * The result of a proof.
	 *
	 * @param complaint the complaint as it may be shown
	 * @param proven the digits matched
	 * @param attemptsLeft wrong proofs still allowed today
	 * @param lockedUntil when proofs are taken again, if none are now
	 */
	public record Proof(PublicComplaint complaint, boolean proven, int attemptsLeft,
			java.time.OffsetDateTime lockedUntil) {
	}

}
