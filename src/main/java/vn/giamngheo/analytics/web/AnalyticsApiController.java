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

	/** One year of a unit with its rates. */
	public record YearRow(int year, String standardKey, long households, long persons, long poorHouseholds,
			long nearPoorHouseholds, Double poorRate, Double nearPoorRate, Long poorIncomePerHead,
			Double poorMeanDeprivations) {

		static YearRow of(Figures f) {
			return new YearRow(f.year(), f.standardKey(), f.households(), f.persons(), f.poorHouseholds(),
					f.nearPoorHouseholds(), f.poorRate(), f.nearPoorRate(), f.poorIncomePerHead(),
					f.poorMeanDeprivations());
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

	@GetMapping("/series")
	@Operation(summary = "Tỷ lệ nghèo, cận nghèo theo năm của một đơn vị và nhóm hộ")
	public ResponseEntity<List<YearRow>> series(@RequestParam long unit, @RequestParam(required = false) String group) {
		return fresh(unit, this.aggregates.series(unit, group(group)).stream().map(YearRow::of).toList());
	}

	@GetMapping("/children")
	@Operation(summary = "Các đơn vị trực thuộc trong một năm (so sánh)")
	public ResponseEntity<List<UnitRow>> children(@RequestParam long unit, @RequestParam int year,
			@RequestParam(required = false) String group) {
		List<UnitFigures> rows = this.aggregates.byChildren(unit, year, group(group));
		return fresh(unit,
				rows.stream()
					.map((r) -> new UnitRow(r.unitId(), r.code(), r.name(), YearRow.of(r.figures())))
					.toList());
	}

	@GetMapping("/flows")
	@Operation(summary = "Biến động hộ nghèo theo năm: thoát nghèo, phát sinh, tái nghèo")
	public ResponseEntity<List<Flow>> flows(@RequestParam long unit) {
		return fresh(unit, this.aggregates.flows(unit));
	}

	@GetMapping("/cohorts")
	@Operation(summary = "Tính bền vững: hộ thoát nghèo năm t nghèo lại trong 1, 2, 3 năm")
	public ResponseEntity<List<Cohort>> cohorts(@RequestParam long unit) {
		return fresh(unit, this.aggregates.cohorts(unit));
	}

	@GetMapping("/deprivations")
	@Operation(summary = "Mức thiếu hụt theo chỉ số của các đơn vị trực thuộc")
	public ResponseEntity<List<Deprivation>> deprivations(@RequestParam long unit, @RequestParam int year) {
		return fresh(unit, this.aggregates.deprivations(unit, year));
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
