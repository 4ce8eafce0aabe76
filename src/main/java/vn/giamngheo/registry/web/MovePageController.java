package vn.giamngheo.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.registry.Moves;
import vn.giamngheo.registry.Moves.Placement;
import vn.giamngheo.registry.Moves.SplitCommune;
import vn.giamngheo.registry.Moves.VillageToPlace;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The split-resolution screen of a 2025 province (ADR 0028): apply the reform, place the
 * villages of split communes (accept the suggestions in bulk or choose a commune by
 * name), see what is still open, undo a batch.
 */
@Controller
public class MovePageController {

	private final Moves moves;

	private final Geography geography;

	public MovePageController(Moves moves, Geography geography) {
		this.moves = moves;
		this.geography = geography;
	}

	/** The 2025 provinces the user sees. */
	@GetMapping("/moves")
	String provinces(Model model) {
		model.addAttribute("provinces", this.geography.roots("2025"));
		return "registry/move-provinces";
	}

	@GetMapping("/moves/{provinceId}")
	String province(@PathVariable long provinceId, Model model) {
		model.addAttribute("overview", this.moves.overview(provinceId));
		return "registry/moves";
	}

	@PostMapping("/moves/{provinceId}/reform")
	@Requires(Permission.MOVE_UNITS)
	String reform(@PathVariable long provinceId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return done(provinceId, () -> this.moves.applyReform(provinceId, note), redirect);
	}

	/**
	 * Places villages: {@code all} accepts every open suggestion; else the ticked
	 * villages ({@code village}) go to their choice ({@code commune-<id>}), or to the
	 * suggestion when none is chosen.
	 */
	@PostMapping("/moves/{provinceId}/placements")
	@Requires(Permission.MOVE_UNITS)
	String place(@PathVariable long provinceId, @RequestParam(required = false) List<Long> village,
			@RequestParam(required = false) boolean all, @RequestParam(required = false) String note,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return done(provinceId, () -> {
			List<Placement> placements = new ArrayList<>();
			if (all) {
				for (SplitCommune s : this.moves.overview(provinceId).splits()) {
					for (VillageToPlace v : s.villages()) {
						if (v.open() && v.suggested() != null) {
							placements.add(new Placement(v.id(), null));
						}
					}
				}
			}
			else if (village != null) {
				for (Long id : village) {
					String choice = form.get("commune-" + id);
					placements.add(new Placement(id, (choice == null || choice.isBlank()) ? null : parse(choice)));
				}
			}
			this.moves.place(provinceId, placements, note);
		}, redirect);
	}

	@PostMapping("/moves/{provinceId}/batches/{batchId}/undo")
	@Requires(Permission.MOVE_UNITS)
	String undo(@PathVariable long provinceId, @PathVariable long batchId, RedirectAttributes redirect) {
		return done(provinceId, () -> this.moves.undo(batchId), redirect);
	}

	private static Long parse(String id) {
		try {
			return Long.valueOf(id.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("commune", "error.field.invalid")));
		}
	}

	private static String done(long provinceId, Runnable action, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND || ex.code() == ErrorCode.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex);
		}
		return "redirect:/moves/" + provinceId;
	}

}
