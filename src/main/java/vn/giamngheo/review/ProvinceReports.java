package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.review.domain.DocumentForm;
import vn.giamngheo.review.domain.ReviewCalendar.Deadline;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Transition;
import vn.giamngheo.review.persistence.ReviewRepository;
import vn.giamngheo.review.persistence.ReviewRepository.ClassGroup;
import vn.giamngheo.review.persistence.ReviewRepository.ReportUnit;

/**
 * The province's result reports of a periodic review (Decision 24/2021/QĐ-TTg Art. 4):
 * the preliminary report (before 15/11) and the official one (before 20/12). Per commune,
 * with district subtotals when the communes sit under districts: households and persons
 * by class, poverty and near-poverty rates against the registry's active households, and
 * the transitions (exited, new, fell back); communes not yet approved are marked.
 */
@Service
public class ProvinceReports {

	/** The two reports. */
	public enum Kind {

		PRELIMINARY, OFFICIAL

	}

	/**
	 * Number and symbol of a report of the province's committee: the number is given when
	 * it is signed (Nghị định 30/2020/NĐ-CP Art. 15), so it is left blank.
	 */
	static final String REPORT_NUMBER = DocumentForm.blankNumber("BC-UBND");

	/** The ministry in charge of poverty reduction took over from MOLISA on this day. */
	static final LocalDate MINISTRY_OF_AGRICULTURE_AND_ENVIRONMENT = LocalDate.of(2025, 3, 1);

	private final ReviewRepository reviews;

	private final ReviewGuard guard;

	private final Letterheads letterheads;

	ProvinceReports(ReviewRepository reviews, ReviewGuard guard, Letterheads letterheads) {
		this.reviews = reviews;
		this.guard = guard;
		this.letterheads = letterheads;
	}

	/** The report of a review over the communes in the user's view scope. */
	@Transactional(readOnly = true)
	public ProvinceReport report(UUID reviewId, Kind kind) {
		Review review = this.guard.review(reviewId);
		List<ReportUnit> units = this.reviews.reportUnits(reviewId, this.guard.actor.get().scope().viewPatterns());
		List<Long> ids = units.stream().map(ReportUnit::communeId).toList();
		Map<Long, Figures> figures = new HashMap<>();
		this.reviews.classGroups(reviewId, ids, (g) -> figures.merge(g.communeId(), Figures.of(g), Figures::plus));
		Map<Long, long[]> population = this.reviews.population(ids);
		List<Line> lines = new ArrayList<>();
		Map<Long, List<Line>> byDistrict = new LinkedHashMap<>();
		Figures total = Figures.ZERO;
		long notApproved = 0;
		for (ReportUnit u : units) {
			long[] pop = population.getOrDefault(u.communeId(), new long[2]);
			Figures f = figures.getOrDefault(u.communeId(), Figures.ZERO).withPopulation(pop[0], pop[1]);
			boolean approved = SignOff.APPROVED.name().equals(u.signOff());
			notApproved += approved ? 0 : 1;
			Line line = new Line("COMMUNE", u.communeId(), u.communeName(), u.districtName(), u.signOff(), approved, f);
			total = total.plus(f);
			byDistrict.computeIfAbsent((u.districtId() != null) ? u.districtId() : 0L, (k) -> new ArrayList<>())
				.add(line);
		}
		for (Map.Entry<Long, List<Line>> district : byDistrict.entrySet()) {
			List<Line> communes = district.getValue();
			if (district.getKey() != 0L) {
				Figures sum = communes.stream().map(Line::figures).reduce(Figures.ZERO, Figures::plus);
				boolean all = communes.stream().allMatch(Line::approved);
				lines.add(new Line("DISTRICT", district.getKey(), communes.get(0).district(), null, null, all, sum));
			}
			lines.addAll(communes);
		}
		LocalDate today = this.guard.today();
		Deadline due = this.guard.calendar()
			.deadlines(review.year())
			.stream()
			.filter((d) -> d.key().equals(kind.name()))
			.findFirst()
			.orElseThrow();
		return new ProvinceReport(review, kind, due, today, due.overdue(today, false), lines, total, notApproved,
				this.letterheads.committee(review.provinceId(), today, REPORT_NUMBER));
	}

