package vn.giamngheo.exits.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.exits.ExitPlan;
import vn.giamngheo.exits.ExitPlanCheckpointInput;
import vn.giamngheo.exits.ExitPlanDecision;
import vn.giamngheo.exits.ExitPlanFunding;
import vn.giamngheo.exits.ExitPlanInput;
import vn.giamngheo.exits.ExitPlanWithdrawal;
import vn.giamngheo.exits.ExitPlans;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Exit registrations (đăng ký thoát nghèo) with their plans as a JSON API (ADR 0040). */
@RestController
@RequestMapping("/api/v1/exit-registrations")
@Tag(name = "Đăng ký thoát nghèo / Exit registrations")
class ExitPlanApiController {

	private final ExitPlans plans;

	ExitPlanApiController(ExitPlans plans) {
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "Danh sách đăng ký thoát nghèo (lọc theo đơn vị, năm mục tiêu, trạng thái)")
	Page<ExitPlan> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.plans.list(unit, year, status, page, size);
	}

	@GetMapping("/{planId}")
	@Operation(summary = "Một đăng ký với kế hoạch, các lần theo dõi và kết quả")
	ExitPlan get(@PathVariable("planId") UUID id) {
		return this.plans.get(id);
	}

	@GetMapping("/{planId}/funding")
	@Operation(summary = "Các khoản hỗ trợ đã nhận được tính cho kế hoạch")
	List<ExitPlanFunding> funding(@PathVariable("planId") UUID id) {
		return this.plans.funding(id);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Đăng ký thoát nghèo cho một hộ nghèo hoặc cận nghèo, kèm kế hoạch")
	ExitPlan register(@RequestBody ExitPlanInput body) {
		return this.plans.register(body);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/{planId}")
	@Operation(summary = "Sửa kế hoạch khi chưa được xét duyệt (kèm phiên bản)")
	ExitPlan edit(@PathVariable("planId") UUID id, @RequestBody ExitPlanInput body) {
		return this.plans.edit(id, body);
	}

	@Requires(Permission.EXIT_PLAN_APPROVAL)
	@PostMapping("/{planId}/approval")
	@Operation(summary = "Phê duyệt (người khác với người đăng ký; số và ngày quyết định)")
	ExitPlan approve(@PathVariable("planId") UUID id, @RequestBody ExitPlanDecision body) {
		return this.plans.approve(id, body);
	}

	@Requires(Permission.EXIT_PLAN_APPROVAL)
	@PostMapping("/{planId}/rejection")
	@Operation(summary = "Không phê duyệt (kèm lý do)")
	ExitPlan reject(@PathVariable("planId") UUID id, @RequestBody ExitPlanDecision body) {
		return this.plans.reject(id, body);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/{planId}/withdrawal")
	@Operation(summary = "Rút đăng ký (kèm lý do)")
	ExitPlan withdraw(@PathVariable("planId") UUID id, @RequestBody ExitPlanWithdrawal body) {
		return this.plans.withdraw(id, body);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/{planId}/checkpoints")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ghi một lần theo dõi tiến độ")
	ExitPlan checkpoint(@PathVariable("planId") UUID id, @RequestBody ExitPlanCheckpointInput body) {
		return this.plans.checkpoint(id, body);
	}

}
