package vn.giamngheo.standards.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

import vn.giamngheo.standards.domain.CompiledRules;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.StandardLoader;

/**
 * Benchmark helpers (not timed tests):
 * <ul>
 * <li>{@code bench-classify generate --rows 1000000 --seed 42 --out households.csv}: a
 * seeded synthetic file (province, urban, income, weight, 12 indicator flags);</li>
 * <li>{@code bench-classify engine [--rows 10000000] [--standard 2022-2025]}: the
 * in-memory engine alone on pre-evaluated flags, single thread, printing households per
 * second.</li>
 * </ul>
 * The end-to-end comparison with DuckDB is driven by {@code bench/classify.sh}.
 */
public final class BenchClassifyCommand {

	/** Province codes after the 2025 merger (34 units). */
	static final String[] PROVINCES = { "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31",
			"33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86",
			"91", "92", "96" };

	private BenchClassifyCommand() {
	}

	public static int run(String[] argv) {
		return run(argv, System.out, System.err);
	}

	static int run(String[] argv, PrintStream out, PrintStream err) {
		if (argv.length == 0) {
			err.println("usage: bench-classify generate --rows <n> --seed <s> --out <file.csv>");
			err.println("       bench-classify engine [--rows <n>] [--standard <key>] [--seed <s>]");
			return 1;
		}
		String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
		try {
			return switch (argv[0]) {
				case "generate" -> generate(Args.parse(rest, Set.of("--rows", "--seed", "--out"), Set.of()), out);
				case "engine" -> engine(Args.parse(rest, Set.of("--rows", "--seed", "--standard"), Set.of()), out);
				default -> throw new Args.UsageException("unknown bench-classify subcommand: " + argv[0]);
			};
		}
		catch (Args.UsageException ex) {
			err.println("bench-classify: " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			err.println("bench-classify: " + ex);
			return 1;
		}
	}

	/** Per-indicator deprivation probabilities (percent) of the synthetic population. */
	private static final int[] FLAG_PERCENT = { 12, 18, 6, 9, 14, 4, 8, 7, 10, 16, 5, 6 };

	static int generate(Args args, PrintStream out) throws IOException {
		long rows = Long.parseLong(args.require("--rows"));
		long seed = Long.parseLong(args.require("--seed"));
		Path file = Path.of(args.require("--out"));
		SplittableRandom random = new SplittableRandom(seed);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder(128);
			line.append("household_id,province,urban,income_per_capita,weight");
			for (int i = 1; i <= 12; i++) {
				line.append(String.format(",d%02d", i));
			}
			w.write(line.append('\n').toString());
			for (long r = 0; r < rows; r++) {
				line.setLength(0);
				String province = PROVINCES[random.nextInt(PROVINCES.length)];
				boolean urban = random.nextInt(100) < 35;
				// income: a skewed draw between 300,000 and about 6,000,000 VND
				double u = random.nextDouble();
				long income = 300_000 + (long) (u * u * 5_700_000);
				if (random.nextInt(50) == 0) {
					// some households exactly on a line, to exercise the inclusive
					// comparisons
					income = urban ? 2_000_000 : 1_500_000;
				}
				long weightCents = 5_000 + random.nextInt(45_000);
				boolean poorer = income < 2_000_000;
				line.append('H').append(r + 1).append(',').append(province).append(',').append(urban ? '1' : '0');
				line.append(',').append(income).append(',').append(weightCents / 100).append('.');
				long cents = weightCents % 100;
				if (cents < 10) {
					line.append('0');
				}
				line.append(cents);
				for (int i = 0; i < 12; i++) {
					int p = FLAG_PERCENT[i] * (poorer ? 2 : 1);
					line.append(',').append((random.nextInt(100) < p) ? '1' : '0');
				}
				w.write(line.append('\n').toString());
			}
		}
		out.println("generated " + rows + " households (seed " + seed + ") → " + file);
		return 0;
	}

	static int engine(Args args, PrintStream out) {
		int rows = Integer.parseInt((args.get("--rows") != null) ? args.get("--rows") : "10000000");
		long seed = Long.parseLong((args.get("--seed") != null) ? args.get("--seed") : "42");
		String key = (args.get("--standard") != null) ? args.get("--standard") : "2022-2025";
		CompiledRules rules = new PovertyClassifier(StandardLoader.loadClasspath().find(key).orElseThrow())
			.incomeRules();
		SplittableRandom random = new SplittableRandom(seed);
		boolean[] urban = new boolean[rows];
		long[] income = new long[rows];
		short[] masks = new short[rows];
		byte[] province = new byte[rows];
		long[] weight = new long[rows];
		for (int i = 0; i < rows; i++) {
			urban[i] = random.nextInt(100) < 35;
			double u = random.nextDouble();
			income[i] = 300_000 + (long) (u * u * 5_700_000);
			masks[i] = (short) random.nextInt(1 << 12);
			masks[i] &= (short) random.nextInt(1 << 12);
			province[i] = (byte) random.nextInt(PROVINCES.length);
			weight[i] = 50_000_000L + random.nextInt(450_000_000);
		}
		long[] sink = new long[PROVINCES.length * CompiledRules.CLASS_COUNT];
		long[] times = new long[7];
		for (int round = 0; round < times.length + 3; round++) {
			Arrays.fill(sink, 0);
			long t0 = System.nanoTime();
			for (int i = 0; i < rows; i++) {
				int code = rules.classify(urban[i], income[i], Integer.bitCount(masks[i]));
				sink[province[i] * CompiledRules.CLASS_COUNT + code] += weight[i];
			}
			long t = System.nanoTime() - t0;
			if (round >= 3) {
				times[round - 3] = t;
			}
		}
		Arrays.sort(times);
		long median = times[times.length / 2];
		long check = 0;
		for (long s : sink) {
			check += s;
		}
		double perSecond = rows / (median / 1e9);
		out.printf("engine %s: %,d households, median of %d runs %.1f ms → %,.0f households/s on one thread"
				+ " (checksum %d)%n", key, rows, times.length, median / 1e6, perSecond, check);
		return 0;
	}

}
