package vn.giamngheo.standards.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.MemberFacts;

/**
 * The small declarative vocabulary in which deprivation definitions are written in the
 * standard files. Household predicates: {@code field} tests ({@code equals}, {@code in},
 * {@code not_in}), {@code all}, {@code any}, {@code not}, {@code any_member},
 * {@code member_share} ({@code above} an exact fraction) and
 * {@code floor_area_per_member_below}. Member predicates: {@code field} tests,
 * {@code age} ({@code from} inclusive, {@code below} exclusive, whole years at the survey
 * date), {@code all}, {@code any}, {@code not}.
 */
public final class Predicates {

	/**
	 * Value of a household field a predicate may test (a switch: no lambdas at start-up).
	 */
	static Object householdValue(String field, HouseholdFacts h) {
		return switch (field) {
			case "urban" -> h.urban();
			case "housingQuality" -> h.housingQuality();
			case "waterSource" -> h.waterSource();
			case "latrine" -> h.latrine();
			case "telecomUse" -> h.telecomUse();
			case "internetUse" -> h.internetUse();
			case "infoDevices" -> h.infoDevices();
			case "loudspeakerReach" -> h.loudspeakerReach();
			case "wasteHandling" -> h.wasteHandling();
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** Type of each household field: Boolean or an enum class. */
	static final Map<String, Class<?>> HOUSEHOLD_FIELD_TYPES = Map.of("urban", Boolean.class, "housingQuality",
			HouseholdFacts.HousingQuality.class, "waterSource", HouseholdFacts.WaterSource.class, "latrine",
			HouseholdFacts.Latrine.class, "telecomUse", Boolean.class, "internetUse", Boolean.class, "infoDevices",
			Boolean.class, "loudspeakerReach", Boolean.class, "wasteHandling", HouseholdFacts.WasteHandling.class);

	/** Value of a member field a predicate may test. */
	static Object memberValue(String field, MemberFacts m) {
		return switch (field) {
			case "sex" -> m.sex();
			case "healthInsurance" -> m.healthInsurance();
			case "inSchool" -> m.inSchool();
			case "educationLevel" -> m.educationLevel();
			case "employment" -> m.employment();
			case "disability" -> m.disability();
			case "socialAllowance" -> m.socialAllowance();
			case "malnourished" -> m.malnourished();
			case "illNoCare" -> m.illNoCare();
			default -> throw new IllegalArgumentException(field);
		};
	}

	static final Map<String, Class<?>> MEMBER_FIELD_TYPES = Map.of("sex", MemberFacts.Sex.class, "healthInsurance",
			Boolean.class, "inSchool", Boolean.class, "educationLevel", MemberFacts.EducationLevel.class, "employment",
			MemberFacts.Employment.class, "disability", Boolean.class, "socialAllowance", Boolean.class, "malnourished",
			Boolean.class, "illNoCare", Boolean.class);

	private Predicates() {
	}

	/**
	 * What one evaluation needs and what it found out: the facts, the ages at the survey
	 * date, the member who decided an {@code any_member} test and template variables.
	 */
	public static final class Context {

		final HouseholdFacts facts;

		final int[] ages;

		final int memberCount;

		MemberFacts decidingMember;

		int decidingAge;

		final Map<String, String> vars;

		Context(HouseholdFacts facts, int[] ages, Map<String, String> vars) {
			this(facts, ages, facts.members().size(), vars);
		}

		/**
		 * A context for household-level tests only: the member count without the members'
		 * facts.
		 */
		Context(HouseholdFacts facts, int[] ages, int memberCount, Map<String, String> vars) {
			this.facts = facts;
			this.ages = ages;
			this.memberCount = memberCount;
			this.vars = vars;
		}

	}

	/** A predicate over a household. */
	public sealed interface HouseholdPredicate
			permits HouseholdField, AllOf, AnyOf, Not, AnyMember, MemberShare, FloorAreaPerMemberBelow {

		boolean test(Context context);

	}

	/** A predicate over one member of given age. */
	public sealed interface MemberPredicate permits MemberField, MemberAll, MemberAny, MemberNot, Age {

		boolean test(MemberFacts member, int age);

	}

	/** What a test over the members reads, in {@link #reads}. */
	static final String MEMBERS = "members";

	/**
	 * The household facts a predicate reads: field names, {@code floorAreaM2} (with the
	 * member count) and {@link #MEMBERS} when it tests members' facts.
	 * @param predicate the predicate
	 * @return the names
	 */
	static Set<String> reads(HouseholdPredicate predicate) {
		Set<String> names = new java.util.HashSet<>();
		collect(predicate, names);
		return names;
	}

	private static void collect(HouseholdPredicate predicate, Set<String> names) {
		if (predicate instanceof HouseholdField f) {
			names.add(f.field());
		}
		else if (predicate instanceof AllOf all) {
			all.parts().forEach((p) -> collect(p, names));
		}
		else if (predicate instanceof AnyOf any) {
			any.parts().forEach((p) -> collect(p, names));
		}
		else if (predicate instanceof Not not) {
			collect(not.part(), names);
		}
		else if (predicate instanceof FloorAreaPerMemberBelow) {
			names.add("floorAreaM2");
		}
		else {
			names.add(MEMBERS);
		}
	}

	static boolean matches(Object value, Set<Object> values, boolean negate) {
		return values.contains(value) != negate;
	}

	/** Household field in a set (or not in it). */
	public record HouseholdField(String field, Set<Object> values, boolean negate) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			Object value = householdValue(this.field, context.facts);
			if (value == null) {
				throw new InvalidFactsException("MISSING_FACT", this.field, "missing / thiếu thông tin");
			}
			return matches(value, this.values, this.negate);
		}

	}

