/**
 * Identity and access: users, roles, data scope (view and capture units, DHIS2-style),
 * personal access tokens, login, lockout and the security configuration.
 * {@link vn.giamngheo.identity.CurrentActor} gives services the actor of the request and
 * the scope checks ({@code requireView} → 404, {@code requireCapture} → 403).
 */
package vn.giamngheo.identity;
