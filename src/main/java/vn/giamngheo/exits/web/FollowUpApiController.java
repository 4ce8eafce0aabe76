package vn.giamngheo.exits.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.exits.FollowUp;
import vn.giamngheo.exits.FollowUps;
import vn.giamngheo.shared.Page;

/** The follow-up after exit as a JSON API (ADR 0041). */
@RestController
@Tag(name = "Theo dõi hộ mới thoát nghèo / Follow-up after exit")
class FollowUpApiController {

	private final FollowUps followUps;

	FollowUpApiController(FollowUps followUps) {
		this.followUps = followUps;
	}

	@GetMapping("/api/v1/exit-follow-ups")
	@Operation(summary = "Hộ mới thoát nghèo, thoát cận nghèo trong thời hạn theo dõi (kind=POOR, NEAR_POOR; FELL_BACK:"
			+ " hộ đã tái nghèo trong thời hạn), vào một ngày (mặc định hôm nay)")
	Page<FollowUp> list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.followUps.list(unit, kind, on, page, size);
	}

}
