package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.EligibilityLists.RunSummary;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.Bench;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The many-commune run (one pass over a province, ADR 0046) leaves exactly the spells and
 * run counts that a loop over the one-commune run leaves, on the same data: a first run,
 * then a year later after households moved between communes, one was voided, one moved
 * away, a member was voided and some households fell back into poverty. Each path runs in
 * a transaction that is rolled back after its spells are read, so both start from the
 * same state.
 */
@IntegrationTest
class EligibilityManyIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	EligibilityLists lists;

	@Autowired
	TransactionTemplate tx;

	Territory t;

	List<Long> communes;

	/** What a user of the lists sees of a spell (not its id or run). */
	record Seen(long commune, String policy, int version, UUID household, UUID member, LocalDate from, LocalDate to,
			LocalDate windowEnd, String reasons, String endReason) {
	}

	/** A run's figures. */
	record Counts(long commune, int entries, int started, int ended) {
	}

	record Outcome(List<Counts> runs, List<Seen> spells) {
	}

	@Test
	void theOnePassRunLeavesTheSameSpellsAndCountsAsOneRunPerCommune() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		Bench.Communes c = Bench.communes(this.jdbc, this.t, 6);
		this.communes = Arrays.asList(c.communes());
		this.t.attribute(c.communes()[0], "DBKK_COMMUNE", "true", "2021-01-01", null);
		this.t.attribute(c.villages()[1], "DBKK_VILLAGE", "true", "2021-01-01", "2025-12-31");
		Bench.households(this.jdbc, this.t, c, 600, "EM");
		// the IT database is shared: the demo's checks look at synthetic households only
		this.jdbc.sql("update household set synthetic = false where code like ?")
			.param("EM" + this.t.tag + "-%")
			.update();
		String like = this.t.districtPath + "%";
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, in_school, disability, sort_order) select h.id, '49', 'Người ' || k,"
					+ " 'nguoi ' || k, case when k = 2 then 'F' else 'M' end, case when k < 3"
					+ " then date '1955-01-01' + abs(hashtext(h.code || k)) % 15000"
					+ " else date '2008-01-01' + abs(hashtext(h.code || k)) % 6000 end,"
					+ " case when abs(hashtext(h.code)) % 4 = 0 then '05' else '01' end,"
					+ " case k when 1 then 'HEAD' when 2 then 'SPOUSE' else 'CHILD' end, k = 3,"
					+ " abs(hashtext(h.code || 'd' || k)) % 20 = 0, k"
					+ " from household h cross join generate_series(1, 3) k where h.unit_path like ?")
			.param(like)
			.update();
		assess(2023, 2024, like);
		List<UUID> households = this.jdbc.sql("select id from household where unit_path like ? order by code")
			.param(like)
			.query(UUID.class)
			.list();
		// the household that moves to another commune is poor until it leaves the list in
		// 2025
		setClass(households.get(0), 2024, "POOR");

		Outcome many = run(() -> this.lists.generateMany(this.communes, LocalDate.of(2025, 3, 1), "DEMO"));
		Outcome each = run(this::eachCommune, LocalDate.of(2025, 3, 1));
		assertThat(many.spells()).as("spells are written").hasSizeGreaterThan(600);
		same(many, each);

		// keep the first run, then change the registry before a run a year later
		this.lists.generateMany(this.communes, LocalDate.of(2025, 3, 1), "DEMO");
		Territory.move(JdbcClient.create(this.owner), households.get(0), "49", c.communes()[5], c.villages()[5]);
		Territory.move(JdbcClient.create(this.owner), households.get(7), "49", c.communes()[0], c.villages()[0]);
		this.jdbc.sql("update household set voided = true, void_reason = 'nhập trùng' where id = ?")
			.param(households.get(1))
			.update();
		this.jdbc.sql("update household set status = 'MOVED' where id = ?").param(households.get(2)).update();
		this.jdbc.sql(
				"update member set voided = true, void_reason = 'nhập trùng' where household_id = ? and sort_order = 3")
			.param(households.get(3))
			.update();
		assess(2025, 2025, like);
		setClass(households.get(0), 2025, "MIDDLE");
		LocalDate later = LocalDate.of(2026, 3, 1);
		many = run(() -> this.lists.generateMany(this.communes, later, "DEMO"));
		each = run(this::eachCommune, later);
		assertThat(many.runs().stream().mapToInt(Counts::ended).sum()).as("entries end a year later").isPositive();
		assertThat(many.runs().stream().mapToInt(Counts::started).sum()).as("entries start a year later").isPositive();
		same(many, each);
		UUID mover = households.get(0);
		assertThat(many.spells().stream().filter((v) -> v.household().equals(mover)).toList())
			.as("the entries of a household that moved and then left the poor list are in its new commune, ended or not")
			.anySatisfy((v) -> assertThat(v.to()).as("an entry of its poor years ended").isNotNull())
			.allSatisfy((v) -> assertThat(v.commune()).isEqualTo(c.communes()[5]));
	}

	void setClass(UUID household, int year, String classification) {
		this.jdbc.sql("update household_assessment set classification = ? where household_id = ? and year = ?")
			.params(classification, household, year)
			.update();
	}

	/** Fails with the spells and runs only one of the two paths left. */
	static void same(Outcome many, Outcome each) {
		List<Seen> onlyMany = new ArrayList<>(many.spells());
		onlyMany.removeAll(each.spells());
		List<Seen> onlyEach = new ArrayList<>(each.spells());
		onlyEach.removeAll(many.spells());
		List<Counts> runsMany = new ArrayList<>(many.runs());
		runsMany.removeAll(each.runs());
		List<Counts> runsEach = new ArrayList<>(each.runs());
		runsEach.removeAll(many.runs());
		assertThat(onlyMany).as("spells only the one-pass run left (the loop left %s)", onlyEach).isEmpty();
		assertThat(onlyEach).as("spells only the loop left").isEmpty();
		assertThat(runsMany).as("runs only the one-pass run counted (the loop counted %s)", runsEach).isEmpty();
		assertThat(many).isEqualTo(each);
	}

	/**
	 * The IT database is shared: the demo's checks count demo rows only, pass or fail.
	 */
	@AfterEach
	void relabel() {
		if (this.t == null) {
			return;
		}
		this.jdbc
			.sql("update household_assessment set source = 'MANUAL' where household_id in"
					+ " (select id from household where code like ?)")
			.param("EM" + this.t.tag + "-%")
			.update();
	}

	/**
	 * Recognised classes of the years (about 15 % poor, 10 % near-poor, decided 20/12).
	 */
	void assess(int from, int to, String like) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification, recognised, decision_no, decision_date, source)"
					+ " select h.id, '49', y, '2022-2025', 3, 1000000, case when r < 15 then 'POOR' when r < 25"
					+ " then 'NEAR_POOR' else 'MIDDLE' end, true, y || '/QĐ-UBND', make_date(y, 12, 20), 'DEMO'"
					+ " from household h cross join generate_series(?, ?) y"
					+ " cross join lateral (select abs(hashtext(h.code || y)) % 100 r) x where h.unit_path like ?")
			.params(from, to, like)
			.update();
	}

	List<RunSummary> eachCommune(LocalDate asOf) {
		List<RunSummary> done = new ArrayList<>();
		for (long commune : this.communes) {
			done.add(this.lists.generate(commune, asOf, "DEMO"));
		}
		return done;
	}

	Outcome run(java.util.function.Function<LocalDate, List<RunSummary>> runs, LocalDate asOf) {
		return run(() -> runs.apply(asOf));
	}

	/** Runs in a transaction, reads what it left, rolls it back. */
	Outcome run(Supplier<List<RunSummary>> runs) {
		return this.tx.execute((s) -> {
			List<Counts> counts = runs.get()
				.stream()
				.map((r) -> new Counts(r.communeId(), r.entries(), r.started(), r.ended()))
				.toList();
			List<Seen> spells = this.jdbc
				.sql("select s.commune_id, s.policy_code, s.policy_version, s.household_id, s.member_id,"
						+ " s.eligible_from, s.eligible_to, s.window_end, s.reasons::text, s.end_reason::text"
						+ " from eligibility_spell s join household h on h.id = s.household_id"
						+ " where h.province_code = '49' and (h.unit_path like ? or s.commune_id = any(?))"
						+ " order by s.household_id, s.policy_code, s.member_id nulls first, s.eligible_from")
				.params(this.t.districtPath + "%", this.communes.toArray(Long[]::new))
				.query((rs, n) -> new Seen(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, UUID.class),
						rs.getObject(5, UUID.class), rs.getDate(6).toLocalDate(),
						(rs.getDate(7) == null) ? null : rs.getDate(7).toLocalDate(),
						(rs.getDate(8) == null) ? null : rs.getDate(8).toLocalDate(), rs.getString(9),
						rs.getString(10)))
				.list();
			s.setRollbackOnly();
			return new Outcome(counts, spells);
		});
	}

}
