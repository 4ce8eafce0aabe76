package vn.giamngheo.benefits.web;

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

import vn.giamngheo.benefits.DemandInput;
import vn.giamngheo.benefits.Demands;
import vn.giamngheo.benefits.SupportDemand;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The demand of households and members as a JSON API. */
@RestController
@RequestMapping("/api/v1/support-demands")
@Tag(name = "Nhu cầu hỗ trợ / Support demand")
class DemandApiController {

	private final Demands demands;

	DemandApiController(Demands demands) {
		this.demands = demands;
	}

	@GetMapping
	@Operation(summary = "Danh sách nhu cầu (lọc theo đơn vị, loại, trạng thái, hộ)")
	Page<SupportDemand> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) UUID household,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.demands.list(unit, kind, status, household, page, size);
	}

	@GetMapping("/{demandId}")
	@Operation(summary = "Một nhu cầu")
	SupportDemand get(@PathVariable("demandId") UUID id) {
		return this.demands.get(id);
	}

	@Requires(Permission.SUPPORT_DEMAND)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Đăng ký nhu cầu của hộ hoặc một thành viên")
	SupportDemand register(@RequestBody DemandInput body) {
		return this.demands.register(body);
	}

	@Requires(Permission.SUPPORT_DEMAND)
	@PostMapping("/{demandId}/withdrawal")
	@Operation(summary = "Rút nhu cầu với lý do")
	SupportDemand withdraw(@PathVariable("demandId") UUID id, @RequestBody BenefitApiController.Voiding body) {
		return this.demands.withdraw(id, BenefitApiController.version(body.version()), body.reason());
	}

}