	/** All of the parts hold. */
	public record AllOf(List<HouseholdPredicate> parts) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			for (HouseholdPredicate part : this.parts) {
				if (!part.test(context)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Any of the parts holds. */
	public record AnyOf(List<HouseholdPredicate> parts) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			for (HouseholdPredicate part : this.parts) {
				if (part.test(context)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The part does not hold. */
	public record Not(HouseholdPredicate part) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			return !this.part.test(context);
		}

	}

	/** Some member matches; the first one found decides. */
	public record AnyMember(MemberPredicate where) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			List<MemberFacts> members = context.facts.members();
			for (int i = 0; i < members.size(); i++) {
				if (this.where.test(members.get(i), context.ages[i])) {
					context.decidingMember = members.get(i);
					context.decidingAge = context.ages[i];
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The share of members matching is strictly above {@code numerator/denominator},
	 * tested exactly as {@code count × denominator > numerator × members}.
	 */
	public record MemberShare(MemberPredicate where, long numerator, long denominator) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			List<MemberFacts> members = context.facts.members();
			long count = 0;
			for (int i = 0; i < members.size(); i++) {
				if (this.where.test(members.get(i), context.ages[i])) {
					count++;
				}
			}
			context.vars.put("count", Long.toString(count));
			return !members.isEmpty() && count * this.denominator > this.numerator * members.size();
		}

	}

	/** Floor area per member strictly below a value in m², tested exactly. */
	public record FloorAreaPerMemberBelow(BigDecimal squareMetres) implements HouseholdPredicate {

		@Override
		public boolean test(Context context) {
			BigDecimal area = context.facts.floorAreaM2();
			if (area == null) {
				throw new InvalidFactsException("MISSING_FACT", "floorAreaM2", "missing / thiếu thông tin");
			}
			int members = context.memberCount;
			if (members == 0) {
				return false;
			}
			context.vars.put("areaPerMember",
					area.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP)
						.stripTrailingZeros()
						.toPlainString());
			return area.compareTo(this.squareMetres.multiply(BigDecimal.valueOf(members))) < 0;
		}

	}

	/** Member field in a set (or not in it). */
	public record MemberField(String field, Set<Object> values, boolean negate) implements MemberPredicate {

		@Override
		public boolean test(MemberFacts member, int age) {
			Object value = memberValue(this.field, member);
			if (value == null) {
				throw new InvalidFactsException("MISSING_FACT", "members[" + member.name() + "]." + this.field,
						"missing / thiếu thông tin");
			}
			return matches(value, this.values, this.negate);
		}

	}

	/** All parts hold for the member. */
	public record MemberAll(List<MemberPredicate> parts) implements MemberPredicate {

		@Override
		public boolean test(MemberFacts member, int age) {
			for (MemberPredicate part : this.parts) {
				if (!part.test(member, age)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Any part holds for the member. */
	public record MemberAny(List<MemberPredicate> parts) implements MemberPredicate {

		@Override
		public boolean test(MemberFacts member, int age) {
			for (MemberPredicate part : this.parts) {
				if (part.test(member, age)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The part does not hold for the member. */
	public record MemberNot(MemberPredicate part) implements MemberPredicate {

		@Override
		public boolean test(MemberFacts member, int age) {
			return !this.part.test(member, age);
		}

	}

	/**
	 * Age in whole years at the survey date in {@code [from, below)}; a bound of
	 * {@code -1} is open.
	 */
	public record Age(int from, int below) implements MemberPredicate {

		@Override
		public boolean test(MemberFacts member, int age) {
			return (this.from < 0 || age >= this.from) && (this.below < 0 || age < this.below);
		}

	}

}
