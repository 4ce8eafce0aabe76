package vn.giamngheo.exits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.exits.domain.WarningEvent;
import vn.giamngheo.exits.domain.WarningFacts;
import vn.giamngheo.exits.domain.WarningReason;
import vn.giamngheo.exits.domain.WarningRule;
import vn.giamngheo.exits.domain.WarningRuleBook;
import vn.giamngheo.exits.domain.WarningRuleCode;
import vn.giamngheo.exits.domain.WarningRuleFile;
import vn.giamngheo.exits.domain.WarningRuleFileException;
import vn.giamngheo.exits.domain.WarningScore;
import vn.giamngheo.exits.domain.WarningScorer;
import vn.giamngheo.exits.domain.WarningYear;
import vn.giamngheo.exits.persistence.WarningRepository;
import vn.giamngheo.exits.persistence.WarningRepository.AssessmentRow;
import vn.giamngheo.exits.persistence.WarningRepository.HouseholdRow;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.text.Vnd;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.WayRules;

/**
 * The early-warning worklist (ADR 0042): the active households of a unit whose latest
 * recognised class is not poor, scored by the readable rules of
 * {@code warning/early-warning.yaml}, heaviest first (ties: lower income first), with
 * their reasons in words; a household's own score; and the backtest of a year against the
 * list of the year before. The list of year Y reads only assessments of years up to Y and
 * events up to its day (31/12/Y, or today in the running year).
 */
@Component
public class EarlyWarnings {

	/** Where the rules are. */
	public static final String RULES = "classpath:warning/early-warning.yaml";

	/**
	 * Communes read together: a few round trips for a province, a bounded number of rows
	 * in memory at a time.
	 */
	static final int COMMUNES_PER_READ = 40;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final WarningRepository repository;

	private final Geography geography;

	private final HouseholdRegistry registry;

	private final CurrentActor actor;

	private final StandardCatalogue standards;

	private final MessageSource messages;

	private final Clock clock;

	private final WarningRuleBook book;

	private final WarningScorer scorer;

	private final int followUpYears;

	private final Map<String, Line> lines = new ConcurrentHashMap<>();

	public EarlyWarnings(WarningRepository repository, Geography geography, HouseholdRegistry registry,
			CurrentActor actor, StandardCatalogue standards, MessageSource messages, Clock clock,
			@Value("${giamngheo.exits.follow-up-years:3}") int followUpYears) {
		this.repository = repository;
		this.geography = geography;
		this.registry = registry;
		this.actor = actor;
		this.standards = standards;
		this.messages = messages;
		this.clock = clock;
		this.followUpYears = followUpYears;
		this.book = load(new DefaultResourceLoader().getResource(RULES));
		this.scorer = new WarningScorer(this.book, followUpYears);
	}

