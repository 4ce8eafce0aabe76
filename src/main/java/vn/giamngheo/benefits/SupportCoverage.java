package vn.giamngheo.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.benefits.persistence.CoverageRepository;
import vn.giamngheo.benefits.persistence.CoverageRepository.Amounts;
import vn.giamngheo.benefits.persistence.CoverageRepository.CommuneCounts;
import vn.giamngheo.benefits.persistence.CoverageRepository.GapRow;
import vn.giamngheo.benefits.persistence.CoverageRepository.Measure;
import vn.giamngheo.benefits.persistence.CoverageRepository.Served;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;

/**
 * Coverage of the support policies (ADR 0038): per policy, unit and year, the eligible,
 * those with a demand, those served and the share of the demand served; the gap worklist
 * (eligible with a demand, not served); four ledger indicators of the targets (the fifth,
 * EXIT_REGISTRANTS_FUNDED, is the exit plans'). Counted on read, set-based, over the
 * eligibility spells, the demand and the ledger of the households the caller may read; a
 * partner sees only its own agency's policies.
 */
@Component
public class SupportCoverage {

	/**
	 * The indicators of the catalogue counted here (kind COMPUTED, source the ledger).
	 * EXIT_REGISTRANTS_FUNDED is counted from the exit plans ({@code exits.ExitPlans},
	 * ADR 0040).
	 */
	public static final Set<String> INDICATORS = Set.of("LOANS_WITH_DEMAND", "TRAINING_WITH_DEMAND",
			"POOR_NEAR_POOR_HI_CARDS", "HOUSING_SUPPORT_DONE");

	/** The first year any support is counted (the 2016–2020 programme). */
	static final int FIRST_YEAR = 2016;

	private static final List<String> HI = List.of("HI_POOR", "HI_NEAR_POOR");

	private final SupportPolicies policies;

	private final StoredFigures figures;

	private final CoverageRepository repository;

	private final CurrentActor actor;

	private final Aggregates aggregates;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	private final Geography geography;

	public SupportCoverage(SupportPolicies policies, CoverageRepository repository, CurrentActor actor,
			Aggregates aggregates, Geography geography, Clock clock, StoredFigures figures) {
		this.figures = figures;
		this.geography = geography;
		this.policies = policies;
		this.repository = repository;
		this.actor = actor;
		this.aggregates = aggregates;
		this.clock = clock;
	}

	/** Counts of a unit (a commune, or a district/province summing its communes). */
	public record Counts(long eligible, long withDemand, long served, long servedWithDemand) {

		static final Counts ZERO = new Counts(0, 0, 0, 0);

		Counts plus(Counts o) {
			return new Counts(this.eligible + o.eligible, this.withDemand + o.withDemand, this.served + o.served,
					this.servedWithDemand + o.servedWithDemand);
		}

		/** The demand not served. */
		public long gap() {
			return this.withDemand - this.servedWithDemand;
		}

		/**
		 * Served with a demand / with a demand × 100, one decimal; null when no demand.
		 */
		public Double percent() {
			return percentOf(this.servedWithDemand, this.withDemand);
		}

	}

	/** A commune's row of a coverage table. */
	public record Row(long communeId, String name, Counts counts) {
	}

	/**
	 * The coverage of one policy under a unit in a year.
	 *
	 * @param policy the policy
	 * @param unit the unit
	 * @param year the year
	 * @param rows one row per commune with an eligible entry
	 * @param total the sum of the rows
	 * @param status whether the year's review is final or provisional (with coverage), or
	 * null when the unit has no review that year
	 * @param computedAt when the counts were computed (stored until the ledger changes,
	 * ADR 0058; the page says it)
	 */
	public record Coverage(SupportPolicy policy, Unit unit, int year, List<Row> rows, Counts total, YearStatus status,
			OffsetDateTime computedAt) {
	}

	static Double percentOf(long part, long base) {
		return (base == 0) ? null : Math.round(part * 1000.0 / base) / 10.0;
	}

	/** The policies the caller may see coverage of (a partner: its agency's only). */
	public List<SupportPolicy> visiblePolicies(int year) {
		Actor a = this.actor.get();
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate start = LocalDate.of(year, 1, 1);
		Map<String, SupportPolicy> result = new java.util.LinkedHashMap<>();
		for (SupportPolicy p : this.policies.all()) {
			boolean overlaps = !p.validFrom().isAfter(end) && (p.validTo() == null || !p.validTo().isBefore(start));
			if (overlaps && (!isPartner(a) || p.agency().equals(a.agency()))) {
				result.put(p.code(), p);
			}
		}
		return List.copyOf(result.values());
	}

