package vn.giamngheo.standards.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {

	static final String HEADER = "household_id,province,urban,income_per_capita,weight,"
			+ "d_EMP,d_DEP,d_NUT,d_HIN,d_AED,d_CED,d_HQU,d_HAR,d_WAT,d_SAN,d_TEL,d_INF\n";

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return JsonMapper.builder().build().readValue(this.out, Map.class);
		}

	}

	static Run classify(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = ClassifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	Path file(String name, String content) throws IOException {
		Path p = this.dir.resolve(name);
		Files.writeString(p, content, StandardCharsets.UTF_8);
		return p;
	}

	static String flags(int d, int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append(',').append((i < d) ? '1' : '0');
		}
		return s.toString();
	}

	String sample() {
		return HEADER + "H1,75,0,1500000,1.5" + flags(3, 12) + "\n" // poor
				+ "H2,75,0,1500000,2" + flags(2, 12) + "\n" // near-poor
				+ "H3,01,urban,2000001,0.5" + flags(0, 12) + "\n" // middle
				+ "H4,01,1,3000001,1" + flags(5, 12) + "\n"; // above middle
	}

	@Test
	@SuppressWarnings("unchecked")
	void outputKeysCountsRatesAndGroups() throws IOException {
		Path in = file("in.csv", sample());
		Run run = classify("--standard", "2022-2025", "--input", in.toString(), "--group-by", "province", "--weight",
				"weight");
		assertThat(run.exit()).as(run.err()).isZero();
		Map<String, Object> json = run.json();
		assertThat(json).containsKeys("standard", "n", "counts", "rates", "deprivations", "groups", "skipped_rows",
				"bad_rows", "weighted_counts", "total_weight");
		assertThat(json.get("n")).isEqualTo(4);
		Map<String, Object> counts = (Map<String, Object>) json.get("counts");
		assertThat(counts).containsExactly(Map.entry("poor", 1), Map.entry("near_poor", 1), Map.entry("middle", 1),
				Map.entry("above_middle", 1));
		Map<String, Object> rates = (Map<String, Object>) json.get("rates");
		assertThat(rates.get("poor")).isEqualTo(0.3);
		assertThat(rates.get("near_poor")).isEqualTo(0.4);
		assertThat(rates.get("middle")).isEqualTo(0.1);
		Map<String, Object> deprivations = (Map<String, Object>) json.get("deprivations");
		assertThat(deprivations).hasSize(13).containsEntry("3", 1).containsEntry("5", 1).containsEntry("0", 1);
		Map<String, Object> groups = (Map<String, Object>) json.get("groups");
		assertThat(groups).containsOnlyKeys("01", "75");
		Map<String, Object> g75 = (Map<String, Object>) groups.get("75");
		assertThat(g75.get("n")).isEqualTo(2);
		assertThat(((Map<String, Object>) g75.get("rates")).get("poor")).isEqualTo(1.5 / 3.5);
	}

	@Test
	@SuppressWarnings("unchecked")
	void classKeysFollowTheStandard() throws IOException {
		StringBuilder csv = new StringBuilder("household_id,urban,income_per_capita");
		for (int i = 1; i <= 12; i++) {
			csv.append(String.format(",d%02d", i));
		}
		csv.append('\n').append("A,0,700000").append(flags(0, 12)).append('\n');
		csv.append("B,0,700001").append(flags(3, 12)).append('\n');
		csv.append("C,0,2200001").append(flags(0, 12)).append('\n');
		Path in = file("pos.csv", csv.toString());
		Map<String, Object> old = classify("--standard", "2016-2020", "--input", in.toString()).json();
		assertThat(((Map<String, Object>) old.get("counts")).keySet()).containsExactly("poor", "poor_income",
				"poor_deprivation", "near_poor", "middle", "above_middle");
		assertThat((Map<String, Object>) old.get("counts")).containsEntry("poor", 2)
			.containsEntry("poor_income", 1)
			.containsEntry("poor_deprivation", 1)
			.containsEntry("above_middle", 1);
		Map<String, Object> next = classify("--standard", "2027-2030", "--input", in.toString()).json();
		assertThat(((Map<String, Object>) next.get("counts")).keySet()).containsExactly("poor", "near_poor",
				"not_poor");
		assertThat((Map<String, Object>) next.get("counts")).containsEntry("poor", 1)
			.containsEntry("near_poor", 1)
			.containsEntry("not_poor", 1);
	}

	@Test
	void positionalColumnsGiveTheSameResultAsNamedOnes() throws IOException {
		Path named = file("named.csv", sample());
		String positional = sample().replaceFirst(
				"d_EMP,d_DEP,d_NUT,d_HIN,d_AED,d_CED,d_HQU,d_HAR,d_WAT,d_SAN,d_TEL,d_INF",
				"d01,d02,d03,d04,d05,d06,d07,d08,d09,d10,d11,d12");
		Path pos = file("positional.csv", positional);
		Run a = classify("--standard", "2022-2025", "--input", named.toString());
		Run b = classify("--standard", "2022-2025", "--input", pos.toString());
		assertThat(b.exit()).isZero();
		assertThat(b.json().get("counts")).isEqualTo(a.json().get("counts"));
	}

	@Test
	void badRowStopsTheRunWithItsRowNumber() throws IOException {
		Path in = file("bad.csv", sample() + "H5,01,0,12abc,1" + flags(0, 12) + "\n");
		Run run = classify("--standard", "2022-2025", "--input", in.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("row 6").contains("income_per_capita").contains("12abc");
	}

	@Test
	@SuppressWarnings("unchecked")
	void skipBadRowsCountsAndListsThem() throws IOException {
		String content = HEADER + "H1,75,0,1500000,1" + flags(3, 12) + "\n" + "H2,75,somewhere,1,1" + flags(0, 12)
				+ "\n" + "H3,75,0,1,1" + flags(0, 11) + "\n" + "\n" + "H4,75,0,1,1" + flags(0, 11) + ",2\n"
				+ "H5,75,1,2000000,1" + flags(1, 12) + "\n";
		Path in = file("skip.csv", content);
		Run stop = classify("--standard", "2022-2025", "--input", in.toString());
		assertThat(stop.exit()).isEqualTo(2);
		assertThat(stop.err()).contains("row 3").contains("unknown area").contains("somewhere");
		Run run = classify("--standard", "2022-2025", "--input", in.toString(), "--skip-bad-rows");
		assertThat(run.exit()).as(run.err()).isZero();
		Map<String, Object> json = run.json();
		assertThat(json.get("n")).isEqualTo(2);
		assertThat(json.get("skipped_rows")).isEqualTo(3);
		List<Map<String, Object>> bad = (List<Map<String, Object>>) json.get("bad_rows");
		assertThat(bad).extracting((m) -> m.get("row")).containsExactly(3, 4, 6);
		assertThat((String) bad.get(1).get("reason")).contains("expected 17 columns, got 16");
		assertThat((String) bad.get(2).get("reason")).contains("0 or 1").contains("d_INF");
	}

	@Test
	void perHouseholdFileListsEveryRow() throws IOException {
		Path in = file("in.csv", sample());
		Path per = this.dir.resolve("per.csv");
		Run run = classify("--standard", "2022-2025", "--input", in.toString(), "--per-household", per.toString(),
				"--out", this.dir.resolve("out.json").toString());
		assertThat(run.exit()).isZero();
		assertThat(run.out()).isEmpty();
		assertThat(Files.readAllLines(per)).containsExactly("household_id,class,deprivations", "H1,poor,3",
				"H2,near_poor,2", "H3,middle,0", "H4,above_middle,5");
		assertThat(Files.readString(this.dir.resolve("out.json"))).contains("\"n\": 4");
	}

	@Test
	@SuppressWarnings("unchecked")
	void scoreWayColumns() throws IOException {
		StringBuilder csv = new StringBuilder("household_id,urban,score_a,score_b");
		for (int i = 1; i <= 12; i++) {
			csv.append(String.format(",d%02d", i));
		}
		csv.append("\nA,0,140,30").append(flags(3, 12)).append("\nB,0,140,20").append(flags(2, 12));
		csv.append("\nC,1,176,40").append(flags(4, 12)).append('\n');
		Map<String, Object> json = classify("--standard", "2022-2025", "--input",
				file("s.csv", csv.toString()).toString())
			.json();
		assertThat(json.get("way")).isEqualTo("score");
		assertThat((Map<String, Object>) json.get("counts")).containsEntry("poor", 1)
			.containsEntry("near_poor", 1)
			.containsEntry("not_poor", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void scoresAloneNeedNoIndicatorColumnsAndScoreBIsTheDeprivationScore() throws IOException {
		// issue 15 (§13): score_b is the deprivation score (10 points per deprivation);
		// a file of scores alone is classified, its deprivations read from score B
		String csv = "household_id,urban,score_a,score_b\nA,0,140,30\nB,0,140,29\nC,1,175,120\nD,1,176,40\n";
		Path perHousehold = this.dir.resolve("ph.csv");
		Run run = classify("--standard", "2022-2025", "--input", file("scores.csv", csv).toString(), "--per-household",
				perHousehold.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		Map<String, Object> json = run.json();
		assertThat(json.get("way")).isEqualTo("score");
		assertThat((Map<String, Object>) json.get("counts")).containsEntry("poor", 2)
			.containsEntry("near_poor", 1)
			.containsEntry("not_poor", 1);
		assertThat(Files.readAllLines(perHousehold)).containsExactly("household_id,class,deprivations", "A,poor,3",
				"B,near_poor,2", "C,poor,12", "D,not_poor,4");
	}

	@Test
	void scoresWithSomeIndicatorColumnsStillNeedThemAll() throws IOException {
		String csv = "household_id,urban,score_a,score_b,d_EMP\nA,0,140,30,1\n";
		Run run = classify("--standard", "2022-2025", "--input", file("part.csv", csv).toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).contains("d_DEP");
	}

	@Test
	@SuppressWarnings("unchecked")
	void provincialOverlay() throws IOException {
		Path in = file("in.csv", HEADER + "H1,75,0,1800000,1" + flags(2, 12) + "\n");
		Map<String, Object> json = classify("--standard", "2022-2025", "--province", "75", "--input", in.toString())
			.json();
		assertThat((Map<String, Object>) json.get("counts")).containsEntry("poor", 1);
		assertThat(json.get("province")).isEqualTo("75");
	}

	@Test
	void usageErrors() throws IOException {
		assertThat(classify("--standard", "1999", "--input", "x.csv").exit()).isEqualTo(1);
		Path noFlags = file("nf.csv", "household_id,urban,income_per_capita\nA,0,1\n");
		Run run = classify("--standard", "2022-2025", "--input", noFlags.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).contains("d_EMP").contains("d01");
	}

	@Test
	@SuppressWarnings("unchecked")
	void parallelRangesAgreeWithOneThreadAndKeepRowNumbers() throws IOException {
		Path in = this.dir.resolve("big.csv");
		BenchClassifyCommand.run(new String[] { "generate", "--rows", "200000", "--seed", "7", "--out", in.toString() },
				new PrintStream(new ByteArrayOutputStream()), System.err);
		assertThat(Files.size(in)).isGreaterThan(9L << 20);
		Path per = this.dir.resolve("per.csv");
		Run parallel = classify("--standard", "2022-2025", "--input", in.toString(), "--group-by", "province",
				"--weight", "weight");
		Run single = classify("--standard", "2022-2025", "--input", in.toString(), "--group-by", "province", "--weight",
				"weight", "--per-household", per.toString());
		assertThat(parallel.out()).isEqualTo(single.out());
		assertThat(Files.lines(per).count()).isEqualTo(200_001);
		List<String> lines = new ArrayList<>(Files.readAllLines(in));
		lines.set(149_999, lines.get(149_999).replaceFirst(",[01],(\\d+),", ",0,x$1,"));
		Files.write(in, lines);
		assertThat(classify("--standard", "2022-2025", "--input", in.toString()).err()).contains("row 150000:");
		assertThat(
				classify("--standard", "2022-2025", "--input", in.toString(), "--per-household", per.toString()).err())
			.contains("row 150000:");
		Map<String, Object> skipped = classify("--standard", "2022-2025", "--input", in.toString(), "--skip-bad-rows")
			.json();
		assertThat(((List<Map<String, Object>>) skipped.get("bad_rows")).get(0).get("row")).isEqualTo(150000);
	}

}
