package vn.giamngheo.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.identity.security.LoginThrottle;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;

/**
 * Users, their role and data scope: the identity capability's face. Only the system
 * administrator manages users; every change is audited in the same transaction (never the
 * password).
 */
@Service
public class UserDirectory {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final CurrentActor current;

	private final UserChanges changes;

	private final AccessProperties properties;

	private final LoginThrottle logins;

	private final Clock clock;

	public UserDirectory(UserRepository users, PasswordEncoder encoder, AuditTrail audit, CurrentActor current,
			UserChanges changes, AccessProperties properties, LoginThrottle logins, Clock clock) {
		this.logins = logins;
		this.clock = clock;
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.current = current;
		this.changes = changes;
		this.properties = properties;
	}

	/**
	 * A user's account as it signs in (role, view and capture scopes), for checks other
	 * capabilities make about another user, e.g. whether a reviewer may capture in a
	 * village.
	 * @param username the user name
	 * @return the account, if there is one
	 */
	public java.util.Optional<SignedInUser> account(String username) {
		return this.users.findPrincipal(username);
	}

	public List<UserAccount> list(String query, int page, int size) {
		this.current.require(Permission.USER_ADMIN);
		int limit = Math.max(1, Math.min(size, 200));
		return withDelays(this.users.list(query, limit, Math.max(0, page) * limit));
	}

	public UserAccount get(long id) {
		this.current.require(Permission.USER_ADMIN);
		return withDelays(List.of(this.users.find(id).orElseThrow(() -> DomainException.notFound("USER", id)))).get(0);
	}

	/** The accounts with the sign-in delay some client is under, if any. */
	private List<UserAccount> withDelays(List<UserAccount> accounts) {
		Map<String, java.time.Instant> delayed = this.logins
			.delayed(accounts.stream().map(UserAccount::username).toList());
		return accounts.stream()
			.map((u) -> delayed.containsKey(u.username())
					? u.withDelayedUntil(delayed.get(u.username()).atOffset(java.time.ZoneOffset.UTC)) : u)
			.toList();
	}

	/**
	 * Creates a user. Its scope may name only units in force today (ADR 0029): an ended
	 * unit is refused (422) with its name and the day it ended.
	 */
	@Transactional
	public UserAccount create(NewUser user) {
		this.current.require(Permission.USER_ADMIN);
		return create(user, false, this.current.get().username(), true);
	}

	/** Creates a user without a role check: the bootstrap admin and the demo seed. */
	@Transactional
	UserAccount createUnchecked(NewUser user, boolean demo, String actor) {
		return create(user, demo, actor, false);
	}

