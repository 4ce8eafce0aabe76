package vn.giamngheo.geography.web;

import java.time.LocalDate;
import java.util.List;

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

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.geography.UnitAttribute;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Administrative units as a JSON API. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Đơn vị hành chính / Administrative units")
public class UnitApiController {

	private final Geography geography;

	public UnitApiController(Geography geography) {
		this.geography = geography;
	}

	@GetMapping
	@Operation(summary = "Tỉnh (gốc), con của một đơn vị, hoặc tìm theo tên/mã")
	public List<Unit> list(@RequestParam(defaultValue = "2024") String edition,
			@RequestParam(required = false) Long parent, @RequestParam(required = false) String q,
			@RequestParam(required = false) String level, @RequestParam(required = false) String code) {
		if (code != null) {
			return this.geography.byCode(code);
		}
		if (q != null) {
			return this.geography.search(q, edition, level, 50);
		}
		if (parent != null) {
			return this.geography.children(parent);
		}
		if (!"2024".equals(edition) && !"2025".equals(edition)) {
			throw DomainException.invalid(List.of(new FieldProblem("edition", "error.field.invalid", edition)));
		}
		return this.geography.roots(edition);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Một đơn vị với các cấp trên và thuộc tính theo thời gian")
	public UnitDetail get(@PathVariable long id) {
		Unit unit = this.geography.unit(id);
		return new UnitDetail(unit, this.geography.ancestors(unit), this.geography.attributes(id));
	}

	@GetMapping("/{id}/children")
	@Operation(summary = "Đơn vị cấp dưới (huyện, xã, thôn)")
	public List<Unit> children(@PathVariable long id) {
		return this.geography.children(id);
	}

	@Requires(Permission.UNIT_EDIT)
	@PostMapping("/{id}/villages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tạo thôn/bản/tổ dân phố trong xã")
	public Unit createVillage(@PathVariable long id, @RequestBody NewVillage body) {
		return this.geography.createVillage(id, body.type(), body.name());
	}

	@Requires(Permission.UNIT_EDIT)
	@PutMapping("/{id}/urban")
	@Operation(summary = "Ghi đè khu vực thành thị/nông thôn của đơn vị")
	public Unit overrideUrban(@PathVariable long id, @RequestBody UrbanOverride body) {
		if (body.urban() == null || body.version() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("urban", "error.field.required")));
		}
		return this.geography.overrideUrban(id, body.urban(), body.version());
	}

	@Requires(Permission.UNIT_EDIT)
	@PostMapping("/{id}/attributes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Thêm thuộc tính có thời hạn (địa hình, biên giới, huyện nghèo, xã/thôn ĐBKK)")
	public UnitAttribute addAttribute(@PathVariable long id, @RequestBody NewAttribute body) {
		return this.geography.addAttribute(id, body.attribute(), body.value(), body.validFrom(), body.validTo(),
				body.legalBasis(), body.note());
	}

	@Requires(Permission.UNIT_EDIT)
	@PostMapping("/{id}/attributes/{attributeId}/voidings")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hủy một thuộc tính với lý do")
	public void voidAttribute(@PathVariable long id, @PathVariable long attributeId, @RequestBody Reason body) {
		this.geography.voidAttribute(attributeId, body.reason());
	}

	/**
	 * A unit with its ancestors and attributes.
	 *
	 * @param unit the unit
	 * @param ancestors province down to the parent
	 * @param attributes dated attributes
	 */
	public record UnitDetail(Unit unit, List<Unit> ancestors, List<UnitAttribute> attributes) {
	}

	/**
	 * A new village.
	 *
	 * @param type Thôn, Bản, Tổ dân phố, ...
	 * @param name name without the type
	 */
	public record NewVillage(String type, String name) {
	}

	/**
	 * Urban/rural override.
	 *
	 * @param urban urban
	 * @param version version read
	 */
	public record UrbanOverride(Boolean urban, Integer version) {
	}

	/**
	 * A new attribute.
	 *
	 * @param attribute TERRAIN, BORDER, POOR_DISTRICT, DBKK_COMMUNE, DBKK_VILLAGE,
	 * POOR_COMMUNE
	 * @param value TERRAIN: MOUNTAIN | PLAIN | HIGHLAND
	 * @param validFrom start
	 * @param validTo end
	 * @param legalBasis citation
	 * @param note note
	 */
	public record NewAttribute(String attribute, String value, LocalDate validFrom, LocalDate validTo,
			String legalBasis, String note) {
	}

	/**
	 * A reason.
	 *
	 * @param reason why
	 */
	public record Reason(String reason) {
	}

}