	/**
	 * Reads a rules file strictly.
	 * @param resource the file
	 * @return its rules
	 * @throws WarningRuleFileException naming the file and the field of the first problem
	 */
	public static WarningRuleBook load(Resource resource) {
		String file = resource.getFilename();
		Object yaml;
		try (InputStream in = resource.getInputStream()) {
			yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new WarningRuleFileException(file, "(file)", "cannot be read: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw new WarningRuleFileException(file, "(file)", "not valid YAML: " + ex.getMessage());
		}
		return WarningRuleFile.read(file, yaml);
	}

	/** The rules in force. */
	public WarningRuleBook rules() {
		return this.book;
	}

	/** The newly-exited window in years. */
	public int followUpYears() {
		return this.followUpYears;
	}

	// ------------------------------------------------------------------ the list

	/**
	 * A listed household.
	 *
	 * @param rank its place (1 = most at risk)
	 * @param householdId id
	 * @param code household code
	 * @param headName head's name
	 * @param village village
	 * @param commune commune
	 * @param classification latest recognised class
	 * @param classYear the year of that class
	 * @param score points
	 * @param reasons why, in the reader's language
	 * @param topTenth whether it is in the top tenth of the unit's candidates
	 */
	public record Item(int rank, UUID householdId, String code, String headName, String village, String commune,
			String classification, int classYear, int score, List<String> reasons, boolean topTenth) {
	}

	/**
	 * A page of a unit's list.
	 *
	 * @param unit the unit
	 * @param year the list's year
	 * @param day the list's day
	 * @param candidates active households whose latest class is not poor
	 * @param listed those with a score above zero (the list's length)
	 * @param topTenth how many places the top tenth holds (a tenth of the candidates,
	 * rounded up, at most the list's length)
	 * @param items the page
	 * @param page page number from 0
	 * @param size page size
	 */
	public record Worklist(Unit unit, int year, LocalDate day, int candidates, int listed, int topTenth,
			List<Item> items, int page, int size) {

		public boolean hasNext() {
			return (long) (this.page + 1) * this.size < this.listed;
		}

	}

	/** The default unit of the pages: the reader's first scope unit. */
	public long defaultUnit() {
		for (String path : this.actor.get().scope().viewPaths()) {
			String[] ids = path.split("/");
			if (ids.length > 1) {
				return Long.parseLong(ids[ids.length - 1]);
			}
		}
		return this.repository.firstProvince(this.actor.get().scope().viewPatterns())
			.orElseThrow(() -> DomainException.notFound("UNIT", "-"));
	}

	/** The running year in Vietnam. */
	public int thisYear() {
		return LocalDate.now(this.clock).getYear();
	}

	/**
	 * A page of the list of a unit.
	 * @param unitId the unit (commune or larger; a village too)
	 * @param year the list's year, or null for this year
	 * @param page page from 0
	 * @param size page size (1–500)
	 * @param locale the reader's language
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Worklist list(long unitId, Integer year, int page, int size, Locale locale) {
		if (page < 0 || size < 1 || size > 500) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "exits.warning.paging");
		}
		int y = (year != null) ? year : thisYear();
		Unit unit = viewable(unitId);
		Ranking r = rank(unit, y, day(y));
		List<Item> items = new ArrayList<>();
		for (int i = page * size; i < Math.min(r.listed().size(), (page + 1) * size); i++) {
			Scored s = r.listed().get(i);
			HouseholdRow h = s.row();
			AssessmentRow latest = h.assessments().get(h.assessments().size() - 1);
			items.add(new Item(i + 1, h.id(), h.code(), h.headName(), h.village(), h.commune(), latest.classification(),
					latest.year(), s.score().points(), describe(s.score(), locale), i < r.topTenth()));
		}
		return new Worklist(unit, y, day(y), r.candidates(), r.listed().size(), r.topTenth(), items, page, size);
	}

	/**
	 * A household's warning.
	 *
	 * @param household the household
	 * @param year the year (this year)
	 * @param day the day
	 * @param classification its latest recognised class, or null when it has none
	 * @param score points (0: no warning)
	 * @param reasons why, in the reader's language
	 */
	public record HouseholdWarning(Household household, int year, LocalDate day, String classification, int score,
			List<String> reasons) {
	}

	/** The warning of one household the reader may see (else 404), this year. */
	@Transactional(readOnly = true)
	public HouseholdWarning household(UUID householdId, Locale locale) {
		Household household = this.registry.household(householdId);
		int y = thisYear();
		LocalDate day = day(y);
		return this.repository.household(householdId, y, recentYears(), eventsAfter(day), day)
			.filter((h) -> h.assessments() != null)
			.map((h) -> {
				WarningScore s = this.scorer.score(facts(h), day);
				return new HouseholdWarning(household, y, day,
						h.assessments().get(h.assessments().size() - 1).classification(), s.points(),
						describe(s, locale));
			})
			.orElse(new HouseholdWarning(household, y, day, null, 0, List.of()));
	}

	// ------------------------------------------------------------------ backtest

	/**
	 * How well the list of year Y−1 foresaw who became poor in Y.
	 *
	 * @param unit the unit
	 * @param year Y
	 * @param candidates households on the Y−1 list's base (active, latest class up to Y−1
	 * not poor)
	 * @param listed those with a score above zero
	 * @param topTenth places in the top tenth
	 * @param fell candidates whose recognised class of Y is poor (fell back or newly
	 * poor)
	 * @param caught of them, those in the top tenth
	 * @param share caught / fell, or null when none fell
	 * @param baseRate fell / candidates, or null without candidates
	 * @param topTenthRate caught / top tenth, or null when the top tenth is empty
	 */
	public record Backtest(Unit unit, int year, int candidates, int listed, int topTenth, int fell, int caught,
			Double share, Double baseRate, Double topTenthRate) {

		/** How many times the base rate the top tenth fell (null when not computable). */
		public Double lift() {
			return (this.topTenthRate == null || this.baseRate == null || this.baseRate == 0) ? null
					: this.topTenthRate / this.baseRate;
		}

	}

	/**
	 * The backtest of a year: the list of Y−1 (assessments of years up to Y−1, events up
	 * to 31/12/Y−1) against the recognised classes of Y.
	 */
	@Transactional(readOnly = true)
	public Backtest backtest(long unitId, int year) {
		if (year > thisYear() || year < 2000) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "exits.warning.year");
		}
		Unit unit = viewable(unitId);
		Ranking r = rank(unit, year - 1, LocalDate.of(year - 1, 12, 31));
		Set<UUID> poor = new HashSet<>();
		for (Long[] batch : batches(r.communes())) {
			poor.addAll(this.repository.poorIn(batch, year));
		}
		int fell = 0;
		for (UUID id : r.candidateIds()) {
			if (poor.contains(id)) {
				fell++;
			}
		}
		int caught = 0;
		for (int i = 0; i < r.topTenth(); i++) {
			if (poor.contains(r.listed().get(i).row().id())) {
				caught++;
			}
		}
		return new Backtest(unit, year, r.candidates(), r.listed().size(), r.topTenth(), fell, caught,
				(fell == 0) ? null : (double) caught / fell,
				(r.candidates() == 0) ? null : (double) fell / r.candidates(),
				(r.topTenth() == 0) ? null : (double) caught / r.topTenth());
	}

	// ------------------------------------------------------------------ inside

	private record Scored(HouseholdRow row, WarningScore score) {
	}

	private record Ranking(List<Long> communes, int candidates, Set<UUID> candidateIds, List<Scored> listed,
			int topTenth) {
	}

	private static final Comparator<Scored> ORDER = Comparator.comparingInt((Scored s) -> -s.score().points())
		.thenComparing((Scored s) -> s.score().incomePerCapita(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((Scored s) -> s.row().code());

	private Ranking rank(Unit unit, int year, LocalDate day) {
		String[] scope = this.actor.get().scope().viewPatterns();
		List<Long> communes = this.repository.communesUnder(unit.path());
		LocalDate after = eventsAfter(day);
		List<Scored> listed = new ArrayList<>();
		Set<UUID> candidates = new HashSet<>();
		for (Long[] batch : batches(communes)) {
			for (HouseholdRow h : this.repository.communes(batch, unit.path(), scope, year, recentYears(), after,
					day)) {
				if (h.assessments() == null || "POOR".equals(last(h).classification())) {
					continue;
				}
				candidates.add(h.id());
				WarningScore s = this.scorer.score(facts(h), day);
				if (s.points() > 0) {
					listed.add(new Scored(h, s));
				}
			}
		}
		listed.sort(ORDER);
		int tenth = Math.min(listed.size(), (candidates.size() + 9) / 10);
		return new Ranking(communes, candidates.size(), candidates, listed, tenth);
	}

	/** Communes in groups read together. */
	private static List<Long[]> batches(List<Long> communes) {
		List<Long[]> out = new ArrayList<>();
		for (int from = 0; from < communes.size(); from += COMMUNES_PER_READ) {
			out.add(communes.subList(from, Math.min(communes.size(), from + COMMUNES_PER_READ)).toArray(Long[]::new));
		}
		return out;
	}

	private static AssessmentRow last(HouseholdRow h) {
		return h.assessments().get(h.assessments().size() - 1);
	}

	private Unit viewable(long unitId) {
		Unit unit = this.geography.unit(unitId);
		this.actor.requireView(unit.path());
		return unit;
	}

	/** The list's day: 31/12 of a past year, today in the running year. */
	private LocalDate day(int year) {
		LocalDate today = LocalDate.now(this.clock);
		if (year > today.getYear() || year < 2000) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "exits.warning.year");
		}
		return (year == today.getYear()) ? today : LocalDate.of(year, 12, 31);
	}

	/** How many years before the latest the income rule compares. */
	private int recentYears() {
		return this.book.rule(WarningRuleCode.INCOME_FELL).parameter("years");
	}

	/** Events older than this cannot count (the shock rule's months before the day). */
	private LocalDate eventsAfter(LocalDate day) {
		return day.minusMonths(this.book.rule(WarningRuleCode.RECENT_SHOCK).parameter("months"));
	}

	private WarningFacts facts(HouseholdRow h) {
		List<WarningYear> years = new ArrayList<>(h.assessments().size());
		for (AssessmentRow a : h.assessments()) {
			Line line = line(a.standardKey(), h.provinceCode(), h.urban());
			years.add(new WarningYear(a.year(), a.classification(), a.incomePerCapita(), a.deprivations(),
					(line != null) ? line.povertyLine() : null, (line != null) ? line.cutoff() : null, a.decidedOn()));
		}
		return new WarningFacts(years, h.birthDates(),
				h.events().stream().map((e) -> new WarningEvent(e.type(), e.date())).toList());
	}

	/** A standard's poverty line and deprivation cut-off for an area. */
	private record Line(Long povertyLine, Integer cutoff) {
	}

	private Line line(String standardKey, String provinceCode, boolean urban) {
		String key = standardKey + "|" + provinceCode + "|" + urban;
		return this.lines.computeIfAbsent(key, (k) -> {
			Standard standard = this.standards.find(standardKey, provinceCode)
				.or(() -> this.standards.find(standardKey))
				.orElse(null);
			WayRules income = (standard != null) ? standard.incomeWay() : null;
			if (income == null) {
				return new Line(null, null);
			}
			return new Line(income.povertyLine().of(urban).value(), (int) income.deprivationCutoff().value());
		});
	}

	// ------------------------------------------------------------------ words

	/** The reasons of a score in the reader's language, heaviest first. */
	public List<String> describe(WarningScore score, Locale locale) {
		return score.reasons().stream().map((r) -> describe(r, locale)).toList();
	}

	private String describe(WarningReason reason, Locale locale) {
		WarningRule rule = this.book.rule(reason.code());
		String text = english(locale) ? rule.reasonEn() : rule.reason();
		for (int i = 0; i < reason.values().size(); i++) {
			text = text.replace("{" + i + "}", value(reason.values().get(i), locale));
		}
		return text;
	}

	private String value(Object value, Locale locale) {
		if (value instanceof LocalDate d) {
			return DAY.format(d);
		}
		if (value instanceof Long vnd) {
			return Vnd.digits(vnd, locale);
		}
		if (value instanceof List<?> events) {
			List<String> out = new ArrayList<>();
			for (Object o : events) {
				WarningEvent e = (WarningEvent) o;
				String other = this.messages.getMessage("exits.warning.event.adverse", null, locale);
				out.add(this.messages.getMessage("exits.event.type." + e.type(), null, other, locale) + " ("
						+ DAY.format(e.date()) + ")");
			}
			return String.join("; ", out);
		}
		return String.valueOf(value);
	}

	/** Whether the reader reads English. */
	public static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
