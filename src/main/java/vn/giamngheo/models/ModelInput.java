package vn.giamngheo.models;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A model as typed (created or edited).
 *
 * @param name its name
 * @param type its type (one of {@link PovertyModel#TYPES})
 * @param description what it does
 * @param ownerUnitId the unit that runs it (a commune or above)
 * @param startedOn start
 * @param endedOn end, or null
 * @param replicatedFrom the model it copies, or null
 * @param units where it runs (communes or villages under the owner unit), each from a
 * day; null on an edit keeps the units as they are
 * @param funding integer VND by source ({@link PovertyModel#SOURCES}); missing sources
 * are 0
 */
public record ModelInput(String name, String type, String description, Long ownerUnitId, LocalDate startedOn,
		LocalDate endedOn, UUID replicatedFrom, List<UnitInput> units, Map<String, Long> funding) {

	/**
	 * A unit where the model runs.
	 *
	 * @param unitId the commune or village
	 * @param since from that day (the model's start when missing)
	 */
	public record UnitInput(Long unitId, LocalDate since) {
	}

}
