package vn.giamngheo.standards.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.af.Fraction;

/**
 * {@code mpi --input <file.csv> --indicator <col>=<weight> ... --k <percent|fraction>
 * [--weight <col>] [--group-by <col>] [--out <file.json>] [--skip-bad-rows]}:
 * Alkire–Foster measures with exact weights and cut-off. See {@code docs/cli.md}.
 */
public final class MpiCommand {

	private MpiCommand() {
	}

	public static int run(String[] argv) {
		return run(argv, System.out, System.err);
	}

	static int run(String[] argv, PrintStream out, PrintStream err) {
		try {
			return execute(argv, out, err);
		}
		catch (Args.UsageException | IllegalArgumentException ex) {
			err.println("mpi: " + ex.getMessage());
			err.println("usage: mpi --input <file.csv> --indicator <column>=<weight> ... --k <percent|fraction>"
					+ " [--weight <column>] [--group-by <column>] [--out <file.json>] [--skip-bad-rows]");
			return 1;
		}
		catch (IOException ex) {
			err.println("mpi: " + ex);
			return 1;
		}
	}

	/**
	 * Parses k: a percent ({@code 33} → 33/100) or an exact fraction ({@code 3/11}).
	 * @param text the option value
	 * @return k
	 */
	static Fraction parseK(String text) {
		try {
			if (text.contains("/")) {
				return Fraction.parse(text);
			}
			return Fraction.parse(text).divide(Fraction.of(100, 1));
		}
		catch (RuntimeException ex) {
			throw new Args.UsageException("--k must be a percent such as 33 or a fraction such as 3/11: " + text);
		}
	}

