package vn.giamngheo.analytics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import vn.giamngheo.standards.domain.CompiledRules;
import vn.giamngheo.standards.domain.Indicator;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.Text;
import vn.giamngheo.standards.domain.Way;

/**
 * A what-if over recorded assessments (ADR 0033): each household's latest recognised
 * assessment is classified again under another standard from the facts it recorded — the
 * income per head (or scores A and B), the area type and the deprivations found at the
 * survey, counted by indicator code against the other standard's indicators — and
 * compared with the class it has. Counts are kept by commune; the households whose status
 * (poor, near-poor, neither) changes are kept compactly, up to a limit, and explained on
 * demand. Plain Java; fed one row at a time, nothing allocated per row but the changes.
 */
public final class WhatIfTally {

	/** Status groups compared: a change between them is a change of class. */
	public static final int POOR = 0;

	public static final int NEAR_POOR = 1;

	public static final int OTHER = 2;

	/** Counters of a commune. */
	private static final int HOUSEHOLDS = 0;

	private static final int POOR_NOW = 1;

	private static final int NEAR_NOW = 2;

	private static final int POOR_THEN = 3;

	private static final int NEAR_THEN = 4;

	private static final int UNCLASSIFIED = 5;

	private final PovertyClassifier classifier;

	private final Standard standard;

	private final CompiledRules income;

	private final CompiledRules score;

	private final long pointsPerDeprivation;

	/** Bit of each indicator of the standard by its code (AAA..ZZZ), or -1. */
	private final int[] bitOfCode = new int[26 * 26 * 26];

	private final Map<Long, int[]> communes = new HashMap<>();

	private final int limit;

	private int households;

	private int changedCount;

	private int unclassified;

	// the kept changes, column by column
	private int kept;

	private long[] idHigh = new long[256];

	private long[] idLow = new long[256];

	private long[] commune = new long[256];

	private long[] value = new long[256];

	private long[] mask = new long[256];

	private int[] count = new int[256];

	private short[] year = new short[256];

	private byte[] now = new byte[256];

	private byte[] then = new byte[256];

	private boolean[] byScore = new boolean[256];

	/**
	 * @param standard the standard the households are classified under
	 * @param limit how many changed households to keep (all are counted)
	 */
	public WhatIfTally(Standard standard, int limit) {
		this.standard = standard;
		this.classifier = new PovertyClassifier(standard);
		this.income = this.classifier.incomeRules();
		this.score = this.classifier.scoreRules();
		this.pointsPerDeprivation = (standard.scoreWayRules().isPresent())
				? standard.scoreWayRules().get().pointsPerDeprivation().value() : 1;
		this.limit = limit;
		Arrays.fill(this.bitOfCode, -1);
		List<Indicator> indicators = standard.indicators();
		for (int i = 0; i < indicators.size() && i < 64; i++) {
			this.bitOfCode[index(indicators.get(i).code(), 0)] = i;
		}
	}

	private static int index(CharSequence s, int at) {
		return ((s.charAt(at) - 'A') * 26 + (s.charAt(at + 1) - 'A')) * 26 + (s.charAt(at + 2) - 'A');
	}

