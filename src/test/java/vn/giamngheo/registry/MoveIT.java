package vn.giamngheo.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The move to the 2025 units on the real unit lists and crosswalk: the new Thành phố Đà
 * Nẵng (48) receives old Quảng Nam whole (Xã Dang → Xã Tây Giang) and old Xã Hòa Liên
 * split between Phường Hải Vân and Phường Liên Chiểu.
 */
@IntegrationTest
class MoveIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FixtureFactory fixtures;

	Fixtures f;

	Authentication admin;

	long province;

	long tayGiang;

	long haiVan;

	long lienChieu;

	String tag;

	/**
	 * Batches this test made, undone after it whatever happens (the database is shared).
	 */
	List<Long> batches = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.tag = this.f.tag;
		this.admin = this.f.auth(this.f.nationUser("mvadmin", Role.SYSTEM_ADMIN));
		this.province = id("48", "2025", "province");
		this.tayGiang = id("20455", "2025", "commune");
		this.haiVan = id("20194", "2025", "commune");
		this.lienChieu = id("20197", "2025", "commune");
	}

	@AfterEach
	void undoWhatWasLeft() throws Exception {
		List<Long> left = this.jdbc
			.sql("select id from move_batch where id = any(?) and undone_at is null order by id desc")
			.param(this.batches.toArray(Long[]::new))
			.query(Long.class)
			.list();
		for (long id : left) {
			this.mvc
				.perform(post("/api/v1/move-batches/" + id + "/undo").with(authentication(this.admin)).with(csrf()));
		}
	}

	long id(String code, String edition, String level) {
		return this.jdbc.sql("select id from admin_unit where code = ? and edition = ? and level = ?")
			.params(code, edition, level)
			.query(Long.class)
			.single();
	}

	record Village(long id, String path, List<String> households) {
	}

	/** A village of an old (2024) commune with households, written directly. */
	Village village(String communeCode, String name, int households) {
		record C(long id, String path, String province) {
		}
		C c = this.jdbc.sql("select id, path, province_code from admin_unit where code = ? and edition = '2024'")
			.param(communeCode)
			.query((rs, n) -> new C(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
		long village = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from) values (?, 'local', 'village', 4, 'Thôn', ?, ?, ?, ?,"
					+ " ?, '/', false, date '2010-01-01') returning id")
			.params(communeCode + "-" + this.tag + name.length(), "Thôn " + name, name,
					vn.giamngheo.shared.text.TextNormalizer.fold("Thôn " + name), c.id(), c.province())
			.query(Long.class)
			.single();
		String path = c.path() + village + "/";
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(path, village).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < households; i++) {
			String code = "MV" + this.tag + "-" + village + "-" + i;
			this.jdbc
				.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
						+ " head_name_norm, urban) values (?, ?, ?, ?, ?, ?, ?, false)")
				.params(c.province(), code, c.id(), village, path, "Hộ Chuyển " + i, "ho chuyen " + i)
				.update();
			codes.add(code);
		}
		return new Village(village, path, codes);
	}

	/** Households now counted under a unit (its path). */
	long under(long unitId) {
		return this.jdbc
			.sql("select count(*) from household h where h.unit_path like (select path from admin_unit where id = ?)"
					+ " || '%'")
			.param(unitId)
			.query(Long.class)
			.single();
	}

	long reform() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/moves/" + this.province + "/reform").with(authentication(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"thử\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long batch = ((Number) JsonPath.read(body, "$.id")).longValue();
		this.batches.add(batch);
		return batch;
	}

	/** The village the reform made of an old one (the screen shows it). */
	long madeOf(Village old) {
		return this.jdbc.sql("select new_village_id from village_move where old_village_id = ?")
			.param(old.id())
			.query(Long.class)
			.single();
	}

	String communeOf(String code) {
		return this.jdbc.sql("select c.name from household h join admin_unit c on c.id = h.commune_id where h.code = ?")
			.param(code)
			.query(String.class)
			.single();
	}

	@Test
	void splitVillagesLandInTheChosenCommunesNothingIsDroppedAndUndoRestores() throws Exception {
		Village dang = village("20464", "Dang " + this.tag, 3);
		Village toHaiVan = village("20296", "Hải Vân " + this.tag, 2);
		Village toLienChieu = village("20296", "Liên Chiểu " + this.tag, 2);
		Village unclear = village("20296", "Quan Nam " + this.tag, 2);
		long oldHoaLien = id("20296", "2024", "commune");
		// every household living in a village of an old commune that the crosswalk sends
		// to
		// the new city
		long onOldUnits = this.jdbc
			.sql("select count(*) from household h join admin_unit v on v.id = h.village_id and v.valid_to is null"
					+ " where v.parent_id in (select x.old_unit_id from unit_crosswalk x join admin_unit n"
					+ " on n.id = x.new_unit_id where n.parent_id = ?)")
			.param(this.province)
			.query(Long.class)
			.single();
		long before = under(this.province);

		long reform = reform();

		// every household of the old units is now in the new city: none dropped
		long after = under(this.province);
		assertThat(after).isEqualTo(before + onOldUnits);
		assertThat(under(oldHoaLien)).isZero();
		assertThat(communeOf(dang.households().get(0))).isEqualTo("Xã Tây Giang");
		// the split commune's households wait in the named bucket of the province
		long placeholder = this.jdbc.sql("select id from admin_unit where parent_id = ? and placeholder")
			.param(this.province)
			.query(Long.class)
			.single();
		assertThat(communeOf(toHaiVan.households().get(0))).isEqualTo("Chưa xác định xã mới");
		long waiting = under(placeholder);
		assertThat(waiting).isGreaterThanOrEqualTo(6);
		// the household's address before the reform is kept, with its end
		assertThat(this.jdbc
			.sql("select count(*) from household_address_past p join household h on h.id = p.household_id"
					+ " where h.code = ? and p.valid_to = date '2025-07-01' and p.village_id = ?")
			.params(dang.households().get(0), dang.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the split-resolution screen: the old commune, its villages, the suggestions
		// with their reasons, what is open; nothing shown as a code
		String page = this.mvc.perform(get("/moves/" + this.province).with(authentication(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Xã Hòa Liên", "Thôn Hải Vân " + this.tag, "Phường Hải Vân",
					"Tên thôn mang tên xã, phường mới này.", "Không có căn cứ để gợi ý", "Nhận tất cả gợi ý")
			.doesNotContain("20296", "VILLAGE_NAME", "REFORM_FULL");

		// a commune that received no part of Hòa Liên is refused, and nothing moves
		long unclearNow = madeOf(unclear);
		this.mvc
			.perform(post("/api/v1/moves/" + this.province + "/placements").with(authentication(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"placements\":[{\"villageId\":" + unclearNow + ",\"communeId\":" + this.tayGiang + "}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("không nhận phần nào")));
		assertThat(under(placeholder)).isEqualTo(waiting);

		// bulk accept on the screen: the villages with a suggestion go to it
		this.mvc
			.perform(post("/moves/" + this.province + "/placements").with(authentication(this.admin))
				.with(csrf())
				.param("all", "true"))
			.andExpect(redirectedUrl("/moves/" + this.province));
		assertThat(communeOf(toHaiVan.households().get(0))).isEqualTo("Phường Hải Vân");
		assertThat(communeOf(toLienChieu.households().get(1))).isEqualTo("Phường Liên Chiểu");
		assertThat(communeOf(unclear.households().get(0))).isEqualTo("Chưa xác định xã mới");
		assertThat(under(this.province)).isEqualTo(after);
		long accepted = this.jdbc.sql("select max(id) from move_batch where kind = 'VILLAGES'")
			.query(Long.class)
			.single();
		this.batches.add(accepted);

		// the one left: the officer's choice on the screen
		this.mvc
			.perform(post("/moves/" + this.province + "/placements").with(authentication(this.admin))
				.with(csrf())
				.param("village", String.valueOf(unclearNow))
				.param("commune-" + unclearNow, String.valueOf(this.lienChieu)))
			.andExpect(redirectedUrl("/moves/" + this.province));
		long chosen = this.jdbc.sql("select max(id) from move_batch where kind = 'VILLAGES'")
			.query(Long.class)
			.single();
		this.batches.add(chosen);
		assertThat(communeOf(unclear.households().get(1))).isEqualTo("Phường Liên Chiểu");
		assertThat(under(this.province)).isEqualTo(after);
		assertThat(under(this.haiVan)).isGreaterThanOrEqualTo(2);

		// the reform cannot be undone while a placement depends on it
		this.mvc.perform(post("/api/v1/move-batches/" + reform + "/undo").with(authentication(this.admin)).with(csrf()))
			.andExpect(status().isConflict());

		// undo the placements, newest first: back to the bucket
		for (long batch : List.of(chosen, accepted)) {
			this.mvc
				.perform(post("/api/v1/move-batches/" + batch + "/undo").with(authentication(this.admin)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.undoneAt").isNotEmpty());
		}
		assertThat(communeOf(toHaiVan.households().get(0))).isEqualTo("Chưa xác định xã mới");
		assertThat(under(this.province)).isEqualTo(after);
		// undone once is enough
		this.mvc.perform(post("/api/v1/move-batches/" + chosen + "/undo").with(authentication(this.admin)).with(csrf()))
			.andExpect(status().isConflict());

		// then the reform: every household back on its old village, no past row left
		this.mvc.perform(post("/api/v1/move-batches/" + reform + "/undo").with(authentication(this.admin)).with(csrf()))
			.andExpect(status().isOk());
		assertThat(under(this.province)).isEqualTo(before);
		assertThat(under(oldHoaLien)).isGreaterThanOrEqualTo(6);
		assertThat(communeOf(dang.households().get(2))).isEqualTo("Xã Dang");
		assertThat(this.jdbc.sql("select valid_to from admin_unit where id = ?")
			.param(dang.id())
			.query(java.time.LocalDate.class)
			.optional()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from household_address_past where batch_id = ?")
			.param(reform)
			.query(Long.class)
			.single()).isZero();

		// every batch and every household's move is in the audit trail
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'MOVE_BATCH' and entity_id = any(?)")
			.param(new String[] { "" + reform, "" + accepted, "" + chosen })
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(this.jdbc
			.sql("select action from audit_event a join household h on h.id = a.household_id where h.code = ?"
					+ " and a.action like 'MOVE%' order by a.id")
			.param(toHaiVan.households().get(0))
			.query(String.class)
			.list()).containsExactly("MOVE", "MOVE", "MOVE_UNDO", "MOVE_UNDO");
	}

	@Test
	void xaTayGiangListsTheHouseholdsOfOldXaDangAndTheHouseholdPageShowsTheAddressHistory() throws Exception {
		Village dang = village("20464", "Tây " + this.tag, 3);
		long dangCommune = id("20464", "2024", "commune");
		long onDang = this.jdbc.sql("select count(*) from household h where not h.voided and h.commune_id = ?")
			.param(dangCommune)
			.query(Long.class)
			.single();
		reform();
		String list = this.mvc
			.perform(get("/api/v1/households").with(authentication(this.admin))
				.param("unit", String.valueOf(this.tayGiang))
				.param("size", "200"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(((Number) JsonPath.read(list, "$.total")).longValue()).isGreaterThanOrEqualTo(onDang);
		for (String code : dang.households()) {
			this.mvc
				.perform(get("/api/v1/households").with(authentication(this.admin))
					.param("unit", String.valueOf(this.tayGiang))
					.param("q", code))
				.andExpect(jsonPath("$.total").value(1));
		}
		// the address on a review year's date: 2024 on the old commune, 2025 on the new
		for (int year : List.of(2024, 2025)) {
			long communeThen = this.jdbc
				.sql("select coalesce(p.commune_id, h.commune_id) from household h left join lateral ("
						+ vn.giamngheo.geography.domain.AddressOnDate.PAST_ROW_SQL + ") p on true where h.code = ?")
				.params(vn.giamngheo.geography.domain.AddressOnDate.referenceDate(year), dang.households().get(1))
				.query(Long.class)
				.single();
			assertThat(communeThen).isEqualTo((year == 2024) ? dangCommune : this.tayGiang);
		}
		UUID household = this.jdbc.sql("select id from household where code = ?")
			.param(dang.households().get(0))
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/households/" + household).with(authentication(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Từ ngày 01/07/2025")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Đến hết ngày 30/06/2025")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Xã Dang")));
	}

	@Test
	void aHouseholdIsNotCreatedInAUnitThatHasEnded() throws Exception {
		Village dang = village("20464", "Cũ " + this.tag, 0);
		long count = this.jdbc.sql("select count(*) from household").query(Long.class).single();
		String json = """
				{"household":{"villageId":%d,"address":"Số 1","ethnicMinority":true,"socialProtection":false,
				 "meritorious":false,"status":"ACTIVE"},
				 "head":{"fullName":"Bh Nnn","sex":"MALE","dateOfBirth":"1980-05-01","ethnicityCode":"26","relation":"HEAD",
				 "educationLevel":"PRIMARY","inSchool":false,"employment":"FARMER","healthInsurance":true}}
				"""
			.formatted(dang.id());
		this.mvc
			.perform(post("/api/v1/households").with(authentication(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Xã Dang đã hết hiệu lực")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("30/06/2025")));
		assertThat(this.jdbc.sql("select count(*) from household").query(Long.class).single()).isEqualTo(count);
	}

}
