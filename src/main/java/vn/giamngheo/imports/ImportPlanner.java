package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.domain.HouseholdIn;
import vn.giamngheo.imports.domain.HouseholdIn.AssessmentIn;
import vn.giamngheo.imports.domain.IndicatorNames;
import vn.giamngheo.imports.domain.MemberIn;
import vn.giamngheo.imports.domain.ParsedFile;
import vn.giamngheo.imports.domain.PlaceNames;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.imports.domain.RowRef;
import vn.giamngheo.imports.persistence.ImportJobRepository.Change;
import vn.giamngheo.registry.BulkAssessment;
import vn.giamngheo.registry.BulkHousehold;
import vn.giamngheo.registry.BulkMember;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdBulk.AssessmentChange;
import vn.giamngheo.registry.HouseholdBulk.Changes;
import vn.giamngheo.registry.HouseholdBulk.HouseholdUpdate;
import vn.giamngheo.registry.HouseholdBulk.MemberUpdate;
import vn.giamngheo.registry.HouseholdBulk.Seen;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.shared.db.TimeOrderedIds;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.text.TextNormalizer;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * Decides what a parsed file would change: resolves communes and villages, checks the
 * uploader's capture scope, matches each household (code, then the head's citizen ID,
 * then the head's folded name + date of birth + village; two candidates = ask), matches
 * members (citizen ID, then name + date of birth), refuses citizen IDs held in another
 * household, and lists the creates and updates: a stored row keeps every field the file
 * leaves empty or does not have (ADR 0018), and the plan records the versions of the rows
 * it read of the stored households it changes. The plan is made for the dry run and, when
 * its staged form was lost, again in the commit's transaction.
 */
@Component
class ImportPlanner {

	private final Geography geography;

	private final HouseholdBulk bulk;

	private final CurrentActor actor;

	private final StandardCatalogue standards;

	ImportPlanner(Geography geography, HouseholdBulk bulk, CurrentActor actor, StandardCatalogue standards) {
		this.geography = geography;
		this.bulk = bulk;
		this.actor = actor;
		this.standards = standards;
	}

	/** Match kinds. */
	enum Match {

		CODE, CCCD, NAME, NEW

	}

	/** The plan. */
	static final class Plan {

		final List<Problem> problems = new ArrayList<>();

		final Set<String> rejected = new HashSet<>();

		final Set<RowRef> rejectedRows = new HashSet<>();

		final List<BulkHousehold> newHouseholds = new ArrayList<>();

		final List<HouseholdUpdate> householdUpdates = new ArrayList<>();

		final List<BulkMember> newMembers = new ArrayList<>();

		final List<MemberUpdate> memberUpdates = new ArrayList<>();

		final List<AssessmentChange> assessments = new ArrayList<>();

		final Map<UUID, String> paths = new HashMap<>();

		final Map<String, Integer> matches = new LinkedHashMap<>();

		int same;

		/**
		 * Every row the plan read of the stored households it changes, with its version.
		 */
		final List<Seen> seen = new ArrayList<>();

		/** Codes of the stored households the plan changes, by id. */
		final Map<UUID, String> codes = new HashMap<>();

		int errors() {
			return (int) this.problems.stream().filter((p) -> !p.info()).count();
		}

		Changes changes() {
			return new Changes(this.newHouseholds, this.householdUpdates, this.newMembers, this.memberUpdates,
					this.assessments, this.paths);
		}

		/**
		 * Leaves these households out of the plan (their members and classifications
		 * too): the registry changed under them since the dry run.
		 */
		void leaveOut(Set<UUID> households) {
			this.newHouseholds.removeIf((h) -> households.contains(h.id()));
			this.householdUpdates.removeIf((u) -> households.contains(u.before().id()));
			this.newMembers.removeIf((m) -> households.contains(m.householdId()));
			this.memberUpdates.removeIf((u) -> households.contains(u.before().householdId()));
			this.assessments.removeIf((a) -> households.contains(a.after().householdId()));
			this.seen.removeIf((x) -> households.contains(x.householdId()));
		}

