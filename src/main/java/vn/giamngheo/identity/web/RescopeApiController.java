package vn.giamngheo.identity.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.identity.Rescoping;
import vn.giamngheo.identity.Rescoping.AccountPlan;
import vn.giamngheo.identity.domain.ScopeSuccession.Flag;
import vn.giamngheo.identity.domain.ScopeSuccession.Place;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The re-scope run over the API (ADR 0029): {@code GET /api/v1/user-rescopes/plan} is the
 * dry run, {@code POST /api/v1/user-rescopes} applies it as one batch.
 */
@RestController
@RequestMapping("/api/v1/user-rescopes")
class RescopeApiController {

	private final Rescoping rescoping;

	private final MessageSource messages;

	RescopeApiController(Rescoping rescoping, MessageSource messages) {
		this.rescoping = rescoping;
		this.messages = messages;
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping("/plan")
	PlanView plan(@RequestParam(required = false) String q) {
		return view(this.rescoping.plan(q), null, 0, 0);
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping
	PlanView apply(@RequestParam(required = false) String q) {
		Rescoping.Batch batch = this.rescoping.apply(q);
		return view(batch.plan(), batch.id(), batch.changed(), batch.flagged());
	}

	private PlanView view(Rescoping.Plan plan, Long batch, int changed, int flagged) {
		List<AccountView> accounts = plan.accounts().stream().map(this::account).toList();
		return new PlanView(batch, plan.onDate().toString(), accounts,
				(batch != null) ? changed : (int) accounts.stream().filter(AccountView::changed).count(),
				(batch != null) ? flagged : (int) accounts.stream().filter((a) -> !a.flags().isEmpty()).count());
	}

	private AccountView account(AccountPlan a) {
		return new AccountView(a.id(), a.username(), a.displayName(), a.role().name(), units(a.viewBefore()),
				units(a.captureBefore()), units(a.viewAfter()), units(a.captureAfter()),
				a.flags().stream().map(this::flag).toList(), a.changed());
	}

	private FlagView flag(Flag f) {
		return new FlagView(f.unit().key(), f.unit().name(), f.scope().name(), f.reason().name(),
				this.messages.getMessage("rescope.reason." + f.reason().name(),
						new Object[] { f.unit().name(), f.successors() }, LocaleContextHolder.getLocale()));
	}

	private static List<UnitView> units(List<Place> places) {
		return places.stream().map((p) -> new UnitView(p.key(), p.name())).toList();
	}

	/**
	 * A dry run or an applied batch.
	 *
	 * @param batch the batch id once applied, else {@code null}
	 * @param onDate the day whose units in force were used (ISO)
	 * @param accounts every account holding an ended unit
	 * @param changed accounts whose scope changes
	 * @param flagged accounts with units left for the administrator
	 */
	record PlanView(Long batch, String onDate, List<AccountView> accounts, int changed, int flagged) {
	}

	/**
	 * An account before and after.
	 *
	 * @param id user id
	 * @param username login name
	 * @param displayName display name
	 * @param role role code
	 * @param viewBefore VIEW units now
	 * @param captureBefore CAPTURE units now
	 * @param viewAfter VIEW units after
	 * @param captureAfter CAPTURE units after
	 * @param flags units left for the administrator
	 * @param changed the run changes the scope
	 */
	record AccountView(long id, String username, String displayName, String role, List<UnitView> viewBefore,
			List<UnitView> captureBefore, List<UnitView> viewAfter, List<UnitView> captureAfter, List<FlagView> flags,
			boolean changed) {
	}

	/**
	 * A unit.
	 *
	 * @param key {@code code@edition}
	 * @param name full name
	 */
	record UnitView(String key, String name) {
	}

	/**
	 * A unit left for the administrator.
	 *
	 * @param unit {@code code@edition}
	 * @param name its name
	 * @param scope VIEW or CAPTURE
	 * @param reason reason code
	 * @param message why, in the user's language
	 */
	record FlagView(String unit, String name, String scope, String reason, String message) {
	}

}