	private static int execute(String[] argv, PrintStream out, PrintStream err) throws IOException {
		Args args = Args.parse(argv, Set.of("--input", "--indicator", "--k", "--weight", "--group-by", "--out"),
				Set.of("--skip-bad-rows"));
		Path input = Path.of(args.require("--input"));
		List<String> specs = args.all("--indicator");
		if (specs.isEmpty()) {
			throw new Args.UsageException("at least one --indicator <column>=<weight> is required");
		}
		List<String> names = new ArrayList<>();
		List<Fraction> weights = new ArrayList<>();
		for (String spec : specs) {
			int eq = spec.indexOf('=');
			if (eq <= 0) {
				throw new Args.UsageException("--indicator must be <column>=<weight>: " + spec);
			}
			names.add(spec.substring(0, eq).trim());
			try {
				weights.add(Fraction.parse(spec.substring(eq + 1)));
			}
			catch (RuntimeException ex) {
				throw new Args.UsageException("weight must be a fraction such as 1/6: " + spec);
			}
		}
		Fraction k = parseK(args.require("--k"));
		AlkireFoster af = new AlkireFoster(names, weights, k);
		if (!Files.isRegularFile(input)) {
			throw new Args.UsageException("input file not found / không tìm thấy tệp: " + input);
		}
		boolean skipBad = args.has("--skip-bad-rows");
		AlkireFoster.Accumulator acc = af.accumulator();
		long dropped = 0;
		long skipped = 0;
		List<String> badRows = new ArrayList<>();
		try (CsvScanner csv = new CsvScanner(input)) {
			if (!csv.next()) {
				throw new Args.UsageException("empty input / tệp rỗng: " + input);
			}
			Map<String, Integer> header = ClassifyCommand.header(csv);
			int width = csv.fieldCount();
			int[] cols = new int[names.size()];
			for (int i = 0; i < cols.length; i++) {
				cols[i] = ClassifyCommand.column(header, names.get(i), true);
			}
			String weightBy = args.get("--weight");
			int weightCol = (weightBy != null) ? ClassifyCommand.column(header, weightBy, true) : -1;
			String groupBy = args.get("--group-by");
			int groupCol = (groupBy != null) ? ClassifyCommand.column(header, groupBy, true) : -1;
			GroupTable groups = new GroupTable();
			while (true) {
				try {
					if (!csv.next()) {
						break;
					}
					if (csv.fieldCount() != width) {
						throw new RowException("expected " + width + " columns, got " + csv.fieldCount());
					}
					byte[] b = csv.buffer();
					long mask = 0;
					boolean missing = false;
					for (int i = 0; i < cols.length; i++) {
						int s = csv.start(cols[i]);
						int e = csv.end(cols[i]);
						if (isMissing(b, s, e)) {
							missing = true;
							break;
						}
						if (Fields.flag(b, s, e, names.get(i)) == 1) {
							mask |= 1L << i;
						}
					}
					if (missing) {
						dropped++;
						continue;
					}
					long w = (weightCol >= 0) ? Fields.weight(b, csv.start(weightCol), csv.end(weightCol), weightBy)
							: 1;
					String group = null;
					if (groupCol >= 0) {
						group = groups.name(groups.indexOf(b, csv.start(groupCol), csv.end(groupCol)));
					}
					acc.add(mask, w, group);
				}
				catch (RowException | CsvScanner.CsvException ex) {
					if (!skipBad) {
						err.println("mpi: row " + csv.line() + ": " + ex.getMessage());
						return 2;
					}
					skipped++;
					if (badRows.size() < ClassifyCommand.MAX_BAD_ROWS_LISTED) {
						badRows.add(csv.line() + "\t" + ex.getMessage());
					}
				}
			}
			Json json = new Json().begin();
			json.field("input", input.getFileName().toString());
			json.field("k", k.toString());
			json.field("k_value", k.toDouble());
			json.object("indicator_weights");
			for (int i = 0; i < names.size(); i++) {
				json.field(names.get(i), weights.get(i).toString());
			}
			json.end();
			json.field("weight", weightBy);
			json.field("group_by", groupBy);
			json.field("dropped_rows", dropped);
			json.field("skipped_rows", skipped);
			json.beginArray("bad_rows");
			for (String row : badRows) {
				int tab = row.indexOf('\t');
				json.element()
					.field("row", Long.parseLong(row.substring(0, tab)))
					.field("reason", row.substring(tab + 1))
					.end();
			}
			json.endArray();
			write(json, acc.result(), names, weightCol >= 0);
			if (groupCol >= 0) {
				json.object("groups");
				for (Map.Entry<String, AlkireFoster.Result> e : new TreeMap<>(acc.groupResults()).entrySet()) {
					json.object(e.getKey());
					write(json, e.getValue(), names, weightCol >= 0);
					json.end();
				}
				json.end();
			}
			json.end();
			json.emit(args.get("--out"), out);
			return 0;
		}
	}

	private static boolean isMissing(byte[] b, int s, int e) {
		if (s == e) {
			return true;
		}
		String v = Fields.text(b, s, e).trim();
		return v.isEmpty() || v.equalsIgnoreCase("NA") || v.equals(".");
	}

	private static void write(Json json, AlkireFoster.Result r, List<String> names, boolean weighted) {
		json.field("n", r.n());
		if (weighted) {
			json.number("total_weight", Fields.decimal(r.totalWeight()));
		}
		json.field("H", r.headcount().toDouble());
		json.field("A", r.intensity().toDouble());
		json.field("M0", r.adjustedHeadcount().toDouble());
		json.object("exact");
		json.field("H", r.headcount().toString());
		json.field("A", r.intensity().toString());
		json.field("M0", r.adjustedHeadcount().toString());
		json.end();
		perIndicator(json, "hd", r.uncensored(), names);
		perIndicator(json, "hdk", r.censored(), names);
		perIndicator(json, "contributions", r.contributions(), names);
		perIndicator(json, "contributions_pct", r.contributionShares(), names);
	}

	private static void perIndicator(Json json, String key, List<Fraction> values, List<String> names) {
		json.object(key);
		for (int i = 0; i < names.size(); i++) {
			json.field(names.get(i), values.get(i).toDouble());
		}
		json.end();
	}

}