		/**
		 * What the plan changes, for the revert: made one at a time as they are written.
		 * Members and classifications of a household the plan creates are not recorded:
		 * the revert takes them with their household.
		 */
		java.util.stream.Stream<Change> recorded() {
			Set<UUID> created = new HashSet<>();
			this.newHouseholds.forEach((h) -> created.add(h.id()));
			return HouseholdBulk.<Change>concat(
					this.newHouseholds.stream().map((h) -> new Change("HOUSEHOLD", h.id(), h.id(), "CREATE", null)),
					this.householdUpdates.stream()
						.map((u) -> new Change("HOUSEHOLD", u.before().id(), u.before().id(), "UPDATE", u.before())),
					this.newMembers.stream()
						.filter((m) -> !created.contains(m.householdId()))
						.map((m) -> new Change("MEMBER", m.id(), m.householdId(), "CREATE", null)),
					this.memberUpdates.stream()
						.map((u) -> new Change("MEMBER", u.before().id(), u.before().householdId(), "UPDATE",
								u.before())),
					this.assessments.stream()
						.filter((a) -> a.before() != null || !created.contains(a.after().householdId()))
						.map((a) -> new Change("ASSESSMENT", a.after().id(), a.after().householdId(),
								(a.before() == null) ? "CREATE" : "UPDATE", a.before())));
		}

	}

	private record Place(Unit commune, Unit village) {
	}

