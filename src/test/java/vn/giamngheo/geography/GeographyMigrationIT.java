package vn.giamngheo.geography;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GeographyMigrationIT {

	@Autowired
	JdbcClient jdbc;

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void loadsBothOfficialListsWithTheirCounts() {
		assertThat(count("select count(*) from admin_unit where edition = '2024' and level = 'province'"))
			.isEqualTo(63);
		assertThat(count("select count(*) from admin_unit where edition = '2024' and level = 'district'"))
			.isEqualTo(696);
		assertThat(count("select count(*) from admin_unit where edition = '2024' and level = 'commune'"))
			.isEqualTo(10035);
		assertThat(count("select count(*) from admin_unit where edition = '2025' and level = 'province'"))
			.isEqualTo(34);
		// the official list: a province's "Chưa xác định xã mới" unit (issue 15) is not
		// one
		assertThat(count("select count(*) from admin_unit where edition = '2025' and level = 'commune'"
				+ " and not placeholder and not synthetic"))
			.isEqualTo(3321);
	}

	@Test
	void communesHangUnderTheirDistrictByMaterialisedPath() {
		String path = this.jdbc.sql("select path from admin_unit where code = '20464' and edition = '2024'") // Xã
																												// Dang,
																												// Tây
																												// Giang
			.query(String.class)
			.single();
		String district = this.jdbc.sql("select path from admin_unit where code = '504' and edition = '2024'")
			.query(String.class)
			.single();
		assertThat(path).startsWith(district);
		assertThat(count("select count(*) from admin_unit where path like '" + district + "%' and level = 'commune'"))
			.isGreaterThan(5);
	}

	@Test
	void urbanIsDerivedFromType() {
		assertThat(this.jdbc.sql("select urban from admin_unit where code = '03386' and edition = '2024'")
			.query(Boolean.class)
			.single()).isTrue(); // Phường Quyết Thắng
		assertThat(this.jdbc.sql("select urban from admin_unit where code = '20464' and edition = '2024'")
			.query(Boolean.class)
			.single()).isFalse(); // Xã Dang
	}

	@Test
	void crosswalkMapsOldCommunesToNewOnes() {
		// other tests add synthetic units and their crosswalk rows
		assertThat(count("select count(*) from unit_crosswalk x join admin_unit n on n.id = x.new_unit_id"
				+ " where not n.synthetic"))
			.isEqualTo(10585);
		assertThat(this.jdbc.sql(
				"select n.code from unit_crosswalk x join admin_unit n on n.id = x.new_unit_id where x.old_code = '20464'")
			.query(String.class)
			.single()).isEqualTo("20455");
		assertThat(count("select count(*) from unit_crosswalk where old_level = 'commune' and old_unit_id is null"))
			.isEqualTo(12); // legacy codes dissolved before 2025
	}

}
