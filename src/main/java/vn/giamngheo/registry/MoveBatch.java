package vn.giamngheo.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A batch of the move to the 2025 units (ADR 0028), as the screen and the API show it.
 *
 * @param id batch id
 * @param provinceCode the 2025 province
 * @param kind REFORM_FULL, VILLAGES or TRANSFER
 * @param effective the first day at the new addresses
 * @param households households moved
 * @param villages villages moved (0 once undone)
 * @param note the officer's note
 * @param createdBy who moved ("system" for the demo)
 * @param createdAt when
 * @param undoneBy who undid it
 * @param undoneAt when it was undone
 */
public record MoveBatch(long id, String provinceCode, String kind, LocalDate effective, int households, int villages,
		String note, String createdBy, OffsetDateTime createdAt, String undoneBy, OffsetDateTime undoneAt) {

	public boolean undone() {
		return this.undoneAt != null;
	}

}
