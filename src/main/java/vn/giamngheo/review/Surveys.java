package vn.giamngheo.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.registry.Household;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;
import vn.giamngheo.review.domain.ConsistencyCheck;
import vn.giamngheo.review.domain.Event;
import vn.giamngheo.review.domain.PhieuC;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.domain.Workflow;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.review.persistence.ReviewRepository.Survey;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.MemberFacts;
import vn.giamngheo.standards.domain.Classification;
import vn.giamngheo.standards.domain.IndicatorResult;
import vn.giamngheo.standards.domain.InvalidFactsException;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.Way;
import vn.giamngheo.shared.scope.Permission;

/**
 * Step 2: the reviewer's survey (Phiếu B) of one household — either the deprivation facts
 * and income, or the scores — classified by the standards engine with its explanation,
 * compared with last year (flags), and Phiếu C (causes and needs) for poor and near-poor
 * households. The household's members come from the registry.
 */
@Service
public class Surveys {

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final HouseholdRegistry registry;

	private final StandardCatalogue standards;

	private final ObjectMapper json;

	private final HouseholdBulk bulk;

	Surveys(ReviewRepository reviews, ReviewGuard guard, HouseholdRegistry registry, StandardCatalogue standards,
			ObjectMapper json, HouseholdBulk bulk) {
		this.bulk = bulk;
		this.reviews = reviews;
		this.guard = guard;
		this.registry = registry;
		this.standards = standards;
		this.json = json;
	}

	/**
	 * What the reviewer enters on Phiếu B and Phiếu C.
	 *
	 * @param version version of the listed household
	 * @param way INCOME (income and facts) or SCORE (scores A and B)
	 * @param incomePerCapita income per head per month, VND
	 * @param scoreA score A (B1)
	 * @param scoreB score B (B2)
	 * @param housingQuality housing quality code
	 * @param floorAreaM2 floor area
	 * @param waterSource water source code
	 * @param latrine latrine code
	 * @param telecomUse uses telecom
	 * @param internetUse uses internet
	 * @param infoDevices owns information devices
	 * @param loudspeakerReach reached by loudspeakers
	 * @param wasteHandling waste handling code
	 * @param causes Phiếu C causes
	 * @param needs Phiếu C needs
	 * @param note Phiếu C note
	 */
	public record SurveyInput(int version, String way, Long incomePerCapita, Integer scoreA, Integer scoreB,
			String housingQuality, BigDecimal floorAreaM2, String waterSource, String latrine, boolean telecomUse,
			boolean internetUse, boolean infoDevices, boolean loudspeakerReach, String wasteHandling,
			List<String> causes, List<String> needs, String note) {
	}

	/**
	 * The proposed class and its explanation, without saving (for the page's preview).
	 * @param reviewHouseholdId listed household
	 * @param input the survey
	 * @return the classification
	 */
	@Transactional(readOnly = true)
	public Classification preview(UUID reviewHouseholdId, SurveyInput input) {
		ReviewHousehold rh = this.guard.household(reviewHouseholdId);
		Review review = this.guard.review(rh.reviewId());
		return classify(review, this.registry.household(rh.householdId()), input);
	}

