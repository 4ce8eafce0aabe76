package vn.giamngheo.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.review.domain.Event;
import vn.giamngheo.review.domain.MeetingRule;
import vn.giamngheo.review.domain.Rejection;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.StepDates;
import vn.giamngheo.review.domain.Workflow;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.review.persistence.ReviewRepository.Meeting;
import vn.giamngheo.review.persistence.ReviewRepository.Vote;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;

/**
 * Step 3: the village meeting (họp dân) — date, start and end, chair, secretary, the
 * Fatherland Front's representative, attendees and, per surveyed household, the votes in
 * favour of the proposed class. A result stands at ≥ 50% of the attendees; below, the
 * household goes back to survey. Minutes (biên bản) in two copies.
 */
@Service
public class Meetings {

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final Geography geography;

	private final Letterheads letterheads;

	Meetings(ReviewRepository reviews, ReviewGuard guard, Geography geography, Letterheads letterheads) {
		this.letterheads = letterheads;
		this.reviews = reviews;
		this.guard = guard;
		this.geography = geography;
	}

	/**
	 * A meeting as recorded.
	 *
	 * @param villageId village
	 * @param heldOn date (not in the future)
	 * @param startedAt time the meeting started
	 * @param endedAt time it ended (after the start)
	 * @param chair chair (village head)
	 * @param secretary who wrote the minutes
	 * @param attendees attendees
	 * @param supervisor representative of the Fatherland Front (Mặt trận Tổ quốc),
	 * invited to supervise
	 * @param note note
	 * @param votes listed household → votes in favour
	 */
	public record MeetingInput(Long villageId, LocalDate heldOn, LocalTime startedAt, LocalTime endedAt, String chair,
			String secretary, Integer attendees, String supervisor, String note, Map<UUID, Integer> votes) {
	}

