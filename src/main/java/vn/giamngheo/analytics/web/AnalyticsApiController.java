package vn.giamngheo.analytics.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Cohort;
import vn.giamngheo.analytics.Deprivation;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.Flow;
import vn.giamngheo.analytics.Freshness;
import vn.giamngheo.analytics.RefreshReport;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Rates, flows, cohorts and deprivations of a unit, read from the aggregates. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Phân tích / Analytics")
public class AnalyticsApiController {

	private final Aggregates aggregates;

	public AnalyticsApiController(Aggregates aggregates) {
		this.aggregates = aggregates;
	}

	static Group group(String code) {
		try {
			return Group.parse(code);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(List.of(new FieldProblem("group", "error.field.invalid", ex.getMessage())));
		}
	}

	/**
	 * How much of the unit a year's figures cover.
	 *
	 * @param review the year has a review (communes: the review's)
	 * @param communesDone communes recognised (and approved where it applies), or with
	 * figures when there is no review
	 * @param communes communes of the unit in the review, or with figures
	 * @param householdsAssessed households recognised in the year itself
	 * @param households active households of the unit
	 */
	public record Coverage(boolean review, int communesDone, int communes, long householdsAssessed, long households) {

		static Coverage of(YearStatus s) {
			return new Coverage(s.review(), s.communesDone(), s.communes(), s.householdsAssessed(), s.households());
		}

	}

	/**
	 * One year of a unit with its rates, and whether they are final.
	 *
	 * @param status FINAL, or PROVISIONAL while the year's review is in progress (then
	 * read {@code coverage}, and never take the figures as the unit's)
	 * @param coverage how much of the unit the year's figures cover
	 * @param basis OWN; REBASED for a 2025 unit's year before the reform (its households
	 * of today counted back: "số liệu tính lại theo địa giới mới"); CONTINUED for an
	 * ended unit's later year read for its resolution (ADR 0031)
	 */
	public record YearRow(int year, String standardKey, long households, long persons, long poorHouseholds,
			long nearPoorHouseholds, Double poorRate, Double nearPoorRate, Long poorIncomePerHead,
			Double poorMeanDeprivations, String status, Coverage coverage, String basis) {

		static YearRow of(Figures f, YearStatuses statuses) {
			YearStatus s = statuses.of(f.year()).orElse(null);
			return new YearRow(f.year(), f.standardKey(), f.households(), f.persons(), f.poorHouseholds(),
					f.nearPoorHouseholds(), f.poorRate(), f.nearPoorRate(), f.poorIncomePerHead(),
					f.poorMeanDeprivations(), (s == null) ? null : s.status().name(),
					(s == null) ? null : Coverage.of(s), (s == null) ? null : s.basis().name());
		}

	}

	/** One child unit with its rates. */
	public record UnitRow(long unitId, String code, String name, YearRow figures) {
	}

	/** When the unit's figures were last refreshed (ISO 8601, Viet Nam's offset). */
	public static final String REFRESHED_AT = "Figures-Refreshed-At";

	/** Communes of the unit whose changes are not counted yet (0: up to date). */
	public static final String PENDING = "Figures-Pending-Communes";

	/** Of them, those whose last refresh failed and is retried. */
	public static final String FAILING = "Figures-Failing-Communes";

	/** The year of a one-year answer (the last final year unless another was asked). */
	public static final String YEAR = "Figures-Year";

	/** FINAL or PROVISIONAL: the status of that year. */
	public static final String STATUS = "Figures-Status";

	/**
	 * A list of figures with the unit's freshness in headers ({@value #REFRESHED_AT},
	 * {@value #PENDING}, {@value #FAILING}); the same as {@code GET /freshness}.
	 */
	private <T> ResponseEntity<T> fresh(long unit, T body) {
		Freshness f = this.aggregates.freshness(unit);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.header(PENDING, String.valueOf(f.pendingCommunes()))
			.header(FAILING, String.valueOf(f.failingCommunes()));
		if (f.refreshedAt() != null) {
			response.header(REFRESHED_AT, f.refreshedAt().toString());
		}
		return response.body(body);
	}

	@GetMapping("/years")
	@Operation(summary = "Các năm của đơn vị: chính thức (FINAL) hay tạm tính (PROVISIONAL), với độ bao phủ")
	public ResponseEntity<List<YearStatus>> years(@RequestParam long unit) {
		return fresh(unit, this.aggregates.statuses(unit).years());
	}

