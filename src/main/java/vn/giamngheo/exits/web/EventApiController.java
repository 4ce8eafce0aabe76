package vn.giamngheo.exits.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.exits.EventInput;
import vn.giamngheo.exits.HouseholdEvent;
import vn.giamngheo.exits.HouseholdEvents;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Household events (shocks) as a JSON API (ADR 0041). */
@RestController
@RequestMapping("/api/v1/household-events")
@Tag(name = "Biến cố của hộ / Household events")
class EventApiController {

	private final HouseholdEvents events;

	EventApiController(HouseholdEvents events) {
		this.events = events;
	}

	@GetMapping
	@Operation(
			summary = "Biến cố của các hộ (lọc theo đơn vị, hộ, loại, khoảng ngày); biến cố đã hủy không được liệt kê")
	Page<HouseholdEvent> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) UUID household,
			@RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.events.list(unit, household, type, from, to, page, size);
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ghi nhận một biến cố của hộ (ngày không sau hôm nay)")
	HouseholdEvent create(@RequestBody EventInput body) {
		return this.events.record(body);
	}

	@GetMapping("/{eventId}")
	@Operation(summary = "Một biến cố")
	HouseholdEvent get(@PathVariable("eventId") UUID id) {
		return this.events.get(id);
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/{eventId}/void")
	@Operation(summary = "Hủy một biến cố với lý do (không xóa; gửi kèm version)")
	HouseholdEvent voidEvent(@PathVariable("eventId") UUID id, @RequestBody Voiding body) {
		return this.events.voidEvent(id, (body == null) ? null : body.version(), (body == null) ? null : body.reason());
	}

	/**
	 * Voiding with a reason.
	 *
	 * @param version the version read
	 * @param reason why
	 */
	record Voiding(Integer version, String reason) {
	}

}
