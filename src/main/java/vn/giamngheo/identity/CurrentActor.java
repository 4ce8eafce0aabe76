package vn.giamngheo.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;

/**
 * The actor of the current request, for application services. Services ask this bean
 * (never the controller) for the scope, so a new endpoint cannot forget it.
 */
@Component
public class CurrentActor {

	public Actor get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return new Actor("anonymous", Set.of(), DataScope.NONE);
		}
		Set<String> roles = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((a) -> a.startsWith("ROLE_") ? a.substring(5) : a)
			.collect(Collectors.toUnmodifiableSet());
		DataScope scope = roles.contains("ADMIN") ? DataScope.NATION : DataScope.NONE;
		return new Actor(auth.getName(), roles, scope);
	}

}
