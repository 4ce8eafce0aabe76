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

/**
 * The actor of the current request, for application services. Services ask this bean
 * (never the controller) for the scope, so a new endpoint cannot forget it. The actor is
 * resolved once per login or token lookup and kept in the principal, so a call costs a
 * field read.
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
	 * Refuses the call unless the current user has one of the roles (403).
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
