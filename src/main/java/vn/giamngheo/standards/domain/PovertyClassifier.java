package vn.giamngheo.standards.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.giamngheo.shared.text.Vnd;
import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.MemberFacts;

/**
 * Classifies households under one standard (national or with a provincial overlay), by
 * the income way or the score way, and explains each result. Pure Java: no Spring, no
 * database.
 */
public final class PovertyClassifier {

	private final Standard standard;

	private final WayRules incomeWay;

	private final WayRules scoreWay;

	private final CompiledRules incomeRules;

	private final CompiledRules scoreRules;

	public PovertyClassifier(Standard standard) {
		this.standard = standard;
		this.incomeWay = standard.rules(Way.INCOME);
		this.scoreWay = standard.rules(Way.SCORE);
		this.incomeRules = CompiledRules.of(this.incomeWay);
		this.scoreRules = (this.scoreWay != null) ? CompiledRules.of(this.scoreWay) : null;
	}

	public Standard standard() {
		return this.standard;
	}

	/**
	 * Fast-path rules of the income way.
	 * @return the rules
	 */
	public CompiledRules incomeRules() {
		return this.incomeRules;
	}

	/**
	 * Fast-path rules of the score way.
	 * @return the rules, or {@code null} when the standard has no score way
	 */
	public CompiledRules scoreRules() {
		return this.scoreRules;
	}

	/**
	 * Classifies with today's date from the clock as survey date.
	 * @param facts household facts
	 * @param clock the clock
	 * @return the classification
	 */
	public Classification classify(HouseholdFacts facts, Clock clock) {
		return classify(facts, LocalDate.now(clock));
	}

	/**
	 * Classifies by the income way when income is given, otherwise by the score way.
	 * @param facts household facts
	 * @param surveyDate survey date (ages are computed at this date)
	 * @return the classification
	 */
	public Classification classify(HouseholdFacts facts, LocalDate surveyDate) {
		if (facts.incomePerCapita() != null) {
			return classify(facts, surveyDate, Way.INCOME);
		}
		if (facts.scoreA() != null) {
			return classify(facts, surveyDate, Way.SCORE);
		}
		throw new InvalidFactsException("MISSING_FACT", "incomePerCapita",
				"thiếu thu nhập bình quân hoặc điểm A / income per capita or score A is required");
	}

	/**
	 * Classifies by the given way.
	 * @param facts household facts
	 * @param surveyDate survey date (ages are computed at this date)
	 * @param way the way
	 * @return the classification
	 */
	public Classification classify(HouseholdFacts facts, LocalDate surveyDate, Way way) {
		if (way == Way.SCORE) {
			return classifyByScore(facts, surveyDate);
		}
		Long income = facts.incomePerCapita();
		if (income == null) {
			throw new InvalidFactsException("MISSING_FACT", "incomePerCapita",
					"thiếu thu nhập bình quân / income per capita is required");
		}
		if (income < 0) {
			throw new InvalidFactsException("INVALID_FACT", "incomePerCapita", "âm / negative");
		}
		List<IndicatorResult> results = evaluate(facts, surveyDate);
		int count = count(results);
		int code = livelihood(this.incomeWay, this.incomeRules.classify(facts.urban(), income, count),
				isAgricultural(facts));
		List<Threshold> used = used(this.incomeWay, facts.urban());
		Text why = explainIncome(facts.urban(), income, count, code);
		return new Classification(this.standard.key(), this.standard.version(), this.standard.provinceCode(),
				surveyDate, Way.INCOME, CompiledRules.povertyClass(code), CompiledRules.subtype(code), count, null,
				results, used, why, facts);
	}