	/**
	 * Records a meeting and its votes.
	 * @return the meeting
	 */
	@Transactional
	public Meeting record(UUID reviewId, long communeId, MeetingInput input) {
		this.guard.actor.require(Permission.REVIEW_MEETING);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_MEETING);
		this.guard.requireWindow(review);
		List<FieldProblem> problems = new ArrayList<>();
		if (input.villageId() == null) {
			problems.add(new FieldProblem("villageId", "error.field.required"));
		}
		if (input.heldOn() == null) {
			problems.add(new FieldProblem("heldOn", "review.field.held-on"));
		}
		if (input.startedAt() == null) {
			problems.add(new FieldProblem("startedAt", "error.field.required"));
		}
		if (input.endedAt() == null || (input.startedAt() != null && !input.endedAt().isAfter(input.startedAt()))) {
			problems.add(new FieldProblem("endedAt", "review.field.meeting-end"));
		}
		required(problems, "chair", input.chair());
		required(problems, "secretary", input.secretary());
		required(problems, "supervisor", input.supervisor());
		if (input.attendees() == null || input.attendees() <= 0) {
			problems.add(new FieldProblem("attendees", "review.rejected.meeting.attendees"));
		}
		if (input.votes() == null || input.votes().isEmpty()) {
			problems.add(new FieldProblem("votes", "review.field.votes"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Unit village = this.geography.unit(input.villageId());
		if (!village.isVillage() || village.parentId() != communeId) {
			throw DomainException.invalid(List.of(new FieldProblem("villageId", "registry.village.not-village")));
		}
		int attendees = input.attendees();
		Map<UUID, ReviewHousehold> found = new java.util.HashMap<>();
		this.reviews.findHouseholds(reviewId, input.votes().keySet()).forEach((rh) -> found.put(rh.id(), rh));
		List<ReviewHousehold> voted = new ArrayList<>();
		for (Map.Entry<UUID, Integer> vote : input.votes().entrySet()) {
			ReviewHousehold rh = java.util.Optional.ofNullable(found.get(vote.getKey()))
				.filter((h) -> h.villageId() == village.id())
				.orElseThrow(() -> DomainException.notFound("REVIEW_HOUSEHOLD", vote.getKey()));
			int agree = (vote.getValue() == null) ? -1 : vote.getValue();
			Rejection invalid = MeetingRule.check(attendees, agree);
			if (invalid != null) {
				throw DomainException
					.invalid(List.of(new FieldProblem("votes." + rh.id(), invalid.messageKey(), invalid.args())));
			}
			Event event = MeetingRule.decide(attendees, agree);
			Workflow.next(rh.step(), event)
				.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), event)));
			voted.add(rh);
		}
		LocalDate lastSurvey = voted.stream()
			.map(ReviewHousehold::surveyDate)
			.filter(java.util.Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		ReviewGuard
			.requireDates(StepDates.meeting(input.heldOn(), this.guard.today(), review.windowFrom(), lastSurvey));
		UUID meetingId = this.reviews.insertMeeting(reviewId, unit.provinceCode(), communeId, village.id(),
				village.path(),
				new ReviewRepository.MeetingRow(input.heldOn(), input.startedAt(), input.endedAt(),
						input.chair().strip(), input.secretary().strip(), attendees, input.supervisor().strip(),
						blankToNull(input.note())),
				this.guard.actor.get().username());
		int agreed = 0;
		List<ReviewRepository.VoteRow> rows = new ArrayList<>();
		List<AuditEntry> audit = new ArrayList<>();
		for (ReviewHousehold rh : voted) {
			int agree = input.votes().get(rh.id());
			Step next = Workflow.next(rh.step(), MeetingRule.decide(attendees, agree)).orElseThrow();
			rows.add(new ReviewRepository.VoteRow(rh.id(), rh.version(), next, agree, rh.proposedClass(),
					(next == Step.AGREED) ? rh.proposedClass() : null));
			agreed += (next == Step.AGREED) ? 1 : 0;
			Map<String, Change> changes = new LinkedHashMap<>();
			changes.put("step", new Change(rh.step().name(), next.name()));
			changes.put("votes", new Change(null, agree + "/" + attendees));
			audit.add(this.guard.entry("VOTE", "REVIEW_HOUSEHOLD", rh.id().toString(), rh.householdId(), rh.unitPath(),
					unit.provinceCode(), changes, null));
		}
		if (!this.reviews.recordVotes(meetingId, unit.provinceCode(), rows)) {
			throw ReviewGuard.stale();
		}
		this.guard.recordAll(audit);
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("heldOn", new Change(null, input.heldOn()));
		changes.put("attendees", new Change(null, attendees));
		changes.put("agreed", new Change(null, agreed));
		changes.put("resurvey", new Change(null, voted.size() - agreed));
		this.guard.record("CREATE", "REVIEW_MEETING", meetingId.toString(), null, village.path(), unit.provinceCode(),
				changes, null);
		return this.reviews.findMeeting(meetingId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Meeting> meetings(UUID reviewId, long communeId) {
		this.guard.unit(reviewId, communeId);
		return this.reviews.meetings(reviewId, communeId);
	}

	/** A meeting and its votes, for the minutes. */
	@Transactional(readOnly = true)
	public Minutes minutes(UUID meetingId) {
		Meeting meeting = this.reviews.findMeeting(meetingId)
			.orElseThrow(() -> DomainException.notFound("REVIEW_MEETING", meetingId));
		if (!this.guard.actor.get().scope().canView(meeting.unitPath())) {
			throw DomainException.notFound("REVIEW_MEETING", meetingId);
		}
		Review review = this.guard.review(meeting.reviewId());
		return new Minutes(review, meeting, this.reviews.votes(meetingId),
				this.letterheads.village(meeting.villageId(), meeting.heldOn()));
	}

	/**
	 * Minutes of a meeting.
	 *
	 * @param review the review
	 * @param meeting the meeting
	 * @param votes the votes
	 * @param head the village under its commune's committee, named as on the meeting's
	 * date
	 */
	public record Minutes(Review review, Meeting meeting, List<Vote> votes, Letterhead head) {

		public long agreed() {
			return this.votes.stream().filter((v) -> "AGREED".equals(v.result())).count();
		}

	}

	private static void required(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
