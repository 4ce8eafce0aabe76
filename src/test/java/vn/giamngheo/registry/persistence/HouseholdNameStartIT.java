package vn.giamngheo.registry.persistence;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name-start rows a province-wide name search reads (ADR 0060) follow their
 * household: added with it, replaced when its head's name, its place or its voided flag
 * changes, gone when it is deleted; a change to another column leaves them as they are.
 */
@IntegrationTest
class HouseholdNameStartIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Test
	void theRowsFollowTheHousehold() {
		Territory t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		long[] first = t.commune("A", "Xã", false);
		long[] second = t.commune("B", "Xã", false);
		String firstPath = path(first[1]);
		String secondPath = path(second[1]);
		List<UUID> ids = this.jdbc
			.sql("""
					insert into household (province_code, code, commune_id, village_id, unit_path, head_name, head_name_norm,
					  urban, ethnic_minority, synthetic)
					select '49', 'NS' || ? || '-' || g, ?, ?, ?, 'Hộ ' || g,
					  case g when 1 then 'nguyen van an' when 2 then 'tran thi hoa' else 'lo a' end, false, false, true
					from generate_series(1, 3) g returning id""")
			.params(t.tag, first[0], first[1], firstPath)
			.query(UUID.class)
			.list();
		try {
			UUID an = ids.get(0);
			assertThat(starts(an)).containsExactly("an", "nguyen van an", "van an");
			assertThat(rowsOf(ids)).isEqualTo(3 + 3 + 2);

			this.jdbc.sql("update household set head_name_norm = 'le thi hoa' where id = ?").param(an).update();
			assertThat(starts(an)).containsExactly("hoa", "le thi hoa", "thi hoa");

			this.jdbc.sql("update household set commune_id = ?, village_id = ?, unit_path = ? where id = ?")
				.params(second[0], second[1], secondPath, an)
				.update();
			assertThat(this.jdbc.sql("select distinct unit_path from household_name_start where household_id = ?")
				.param(an)
				.query(String.class)
				.list()).containsExactly(secondPath);

			this.jdbc.sql("update household set phone = '0912345678', version = version + 1 where id = ?")
				.param(an)
				.update();
			assertThat(starts(an)).containsExactly("hoa", "le thi hoa", "thi hoa");

			// one statement over several households (a village moved, the reform): each
			// changed one's rows follow, the others' stay
			UUID hoa = ids.get(1);
			UUID lo = ids.get(2);
			this.jdbc
				.sql("update household set unit_path = case when id = ? then ? else unit_path end,"
						+ " head_name_norm = case when id = ? then 'lo van pao' else head_name_norm end,"
						+ " version = version + 1 where id = any(?)")
				.params(hoa, secondPath, lo, new UUID[] { hoa, lo, an })
				.update();
			assertThat(this.jdbc.sql("select distinct unit_path from household_name_start where household_id = ?")
				.param(hoa)
				.query(String.class)
				.list()).containsExactly(secondPath);
			assertThat(starts(hoa)).containsExactly("hoa", "thi hoa", "tran thi hoa");
			assertThat(starts(lo)).containsExactly("lo van pao", "pao", "van pao");
			assertThat(starts(an)).containsExactly("hoa", "le thi hoa", "thi hoa");
			assertThat(rowsOf(ids)).isEqualTo(3 + 3 + 3);

			this.jdbc.sql("update household set voided = true, void_reason = 'test' where id = ?").param(an).update();
			assertThat(starts(an)).isEmpty();
			this.jdbc.sql("update household set voided = false, void_reason = null where id = ?").param(an).update();
			assertThat(starts(an)).containsExactly("hoa", "le thi hoa", "thi hoa");

		}
		finally {
			JdbcClient.create(this.owner)
				.sql("delete from household where id = any(?)")
				.param(ids.toArray(UUID[]::new))
				.update();
		}
		assertThat(rowsOf(ids)).isZero();
	}

	private String path(long unitId) {
		return this.jdbc.sql("select path from admin_unit where id = ?").param(unitId).query(String.class).single();
	}

	private List<String> starts(UUID id) {
		return this.jdbc.sql("select name_start from household_name_start where household_id = ? order by name_start")
			.param(id)
			.query(String.class)
			.list();
	}

	private long rowsOf(List<UUID> ids) {
		return this.jdbc.sql("select count(*) from household_name_start where household_id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

}
