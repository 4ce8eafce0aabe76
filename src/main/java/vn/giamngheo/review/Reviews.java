package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.review.domain.ApprovalLevels;
import vn.giamngheo.review.domain.ReviewCalendar;
import vn.giamngheo.review.domain.ReviewDate;
import vn.giamngheo.review.domain.StepDates;
import vn.giamngheo.review.domain.ReviewCalendar.Deadline;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.review.persistence.ReviewRepository.VillageLoad;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.shared.scope.Permission;
import tools.jackson.databind.ObjectMapper;

/**
 * Periodic reviews: opening a review for a province and year, the progress board, step 1
 * (worklist from last year's poor and near-poor lists and Mẫu 01 requests, Phiếu A
 * screening, assignment of reviewers by village) and the commune sign-off (submit,
 * approve or return, reopen).
 */
@Service
public class Reviews {

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final Geography geography;

	private final StandardCatalogue standards;

	private final UserDirectory users;

	private final HouseholdRegistry registry;

	private final ObjectMapper json;

	Reviews(ReviewRepository reviews, ReviewGuard guard, Geography geography, StandardCatalogue standards,
			UserDirectory users, HouseholdRegistry registry, ObjectMapper json) {
		this.reviews = reviews;
		this.guard = guard;
		this.geography = geography;
		this.standards = standards;
		this.users = users;
		this.registry = registry;
		this.json = json;
	}

	/**
	 * What a province officer gives to open a review.
	 *
	 * @param provinceId province unit id
	 * @param year review year
	 * @param standardKey standard to apply (default: the one in force on 1 January of the
	 * next year)
	 * @param windowFrom first day (default 01/09)
	 * @param windowTo last day (default 14/12)
	 * @param communeIds communes taking part (default: every commune of the province)
	 */
	public record OpenReview(Long provinceId, Integer year, String standardKey, LocalDate windowFrom,
			LocalDate windowTo, List<Long> communeIds) {
	}

