package vn.giamngheo.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;

/**
 * The authenticated principal (session or bearer token): the user with the role and the
 * scope paths resolved once, at login or token lookup, so the per-call cost of
 * {@link CurrentActor#get()} is a field read.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private String password;

	private final Role role;

	private final boolean enabled;

	private final boolean nonLocked;

	private final boolean viewNation;

	private final boolean captureNation;

	private final ArrayList<String> viewPaths;

	private final ArrayList<String> capturePaths;

	private final Instant loadedAt;

	private final Agency agency;

	private transient Actor actor;

	public SignedInUser(long id, String username, String password, Role role, boolean enabled, boolean nonLocked,
			boolean viewNation, boolean captureNation, List<String> viewPaths, List<String> capturePaths,
			Instant loadedAt, Agency agency) {
		this.id = id;
		this.username = username;
		this.password = password;
		this.role = role;
		this.enabled = enabled;
		this.nonLocked = nonLocked;
		this.viewNation = viewNation;
		this.captureNation = captureNation;
		this.viewPaths = new ArrayList<>(viewPaths);
		this.capturePaths = new ArrayList<>(capturePaths);
		this.loadedAt = loadedAt;
		this.agency = agency;
	}

	public long id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	public Instant loadedAt() {
		return this.loadedAt;
	}

	/** The partner's agency, or {@code null} for other roles. */
	public Agency agency() {
		return this.agency;
	}

	/**
	 * The actor: role codes, the role's permissions and the data scope. Read-only roles
	 * get no capture scope.
	 */
	public Actor actor() {
		Actor a = this.actor;
		if (a == null) {
			boolean captureAll = this.captureNation && !this.role.readOnly();
			List<String> capture = this.role.readOnly() ? List.of() : this.capturePaths;
			boolean viewAll = this.viewNation || captureAll;
			DataScope scope = (viewAll && captureAll) ? DataScope.NATION : new DataScope(false,
					viewAll ? List.of("/") : union(this.viewPaths, capture), captureAll ? List.of("/") : capture);
			a = new Actor(this.username, this.role.codes(), scope, (this.agency != null) ? this.agency.name() : null,
					this.role.permissions());
			this.actor = a;
		}
		return a;
	}

	/** What one may write one may also read. */
	private static List<String> union(List<String> view, List<String> capture) {
		List<String> all = new ArrayList<>(view);
		for (String path : capture) {
			if (all.stream().noneMatch(path::startsWith)) {
				all.add(path);
			}
		}
		return all;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.role.codes().stream().map((c) -> new SimpleGrantedAuthority("ROLE_" + c)).toList();
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.nonLocked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser u && u.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.username + "]";
	}

}
