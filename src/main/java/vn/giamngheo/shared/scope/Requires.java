package vn.giamngheo.shared.scope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on a request handler the permission a caller needs (any of those listed). It
 * is a declaration, not the check: the service the handler calls enforces it
 * ({@code CurrentActor.require}). {@code RoleMatrixIT} calls every endpoint as every role
 * and fails when the answer does not match the declaration, and when a POST, PUT, PATCH
 * or DELETE handler declares nothing. A GET handler without it needs
 * {@link Permission#READ}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Requires {

	/** The permissions, any one of which lets the caller in. */
	Permission[] value();

}
