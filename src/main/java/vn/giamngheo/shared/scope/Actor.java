package vn.giamngheo.shared.scope;

import java.util.Set;

/**
 * Who is acting: the user name written to the audit trail, the roles and the data scope.
 *
 * @param username login name (audit actor)
 * @param roles role codes
 * @param scope where the actor may read and write
 * @param agency the partner agency's code ({@code VBSP}...) for a partner user, otherwise
 * {@code null}
 */
public record Actor(String username, Set<String> roles, DataScope scope, String agency) {

	public static final Actor SYSTEM = new Actor("system", Set.of("SYSTEM"), DataScope.NATION);

	public Actor(String username, Set<String> roles, DataScope scope) {
		this(username, roles, scope, null);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
