package vn.giamngheo.review.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.review.InYearRequest;
import vn.giamngheo.review.InYearRequests;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.ReviewUnit;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.review.Surveys;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The review as JSON: reviews and their board, worklists, surveys, sign-offs, in-year
 * requests.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rà soát / Reviews")
class ReviewApiController {

	private final Reviews reviews;

	private final Surveys surveys;

	private final InYearRequests requests;

	ReviewApiController(Reviews reviews, Surveys surveys, InYearRequests requests) {
		this.reviews = reviews;
		this.surveys = surveys;
		this.requests = requests;
	}

	@GetMapping("/reviews")
	@Operation(summary = "Các đợt rà soát có xã trong phạm vi của người dùng")
	List<Review> list() {
		return this.reviews.list();
	}

	@Requires(Permission.REVIEW_OPEN)
	@PostMapping("/reviews")
	@Operation(summary = "Mở đợt rà soát định kỳ của một tỉnh (cán bộ tỉnh)")
	ResponseEntity<Review> open(@RequestBody Reviews.OpenReview body) {
		Review review = this.reviews.open(body);
		return ResponseEntity.created(URI.create("/api/v1/reviews/" + review.id())).body(review);
	}

	@GetMapping("/reviews/{reviewId}")
	@Operation(summary = "Tiến độ: các xã trong phạm vi, số hộ theo bước, xã chậm, các mốc thời hạn")
	Reviews.Board board(@PathVariable UUID reviewId) {
		return this.reviews.board(reviewId);
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}/households")
	@Operation(summary = "Danh sách hộ rà soát của xã (rà soát viên: chỉ hộ được phân công)")
	List<ReviewHousehold> worklist(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(required = false) Long village, @RequestParam(required = false) Step step,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return this.reviews.worklist(reviewId, communeId, village, (step == null) ? List.of() : List.of(step), page,
				size);
	}

	@GetMapping("/review-households/{reviewHouseholdId}")
	@Operation(summary = "Một hộ rà soát với mọi thông tin đã lưu của Phiếu B và Phiếu C (để mở lại và sửa)")
	ReviewHousehold household(@PathVariable UUID reviewHouseholdId) {
		return this.reviews.household(reviewHouseholdId);
	}

	@Requires(Permission.REVIEW_SURVEY)
	@PostMapping("/review-households/{reviewHouseholdId}/surveys")
	@Operation(summary = "Phiếu B (+ Phiếu C): phân loại đề xuất với giải thích và cảnh báo")
	ReviewHousehold survey(@PathVariable UUID reviewHouseholdId, @RequestBody SurveyInput body) {
		return this.surveys.submit(reviewHouseholdId, body);
	}

	/**
	 * A sign-off action.
	 *
	 * @param action SUBMIT, APPROVE, RETURN, REOPEN
	 * @param version version of the commune's review
	 * @param reason reason (return, reopen)
	 */
	record SignOffBody(SignOff.Action action, Integer version, String reason) {
	}

	@Requires({ Permission.REVIEW_RECOGNITION, Permission.REVIEW_DISTRICT_APPROVAL,
			Permission.REVIEW_PROVINCE_APPROVAL })
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/sign-offs")
	@Operation(summary = "Gửi duyệt, duyệt (khóa), trả lại, mở lại (có lý do)")
	ReviewUnit signOff(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestBody SignOffBody body) {
		if (body.action() == null || body.version() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("action", "error.field.required")));
		}
		return this.reviews.signOff(reviewId, communeId, body.action(), body.version(), body.reason());
	}

	@GetMapping("/review-requests")
	@Operation(summary = "Đề nghị rà soát thường xuyên (Mẫu 01 / Mẫu 04) trong phạm vi")
	List<InYearRequest> requests(@RequestParam(defaultValue = "false") boolean open) {
		return this.requests.list(open);
	}

	/**
	 * An in-year request as received.
	 *
	 * @param householdId household
	 * @param form MAU_01 or MAU_04
	 * @param receivedOn received (default today)
	 * @param applicant applicant
	 * @param reason reason
	 */
	record ReceiveBody(UUID householdId, String form, LocalDate receivedOn, String applicant, String reason) {
	}

	@Requires(Permission.IN_YEAR_REQUESTS)
	@PostMapping("/review-requests")
	@Operation(summary = "Nhận giấy đề nghị của hộ; hạn quyết định tính từ ngày nhận")
	ResponseEntity<InYearRequest> receive(@RequestBody ReceiveBody body) {
		if (body.householdId() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "error.field.required")));
		}
		InYearRequest r = this.requests.receive(body.householdId(), body.form(), body.receivedOn(), body.applicant(),
				body.reason());
		return ResponseEntity.created(URI.create("/api/v1/review-requests/" + r.id())).body(r);
	}

}
