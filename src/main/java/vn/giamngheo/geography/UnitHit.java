package vn.giamngheo.geography;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit as a person picks it: by its name, with its level and the names of the units
 * above it, so that two communes called "Xã Dang" can be told apart. The id is what a
 * form submits (hidden); nobody types it.
 *
 * @param id the unit's id (submitted by forms, never shown)
 * @param name full name ("Xã Dang")
 * @param level province | district | commune | village
 * @param edition list edition: 2024, 2025, local (villages)
 * @param parents names of the units above it, nearest first ("Huyện Tây Giang", "Tỉnh
 * Quảng Nam")
 * @param validTo last day of the unit (2024 list: 30/06/2025), or {@code null} when
 * current
 * @param path materialised path (for scope checks, never shown)
 */
public record UnitHit(long id, String name, String level, String edition, List<String> parents, LocalDate validTo,
		String path) {

	public UnitHit {
		parents = List.copyOf(parents);
	}

	/** "Xã Dang — Huyện Tây Giang, Tỉnh Quảng Nam": how a chosen unit is shown. */
	public String label() {
		return this.parents.isEmpty() ? this.name : this.name + " — " + String.join(", ", this.parents);
	}

}
