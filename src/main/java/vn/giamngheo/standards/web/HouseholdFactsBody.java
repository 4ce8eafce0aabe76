package vn.giamngheo.standards.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.MemberFacts;

/**
 * JSON body of household facts: the same fields as {@link HouseholdFacts}, with yes/no
 * facts that may be left out (meaning "no").
 */
public record HouseholdFactsBody(Boolean urban, Long incomePerCapita, Integer scoreA, Integer scoreB,
		HouseholdFacts.HousingQuality housingQuality, BigDecimal floorAreaM2, HouseholdFacts.WaterSource waterSource,
		HouseholdFacts.Latrine latrine, Boolean telecomUse, Boolean internetUse, Boolean infoDevices,
		Boolean loudspeakerReach, HouseholdFacts.WasteHandling wasteHandling, List<Member> members) {

	/** A member as sent. */
	public record Member(String name, MemberFacts.Sex sex, LocalDate dateOfBirth, Boolean healthInsurance,
			Boolean inSchool, MemberFacts.EducationLevel educationLevel, MemberFacts.Employment employment,
			Boolean disability, Boolean socialAllowance, Boolean malnourished, Boolean illNoCare) {

		MemberFacts toFacts() {
			return new MemberFacts(this.name, this.sex, this.dateOfBirth, yes(this.healthInsurance), yes(this.inSchool),
					this.educationLevel, this.employment, yes(this.disability), yes(this.socialAllowance),
					yes(this.malnourished), yes(this.illNoCare));
		}

	}

	private static boolean yes(Boolean b) {
		return Boolean.TRUE.equals(b);
	}

	HouseholdFacts toFacts() {
		return new HouseholdFacts(yes(this.urban), this.incomePerCapita, this.scoreA, this.scoreB, this.housingQuality,
				this.floorAreaM2, this.waterSource, this.latrine, yes(this.telecomUse), yes(this.internetUse),
				yes(this.infoDevices), yes(this.loudspeakerReach), this.wasteHandling,
				(this.members != null) ? this.members.stream().map(Member::toFacts).toList() : List.of());
	}

}