	/**
	 * Saves the survey: the household moves to SURVEYED with its proposed class,
	 * explanation and flags.
	 * @param reviewHouseholdId listed household
	 * @param input the survey
	 * @return the saved household
	 */
	@Transactional
	public ReviewHousehold submit(UUID reviewHouseholdId, SurveyInput input) {
		this.guard.actor.require(Permission.REVIEW_SURVEY);
		ReviewHousehold rh = this.guard.household(reviewHouseholdId);
		Review review = this.guard.review(rh.reviewId());
		this.guard.actor.require(Permission.REVIEW_SURVEY, rh.unitPath());
		ReviewUnit unit = this.reviews.findUnit(rh.reviewId(), rh.communeId()).orElseThrow();
		this.guard.requireEditable(unit);
		this.guard.requireWindow(review);
		Workflow.next(rh.step(), Event.SURVEY)
			.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), Event.SURVEY)));
		ReviewGuard.checkVersion(rh.version(), input.version());
		Household household = this.registry.household(rh.householdId());
		Prepared p = prepare(rh, input, classify(review.standardKey(), review.provinceCode(), household,
				this.registry.members(household.id(), false), input));
		if (this.reviews.saveSurvey(rh.id(), input.version(), p.survey()) == 0) {
			throw ReviewGuard.stale();
		}
		this.guard.record("SURVEY", "REVIEW_HOUSEHOLD", rh.id().toString(), rh.householdId(), rh.unitPath(),
				unit.provinceCode(), p.changes(), null);
		return this.reviews.findHousehold(rh.id()).orElseThrow();
	}

	/**
	 * Saves the surveys of many households of a commune at once (a reviewer's batch, an
	 * import of collected forms): the same checks, classification, flags and audit rows
	 * as {@link #submit}, one scope check, bulk reads of the registry, batched writes.
	 * All or nothing: one invalid or stale survey rejects the batch.
	 * @param inputs listed household → survey
	 * @return listed household → proposed class
	 */
	@Transactional
	public Map<UUID, String> submitAll(UUID reviewId, long communeId, Map<UUID, SurveyInput> inputs) {
		this.guard.actor.require(Permission.REVIEW_SURVEY);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(review, communeId);
		this.guard.requireEditable(unit);
		this.guard.requireWindow(review);
		List<ReviewHousehold> rows = this.reviews.findHouseholds(reviewId, inputs.keySet());
		String reviewer = this.guard.reviewerFilter();
		Map<UUID, ReviewHousehold> byId = new HashMap<>();
		for (ReviewHousehold rh : rows) {
			if (rh.communeId() != communeId || (reviewer != null && !reviewer.equals(rh.reviewer()))
					|| !this.guard.actor.get().scope().canView(rh.unitPath())) {
				throw DomainException.notFound("REVIEW_HOUSEHOLD", rh.id());
			}
			this.guard.actor.require(Permission.REVIEW_SURVEY, rh.unitPath());
			byId.put(rh.id(), rh);
		}
		for (UUID id : inputs.keySet()) {
			if (!byId.containsKey(id)) {
				throw DomainException.notFound("REVIEW_HOUSEHOLD", id);
			}
		}
		List<UUID> householdIds = rows.stream().map(ReviewHousehold::householdId).toList();
		Map<UUID, Household> households = new HashMap<>();
		this.bulk.byIds(householdIds).forEach((h) -> households.put(h.id(), h));
		Map<UUID, List<Member>> members = new HashMap<>();
		this.bulk.members(householdIds)
			.forEach((m) -> members.computeIfAbsent(m.householdId(), (k) -> new ArrayList<>()).add(m));
		PovertyClassifier classifier = classifier(review.standardKey(), review.provinceCode());
		List<ReviewRepository.SurveyRow> saves = new ArrayList<>();
		List<AuditTrail.AuditEntry> audit = new ArrayList<>();
		Map<UUID, String> proposed = new LinkedHashMap<>();
		for (Map.Entry<UUID, SurveyInput> e : inputs.entrySet()) {
			ReviewHousehold rh = byId.get(e.getKey());
			SurveyInput input = e.getValue();
			Workflow.next(rh.step(), Event.SURVEY)
				.orElseThrow(() -> ReviewGuard.rejected(Workflow.outOfOrder(rh.step(), Event.SURVEY)));
			ReviewGuard.checkVersion(rh.version(), input.version());
			Prepared p = prepare(rh, input, classify(classifier, households.get(rh.householdId()),
					members.getOrDefault(rh.householdId(), List.of()), input));
			saves.add(new ReviewRepository.SurveyRow(rh.id(), input.version(), p.survey()));
			audit.add(this.guard.entry("SURVEY", "REVIEW_HOUSEHOLD", rh.id().toString(), rh.householdId(),
					rh.unitPath(), unit.provinceCode(), p.changes(), null));
			proposed.put(rh.id(), p.survey().proposedClass());
		}
		if (!this.reviews.saveSurveys(saves)) {
			throw ReviewGuard.stale();
		}
		this.guard.recordAll(audit);
		return proposed;
	}

	/** A survey ready to save with its audit changes. */
	private record Prepared(Survey survey, Map<String, Change> changes) {
	}

	/** Phiếu C, flags against last year, the row to save and its audited changes. */
	private Prepared prepare(ReviewHousehold rh, SurveyInput input, Classification c) {
		String proposed = c.povertyClass().name();
		boolean poorOrNear = "POOR".equals(proposed) || "NEAR_POOR".equals(proposed);
		PhieuC phieuC = new PhieuC(input.causes(), input.needs(), input.note());
		List<String> problems = phieuC.problems(poorOrNear);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems.stream().map((p) -> {
				String field = p.substring(0, p.indexOf(':'));
				String code = p.substring(p.indexOf(':') + 1);
				return code.isEmpty()
						? new FieldProblem(field, "review.field.phieu-c.cause-required",
								new DefaultMessageSourceResolvable(new String[] { "class." + proposed }, proposed))
						: new FieldProblem(field, "review.field.phieu-c.unknown");
			}).toList());
		}
		int members = c.facts().members().size();
		ConsistencyCheck.Snapshot last = (rh.lastClass() == null) ? null : new ConsistencyCheck.Snapshot(
				(rh.lastMembers() == null) ? members : rh.lastMembers(), rh.lastIncome(), rh.lastClass());
		List<String> flags = ConsistencyCheck.flags(last,
				new ConsistencyCheck.Snapshot(members, input.incomePerCapita(), proposed),
				"POOR".equals(rh.lastClass()) || "NEAR_POOR".equals(rh.lastClass()));
		List<String> deprived = c.indicators()
			.stream()
			.filter(IndicatorResult::deprived)
			.map(IndicatorResult::code)
			.toList();
		Survey survey = new Survey(this.guard.today(), this.guard.actor.get().username(), c.way().name(), members,
				(c.way() == Way.INCOME) ? input.incomePerCapita() : null,
				(c.way() == Way.SCORE) ? input.scoreA() : null, c.deprivationScore(), factsJson(input), deprived,
				proposed, (c.poorSubtype() != null) ? c.poorSubtype().name() : null, explanation(c), flags,
				poorOrNear ? phieuC.causes() : List.of(), poorOrNear ? phieuC.needs() : List.of(), phieuC.note());
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("step", new Change(rh.step().name(), Step.SURVEYED.name()));
		changes.put("proposedClass", new Change(rh.proposedClass(), proposed));
		changes.put("incomePerCapita", new Change(rh.incomePerCapita(), survey.incomePerCapita()));
		changes.put("scoreA", new Change(rh.scoreA(), survey.scoreA()));
		changes.put("flags", new Change(rh.flags(), flags));
		return new Prepared(survey, changes);
	}

	/**
	 * The engine for a standard: the province's overlay when there is one, else national.
	 */
	PovertyClassifier classifier(String standardKey, String provinceCode) {
		Standard standard = this.standards.find(standardKey, provinceCode)
			.or(() -> this.standards.find(standardKey))
			.orElseThrow();
		return new PovertyClassifier(standard);
	}

	private Classification classify(Review review, Household household, SurveyInput input) {
		return classify(review.standardKey(), review.provinceCode(), household, input);
	}

	/**
	 * Classifies a household from the survey input under a standard, with the registry's
	 * members.
	 */
	Classification classify(String standardKey, String provinceCode, Household household, SurveyInput input) {
		return classify(standardKey, provinceCode, household, this.registry.members(household.id(), false), input);
	}

	private Classification classify(String standardKey, String provinceCode, Household household,
			List<Member> registryMembers, SurveyInput input) {
		return classify(classifier(standardKey, provinceCode), household, registryMembers, input);
	}

	private Classification classify(PovertyClassifier classifier, Household household, List<Member> registryMembers,
			SurveyInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean score = "SCORE".equals(input.way());
		if (!score && !"INCOME".equals(input.way())) {
			problems.add(new FieldProblem("way", "error.field.invalid", String.valueOf(input.way())));
		}
		if (!score && (input.incomePerCapita() == null || input.incomePerCapita() < 0)) {
			problems.add(new FieldProblem("incomePerCapita", "review.field.income"));
		}
		if (score && (input.scoreA() == null || input.scoreA() < 0)) {
			problems.add(new FieldProblem("scoreA", "review.field.score"));
		}
		if (score && input.scoreB() != null && input.scoreB() < 0) {
			problems.add(new FieldProblem("scoreB", "review.field.score"));
		}
		HouseholdFacts.HousingQuality housing = code(HouseholdFacts.HousingQuality.class, "housingQuality",
				input.housingQuality(), problems);
		HouseholdFacts.WaterSource water = code(HouseholdFacts.WaterSource.class, "waterSource", input.waterSource(),
				problems);
		HouseholdFacts.Latrine latrine = code(HouseholdFacts.Latrine.class, "latrine", input.latrine(), problems);
		HouseholdFacts.WasteHandling waste = code(HouseholdFacts.WasteHandling.class, "wasteHandling",
				input.wasteHandling(), problems);
		if (input.floorAreaM2() != null && input.floorAreaM2().signum() < 0) {
			problems.add(new FieldProblem("floorAreaM2", "error.field.invalid", input.floorAreaM2()));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		List<MemberFacts> members = new ArrayList<>();
		for (Member m : registryMembers) {
			members.add(m.facts());
		}
		HouseholdFacts facts = new HouseholdFacts(household.urban(), score ? null : input.incomePerCapita(),
				score ? input.scoreA() : null, score ? input.scoreB() : null, housing, input.floorAreaM2(), water,
				latrine, input.telecomUse(), input.internetUse(), input.infoDevices(), input.loudspeakerReach(), waste,
				members);
		LocalDate today = this.guard.today();
		try {
			return classifier.classify(facts, today, score ? Way.SCORE : Way.INCOME);
		}
		catch (InvalidFactsException ex) {
			throw DomainException.invalid(List
				.of(ex.field().startsWith("members") ? new FieldProblem("members", "review.field.members-missing")
						: new FieldProblem(ex.field(), "review.field.missing-fact")));
		}
	}

	private static <E extends Enum<E>> E code(Class<E> type, String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "error.field.invalid", value));
			return null;
		}
	}

	private String factsJson(SurveyInput input) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("way", input.way());
		facts.put("housingQuality", input.housingQuality());
		facts.put("floorAreaM2", input.floorAreaM2());
		facts.put("waterSource", input.waterSource());
		facts.put("latrine", input.latrine());
		facts.put("telecomUse", input.telecomUse());
		facts.put("internetUse", input.internetUse());
		facts.put("infoDevices", input.infoDevices());
		facts.put("loudspeakerReach", input.loudspeakerReach());
		facts.put("wasteHandling", input.wasteHandling());
		facts.put("scoreB", input.scoreB());
		return this.json.writeValueAsString(facts);
	}

	static Explanation explanation(Classification c) {
		List<Explanation.Line> lines = c.indicators()
			.stream()
			.map((i) -> new Explanation.Line(i.code(), i.name().vi(), i.name().en(), i.deprived(),
					(i.fact() != null) ? i.fact().vi() : null, (i.fact() != null) ? i.fact().en() : null))
			.toList();
		return new Explanation(c.standardKey(), c.way().name(), c.explanation().vi(), c.explanation().en(), lines);
	}

}
