package vn.giamngheo.identity;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.ActorSource;
import vn.giamngheo.shared.scope.DataScope;
import vn.giamngheo.shared.scope.Permission;

/**
 * The actor of the current request, for application services. Services ask this bean
 * (never the controller) for the role's permission and the scope, so a new endpoint
 * cannot forget them: {@link #require(Permission, String)} for a write,
 * {@link #requireView} for a read. The actor is resolved once per login or token lookup
 * and kept in the principal, so a call costs a field read and a bit test.
 */
@Component
public class CurrentActor implements ActorSource {

	private static final Actor ANONYMOUS = new Actor("anonymous", Set.of(), DataScope.NONE);

	@Override
	public Actor current() {
		return get();
	}

	public Actor get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return ANONYMOUS;
		}
		if (auth.getPrincipal() instanceof SignedInUser user) {
			return user.actor();
		}
		// Anything else (test principals, anonymous token) has no scope.
		return new Actor(auth.getName(), Set.of(), DataScope.NONE);
	}

	/** The current role, or {@code null} when nobody is signed in. */
	public Role role() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getPrincipal() instanceof SignedInUser user) ? user.role() : null;
	}

	/** The signed-in user's id, or -1. */
	public long userId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getPrincipal() instanceof SignedInUser user) ? user.id() : -1;
	}

	/**
	 * Refuses a read outside the view scope as "not found", so the answer does not reveal
	 * that the record exists.
	 * @param unitPath materialised path of the record's unit
	 * @return the actor
	 */
	public Actor requireView(String unitPath) {
		Actor actor = get();
		if (!actor.scope().canView(unitPath)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain");
		}
		return actor;
	}

	/**
	 * Refuses a write outside the capture scope (403). Call {@link #requireView} first
	 * where the record is looked up, so an invisible record stays a 404.
	 * @param unitPath materialised path of the record's unit
	 * @return the actor
	 */
	public Actor requireCapture(String unitPath) {
		Actor actor = get();
		if (!actor.scope().canView(unitPath)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain");
		}
		if (!actor.scope().canCapture(unitPath)) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden");
		}
		return actor;
	}

	/**
	 * Refuses the call unless the current user's role grants the permission (403, with a
	 * message naming the action). Call it first, before records are looked up, where the
	 * unit is not known yet; then {@link #require(Permission, String)} or
	 * {@link #requireCapture} once it is.
	 * @param permission what the caller wants to do
	 * @return the actor
	 */
	public Actor require(Permission permission) {
		Actor actor = get();
		if (!actor.may(permission)) {
			throw forbidden(permission);
		}
		return actor;
	}

	/**
	 * The check of a write: the role grants the permission (else 403 naming the action),
	 * the unit is in the view scope (else 404) and in the capture scope (else 403).
	 * @param permission what the caller wants to do
	 * @param unitPath materialised path of the record's unit
	 * @return the actor
	 */
	public Actor require(Permission permission, String unitPath) {
		require(permission);
		return requireCapture(unitPath);
	}

	/**
	 * As {@link #require(Permission, String)} for a step that more than one permission
	 * allows (e.g. writing a recognised class: the annual review's recognition or an
	 * in-year decision).
	 * @param unitPath materialised path of the record's unit
	 * @param permissions any of these
	 * @return the actor
	 */
	public Actor requireAny(String unitPath, Permission... permissions) {
		Actor actor = get();
		for (Permission p : permissions) {
			if (actor.may(p)) {
				return requireCapture(unitPath);
			}
		}
		throw forbidden(permissions[0]);
	}

	/**
	 * The check of recording support delivered to a household: the permission and the
	 * scope as {@link #require(Permission, String)}, and a partner only for the support
	 * of its own agency (403).
	 * @param agency the agency that delivers the support ({@code VBSP}...)
	 * @param unitPath materialised path of the household's unit
	 * @return the actor
	 */
	public Actor requireSupport(String agency, String unitPath) {
		Actor actor = require(Permission.SUPPORT_RECORD, unitPath);
		if (actor.hasRole(Role.PARTNER.name()) && (agency == null || !agency.equals(actor.agency()))) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.agency");
		}
		return actor;
	}

	/** Whether the current user's role grants the permission (for pages and filters). */
	public boolean may(Permission permission) {
		return get().may(permission);
	}

	private static DomainException forbidden(Permission permission) {
		return new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.permission." + permission.name());
	}

	/**
	 * Refuses the call unless the current user has one of the roles (403). Prefer
	 * {@link #require(Permission)}: what a role may do is written in {@link RoleMatrix}
	 * only.
	 * @param roles allowed roles
	 * @return the actor
	 */
	public Actor requireRole(Role... roles) {
		Role current = role();
		for (Role r : roles) {
			if (r == current) {
				return get();
			}
		}
		throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden.role");
	}

}
