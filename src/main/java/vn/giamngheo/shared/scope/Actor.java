package vn.giamngheo.shared.scope;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting: the user name written to the audit trail, the roles and the data scope.
 *
 * @param username login name (audit actor)
 * @param roles role codes
 * @param scope where the actor may read and write
 * @param agency the partner agency's code ({@code VBSP}...) for a partner user, otherwise
 * {@code null}
 * @param permissions what the actor's role may do (the role's row of the permission
 * matrix)
 */
public record Actor(String username, Set<String> roles, DataScope scope, String agency, Set<Permission> permissions) {

	/** Background work of the system itself: everything, everywhere. */
	public static final Actor SYSTEM = new Actor("system", Set.of("SYSTEM"), DataScope.NATION, null,
			EnumSet.allOf(Permission.class));

	public Actor {
		permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
	}

	/** An actor without permissions (not signed in, or an unknown principal). */
	public Actor(String username, Set<String> roles, DataScope scope) {
		this(username, roles, scope, null, Set.of());
	}

	public Actor(String username, Set<String> roles, DataScope scope, String agency) {
		this(username, roles, scope, agency, Set.of());
	}

	/** Whether the actor's role grants the permission (anywhere in its scope). */
	public boolean may(Permission permission) {
		return this.permissions.contains(permission);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
