package vn.giamngheo.benefits.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.benefits.BenefitInput;
import vn.giamngheo.benefits.BenefitLedger;
import vn.giamngheo.benefits.BenefitRecord;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The benefit ledger as a JSON API (a partner sees and writes its own agency's only). */
@RestController
@RequestMapping("/api/v1/benefits")
@Tag(name = "Sổ hỗ trợ / Benefit ledger")
class BenefitApiController {

	private final BenefitLedger ledger;

	BenefitApiController(BenefitLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping
	@Operation(summary = "Danh sách hỗ trợ đã ghi (lọc theo đơn vị, chính sách, trạng thái, năm, hộ)")
	Page<BenefitRecord> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String policy,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) UUID household, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.ledger.list(unit, policy, status, year, household, page, size);
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ghi một khoản hỗ trợ (các nguồn phải cộng bằng số tiền)")
	BenefitRecord create(@RequestBody BenefitInput body) {
		return this.ledger.record(body);
	}

	@GetMapping("/{recordId}")
	@Operation(summary = "Một khoản hỗ trợ")
	BenefitRecord get(@PathVariable("recordId") UUID id) {
		return this.ledger.get(id);
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PutMapping("/{recordId}")
	@Operation(summary = "Sửa một khoản hỗ trợ (gửi kèm version và lý do; bản cũ được giữ trong lịch sử; bản cũ → 409)")
	BenefitRecord correct(@PathVariable("recordId") UUID id, @RequestBody Correction body) {
		return this.ledger.correct(id, version(body.version()), body.data(), body.reason());
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/{recordId}/status")
	@Operation(summary = "Chuyển trạng thái: kế hoạch → phê duyệt → đã nhận → kết thúc; hủy; quá hạn (khoản vay)")
	BenefitRecord status(@PathVariable("recordId") UUID id, @RequestBody StatusChange body) {
		return this.ledger.changeStatus(id, version(body.version()), body.status(), body.deliveredOn(), body.reason());
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/{recordId}/void")
	@Operation(summary = "Hủy bỏ bản ghi với lý do (không xóa)")
	BenefitRecord voidRecord(@PathVariable("recordId") UUID id, @RequestBody Voiding body) {
		return this.ledger.voidRecord(id, version(body.version()), body.reason());
	}

	@GetMapping("/{recordId}/history")
	@Operation(summary = "Các phiên bản của bản ghi (cũ trước, hiện tại sau)")
	List<BenefitLedger.Version> history(@PathVariable("recordId") UUID id) {
		return this.ledger.history(id);
	}

	static int version(Integer version) {
		if (version == null) {
			throw DomainException.invalid(List.of(new FieldProblem("version", "error.field.required")));
		}
		return version;
	}

	/**
	 * A correction.
	 *
	 * @param version the version read
	 * @param reason why
	 * @param data the corrected values
	 */
	record Correction(Integer version, String reason, BenefitInput data) {
	}

	/**
	 * A status change.
	 *
	 * @param version the version read
	 * @param status the new status
	 * @param deliveredOn the day delivered (to a delivered status)
	 * @param reason why (optional)
	 */
	record StatusChange(Integer version, String status, LocalDate deliveredOn, String reason) {
	}

	/**
	 * Voiding (or withdrawing) with a reason.
	 *
	 * @param version the version read
	 * @param reason why
	 */
	record Voiding(Integer version, String reason) {
	}

}
