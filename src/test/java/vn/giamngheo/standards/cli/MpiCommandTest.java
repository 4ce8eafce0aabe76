package vn.giamngheo.standards.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import vn.giamngheo.standards.af.Fraction;

import static org.assertj.core.api.Assertions.assertThat;

class MpiCommandTest {

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return JsonMapper.builder().build().readValue(this.out, Map.class);
		}

	}

	static Run mpi(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = MpiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	@SuppressWarnings("unchecked")
	void toyExampleWithADroppedRow() throws IOException {
		Path in = this.dir.resolve("toy.csv");
		Files.writeString(in, "id,g,d1,d2,d3,d4\n1,a,0,0,0,0\n2,a,0,1,0,1\n3,b,1,1,1,1\n4,b,0,1,0,0\n5,b,1,,0,0\n");
		Run run = mpi("--input", in.toString(), "--indicator", "d1=1/4", "--indicator", "d2=1/4", "--indicator",
				"d3=1/4", "--indicator", "d4=1/4", "--k", "50", "--group-by", "g");
		assertThat(run.exit()).as(run.err()).isZero();
		Map<String, Object> json = run.json();
		assertThat(json).containsKeys("H", "A", "M0", "hd", "hdk", "contributions", "contributions_pct", "groups");
		assertThat(json.get("dropped_rows")).isEqualTo(1);
		assertThat(json.get("H")).isEqualTo(0.5);
		assertThat(json.get("A")).isEqualTo(0.75);
		assertThat(json.get("M0")).isEqualTo(0.375);
		assertThat((Map<String, Object>) json.get("hdk")).containsEntry("d1", 0.25).containsEntry("d2", 0.5);
		assertThat((Map<String, Object>) json.get("exact")).containsEntry("M0", "3/8");
		Map<String, Object> share = (Map<String, Object>) json.get("contributions_pct");
		assertThat((double) share.get("d1")).isEqualTo(1.0 / 6);
		assertThat((double) share.get("d2")).isEqualTo(1.0 / 3);
		Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) json.get("groups")).get("b");
		assertThat(b.get("H")).isEqualTo(0.5);
		assertThat(b.get("n")).isEqualTo(2);
	}

	@Test
	@SuppressWarnings("unchecked")
	void percentAndFractionCutOffs() throws IOException {
		Path in = this.dir.resolve("k.csv");
		Files.writeString(in, "a,b,c,w\n1,0,0,2.5\n0,0,0,7.5\n");
		Run percent = mpi("--input", in.toString(), "--indicator", "a=1/3", "--indicator", "b=1/3", "--indicator",
				"c=1/3", "--k", "33", "--weight", "w");
		assertThat(percent.json().get("H")).isEqualTo(0.25);
		assertThat(percent.json().get("total_weight")).isEqualTo(10);
		Run fraction = mpi("--input", in.toString(), "--indicator", "a=1/3", "--indicator", "b=1/3", "--indicator",
				"c=1/3", "--k", "34");
		assertThat(fraction.json().get("H")).isEqualTo(0.0);
		assertThat(MpiCommand.parseK("3/11")).isEqualTo(Fraction.of(3, 11));
		assertThat(MpiCommand.parseK("33.33")).isEqualTo(Fraction.of(3333, 10000));
	}

	@Test
	void malformedRowAndBadWeights() throws IOException {
		Path in = this.dir.resolve("bad.csv");
		Files.writeString(in, "a,b\n1,0\n2,0\n");
		Run run = mpi("--input", in.toString(), "--indicator", "a=1/2", "--indicator", "b=1/2", "--k", "50");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("row 3");
		Run weights = mpi("--input", in.toString(), "--indicator", "a=1/2", "--indicator", "b=1/3", "--k", "50");
		assertThat(weights.exit()).isEqualTo(1);
		assertThat(weights.err()).contains("sum to 1");
	}

}
