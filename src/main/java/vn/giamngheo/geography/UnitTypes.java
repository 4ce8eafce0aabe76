package vn.giamngheo.geography;

import java.util.Set;

/**
 * Unit types of the official lists and the urban/rural default they imply (GSO
 * convention: Phường and Thị trấn are urban, Xã rural). Đặc khu has no official rule yet:
 * rural by default, overridable per unit.
 */
public final class UnitTypes {

	private static final Set<String> URBAN = Set.of("Phường", "Thị trấn", "Quận", "Tổ dân phố");

	/** Village types a user may create. */
	public static final Set<String> VILLAGE_TYPES = Set.of("Thôn", "Bản", "Tổ dân phố", "Ấp", "Làng", "Khối", "Buôn",
			"Tổ");

	private UnitTypes() {
	}

	public static boolean urbanByType(String type) {
		return URBAN.contains(type);
	}

}
