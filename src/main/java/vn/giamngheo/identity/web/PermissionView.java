package vn.giamngheo.identity.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.RoleMatrix;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

/**
 * What pages ask before they show a button or form:
 * {@code ${@perm.can('REGISTRY_EDIT')}}, or with the record's unit
 * {@code ${@perm.can('REGISTRY_EDIT', household.unitPath())}} (the role's permission and
 * the capture scope). A page never shows an action the service would refuse; the service
 * still checks. Also the permission matrix for the users page and the account page.
 */
@Component("perm")
public class PermissionView {

	private final CurrentActor current;

	PermissionView(CurrentActor current) {
		this.current = current;
	}

	/** Whether the current user's role grants the permission (its name). */
	public boolean can(String permission) {
		return this.current.may(Permission.valueOf(permission));
	}

	/**
	 * Whether the current user may do it in this unit: the permission and the capture
	 * scope.
	 */
	public boolean can(String permission, String unitPath) {
		Actor actor = this.current.get();
		return actor.may(Permission.valueOf(permission)) && unitPath != null && actor.scope().canCapture(unitPath);
	}

	/** The roles, as the matrix shows them. */
	public List<Role> roles() {
		return RoleMatrix.columns();
	}

	/** The actions of the matrix, in order. */
	public List<Permission> permissions() {
		return List.of(Permission.values());
	}

	/** Whether the role grants the permission (a cell of the matrix). */
	public boolean allows(Role role, Permission permission) {
		return role.may(permission);
	}

	/** What the current user's role may do, in order (the account page). */
	public List<Permission> mine() {
		Actor actor = this.current.get();
		return permissions().stream().filter(actor::may).toList();
	}

}
