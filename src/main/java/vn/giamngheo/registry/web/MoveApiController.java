package vn.giamngheo.registry.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.registry.MoveBatch;
import vn.giamngheo.registry.Moves;
import vn.giamngheo.registry.Moves.Overview;
import vn.giamngheo.registry.Moves.Placement;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The move to the 2025 units of a province, as an API (ADR 0028). */
@RestController
@Tag(name = "Moves", description = "Households move to the units of 1 July 2025, in undoable batches")
public class MoveApiController {

	private final Moves moves;

	public MoveApiController(Moves moves) {
		this.moves = moves;
	}

	@GetMapping("/api/v1/moves/{provinceId}")
	@Operation(summary = "A 2025 province's move: split communes, suggestions, what is open, batches")
	public Overview overview(@PathVariable long provinceId) {
		return this.moves.overview(provinceId);
	}

	/**
	 * @param note optional note of the batch
	 */
	public record ReformRequest(String note) {
	}

	@PostMapping("/api/v1/moves/{provinceId}/reform")
	@ResponseStatus(HttpStatus.CREATED)
	@Requires(Permission.MOVE_UNITS)
	@Operation(summary = "Apply the reform: one batch moving every village still on an old commune")
	public MoveBatch reform(@PathVariable long provinceId, @RequestBody(required = false) ReformRequest request) {
		return this.moves.applyReform(provinceId, (request != null) ? request.note() : null);
	}

	/**
	 * A request to place villages.
	 *
	 * @param placements villages and their communes (a null commune: the suggestion)
	 * @param note optional note of the batch
	 */
	public record PlacementRequest(List<Placement> placements, String note) {
	}

	@PostMapping("/api/v1/moves/{provinceId}/placements")
	@ResponseStatus(HttpStatus.CREATED)
	@Requires(Permission.MOVE_UNITS)
	@Operation(summary = "Place villages of split communes in new communes (one batch)")
	public MoveBatch place(@PathVariable long provinceId, @RequestBody PlacementRequest request) {
		return this.moves.place(provinceId, request.placements(), request.note());
	}

	@PostMapping("/api/v1/move-batches/{batchId}/undo")
	@Requires(Permission.MOVE_UNITS)
	@Operation(summary = "Undo a batch as one (409 when a later batch depends on it)")
	public MoveBatch undo(@PathVariable long batchId) {
		return this.moves.undo(batchId);
	}

}
