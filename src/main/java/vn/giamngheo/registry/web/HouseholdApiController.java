package vn.giamngheo.registry.web;

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

import vn.giamngheo.audit.AuditTrail.AuditEvent;
import vn.giamngheo.registry.Assessment;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.HouseholdRow;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The household registry as a JSON API. */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Hộ gia đình / Households")
public class HouseholdApiController {

	private final HouseholdRegistry registry;

	private final RegistryViews views;

	public HouseholdApiController(HouseholdRegistry registry, RegistryViews views) {
		this.registry = registry;
		this.views = views;
	}

	@GetMapping
	@Operation(summary = "Danh sách hộ (lọc theo đơn vị, thôn, phân loại, năm; tìm theo tên chủ hộ hoặc CCCD)",
			description = "total đếm chính xác tới 10.000 hộ (tìm theo tên: 1.000); nhiều hơn thì total = giới hạn + 1."
					+ " / total is exact up to 10,000 households (name search: 1,000); above that it is the cap + 1.")
	public Page<HouseholdRow> list(@RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long village, @RequestParam(required = false) String classification,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(defaultValue = "code") String sort, @RequestParam(defaultValue = "false") boolean desc) {
		return this.registry.search(new HouseholdQuery(unit, village, classification, year, q, page, size, sort, desc));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Một hộ, với nhân khẩu và lịch sử phân loại theo năm")
	public HouseholdDetail get(@PathVariable UUID id) {
		Household household = this.registry.household(id);
		return new HouseholdDetail(this.views.masked(household),
				this.views.masked(household, this.registry.members(id, false)), this.registry.history(id));
	}

	@GetMapping("/{id}/changes")
	@Operation(summary = "Lịch sử thay đổi (ai, khi nào, giá trị cũ → mới)")
	public List<AuditEvent> changes(@PathVariable UUID id) {
		return this.views.maskedChanges(this.registry.household(id), this.registry.changes(id));
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tạo hộ mới cùng chủ hộ")
	public Household create(@RequestBody NewHousehold body) {
		if (body == null || body.household() == null || body.head() == null) {
			throw vn.giamngheo.shared.error.DomainException.invalid(List
				.of(new vn.giamngheo.shared.error.DomainException.FieldProblem("household", "error.field.required")));
		}
		return this.registry.create(body.household(), body.head());
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PutMapping("/{id}")
	@Operation(summary = "Sửa hộ (gửi kèm version; bản cũ → 409)")
	public Household update(@PathVariable UUID id, @RequestBody Versioned<HouseholdData> body) {
		return this.registry.update(id, body.versionOrFail(), body.dataOrFail());
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/{id}/voidings")
	@Operation(summary = "Hủy hộ với lý do (không xóa)")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void voidHousehold(@PathVariable UUID id, @RequestBody Voiding body) {
		this.registry.voidHousehold(id, body.versionOrFail(), body.reason());
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Thêm nhân khẩu")
	public Member addMember(@PathVariable UUID id, @RequestBody MemberData body) {
		return this.registry.addMember(id, body);
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PutMapping("/{id}/members/{memberId}")
	@Operation(summary = "Sửa nhân khẩu (gửi kèm version)")
	public Member updateMember(@PathVariable UUID id, @PathVariable UUID memberId,
			@RequestBody Versioned<MemberData> body) {
		return this.registry.updateMember(id, memberId, body.versionOrFail(), body.dataOrFail());
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/{id}/members/{memberId}/voidings")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hủy nhân khẩu với lý do")
	public void voidMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestBody Voiding body) {
		this.registry.voidMember(id, memberId, body.versionOrFail(), body.reason());
	}

	/**
	 * A household with its members and yearly history.
	 *
	 * @param household the household
	 * @param members living members
	 * @param history assessments, newest first
	 */
	public record HouseholdDetail(Household household, List<Member> members, List<Assessment> history) {
	}

	/**
	 * A new household and its head.
	 *
	 * @param household household fields
	 * @param head the head of household
	 */
	public record NewHousehold(HouseholdData household, MemberData head) {
	}

	/**
	 * An edit with the version it was based on.
	 *
	 * @param <T> edited data
	 * @param version the version read
	 * @param data the new values
	 */
	public record Versioned<T>(Integer version, T data) {

		int versionOrFail() {
			if (this.version == null) {
				throw vn.giamngheo.shared.error.DomainException.invalid(List
					.of(new vn.giamngheo.shared.error.DomainException.FieldProblem("version", "error.field.required")));
			}
			return this.version;
		}

		T dataOrFail() {
			if (this.data == null) {
				throw vn.giamngheo.shared.error.DomainException.invalid(List
					.of(new vn.giamngheo.shared.error.DomainException.FieldProblem("data", "error.field.required")));
			}
			return this.data;
		}

	}

	/**
	 * Voiding with a reason.
	 *
	 * @param version the version read
	 * @param reason why
	 */
	public record Voiding(Integer version, String reason) {

		int versionOrFail() {
			return new Versioned<>(this.version, this).versionOrFail();
		}

	}

}
