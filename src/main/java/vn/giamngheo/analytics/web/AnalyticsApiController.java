package vn.giamngheo.analytics.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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

	@GetMapping("/series")
	@Operation(summary = "Tỷ lệ nghèo, cận nghèo theo năm của một đơn vị và nhóm hộ")
	public List<YearRow> series(@RequestParam long unit, @RequestParam(required = false) String group) {
		return this.aggregates.series(unit, group(group)).stream().map(YearRow::of).toList();
	}

	@GetMapping("/children")
	@Operation(summary = "Các đơn vị trực thuộc trong một năm (so sánh)")
	public List<UnitRow> children(@RequestParam long unit, @RequestParam int year,
			@RequestParam(required = false) String group) {
		List<UnitFigures> rows = this.aggregates.byChildren(unit, year, group(group));
		return rows.stream().map((r) -> new UnitRow(r.unitId(), r.code(), r.name(), YearRow.of(r.figures()))).toList();
	}

	@GetMapping("/flows")
	@Operation(summary = "Biến động hộ nghèo theo năm: thoát nghèo, phát sinh, tái nghèo")
	public List<Flow> flows(@RequestParam long unit) {
		return this.aggregates.flows(unit);
	}

	@GetMapping("/cohorts")
	@Operation(summary = "Tính bền vững: hộ thoát nghèo năm t nghèo lại trong 1, 2, 3 năm")
	public List<Cohort> cohorts(@RequestParam long unit) {
		return this.aggregates.cohorts(unit);
	}

	@GetMapping("/deprivations")
	@Operation(summary = "Mức thiếu hụt theo chỉ số của các đơn vị trực thuộc")
	public List<Deprivation> deprivations(@RequestParam long unit, @RequestParam int year) {
		return this.aggregates.deprivations(unit, year);
	}

	@Requires(Permission.ANALYTICS_REFRESH)
	@PostMapping("/refreshes")
	@Operation(summary = "Tính lại số liệu tổng hợp của một tỉnh (cán bộ tỉnh, quản trị)")
	public RefreshReport refresh(@RequestParam String province) {
		return this.aggregates.refreshByUser(province);
	}

}