	private Classification classifyByScore(HouseholdFacts facts, LocalDate surveyDate) {
		if (this.scoreWay == null) {
			throw new InvalidFactsException("NO_SCORE_WAY", "scoreA", "chuẩn " + this.standard.key()
					+ " không có cách tính điểm / standard " + this.standard.key() + " has no score way");
		}
		if (facts.scoreA() == null) {
			throw new InvalidFactsException("MISSING_FACT", "scoreA", "thiếu điểm A / score A is required");
		}
		long points = this.scoreWay.pointsPerDeprivation().value();
		List<IndicatorResult> results;
		int count;
		int scoreB;
		if (facts.members().isEmpty() && facts.scoreB() != null) {
			results = List.of();
			scoreB = facts.scoreB();
			count = (int) (scoreB / points);
		}
		else {
			results = evaluate(facts, surveyDate);
			count = count(results);
			scoreB = (facts.scoreB() != null) ? facts.scoreB() : (int) (count * points);
		}
		if (facts.scoreA() < 0 || scoreB < 0) {
			throw new InvalidFactsException("INVALID_FACT", "scoreA", "âm / negative");
		}
		int code = this.scoreRules.classify(facts.urban(), facts.scoreA(), scoreB);
		List<Threshold> used = new ArrayList<>(used(this.scoreWay, facts.urban()));
		used.add(this.scoreWay.pointsPerDeprivation());
		Text why = explainScore(facts.urban(), facts.scoreA(), scoreB, code);
		return new Classification(this.standard.key(), this.standard.version(), this.standard.provinceCode(),
				surveyDate, Way.SCORE, CompiledRules.povertyClass(code), CompiledRules.subtype(code), count, scoreB,
				results, List.copyOf(used), why, facts);
	}

	/**
	 * The decision in words for a class reached on facts already counted (a stored income
	 * or score and a deprivation count, as a what-if re-classifies recorded assessments):
	 * the same sentence {@link #classify} gives.
	 * @param way the way
	 * @param urban urban area
	 * @param value income per head (income way) or score A (score way)
	 * @param deprivations deprivation count (income way) or score B (score way)
	 * @return the class code ({@link CompiledRules}) and the explanation
	 */
	public Counted classifyCounted(Way way, boolean urban, long value, int deprivations) {
		if (way == Way.SCORE) {
			int code = this.scoreRules.classify(urban, value, deprivations);
			return new Counted(code, explainScore(urban, value, deprivations, code));
		}
		int code = this.incomeRules.classify(urban, value, deprivations);
		return new Counted(code, explainIncome(urban, value, deprivations, code));
	}

	/**
	 * A class reached on counted facts, with its explanation.
	 *
	 * @param code class code of {@link CompiledRules}
	 * @param explanation the decision in words
	 */
	public record Counted(int code, Text explanation) {
	}

	/**
	 * Evaluates every indicator predicate.
	 * @param facts household facts
	 * @param surveyDate survey date
	 * @return one result per indicator in catalogue order
	 */
	public List<IndicatorResult> evaluate(HouseholdFacts facts, LocalDate surveyDate) {
		int[] ages = ages(facts, surveyDate);
		Map<String, String> vars = variables(facts, facts.members().size());
		List<IndicatorResult> results = new ArrayList<>(this.standard.indicators().size());
		for (Indicator indicator : this.standard.indicators()) {
			Predicates.Context context = new Predicates.Context(facts, ages, new HashMap<>(vars));
			boolean deprived = indicator.predicate().test(context);
			Text reason = deprived ? reason(indicator, context) : null;
			results.add(
					new IndicatorResult(indicator.code(), indicator.name(), deprived, fact(indicator, deprived, reason),
							indicator.legalBasis(), indicator.verified() && this.standard.verified(), reason));
		}
		return List.copyOf(results);
	}