	private static boolean code(CharSequence s, int at) {
		for (int i = at; i < at + 3; i++) {
			char ch = s.charAt(i);
			if (ch < 'A' || ch > 'Z') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The indicators of this standard that a standard did not assess: a household
	 * surveyed under it counts them as not deprived.
	 * @param source the standard of the survey
	 * @return their names, in this standard's order
	 */
	public List<Text> notAssessedBy(Standard source) {
		Set<String> assessed = new LinkedHashSet<>();
		source.indicators().forEach((i) -> assessed.add(i.code()));
		List<Text> names = new ArrayList<>();
		for (Indicator indicator : this.standard.indicators()) {
			if (!assessed.contains(indicator.code())) {
				names.add(indicator.name());
			}
		}
		return names;
	}

	/**
	 * The status group of a stored class.
	 * @param storedClass POOR, NEAR_POOR, MIDDLE, ABOVE_MIDDLE or NOT_POOR
	 * @return {@link #POOR}, {@link #NEAR_POOR} or {@link #OTHER}
	 */
	public static int group(String storedClass) {
		return switch (storedClass) {
			case "POOR" -> POOR;
			case "NEAR_POOR" -> NEAR_POOR;
			default -> OTHER;
		};
	}

	private static int groupOfCode(int code) {
		if (CompiledRules.isPoor(code)) {
			return POOR;
		}
		return (code == CompiledRules.NEAR_POOR) ? NEAR_POOR : OTHER;
	}

	/**
	 * Adds one household.
	 * @param household household id
	 * @param communeId its commune (current address)
	 * @param assessedYear the year of its latest assessment
	 * @param urban urban area
	 * @param classNow its recognised class, as stored
	 * @param incomePerCapita income per head, or {@code null}
	 * @param scoreA score A, or {@code null}
	 * @param scoreB score B, or {@code null}
	 * @param deprivations codes of the deprivations found, separated by commas (e.g.
	 * {@code WAT,SAN}), or empty
	 */
	public void add(UUID household, long communeId, int assessedYear, boolean urban, String classNow,
			Long incomePerCapita, Integer scoreA, Integer scoreB, String deprivations) {
		int[] c = this.communes.computeIfAbsent(communeId, (k) -> new int[6]);
		c[HOUSEHOLDS]++;
		this.households++;
		int before = group(classNow);
		if (before == POOR) {
			c[POOR_NOW]++;
		}
		else if (before == NEAR_POOR) {
			c[NEAR_NOW]++;
		}
		long deprived = 0;
		int n = 0;
		if (deprivations != null) {
			int length = deprivations.length();
			int start = 0;
			while (start < length) {
				int end = deprivations.indexOf(',', start);
				if (end < 0) {
					end = length;
				}
				int bit = (end - start == 3 && code(deprivations, start)) ? this.bitOfCode[index(deprivations, start)]
						: -1;
				start = end + 1;
				if (bit >= 0 && (deprived & (1L << bit)) == 0) {
					deprived |= 1L << bit;
					n++;
				}
			}
		}
		int code;
		long v;
		int d;
		boolean scoreWay = false;
		if (incomePerCapita != null) {
			v = incomePerCapita;
			d = n;
			code = this.income.classify(urban, v, d);
		}
		else if (scoreA != null && this.score != null) {
			scoreWay = true;
			v = scoreA;
			d = (scoreB != null) ? scoreB : (int) (n * this.pointsPerDeprivation);
			code = this.score.classify(urban, v, d);
		}
		else {
			c[UNCLASSIFIED]++;
			this.unclassified++;
			// counted with the class it has: nothing is known to change it
			if (before == POOR) {
				c[POOR_THEN]++;
			}
			else if (before == NEAR_POOR) {
				c[NEAR_THEN]++;
			}
			return;
		}
		int after = groupOfCode(code);
		if (after == POOR) {
			c[POOR_THEN]++;
		}
		else if (after == NEAR_POOR) {
			c[NEAR_THEN]++;
		}
		if (after != before) {
			this.changedCount++;
			if (this.kept < this.limit) {
				keep(household, communeId, assessedYear, before, after, v, d, deprived, scoreWay, urban);
			}
		}
	}

	private void keep(UUID household, long communeId, int assessedYear, int before, int after, long v, int d,
			long deprived, boolean scoreWay, boolean urban) {
		if (this.kept == this.idHigh.length) {
			int size = this.kept * 2;
			this.idHigh = Arrays.copyOf(this.idHigh, size);
			this.idLow = Arrays.copyOf(this.idLow, size);
			this.commune = Arrays.copyOf(this.commune, size);
			this.value = Arrays.copyOf(this.value, size);
			this.mask = Arrays.copyOf(this.mask, size);
			this.count = Arrays.copyOf(this.count, size);
			this.year = Arrays.copyOf(this.year, size);
			this.now = Arrays.copyOf(this.now, size);
			this.then = Arrays.copyOf(this.then, size);
			this.byScore = Arrays.copyOf(this.byScore, size);
		}
		int k = this.kept++;
		this.idHigh[k] = household.getMostSignificantBits();
		this.idLow[k] = household.getLeastSignificantBits();
		this.commune[k] = communeId;
		this.value[k] = v;
		this.count[k] = d;
		this.mask[k] = deprived;
		this.year[k] = (short) assessedYear;
		this.now[k] = (byte) before;
		// urban households are told apart by the sign of the group kept
		this.then[k] = (byte) (urban ? -(after + 1) : (after + 1));
		this.byScore[k] = scoreWay;
	}

	public int households() {
		return this.households;
	}

	/** Households whose status group would change (all, not only those kept). */
	public int changed() {
		return this.changedCount;
	}

	/** Households that could not be classified (no income, no usable score). */
	public int unclassified() {
		return this.unclassified;
	}

	/** The changed households kept, at most the limit. */
	public int kept() {
		return this.kept;
	}

	/**
	 * Figures of one commune.
	 *
	 * @param communeId commune
	 * @param households households with an assessment
	 * @param poorNow poor now
	 * @param nearPoorNow near-poor now
	 * @param poorThen poor under the other standard
	 * @param nearPoorThen near-poor under the other standard
	 * @param unclassified households that could not be classified again
	 */
	public record CommuneFigures(long communeId, int households, int poorNow, int nearPoorNow, int poorThen,
			int nearPoorThen, int unclassified) {
	}

	public List<CommuneFigures> communes() {
		List<CommuneFigures> list = new ArrayList<>();
		this.communes.forEach((id, c) -> list.add(new CommuneFigures(id, c[HOUSEHOLDS], c[POOR_NOW], c[NEAR_NOW],
				c[POOR_THEN], c[NEAR_THEN], c[UNCLASSIFIED])));
		list.sort((a, b) -> Long.compare(a.communeId(), b.communeId()));
		return list;
	}

	/**
	 * A household whose class would change, with the reason in words.
	 *
	 * @param household household id
	 * @param communeId its commune
	 * @param year year of the assessment re-classified
	 * @param now status group now
	 * @param then status group under the other standard
	 * @param reason why, in Vietnamese and English: the classifier's sentence and the
	 * names of the deprivations counted
	 */
	public record Change(UUID household, long communeId, int year, int now, int then, Text reason) {
	}

	/**
	 * The k-th kept change, explained.
	 * @param k index, below {@link #kept()}
	 * @return the change
	 */
	public Change change(int k) {
		boolean urban = this.then[k] < 0;
		int after = Math.abs(this.then[k]) - 1;
		PovertyClassifier.Counted counted = this.classifier.classifyCounted(this.byScore[k] ? Way.SCORE : Way.INCOME,
				urban, this.value[k], this.count[k]);
		StringBuilder vi = new StringBuilder(counted.explanation().vi());
		StringBuilder en = new StringBuilder(counted.explanation().en());
		List<Indicator> indicators = this.standard.indicators();
		String sep = ". Thiếu hụt: ";
		String sepEn = ". Deprived: ";
		for (int i = 0; i < indicators.size() && i < 64; i++) {
			if ((this.mask[k] & (1L << i)) != 0) {
				vi.append(sep).append(indicators.get(i).name().vi());
				en.append(sepEn).append(indicators.get(i).name().en());
				sep = ", ";
				sepEn = ", ";
			}
		}
		return new Change(new UUID(this.idHigh[k], this.idLow[k]), this.commune[k], this.year[k], this.now[k], after,
				new Text(vi.toString(), en.toString()));
	}

}
