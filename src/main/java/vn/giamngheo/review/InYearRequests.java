package vn.giamngheo.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.Event;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.Transition;
import vn.giamngheo.review.domain.Workflow;
import vn.giamngheo.review.persistence.RequestRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.standards.domain.Classification;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.shared.scope.Permission;

/**
 * The in-year (regular) review, Decision 24/2021/QĐ-TTg Art. 5: a household asks to enter
 * the list (Mẫu số 01) or to be recognised as having exited (Mẫu số 04) in any month; the
 * commune surveys it (Phiếu B, with the standard in force) and the chairman decides
 * within the configured period (15 days, unconfirmed), or refuses in writing with
 * reasons.
 */
@Service
public class InYearRequests {

	/** The two request forms. */
	public static final List<String> FORMS = List.of("MAU_01", "MAU_04");

	private final RequestRepository requests;

	private final ReviewGuard guard;

	private final HouseholdRegistry registry;

	private final Surveys surveys;

	private final StandardCatalogue standards;

	private final ObjectMapper json;

	InYearRequests(RequestRepository requests, ReviewGuard guard, HouseholdRegistry registry, Surveys surveys,
			StandardCatalogue standards, ObjectMapper json) {
		this.requests = requests;
		this.guard = guard;
		this.registry = registry;
		this.surveys = surveys;
		this.standards = standards;
		this.json = json;
	}