	@GetMapping("/series")
	@Operation(summary = "Tỷ lệ nghèo, cận nghèo theo năm (chính thức; provisional=true thêm năm tạm tính)")
	public ResponseEntity<List<YearRow>> series(@RequestParam long unit, @RequestParam(required = false) String group,
			@RequestParam(defaultValue = "false") boolean provisional) {
		YearStatuses statuses = this.aggregates.statuses(unit);
		return fresh(unit,
				this.aggregates.series(unit, group(group))
					.stream()
					.filter((f) -> provisional || statuses.isFinal(f.year()))
					.map((f) -> YearRow.of(f, statuses))
					.toList());
	}

	/** The year asked for, else the last final year (the latest year without one). */
	private int year(long unit, Integer year, YearStatuses statuses) {
		if (year != null) {
			return year;
		}
		return statuses.shown(null, statuses.years().stream().map(YearStatus::year).toList())
			.orElseThrow(() -> DomainException.notFound("YEAR", unit));
	}

	private <T> ResponseEntity<T> oneYear(long unit, int year, YearStatuses statuses, T body) {
		ResponseEntity<T> fresh = fresh(unit, body);
		return ResponseEntity.ok()
			.headers(fresh.getHeaders())
			.header(YEAR, String.valueOf(year))
			.header(STATUS, statuses.of(year).map((s) -> s.status().name()).orElse(""))
			.body(body);
	}

	@GetMapping("/children")
	@Operation(summary = "Các đơn vị trực thuộc trong một năm (mặc định: năm chính thức gần nhất)")
	public ResponseEntity<List<UnitRow>> children(@RequestParam long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String group) {
		YearStatuses statuses = this.aggregates.statuses(unit);
		int y = year(unit, year, statuses);
		List<UnitFigures> rows = this.aggregates.byChildren(unit, y, group(group));
		return oneYear(unit, y, statuses,
				rows.stream()
					.map((r) -> new UnitRow(r.unitId(), r.code(), r.name(), YearRow.of(r.figures(), statuses)))
					.toList());
	}

	@GetMapping("/flows")
	@Operation(summary = "Biến động hộ nghèo theo năm (chính thức; provisional=true thêm năm tạm tính)")
	public ResponseEntity<List<Flow>> flows(@RequestParam long unit,
			@RequestParam(defaultValue = "false") boolean provisional) {
		YearStatuses statuses = this.aggregates.statuses(unit);
		return fresh(unit,
				this.aggregates.flows(unit).stream().filter((f) -> provisional || statuses.isFinal(f.year())).toList());
	}

	@GetMapping("/cohorts")
	@Operation(summary = "Tính bền vững: hộ thoát nghèo năm t nghèo lại trong 1, 2, 3 năm (năm thoát chính thức)")
	public ResponseEntity<List<Cohort>> cohorts(@RequestParam long unit,
			@RequestParam(defaultValue = "false") boolean provisional) {
		YearStatuses statuses = this.aggregates.statuses(unit);
		return fresh(unit,
				this.aggregates.cohorts(unit)
					.stream()
					.filter((c) -> provisional || statuses.isFinal(c.exitYear()))
					.toList());
	}

	@GetMapping("/deprivations")
	@Operation(summary = "Mức thiếu hụt theo chỉ số của các đơn vị trực thuộc (mặc định: năm chính thức gần nhất)")
	public ResponseEntity<List<Deprivation>> deprivations(@RequestParam long unit,
			@RequestParam(required = false) Integer year) {
		YearStatuses statuses = this.aggregates.statuses(unit);
		int y = year(unit, year, statuses);
		return oneYear(unit, y, statuses, this.aggregates.deprivations(unit, y));
	}

	@GetMapping("/freshness")
	@Operation(summary = "Số liệu của đơn vị cập nhật lúc nào, còn bao nhiêu xã đang chờ cập nhật")
	public Freshness freshness(@RequestParam long unit) {
		return this.aggregates.freshness(unit);
	}

	@Requires(Permission.ANALYTICS_REFRESH)
	@PostMapping("/refreshes")
	@Operation(summary = "Tính lại số liệu tổng hợp của một tỉnh (cán bộ tỉnh, quản trị)")
	public RefreshReport refresh(@RequestParam String province) {
		return this.aggregates.refreshByUser(province);
	}

}
