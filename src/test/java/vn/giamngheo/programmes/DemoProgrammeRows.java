package vn.giamngheo.programmes;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fixture communes ({@code Fixtures.communes()}) are real communes of Quảng Nam, and
 * the demo ({@code DemoProgrammesIT}, in the same database) writes approved and waiting
 * programme rows for most of them in every year of 2021–2025. A test that counts a
 * fixture commune's programme rows therefore first removes the demo's funds and outputs
 * there (never a report: submitted ones are frozen, and none of these tests counts them).
 */
final class DemoProgrammeRows {

	private DemoProgrammeRows() {
	}

	/** Removes every fund and output row of these units, as the database owner. */
	static void clear(DataSource owner, long... units) {
		JdbcClient jdbc = JdbcClient.create(owner);
		for (long unit : units) {
			jdbc.sql("delete from programme_fund where unit_id = ?").param(unit).update();
			jdbc.sql("delete from programme_output where unit_id = ?").param(unit).update();
		}
	}

}