	/**
	 * @param file the file as read and checked
	 * @param today today
	 * @param separate codes of households the uploader said are not the ones their head's
	 * name, date of birth and village matched: they are created as new households
	 */
	Plan plan(ParsedFile file, LocalDate today, Set<String> separate) {
		Actor current = this.actor.get();
		Plan plan = new Plan();
		plan.problems.addAll(file.problems);
		plan.rejected.addAll(file.badCodes);
		plan.rejectedRows.addAll(file.badRows);
		Map<String, List<MemberIn>> membersOf = new LinkedHashMap<>();
		for (MemberIn m : file.members) {
			membersOf.computeIfAbsent(m.code(), (k) -> new ArrayList<>()).add(m);
		}
		// 1. deprivations against the year's standard, places and scope of the file's
		// households; the households of rows with other problems too, so that every
		// unknown code of a row is reported at once
		deprivations(file, plan);
		Map<String, Place> places = new HashMap<>();
		Map<String, List<Unit>> communes = new HashMap<>();
		Map<Long, PlaceNames<Unit>> villages = new HashMap<>();
		for (HouseholdIn h : file.everyHousehold()) {
			if (h.commune() == null || h.village() == null) {
				continue; // reported by the parser
			}
			boolean rejected = plan.rejected.contains(h.code()) || file.households.get(h.code()) != h;
			List<Unit> candidates = communes.computeIfAbsent(h.commune(), (c) -> communes(c, today));
			if (candidates.isEmpty()) {
				reject(plan, h, "imports.commune.unknown", h.commune(), column("COMMUNE"));
				continue;
			}
			// a code may name a 2024 commune and a different 2025 one: the village says
			// which
			PlaceNames.Among<Unit, Unit> match = PlaceNames.among(candidates,
					(c) -> villages.computeIfAbsent(c.id(), this::villagesOf), h.village());
			Unit commune = match.parent();
			Unit village = match.found().place();
			if (match.found().ambiguous()) {
				reject(plan, h, "imports.village.ambiguous", h.village(), column("VILLAGE"),
						String.join(", ", match.found().candidates().stream().map(Unit::name).toList()));
				continue;
			}
			if (village == null) {
				reject(plan, h, "imports.village.unknown-of", h.village(), column("VILLAGE"), commune.name(),
						String.join(", ", villages.get(commune.id()).shown()));
				continue;
			}
			if (!current.scope().canCapture(village.path())) {
				reject(plan, h, "imports.scope.outside", h.village(), column("VILLAGE"));
				continue;
			}
			if (!rejected) {
				places.put(h.code(), new Place(commune, village));
			}
		}
		// 2. existing households by code (the file's and those only its member rows name)
		Set<String> codes = new HashSet<>(file.households.keySet());
		codes.addAll(membersOf.keySet());
		codes.removeAll(plan.rejected);
		Map<String, Household> byCode = new HashMap<>();
		this.bulk.byCodes(codes).forEach((h) -> byCode.put(h.code(), h));
		// 3. citizen IDs of the file's members
		Set<String> cccds = new HashSet<>();
		file.members.stream().map((m) -> m.data().cccd()).filter(Objects::nonNull).forEach(cccds::add);
		Map<String, Member> holders = this.bulk.membersByCccd(cccds);
		// 4. match
		Map<String, Household> matched = new HashMap<>();
		Map<String, Match> how = new HashMap<>();
		List<String> byName = new ArrayList<>();
		Map<String, UUID> byCccd = new HashMap<>();
		for (String code : codes) {
			Household existing = byCode.get(code);
			HouseholdIn h = file.households.get(code);
			if (existing != null) {
				if (existing.voided()) {
					reject(plan, code, firstRef(h, membersOf.get(code)), "imports.code.voided", code);
				}
				else if (!current.scope().canCapture(existing.unitPath())) {
					reject(plan, code, firstRef(h, membersOf.get(code)), "imports.scope.outside", code);
				}
				else {
					matched.put(code, existing);
					how.put(code, Match.CODE);
				}
				continue;
			}
			if (h == null) {
				for (MemberIn m : membersOf.get(code)) {
					plan.problems.add(Problem.error(m.ref().sheet(), m.ref().row(), column("CODE"), code,
							"imports.member.no-household", code));
				}
				plan.rejected.add(code);
				continue;
			}
			MemberIn head = head(membersOf.get(code));
			if (head != null && head.data().cccd() != null) {
				Member holder = holders.get(head.data().cccd());
				if (holder != null && "HEAD".equals(holder.relation())) {
					byCccd.put(code, holder.householdId());
					continue;
				}
			}
			if (head != null && places.containsKey(code)) {
				byName.add(code);
			}
		}
		if (!byCccd.isEmpty()) {
			Map<UUID, Household> found = new HashMap<>();
			this.bulk.byIds(byCccd.values()).forEach((h) -> found.put(h.id(), h));
			byCccd.forEach((code, id) -> {
				Household h = found.get(id);
				if (h != null && !h.voided()) {
					if (!current.scope().canCapture(h.unitPath())) {
						reject(plan, code, file.households.get(code).ref(), "imports.scope.outside", code);
					}
					else {
						matched.put(code, h);
						how.put(code, Match.CCCD);
					}
				}
			});
		}
		byName.removeIf(separate::contains);
		if (!byName.isEmpty()) {
			List<String> names = new ArrayList<>();
			List<String> dates = new ArrayList<>();
			List<Long> villageIds = new ArrayList<>();
			for (String code : byName) {
				MemberIn head = head(membersOf.get(code));
				names.add(TextNormalizer.fold(head.data().fullName()));
				dates.add(head.data().dateOfBirth().toString());
				villageIds.add(places.get(code).village().id());
			}
			Map<String, List<UUID>> candidates = this.bulk.byHeadNameBirthVillage(names, dates, villageIds);
			Set<UUID> ids = new HashSet<>();
			candidates.values().forEach(ids::addAll);
			Map<UUID, Household> found = new HashMap<>();
			this.bulk.byIds(ids).forEach((h) -> found.put(h.id(), h));
			for (int i = 0; i < byName.size(); i++) {
				String code = byName.get(i);
				List<UUID> c = candidates.getOrDefault(names.get(i) + "|" + dates.get(i) + "|" + villageIds.get(i),
						List.of());
				if (c.size() > 1) {
					reject(plan, code, file.households.get(code).ref(), "imports.match.ambiguous", code, c.size());
				}
				else if (c.size() == 1) {
					matched.put(code, found.get(c.get(0)));
					how.put(code, Match.NAME);
				}
			}
		}
		// 5. the stored members and assessments of matched households
		Set<UUID> matchedIds = new HashSet<>();
		matched.values().forEach((h) -> matchedIds.add(h.id()));
		Map<UUID, List<Member>> storedMembers = new HashMap<>();
		this.bulk.members(matchedIds)
			.forEach((m) -> storedMembers.computeIfAbsent(m.householdId(), (k) -> new ArrayList<>()).add(m));
		Map<UUID, List<BulkAssessment>> storedAssessments = new HashMap<>();
		this.bulk.assessments(matchedIds)
			.forEach((a) -> storedAssessments.computeIfAbsent(a.householdId(), (k) -> new ArrayList<>()).add(a));
		// 6. changes, household by household
		for (String code : codes) {
			if (plan.rejected.contains(code)) {
				continue;
			}
			HouseholdIn h = file.households.get(code);
			Household existing = matched.get(code);
			List<MemberIn> members = membersOf.getOrDefault(code, List.of());
			if (existing == null && h != null && !places.containsKey(code)) {
				continue;
			}
			Household before = existing;
			List<Problem> problems = new ArrayList<>();
			Plan local = new Plan();
			Match match = (existing == null) ? Match.NEW : how.get(code);
			UUID id = (existing == null) ? TimeOrderedIds.next() : existing.id();
			Place place = places.get(code);
			String province = (existing != null) ? existing.provinceCode() : place.commune().provinceCode();
			String path = (place != null) ? place.village().path() : existing.unitPath();
			plan.paths.put(id, (existing != null) ? existing.unitPath() : path);
			// members
			List<Member> stored = (existing != null) ? storedMembers.getOrDefault(existing.id(), List.of()) : List.of();
			String headName = (existing != null) ? existing.headName() : null;
			int heads = 0;
			int order = stored.size();
			Set<UUID> usedStored = new HashSet<>();
			for (MemberIn m : members) {
				MemberData d = m.data();
				Member same = find(stored, d, usedStored);
				if (d.cccd() != null) {
					Member holder = holders.get(d.cccd());
					if (holder != null && !holder.householdId().equals(id)) {
						problems.add(Problem.error(m.ref().sheet(), m.ref().row(), column("CCCD"), d.cccd(),
								"registry.cccd.duplicate", code));
						continue;
					}
				}
				if ("HEAD".equals(d.relation())) {
					heads++;
					if (heads > 1) {
						problems.add(Problem.error(m.ref().sheet(), m.ref().row(), column("RELATION"), d.relation(),
								"imports.household.heads", code));
						continue;
					}
					headName = d.fullName();
				}
				if (same != null) {
					usedStored.add(same.id());
					if ("HEAD".equals(same.relation()) != "HEAD".equals(d.relation())) {
						problems.add(Problem.error(m.ref().sheet(), m.ref().row(), column("RELATION"), d.relation(),
								"imports.head.change", code));
						continue;
					}
					// the row over the stored member: an empty cell keeps its value
					MemberData merged = merge(same, m);
					List<FieldProblem> invalid = merged.problems(today);
					if (!invalid.isEmpty()) {
						invalid.forEach((p) -> problems.add(memberProblem(m, p, code)));
						continue;
					}
					if (!sameMember(same, merged)) {
						local.memberUpdates
							.add(new MemberUpdate(same, new BulkMember(same.id(), id, province, merged, 0)));
					}
				}
				else {
					if (existing != null && "HEAD".equals(d.relation())) {
						problems.add(Problem.error(m.ref().sheet(), m.ref().row(), column("RELATION"), d.relation(),
								"imports.head.change", code));
						continue;
					}
					local.newMembers.add(new BulkMember(TimeOrderedIds.next(), id, province, d, order++));
				}
			}
			if (existing == null && heads == 0) {
				problems
					.add(Problem.error(h.ref().sheet(), h.ref().row(), null, code, "imports.household.no-head", code));
			}
			// household
			if (h != null && problems.isEmpty()) {
				HouseholdData data = new HouseholdData(place.village().id(),
						keep(h.address(), h.clears(Field.ADDRESS), (existing != null) ? existing.address() : null),
						h.urban(), pick(h.ethnicMinority(), (existing != null) && existing.ethnicMinority()),
						pick(h.socialProtection(), (existing != null) && existing.socialProtection()),
						pick(h.meritorious(), (existing != null) && existing.meritorious()),
						keep(h.phone(), h.clears(Field.HOUSEHOLD_PHONE), (existing != null) ? existing.phone() : null),
						(existing != null) ? existing.status() : "ACTIVE");
				boolean urban = (h.urban() != null) ? h.urban()
						: (existing != null) ? existing.urban() : place.village().urban();
				if (existing == null) {
					local.newHouseholds
						.add(new BulkHousehold(id, province, code, place.commune().id(), path, headName, data, urban));
				}
				else if (existing.communeId() != place.commune().id()) {
					problems.add(Problem.error(h.ref().sheet(), h.ref().row(), column("COMMUNE"), h.commune(),
							"registry.household.move-commune", code));
				}
				else {
					BulkHousehold after = new BulkHousehold(id, province, existing.code(), existing.communeId(), path,
							headName, data, urban);
					if (!sameHousehold(existing, after)) {
						local.householdUpdates.add(new HouseholdUpdate(existing, after, place.village().name()));
					}
				}
			}
			else if (existing != null && headName != null && !headName.equals(existing.headName())
					&& problems.isEmpty()) {
				HouseholdData data = new HouseholdData(existing.villageId(), existing.address(), existing.urban(),
						existing.ethnicMinority(), existing.socialProtection(), existing.meritorious(),
						existing.phone(), existing.status());
				local.householdUpdates.add(
						new HouseholdUpdate(existing,
								new BulkHousehold(id, province, existing.code(), existing.communeId(),
										existing.unitPath(), headName, data, existing.urban()),
								existing.villageName()));
			}
			// the year's classification
			if (h != null && h.assessment() != null && problems.isEmpty()) {
				AssessmentIn a = h.assessment();
				Optional<String> key = this.standards.forReviewYear(a.year()).map(Standard::key);
				if (key.isEmpty()) {
					problems.add(Problem.error(h.ref().sheet(), h.ref().row(), column("YEAR"), String.valueOf(a.year()),
							"imports.year.no-standard", code));
				}
				else {
					BulkAssessment old = storedAssessments.getOrDefault(id, List.of())
						.stream()
						.filter((x) -> x.year() == a.year())
						.findFirst()
						.orElse(null);
					BulkAssessment neu = (old == null) ? new BulkAssessment(TimeOrderedIds.next(), id, province,
							a.year(), key.get(), stored.size() + local.newMembers.size(), a.income(), a.waterSource(),
							a.latrine(), a.deprivations(), a.classification(), a.decisionNo(), 0) : merge(old, h);
					if (old == null || !sameAssessment(old, neu)) {
						local.assessments.add(new AssessmentChange(old, neu));
					}
				}
			}
			if (!problems.isEmpty()) {
				plan.problems.addAll(problems);
				plan.rejected.add(code);
				continue;
			}
			plan.matches.merge(match.name(), 1, Integer::sum);
			if (match == Match.CCCD || match == Match.NAME) {
				plan.problems.add(Problem.info(h.ref().sheet(), h.ref().row(),
						"imports.match." + match.name().toLowerCase(java.util.Locale.ROOT), code, code, before.code()));
			}
			else if (separate.contains(code) && h != null) {
				plan.problems.add(Problem.info(h.ref().sheet(), h.ref().row(), "imports.match.separated", code, code));
			}
			plan.newHouseholds.addAll(local.newHouseholds);
			plan.householdUpdates.addAll(local.householdUpdates);
			plan.newMembers.addAll(local.newMembers);
			plan.memberUpdates.addAll(local.memberUpdates);
			plan.assessments.addAll(local.assessments);
			if (existing != null && local.householdUpdates.isEmpty() && local.newMembers.isEmpty()
					&& local.memberUpdates.isEmpty() && local.assessments.isEmpty()) {
				plan.same++;
			}
			else if (existing != null) {
				// what the plan read of a household it changes: the commit writes it only
				// while these rows are as they were
				plan.codes.put(id, existing.code());
				plan.seen.add(Seen.of(existing, code));
				stored.forEach((m) -> plan.seen.add(Seen.of(m)));
				storedAssessments.getOrDefault(id, List.of()).forEach((x) -> plan.seen.add(Seen.of(x)));
			}
		}
		return plan;
	}

