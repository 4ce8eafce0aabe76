package vn.giamngheo.targets.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.targets.IndicatorDef;
import vn.giamngheo.targets.IndicatorValue;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.ScorecardRow;
import vn.giamngheo.targets.Target;
import vn.giamngheo.targets.TargetProgress;
import vn.giamngheo.targets.Targets;
import vn.giamngheo.targets.Targets.EntryLine;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.targets.TargetFigures;

/**
 * Resolutions, targets, progress, scorecard and entered indicator values as a JSON API.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Chỉ tiêu nghị quyết / Resolution targets")
public class TargetsApiController {

	/** When the figures of a response were computed (ISO-8601, Viet Nam's offset). */
	static final String COMPUTED_AT = "Figures-Computed-At";

	private final Targets targets;

	private final TargetFigures figures;

	public TargetsApiController(Targets targets, TargetFigures figures) {
		this.targets = targets;
		this.figures = figures;
	}

	@GetMapping("/indicators")
	@Operation(summary = "Danh mục chỉ số: tính từ sổ hộ, trạng thái đơn vị, nhập theo đơn vị và năm")
	public List<IndicatorDef> indicators() {
		return this.targets.catalogue().all();
	}

	@GetMapping("/resolutions")
	@Operation(summary = "Các nghị quyết trong phạm vi của người dùng")
	public List<Resolution> resolutions() {
		return this.targets.resolutions();
	}

	@Requires(Permission.RESOLUTION_EDIT)
	@PostMapping(value = "/resolutions", consumes = { "application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Nhập một nghị quyết từ tệp YAML (cán bộ tỉnh, quản trị)")
	public Resolution importResolution(@RequestBody String yaml) {
		return this.targets.importFile(yaml);
	}

	@GetMapping("/resolutions/{id}")
	@Operation(summary = "Một nghị quyết")
	public Resolution resolution(@PathVariable long id) {
		return this.targets.resolution(id);
	}

	@GetMapping("/resolutions/{id}/targets")
	@Operation(summary = "Các chỉ tiêu của nghị quyết, với trích dẫn câu gốc")
	public List<Target> targets(@PathVariable long id) {
		return this.targets.targets(id);
	}

	@GetMapping("/resolutions/{id}/progress")
	@Operation(summary = "Tiến độ từng chỉ tiêu cho một đơn vị: thực hiện, đánh giá, quy tắc, dự báo")
	public ResponseEntity<List<TargetProgress>> progress(@PathVariable long id,
			@RequestParam(required = false) Long unit) {
		// read from storage while current (ADR 0056); the headers say how fresh
		StoredFigures.Stored<TargetFigures.Progress> stored = this.figures.progress(id, unit);
		return ResponseEntity.ok().header(COMPUTED_AT, stored.computedAt().toString()).body(stored.value().progress());
	}

	@GetMapping("/resolutions/{id}/scorecard")
	@Operation(summary = "Xếp hạng các đơn vị theo mức hoàn thành chỉ tiêu")
	public ResponseEntity<List<ScorecardRow>> scorecard(@PathVariable long id) {
		StoredFigures.Stored<TargetFigures.Scorecard> stored = this.figures.scorecard(id);
		return ResponseEntity.ok().header(COMPUTED_AT, stored.computedAt().toString()).body(stored.value().rows());
	}

	@GetMapping("/indicator-values")
	@Operation(summary = "Số liệu nhập của một đơn vị trong một năm")
	public List<EntryLine> values(@RequestParam long unit, @RequestParam int year) {
		return this.targets.entryForm(unit, year);
	}

	@GetMapping("/indicator-values/rollups")
	@Operation(summary = "Giá trị của một chỉ số nhập tổng hợp từ các đơn vị cấp dưới (kèm số xã đã báo cáo)")
	public vn.giamngheo.targets.domain.Rollup.Result rollup(@RequestParam String indicator, @RequestParam long unit,
			@RequestParam int year) {
		return this.targets.rollup(indicator, unit, year);
	}

	/**
	 * Values to save for a unit and year.
	 *
	 * @param unit unit id
	 * @param year year
	 * @param values indicator code → value
	 * @param comment comment
	 */
	public record ValuesBody(Long unit, Integer year, Map<String, String> values, String comment) {
	}

	@Requires(Permission.TARGET_ENTRY)
	@PutMapping(value = "/indicator-values", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Nhập số liệu (kiểm tra giới hạn; không lưu gì nếu một giá trị sai)")
	public Map<String, Integer> enter(@RequestBody ValuesBody body) {
		if (body.unit() == null || body.year() == null || body.values() == null) {
			throw vn.giamngheo.shared.error.DomainException.invalid(List
				.of(new vn.giamngheo.shared.error.DomainException.FieldProblem("unit", "error.field.required")));
		}
		return Map.of("saved", this.targets.enter(body.unit(), body.year(), body.values(), body.comment()));
	}

	@Requires(Permission.TARGET_APPROVAL)
	@PostMapping("/indicator-values/{id}/approvals")
	@Operation(summary = "Duyệt một số liệu đã nhập (người khác người nhập)")
	public IndicatorValue approve(@PathVariable long id, @RequestParam int version) {
		return this.targets.decide(id, true, version);
	}

	@Requires(Permission.TARGET_APPROVAL)
	@PostMapping("/indicator-values/{id}/returns")
	@Operation(summary = "Trả lại một số liệu để nhập lại")
	public IndicatorValue reject(@PathVariable long id, @RequestParam int version) {
		return this.targets.decide(id, false, version);
	}

}
