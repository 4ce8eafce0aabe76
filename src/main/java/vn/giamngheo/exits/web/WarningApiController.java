package vn.giamngheo.exits.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.exits.EarlyWarnings;
import vn.giamngheo.exits.EarlyWarnings.Backtest;
import vn.giamngheo.exits.EarlyWarnings.Worklist;

/**
 * The early-warning worklist and its backtest (ADR 0042).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cảnh báo sớm nguy cơ nghèo / Early warning")
public class WarningApiController {

	private final EarlyWarnings warnings;

	public WarningApiController(EarlyWarnings warnings) {
		this.warnings = warnings;
	}

	/**
	 * A listed household.
	 *
	 * @param rank its place (1 = most at risk)
	 * @param householdId id
	 * @param householdCode household code
	 * @param household the head's name
	 * @param village village
	 * @param commune commune
	 * @param score points
	 * @param topTenth in the top tenth of the unit's candidates
	 * @param reasons why, in the request's language
	 */
	public record ItemJson(int rank, UUID householdId, String householdCode, String household, String village,
			String commune, int score, boolean topTenth, List<String> reasons) {
	}

	/**
	 * A page of the list.
	 *
	 * @param unit the unit's name
	 * @param year the list's year
	 * @param candidates households scored (active, latest class not poor)
	 * @param total households listed (score above zero)
	 * @param items the page
	 */
	public record PageJson(String unit, int year, int candidates, int total, List<ItemJson> items) {
	}

	@Operation(summary = "Danh sách cảnh báo sớm của một đơn vị / A unit's early-warning list")
	@GetMapping("/early-warnings")
	public PageJson list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Locale locale) {
		Worklist w = this.warnings.list((unit != null) ? unit : this.warnings.defaultUnit(), year, page, size, locale);
		return new PageJson(w.unit().name(), w.year(), w.candidates(), w.listed(),
				w.items()
					.stream()
					.map((i) -> new ItemJson(i.rank(), i.householdId(), i.code(), i.headName(), i.village(),
							i.commune(), i.score(), i.topTenth(), i.reasons()))
					.toList());
	}

	/**
	 * A backtest.
	 *
	 * @param unit the unit's name
	 * @param year Y: who became poor in Y, against the list of Y−1
	 * @param candidates households on the base of the Y−1 list
	 * @param listed of them, listed (score above zero)
	 * @param topTenth places in the top tenth
	 * @param fell candidates poor in Y (fell back or newly poor)
	 * @param caught of them, in the top tenth of the Y−1 list
	 * @param share caught / fell (null when none fell)
	 * @param baseRate fell / candidates
	 * @param topTenthRate caught / top tenth
	 * @param lift top-tenth rate over base rate
	 */
	public record BacktestJson(String unit, int year, int candidates, int listed, int topTenth, int fell, int caught,
			Double share, Double baseRate, Double topTenthRate, Double lift) {
	}

	@Operation(summary = "Kiểm định ngược danh sách cảnh báo năm trước / Backtest of the previous year's list")
	@GetMapping("/early-warnings/backtest")
	public BacktestJson backtest(@RequestParam(required = false) Long unit, @RequestParam int year) {
		Backtest b = this.warnings.backtest((unit != null) ? unit : this.warnings.defaultUnit(), year);
		return new BacktestJson(b.unit().name(), b.year(), b.candidates(), b.listed(), b.topTenth(), b.fell(),
				b.caught(), b.share(), b.baseRate(), b.topTenthRate(), b.lift());
	}

}
