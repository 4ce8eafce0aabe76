package vn.giamngheo.registry.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.giamngheo.registry.Assessment;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.Member;
import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.domain.Indicator;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.Text;
import vn.giamngheo.standards.domain.Way;
import vn.giamngheo.standards.domain.WayRules;

/**
 * Why a household has its class in each year (ADR 0023): the standard by its legal act,
 * income per head against the poverty line, and each stored deprivation by its name with
 * the fact that caused it. A fact is quoted only when the standard's definition, tested
 * again on what was recorded, confirms the stored deprivation: the household's own facts
 * of that year, and today's members when they are as many as at the survey. Otherwise the
 * deprivation is named without a fact, never with a guessed one.
 */
@Component
public class YearExplanations {

	private final StandardCatalogue catalogue;

	public YearExplanations(StandardCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The explanation of each assessment of a household.
	 * @param household the household
	 * @param members its members today (not voided)
	 * @param history its assessments
	 * @return one explanation per assessment, in the history's order
	 */
	public List<Year> of(Household household, List<Member> members, List<Assessment> history) {
		List<Year> years = new ArrayList<>(history.size());
		for (Assessment a : history) {
			years.add(explain(household, members, a));
		}
		return years;
	}

	private Year explain(Household household, List<Member> members, Assessment a) {
		Standard standard = this.catalogue.find(a.standardKey()).orElse(null);
		if (standard == null) {
			List<Deprivation> unnamed = a.deprivations()
				.stream()
				.map((c) -> new Deprivation(null, null, false))
				.toList();
			return new Year(a, null, null, false, null, unnamed);
		}
		WayRules income = standard.rules(Way.INCOME);
		Long line = (income != null) ? income.povertyLine().of(household.urban()).value() : null;
		Map<String, Text> reasons = reasons(standard, household, members, a);
		List<Deprivation> deprivations = new ArrayList<>();
		for (String code : a.deprivations()) {
			Indicator indicator = standard.indicator(code);
			deprivations.add(new Deprivation((indicator != null) ? indicator.name() : null, reasons.get(code),
					indicator != null && indicator.verified() && standard.verified()));
		}
		return new Year(a, standard.name(), standard.legalAct(), standard.verified(), line, deprivations);
	}

	private static Map<String, Text> reasons(Standard standard, Household household, List<Member> members,
			Assessment a) {
		Set<String> recorded = new HashSet<>();
		HouseholdFacts facts;
		try {
			facts = new HouseholdFacts(household.urban(), a.incomePerCapita(), a.scoreA(), a.scoreB(),
					recorded(recorded, "housingQuality", HouseholdFacts.HousingQuality.class, a.housingQuality()),
					recorded(recorded, "floorAreaM2", a.floorAreaM2()),
					recorded(recorded, "waterSource", HouseholdFacts.WaterSource.class, a.waterSource()),
					recorded(recorded, "latrine", HouseholdFacts.Latrine.class, a.latrine()),
					yes(recorded(recorded, "telecomUse", a.telecomUse())),
					yes(recorded(recorded, "internetUse", a.internetUse())),
					yes(recorded(recorded, "infoDevices", a.infoDevices())),
					yes(recorded(recorded, "loudspeakerReach", a.loudspeakerReach())),
					recorded(recorded, "wasteHandling", HouseholdFacts.WasteHandling.class, a.wasteHandling()),
					membersAtSurvey(members, a));
		}
		catch (IllegalArgumentException ex) {
			return Map.of();
		}
		return new PovertyClassifier(standard).confirmedReasons(facts, a.memberCount(), recorded, a.deprivations(),
				a.surveyDate());
	}

	/** Today's members when they are as many as at the survey, else none. */
	private static List<vn.giamngheo.standards.MemberFacts> membersAtSurvey(List<Member> members, Assessment a) {
		if (a.surveyDate() == null || members.size() != a.memberCount()) {
			return List.of();
		}
		return members.stream().map(Member::facts).toList();
	}

	private static <E extends Enum<E>> E recorded(Set<String> recorded, String field, Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		E e = Enum.valueOf(type, value);
		recorded.add(field);
		return e;
	}

	private static <T> T recorded(Set<String> recorded, String field, T value) {
		if (value != null) {
			recorded.add(field);
		}
		return value;
	}

	private static boolean yes(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

	/**
	 * The explanation of one year.
	 *
	 * @param assessment the assessment
	 * @param standardName the standard's name, {@code null} when unknown
	 * @param legalAct the act that sets the standard, {@code null} when unknown
	 * @param verified whether the standard's text was verified
	 * @param povertyLine the income poverty line for the household's area (VND per person
	 * per month), {@code null} when unknown
	 * @param deprivations the stored deprivations, named
	 */
	public record Year(Assessment assessment, Text standardName, Text legalAct, boolean verified, Long povertyLine,
			List<Deprivation> deprivations) {

	}

	/**
	 * One deprivation.
	 *
	 * @param name the indicator's name, {@code null} when the standard does not know it
	 * @param reason the fact that caused it, {@code null} when it cannot be confirmed
	 * @param verified whether the indicator's definition was verified
	 */
	public record Deprivation(Text name, Text reason, boolean verified) {

	}

}
