package vn.giamngheo.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.audit.Disclosures;
import vn.giamngheo.review.Meetings.Minutes;
import vn.giamngheo.review.Postings.PostingList;
import vn.giamngheo.review.Recognitions.Certificate;
import vn.giamngheo.review.Recognitions.Decision;

/**
 * The review's documents that name households, as files (PDF): the posting list, the
 * minutes of a village meeting, the chairman's decision with its list and the
 * certificates. Each file given out is audited ({@code EXPORT}, with the document, the
 * commune or village, the year and the number of households) before it is rendered (ADR
 * 0017). The province reports carry figures per unit, no names, and are not audited.
 */
@Service
public class ReviewDocuments {

	private final Postings postings;

	private final Meetings meetings;

	private final Recognitions recognitions;

	private final ReviewGuard guard;

	private final Disclosures disclosures;

	ReviewDocuments(Postings postings, Meetings meetings, Recognitions recognitions, ReviewGuard guard,
			Disclosures disclosures) {
		this.postings = postings;
		this.meetings = meetings;
		this.recognitions = recognitions;
		this.guard = guard;
		this.disclosures = disclosures;
	}

	/** The posting list of a commune, to print. */
	public PostingList postingList(UUID reviewId, long communeId, String format) {
		PostingList list = this.postings.postingList(reviewId, communeId);
		disclose("POSTING_LIST", reviewId + "/" + communeId, list.unit().communeName(), list.review().year(),
				list.rows().size(), list.unit().unitPath(), list.unit().provinceCode(), format);
		return list;
	}

	/** The minutes of a village meeting, to print. */
	public Minutes minutes(UUID meetingId, String format) {
		Minutes minutes = this.meetings.minutes(meetingId);
		disclose("MINUTES", meetingId.toString(),
				minutes.meeting().villageName() + ", " + minutes.meeting().communeName(), minutes.review().year(),
				minutes.votes().size(), minutes.meeting().unitPath(), minutes.review().provinceCode(), format);
		return minutes;
	}

	/**
	 * The chairman's decision of a commune with its list (a draft before it is made), to
	 * print.
	 */
	public Decision decision(UUID reviewId, long communeId, String format) {
		Decision decision = this.recognitions.decision(reviewId, communeId);
		disclose("DECISION", reviewId + "/" + communeId, decision.unit().communeName(), decision.review().year(),
				decision.lines().size(), decision.unit().unitPath(), decision.unit().provinceCode(), format);
		return decision;
	}

	/** The certificates of a commune (or of one household), to print. */
	public List<Certificate> certificates(UUID reviewId, long communeId, UUID reviewHouseholdId, String format) {
		List<Certificate> certificates = this.recognitions.certificates(reviewId, communeId, reviewHouseholdId);
		ReviewUnit unit = this.guard.unit(reviewId, communeId);
		Review review = this.guard.review(reviewId);
		disclose("CERTIFICATES", reviewId + "/" + communeId, unit.communeName(), review.year(), certificates.size(),
				unit.unitPath(), unit.provinceCode(), format);
		return certificates;
	}

	private void disclose(String document, String id, String unit, int year, long rows, String unitPath,
			String province, String format) {
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("format", new Change(null, format));
		changes.put("unit", new Change(null, unit));
		changes.put("year", new Change(null, year));
		changes.put(Disclosures.ROWS, new Change(null, rows));
		this.disclosures.record(new AuditEntry(this.guard.actor.get().username(), Disclosures.EXPORT, document, id,
				null, unitPath, province, changes, null));
	}

}
