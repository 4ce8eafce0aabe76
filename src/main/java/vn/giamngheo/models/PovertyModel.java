package vn.giamngheo.models;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A poverty-reduction model (mô hình giảm nghèo) as stored.
 *
 * @param id opaque id
 * @param provinceCode province of its owner unit
 * @param name its name
 * @param type LIVESTOCK, CROPS, FOREST, AQUACULTURE, HANDICRAFT, SERVICES, VOCATIONAL or
 * OTHER (shown by its name from the bundle, {@code models.type.<TYPE>})
 * @param description what it does
 * @param ownerUnitId the unit that runs it
 * @param ownerName that unit's name
 * @param ownerPath that unit's path (the scope of who manages it)
 * @param startedOn start
 * @param endedOn end, or null while it runs
 * @param replicatedFrom the model it copies, or null
 * @param replicatedFromName that model's name
 * @param version optimistic-locking version
 * @param voided voided
 * @param voidReason why voided
 * @param units the communes and villages where it runs
 * @param funding its funding by source
 * @param participants households taking part (ever)
 */
public record PovertyModel(UUID id, String provinceCode, String name, String type, String description, long ownerUnitId,
		String ownerName, String ownerPath, LocalDate startedOn, LocalDate endedOn, UUID replicatedFrom,
		String replicatedFromName, int version, boolean voided, String voidReason, List<ModelUnit> units,
		List<Funding> funding, int participants) {

	/** The types of model, in the order forms offer them. */
	public static final List<String> TYPES = List.of("LIVESTOCK", "CROPS", "FOREST", "AQUACULTURE", "HANDICRAFT",
			"SERVICES", "VOCATIONAL", "OTHER");

	/**
	 * The funding sources (those of the benefit ledger), in the order forms show them.
	 */
	public static final List<String> SOURCES = List.of("CENTRAL", "LOCAL", "CREDIT", "MOBILISED", "OWN");

	/** The whole funding, integer VND. */
	public long fundingTotal() {
		return this.funding.stream().mapToLong(Funding::amountVnd).sum();
	}

	/** The amount of one source (0 when none). */
	public long funding(String source) {
		return this.funding.stream()
			.filter((f) -> f.source().equals(source))
			.mapToLong(Funding::amountVnd)
			.findFirst()
			.orElse(0);
	}

	/**
	 * A unit where a model runs.
	 *
	 * @param unitId the commune or village
	 * @param name its name
	 * @param path its path
	 * @param communeId its commune (itself for a commune)
	 * @param since the day the model runs there from
	 */
	public record ModelUnit(long unitId, String name, String path, long communeId, LocalDate since) {
	}

	/**
	 * Funding from one source.
	 *
	 * @param source CENTRAL, LOCAL, CREDIT, MOBILISED or OWN
	 * @param amountVnd integer VND
	 */
	public record Funding(String source, long amountVnd) {
	}

}
