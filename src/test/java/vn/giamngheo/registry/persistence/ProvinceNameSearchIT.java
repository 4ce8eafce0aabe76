package vn.giamngheo.registry.persistence;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRow;
import vn.giamngheo.shared.Page;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name searched over a province gives the same page (set and order) and the same capped
 * count whether the name-start index decides it (ADR 0060) or the bounded walk in code
 * order gives the page (ADR 0057), whatever the window, the page and the user's scope;
 * and no household outside the scope appears. The reference is the plain query of the
 * rule: living households of the province in the scope whose folded head name has the
 * words at a word start ("thi hoa" finds "tran thi hoa", "uyen van" finds no "nguyen
 * van"), in code order.
 */
@IntegrationTest
class ProvinceNameSearchIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HouseholdRepository households;

	@Autowired
	TransactionTemplate tx;

	static Territory inside;

	static Territory outside;

	static String provincePath;

	@BeforeEach
	void households() {
		if (inside != null) {
			return;
		}
		Territory first = new Territory(this.jdbc, "49").district("Huyện", null, false);
		outside = new Territory(this.jdbc, "49").district("Huyện", null, false);
		provincePath = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(first.provinceId)
			.query(String.class)
			.single();
		// 1,200 households in each district: one in three "nguyen van ...", one in 20
		// "tran thi hoa ...", one in 150 the rare "la thi <tag> ..."; every 97th voided;
		// codes interleave the two districts, so that the walk meets both
		for (Territory t : List.of(first, outside)) {
			long[] commune = t.commune("A", "Xã", false);
			String path = this.jdbc.sql("select path from admin_unit where id = ?")
				.param(commune[1])
				.query(String.class)
				.single();
			this.jdbc.sql("""
					insert into household (province_code, code, commune_id, village_id, unit_path, head_name,
					  head_name_norm, urban, ethnic_minority, synthetic, voided, void_reason)
					select '49', 'T' || ? || '-' || lpad((((g * 7919) % 1200) * 2 + ?)::text, 5, '0'), ?, ?, ?,
					  'Hộ ' || g,
					  case when g % 150 = 7 then 'la thi ' || ? || ' ' || g
					       when g % 20 = 3 then 'tran thi hoa ' || g
					       when g % 3 = 0 then 'nguyen van ' || (array['an', 'binh', 'cuong'])[g % 9 / 3 + 1]
					       else 'ho thu ' || g end,
					  false, false, true, g % 97 = 0, case when g % 97 = 0 then 'test' end
					from generate_series(0, 1199) g""")
				.params(first.tag, (t == first) ? 0 : 1, commune[0], commune[1], path, first.tag)
				.update();
		}
		inside = first;
	}

	/**
	 * The 2,400 households are synthetic, like the demo's: the demo's checks count the
	 * synthetic households of province 49 in the same database, so they go when done.
	 */
	@AfterAll
	static void removeTheHouseholds(@Autowired @OwnerDatabase DataSource owner) {
		if (inside != null) {
			JdbcClient.create(owner)
				.sql("delete from household where code like ?")
				.param("T" + inside.tag + "-%")
				.update();
			inside = null;
		}
	}

	@AfterEach
	void window() {
		this.households.nameWindow(HouseholdRepository.NAME_WINDOW);
	}

	@ParameterizedTest(name = "''{0}'' window {1} page {2} size {3} scope {4}")
	@CsvSource({ "nguyen van, 10000, 0, 50, province", "nguyen van, 30, 0, 20, province",
			"nguyen van, 30, 3, 20, province", "nguyen van, 3000, 0, 50, district", "nguyen van, 200, 2, 50, district",
			"nguyen van binh, 500, 1, 20, province", "tran thi, 10000, 0, 50, province",
			"tran thi, 40, 0, 50, province", "tran thi, 600, 1, 10, district", "la thi, 10000, 0, 50, province",
			"la thi, 100, 0, 50, province", "la thi, 100, 0, 5, district", "ho thu 11, 50, 0, 50, province",
			"van, 5, 0, 50, province", "van, 2000, 0, 200, province", "khong ai, 10000, 0, 50, province",
			"khong ai, 20, 0, 50, district", "ho thu, 2000, 0, 50, province", "ho thu, 2000, 19, 50, province",
			"nguyen van, 100, 0, 20, province", "thi hoa, 10000, 0, 50, province", "thi hoa, 30, 1, 20, district",
			"uyen van, 10000, 0, 50, province", "t, 10000, 0, 50, province", "t, 30, 2, 50, district",
			"t, 10000, 0, 20, district", "h, 10000, 0, 20, province" })
	void theNameStartsAndTheWalkGiveThePageAndCountOfTheRule(String name, int window, int page, int size,
			String scope) {
		String q = name.equals("la thi") ? "la thi " + inside.tag : name;
		String[] patterns = scope.equals("province") ? new String[] { "/%" }
				: new String[] { inside.districtPath + "%" };
		this.households.nameWindow(window);
		HouseholdQuery query = new HouseholdQuery(inside.provinceId, null, null, 2024, q, page, size, null, false);
		Page<HouseholdRow> found = this.tx
			.execute((s) -> this.households.search(query, null, provincePath, patterns, 2024, "49"));
		String scopeSql = scope.equals("province") ? "" : " and h.unit_path like '" + inside.districtPath + "%'";
		String where = " from household h where not h.voided and h.province_code = '49'"
				+ " and starts_with(h.unit_path, ?) and (' ' || h.head_name_norm) like ?" + scopeSql;
		List<UUID> expected = this.jdbc.sql("select h.id" + where + " order by h.code collate \"C\" limit ? offset ?")
			.params(provincePath, "% " + q + "%", size, page * size)
			.query(UUID.class)
			.list();
		long total = this.jdbc.sql("select count(*) from (select 1" + where + " limit ?) c")
			.params(provincePath, "% " + q + "%", query.countCap() + 1)
			.query(Long.class)
			.single();
		assertThat(found.items()).extracting(HouseholdRow::id).containsExactlyElementsOf(expected);
		assertThat(found.total()).isEqualTo(total);
		if (scope.equals("district")) {
			assertThat(found.items())
				.allSatisfy((h) -> assertThat(this.jdbc.sql("select unit_path from household where id = ?")
					.param(h.id())
					.query(String.class)
					.single()).startsWith(inside.districtPath));
		}
		if (!q.equals("khong ai") && !q.equals("uyen van") && page == 0) {
			assertThat(found.items()).isNotEmpty();
		}
	}

}
