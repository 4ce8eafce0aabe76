package vn.giamngheo.standards.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.giamngheo.standards.domain.CompiledRules;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardLoader;
import vn.giamngheo.standards.domain.Way;

/**
 * {@code classify --standard <key> --input <file.csv> [--province <code>] [--group-by <col>]
 * [--weight <col>] [--out <file.json>] [--per-household <file.csv>] [--skip-bad-rows]}.
 * Streams the file once: parse, classify on pre-evaluated flags, aggregate; no object per
 * row. Large files are cut into line-aligned byte ranges read by one thread per core (not
 * with {@code --per-household}, whose rows stay in input order). See {@code docs/cli.md}.
 */
public final class ClassifyCommand {

	static final int MAX_BAD_ROWS_LISTED = 1000;

	private static final long PARALLEL_FROM_BYTES = 8L << 20;

	private static final byte[] NEWLINE = { '\n' };

	private ClassifyCommand() {
	}

	public static int run(String[] argv) {
		return run(argv, System.out, System.err);
	}

	static int run(String[] argv, PrintStream out, PrintStream err) {
		try {
			return execute(argv, out, err);
		}
		catch (Args.UsageException ex) {
			err.println("classify: " + ex.getMessage());
			err.println("usage: classify --standard <key> --input <file.csv> [--province <code>] [--group-by <column>]"
					+ " [--weight <column>] [--out <file.json>] [--per-household <file.csv>] [--skip-bad-rows]");
			return 1;
		}
		catch (IOException ex) {
			err.println("classify: " + ex);
			return 1;
		}
	}

	record BadRow(long row, String reason) {
	}

	/** What every worker needs to read a row. */
	private record Layout(int width, int idCol, int urbanCol, int valueCol, String valueName, int scoreBCol,
			int[] depCols, String[] depNames, int groupCol, int weightCol, String weightName, CompiledRules rules,
			boolean skipBad, int indicators, int pointsPerDeprivation) {

		/** Score way given scores only: the deprivations are read from score B. */
		boolean scoresOnly() {
			return this.scoreBCol >= 0 && this.depCols.length == 0;
		}

	}

	/** One worker over one byte range of the file. */
	private static final class Worker implements Runnable {

		final Layout layout;

		final Path input;

		final long start;

		final long end;

		final boolean align;

		final Tally tally;

		final GroupTable groups = new GroupTable();

		final List<BadRow> bad = new ArrayList<>();

		final OutputStream perHousehold;

		long badCount;

		long lines;

		BadRow fatal;

		Exception failure;

		Worker(Layout layout, Path input, long start, long end, boolean align, OutputStream perHousehold) {
			this.layout = layout;
			this.input = input;
			this.start = start;
			this.end = end;
			this.align = align;
			this.perHousehold = perHousehold;
			this.tally = new Tally(layout.indicators);
		}

		@Override
		public void run() {
			try (CsvScanner csv = new CsvScanner(this.input, this.start, this.end, this.align)) {
				byte[][] classBytes = new byte[CompiledRules.CLASS_COUNT][];
				for (int c = 0; c < classBytes.length; c++) {
					classBytes[c] = ("," + CompiledRules.key(c) + ",").getBytes(StandardCharsets.US_ASCII);
				}
				byte[][] digits = new byte[this.layout.indicators + 1][];
				for (int d = 0; d < digits.length; d++) {
					digits[d] = Integer.toString(d).getBytes(StandardCharsets.US_ASCII);
				}
				while (true) {
					try {
						if (!csv.next()) {
							break;
						}
						row(csv, classBytes, digits);
					}
					catch (RowException | CsvScanner.CsvException ex) {
						if (!this.layout.skipBad) {
							this.fatal = new BadRow(csv.line(), ex.getMessage());
							break;
						}
						this.badCount++;
						if (this.bad.size() < MAX_BAD_ROWS_LISTED) {
							this.bad.add(new BadRow(csv.line(), ex.getMessage()));
						}
					}
				}
				this.lines = csv.line();
			}
			catch (IOException | RuntimeException ex) {
				this.failure = ex;
			}
		}

