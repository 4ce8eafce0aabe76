package vn.giamngheo.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import vn.giamngheo.demo.DemoProvinces.District;
import vn.giamngheo.demo.DemoProvinces.Province;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Generates one demo province without touching the database.
 * <p>
 * Phase 1 ({@link #simulate}) draws, for every household, a latent welfare that is the
 * sum of a district effect, an ethnic-minority effect, a commune effect and a household
 * effect, plus a yearly AR(1) shock; from the 2021 review (Decree 07) a fixed household
 * term re-ranks households, because the new standard measures other things. Each review
 * year the households are ranked by welfare and the lowest shares become POOR, NEAR_POOR
 * and MIDDLE in the exact proportions of the calibration targets: the class is drawn
 * first. Exits, new poverty and re-poverty follow from the shocks. The population is
 * fixed over the years (no births of households, moves or splits); members born after a
 * survey are not counted in that year's member count.
 * <p>
 * Phase 2 ({@link #render}) draws, per household, members, and per year an income and a
 * deprivation set consistent with the class under that year's standard
 * ({@link DemoStandards}); member facts match the latest year's deprivations. Each
 * household has its own random stream, so the output does not depend on chunking.
 */
final class DemoGenerator {

	static final byte POOR = 0;

	static final byte NEAR_POOR = 1;

	static final byte MIDDLE = 2;

	static final byte ABOVE_MIDDLE = 3;

	static final String[] CLASS_NAMES = { "POOR", "NEAR_POOR", "MIDDLE", "ABOVE_MIDDLE" };

	/** A 2024 commune with its villages. */
	record Commune(long id, String code, String name, String type, boolean urban, String districtCode, String path,
			List<Village> villages) {
	}

	record Village(long id, String name, String path) {
	}

	private final Province province;

	private final List<Commune> communes;

	private final long seed;

	private final int years;

	private final int n;

	/** Commune index of each household. */
	final int[] communeOf;

	/** Sequence of each household within its commune (1-based). */
	final int[] seqInCommune;

	final String[] headEthnicity;

	/** Class per year index and household. */
	final byte[][] classOf;

	final boolean[] dbkkCommune;

	/**
	 * Sum of the poor households' income per person and their number, by year (filled by
	 * render).
	 */
	final long[] poorIncomeSum;

	final long[] poorRendered;

	private final String cccdPrefix;

	private final long provinceNumber;

	private final int[][] cccdCounters = new int[4][100];

	DemoGenerator(Province province, List<Commune> communes, double fraction, long seed, boolean[] dbkkCommune) {
		this.province = province;
		this.communes = communes;
		this.seed = seed ^ (Long.parseLong(province.code()) * 0x9E3779B97F4A7C15L);
		this.years = province.years();
		this.dbkkCommune = dbkkCommune;
		this.cccdPrefix = "0" + province.code();
		this.provinceNumber = Long.parseLong(province.code());
		double[] weights = new double[communes.size()];
		double total = 0;
		for (int c = 0; c < weights.length; c++) {
			weights[c] = communeWeight(communes.get(c));
			total += weights[c];
		}
		int[] counts = new int[weights.length];
		int sum = 0;
		for (int c = 0; c < weights.length; c++) {
			counts[c] = Math.max(1, (int) Math.round(province.fullHouseholds() * fraction * weights[c] / total));
			sum += counts[c];
		}
		this.n = sum;
		this.communeOf = new int[sum];
		this.seqInCommune = new int[sum];
		int i = 0;
		for (int c = 0; c < counts.length; c++) {
			for (int k = 1; k <= counts[c]; k++) {
				this.communeOf[i] = c;
				this.seqInCommune[i++] = k;
			}
		}
		this.headEthnicity = new String[sum];
		this.classOf = new byte[this.years][sum];
		this.poorIncomeSum = new long[this.years];
		this.poorRendered = new long[this.years];
	}

	/**
	 * Relative number of households of a commune (demo assumption: no population data).
	 */
	double communeWeight(Commune c) {
		District d = this.province.district(c.districtCode());
		boolean mountainCommune = d != null && d.mountain();
		if ("12".equals(this.province.code())) {
			return c.urban() ? 0.9 : 1.0;
		}
		if ("Phường".equals(c.type())) {
			return 1.5;
		}
		if ("Thị trấn".equals(c.type())) {
			return 1.2;
		}
		return mountainCommune ? 0.5 : 1.4;
	}

	/**
	 * Villages a commune gets at full size: ≈130 (Lai Châu) or ≈180 (Quảng Nam)
	 * households each.
	 */
	static int villageCount(Province province, double communeShareOfFull) {
		double perVillage = "12".equals(province.code()) ? 130 : 180;
		return (int) Math.max(4, Math.min(22, Math.round(communeShareOfFull / perVillage)));
	}

	int households() {
		return this.n;
	}

	Province province() {
		return this.province;
	}

	List<Commune> communes() {
		return this.communes;
	}

	private SplittableRandom rng(int household, long stream) {
		return new SplittableRandom(mix(this.seed + stream * 0xD1B54A32D192ED03L + household));
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static double gaussian(SplittableRandom r) {
		double u = 1.0 - r.nextDouble();
		double v = r.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	private static String pickWeighted(Map<String, Double> weights, SplittableRandom r) {
		double total = 0;
		for (double w : weights.values()) {
			total += w;
		}
		double x = r.nextDouble() * total;
		String last = null;
		for (Map.Entry<String, Double> e : weights.entrySet()) {
			x -= e.getValue();
			last = e.getKey();
			if (x < 0) {
				return last;
			}
		}
		return last;
	}

	// ---------------------------------------------------------------- phase 1

	/**
	 * Welfare gained on exit from poverty (calibrated so that re-poverty is ≈5–10% of the
	 * new poor).
	 */
	static final float EXIT_BOOST = 0.7f;

	/** Draws welfare paths and classes for every household and year. */
	void simulate() {
		int c0 = this.communes.size();
		double[] communeEffect = new double[c0];
		SplittableRandom cr = new SplittableRandom(this.seed);
		for (int c = 0; c < c0; c++) {
			Commune commune = this.communes.get(c);
			communeEffect[c] = 0.35 * gaussian(cr) + (commune.urban() ? 0.6 : 0) + (this.dbkkCommune[c] ? -0.5 : 0);
		}
		float[][] welfare = new float[this.years][this.n];
		int rebase = 2021 - this.province.firstYear();
		for (int i = 0; i < this.n; i++) {
			SplittableRandom r = rng(i, 1);
			Commune commune = this.communes.get(this.communeOf[i]);
			District d = this.province.district(commune.districtCode());
			String eth = pickWeighted(d.ethnicMix(), r);
			if (commune.urban() && !"01".equals(eth) && r.nextDouble() < 0.4) {
				eth = "01";
			}
			this.headEthnicity[i] = eth;
			boolean minority = !"01".equals(eth);
			double base = d.welfare() + (minority ? -0.7 : 0) + communeEffect[this.communeOf[i]] + 0.9 * gaussian(r);
			// poor and mountainous districts catch up a little each year (seed: −4 pp/yr
			// there)
			double catchUp = d.poor30a() ? 0.07 : (d.mountain() ? 0.03 : 0);
			double reRank = 0.45 * gaussian(r);
			double shock = 0.6 * gaussian(r);
			for (int y = 0; y < this.years; y++) {
				if (y > 0) {
					shock = 0.75 * shock + 0.66 * 0.6 * gaussian(r);
				}
				double w = base + shock + catchUp * y + ((rebase >= 0 && y >= rebase) ? reRank : 0);
				welfare[y][i] = (float) w;
			}
		}
		// A household that exits gets lasting support (thoát nghèo bền vững): its welfare
		// rises,
		// so re-poverty stays a small share of the new poor.
		float[] boost = new float[this.n];
		float[] sorted = new float[this.n];
		for (int y = 0; y < this.years; y++) {
			float[] w = welfare[y];
			for (int i = 0; i < this.n; i++) {
				w[i] += boost[i];
			}
			System.arraycopy(w, 0, sorted, 0, this.n);
			Arrays.sort(sorted);
			float tPoor = quantile(sorted, this.province.poor()[y]);
			float tNear = quantile(sorted, this.province.poor()[y] + this.province.nearPoor()[y]);
			float tMiddle = quantile(sorted,
					this.province.poor()[y] + this.province.nearPoor()[y] + this.province.middle()[y]);
			byte[] cls = this.classOf[y];
			for (int i = 0; i < this.n; i++) {
				cls[i] = (w[i] < tPoor) ? POOR : (w[i] < tNear) ? NEAR_POOR : (w[i] < tMiddle) ? MIDDLE : ABOVE_MIDDLE;
				if (y > 0 && cls[i] != POOR && this.classOf[y - 1][i] == POOR) {
					boost[i] += EXIT_BOOST;
				}
			}
		}
	}

	/** The value below which {@code percent}% of the sorted values lie. */
	private static float quantile(float[] sorted, double percent) {
		int k = (int) Math.round(sorted.length * percent / 100.0);
		if (k <= 0) {
			return Float.NEGATIVE_INFINITY;
		}
		if (k >= sorted.length) {
			return Float.POSITIVE_INFINITY;
		}
		return sorted[k];
	}

	// ---------------------------------------------------------------- phase 2

	/** Rows of one chunk, in PostgreSQL COPY text format. */
	static final class Chunk {

		final StringBuilder households;

		final StringBuilder members;

		final CopyBinary assessments;

		/** A chunk sized for {@code households} households: builders never grow. */
		Chunk(int households) {
			this.households = new StringBuilder(households * 300);
			this.members = new StringBuilder(households * 8 * 240);
			this.assessments = new CopyBinary(households * 10 * 330);
		}

		int householdCount;

		int memberCount;

		int assessmentCount;

		byte[][] encoded;

		/**
		 * Encodes the rows as UTF-8 (on the generating thread) and frees the builders.
		 */
		void encode() {
			this.encoded = new byte[][] { bytes(this.households), bytes(this.members), this.assessments.finish() };
		}

		private static byte[] bytes(StringBuilder sb) {
			byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			sb.setLength(0);
			sb.trimToSize();
			return b;
		}

	}

	private static final class Person {

		String name;

		boolean male;

		int age;

		LocalDate dob;

		String ethnicity;

		String relation;

		String education = "NONE";

		boolean inSchool;

		String employment = "NOT_WORKING";

		boolean insured = true;

		boolean disability;

		boolean allowance;

		boolean malnourished;

		boolean illNoCare;

	}

	private static final String[] GOOD_WATER_RURAL = { "DRILLED_WELL", "PROTECTED_DUG_WELL", "TAP", "PROTECTED_SPRING",
			"RAINWATER" };

	private static final String[] BAD_WATER = { "UNPROTECTED_WELL", "UNPROTECTED_SPRING", "SURFACE_WATER", "OTHER" };

	private static final String[] GOOD_LATRINE = { "SEPTIC", "SEMI_SEPTIC", "POUR_FLUSH", "DOUBLE_VAULT",
			"VENTILATED_PIT", "BIOGAS" };

	private static final String[] BAD_LATRINE = { "UNHYGIENIC_PIT", "NONE", "OTHER" };

	/** Prevalence weights for the order in which a household's deprivations appear. */
	private static final Map<String, Double> WEIGHTS_2016 = Map.of("HEA", 0.3, "HIN", 0.6, "AED", 0.7, "CED", 0.3,
			"HQU", 0.6, "HAR", 0.5, "WAT", 0.6, "SAN", 0.9, "TEL", 0.3, "INF", 0.5);

	private static final Map<String, Double> WEIGHTS_2022 = Map.ofEntries(Map.entry("EMP", 0.6), Map.entry("DEP", 0.5),
			Map.entry("NUT", 0.4), Map.entry("HIN", 0.5), Map.entry("AED", 0.6), Map.entry("CED", 0.3),
			Map.entry("HQU", 0.5), Map.entry("HAR", 0.4), Map.entry("WAT", 0.6), Map.entry("SAN", 0.8),
			Map.entry("TEL", 0.2), Map.entry("INF", 0.4));

	/**
	 * Renders households {@code from} (inclusive) to {@code to} (exclusive) into the
	 * chunk.
	 */
	void render(int from, int to, Chunk out) {
		for (int i = from; i < to; i++) {
			renderHousehold(i, out);
		}
	}

	/**
	 * 2026-01-01T00:00:00Z in milliseconds: the time base of the generated UUIDv7 ids.
	 */
	private static final long UUID_BASE_MS = 1_767_225_600_000L;

	/**
	 * A UUIDv7-shaped id that rises with (household, slot), so that the primary-key
	 * indexes are appended to rather than split at random during the load; the low half
	 * is random. Slot 0 is the household, 1–15 its members, 16–31 its assessments.
	 */
	private UUID uuid(int household, int slot, SplittableRandom r) {
		long counter = ((long) household << 5) | slot;
		long ms = UUID_BASE_MS + (this.provinceNumber << 30) + (counter >>> 12);
		long msb = (ms << 16) | 0x7000L | (counter & 0xFFFL);
		long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	private void renderHousehold(int i, Chunk out) {
		SplittableRandom r = rng(i, 2);
		Commune commune = this.communes.get(this.communeOf[i]);
		District district = this.province.district(commune.districtCode());
		Village village = commune.villages().get(r.nextInt(commune.villages().size()));
		String eth = this.headEthnicity[i];
		boolean minority = !"01".equals(eth);
		boolean urban = commune.urban();
		int lastYear = this.province.lastYear();
		LocalDate reference = LocalDate.of(lastYear, 11, 15);

		// ---- composition
		List<Person> people = composition(r, eth, urban, minority, reference);
		Person head = people.get(0);
		int size = people.size();

		// ---- which person-level indicators are feasible (ages at the latest survey)
		boolean any6 = false;
		boolean aed59 = false;
		boolean ced59 = false;
		boolean aed07 = false;
		boolean ced07 = false;
		boolean nut = false;
		boolean work = false;
		int dependants = 0;
		for (Person p : people) {
			any6 |= p.age >= 6;
			aed59 |= p.age >= 15 && p.age <= 29;
			ced59 |= p.age >= 5 && p.age <= 14;
			aed07 |= p.age >= 16 && p.age <= 30;
			ced07 |= p.age >= 3 && p.age <= 15;
			nut |= p.age < 16;
			work |= p.age >= 18 && p.age <= 59;
			if (p.age < 16 || p.age >= 60 || (p.disability && p.allowance)) {
				dependants++;
			}
		}
		boolean depQualifies = dependants * 2 > size;
		List<String> order59 = priority(r, WEIGHTS_2016, DemoStandards.INDICATORS_2016,
				Map.of("HIN", any6, "AED", aed59, "CED", ced59), null);
		List<String> order07 = priority(r, WEIGHTS_2022, DemoStandards.INDICATORS_2022,
				Map.of("HIN", any6, "AED", aed07, "CED", ced07, "NUT", nut, "EMP", work, "DEP", depQualifies),
				depQualifies ? "DEP" : null);

		// household-level persistent choices
		String goodWater = urban ? ((r.nextDouble() < 0.85) ? "TAP" : "DRILLED_WELL")
				: (district.mountain() && r.nextDouble() < 0.5) ? "PROTECTED_SPRING"
						: GOOD_WATER_RURAL[r.nextInt(GOOD_WATER_RURAL.length)];
		String badWater = district.mountain() ? ((r.nextDouble() < 0.6) ? "UNPROTECTED_SPRING" : "SURFACE_WATER")
				: BAD_WATER[r.nextInt(BAD_WATER.length)];
		String goodLatrine = urban ? "SEPTIC" : GOOD_LATRINE[r.nextInt(GOOD_LATRINE.length)];
		String badLatrine = BAD_LATRINE[r.nextInt(BAD_LATRINE.length)];
		String waste = urban ? "COLLECTED"
				: (r.nextDouble() < 0.45) ? "TREATED_ON_SITE" : (r.nextDouble() < 0.5) ? "COLLECTED" : "UNTREATED";
		double areaPerPerson = 9 + r.nextDouble() * 18;
		double crampedPerPerson = 3.5 + r.nextDouble() * 4;
		boolean everPoor = false;
		for (int y = 0; y < this.years; y++) {
			everPoor |= this.classOf[y][i] == POOR;
		}

		UUID householdId = uuid(i, 0, r);
		String hid = householdId.toString();
		String prov = this.province.code();
		List<String> latest = List.of();
		for (int y = 0; y < this.years; y++) {
			int year = this.province.firstYear() + y;
			String key = DemoStandards.standardKeyOf(year);
			boolean d59 = DemoStandards.isDecision59(key);
			byte cls = this.classOf[y][i];
			LocalDate survey = LocalDate.of(year, 11, 1 + r.nextInt(25));
			int members = 0;
			for (Person p : people) {
				if (!p.dob.isAfter(survey)) {
					members++;
				}
			}
			members = Math.max(1, members);
			long line = DemoStandards.povertyLine(key, urban);
			long near = DemoStandards.nearPoorLine(key, urban);
			long mid = DemoStandards.middleMax(key, urban);
			int t = year - 2015;
			long income;
			int count;
			String subtype = null;
			if (cls == POOR) {
				if (d59 && r.nextDouble() < 0.8) {
					income = draw(r, line * Math.min(0.7, 0.25 + 0.08 * t), line * Math.min(1.0, 0.65 + 0.07 * t),
							line);
					count = pick(r, 0, 0.10, 0.15, 0.20, 0.20, 0.15, 0.12, 0.08);
					subtype = "INCOME_POOR";
				}
				else if (d59) {
					income = draw(r, line + 1000, near, near);
					count = pick(r, 3, 0.4, 0.3, 0.2, 0.1);
					subtype = "DEPRIVATION_POOR";
				}
				else {
					income = draw(r, line * Math.min(0.75, 0.45 + 0.04 * (year - 2021)), line, line);
					count = pick(r, 3, 0.35, 0.30, 0.20, 0.10, 0.05);
				}
			}
			else if (cls == NEAR_POOR) {
				income = d59 ? draw(r, line + 1000, near, near) : draw(r, line * 0.6, line, line);
				count = pick(r, 0, 0.3, 0.4, 0.3);
			}
			else if (cls == MIDDLE) {
				income = draw(r, near + 1000, mid, mid);
				count = pick(r, 0, 0.4, 0.3, 0.2, 0.1);
			}
			else {
				double growth = 1 + 0.06 * t;
				income = Math.round((mid * 1.02 + mid * growth * -Math.log(1 - r.nextDouble()) * 0.9) / 1000) * 1000
						+ 1000;
				count = pick(r, 0, 0.8, 0.2);
			}
			List<String> order = d59 ? order59 : order07;
			if (!d59 && depQualifies) {
				count = Math.max(1, count);
			}
			count = Math.min(count, order.size());
			List<String> deprived = order.subList(0, count);
			DemoStandards.Result check = DemoStandards.classOf(key, urban, income, count);
			if (!check.classification().equals(CLASS_NAMES[cls])) {
				throw new IllegalStateException("demo draw inconsistent with " + key + ": " + CLASS_NAMES[cls] + " vs "
						+ check.classification() + " income " + income + " d=" + count);
			}
			if (d59 && cls == POOR) {
				subtype = check.poorSubtype();
			}
			if (y == this.years - 1) {
				latest = deprived;
			}
			if (cls == POOR) {
				this.poorIncomeSum[y] += income;
				this.poorRendered[y]++;
			}
			boolean hqu = deprived.contains("HQU");
			boolean tel = deprived.contains("TEL");
			boolean inf = deprived.contains("INF");
			String housing = hqu ? ((r.nextDouble() < 0.75) ? "NON_DURABLE" : "MAKESHIFT")
					: (cls == ABOVE_MIDDLE || r.nextDouble() < 0.45) ? "SOLID" : "SEMI_SOLID";
			double area = members * (deprived.contains("HAR") ? crampedPerPerson : areaPerPerson);
			boolean internet = !tel && r.nextDouble() < Math.min(0.95, (urban ? 0.45 : 0.15) + 0.07 * t);
			boolean devices = !inf && (r.nextDouble() < 0.9);
			boolean loudspeaker = !inf && (!devices || r.nextDouble() < 0.7);
			int decision = 100 + (int) (Math.floorMod(mix(commune.id() * 31 + year), 800));
			out.assessments.row(25)
				.uuid(uuid(i, 16 + y, r))
				.uuid(householdId)
				.text(prov)
				.int2(year)
				.text(key)
				.date(survey.toEpochDay())
				.int2(members)
				.int8(income)
				.text(housing)
				.numericTenths(Math.round(area * 10))
				.text(deprived.contains("WAT") ? badWater : goodWater)
				.text(deprived.contains("SAN") ? badLatrine : goodLatrine)
				.bool(!tel)
				.bool(internet)
				.bool(devices)
				.bool(loudspeaker)
				.text(waste)
				.textArray(deprived)
				.int2(count)
				.text(CLASS_NAMES[cls])
				.text(subtype)
				.bool(true)
				.text(decision + "/QĐ-UBND")
				.date(LocalDate.of(year, 12, 15).toEpochDay())
				.text("DEMO");
			out.assessmentCount++;
		}

		// ---- member facts consistent with the latest year's deprivations
		boolean latest59 = DemoStandards.isDecision59(DemoStandards.standardKeyOf(this.province.lastYear()));
		memberFacts(r, people, latest, latest59, urban, minority);

		// ---- household row
		String code = commune.code() + "-" + pad(this.seqInCommune[i], 6);
		boolean socialProtection = r.nextDouble() < (everPoor ? 0.10 : 0.025);
		boolean meritorious = r.nextDouble() < 0.02;
		String phone = "0" + "35789".charAt(r.nextInt(5)) + pad(r.nextInt(100_000_000), 8);
		StringBuilder h = out.households;
		h.append(hid).append('\t').append(prov).append('\t').append(code).append('\t').append(commune.id());
		h.append('\t').append(village.id()).append('\t').append(village.path()).append('\t').append(head.name);
		h.append('\t').append(fold(head.name)).append('\t').append(village.name()).append(", ");
		h.append(commune.name()).append('\t').append(urban ? 't' : 'f').append('\t').append(minority ? 't' : 'f');
		h.append('\t').append(socialProtection ? 't' : 'f').append('\t').append(meritorious ? 't' : 'f');
		h.append('\t').append(phone).append("\tt\n");
		out.householdCount++;

		// ---- member rows
		StringBuilder m = out.members;
		String hiValidTo = (lastYear + 1) + "-12-31";
		int sort = 0;
		for (Person p : people) {
			m.append(uuid(i, 1 + sort, r))
				.append('\t')
				.append(hid)
				.append('\t')
				.append(prov)
				.append('\t')
				.append(p.name);
			m.append('\t').append(fold(p.name)).append('\t').append(p.male ? 'M' : 'F').append('\t');
			m.append(p.dob).append('\t').append(p.ethnicity).append('\t').append(p.relation).append('\t');
			m.append((p.age >= 18) ? cccd(p) : "\\N").append('\t').append(p.education).append('\t');
			m.append(p.inSchool ? 't' : 'f').append('\t').append(p.employment).append('\t');
			m.append(p.insured ? 't' : 'f').append('\t');
			m.append(p.insured ? hiValidTo : "\\N").append('\t');
			m.append(p.disability ? 't' : 'f').append('\t').append(p.allowance ? 't' : 'f').append('\t');
			m.append(p.malnourished ? 't' : 'f').append('\t').append(p.illNoCare ? 't' : 'f').append('\t');
			m.append(sort++).append('\n');
			out.memberCount++;
		}
	}

	/**
	 * Uniform integer VND in [lo, hi], a multiple of 1,000 where possible, never above
	 * cap.
	 */
	private static long draw(SplittableRandom r, double lo, double hi, long cap) {
		long l = (long) Math.ceil(lo);
		long h = Math.max(l, (long) Math.floor(hi));
		long v = l + (long) (r.nextDouble() * (h - l + 1));
		long rounded = (v / 1000) * 1000;
		if (rounded >= l && rounded <= cap) {
			v = rounded;
		}
		return Math.min(v, cap);
	}

	/** Draws an integer from {@code first} with the given probabilities. */
	private static int pick(SplittableRandom r, int first, double... p) {
		double x = r.nextDouble();
		for (int k = 0; k < p.length; k++) {
			x -= p[k];
			if (x < 0) {
				return first + k;
			}
		}
		return first + p.length - 1;
	}

	/**
	 * The order in which the household's deprivations appear as its count rises: a
	 * weighted random order of the feasible indicators, {@code first} leading.
	 */
	private static List<String> priority(SplittableRandom r, Map<String, Double> weights, List<String> codes,
			Map<String, Boolean> feasible, String first) {
		String[] keys = new String[codes.size()];
		double[] rank = new double[codes.size()];
		int k = 0;
		for (String code : codes) {
			double draw = -Math.log(1 - r.nextDouble()) / weights.get(code);
			if (!feasible.getOrDefault(code, true)) {
				continue;
			}
			keys[k] = code;
			rank[k++] = code.equals(first) ? -1 : draw;
		}
		Integer[] idx = new Integer[k];
		for (int j = 0; j < k; j++) {
			idx[j] = j;
		}
		Arrays.sort(idx, (x, y) -> Double.compare(rank[x], rank[y]));
		List<String> order = new ArrayList<>(k);
		for (Integer j : idx) {
			order.add(keys[j]);
		}
		return order;
	}

	private List<Person> composition(SplittableRandom r, String eth, boolean urban, boolean minority,
			LocalDate reference) {
		double mean = this.province.meanSize() + (minority ? 0.5 : 0) - (urban ? 0.4 : 0);
		int size = 1 + poisson(r, Math.max(0.5, mean - 1));
		size = Math.min(size, 12);
		List<Person> people = new ArrayList<>(size);
		Person head = new Person();
		head.age = (int) Math.max(20, Math.min(88, Math.round(45 + 14 * gaussian(r))));
		head.male = r.nextDouble() < (minority ? 0.85 : 0.72);
		head.ethnicity = eth;
		head.relation = "HEAD";
		String family = DemoNames.family(eth, r);
		head.name = DemoNames.name(eth, family, head.male, r);
		people.add(head);
		String childFamily = family;
		if (people.size() < size && r.nextDouble() < ((head.age < 75) ? 0.9 : 0.5)) {
			Person spouse = new Person();
			spouse.male = !head.male;
			spouse.age = (int) Math.max(18,
					Math.min(95, head.age + (head.male ? -3 : 3) + Math.round(3 * gaussian(r))));
			spouse.ethnicity = (r.nextDouble() < 0.04) ? (minority ? "01" : "03") : eth;
			spouse.relation = "SPOUSE";
			String spouseFamily = DemoNames.family(spouse.ethnicity, r);
			spouse.name = DemoNames.name(spouse.ethnicity, spouseFamily, spouse.male, r);
			if (spouse.male) {
				childFamily = spouseFamily;
			}
			people.add(spouse);
		}
		if (people.size() < size && head.age < 55 && r.nextDouble() < 0.15) {
			Person parent = new Person();
			parent.male = r.nextDouble() < 0.35;
			parent.age = Math.min(96, head.age + 22 + r.nextInt(11));
			parent.ethnicity = eth;
			parent.relation = "PARENT";
			parent.name = DemoNames.name(eth, parent.male ? family : DemoNames.family(eth, r), parent.male, r);
			people.add(parent);
		}
		int maxChildAge = Math.min(head.age - 18, 34);
		int children = 0;
		while (people.size() < size) {
			Person p = new Person();
			p.male = r.nextBoolean();
			p.ethnicity = eth;
			if (head.age >= 58 && children >= 1 && r.nextDouble() < 0.6) {
				p.relation = "GRANDCHILD";
				p.age = r.nextInt(16);
			}
			else {
				p.relation = "CHILD";
				p.age = (maxChildAge <= 0) ? 0 : r.nextInt(maxChildAge + 1);
				children++;
			}
			p.name = DemoNames.name(eth, childFamily, p.male, r);
			people.add(p);
		}
		for (Person p : people) {
			p.dob = reference.minusYears(p.age).minusDays(r.nextInt(365));
			p.disability = r.nextDouble() < ((p.age >= 60) ? 0.08 : 0.02);
			p.allowance = (p.disability && r.nextDouble() < 0.6) || p.age >= 80;
		}
		return people;
	}

	private static int poisson(SplittableRandom r, double mean) {
		double l = Math.exp(-mean);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= r.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	private static final String[] ADULT_EDUCATION = { "NONE", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
			"VOCATIONAL_ELEMENTARY", "VOCATIONAL_INTERMEDIATE", "COLLEGE", "UNIVERSITY" };

	private static final Map<String, Integer> EDUCATION_RANK = Map.of("NONE", 0, "PRIMARY", 1, "LOWER_SECONDARY", 2,
			"UPPER_SECONDARY", 3, "VOCATIONAL_ELEMENTARY", 4, "VOCATIONAL_INTERMEDIATE", 5, "COLLEGE", 6, "UNIVERSITY",
			7);

	private static final double[] EDU_MINORITY = { 0.25, 0.30, 0.25, 0.12, 0.03, 0.02, 0.01, 0.02 };

	private static final double[] EDU_KINH = { 0.04, 0.14, 0.30, 0.30, 0.06, 0.05, 0.04, 0.07 };

	private static boolean aedDeprived(Person p, boolean d59) {
		if (p.inSchool) {
			return false;
		}
		int level = EDUCATION_RANK.get(p.education);
		if (d59) {
			return p.age >= 15 && p.age <= 29 && level < 2;
		}
		if (p.age >= 16 && p.age <= 17) {
			return level < 2;
		}
		return p.age >= 18 && p.age <= 30 && level < 3;
	}

	private void memberFacts(SplittableRandom r, List<Person> people, List<String> deprived, boolean d59, boolean urban,
			boolean minority) {
		for (Person p : people) {
			if (p.age < 3) {
				p.education = "NONE";
			}
			else if (p.age <= 17) {
				p.inSchool = r.nextDouble() < ((p.age >= 15) ? 0.85 : 0.97);
				p.education = (p.age < 11) ? "NONE" : (p.age < 15) ? "PRIMARY" : "LOWER_SECONDARY";
			}
			else {
				double x = r.nextDouble();
				double[] dist = minority ? EDU_MINORITY : EDU_KINH;
				int level = 0;
				for (; level < dist.length - 1; level++) {
					x -= dist[level];
					if (x < 0) {
						break;
					}
				}
				if (p.age > 60 && level > 2) {
					level = 2;
				}
				p.education = ADULT_EDUCATION[level];
				p.inSchool = p.age <= 22 && level >= 3 && r.nextDouble() < 0.3;
			}
		}
		int cedLo = d59 ? 5 : 3;
		int cedHi = d59 ? 14 : 15;
		Person cedChild = null;
		Person aedPerson = null;
		Person working = null;
		Person child = null;
		Person over6 = null;
		for (Person p : people) {
			if (p.age >= cedLo && p.age <= cedHi) {
				p.inSchool = true;
				cedChild = (cedChild == null) ? p : cedChild;
			}
			if (d59 ? (p.age >= 15 && p.age <= 29) : (p.age >= 16 && p.age <= 30)) {
				aedPerson = (aedPerson == null) ? p : aedPerson;
				if (aedDeprived(p, d59)) {
					p.education = (d59 || p.age < 18) ? "LOWER_SECONDARY" : "UPPER_SECONDARY";
				}
			}
			if (p.age >= 18 && p.age <= 59) {
				working = (working == null) ? p : working;
			}
			if (p.age < 16) {
				child = (child == null) ? p : child;
			}
			if (p.age >= 6) {
				over6 = (over6 == null) ? p : over6;
			}
		}
		if (deprived.contains("CED") && cedChild != null) {
			cedChild.inSchool = false;
		}
		if (deprived.contains("AED") && aedPerson != null) {
			aedPerson.inSchool = false;
			aedPerson.education = "PRIMARY";
		}
		if (deprived.contains("HIN") && over6 != null) {
			over6.insured = false;
		}
		if (deprived.contains("HEA")) {
			people.get(r.nextInt(people.size())).illNoCare = true;
		}
		if (deprived.contains("NUT") && child != null) {
			child.malnourished = true;
		}
		for (Person p : people) {
			if (p.age < 6) {
				p.employment = "NOT_WORKING";
			}
			else if (p.inSchool) {
				p.employment = "STUDENT";
			}
			else if (p.age < 15) {
				p.employment = "NOT_WORKING";
			}
			else if (p.age <= 59) {
				double x = r.nextDouble();
				if (urban) {
					p.employment = (x < 0.45) ? "WAGE_WITH_CONTRACT"
							: (x < 0.8) ? "SELF_EMPLOYED" : (x < 0.9) ? "FARMER" : "NOT_WORKING";
				}
				else {
					p.employment = (x < 0.68) ? "FARMER"
							: (x < 0.82) ? "SELF_EMPLOYED" : (x < 0.94) ? "WAGE_WITH_CONTRACT" : "NOT_WORKING";
				}
			}
			else {
				double x = r.nextDouble();
				p.employment = (x < (urban ? 0.4 : 0.1)) ? "RETIRED" : (x < 0.6) ? "FARMER" : "NOT_WORKING";
			}
		}
		if (deprived.contains("EMP") && working != null) {
			working.inSchool = false;
			working.employment = r.nextBoolean() ? "UNEMPLOYED" : "WAGE_NO_CONTRACT";
		}
	}

	private final Map<String, String> folded = new java.util.HashMap<>();

	private String fold(String name) {
		return this.folded.computeIfAbsent(name, TextNormalizer::fold);
	}

	static String pad(long value, int width) {
		String s = Long.toString(value);
		return (s.length() >= width) ? s : "0".repeat(width - s.length()) + s;
	}

	private String cccd(Person p) {
		int year = p.dob.getYear();
		int sexCentury = ((year >= 2000) ? 2 : 0) + (p.male ? 0 : 1);
		int yy = year % 100;
		int counter = this.cccdCounters[sexCentury][yy]++;
		long serial = (counter * 7919L + 104_729L * yy + 15_485_863L * sexCentury) % 1_000_000L;
		return this.cccdPrefix + sexCentury + pad(yy, 2) + pad(serial, 6);
	}

}
