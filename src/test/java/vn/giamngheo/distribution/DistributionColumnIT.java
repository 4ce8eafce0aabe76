package vn.giamngheo.distribution;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.distribution.DistributionRules.Classification;
import vn.giamngheo.distribution.DistributionRules.Schema;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema can be sharded by province (ADR 0053): read from the catalog of the
 * migrated database, every table is classified, every household-side table carries
 * {@code province_code not null}, and its keys and foreign keys include it.
 */
@IntegrationTest
class DistributionColumnIT {

	/** Keys still to widen when issue 19 landed (ADR 0053). */
	static final int PENDING_AT_MOST = 27;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Test
	void everyTableIsClassifiedAndEveryHouseholdSideKeyCarriesTheProvince() {
		Classification classification = Classification.load();
		Schema schema = Schema.read(JdbcClient.create(this.owner), "public");
		List<String> offences = DistributionRules.offences(schema, classification);
		assertThat(offences).as("tables, keys and foreign keys that break the distribution rule (ADR 0053)").isEmpty();
		assertThat(schema.tables()).as("the catalog was read").contains("household", "member", "admin_unit");
		assertThat(classification.pending())
			.as("pending lines of " + DistributionRules.CLASSIFICATION
					+ ": the list may only shrink (lower the bound when you finish one)")
			.hasSizeLessThanOrEqualTo(PENDING_AT_MOST);
	}

	@Test
	void everyExemptionNamesAKeyThatExists() {
		Classification classification = Classification.load();
		Schema schema = Schema.read(JdbcClient.create(this.owner), "public");
		List<String> names = new java.util.ArrayList<>();
		schema.keys().forEach((k) -> names.add(k.name()));
		schema.foreignKeys().forEach((f) -> names.add(f.name()));
		assertThat(names).as("exempt lines of " + DistributionRules.CLASSIFICATION)
			.containsAll(classification.exempt().keySet());
	}

	/** The rule names each offending table and constraint (it can fail). */
	@Test
	void aSchemaThatBreaksTheRuleIsNamedTableByTable() {
		JdbcClient jdbc = JdbcClient.create(this.owner);
		jdbc.sql("drop schema if exists dist_probe cascade").update();
		jdbc.sql("create schema dist_probe").update();
		try {
			jdbc.sql("create table dist_probe.place (id bigint primary key)").update();
			jdbc.sql("create table dist_probe.home (id bigint primary key, province_code varchar(2),"
					+ " code text constraint home_code unique, place_id bigint references dist_probe.place (id))")
				.update();
			jdbc.sql("create table dist_probe.person (id bigint, province_code varchar(2) not null,"
					+ " home_id bigint references dist_probe.home (id), primary key (id, province_code))")
				.update();
			jdbc.sql("create table dist_probe.good (id bigint, province_code varchar(2) not null,"
					+ " home_id bigint, primary key (id, province_code))")
				.update();
			jdbc.sql("alter table dist_probe.home add constraint home_key unique (id, province_code)").update();
			jdbc.sql("alter table dist_probe.good add constraint good_home foreign key (home_id, province_code)"
					+ " references dist_probe.home (id, province_code)")
				.update();
			jdbc.sql("create table dist_probe.stray (id bigint primary key)").update();
			Classification classification = new Classification(
					Map.of("place", "reference", "home", "household", "person", "household", "good", "household"),
					Map.of());
			List<String> offences = DistributionRules.offences(Schema.read(jdbc, "dist_probe"), classification);
			assertThat(offences).anySatisfy((o) -> assertThat(o).startsWith("stray: not classified"))
				.anySatisfy((o) -> assertThat(o).startsWith("home: household-side table without province_code"))
				.anySatisfy((o) -> assertThat(o).startsWith("home.home_pkey: unique key [id]"))
				.anySatisfy((o) -> assertThat(o).startsWith("home.home_code: unique key [code]"))
				.anySatisfy((o) -> assertThat(o).startsWith("person.person_home_id_fkey [home_id] → home[id]"))
				.noneSatisfy((o) -> assertThat(o).contains("good"))
				.noneSatisfy((o) -> assertThat(o).contains("place"))
				.hasSize(5);
		}
		finally {
			jdbc.sql("drop schema dist_probe cascade").update();
		}
	}

}