	/**
	 * The deciding fact of each stored deprivation that the standard's definitions
	 * confirm on what was recorded (ADR 0023): those the household's own facts decide,
	 * then, when the members at the survey are given, those their facts decide (ages at
	 * the survey date). A deprivation the definitions do not confirm is left out, never
	 * explained with a guessed fact.
	 * @param facts the household facts, with the members at the survey or none
	 * @param memberCount members at the survey
	 * @param recorded names of the household facts that were recorded (e.g.
	 * {@code housingQuality}, {@code floorAreaM2})
	 * @param deprived codes of the stored deprivations
	 * @param surveyDate the survey date (ages of the members)
	 * @return indicator code → deciding fact
	 */
	public Map<String, Text> confirmedReasons(HouseholdFacts facts, int memberCount, Set<String> recorded,
			Collection<String> deprived, LocalDate surveyDate) {
		Map<String, Text> reasons = householdReasons(facts, memberCount, recorded, deprived);
		if (facts.members().isEmpty()) {
			return reasons;
		}
		try {
			for (IndicatorResult r : evaluate(facts, surveyDate)) {
				if (r.deprived() && deprived.contains(r.code())) {
					reasons.putIfAbsent(r.code(), r.reason());
				}
			}
		}
		catch (InvalidFactsException ex) {
			// a household fact the definitions need was not recorded: household reasons
			// only
		}
		return reasons;
	}

	/**
	 * The deciding facts of stored deprivations that the household's own facts decide
	 * (housing, floor area, water, latrine, information...), for an assessment that kept
	 * those facts but not its members'. An indicator is explained only when every fact
	 * its definition reads was recorded and the definition, tested on them, confirms the
	 * stored deprivation; anything else is left unexplained rather than guessed.
	 * @param facts the household facts (its members are not read)
	 * @param memberCount members at the survey
	 * @param recorded names of the household facts that were recorded (e.g.
	 * {@code housingQuality}, {@code floorAreaM2})
	 * @param deprived codes of the stored deprivations
	 * @return indicator code → deciding fact, in catalogue order
	 */
	private Map<String, Text> householdReasons(HouseholdFacts facts, int memberCount, Set<String> recorded,
			Collection<String> deprived) {
		Map<String, Text> reasons = new LinkedHashMap<>();
		Map<String, String> vars = variables(facts, memberCount);
		for (Indicator indicator : this.standard.indicators()) {
			if (!deprived.contains(indicator.code())
					|| !recorded.containsAll(Predicates.reads(indicator.predicate()))) {
				continue;
			}
			Predicates.Context context = new Predicates.Context(facts, new int[0], memberCount, new HashMap<>(vars));
			try {
				if (indicator.predicate().test(context)) {
					reasons.put(indicator.code(), reason(indicator, context));
				}
			}
			catch (InvalidFactsException ex) {
				// a fact the definition needs is missing: no explanation
			}
		}
		return reasons;
	}