	/**
	 * Receives a request of a household of the officer's capture scope.
	 * @param householdId household
	 * @param form MAU_01 (enter) or MAU_04 (exit)
	 * @param receivedOn received (today when not given; not in the future)
	 * @param applicant who applies
	 * @param reason the reason written on the form
	 * @return the request with its due date
	 */
	@Transactional
	public InYearRequest receive(UUID householdId, String form, LocalDate receivedOn, String applicant, String reason) {
		this.guard.actor.require(Permission.IN_YEAR_REQUESTS);
		Household household = this.registry.household(householdId);
		this.guard.actor.require(Permission.IN_YEAR_REQUESTS, household.unitPath());
		LocalDate today = this.guard.today();
		LocalDate received = (receivedOn != null) ? receivedOn : today;
		if (!FORMS.contains(form) || received.isAfter(today) || applicant == null || applicant.isBlank()
				|| reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("form", "review.field.request")));
		}
		String last = this.requests.latestClass(householdId).orElse(null);
		boolean listed = Transition.POOR.equals(last) || Transition.NEAR_POOR.equals(last);
		if ("MAU_04".equals(form) && !listed) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.request-exit");
		}
		if ("MAU_01".equals(form) && Transition.POOR.equals(last)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.request-enter");
		}
		if (this.requests.hasOpenRequest(householdId)) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.request-open");
		}
		LocalDate due = this.guard.calendar().inYearDue(received);
		long n = this.requests.nextNumber(household.communeId(), received.getYear());
		String tracking = String.format("DN-%d-%d-%04d", received.getYear(), household.communeId(), n);
		UUID id = this.requests.insert(tracking, householdId, household.provinceCode(), household.communeId(),
				household.unitPath(), form, received, due, applicant.strip(), reason.strip(), last);
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("form", new Change(null, form));
		changes.put("trackingNo", new Change(null, tracking));
		changes.put("dueOn", new Change(null, due));
		this.guard.record("REQUEST", "REVIEW_REQUEST", id.toString(), householdId, household.unitPath(),
				household.provinceCode(), changes, reason.strip());
		return this.requests.find(id).orElseThrow();
	}

	/** Receives a request for the household with this code. */
	@Transactional
	public InYearRequest receive(String householdCode, String form, LocalDate receivedOn, String applicant,
			String reason) {
		this.guard.actor.require(Permission.IN_YEAR_REQUESTS);
		UUID id = this.requests.householdByCode((householdCode == null) ? "" : householdCode.strip())
			.orElseThrow(() -> DomainException.notFound("HOUSEHOLD", householdCode));
		return receive(id, form, receivedOn, applicant, reason);
	}

	/** Requests of the user's scope, newest first. */
	@Transactional(readOnly = true)
	public List<InYearRequest> list(boolean openOnly) {
		return this.requests.list(this.guard.actor.get().scope().viewPatterns(), openOnly, 500);
	}

	@Transactional(readOnly = true)
	public InYearRequest request(UUID id) {
		InYearRequest request = this.requests.find(id)
			.orElseThrow(() -> DomainException.notFound("REVIEW_REQUEST", id));
		if (!this.guard.actor.get().scope().canView(request.unitPath())) {
			throw DomainException.notFound("REVIEW_REQUEST", id);
		}
		return request;
	}

	/**
	 * The standard in force today (the in-year review uses the current list's standard).
	 */
	String standardKey() {
		return this.standards.inForce(this.guard.today())
			.map(Standard::key)
			.orElseThrow(() -> new DomainException(ErrorCode.RULE_REJECTED, "review.field.standard.none",
					String.valueOf(this.guard.today().getYear())));
	}

	/** Surveys the household of a request (Phiếu B) and proposes its class. */
	@Transactional
	public InYearRequest survey(UUID id, SurveyInput input) {
		InYearRequest request = writable(id);
		Step next = Workflow.nextInYear(request.step(), Event.SURVEY)
			.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(request.step(), Event.SURVEY)));
		ReviewGuard.checkVersion(request.version(), input.version());
		Household household = this.registry.household(request.householdId());
		Classification c = this.surveys.classify(standardKey(), request.provinceCode(), household, input);
		boolean score = "SCORE".equals(input.way());
		if (this.requests.saveSurvey(id, input.version(), this.guard.today(), c.way().name(),
				score ? null : input.incomePerCapita(), score ? input.scoreA() : null, c.deprivationScore(),
				c.povertyClass().name(), this.json.writeValueAsString(Surveys.explanation(c))) == 0) {
			throw ReviewGuard.stale();
		}
		this.guard.record("SURVEY", "REVIEW_REQUEST", id.toString(), request.householdId(), request.unitPath(),
				request.provinceCode(), Map.of("step", new Change(request.step().name(), next.name()), "proposedClass",
						new Change(request.proposedClass(), c.povertyClass().name())),
				null);
		return this.requests.find(id).orElseThrow();
	}

	/** The chairman recognises the surveyed class (decision number and date). */
	@Transactional
	public InYearRequest recognise(UUID id, int version, String decisionNo, LocalDate decisionDate) {
		InYearRequest request = writable(id);
		Step next = Workflow.nextInYear(request.step(), Event.RECOGNISE)
			.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(request.step(), Event.RECOGNISE)));
		if (decisionNo == null || decisionNo.isBlank() || decisionDate == null
				|| decisionDate.isAfter(this.guard.today()) || decisionDate.isBefore(request.receivedOn())) {
			throw DomainException.invalid(List.of(new FieldProblem("decisionDate", "review.field.decision-date")));
		}
		ReviewGuard.checkVersion(request.version(), version);
		Transition t = Transition.of(request.lastClass(), request.proposedClass(), false, false);
		if (this.requests.decide(id, version, next, decisionNo.strip(), decisionDate, t.name(), null,
				this.guard.actor.get().username()) == 0) {
			throw ReviewGuard.stale();
		}
		this.guard.record("RECOGNISE", "REVIEW_REQUEST", id.toString(), request.householdId(), request.unitPath(),
				request.provinceCode(), Map.of("step", new Change(request.step().name(), next.name()), "transition",
						new Change(null, t.name())),
				AuditTrail.byDecision(decisionNo));
		toRegistry(request, decisionNo.strip(), decisionDate);
		return this.requests.find(id).orElseThrow();
	}

	/**
	 * The decided class becomes the household's recognised class of the decision's year
	 * in the registry (through its face: capture scope, audited old → new, aggregates
	 * refreshed), with the decision number and date.
	 */
	private void toRegistry(InYearRequest request, String decisionNo, LocalDate decisionDate) {
		RequestRepository.SurveyRecord survey = this.requests.survey(request.id()).orElseThrow();
		String explanationJson = survey.explanationJson();
		List<String> deprived = List.of();
		String standardKey = standardKey();
		if (explanationJson != null) {
			Explanation explanation = this.json.readValue(explanationJson, Explanation.class);
			deprived = explanation.indicators()
				.stream()
				.filter(Explanation.Line::deprived)
				.map(Explanation.Line::code)
				.toList();
			standardKey = explanation.standardKey();
		}
		int members = this.registry.members(request.householdId(), false).size();
		this.registry.recordRecognised(new RecognisedAssessment(request.householdId(), decisionDate.getYear(),
				standardKey, survey.surveyDate(), members, request.incomePerCapita(), request.scoreA(), survey.scoreB(),
				deprived, request.proposedClass(), null, decisionNo, decisionDate, null, explanationJson,
				RecognisedAssessment.IN_YEAR));
	}

	/** Refuses a request in writing with its reasons. */
	@Transactional
	public InYearRequest refuse(UUID id, int version, String reasons) {
		InYearRequest request = writable(id);
		Step next = Workflow.nextInYear(request.step(), Event.REFUSE)
			.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(request.step(), Event.REFUSE)));
		if (reasons == null || reasons.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "review.field.refusal")));
		}
		ReviewGuard.checkVersion(request.version(), version);
		if (this.requests.decide(id, version, next, null, this.guard.today(), null, reasons.strip(),
				this.guard.actor.get().username()) == 0) {
			throw ReviewGuard.stale();
		}
		this.guard.record("REFUSE", "REVIEW_REQUEST", id.toString(), request.householdId(), request.unitPath(),
				request.provinceCode(), Map.of("step", new Change(request.step().name(), next.name())),
				reasons.strip());
		return this.requests.find(id).orElseThrow();
	}

	/**
	 * The report of this month's in-year reviews is due on the 5th of next month (reports
	 * due February to September).
	 * @return the due date, or {@code null} when none is due this month
	 */
	public LocalDate monthlyReportDue() {
		return this.guard.calendar().monthlyReportDue(YearMonth.from(this.guard.today()));
	}

	public LocalDate today() {
		return this.guard.today();
	}

	private InYearRequest writable(UUID id) {
		this.guard.actor.require(Permission.IN_YEAR_REQUESTS);
		InYearRequest request = request(id);
		this.guard.actor.require(Permission.IN_YEAR_REQUESTS, request.unitPath());
		return request;
	}

}
