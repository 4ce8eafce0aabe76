package vn.giamngheo.shared.db;

/**
 * The database roles (ADR 0015).
 *
 * @param appRole the role of the application's requests
 * @param ownerSeparate whether the schema's owner is another role; when it is not, the
 * application role owns the tables and nothing is granted
 */
public record DatabaseRoles(String appRole, boolean ownerSeparate) {

}