	private UserAccount create(NewUser user, boolean demo, String actor, boolean inForceOnly) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = (user.username() == null) ? "" : user.username().strip().toLowerCase();
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "error.field.username", user.username()));
		}
		else if (this.users.exists(username)) {
			problems.add(new FieldProblem("username", "error.field.username-taken", username));
		}
		checkPassword(user.password(), demo, problems);
		Role role = role(user.role(), problems);
		Agency agency = agency(role, user.agency(), problems);
		List<UnitRef> view = units("viewUnits", user.viewUnits(), problems);
		List<UnitRef> capture = units("captureUnits", user.captureUnits(), problems);
		reviewerVillages(role, user.captureNation(), capture, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		if (inForceOnly) {
			requireInForce("viewUnits", view, List.of());
			requireInForce("captureUnits", capture, List.of());
		}
		String display = blankToDefault(user.displayName(), username);
		long id = this.users.insert(username, this.encoder.encode(user.password()), display, role, user.viewNation(),
				user.captureNation(), demo, agency);
		this.users.replaceScope(id, "VIEW", view);
		this.users.replaceScope(id, "CAPTURE", capture);
		UserAccount created = this.users.find(id).orElseThrow();
		this.audit.record(new AuditEntry(actor, "CREATE", "USER", String.valueOf(id), null, null, null,
				AuditTrail.diff(null, auditView(created)), null));
		return created;
	}

	@Transactional
	public UserAccount update(long id, UserChange change) {
		this.current.require(Permission.USER_ADMIN);
		UserAccount before = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		Role role = role(change.role(), problems);
		Agency agency = agency(role, change.agency(), problems);
		List<UnitRef> view = units("viewUnits", change.viewUnits(), problems);
		List<UnitRef> capture = units("captureUnits", change.captureUnits(), problems);
		reviewerVillages(role, change.captureNation(), capture, problems);
		boolean newPassword = change.newPassword() != null && !change.newPassword().isEmpty();
		if (newPassword) {
			checkPassword(change.newPassword(), false, problems);
		}
		if (before.id() == this.current.userId() && (change.disabled() || role != Role.SYSTEM_ADMIN)) {
			problems.add(new FieldProblem("role", "error.field.self-lockout"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		requireInForce("viewUnits", view, before.viewUnits());
		requireInForce("captureUnits", capture, List.of());
		if (!this.users.update(id, change.version(), blankToDefault(change.displayName(), before.displayName()), role,
				agency, change.viewNation(), change.captureNation(), change.disabled())) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", before.version(), change.version());
		}
		this.users.replaceScope(id, "VIEW", view);
		this.users.replaceScope(id, "CAPTURE", capture);
		if (newPassword) {
			this.users.setPassword(id, this.encoder.encode(change.newPassword()));
		}
		if (change.unlock()) {
			this.users.resetFailures(id);
			this.logins.lift(before.username());
		}
		UserAccount after = withDelays(List.of(this.users.find(id).orElseThrow())).get(0);
		Map<String, Change> diff = AuditTrail.diff(auditView(before), auditView(after));
		if (newPassword) {
			diff.put("password", new Change("***", "***"));
		}
		if (change.unlock() && before.delayed()) {
			diff.put("delayed", new Change(true, false));
		}
		this.audit.record(new AuditEntry(this.current.get().username(), change.disabled() ? "DISABLE" : "UPDATE",
				"USER", String.valueOf(id), null, null, null, diff, null));
		this.changes.changed(id);
		return after;
	}

	/**
	 * Refuses (422) a unit that has ended by today, unless the account already holds it:
	 * an ended unit stays in VIEW after the re-scope, so that history stays readable, but
	 * is never given anew, and never for CAPTURE (ADR 0029).
	 */
	private void requireInForce(String field, List<UnitRef> units, List<UnitRef> held) {
		Map<Long, LocalDate> ended = this.users.endedBefore(units.stream().map(UnitRef::id).toList(),
				LocalDate.now(this.clock));
		for (UnitRef unit : units) {
			LocalDate lastDay = ended.get(unit.id());
			if (lastDay != null && held.stream().noneMatch((h) -> h.id() == unit.id())) {
				String endedOn = lastDay.plusDays(1).format(DAY);
				throw new DomainException(ErrorCode.RULE_REJECTED, "error.unit-ended",
						List.of(new FieldProblem(field, "error.unit-ended", unit.name(), endedOn)), unit.name(),
						endedOn);
			}
		}
	}

	/**
	 * A reviewer captures only in villages (ADR 0016): the capture units of a reviewer
	 * are villages, never the nation. Which households of those villages the reviewer
	 * surveys the commune officer assigns in each review.
	 */
	private static void reviewerVillages(Role role, boolean captureNation, List<UnitRef> capture,
			List<FieldProblem> problems) {
		if (role != Role.REVIEWER) {
			return;
		}
		if (captureNation) {
			problems.add(new FieldProblem("captureNation", "error.field.reviewer-nation"));
		}
		for (UnitRef unit : capture) {
			if (!"village".equals(unit.level())) {
				problems.add(new FieldProblem("captureUnits", "error.field.reviewer-villages", unit.name()));
			}
		}
	}

	/**
	 * Replaces a user's capture units without the administrator check: the demo seed,
	 * which gives the demo reviewer villages once the demo villages are loaded.
	 */
	@Transactional
	void replaceCaptureUnchecked(long id, List<String> captureUnits, String actor) {
		UserAccount before = this.users.find(id).orElseThrow(() -> DomainException.notFound("USER", id));
		List<FieldProblem> problems = new ArrayList<>();
		List<UnitRef> capture = units("captureUnits", captureUnits, problems);
		reviewerVillages(before.role(), before.captureNation(), capture, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		this.users.replaceScope(id, "CAPTURE", capture);
		UserAccount after = this.users.find(id).orElseThrow();
		this.audit.record(new AuditEntry(actor, "UPDATE", "USER", String.valueOf(id), null, null, null,
				AuditTrail.diff(auditView(before), auditView(after)), null));
		this.changes.changed(id);
	}

	private static Map<String, Object> auditView(UserAccount u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", u.username());
		m.put("displayName", u.displayName());
		m.put("role", u.role().name());
		m.put("agency", (u.agency() != null) ? u.agency().name() : null);
		m.put("viewNation", u.viewNation());
		m.put("captureNation", u.captureNation());
		m.put("viewUnits", u.viewUnits().stream().map(UnitRef::key).toList());
		m.put("captureUnits", u.captureUnits().stream().map(UnitRef::key).toList());
		m.put("disabled", u.disabled());
		return m;
	}

	private void checkPassword(String password, boolean demo, List<FieldProblem> problems) {
		int min = demo ? 8 : this.properties.minPasswordLength();
		if (password == null || password.length() < min || password.length() > 128) {
			problems.add(new FieldProblem("password", "error.field.password", min));
		}
	}

	private static Role role(String value, List<FieldProblem> problems) {
		Role role = (value == null) ? null : Role.parse(value);
		if (role == null) {
			problems.add(new FieldProblem("role", "error.field.invalid", value));
			return Role.LEADER;
		}
		return role;
	}

	/**
	 * A partner names its agency; other roles have none (a value sent for them is
	 * ignored).
	 */
	private static Agency agency(Role role, String value, List<FieldProblem> problems) {
		if (role != Role.PARTNER) {
			return null;
		}
		Agency agency = Agency.parse(value);
		if (agency == null) {
			problems.add(new FieldProblem("agency", "error.field.agency", (value == null) ? "" : value));
		}
		return agency;
	}

	/**
	 * Resolves units typed as {@code code} or {@code code@edition}; an ambiguous code
	 * takes the currently valid unit.
	 */
	/**
	 * The units of a scope as a form shows them: by name, in the order given (unknown
	 * keys are left out; saving reports them).
	 * @param keys units as {@code code@edition}
	 * @return the units
	 */
	public List<UnitRef> describe(List<String> keys) {
		return units("", keys, new ArrayList<>());
	}

	/**
	 * The key ({@code code@edition}) of the unit a picker chose, for the scope's list.
	 * @param unitId the unit's id, as the picker sends it (blank when none chosen)
	 * @return the key, or empty when none or unknown
	 */
	public java.util.Optional<String> keyOf(String unitId) {
		if (unitId == null || !unitId.strip().matches("[0-9]{1,18}")) {
			return java.util.Optional.empty();
		}
		return this.users.unitById(Long.parseLong(unitId.strip())).map(UnitRef::key);
	}

	List<UnitRef> units(String field, List<String> keys, List<FieldProblem> problems) {
		List<UnitRef> result = new ArrayList<>();
		if (keys == null) {
			return result;
		}
		for (String raw : keys) {
			if (raw == null || raw.isBlank()) {
				continue;
			}
			String key = raw.strip();
			String code = key;
			String edition = null;
			int at = key.indexOf('@');
			if (at > 0) {
				code = key.substring(0, at);
				edition = key.substring(at + 1);
			}
			List<UnitRef> found = (code.length() <= 16)
					? this.users.unitsByCode(code, edition, LocalDate.now(this.clock)) : List.of();
			if (found.isEmpty()) {
				problems.add(new FieldProblem(field, "error.field.unit", key));
			}
			else {
				result.add(found.get(0));
			}
		}
		return result;
	}

	private static String blankToDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	/**
	 * A user to create.
	 *
	 * @param username login name (lower case letters, digits, dot, dash, underscore)
	 * @param displayName display name
	 * @param role role code
	 * @param password initial password
	 * @param viewNation reads everywhere
	 * @param captureNation writes everywhere
	 * @param viewUnits unit codes ({@code code} or {@code code@edition}) the user reads
	 * @param captureUnits unit codes the user writes
	 * @param agency a partner's agency ({@link Agency} name); ignored for other roles
	 */
	public record NewUser(String username, String displayName, String role, String password, Boolean viewNation,
			Boolean captureNation, List<String> viewUnits, List<String> captureUnits, String agency) {

		public NewUser {
			viewNation = Boolean.TRUE.equals(viewNation);
			captureNation = Boolean.TRUE.equals(captureNation);
		}

		public NewUser(String username, String displayName, String role, String password, Boolean viewNation,
				Boolean captureNation, List<String> viewUnits, List<String> captureUnits) {
			this(username, displayName, role, password, viewNation, captureNation, viewUnits, captureUnits, null);
		}

	}

	/**
	 * A change to a user.
	 *
	 * @param version the version the change is based on
	 * @param displayName display name
	 * @param role role code
	 * @param viewNation reads everywhere
	 * @param captureNation writes everywhere
	 * @param viewUnits unit codes the user reads
	 * @param captureUnits unit codes the user writes
	 * @param disabled may not log in
	 * @param newPassword new password, or empty to keep
	 * @param unlock lift the sign-in delays of every client (after wrong passwords)
	 * @param agency a partner's agency ({@link Agency} name); ignored for other roles
	 */
	public record UserChange(Integer version, String displayName, String role, Boolean viewNation,
			Boolean captureNation, List<String> viewUnits, List<String> captureUnits, Boolean disabled,
			String newPassword, Boolean unlock, String agency) {

		public UserChange {
			version = (version != null) ? version : -1;
			viewNation = Boolean.TRUE.equals(viewNation);
			captureNation = Boolean.TRUE.equals(captureNation);
			disabled = Boolean.TRUE.equals(disabled);
			unlock = Boolean.TRUE.equals(unlock);
		}

	}

}