	/**
	 * A province report.
	 *
	 * @param review the review
	 * @param kind preliminary or official
	 * @param due its deadline
	 * @param today the day it was made
	 * @param overdue past its deadline
	 * @param lines districts (subtotals) and communes
	 * @param total the sum over the communes
	 * @param notApproved communes not yet approved
	 * @param head the province's committee as on the day it was made
	 */
	public record ProvinceReport(Review review, Kind kind, Deadline due, LocalDate today, boolean overdue,
			List<Line> lines, Figures total, long notApproved, Letterhead head) {

		/**
		 * The ministry the report goes to, as on its day: the Ministry of Agriculture and
		 * Environment from 01/03/2025, before it the Ministry of Labour, Invalids and
		 * Social Affairs (a message key).
		 */
		public String ministry() {
			return this.today.isBefore(MINISTRY_OF_AGRICULTURE_AND_ENVIRONMENT) ? "doc.to.molisa" : "doc.to.mae";
		}

		/** The communes of the report. */
		public long communes() {
			return this.lines.stream().filter((l) -> "COMMUNE".equals(l.level())).count();
		}

		/**
		 * The total row's label (a message key): a total when every commune is approved,
		 * else a provisional sum with its coverage ({@link #totalArgs}).
		 */
		public String totalKey() {
			return (this.notApproved == 0) ? "review.total" : "review.report.totalProvisional";
		}

		/** The arguments of {@link #totalKey}: approved communes, all communes. */
		public Object[] totalArgs() {
			long communes = communes();
			return new Object[] { communes - this.notApproved, communes };
		}

	}

	/**
	 * A line of the report.
	 *
	 * @param level COMMUNE or DISTRICT (subtotal)
	 * @param unitId unit
	 * @param name unit name
	 * @param district district of a commune, or {@code null}
	 * @param signOff sign-off of a commune
	 * @param approved approved (a district: all its communes)
	 * @param figures the figures
	 */
	public record Line(String level, long unitId, String name, String district, String signOff, boolean approved,
			Figures figures) {
	}

	/**
	 * The figures of a commune, district or province.
	 *
	 * @param households active households in the registry
	 * @param persons their living members
	 * @param poor poor households (this year's class)
	 * @param poorPersons persons of poor households
	 * @param nearPoor near-poor households
	 * @param nearPoorPersons persons of near-poor households
	 * @param exited households that left the lists (exited poor or near-poor)
	 * @param newlyListed households new to the lists (new poor or near-poor)
	 * @param fellBack households back on the lists (fell back poor or near-poor)
	 * @param pending listed households not surveyed yet
	 */
	public record Figures(long households, long persons, long poor, long poorPersons, long nearPoor,
			long nearPoorPersons, long exited, long newlyListed, long fellBack, long pending) {

		static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		static Figures of(ClassGroup g) {
			if (g.pending() || g.thisClass() == null) {
				return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, g.households());
			}
			Transition t = Transition.of(g.lastClass(), g.thisClass(), g.everPoor(), g.everNearPoor());
			boolean poor = Transition.POOR.equals(g.thisClass());
			boolean near = Transition.NEAR_POOR.equals(g.thisClass());
			long n = g.households();
			return new Figures(0, 0, poor ? n : 0, poor ? g.persons() : 0, near ? n : 0, near ? g.persons() : 0,
					(t == Transition.EXITED_POOR || t == Transition.EXITED_NEAR_POOR) ? n : 0,
					(t == Transition.NEW_POOR || t == Transition.NEW_NEAR_POOR) ? n : 0,
					(t == Transition.FELL_BACK_POOR || t == Transition.FELL_BACK_NEAR_POOR) ? n : 0, 0);
		}

		Figures withPopulation(long households, long persons) {
			return new Figures(households, persons, this.poor, this.poorPersons, this.nearPoor, this.nearPoorPersons,
					this.exited, this.newlyListed, this.fellBack, this.pending);
		}

		Figures plus(Figures o) {
			return new Figures(this.households + o.households, this.persons + o.persons, this.poor + o.poor,
					this.poorPersons + o.poorPersons, this.nearPoor + o.nearPoor,
					this.nearPoorPersons + o.nearPoorPersons, this.exited + o.exited, this.newlyListed + o.newlyListed,
					this.fellBack + o.fellBack, this.pending + o.pending);
		}

		/**
		 * Poor households per 100 active households (two decimals), 0 without households.
		 */
		public double poorRate() {
			return rate(this.poor);
		}

		/** Near-poor households per 100 active households (two decimals). */
		public double nearPoorRate() {
			return rate(this.nearPoor);
		}

		private double rate(long n) {
			return (this.households == 0) ? 0 : Math.round(n * 10000.0 / this.households) / 100.0;
		}

	}

}