	private static boolean isPartner(Actor a) {
		return a.hasRole(Role.PARTNER.name());
	}

	private SupportPolicy visible(String code) {
		SupportPolicy p = this.policies.require(code);
		Actor a = this.actor.get();
		if (isPartner(a) && !p.agency().equals(a.agency())) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.agency");
		}
		return p;
	}

	/**
	 * The unit, visible to the caller as the analytics read it (a unit of the 2025 list
	 * is read through the caller's communes in it); the counts filter every row by scope.
	 */
	private Unit unit(long unitId) {
		return this.aggregates.visibleUnit(unitId);
	}

	static Measure measure(SupportPolicy p) {
		Served served = HI.contains(p.code()) ? Served.VALID_IN_WINDOW : Served.DELIVERED_IN_WINDOW;
		return new Measure(List.of(p.code()), p.needs(), served);
	}

	private String[] scope() {
		return this.actor.get().scope().viewPatterns();
	}

	/** The coverage of one policy per commune under a unit in a year. */
	@Transactional(readOnly = true)
	public Coverage coverage(String policyCode, long unitId, int year) {
		SupportPolicy p = visible(policyCode);
		Unit unit = unit(unitId);
		StoredFigures.Stored<Rows> stored = rows(p, unit, year);
		List<Row> rows = stored.value().rows();
		Counts total = rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus);
		return new Coverage(p, unit, year, rows, total, status(unitId, year), stored.computedAt());
	}

	/** The coverage of every visible policy under a unit in a year (the hub's table). */
	@Transactional(readOnly = true)
	public List<Coverage> overview(long unitId, int year) {
		Unit unit = unit(unitId);
		YearStatus status = status(unitId, year);
		List<Coverage> result = new ArrayList<>();
		for (SupportPolicy p : visiblePolicies(year)) {
			StoredFigures.Stored<Rows> stored = rows(p, unit, year);
			List<Row> rows = stored.value().rows();
			result.add(new Coverage(p, unit, year, rows,
					rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus), status, stored.computedAt()));
		}
		return result;
	}

	/**
	 * The units support was recorded under in a year before a unit existed: a unit of the
	 * 2025 list asked about a year before 01/07/2025 stands for units that ended then,
	 * and the ledger and lists of that year are theirs (recorded by the units of the day,
	 * not re-based like the review figures). The page says so and links to them. Those
	 * the caller may read, by name; empty when the unit was in force at the end of the
	 * year.
	 * @param unitId the unit
	 * @param year the year
	 * @return the units of that year
	 */
	public List<Unit> recordedUnder(long unitId, int year) {
		Unit unit = unit(unitId);
		LocalDate end = LocalDate.of(year, 12, 31);
		if (!end.isBefore(unit.validFrom())) {
			return List.of();
		}
		DataScope scope = this.actor.get().scope();
		return this.geography.inForceInstead(unit, end).stream().filter((u) -> scope.canView(u.path())).toList();
	}

	private YearStatus status(long unitId, int year) {
		return this.aggregates.statuses(unitId).of(year).orElse(null);
	}

	private StoredFigures.Stored<Rows> rows(SupportPolicy p, Unit unit, int year) {
		// a province's counts cost seconds per policy: stored per unit until its ledger
		// changes (ADR 0058), like the ledger's indicators
		return this.figures.get(StoredFigures.LEDGER, "coverage-rows", unit,
				p.code() + '/' + year + '/' + policiesVersion(), Rows.class,
				() -> new Rows(countRows(measure(p), p.demandRequired(), unit, year)));
	}

	/** A coverage table's rows, as stored. */
	record Rows(List<Row> rows) {
	}

	private List<Row> countRows(Measure m, boolean demandRequired, Unit unit, int year) {
		List<Row> rows = new ArrayList<>();
		for (CommuneCounts c : this.repository.countsByCommune(m, unit.path(), scope(), LocalDate.of(year, 1, 1),
				LocalDate.of(year, 12, 31))) {
			rows.add(new Row(c.communeId(), c.communeName(), counts(c, demandRequired)));
		}
		return rows;
	}

	/**
	 * The policies' codes and versions, hashed: stored figures of another set of policy
	 * files are counted again.
	 */
	private String policiesVersion() {
		return "p" + Integer
			.toHexString(this.policies.all().stream().map((p) -> p.code() + '@' + p.version()).toList().hashCode());
	}

	/** One entry of the gap worklist, its reasons in words. */
	public record Gap(GapRow row, List<String> reasons) {
	}

	/**
	 * The gap worklist: who is eligible for the policy with a demand (every eligible for
	 * a policy that needs no demand) and has not been served in the year, oldest demand
	 * first (or newest), at most 5,000 entries.
	 */
	@Transactional(readOnly = true)
	public List<Gap> gap(String policyCode, long unitId, int year, boolean newestFirst, MessageSource messages,
			Locale locale) {
		SupportPolicy p = visible(policyCode);
		Unit unit = unit(unitId);
		List<Gap> result = new ArrayList<>();
		for (GapRow r : this.repository.gap(measure(p), p.demandRequired(), unit.path(), scope(),
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), newestFirst, 5000)) {
			result.add(new Gap(r, reasons(r.reasons(), messages, locale)));
		}
		return result;
	}

	/** The message-key reasons of the spells ([{key, args}]) in the reader's words. */
	List<String> reasons(String stored, MessageSource messages, Locale locale) {
		List<String> words = new ArrayList<>();
		if (stored == null) {
			return words;
		}
		for (String part : stored.split("\\|")) {
			JsonNode node = this.json.readTree(part);
			for (JsonNode r : node.isArray() ? node : List.of(node)) {
				List<Object> args = new ArrayList<>();
				r.path("args").forEach((a) -> args.add(a.asString()));
				String text = messages.getMessage(r.path("key").asString(), args.toArray(), r.path("key").asString(),
						locale);
				if (!words.contains(text)) {
					words.add(text);
				}
			}
		}
		return words;
	}

	/**
	 * Amounts delivered under one policy in a year, in VND: records, total and shares by
	 * source.
	 */
	public record AmountLine(SupportPolicy policy, long records, long amount, long central, long local, long credit,
			long mobilised, long own) {

		/** records, amount, central, local, credit, mobilised, own. */
		public long[] values() {
			return new long[] { this.records, this.amount, this.central, this.local, this.credit, this.mobilised,
					this.own };
		}

	}

	/** Delivered amounts by policy and source under a unit in a year. */
	@Transactional(readOnly = true)
	public List<AmountLine> amounts(long unitId, int year) {
		Unit unit = unit(unitId);
		Actor a = this.actor.get();
		List<AmountLine> lines = new ArrayList<>();
		for (Amounts x : this.repository.amounts(unit.path(), scope(), isPartner(a) ? a.agency() : null,
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
			lines.add(new AmountLine(this.policies.require(x.policy()), x.records(), x.amount(), x.central(), x.local(),
					x.credit(), x.mobilised(), x.own()));
		}
		return lines;
	}

	/**
	 * The yearly values of one of the four ledger indicators for a unit (ADR 0038): year
	 * → rate in percent, for the years with a base (a year with nothing to serve has no
	 * value).
	 * @param code one of {@link #INDICATORS}
	 * @param unitId the unit
	 * @return values by year, oldest first
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Double> indicatorSeries(String code, long unitId) {
		return indicatorSeries(code, unitId, FIRST_YEAR, LocalDate.now(this.clock).getYear());
	}

	/**
	 * The yearly values of one of the four ledger indicators for a unit, for the years
	 * from one to another only (a resolution's period: each year costs a count over the
	 * unit's ledger, so a target asks only for the years it judges).
	 * @param code one of {@link #INDICATORS}
	 * @param unitId the unit
	 * @param fromYear first year wanted
	 * @param toYear last year wanted (at most this year)
	 * @return values by year, oldest first
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Double> indicatorSeries(String code, long unitId, int fromYear, int toYear) {
		Unit unit = unit(unitId);
		String[] scope = scope();
		int last = Math.min(toYear, LocalDate.now(this.clock).getYear());
		// a province's series costs seconds of counting over its ledger (ADR 0038):
		// stored per unit until the ledger changes (ADR 0058), one reader at a time per
		// series on this node (the others then read what it stored); the policies'
		// versions are part of it: a deployment with other policy files counts again
		String variant = code + '/' + fromYear + '/' + last + '/' + policiesVersion();
		if (this.computing.size() > 10_000) {
			this.computing.clear();
		}
		synchronized (this.computing.computeIfAbsent(unit.id() + "/" + variant, (k) -> new Object())) {
			return this.figures
				.get(StoredFigures.LEDGER, "ledger-series", unit, variant, Series.class,
						() -> new Series(computeSeries(code, unit, scope, fromYear, last)))
				.value()
				.values();
		}
	}

	/** A ledger indicator's values by year, as stored. */
	record Series(TreeMap<Integer, Double> values) {
	}

	/** One lock per series (unit and variant) read on this node. */
	private final ConcurrentHashMap<String, Object> computing = new ConcurrentHashMap<>();

	/** The series up to {@code last} (the caller bounds it by today's year). */
	private TreeMap<Integer, Double> computeSeries(String code, Unit unit, String[] scope, int fromYear, int last) {
		TreeMap<Integer, Double> values = new TreeMap<>();
		// no year before the first spell or record of the ledger can have a value
		int first = Math.max(Math.max(FIRST_YEAR, fromYear),
				this.repository.firstYear(policiesOf(code)).orElse(last + 1));
		for (int y = first; y <= last; y++) {
			LocalDate from = LocalDate.of(y, 1, 1);
			LocalDate to = LocalDate.of(y, 12, 31);
			Measure rate = RATES.get(code);
			// a rate needs a demand when its measure names the needs it answers
			long[] v = (rate != null) ? rate(rate, !rate.needs().isEmpty(), unit, scope, from, to)
					: housing(unit, scope, y);
			Double value = percentOf(v[1], v[0]);
			if (value != null) {
				values.put(y, value);
			}
		}
		return values;
	}

	/**
	 * The ledger indicators counted as a rate of one measure (ADR 0038): the policies,
	 * the needs a demand answers (none: every eligible entry counts as asking) and when a
	 * record serves. {@code HOUSING_SUPPORT_DONE} is counted over its programme instead.
	 */
	private static final Map<String, Measure> RATES = Map.of("LOANS_WITH_DEMAND",
			new Measure(List.of("LOAN_POOR", "LOAN_NEAR_POOR", "LOAN_EXITED"), List.of("LOAN"),
					Served.OUTSTANDING_IN_WINDOW),
			"TRAINING_WITH_DEMAND",
			new Measure(List.of("VOCATIONAL_TRAINING"), List.of("VOCATIONAL_TRAINING"), Served.DELIVERED_IN_WINDOW),
			"POOR_NEAR_POOR_HI_CARDS", new Measure(HI, List.of(), Served.VALID_IN_WINDOW));

	/** The housing programmes of {@code HOUSING_SUPPORT_DONE}. */
	private static final List<String> HOUSING = List.of("HOUSING_2016", "HOUSING_2021");

	/** The policies a ledger indicator counts. */
	private static List<String> policiesOf(String code) {
		if ("HOUSING_SUPPORT_DONE".equals(code)) {
			return HOUSING;
		}
		Measure rate = RATES.get(code);
		if (rate == null) {
			throw new IllegalArgumentException("Not a ledger indicator: " + code);
		}
		return rate.policies();
	}

	private long[] rate(Measure m, boolean demandRequired, Unit unit, String[] scope, LocalDate from, LocalDate to) {
		Counts c = this.repository.countsByCommune(m, unit.path(), scope, from, to)
			.stream()
			.map((r) -> counts(r, demandRequired))
			.reduce(Counts.ZERO, Counts::plus);
		return new long[] { c.withDemand(), c.servedWithDemand() };
	}

	private static Counts counts(CommuneCounts c, boolean demandRequired) {
		return demandRequired ? new Counts(c.eligible(), c.withDemand(), c.served(), c.servedWithDemand())
				: new Counts(c.eligible(), c.eligible(), c.served(), c.served());
	}

	/**
	 * Housing support done, cumulative over the programme in force in the year (QĐ
	 * 33/2015 for 2016–2020, Dự án 5 of QĐ 90 from 2021) up to its end.
	 */
	private long[] housing(Unit unit, String[] scope, int year) {
		String code = (year <= 2020) ? "HOUSING_2016" : "HOUSING_2021";
		LocalDate periodFrom = this.policies.find(code)
			.map(SupportPolicy::validFrom)
			.orElse(LocalDate.of((year <= 2020) ? 2016 : 2021, 1, 1));
		return this.repository.housing(List.of(code), unit.path(), scope, periodFrom, LocalDate.of(year, 12, 31));
	}

	/**
	 * The unit the support pages open on: the user's own unit (the first of its scope),
	 * or for a user of the whole country the first province with eligibility lists.
	 */
	public long defaultUnit() {
		Actor a = this.actor.get();
		for (String path : a.scope().viewPaths()) {
			String[] ids = path.split("/");
			if (ids.length > 1) {
				return Long.parseLong(ids[ids.length - 1]);
			}
		}
		return this.repository.firstProvinceWithSpells(scope())
			.orElseThrow(() -> DomainException.notFound("UNIT", "-"));
	}

	/**
	 * The year the pages open on: the last final year of the unit's review, or this year.
	 */
	public int defaultYear(long unitId) {
		return this.aggregates.statuses(unitId).lastFinal().orElse(LocalDate.now(this.clock).getYear());
	}

	/** The years the pages offer (from the first programme year to this year). */
	public List<Integer> years() {
		List<Integer> years = new ArrayList<>();
		for (int y = LocalDate.now(this.clock).getYear(); y >= FIRST_YEAR; y--) {
			years.add(y);
		}
		return years;
	}

}