	@Transactional
	public Review open(OpenReview command) {
		Actor actor = this.guard.actor.require(Permission.REVIEW_OPEN);
		List<FieldProblem> problems = new ArrayList<>();
		if (command.provinceId() == null) {
			problems.add(new FieldProblem("provinceId", "error.field.required"));
		}
		if (command.year() == null || command.year() < 2000 || command.year() > 9999) {
			problems.add(new FieldProblem("year", "review.field.year"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Unit province = this.geography.unit(command.provinceId());
		this.guard.actor.require(Permission.REVIEW_OPEN, province.path());
		if (!"province".equals(province.level())) {
			throw DomainException.invalid(List.of(new FieldProblem("provinceId", "review.field.province")));
		}
		int year = command.year();
		requireInForce(province, year);
		String standardKey = command.standardKey();
		if (standardKey == null || standardKey.isBlank()) {
			standardKey = this.standards.forReviewYear(year)
				.map(Standard::key)
				.orElseThrow(() -> DomainException.invalid(List
					.of(new FieldProblem("standardKey", "review.field.standard.none", String.valueOf(year + 1)))));
		}
		else if (this.standards.find(standardKey).isEmpty()) {
			throw DomainException
				.invalid(List.of(new FieldProblem("standardKey", "review.field.standard", standardKey)));
		}
		ReviewCalendar calendar = this.guard.calendar();
		LocalDate from = (command.windowFrom() != null) ? command.windowFrom() : calendar.windowFrom(year);
		LocalDate to = (command.windowTo() != null) ? command.windowTo() : calendar.windowTo(year);
		if (to.isBefore(from)) {
			throw DomainException.invalid(List.of(new FieldProblem("windowTo", "review.field.window")));
		}
		if (this.reviews.reviewExists(province.provinceCode(), year)) {
			throw new DomainException(ErrorCode.CONFLICT, "review.rejected.exists", province.name(),
					String.valueOf(year));
		}
		List<Unit> communes = new ArrayList<>();
		collectCommunes(province, communes);
		LocalDate reference = ReviewDate.of(year);
		communes.removeIf((c) -> !c.validOn(reference));
		if (command.communeIds() != null && !command.communeIds().isEmpty()) {
			List<Long> wanted = command.communeIds();
			List<Unit> chosen = communes.stream().filter((c) -> wanted.contains(c.id())).toList();
			if (chosen.size() != wanted.stream().distinct().count()) {
				throw DomainException.invalid(List.of(new FieldProblem("communeIds", "review.field.communes")));
			}
			communes = chosen;
		}
		UUID id = this.reviews.insertReview(province.provinceCode(), province.id(), province.path(), year, standardKey,
				from, to, actor.username());
		for (Unit commune : communes) {
			this.reviews.insertUnit(id, commune.id(), province.provinceCode(), commune.path());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("province", province.name());
		fields.put("year", year);
		fields.put("standardKey", standardKey);
		fields.put("windowFrom", from);
		fields.put("windowTo", to);
		fields.put("communes", communes.size());
		this.guard.record("OPEN", "REVIEW", id.toString(), null, province.path(), province.provinceCode(),
				AuditTrail.diff(Map.of(), fields), null);
		return this.reviews.findReview(id).orElseThrow();
	}

	/**
	 * The demo's review of a year (issue 15, ADR 0030): on each province of the units in
	 * force given by code, with every commune in force on the review's date (the
	 * province's "Chưa xác định xã mới" unit included), each commune's list drawn from
	 * last year's poor and near-poor households by their address on that date. A province
	 * that has its review of the year is left as it is. Run at start by the demo (no
	 * signed-in user), audited as "demo".
	 * @param year review year
	 * @param provinceCodes province codes of the units in force
	 * @return households listed, per province code opened now
	 */
	@Transactional
	public Map<String, Integer> openDemo(int year, List<String> provinceCodes) {
		LocalDate reference = ReviewDate.of(year);
		Map<String, Integer> opened = new LinkedHashMap<>();
		String standardKey = this.standards.inForce(LocalDate.of(year + 1, 1, 1)).map(Standard::key).orElse(null);
		if (standardKey == null) {
			return opened;
		}
		ReviewCalendar calendar = this.guard.calendar();
		for (String code : provinceCodes) {
			var province = this.reviews.provinceOn(code, reference).orElse(null);
			if (province == null || this.reviews.reviewExists(code, year)) {
				continue;
			}
			UUID id = this.reviews.insertReview(code, province.id(), province.path(), year, standardKey,
					calendar.windowFrom(year), calendar.windowTo(year), "demo");
			int listed = 0;
			List<ReviewRepository.UnitRef> communes = this.reviews.communesOn(province.path(), reference);
			for (ReviewRepository.UnitRef commune : communes) {
				this.reviews.insertUnit(id, commune.id(), code, commune.path());
				listed += this.reviews.generate(id, commune.id(), year, reference, false);
				listed += this.reviews.addRequests(id, commune.id(), year, reference);
				this.reviews.markListed(id, commune.id());
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("year", year);
			fields.put("standardKey", standardKey);
			fields.put("communes", communes.size());
			fields.put("listed", listed);
			this.guard.recordBy("demo", "OPEN", "REVIEW", id.toString(), null, province.path(), code,
					AuditTrail.diff(Map.of(), fields), null);
			opened.put(code, listed);
		}
		return opened;
	}

	/**
	 * Refuses a province that was not in force on the review's date (31/12 of the year,
	 * ADR 0030), naming the unit, the day it ended (or began) and the units in force
	 * instead: the 2026 review of Quảng Nam is opened on Thành phố Đà Nẵng.
	 */
	private void requireInForce(Unit province, int year) {
		ReviewDate.Standing standing = ReviewDate.standing(province.validFrom(), province.validTo(), year);
		if (standing == ReviewDate.Standing.IN_FORCE) {
			return;
		}
		boolean ended = standing == ReviewDate.Standing.ENDED;
		String instead = this.geography.inForceInstead(province, ReviewDate.of(year))
			.stream()
			.map(Unit::name)
			.distinct()
			.collect(java.util.stream.Collectors.joining(", "));
		String key = (ended ? "review.rejected.unit-ended" : "review.rejected.unit-not-yet")
				+ (instead.isEmpty() ? ".alone" : "");
		throw new DomainException(ErrorCode.RULE_REJECTED, key, province.name(),
				StepDates.DAY.format(ended ? province.validTo().plusDays(1) : province.validFrom()),
				String.valueOf(year), instead);
	}

	private void collectCommunes(Unit unit, List<Unit> into) {
		for (Unit child : this.geography.children(unit.id())) {
			if (child.isCommune()) {
				into.add(child);
			}
			else if (!child.isVillage()) {
				collectCommunes(child, into);
			}
		}
	}

	@Transactional(readOnly = true)
	public List<Review> list() {
		return this.reviews.reviews(this.guard.actor.get().scope().viewPatterns());
	}

	@Transactional(readOnly = true)
	public Review review(UUID id) {
		return this.guard.review(id);
	}

	/**
	 * The progress board: every commune of the review in the user's scope with its counts
	 * per step and a late flag, and the review's deadlines.
	 * @param reviewId review
	 * @return the board
	 */
	@Transactional(readOnly = true)
	public Board board(UUID reviewId) {
		return board(reviewId, null);
	}

	/**
	 * The progress board grouped by district or area, showing only one group when asked
	 * (ADR 0025).
	 * @param reviewId review
	 * @param group key of the group to show ({@link BoardGroup#key()}), or {@code null}
	 * for all
	 * @return the board
	 */
	@Transactional(readOnly = true)
	public Board board(UUID reviewId, String group) {
		Review review = this.guard.review(reviewId);
		LocalDate today = this.guard.today();
		List<Deadline> deadlines = deadlines(review);
		Deadline preliminary = deadlines.get(1);
		List<CommuneProgress> rows = new ArrayList<>();
		String[] patterns = this.guard.actor.get().scope().viewPatterns();
		for (CommuneProgress p : this.reviews.progress(reviewId, patterns)) {
			boolean signed = !SignOff.valueOf(p.signOff()).editable();
			boolean late = (!signed && today.isAfter(review.windowTo()))
					|| (preliminary.overdue(today, false) && (p.listed() == 0 || p.surveyed() < p.listed()));
			rows.add(new CommuneProgress(p.communeId(), p.communeName(), p.signOff(), p.listed(), p.surveyed(),
					p.agreed(), p.posted(), p.recognised(), p.resurvey(), late));
		}
		Map<Long, String> paths = new LinkedHashMap<>();
		List<Long> placeholders = new ArrayList<>();
		for (ReviewUnit u : this.reviews.units(reviewId, patterns)) {
			paths.put(u.communeId(), u.unitPath());
			if (u.placeholder()) {
				placeholders.add(u.communeId());
			}
		}
		long unplaced = rows.stream()
			.filter((p) -> placeholders.contains(p.communeId()))
			.mapToLong(CommuneProgress::listed)
			.sum();
		List<BoardGroup> groups = BoardGroups.of(rows, paths, this.geography, today);
		String chosen = groups.stream().anyMatch((g) -> g.key().equals(group)) ? group : null;
		List<BoardGroup> shown = (chosen == null) ? groups
				: groups.stream().filter((g) -> g.key().equals(chosen)).toList();
		List<CommuneProgress> communes = shown.stream().flatMap((g) -> g.communes().stream()).toList();
		return new Board(review, communes, deadlines, today, groups, shown, chosen, unplaced);
	}

	/** The deadlines of a review: its own window end, then the provincial reports. */
	List<Deadline> deadlines(Review review) {
		List<Deadline> list = new ArrayList<>(this.guard.calendar().deadlines(review.year()));
		list.set(0, new Deadline("WINDOW_END", review.windowTo()));
		return list;
	}

	/**
	 * The progress board.
	 *
	 * @param review the review
	 * @param communes communes shown (all in scope, or those of the chosen group)
	 * @param deadlines deadlines
	 * @param today today
	 * @param groups every group of the communes in scope (for the filter)
	 * @param shown the groups shown
	 * @param chosen key of the group chosen, or {@code null} for all
	 * @param unplaced households listed under the province's "Chưa xác định xã mới" unit
	 * (in the totals, in no commune's decision until placed, ADR 0030)
	 */
	public record Board(Review review, List<CommuneProgress> communes, List<Deadline> deadlines, LocalDate today,
			List<BoardGroup> groups, List<BoardGroup> shown, String chosen, long unplaced) {

		/** The sums over the communes shown. */
		public CommuneProgress totals() {
			return CommuneProgress.sum(this.communes);
		}

	}

	/** A commune of the review, in the user's view scope. */
	@Transactional(readOnly = true)
	public ReviewUnit unit(UUID reviewId, long communeId) {
		return this.guard.unit(reviewId, communeId);
	}

	/**
	 * Step 1: lists the commune's households to review — last year's poor and near-poor
	 * households (or every active household when {@code everyone}), plus the households
	 * with a pending request (Mẫu 01).
	 * @return households added
	 */
	@Transactional
	public int generateWorklist(UUID reviewId, long communeId, boolean everyone) {
		this.guard.actor.require(Permission.REVIEW_WORKLIST);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_WORKLIST);
		this.guard.requireWindow(review);
		LocalDate on = ReviewDate.of(review.year());
		int added = this.reviews.takeOverPlaced(reviewId, communeId);
		added += this.reviews.generate(reviewId, communeId, review.year(), on, everyone);
		added += this.reviews.addRequests(reviewId, communeId, review.year(), on);
		this.reviews.markListed(reviewId, communeId);
		this.guard.record("LIST", "REVIEW_UNIT", reviewId + "/" + communeId, null, unit.unitPath(), unit.provinceCode(),
				Map.of("listed", new Change(null, added)), everyone ? "all households" : null);
		return added;
	}

	/**
	 * Phiếu A signs of hardship (quick identification; criteria unconfirmed: recorded,
	 * not scored).
	 */
	public static final List<String> PHIEU_A_SIGNS = List.of("NO_STABLE_INCOME", "POOR_HOUSING", "NO_CLEAN_WATER",
			"ILLNESS_OR_DISABILITY", "NO_WORKING_MEMBER", "NO_PRODUCTION_LAND", "CHILD_OUT_OF_SCHOOL",
			"NO_HEALTH_INSURANCE");

	/**
	 * Step 1: adds a household found with the quick identification form (Phiếu A).
	 * @param householdId registry household (of the commune)
	 * @param signs signs of hardship seen (at least one)
	 * @param note note
	 * @return the listed household
	 */
	@Transactional
	public ReviewHousehold addScreened(UUID reviewId, long communeId, UUID householdId, List<String> signs,
			String note) {
		this.guard.actor.require(Permission.REVIEW_WORKLIST);
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_WORKLIST);
		this.guard.requireWindow(review);
		var household = this.registry.household(householdId);
		if (household.communeId() != communeId) {
			throw DomainException.notFound("HOUSEHOLD", householdId);
		}
		List<String> clean = (signs == null) ? List.of() : signs.stream().distinct().toList();
		if (clean.isEmpty() || !PHIEU_A_SIGNS.containsAll(clean)) {
			throw DomainException.invalid(List.of(new FieldProblem("signs", "review.field.phieu-a")));
		}
		Map<String, Object> phieuA = new LinkedHashMap<>();
		phieuA.put("signs", clean);
		phieuA.put("note", note);
		phieuA.put("by", this.guard.actor.get().username());
		phieuA.put("on", this.guard.today().toString());
		UUID id = this.reviews
			.insertOne(reviewId, householdId, review.year(), "SCREENED", this.json.writeValueAsString(phieuA))
			.orElseThrow(() -> new DomainException(ErrorCode.CONFLICT, "review.rejected.listed"));
		this.guard.record("LIST", "REVIEW_HOUSEHOLD", id.toString(), householdId, household.unitPath(),
				unit.provinceCode(), Map.of("phieuA", new Change(null, clean)), note);
		return this.reviews.findHousehold(id).orElseThrow();
	}

	/**
	 * Step 1: adds a household of the commune by its code, found with Phiếu A.
	 * @return the listed household
	 */
	@Transactional
	public ReviewHousehold addScreened(UUID reviewId, long communeId, String householdCode, List<String> signs,
			String note) {
		this.guard.actor.require(Permission.REVIEW_WORKLIST);
		this.guard.unit(reviewId, communeId);
		UUID id = this.reviews.householdByCode(communeId, (householdCode == null) ? "" : householdCode.strip())
			.orElseThrow(() -> DomainException.notFound("HOUSEHOLD", householdCode));
		return addScreened(reviewId, communeId, id, signs, note);
	}

	/** The villages of a commune's worklist with their load and reviewers. */
	@Transactional(readOnly = true)
	public List<VillageLoad> villages(UUID reviewId, long communeId) {
		this.guard.unit(reviewId, communeId);
		return this.reviews.villages(reviewId, communeId);
	}

	/**
	 * Step 1: assigns a village's households to a reviewer, who must be a reviewer (or
	 * commune officer) able to capture in the village.
	 * @return households assigned
	 */
	@Transactional
	public int assign(UUID reviewId, long communeId, long villageId, String reviewer) {
		ReviewUnit unit = this.guard.editableUnit(reviewId, communeId, Permission.REVIEW_WORKLIST);
		Unit village = this.geography.unit(villageId);
		if (!village.isVillage() || village.parentId() != communeId) {
			throw DomainException.invalid(List.of(new FieldProblem("villageId", "registry.village.not-village")));
		}
		String username = (reviewer == null) ? "" : reviewer.strip().toLowerCase();
		SignedInUser user = this.users.account(username).orElse(null);
		if (user == null || (user.role() != Role.REVIEWER && user.role() != Role.COMMUNE_OFFICER)
				|| !user.actor().scope().canCapture(village.path())) {
			throw DomainException.invalid(List.of(new FieldProblem("reviewer", "review.field.reviewer", username)));
		}
		int n = this.reviews.assign(reviewId, villageId, username);
		this.guard.record("ASSIGN", "REVIEW_UNIT", reviewId + "/" + communeId, null, village.path(),
				unit.provinceCode(), Map.of("reviewer", new Change(null, username), "households", new Change(null, n)),
				village.name());
		return n;
	}

	/**
	 * A page of the commune's worklist; a reviewer sees only the households assigned to
	 * them.
	 */
	@Transactional(readOnly = true)
	public List<ReviewHousehold> worklist(UUID reviewId, long communeId, Long villageId, List<Step> steps, int page,
			int size) {
		this.guard.unit(reviewId, communeId);
		int limit = Math.max(1, Math.min(size, 500));
		return this.reviews.worklist(reviewId, communeId, villageId, this.guard.reviewerFilter(),
				(steps == null) ? List.of() : steps.stream().map(Step::name).toList(), limit,
				Math.max(0, page) * limit);
	}

	/**
	 * Everything the commune page shows, read in one transaction with one scope check:
	 * the commune, its villages' load, a page of the worklist (index order, {@code size}
	 * rows and whether more follow), the surveyed households of the chosen village (for
	 * the meeting form), the meetings, complaints and transitions.
	 */
	@Transactional(readOnly = true)
	public CommunePage communePage(UUID reviewId, long communeId, Long villageId, Step step, int page, int size) {
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(review, communeId);
		String reviewer = this.guard.reviewerFilter();
		int limit = Math.max(1, Math.min(size, 500));
		int from = Math.max(0, page) * limit;
		List<ReviewHousehold> rows = this.reviews.worklist(reviewId, communeId, villageId, reviewer,
				(step == null) ? List.of() : List.of(step.name()), limit + 1, from);
		boolean more = rows.size() > limit;
		List<ReviewHousehold> surveyed = (villageId == null) ? List.of() : this.reviews.worklist(reviewId, communeId,
				villageId, reviewer, List.of(Step.SURVEYED.name()), 500, 0);
		return new CommunePage(review, unit, this.reviews.villages(reviewId, communeId),
				more ? rows.subList(0, limit) : rows, more, surveyed, this.reviews.meetings(reviewId, communeId),
				this.guard.masked(this.reviews.complaints(reviewId, communeId)),
				this.reviews.transitionCounts(reviewId, communeId), approvals(review, unit));
	}

	/**
	 * What the commune page shows.
	 *
	 * @param review the review
	 * @param unit the commune
	 * @param villages villages of the worklist with their load
	 * @param households a page of the worklist
	 * @param more whether a next page exists
	 * @param surveyed surveyed households of the chosen village (meeting form)
	 * @param meetings meetings held
	 * @param complaints complaints
	 * @param transitions recognised households per transition
	 * @param approvals the approval levels that apply to the commune
	 */
	public record CommunePage(Review review, ReviewUnit unit, List<VillageLoad> villages,
			List<ReviewHousehold> households, boolean more, List<ReviewHousehold> surveyed,
			List<ReviewRepository.Meeting> meetings, List<ReviewRepository.Complaint> complaints,
			Map<String, Long> transitions, ApprovalLevels approvals) {

		/**
		 * The level that approves or returns the commune now (DISTRICT or PROVINCE), or
		 * {@code null} when nothing waits for approval.
		 */
		public String approver() {
			SignOff s = this.unit.signOff();
			return (s == SignOff.SUBMITTED || s == SignOff.DISTRICT_APPROVED)
					? this.approvals.actor(s, SignOff.Action.APPROVE).name() : null;
		}

	}

	/** One listed household, in scope (reviewers: assigned to them). */
	@Transactional(readOnly = true)
	public ReviewHousehold household(UUID reviewHouseholdId) {
		return this.guard.household(reviewHouseholdId);
	}

	/**
	 * Roll-up and sign-off of one commune: the commune submits (every listed household
	 * recognised), the level above approves (locks) or returns with a reason, and reopens
	 * an approved commune only with a reason.
	 */
	@Transactional
	public ReviewUnit signOff(UUID reviewId, long communeId, SignOff.Action action, int version, String reason) {
		Review review = this.guard.review(reviewId);
		ReviewUnit unit = this.guard.unit(review, communeId);
		ApprovalLevels levels = approvals(review, unit);
		this.guard.actor.require(switch (levels.actor(unit.signOff(), action)) {
			case COMMUNE -> Permission.REVIEW_RECOGNITION;
			case DISTRICT -> Permission.REVIEW_DISTRICT_APPROVAL;
			case PROVINCE -> Permission.REVIEW_PROVINCE_APPROVAL;
		}, unit.unitPath());
		if (action.needsReason() && (reason == null || reason.isBlank())) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
		SignOff next = unit.signOff()
			.after(action, levels)
			.orElseThrow(() -> new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.sign-off", action.name(),
					unit.signOff().name()));
		ReviewGuard.checkVersion(unit.version(), version);
		if (action == SignOff.Action.SUBMIT) {
			ReviewGuard.requireCommune(unit);
			long listed = this.reviews.count(reviewId, communeId,
					List.of(Step.values()).stream().map(Step::name).toList());
			long recognised = this.reviews.count(reviewId, communeId, List.of(Step.RECOGNISED.name()));
			if (listed == 0 || recognised < listed) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "review.rejected.submit", recognised, listed);
			}
		}
		String cleanReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (this.reviews.updateSignOff(reviewId, communeId, version, next, cleanReason,
				this.guard.actor.get().username()) == 0) {
			throw ReviewGuard.stale();
		}
		this.guard.record(action.name(), "REVIEW_UNIT", reviewId + "/" + communeId, null, unit.unitPath(),
				unit.provinceCode(), Map.of("signOff", new Change(unit.signOff().name(), next.name())), cleanReason);
		return this.reviews.findUnit(reviewId, communeId).orElseThrow();
	}

	/**
	 * The approval levels of a commune: district then province for a commune under a
	 * district whose decision (or, before it, the review window's end) precedes 1 July
	 * 2025; else province only.
	 */
	static ApprovalLevels approvals(Review review, ReviewUnit unit) {
		return ApprovalLevels.of(unit.underDistrict(),
				(unit.decisionDate() != null) ? unit.decisionDate() : review.windowTo());
	}

	/** The communes of a review in the user's scope. */
	@Transactional(readOnly = true)
	public List<ReviewUnit> units(UUID reviewId) {
		this.guard.review(reviewId);
		return this.reviews.units(reviewId, this.guard.actor.get().scope().viewPatterns());
	}

}