	private static boolean pick(Boolean value, boolean fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * An optional value: the file's, else null when the file clears it, else the stored
	 * one (an empty cell or a column the file does not have changes nothing).
	 */
	private static <T> T keep(T value, boolean cleared, T stored) {
		return (value != null) ? value : cleared ? null : stored;
	}

	/**
	 * A stored member with a row's values: the required fields from the row, each
	 * optional field from the row when its cell holds a value, cleared when it holds the
	 * clear marker, else as stored.
	 */
	static MemberData merge(Member stored, MemberIn row) {
		MemberData d = row.data();
		return new MemberData(d.fullName(), d.sex(), d.dateOfBirth(), d.ethnicityCode(), d.relation(),
				keep(row.gives(Field.CCCD) ? d.cccd() : null, row.clears(Field.CCCD), stored.cccd()),
				keep(row.gives(Field.PHONE) ? d.phone() : null, row.clears(Field.PHONE), stored.phone()),
				row.gives(Field.EDUCATION) ? d.educationLevel() : stored.educationLevel(),
				row.gives(Field.IN_SCHOOL) ? d.inSchool() : stored.inSchool(),
				row.gives(Field.EMPLOYMENT) ? d.employment() : stored.employment(),
				row.gives(Field.HEALTH_INSURANCE) ? d.healthInsurance() : stored.healthInsurance(),
				row.gives(Field.DISABILITY) ? d.disability() : stored.disability(),
				row.gives(Field.SOCIAL_ALLOWANCE) ? d.socialAllowance() : stored.socialAllowance(),
				row.gives(Field.MALNOURISHED) ? d.malnourished() : stored.malnourished(),
				row.gives(Field.ILL_NO_CARE) ? d.illNoCare() : stored.illNoCare());
	}

	/**
	 * A stored classification with a file's: the class from the file, each optional field
	 * from the file when given, cleared when marked, else as stored; the standard and the
	 * member count at the survey, which files do not carry, as stored.
	 */
	static BulkAssessment merge(BulkAssessment stored, HouseholdIn h) {
		AssessmentIn a = h.assessment();
		List<String> deprivations = (a.deprivations() != null) ? a.deprivations()
				: h.clears(Field.DEPRIVATIONS) ? List.of() : stored.deprivations();
		return new BulkAssessment(stored.id(), stored.householdId(), stored.provinceCode(), stored.year(),
				stored.standardKey(), stored.memberCount(),
				keep(a.income(), h.clears(Field.INCOME), stored.incomePerCapita()),
				keep(a.waterSource(), h.clears(Field.WATER_SOURCE), stored.waterSource()),
				keep(a.latrine(), h.clears(Field.LATRINE), stored.latrine()), deprivations, a.classification(),
				keep(a.decisionNo(), h.clears(Field.DECISION_NO), stored.decisionNo()), stored.version());
	}

	/**
	 * A problem of a member row found once its values were merged with the stored ones.
	 */
	private static Problem memberProblem(MemberIn m, FieldProblem p, String code) {
		Field f = Field.ofMemberProperty(p.field());
		return Problem.error(m.ref().sheet(), m.ref().row(), (f != null) ? column(f.name()) : null, null,
				p.messageKey(), code, p.args());
	}

	private static MemberIn head(List<MemberIn> members) {
		if (members == null) {
			return null;
		}
		return members.stream().filter((m) -> "HEAD".equals(m.data().relation())).findFirst().orElse(null);
	}

	private static RowRef firstRef(HouseholdIn h, List<MemberIn> members) {
		return (h != null) ? h.ref() : members.get(0).ref();
	}

	private static Member find(List<Member> stored, MemberData d, Set<UUID> used) {
		if (d.cccd() != null) {
			for (Member m : stored) {
				if (d.cccd().equals(m.cccd()) && !used.contains(m.id())) {
					return m;
				}
			}
		}
		String name = TextNormalizer.fold(d.fullName());
		for (Member m : stored) {
			if (!used.contains(m.id()) && name.equals(TextNormalizer.fold(m.fullName()))
					&& d.dateOfBirth().equals(m.dateOfBirth())) {
				return m;
			}
		}
		return null;
	}

	private static boolean sameMember(Member m, MemberData d) {
		return m.fullName().equals(d.fullName()) && Sex.ofCode(m.sex()) == d.sex()
				&& m.dateOfBirth().equals(d.dateOfBirth()) && m.ethnicityCode().equals(d.ethnicityCode())
				&& m.relation().equals(d.relation()) && Objects.equals(m.cccd(), d.cccd())
				&& Objects.equals(m.phone(), d.phone()) && m.educationLevel().equals(d.educationLevel())
				&& m.inSchool() == d.inSchool() && m.employment().equals(d.employment())
				&& m.healthInsurance() == d.healthInsurance() && m.disability() == d.disability()
				&& m.socialAllowance() == d.socialAllowance() && m.malnourished() == d.malnourished()
				&& m.illNoCare() == d.illNoCare();
	}

	private static boolean sameHousehold(Household h, BulkHousehold a) {
		HouseholdData d = a.data();
		return h.villageId() == d.villageId() && Objects.equals(h.address(), d.address()) && h.urban() == a.urban()
				&& h.ethnicMinority() == d.ethnicMinority() && h.socialProtection() == d.socialProtection()
				&& h.meritorious() == d.meritorious() && Objects.equals(h.phone(), d.phone())
				&& Objects.equals(h.headName(), a.headName());
	}

	private static boolean sameAssessment(BulkAssessment a, BulkAssessment b) {
		return a.standardKey().equals(b.standardKey()) && a.memberCount() == b.memberCount()
				&& Objects.equals(a.incomePerCapita(), b.incomePerCapita())
				&& Objects.equals(a.waterSource(), b.waterSource()) && Objects.equals(a.latrine(), b.latrine())
				&& a.deprivations().equals(b.deprivations()) && a.classification().equals(b.classification())
				&& Objects.equals(a.decisionNo(), b.decisionNo());
	}

	/** Communes with this code visible to the user, the one valid today first. */
	private List<Unit> communes(String code, LocalDate today) {
		List<Unit> units = new ArrayList<>(this.geography.byCode(code).stream().filter(Unit::isCommune).toList());
		units.sort(java.util.Comparator.comparing((Unit u) -> !u.validOn(today)));
		return units;
	}

	/** The villages of a commune by the names lists give them (ADR 0026). */
	private PlaceNames<Unit> villagesOf(long communeId) {
		PlaceNames<Unit> names = new PlaceNames<>(PlaceNames.VILLAGE_TYPES);
		for (Unit v : this.geography.children(communeId)) {
			if (v.isVillage()) {
				names.add(v, v.name(), v.name(), v.shortName(), v.code());
			}
		}
		return names;
	}

	/**
	 * Reads the deprivations of each household's classification as the indicators of its
	 * year's standard, by code or by Vietnamese or English name ("HQU", "Chất lượng nhà
	 * ở"); every one the standard does not have is a problem of its row.
	 */
	private void deprivations(ParsedFile file, Plan plan) {
		Map<Integer, Optional<IndicatorNames>> byYear = new HashMap<>();
		for (HouseholdIn h : file.everyHousehold()) {
			AssessmentIn a = h.assessment();
			if (a == null || a.deprivations() == null || a.deprivations().isEmpty()) {
				continue;
			}
			Optional<IndicatorNames> names = byYear.computeIfAbsent(a.year(),
					(year) -> this.standards.forReviewYear(year).map(IndicatorNames::new));
			if (names.isEmpty()) {
				continue; // reported with the year
			}
			List<String> read = new ArrayList<>();
			for (String d : a.deprivations()) {
				String code = names.get().code(d);
				if (code == null) {
					reject(plan, h, "imports.deprivation.unknown", d, column("DEPRIVATIONS"),
							names.get().standardName(), String.join(", ", names.get().known()));
				}
				else if (!read.contains(code)) {
					read.add(code);
				}
			}
			if (file.households.get(h.code()) == h) {
				file.households.put(h.code(), h.withDeprivations(read));
			}
		}
	}

	private static void reject(Plan plan, HouseholdIn h, String key, String value, String column, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = value;
		System.arraycopy(args, 0, all, 1, args.length);
		plan.problems.add(Problem.error(h.ref().sheet(), h.ref().row(), column, value, key, h.code(), all));
		plan.rejected.add(h.code());
	}

	private static void reject(Plan plan, String code, RowRef ref, String key, Object... args) {
		plan.problems.add(Problem.error(ref.sheet(), ref.row(), null, code, key, code, args));
		plan.rejected.add(code);
	}

	/**
	 * The column of a field in problems found after parsing: its label key, resolved when
	 * shown.
	 */
	private static String column(String field) {
		return "#imports.field." + field;
	}

}
