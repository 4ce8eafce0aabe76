package vn.giamngheo.models.web;

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

import vn.giamngheo.models.ModelInput;
import vn.giamngheo.models.Participant;
import vn.giamngheo.models.PovertyModel;
import vn.giamngheo.models.PovertyModels;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The poverty-reduction models as a JSON API. */
@RestController
@RequestMapping("/api/v1/poverty-models")
@Tag(name = "Mô hình giảm nghèo / Poverty-reduction models")
class ModelApiController {

	private final PovertyModels models;

	ModelApiController(PovertyModels models) {
		this.models = models;
	}

	@GetMapping
	@Operation(
			summary = "Danh sách mô hình (lọc theo đơn vị, loại), mỗi mô hình kèm tỷ lệ hộ nghèo của hộ tham gia trước/sau")
	Page<PovertyModels.Listed> list(@RequestParam(required = false) Long unit,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.models.list(unit, type, page, size);
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Đăng ký một mô hình (đơn vị chủ trì, nơi triển khai, thời gian, kinh phí theo nguồn)")
	PovertyModel create(@RequestBody ModelInput body) {
		return this.models.create(body);
	}

	@GetMapping("/{modelId}")
	@Operation(summary = "Một mô hình: hộ tham gia, kết quả so với hộ cùng xã không tham gia, nơi nhân rộng")
	PovertyModels.ModelView get(@PathVariable("modelId") UUID id) {
		return this.models.view(id);
	}

	@Requires(Permission.POVERTY_MODELS)
	@PutMapping("/{modelId}")
	@Operation(summary = "Sửa một mô hình (gửi kèm version; bản cũ → 409)")
	PovertyModel update(@PathVariable("modelId") UUID id, @RequestBody Edit body) {
		return this.models.update(id, version(body.version()), body.data());
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/{modelId}/void")
	@Operation(summary = "Hủy bỏ mô hình với lý do (không xóa)")
	PovertyModel voidModel(@PathVariable("modelId") UUID id, @RequestBody Voiding body) {
		return this.models.voidModel(id, version(body.version()), body.reason());
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/{modelId}/participants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Thêm hộ tham gia (hộ phải ở nơi mô hình triển khai, nếu không → 422)")
	Participant join(@PathVariable("modelId") UUID id, @RequestBody Joining body) {
		return this.models.addParticipant(id, version(body.version()), body.householdId(), body.householdCode(),
				body.joinedOn(), body.leftOn());
	}

	@Requires(Permission.POVERTY_MODELS)
	@PutMapping("/{modelId}/participants/{householdId}")
	@Operation(summary = "Sửa ngày tham gia / ngày rời mô hình của một hộ")
	Participant change(@PathVariable("modelId") UUID id, @PathVariable("householdId") UUID householdId,
			@RequestBody Joining body) {
		return this.models.changeParticipant(id, version(body.version()), householdId, body.joinedOn(), body.leftOn());
	}

	static int version(Integer version) {
		if (version == null) {
			throw DomainException.invalid(List.of(new FieldProblem("version", "error.field.required")));
		}
		return version;
	}

	/**
	 * An edit.
	 *
	 * @param version the version read
	 * @param data the new values (units null: kept)
	 */
	record Edit(Integer version, ModelInput data) {
	}

	/**
	 * Voiding with a reason.
	 *
	 * @param version the version read
	 * @param reason why
	 */
	record Voiding(Integer version, String reason) {
	}

	/**
	 * A household joining (or its dates changed).
	 *
	 * @param version the model's version read
	 * @param householdId the household (or its code)
	 * @param householdCode the household's code
	 * @param joinedOn the day it joined
	 * @param leftOn the day it left, or null
	 */
	record Joining(Integer version, UUID householdId, String householdCode, LocalDate joinedOn, LocalDate leftOn) {
	}

}
