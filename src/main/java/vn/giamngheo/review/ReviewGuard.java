package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.giamngheo.audit.AuditBatch;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.domain.Rejection;
import vn.giamngheo.review.domain.ReviewCalendar;
import vn.giamngheo.review.domain.StepDates;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

/**
 * The checks every review step makes: the user's role may take the step (else forbidden),
 * the review and commune are in the user's view scope (else not found), the user may
 * write there (else forbidden), the commune is not locked (else conflict), a reviewer
 * sees only the households assigned to them; and the audit row of every step.
 */
@Component
class ReviewGuard {

	final ReviewRepository reviews;

	final CurrentActor actor;

	final AuditTrail audit;

	final AuditBatch auditBatch;

	final Clock clock;

	ReviewGuard(ReviewRepository reviews, CurrentActor actor, AuditTrail audit, AuditBatch auditBatch, Clock clock) {
		this.reviews = reviews;
		this.actor = actor;
		this.audit = audit;
		this.auditBatch = auditBatch;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	ReviewCalendar calendar() {
		return ReviewCalendar.DEFAULT;
	}

	/** A review with at least one commune in the view scope, or NOT_FOUND. */
	Review review(UUID id) {
		Review review = this.reviews.findReview(id).orElseThrow(() -> DomainException.notFound("REVIEW", id));
		Actor current = this.actor.get();
		if (current.scope().canView(review.provincePath())) {
			return review;
		}
		for (String path : current.scope().viewPaths()) {
			if (path.startsWith(review.provincePath())) {
				return review;
			}
		}
		throw DomainException.notFound("REVIEW", id);
	}

	/** A commune of a review in the view scope, or NOT_FOUND. */
	ReviewUnit unit(UUID reviewId, long communeId) {
		return unit(review(reviewId), communeId);
	}

	/** A commune of a review already in scope, itself in the view scope, or NOT_FOUND. */
	ReviewUnit unit(Review review, long communeId) {
		UUID reviewId = review.id();
		ReviewUnit unit = this.reviews.findUnit(reviewId, communeId)
			.orElseThrow(() -> DomainException.notFound("UNIT", communeId));
		if (!this.actor.get().scope().canView(unit.unitPath())) {
			throw DomainException.notFound("UNIT", communeId);
		}
		return unit;
	}

	/**
	 * A commune the current user may work on for this step: the role's permission (403),
	 * visible (404), capture scope (403), not locked (409).
	 */
	ReviewUnit editableUnit(UUID reviewId, long communeId, Permission step) {
		this.actor.require(step);
		ReviewUnit unit = unit(reviewId, communeId);
		this.actor.require(step, unit.unitPath());
		requireEditable(unit);
		return unit;
	}

	/**
	 * Refuses the acts that belong to a commune's own committee (posting, recognition,
	 * submission) on the province's "Chưa xác định xã mới" unit (ADR 0030).
	 */
	static void requireCommune(ReviewUnit unit) {
		if (unit.placeholder()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.placeholder", unit.communeName());
		}
	}

	void requireEditable(ReviewUnit unit) {
		if (!unit.signOff().editable()) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.locked", unit.communeName(),
					unit.signOff().name());
		}
	}

	/** Steps 1–4 happen inside the review window. */
	void requireWindow(Review review) {
		LocalDate today = today();
		if (!ReviewCalendar.within(today, review.windowFrom(), review.windowTo())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.window", day(review.windowFrom()),
					day(review.windowTo()));
		}
	}

	/** A reviewer sees only the households assigned to them; others by the view scope. */
	ReviewHousehold household(UUID id) {
		ReviewHousehold rh = this.reviews.findHousehold(id)
			.orElseThrow(() -> DomainException.notFound("REVIEW_HOUSEHOLD", id));
		Actor current = this.actor.get();
		boolean visible = current.scope().canView(rh.unitPath())
				&& (this.actor.role() != Role.REVIEWER || current.username().equals(rh.reviewer()));
		if (!visible) {
			throw DomainException.notFound("REVIEW_HOUSEHOLD", id);
		}
		return rh;
	}

	/**
	 * Complaints as the current user may see them: the complainant's phone only for those
	 * who handle complaints (ADR 0017).
	 */
	java.util.List<ReviewRepository.Complaint> masked(java.util.List<ReviewRepository.Complaint> complaints) {
		Actor current = this.actor.get();
		return complaints.stream()
			.map((c) -> c.withPhone(vn.giamngheo.shared.scope.PersonalData.mask(current, c.phone(),
					vn.giamngheo.shared.scope.PersonalData.Kind.COMPLAINANT_PHONE, c.unitPath())))
			.toList();
	}

	/** The reviewer filter of worklists: the user's name for reviewers, else none. */
	String reviewerFilter() {
		return (this.actor.role() == Role.REVIEWER) ? this.actor.get().username() : null;
	}

	/** A date as users read it (dd/MM/yyyy), or an empty text. */
	static String day(LocalDate date) {
		return (date == null) ? "" : date.format(StepDates.DAY);
	}

	/** Refuses step dates out of order, each problem on its field. */
	static void requireDates(List<StepDates.Problem> problems) {
		if (!problems.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.dates",
					problems.stream()
						.map((p) -> new DomainException.FieldProblem(p.field(), p.messageKey(), p.args()))
						.toList());
		}
	}

	static DomainException rejected(Rejection rejection) {
		return new DomainException(ErrorCode.RULE_REJECTED, rejection.messageKey(), rejection.args());
	}

	static void checkVersion(int current, int sent) {
		if (current != sent) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", current, sent);
		}
	}

	static DomainException stale() {
		return new DomainException(ErrorCode.STALE_VERSION, "review.rejected.stale");
	}

	void record(String action, String entity, String entityId, UUID householdId, String unitPath, String province,
			Map<String, Change> changes, String reason) {
		recordBy(this.actor.get().username(), action, entity, entityId, householdId, unitPath, province, changes,
				reason);
	}

	/** An audit row by a named actor (the demo's start, which has no signed-in user). */
	void recordBy(String username, String action, String entity, String entityId, UUID householdId, String unitPath,
			String province, Map<String, Change> changes, String reason) {
		this.audit.record(
				new AuditEntry(username, action, entity, entityId, householdId, unitPath, province, changes, reason));
	}

	/**
	 * An audit row of a bulk step, by the current user (written with {@link #recordAll}).
	 */
	AuditEntry entry(String action, String entity, String entityId, UUID householdId, String unitPath, String province,
			Map<String, Change> changes, String reason) {
		return new AuditEntry(this.actor.get().username(), action, entity, entityId, householdId, unitPath, province,
				changes, reason);
	}

	/** The audit rows of a bulk step, in its transaction (one COPY). */
	void recordAll(java.util.List<AuditEntry> entries) {
		if (!entries.isEmpty()) {
			this.auditBatch.recordAll(entries);
		}
	}

}