		private void row(CsvScanner csv, byte[][] classBytes, byte[][] digits) throws IOException {
			Layout l = this.layout;
			if (csv.fieldCount() != l.width) {
				throw new RowException("expected " + l.width + " columns, got " + csv.fieldCount() + " / cần " + l.width
						+ " cột, có " + csv.fieldCount());
			}
			byte[] b = csv.buffer();
			boolean urban = Fields.urban(b, csv.start(l.urbanCol), csv.end(l.urbanCol), "urban");
			long value = Fields.wholeNumber(b, csv.start(l.valueCol), csv.end(l.valueCol), l.valueName);
			int[] cols = l.depCols;
			int d = 0;
			for (int i = 0; i < cols.length; i++) {
				int c = cols[i];
				d += Fields.flag(b, csv.start(c), csv.end(c), l.depNames[i]);
			}
			int second = d;
			if (l.scoreBCol >= 0) {
				long scoreB = Fields.wholeNumber(b, csv.start(l.scoreBCol), csv.end(l.scoreBCol), "score_b");
				second = (int) Math.min(scoreB, Integer.MAX_VALUE);
				if (l.scoresOnly()) {
					// score B is the deprivation score: points per deprived indicator
					d = (int) Math.min(scoreB / l.pointsPerDeprivation, l.indicators);
				}
			}
			long w = (l.weightCol >= 0) ? Fields.weight(b, csv.start(l.weightCol), csv.end(l.weightCol), l.weightName)
					: Fields.WEIGHT_UNIT;
			int g = (l.groupCol >= 0) ? this.groups.indexOf(b, csv.start(l.groupCol), csv.end(l.groupCol)) : -1;
			if (this.perHousehold != null && csv.isEmpty(l.idCol)) {
				throw new RowException("missing household_id / thiếu household_id");
			}
			int code = l.rules.classify(urban, value, second);
			this.tally.add(g, code, d, w);
			if (this.perHousehold != null) {
				writeId(this.perHousehold, csv, l.idCol);
				this.perHousehold.write(classBytes[code]);
				this.perHousehold.write(digits[d]);
				this.perHousehold.write(NEWLINE);
			}
		}

	}

