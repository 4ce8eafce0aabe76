package vn.giamngheo.identity.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.Agency;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.UnitRef;
import vn.giamngheo.identity.UserAccount;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.UserDirectory.NewUser;
import vn.giamngheo.identity.UserDirectory.UserChange;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages for the system administrator: list, create, edit, disable users; their tokens.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserDirectory directory;

	private final AccessTokens tokens;

	private final Clock clock;

	UserAdminController(UserDirectory directory, AccessTokens tokens, Clock clock) {
		this.clock = clock;
		this.directory = directory;
		this.tokens = tokens;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("agencies")
	Agency[] agencies() {
		return Agency.values();
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("users", this.directory.list(q, page, 50));
		model.addAttribute("q", q);
		model.addAttribute("page", page);
		return "admin/users";
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping("/new")
	String newUser(Model model) {
		UserForm form = new UserForm();
		model.addAttribute("form", form);
		scopeUnits(form, model);
		return "admin/user-form";
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping
	String create(@ModelAttribute("form") UserForm form, Model model) {
		addPicked(form);
		scopeUnits(form, model);
		try {
			UserAccount created = this.directory.create(new NewUser(form.getUsername(), form.getDisplayName(),
					form.getRole(), form.getPassword(), form.isViewNation(), form.isCaptureNation(),
					codes(form.getViewUnits()), codes(form.getCaptureUnits()), form.getAgency()));
			return "redirect:/admin/users/" + created.id() + "?saved";
		}
		catch (DomainException ex) {
			return invalid(ex, model, "admin/user-form");
		}
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		UserAccount user = this.directory.get(id);
		model.addAttribute("user", user);
		UserForm form = UserForm.of(user);
		model.addAttribute("form", form);
		scopeUnits(form, model);
		model.addAttribute("tokens", this.tokens.of(id));
		model.addAttribute("now", this.clock.instant());
		return "admin/user-form";
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, Model model) {
		addPicked(form);
		scopeUnits(form, model);
		try {
			this.directory.update(id,
					new UserChange(form.getVersion(), form.getDisplayName(), form.getRole(), form.isViewNation(),
							form.isCaptureNation(), codes(form.getViewUnits()), codes(form.getCaptureUnits()),
							form.isDisabled(), form.getPassword(), form.isUnlock(), form.getAgency()));
			return "redirect:/admin/users/" + id + "?saved";
		}
		catch (DomainException ex) {
			model.addAttribute("user", this.directory.get(id));
			model.addAttribute("tokens", this.tokens.of(id));
			model.addAttribute("now", this.clock.instant());
			return invalid(ex, model, "admin/user-form");
		}
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long tokenId) {
		if (this.tokens.of(id).stream().noneMatch((t) -> t.id() == tokenId)) {
			throw DomainException.notFound("TOKEN", tokenId);
		}
		this.tokens.revoke(tokenId);
		return "redirect:/admin/users/" + id;
	}

	private static String invalid(DomainException ex, Model model, String view) {
		if (ex.code() != ErrorCode.INVALID_INPUT && ex.code() != ErrorCode.STALE_VERSION
				&& ex.code() != ErrorCode.RULE_REJECTED) {
			throw ex;
		}
		model.addAttribute("problem", ex);
		return view;
	}

	/**
	 * Adds the units chosen in the two pickers (by name; the picker sends the unit's id)
	 * to the scopes' lists, so nobody types a unit's code.
	 */
	private void addPicked(UserForm form) {
		this.directory.keyOf(form.getViewUnitAdd())
			.ifPresent((key) -> form.setViewUnits(join(form.getViewUnits(), key)));
		this.directory.keyOf(form.getCaptureUnitAdd())
			.ifPresent((key) -> form.setCaptureUnits(join(form.getCaptureUnits(), key)));
		form.setViewUnitAdd(null);
		form.setCaptureUnitAdd(null);
	}

	private static String join(String keys, String key) {
		return codes(keys).contains(key) ? keys : ((keys == null || keys.isBlank()) ? key : keys + " " + key);
	}

	/** The units of the two scopes, by name, for the form's check lists. */
	private void scopeUnits(UserForm form, Model model) {
		model.addAttribute("viewRefs", this.directory.describe(codes(form.getViewUnits())));
		model.addAttribute("captureRefs", this.directory.describe(codes(form.getCaptureUnits())));
	}

	static List<String> codes(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\s,;]+")).filter((s) -> !s.isBlank()).toList();
	}

	/** The user form (create and edit). */
	public static class UserForm {

		private String username;

		private String displayName;

		private String role = Role.COMMUNE_OFFICER.name();

		private String agency;

		private String password;

		private boolean viewNation;

		private boolean captureNation;

		private String viewUnits;

		private String captureUnits;

		private String viewUnitAdd;

		private String captureUnitAdd;

		private boolean disabled;

		private boolean unlock;

		private int version;

		static UserForm of(UserAccount u) {
			UserForm f = new UserForm();
			f.username = u.username();
			f.displayName = u.displayName();
			f.role = u.role().name();
			f.agency = (u.agency() != null) ? u.agency().name() : null;
			f.viewNation = u.viewNation();
			f.captureNation = u.captureNation();
			f.viewUnits = String.join(" ", u.viewUnits().stream().map(UnitRef::key).toList());
			f.captureUnits = String.join(" ", u.captureUnits().stream().map(UnitRef::key).toList());
			f.disabled = u.disabled();
			f.version = u.version();
			return f;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getDisplayName() {
			return this.displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getAgency() {
			return this.agency;
		}

		public void setAgency(String agency) {
			this.agency = agency;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public boolean isViewNation() {
			return this.viewNation;
		}

		public void setViewNation(boolean viewNation) {
			this.viewNation = viewNation;
		}

		public boolean isCaptureNation() {
			return this.captureNation;
		}

		public void setCaptureNation(boolean captureNation) {
			this.captureNation = captureNation;
		}

		public String getViewUnits() {
			return this.viewUnits;
		}

		public void setViewUnits(String viewUnits) {
			this.viewUnits = viewUnits;
		}

		public String getCaptureUnits() {
			return this.captureUnits;
		}

		public void setCaptureUnits(String captureUnits) {
			this.captureUnits = captureUnits;
		}

		public String getViewUnitAdd() {
			return this.viewUnitAdd;
		}

		public void setViewUnitAdd(String viewUnitAdd) {
			this.viewUnitAdd = viewUnitAdd;
		}

		public String getCaptureUnitAdd() {
			return this.captureUnitAdd;
		}

		public void setCaptureUnitAdd(String captureUnitAdd) {
			this.captureUnitAdd = captureUnitAdd;
		}

		public boolean isDisabled() {
			return this.disabled;
		}

		public void setDisabled(boolean disabled) {
			this.disabled = disabled;
		}

		public boolean isUnlock() {
			return this.unlock;
		}

		public void setUnlock(boolean unlock) {
			this.unlock = unlock;
		}

		public int getVersion() {
			return this.version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

	}

}
