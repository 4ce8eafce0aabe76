package vn.giamngheo.analytics.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.StandardLoader;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL score and cut-off test of the refresh give, in PostgreSQL, the same scaled
 * score and the same verdict as the engine, for equal and for unequal weights.
 */
@IntegrationTest
class AfSqlIT {

	@Autowired
	JdbcClient jdbc;

	static final List<List<String>> CASES = List.of(List.of(), List.of("INF"), List.of("HEA", "INF"),
			List.of("TEL", "INF"), List.of("HEA", "HIN", "AED"), List.of("HEA", "HIN", "TEL"),
			List.of("HEA", "HIN", "AED", "CED", "HQU", "HAR", "WAT", "SAN", "TEL", "INF"));

	void agree(StandardCatalogue catalogue) {
		AfSql sql = AfSql.of(catalogue);
		AlkireFoster engine = catalogue.find("2016-2020").orElseThrow().alkireFoster().measure();
		for (List<String> deprivations : CASES) {
			long mask = 0;
			for (String d : deprivations) {
				mask |= 1L << engine.indicators().indexOf(d);
			}
			List<Object> row = this.jdbc
				.sql("select " + sql.score() + ", " + sql.poor() + ", " + sql.scale()
						+ " from (select '2016-2020'::varchar as standard_key, ?::text[] as deprivations) s")
				.param(deprivations.toArray(String[]::new))
				.query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getBoolean(2), rs.getLong(3)))
				.single();
			assertThat(row).as(deprivations.toString())
				.containsExactly(engine.scaledScore(mask), engine.isPoor(mask), engine.scale());
		}
		List<Object> unknown = this.jdbc
			.sql("select " + sql.score() + ", " + sql.poor() + ", " + sql.scale()
					+ " from (select 'none'::varchar as standard_key, array['HEA']::text[] as deprivations) s")
			.query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getBoolean(2), rs.getLong(3)))
			.single();
		assertThat(unknown).containsExactly(0L, false, 0L);
	}

	@Test
	void equalWeightsCountDeprivations() {
		agree(StandardLoader.loadClasspath());
	}

	@Test
	void unequalWeightsAddEachIndicatorsWeight(@TempDir Path dir) throws IOException {
		for (String f : new String[] { "index.yaml", "2016-2020.yaml", "2021.yaml", "2022-2025.yaml", "2026.yaml",
				"2027-2030.yaml" }) {
			try (InputStream in = AfSqlIT.class.getResourceAsStream("/standards/" + f)) {
				Files.write(dir.resolve(f), in.readAllBytes());
			}
		}
		Files.writeString(dir.resolve("index.yaml"),
				Files.readString(dir.resolve("index.yaml")).replaceAll("(?s)local:.*?score_tables", "score_tables"));
		Path file = dir.resolve("2016-2020.yaml");
		Files.writeString(file, Files.readString(file)
			.replace("  weights: equal", "  weights: {HEA: 1/10, HIN: 1/10, AED: 1/10, CED: 1/10, HQU: 1/10, HAR: 1/10,"
					+ " WAT: 1/10, SAN: 1/10, TEL: 1/20, INF: 3/20}"));
		agree(StandardLoader.loadDirectory(dir));
	}

}
