package vn.giamngheo.registry.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.HouseholdRow;

/**
 * Households as a picker shows them ({@code ${@householdNames.byCode(code)}}): by their
 * code with the head's name and village, found by code or by the head's name inside the
 * user's view scope (ADR 0025). A citizen ID is not searched here (that search is
 * audited; the household list offers it).
 */
@Component("householdNames")
public class HouseholdNames {

	private final HouseholdRegistry registry;

	HouseholdNames(HouseholdRegistry registry) {
		this.registry = registry;
	}

	/** Households whose code starts with, or whose head's name contains, the text. */
	public List<HouseholdHit> find(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		HouseholdQuery query = new HouseholdQuery(null, null, null, null, text.strip(), 0, limit, "code", false);
		if (query.isCitizenIdSearch()) {
			return List.of();
		}
		return this.registry.search(query).items().stream().map(HouseholdNames::hit).toList();
	}

	/** The household with this code in the user's view scope, or {@code null}. */
	public HouseholdHit byCode(Object code) {
		if (!(code instanceof String text) || text.isBlank() || text.strip().matches("[0-9]{12}")) {
			return null;
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		return find(text, 20).stream()
			.filter((h) -> h.code().toUpperCase(Locale.ROOT).equals(wanted))
			.findFirst()
			.orElse(null);
	}

	private static HouseholdHit hit(HouseholdRow row) {
		return new HouseholdHit(row.code(), row.headName(), row.villageName());
	}

	/**
	 * A household as a picker shows it.
	 *
	 * @param code household code (what the form submits)
	 * @param headName head of household
	 * @param villageName village
	 */
	public record HouseholdHit(String code, String headName, String villageName) {

		/** "20464-000001 — Bhling Tuyến". */
		public String label() {
			return this.code + " — " + this.headName;
		}

	}

}
