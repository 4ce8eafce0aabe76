package vn.giamngheo.standards;

import java.math.BigDecimal;
import java.util.List;

/**
 * Facts about one household at a survey, as recorded on the review form. The registry
 * maps its rows into exactly this record; the engine reads nothing else.
 *
 * @param urban the household lives in an urban area (phường, thị trấn)
 * @param incomePerCapita income per person per month in integer VND; {@code null} when
 * the score way is used
 * @param scoreA income score A (B1) of the review form, for the score way
 * @param scoreB deprivation score B (B2) of the review form, for the score way
 * @param housingQuality quality of the main house
 * @param floorAreaM2 floor area of the house in square metres
 * @param waterSource main domestic water source
 * @param latrine latrine used
 * @param telecomUse some member uses a telephone subscription
 * @param internetUse some member uses the internet or digital services
 * @param infoDevices the household owns a TV, radio, computer or smartphone
 * @param loudspeakerReach the household hears the commune or village loudspeakers
 * @param wasteHandling how domestic waste is handled
 * @param members household members
 */
public record HouseholdFacts(boolean urban, Long incomePerCapita, Integer scoreA, Integer scoreB,
		HousingQuality housingQuality, BigDecimal floorAreaM2, WaterSource waterSource, Latrine latrine,
		boolean telecomUse, boolean internetUse, boolean infoDevices, boolean loudspeakerReach,
		WasteHandling wasteHandling, List<MemberFacts> members) {

	public HouseholdFacts {
		members = (members != null) ? List.copyOf(members) : List.of();
	}

	public enum HousingQuality {

		SOLID, SEMI_SOLID, NON_DURABLE, MAKESHIFT

	}

	public enum WaterSource {

		TAP, DRILLED_WELL, PROTECTED_DUG_WELL, PROTECTED_SPRING, RAINWATER, BOTTLED, UNPROTECTED_WELL,
		UNPROTECTED_SPRING, SURFACE_WATER, OTHER

	}

	public enum Latrine {

		SEPTIC, SEMI_SEPTIC, POUR_FLUSH, DOUBLE_VAULT, VENTILATED_PIT, BIOGAS, UNHYGIENIC_PIT, NONE, OTHER

	}

	public enum WasteHandling {

		COLLECTED, TREATED_ON_SITE, UNTREATED

	}

}
