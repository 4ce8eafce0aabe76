package vn.giamngheo.standards.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB side of the classify benchmark, run as its own JVM process by
 * {@code bench/classify.sh}: reads the same CSV, applies the same 2022–2025 rules in SQL
 * (income ≤ line and ≥ 3 deprivations → poor; ≤ line → near-poor; ≤ middle ceiling →
 * middle; else above middle; lines 1,500,000 / 2,000,000, ceilings 2,250,000 / 3,000,000
 * from {@code standards/2022-2025.yaml}) and computes counts and exact weighted sums by
 * province. Writes {@code province,class,count,weighted} lines for the comparison.
 *
 * <p>
 * Usage: {@code DuckDbClassify <input.csv> <output.txt>}
 */
public final class DuckDbClassify {

	private DuckDbClassify() {
	}

	public static void main(String[] args) throws SQLException, IOException {
		String input = args[0].replace("'", "''");
		StringBuilder flags = new StringBuilder();
		StringBuilder columns = new StringBuilder();
		for (int i = 1; i <= 12; i++) {
			String c = String.format("d%02d", i);
			flags.append((i > 1) ? " + " : "").append(c);
			columns.append(", '").append(c).append("': 'TINYINT'");
		}
		String sql = """
				WITH h AS (
				  SELECT province, urban, income_per_capita AS income, weight, %s AS d
				  FROM read_csv('%s', header = true, delim = ',', quote = '"',
				    columns = {'household_id': 'VARCHAR', 'province': 'VARCHAR', 'urban': 'TINYINT',
				               'income_per_capita': 'BIGINT', 'weight': 'DECIMAL(18,6)'%s})
				), c AS (
				  SELECT province, weight, d,
				    CASE
				      WHEN income <= CASE WHEN urban = 1 THEN 2000000 ELSE 1500000 END
				        THEN CASE WHEN d >= 3 THEN 'poor' ELSE 'near_poor' END
				      WHEN income <= CASE WHEN urban = 1 THEN 3000000 ELSE 2250000 END THEN 'middle'
				      ELSE 'above_middle'
				    END AS class
				  FROM h
				)
				SELECT province, class, count(*) AS n, sum(weight) AS w,
				  CAST(sum(weight) AS DOUBLE) / CAST(sum(sum(weight)) OVER (PARTITION BY province) AS DOUBLE) AS rate
				FROM c GROUP BY province, class ORDER BY province, class
				""".formatted(flags, input, columns);
		StringBuilder out = new StringBuilder();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				BigDecimal w = rs.getBigDecimal(4).stripTrailingZeros();
				out.append(rs.getString(1))
					.append(',')
					.append(rs.getString(2))
					.append(',')
					.append(rs.getLong(3))
					.append(',')
					.append(w.toPlainString())
					.append(',')
					.append(rs.getDouble(5))
					.append('\n');
			}
		}
		Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
	}

}
