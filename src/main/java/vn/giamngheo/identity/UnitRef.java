package vn.giamngheo.identity;

/**
 * A unit named in a data scope.
 *
 * @param id unit id
 * @param code official code
 * @param edition list edition (2024, 2025, local)
 * @param level province, district, commune, village
 * @param name full name
 * @param path materialised path
 */
public record UnitRef(long id, String code, String edition, String level, String name, String path) {

	/** How the unit is typed in forms: {@code code@edition}. */
	public String key() {
		return this.code + "@" + this.edition;
	}

}