	/**
	 * Evaluates the indicators into a bit mask (bit i = indicator i in catalogue order),
	 * for storing pre-evaluated flags.
	 * @param facts household facts
	 * @param surveyDate survey date
	 * @return the mask
	 */
	public long deprivationMask(HouseholdFacts facts, LocalDate surveyDate) {
		List<IndicatorResult> results = evaluate(facts, surveyDate);
		long mask = 0;
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).deprived()) {
				mask |= 1L << i;
			}
		}
		return mask;
	}

	private static int count(List<IndicatorResult> results) {
		int count = 0;
		for (IndicatorResult result : results) {
			if (result.deprived()) {
				count++;
			}
		}
		return count;
	}

	private static int[] ages(HouseholdFacts facts, LocalDate surveyDate) {
		List<MemberFacts> members = facts.members();
		if (members.isEmpty()) {
			throw new InvalidFactsException("MISSING_FACT", "members",
					"cần ít nhất một thành viên / at least one member is required");
		}
		int[] ages = new int[members.size()];
		for (int i = 0; i < ages.length; i++) {
			MemberFacts member = members.get(i);
			if (member.dateOfBirth() == null) {
				throw new InvalidFactsException("MISSING_FACT", "members[" + i + "].dateOfBirth",
						"thiếu ngày sinh / date of birth is required");
			}
			if (member.dateOfBirth().isAfter(surveyDate)) {
				throw new InvalidFactsException("INVALID_FACT", "members[" + i + "].dateOfBirth",
						"sau ngày rà soát / after the survey date");
			}
			ages[i] = Period.between(member.dateOfBirth(), surveyDate).getYears();
		}
		return ages;
	}

	private static Map<String, String> variables(HouseholdFacts facts, int memberCount) {
		Map<String, String> vars = new HashMap<>();
		vars.put("members", Integer.toString(memberCount));
		vars.put("area",
				(facts.floorAreaM2() != null) ? facts.floorAreaM2().stripTrailingZeros().toPlainString() : "?");
		vars.put("housingQuality", String.valueOf(facts.housingQuality()));
		vars.put("waterSource", String.valueOf(facts.waterSource()));
		vars.put("latrine", String.valueOf(facts.latrine()));
		vars.put("wasteHandling", String.valueOf(facts.wasteHandling()));
		return vars;
	}

	private static Text fact(Indicator indicator, boolean deprived, Text reason) {
		String nameVi = lowerFirst(indicator.name().vi());
		String nameEn = lowerFirst(indicator.name().en());
		if (!deprived) {
			return new Text("Không thiếu hụt: " + nameVi, "Not deprived: " + nameEn);
		}
		return new Text(reason.vi() + " → thiếu hụt: " + nameVi, reason.en() + " → deprived: " + nameEn);
	}

	/**
	 * The deciding fact: the indicator's template filled with the values (named in each
	 * language), after the deciding member's name and age.
	 */
	private Text reason(Indicator indicator, Predicates.Context context) {
		String vi = fill(indicator.explanation().vi(), named(context.vars, false));
		String en = fill(indicator.explanation().en(), named(context.vars, true));
		if (context.decidingMember != null) {
			String name = context.decidingMember.name();
			int age = context.decidingAge;
			vi = "Thành viên " + name + ", " + age + " tuổi, " + vi;
			en = "Member " + name + ", " + age + ((age == 1) ? " year old, " : " years old, ") + en;
		}
		return new Text(vi, en);
	}

	/** The decision followed by the legal act of the standard, never its internal key. */
	private Text underAct(String vi, String en) {
		Text act = this.standard.legalAct();
		return new Text(vi + " (" + act.vi() + ")", en + " (" + act.en() + ")");
	}

	/**
	 * Template values in a language: coded values by their names from the vocabulary,
	 * decimals with a comma in Vietnamese.
	 */
	private Map<String, String> named(Map<String, String> vars, boolean english) {
		Map<String, String> named = new HashMap<>(vars);
		for (Map.Entry<String, String> var : vars.entrySet()) {
			Text name = this.standard.vocabulary().name(var.getKey(), var.getValue());
			if (name != null) {
				named.put(var.getKey(), name.in(english));
			}
			else if (!english && DECIMALS.contains(var.getKey())) {
				named.put(var.getKey(), var.getValue().replace('.', ','));
			}
		}
		return named;
	}

	/** Template values that are decimal numbers. */
	private static final Set<String> DECIMALS = Set.of("area", "areaPerMember");

	private static String fill(String template, Map<String, String> vars) {
		String result = template;
		for (Map.Entry<String, String> var : vars.entrySet()) {
			result = result.replace("{" + var.getKey() + "}", var.getValue());
		}
		return result;
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	/**
	 * The middle living standard is a status only of households in agriculture, forestry,
	 * fishery and salt-making where the standard says so (Decision 24/2021/QĐ-TTg Art. 2,
	 * on Decree 07/2021 Art. 3(2)(c)): any other household above the line is "not poor".
	 * @param rules the way's rules
	 * @param code the class code from the income band
	 * @param agricultural the household works in agriculture, forestry, fishery or
	 * salt-making
	 * @return the class code
	 */
	public static int livelihood(WayRules rules, int code, boolean agricultural) {
		if (rules.isMiddleAgricultureOnly() && !agricultural
				&& (code == CompiledRules.MIDDLE || code == CompiledRules.ABOVE_MIDDLE)) {
			return CompiledRules.NOT_POOR;
		}
		return code;
	}

	/**
	 * Whether the household works in agriculture, forestry, fishery or salt-making: a
	 * member's main work is {@code FARMER} (nông, lâm, ngư, diêm nghiệp).
	 * @param facts the household facts
	 * @return {@code true} when so
	 */
	public static boolean isAgricultural(HouseholdFacts facts) {
		return facts.members().stream().anyMatch((m) -> m.employment() == MemberFacts.Employment.FARMER);
	}

	private static List<Threshold> used(WayRules rules, boolean urban) {
		List<Threshold> used = new ArrayList<>();
		used.add(rules.povertyLine().of(urban));
		if (rules.nearPovertyLine() != null) {
			used.add(rules.nearPovertyLine().of(urban));
		}
		if (rules.middleCeiling() != null) {
			used.add(rules.middleCeiling().of(urban));
		}
		used.add(rules.deprivationCutoff());
		used.add(rules.incomeOnlyPoor());
		if (rules.middleAgricultureOnly() != null) {
			used.add(rules.middleAgricultureOnly());
		}
		return List.copyOf(used);
	}

	private Text explainIncome(boolean urban, long income, int count, int code) {
		String areaVi = urban ? "thành thị" : "nông thôn";
		String areaEn = urban ? "urban" : "rural";
		long line = this.incomeWay.povertyLine().of(urban).value();
		long cutoff = this.incomeWay.deprivationCutoff().value();
		String vi = "Thu nhập bình quân " + Vnd.digits(income, Locale.ROOT) + " đồng/người/tháng (" + areaVi
				+ ", chuẩn nghèo " + Vnd.digits(line, Locale.ROOT) + " đồng); thiếu hụt " + count + " chỉ số (ngưỡng "
				+ cutoff + ") → " + classVi(code);
		String en = "Income per head " + Vnd.digits(income, Locale.ENGLISH) + " VND/month (" + areaEn
				+ ", poverty line " + Vnd.digits(line, Locale.ENGLISH) + " VND); " + count + " deprivations (cut-off "
				+ cutoff + ") → " + classEn(code);
		if (code == CompiledRules.NOT_POOR && this.incomeWay.isMiddleAgricultureOnly()) {
			vi += " (mức sống trung bình chỉ xác định cho hộ làm nông, lâm, ngư, diêm nghiệp)";
			en += " (the middle living standard is a status only of households in agriculture, forestry, fishery"
					+ " and salt-making)";
		}
		return underAct(vi, en);
	}

	private Text explainScore(boolean urban, long scoreA, int scoreB, int code) {
		long line = this.scoreWay.povertyLine().of(urban).value();
		long cutoff = this.scoreWay.deprivationCutoff().value();
		String vi = "Điểm A = " + scoreA + " (ngưỡng " + line + (urban ? ", thành thị" : ", nông thôn") + "); điểm B = "
				+ scoreB + " (ngưỡng " + cutoff + ") → " + classVi(code);
		String en = "Score A = " + scoreA + " (line " + line + (urban ? ", urban" : ", rural") + "); score B = "
				+ scoreB + " (cut-off " + cutoff + ") → " + classEn(code);
		return underAct(vi, en);
	}

	private static String classVi(int code) {
		return switch (code) {
			case CompiledRules.POOR -> "hộ nghèo";
			case CompiledRules.POOR_INCOME -> "hộ nghèo (về thu nhập)";
			case CompiledRules.POOR_DEPRIVATION -> "hộ nghèo (thiếu hụt dịch vụ xã hội cơ bản)";
			case CompiledRules.NEAR_POOR -> "hộ cận nghèo";
			case CompiledRules.MIDDLE -> "hộ có mức sống trung bình";
			case CompiledRules.ABOVE_MIDDLE -> "trên mức sống trung bình";
			default -> "không nghèo";
		};
	}

	private static String classEn(int code) {
		return switch (code) {
			case CompiledRules.POOR -> "poor";
			case CompiledRules.POOR_INCOME -> "poor (income)";
			case CompiledRules.POOR_DEPRIVATION -> "poor (deprivation)";
			case CompiledRules.NEAR_POOR -> "near-poor";
			case CompiledRules.MIDDLE -> "middle living standard";
			case CompiledRules.ABOVE_MIDDLE -> "above middle living standard";
			default -> "not poor";
		};
	}

}
