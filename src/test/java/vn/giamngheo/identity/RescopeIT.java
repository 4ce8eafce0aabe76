package vn.giamngheo.identity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The re-scope run (ADR 0029) over accounts made like the demo ones: a dry run lists them
 * with before and after and changes nothing; the run moves them to the 2025 units as one
 * audited batch; a second run changes nothing; only the administrator runs it.
 */
@IntegrationTest
class RescopeIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserRepository users;

	Fixtures f;

	String xaDang;

	String tinhQuangNam;

	String huyenTayGiang;

	String ctvDang;

	String splitOfficer;

	String bigDistrict;

	String inForce;

	Fixtures.Commune movedA;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		// the move engineer's move, as the contract has it: Xã Dang's household now lives
		// in a village of Xã Tây Giang, Xã Ch'ơm's in one of Xã Hùng Sơn
		this.movedA = this.f.moveTo(this.f.a, "20455");
		this.f.moveTo(this.f.b, "20443");
		this.xaDang = this.f.user("xa.dang", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024"));
		this.tinhQuangNam = this.f.user("tinh.quangnam", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		this.huyenTayGiang = this.f.user("huyen.taygiang", Role.DISTRICT_OFFICER, List.of("504@2024"),
				List.of("504@2024"));
		this.ctvDang = this.f.user("ctv.dang", Role.REVIEWER, List.of("20464@2024"),
				List.of("V" + this.f.tag + "A@local"));
		String split = this.jdbc
			.sql("select o.code from unit_crosswalk c join admin_unit o on o.id = c.old_unit_id"
					+ " where o.level = 'commune' group by o.code having bool_and(c.relation = 'partial')"
					+ " and count(*) > 1 order by o.code limit 1")
			.query(String.class)
			.single();
		this.splitOfficer = this.f.user("xa.split", Role.COMMUNE_OFFICER, List.of(split + "@2024"),
				List.of(split + "@2024"));
		String district = this.jdbc
			.sql("select d.code from admin_unit d join admin_unit o on o.parent_id = d.id"
					+ " join unit_crosswalk c on c.old_unit_id = o.id where d.level = 'district'"
					+ " group by d.code having count(distinct c.new_unit_id) > 10 order by d.code limit 1")
			.query(String.class)
			.single();
		this.bigDistrict = this.f.user("lanhdao.big", Role.LEADER, List.of(district + "@2024"), List.of());
		this.inForce = this.f.user("xa.taygiang", Role.COMMUNE_OFFICER, List.of("20455"), List.of("20455"));
	}

	@Test
	void theDryRunShowsBeforeAndAfterAndTheRunMovesAccountsAsOneAuditedBatchOnce() throws Exception {
		String before = scopes();
		String plan = this.mvc
			.perform(get("/api/v1/user-rescopes/plan").param("q", this.f.tag).with(authentication(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.batch").doesNotExist())
			.andExpect(jsonPath("$.accounts.length()").value(6))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(read(plan, account(this.xaDang) + ".captureAfter[*].key")).as(plan).containsExactly("20455@2025");
		assertThat(read(plan, account(this.xaDang) + ".viewBefore[*].key")).containsExactly("20464@2024");
		assertThat(plan).doesNotContain(this.inForce);
		assertThat(scopes()).as("a dry run changes nothing").isEqualTo(before);

		String applied = this.mvc
			.perform(post("/api/v1/user-rescopes").param("q", this.f.tag).with(authentication(admin())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.batch").isNumber())
			.andExpect(jsonPath("$.changed").value(5))
			.andExpect(jsonPath("$.flagged").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(read(applied, account(this.splitOfficer) + ".flags[*].message")).as(applied)
			.singleElement()
			.asString()
			.contains("đã được chia cho");
		assertThat(read(applied, account(this.bigDistrict) + ".flags[*].reason")).containsExactly("TOO_MANY");

		// xa.dang captures in Xã Tây Giang, and still reads the old Xã Dang (old reviews)
		assertThat(keys(this.xaDang, "CAPTURE")).containsExactly("20455@2025");
		assertThat(keys(this.xaDang, "VIEW")).containsExactlyInAnyOrder("20464@2024", "20455@2025");
		// the officer of the old province 49 works in Thành phố Đà Nẵng
		assertThat(keys(this.tinhQuangNam, "CAPTURE")).containsExactly("48@2025");
		assertThat(keys(this.tinhQuangNam, "VIEW")).containsExactlyInAnyOrder("49@2024", "48@2025");
		// the former district's account gets the communes of its old district
		assertThat(keys(this.huyenTayGiang, "CAPTURE")).containsExactlyInAnyOrder("20443@2025", "20455@2025",
				"20458@2025");
		// the reviewer's village follows its households
		assertThat(keys(this.ctvDang, "CAPTURE"))
			.containsExactly(this.jdbc.sql("select code || '@local' from admin_unit where id = ?")
				.param(this.movedA.villageId())
				.query(String.class)
				.single());
		// a split commune: every new commune in VIEW, CAPTURE left for the administrator
		assertThat(keys(this.splitOfficer, "CAPTURE")).hasSize(1).allMatch((k) -> k.endsWith("@2024"));
		assertThat(keys(this.splitOfficer, "VIEW")).hasSizeGreaterThan(2);
		assertThat(keys(this.bigDistrict, "VIEW")).hasSize(1);
		assertThat(keys(this.inForce, "CAPTURE")).containsExactly("20455@2025");

		// one batch, one audit event per changed account naming it
		long batch = this.jdbc.sql("select max(id) from user_rescope_batch").query(Long.class).single();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'USER' and reason = ? and actor = 'admin'")
			.param("Chuyển phạm vi theo đơn vị hành chính từ 01/07/2025 (đợt số " + batch + ")")
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'USER_RESCOPE_BATCH' and entity_id = ?")
			.param(String.valueOf(batch))
			.query(Long.class)
			.single()).isEqualTo(1);

		// the re-scoped officer works on the moved households: signs in with the new
		// scope
		assertThat(this.users.findPrincipal(this.xaDang)
			.orElseThrow()
			.actor()
			.scope()
			.canCapture(this.movedA.villagePath())).isTrue();
		this.mvc.perform(get("/api/v1/households").param("size", "200").with(authentication(this.f.auth(this.xaDang))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.f.a.headName())))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(this.f.b.headName()))));

		// running it again changes nothing
		String after = scopes();
		this.mvc
			.perform(post("/api/v1/user-rescopes").param("q", this.f.tag).with(authentication(admin())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(0))
			.andExpect(jsonPath("$.flagged").value(2));
		assertThat(scopes()).isEqualTo(after);
	}

	@Test
	void thePageListsTheAccountsWithTheirFlagsAndAppliesTheRun() throws Exception {
		this.mvc.perform(get("/admin/users/rescope").param("q", this.f.tag).with(authentication(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.xaDang)))
			.andExpect(content().string(containsString("Xã Tây Giang")))
			// an old unit is named with the list it belongs to, never by its code
			.andExpect(content().string(containsString("Xã Dang (danh mục cũ, đến 30/06/2025)")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("20455@2025"))))
			.andExpect(content().string(containsString("vượt giới hạn tự động chuyển")));
		this.mvc.perform(post("/admin/users/rescope").param("q", this.f.tag).with(authentication(admin())).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/rescope?batch=*"));
		assertThat(keys(this.tinhQuangNam, "CAPTURE")).containsExactly("48@2025");
	}

	@Test
	void onlyTheAdministratorRunsIt() throws Exception {
		String before = scopes();
		var officer = this.f.auth(this.tinhQuangNam);
		this.mvc.perform(post("/api/v1/user-rescopes").with(authentication(officer)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/user-rescopes/plan").with(authentication(officer)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/rescope").with(authentication(officer)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(scopes()).isEqualTo(before);
	}

	org.springframework.security.core.Authentication admin() {
		return this.f.auth("admin");
	}

	static List<String> read(String json, String path) {
		List<Object> found = com.jayway.jsonpath.JsonPath.parse(json).read(path);
		return found.stream().map(String::valueOf).toList();
	}

	static String account(String username) {
		return "$.accounts[?(@.username == '" + username + "')]";
	}

	List<String> keys(String username, String kind) {
		return this.jdbc
			.sql("select a.code || '@' || a.edition from user_scope s join admin_unit a on a.id = s.unit_id"
					+ " join app_user u on u.id = s.user_id where u.username = ? and s.kind = ? order by 1")
			.params(username, kind)
			.query(String.class)
			.list();
	}

	/** Every scope row of this test's accounts. */
	String scopes() {
		return this.jdbc
			.sql("select coalesce(string_agg(u.username || s.kind || s.unit_id, ',' order by u.username, s.kind,"
					+ " s.unit_id), '') from user_scope s join app_user u on u.id = s.user_id where u.username like ?")
			.param("%" + this.f.tag)
			.query(String.class)
			.single();
	}

}