	private static int execute(String[] argv, PrintStream out, PrintStream err) throws IOException {
		Args args = Args.parse(argv,
				Set.of("--standard", "--input", "--province", "--group-by", "--weight", "--out", "--per-household"),
				Set.of("--skip-bad-rows"));
		String key = args.require("--standard");
		Path input = Path.of(args.require("--input"));
		String province = args.get("--province");
		Standard standard = StandardLoader.loadOneFromClasspath(key, province)
			.orElseThrow(() -> new Args.UsageException("unknown standard / chuẩn không tồn tại: " + key
					+ ((province != null) ? " @ " + province : "") + ", known: "
					+ StandardLoader.loadClasspath().standards().stream().map(Standard::key).toList()));
		PovertyClassifier classifier = new PovertyClassifier(standard);
		if (!Files.isRegularFile(input)) {
			throw new Args.UsageException("input file not found / không tìm thấy tệp: " + input);
		}
		Layout layout;
		long dataStart;
		try (CsvScanner csv = new CsvScanner(input)) {
			if (!csv.next()) {
				throw new Args.UsageException("empty input / tệp rỗng: " + input);
			}
			dataStart = csv.offset();
			Map<String, Integer> header = header(csv);
			int incomeCol = column(header, "income_per_capita", false);
			int scoreACol = column(header, "score_a", false);
			int scoreBCol = column(header, "score_b", false);
			boolean scoreWay = incomeCol < 0;
			if (scoreWay && (scoreACol < 0 || scoreBCol < 0)) {
				throw new Args.UsageException(
						"missing column income_per_capita (or score_a + score_b) / thiếu cột income_per_capita");
			}
			CompiledRules rules = scoreWay ? classifier.scoreRules() : classifier.incomeRules();
			if (rules == null) {
				throw new Args.UsageException("standard " + standard.key() + " has no score way / chuẩn "
						+ standard.key() + " không có cách tính điểm");
			}
			// with scores, score B is the deprivation score: the indicator columns are
			// optional (all or none)
			int[] depCols = (scoreWay && noIndicatorColumns(header, standard)) ? new int[0]
					: indicatorColumns(header, standard);
			String[] depNames = new String[depCols.length];
			for (int i = 0; i < depCols.length; i++) {
				depNames[i] = "d_" + standard.indicators().get(i).code();
			}
			String groupBy = args.get("--group-by");
			String weightBy = args.get("--weight");
			layout = new Layout(csv.fieldCount(), column(header, "household_id", true), column(header, "urban", true),
					scoreWay ? scoreACol : incomeCol, scoreWay ? "score_a" : "income_per_capita",
					scoreWay ? scoreBCol : -1, depCols, depNames,
					(groupBy != null) ? column(header, groupBy, true) : -1,
					(weightBy != null) ? column(header, weightBy, true) : -1, weightBy, rules,
					args.has("--skip-bad-rows"), standard.indicators().size(),
					scoreWay ? (int) Math.max(1, standard.rules(Way.SCORE).pointsPerDeprivation().value()) : 1);
		}
		Path perHouseholdPath = (args.get("--per-household") != null) ? Path.of(args.get("--per-household")) : null;
		long size = Files.size(input);
		int threads = (perHouseholdPath == null && size - dataStart >= PARALLEL_FROM_BYTES) ? Math.max(1, Math
			.min(Integer.getInteger("giamngheo.classify.threads", Runtime.getRuntime().availableProcessors()), 8)) : 1;
		List<Worker> workers = new ArrayList<>();
		OutputStream perHousehold = null;
		try {
			if (perHouseholdPath != null) {
				perHousehold = new BufferedOutputStream(Files.newOutputStream(perHouseholdPath), 1 << 16);
				perHousehold.write("household_id,class,deprivations\n".getBytes(StandardCharsets.US_ASCII));
			}
			long span = (size - dataStart) / threads;
			for (int t = 0; t < threads; t++) {
				long from = dataStart + t * span;
				long to = (t == threads - 1) ? Long.MAX_VALUE : dataStart + (t + 1) * span;
				workers.add(new Worker(layout, input, from, to, t > 0, perHousehold));
			}
			if (threads == 1) {
				workers.get(0).run();
			}
			else {
				List<Thread> running = new ArrayList<>();
				for (Worker w : workers) {
					Thread thread = new Thread(w, "classify-" + running.size());
					thread.start();
					running.add(thread);
				}
				for (Thread thread : running) {
					thread.join();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		finally {
			if (perHousehold != null) {
				perHousehold.close();
			}
		}
		// row numbers: the header is line 1; each range continues the previous one's
		// lines
		long linesBefore = 1;
		Tally tally = new Tally(layout.indicators);
		GroupTable groups = new GroupTable();
		List<BadRow> bad = new ArrayList<>();
		long badCount = 0;
		for (Worker w : workers) {
			if (w.failure instanceof IOException io) {
				throw io;
			}
			if (w.failure instanceof RuntimeException re) {
				throw re;
			}
			if (w.fatal != null) {
				long row = linesBefore + w.fatal.row();
				err.println("classify: row " + row + ": " + w.fatal.reason());
				err.println("classify: dòng " + row + " lỗi; dùng --skip-bad-rows để bỏ qua"
						+ " / use --skip-bad-rows to skip bad rows");
				if (perHouseholdPath != null) {
					Files.deleteIfExists(perHouseholdPath);
				}
				return 2;
			}
			int[] map = new int[w.groups.size()];
			for (int g = 0; g < map.length; g++) {
				String name = w.groups.name(g);
				byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
				map[g] = groups.indexOf(bytes, 0, bytes.length);
			}
			tally.merge(w.tally, map);
			for (BadRow row : w.bad) {
				if (bad.size() < MAX_BAD_ROWS_LISTED) {
					bad.add(new BadRow(linesBefore + row.row(), row.reason()));
				}
			}
			badCount += w.badCount;
			linesBefore += w.lines;
		}
		List<String> keys = layout.rules.classKeys();
		boolean weighted = layout.weightCol >= 0;
		Json json = new Json().begin();
		json.field("standard", standard.key());
		json.field("standard_version", standard.version());
		json.field("base_standard", standard.base());
		json.field("province", standard.provinceCode());
		json.field("way", (layout.scoreBCol >= 0) ? "score" : "income");
		json.field("input", input.getFileName().toString());
		json.field("weight", args.get("--weight"));
		json.field("group_by", args.get("--group-by"));
		tally.write(json, 0, keys, weighted);
		json.field("skipped_rows", badCount);
		json.beginArray("bad_rows");
		for (BadRow row : bad) {
			json.element().field("row", row.row()).field("reason", row.reason()).end();
		}
		json.endArray();
		if (layout.groupCol >= 0) {
			json.object("groups");
			Integer[] order = new Integer[groups.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (x, y) -> groups.name(x).compareTo(groups.name(y)));
			for (int g : order) {
				json.object(groups.name(g));
				tally.write(json, g + 1, keys, weighted);
				json.end();
			}
			json.end();
		}
		json.end();
		json.emit(args.get("--out"), out);
		return 0;
	}

	private static void writeId(OutputStream out, CsvScanner csv, int col) throws IOException {
		byte[] b = csv.buffer();
		int s = csv.start(col);
		int e = csv.end(col);
		boolean quote = false;
		for (int i = s; i < e; i++) {
			if (b[i] == ',' || b[i] == '"') {
				quote = true;
				break;
			}
		}
		if (quote) {
			out.write(('"' + csv.string(col).replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8));
		}
		else {
			out.write(b, s, e - s);
		}
	}

	static Map<String, Integer> header(CsvScanner csv) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < csv.fieldCount(); i++) {
			String name = csv.string(i).trim();
			if (i == 0 && name.startsWith("\uFEFF")) {
				name = name.substring(1);
			}
			header.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
		}
		return header;
	}

	static int column(Map<String, Integer> header, String name, boolean required) {
		Integer i = header.get(name.toLowerCase(Locale.ROOT));
		if (i == null && required) {
			throw new Args.UsageException("missing column / thiếu cột: " + name);
		}
		return (i != null) ? i : -1;
	}

	/**
	 * One column per indicator, named {@code d_<CODE>} or positionally {@code d01…dNN} in
	 * the standard's catalogue order.
	 */
	static boolean noIndicatorColumns(Map<String, Integer> header, Standard standard) {
		for (int i = 0; i < standard.indicators().size(); i++) {
			String code = standard.indicators().get(i).code();
			if (header.containsKey("d_" + code.toLowerCase(Locale.ROOT))
					|| header.containsKey(((i < 9) ? "d0" : "d") + (i + 1))) {
				return false;
			}
		}
		return true;
	}

	static int[] indicatorColumns(Map<String, Integer> header, Standard standard) {
		int n = standard.indicators().size();
		int[] cols = new int[n];
		for (int i = 0; i < n; i++) {
			String code = standard.indicators().get(i).code();
			Integer named = header.get("d_" + code.toLowerCase(Locale.ROOT));
			Integer positional = header.get(((i < 9) ? "d0" : "d") + (i + 1));
			if (named == null && positional == null) {
				throw new Args.UsageException(
						"missing indicator column d_" + code + " (or d" + String.format("%02d", i + 1)
								+ ") for standard " + standard.key() + " / thiếu cột chỉ số d_" + code);
			}
			cols[i] = (named != null) ? named : positional;
		}
		return cols;
	}

}
