package vn.giamngheo.review;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.giamngheo.review.ReviewWorkflowIT.code;

/**
 * Reviews from 2025 run on the units in force (issue 15 item 3, ADR 0030): a review is
 * placed on 31/12 of its year; one opened on a unit that had ended by then (Tỉnh Quảng
 * Nam for 2026) is refused with a Vietnamese 422 naming the unit and its successor, and
 * nothing is created; a review of Thành phố Đà Nẵng lists the households that moved in
 * from the old Quảng Nam and the old Đà Nẵng by their current address, and the households
 * of the "Chưa xác định xã mới" unit under it, with a warning, never in a commune's
 * decision until placed; a review of 2024 keeps the old commune's households after they
 * moved. Moves are simulated through the contract of V55 (a past address row and the
 * household's current address).
 */
@IntegrationTest
class ReviewsOnUnitsInForceIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviews reviews;

	@Autowired
	Postings postings;

	@Autowired
	Recognitions recognitions;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	String refusal(Authentication who, long provinceId, int year) throws Exception {
		return this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "vi")
				.content("{\"provinceId\":" + provinceId + ",\"year\":" + year + ",\"standardKey\":\"2022-2025\"}")
				.with(authentication(who))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long reviewsOf(String provinceCode, int year) {
		return this.jdbc.sql("select count(*) from review where province_code = ? and year = ?")
			.params(provinceCode, year)
			.query(Long.class)
			.single();
	}

	@Test
	void aReviewOpenedOnAUnitThatHadEndedByItsDateIsRefused() throws Exception {
		Fixtures f = this.fixtures.create();
		ReviewData data = new ReviewData(this.jdbc);
		Authentication both = f.auth(f.user("tinhhaibo", Role.PROVINCE_OFFICER, List.of("49@2024", "48@2025"),
				List.of("49@2024", "48@2025")));
		long before = reviewsOf("49", 2026);

		// Quảng Nam of the 2024 list ended on 30/06/2025: its 2026 review is Đà Nẵng's
		String ended = refusal(both, data.oldProvinceId(), 2026);
		assertThat(ended).contains("Tỉnh Quảng Nam không còn từ ngày 01/07/2025")
			.contains("Rà soát năm 2026 tính theo địa giới ngày 31/12/2026")
			.contains("đang có hiệu lực: Thành phố Đà Nẵng")
			.doesNotContain("validTo");
		assertThat(reviewsOf("49", 2026)).isEqualTo(before);

		// and the other way: the city of the 2025 list cannot take a review of 2024
		String notYet = refusal(both, data.provinceId(), 2024);
		assertThat(notYet).contains("Thành phố Đà Nẵng chỉ có từ ngày 01/07/2025")
			.contains("Rà soát năm 2024")
			.contains("Tỉnh Quảng Nam");
		assertThat(this.jdbc
			.sql("select count(*) from review r join admin_unit p on p.id = r.province_id"
					+ " where p.edition = '2025' and r.year = 2024")
			.query(Long.class)
			.single()).isZero();

		// the same in English for an English page
		String english = this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"provinceId\":" + data.oldProvinceId() + ",\"year\":2026}")
				.with(authentication(both))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Tỉnh Quảng Nam no longer exists from 01/07/2025").contains("Thành phố Đà Nẵng");
	}

	/** The province's "Chưa xác định xã mới" unit (created as the move creates it). */
	long placeholder(String provinceCode) {
		List<Long> found = this.jdbc
			.sql("select id from admin_unit where placeholder and province_code = ? and edition = '2025'")
			.param(provinceCode)
			.query(Long.class)
			.list();
		if (!found.isEmpty()) {
			return found.get(0);
		}
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, placeholder) select ?, '2025', 'commune', 2, 'Xã',"
					+ " 'Chưa xác định xã mới', 'Chưa xác định xã mới', 'chua xac dinh xa moi', p.id, p.province_code,"
					+ " '/', false, date '2025-07-01', true from admin_unit p where p.code = ? and p.edition = '2025'"
					+ " and p.level = 'province' returning id")
			.params(provinceCode + "-CXD", provinceCode)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("update admin_unit u set path = p.path || u.id || '/' from admin_unit p"
					+ " where p.id = u.parent_id and u.id = ?")
			.param(id)
			.update();
		return id;
	}

	List<UUID> listed(UUID reviewId, long communeId) {
		return this.jdbc.sql("select household_id from review_household where review_id = ? and commune_id = ?")
			.params(reviewId, communeId)
			.query(UUID.class)
			.list();
	}

	List<String> listedCodes(UUID reviewId, long communeId) {
		return this.jdbc
			.sql("select h.code from review_household rh join household h on h.id = rh.household_id"
					+ " where rh.review_id = ? and rh.commune_id = ? order by h.code")
			.params(reviewId, communeId)
			.query(String.class)
			.list();
	}

	String page(String path, Authentication who) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", "vi").with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theCitysReviewListsTheHouseholdsOfBothOldProvincesThatMovedIn() throws Exception {
		Fixtures now = this.fixtures.create().communesInForce();
		Fixtures old = this.fixtures.create().communes();
		ReviewData data = new ReviewData(this.jdbc);
		long tayGiang = now.a.id();
		// the old Xã Dang's household moves into Xã Tây Giang (crosswalk: full)
		long dangVillage = data.village(tayGiang, "Thôn Alfa" + old.tag);
		data.move(old.a.household(), dangVillage);
		// a household of a commune of the old Đà Nẵng (48 of the 2024 list) moves into
		// the
		// commune of the city that took it in
		record Pair(long from, long to) {
		}
		Pair cw = this.jdbc
			.sql("select x.old_unit_id, x.new_unit_id from unit_crosswalk x join admin_unit o on o.id = x.old_unit_id"
					+ " join admin_unit n on n.id = x.new_unit_id where o.province_code = '48' and o.edition = '2024'"
					+ " and n.province_code = '48' and x.relation = 'full' and n.id <> ? order by o.code limit 1")
			.param(tayGiang)
			.query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2)))
			.single();
		long oldDaNangVillage = data.village(cw.from(), "Tổ Cũ" + old.tag);
		Fixtures.Commune oldDaNang = new Fixtures.Commune("old48", cw.from(), null, oldDaNangVillage,
				this.jdbc.sql("select path from admin_unit where id = ?")
					.param(oldDaNangVillage)
					.query(String.class)
					.single(),
				null, null, null, null, null, null, "48", "2024");
		UUID fromDaNang = data.household(oldDaNang, "DaNangCu" + old.tag, 0, null, null, 1);
		data.move(fromDaNang, data.village(cw.to(), "Tổ Cũ" + old.tag));
		// a household of a village of a split commune not placed yet: under the city's
		// "Chưa xác định xã mới"
		long bucket = placeholder("48");
		long unplacedVillage = data.village(bucket, "Thôn Chưa Xếp" + old.tag);
		UUID unplaced = data.household(old.b, "ChuaXep" + old.tag, 0, null, null, 1);
		data.move(unplaced, unplacedVillage);

		Authentication province = now
			.auth(now.user("tinhdn", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		Authentication officer = now
			.auth(now.user("xatg", Role.COMMUNE_OFFICER, List.of(now.a.scope()), List.of(now.a.scope())));
		SecurityContextHolder.getContext().setAuthentication(province);
		LocalDate today = LocalDate.now();
		int year = ReviewData.uniqueYear();
		// every commune of the city by default, its "Chưa xác định xã mới" included
		Review review = this.reviews.open(new Reviews.OpenReview(data.provinceId(), year, "2022-2025",
				today.minusDays(3), today.plusDays(30), null));
		assertThat(review.provinceName()).isEqualTo("Thành phố Đà Nẵng");
		List<ReviewUnit> units = this.reviews.units(review.id());
		assertThat(units).extracting(ReviewUnit::communeId).contains(tayGiang, cw.to(), bucket);
		assertThat(units).filteredOn(ReviewUnit::placeholder).extracting(ReviewUnit::communeId).containsExactly(bucket);
		assertThat(units).allSatisfy((u) -> assertThat(u.underDistrict()).isFalse());

		// the commune officers list their communes; the bucket has no committee of its
		// own
		// (here the administrator lists it)
		SecurityContextHolder.getContext().setAuthentication(officer);
		this.reviews.generateWorklist(review.id(), tayGiang, true);
		now.signIn(now.nationUser("qtdn", Role.SYSTEM_ADMIN));
		this.reviews.generateWorklist(review.id(), cw.to(), true);
		this.reviews.generateWorklist(review.id(), bucket, true);
		SecurityContextHolder.getContext().setAuthentication(province);
		assertThat(listedCodes(review.id(), tayGiang)).contains(old.a.householdCode(), now.a.householdCode());
		assertThat(listed(review.id(), cw.to())).contains(fromDaNang);
		assertThat(listed(review.id(), bucket)).contains(unplaced);
		String path = this.jdbc.sql("select unit_path from review_household where review_id = ? and household_id = ?")
			.params(review.id(), old.a.household())
			.query(String.class)
			.single();
		assertThat(path).startsWith(now.a.path()).endsWith("/" + dangVillage + "/");

		// the bucket's households are in the province's totals, with a warning, and the
		// commune officer of Tây Giang works on the moved household
		Reviews.Board board = this.reviews.board(review.id());
		long inBucket = listed(review.id(), bucket).size();
		assertThat(board.unplaced()).isEqualTo(inBucket);
		assertThat(board.totals().listed()).isGreaterThanOrEqualTo(4);
		assertThat(page("/reviews/" + review.id(), province))
			.contains(inBucket + " hộ đang ở mục &quot;Chưa xác định xã mới&quot;");
		assertThat(page("/reviews/" + review.id() + "/communes/" + bucket, province)).contains("placeholder-warning")
			.contains("chưa được xếp vào xã mới");
		assertThat(page("/reviews/" + review.id() + "/communes/" + tayGiang + "?village=" + dangVillage, officer))
			.contains(old.a.headName())
			.doesNotContain("placeholder-warning");

		// nothing of the bucket is posted, recognised or submitted, not even by the
		// administrator
		now.signIn(now.nationUser("qtdn2", Role.SYSTEM_ADMIN));
		ReviewUnit bucketUnit = this.reviews.unit(review.id(), bucket);
		assertThat(code(() -> this.postings.post(review.id(), bucket, bucketUnit.version(), null, "Nhà văn hóa")))
			.isEqualTo(ErrorCode.RULE_REJECTED);
		assertThat(code(() -> this.recognitions.recognise(review.id(), bucket, bucketUnit.version(), "1/QĐ-UBND", today,
				"Chủ tịch")))
			.isEqualTo(ErrorCode.RULE_REJECTED);

		// the province places the village in Xã Tây Giang: the commune's next list takes
		// the household over, and the bucket is empty
		this.jdbc.sql("update admin_unit set parent_id = ?, path = ? where id = ?")
			.params(tayGiang, now.a.path() + unplacedVillage + "/", unplacedVillage)
			.update();
		data.place(unplaced, unplacedVillage);
		SecurityContextHolder.getContext().setAuthentication(officer);
		this.reviews.generateWorklist(review.id(), tayGiang, true);
		SecurityContextHolder.getContext().setAuthentication(province);
		assertThat(listed(review.id(), bucket)).doesNotContain(unplaced).hasSize((int) inBucket - 1);
		assertThat(this.jdbc
			.sql("select count(*) from review_household where review_id = ? and household_id = ?"
					+ " and commune_id = ?")
			.params(review.id(), unplaced, tayGiang)
			.query(Long.class)
			.single()).isEqualTo(1);
		Reviews.Board placed = this.reviews.board(review.id());
		assertThat(placed.unplaced()).isEqualTo(inBucket - 1);
		assertThat(placed.totals().listed()).isEqualTo(board.totals().listed());
		assertThat(placed.communes()).filteredOn((c) -> c.communeId() == bucket)
			.extracting(CommuneProgress::listed)
			.containsExactly(inBucket - 1);
	}

	@Test
	void aReviewOfAYearBeforeTheReformKeepsTheOldCommunesHouseholdsAfterTheyMoved() {
		Fixtures now = this.fixtures.create().communesInForce();
		Fixtures old = this.fixtures.create().communes();
		ReviewData data = new ReviewData(this.jdbc);
		data.move(old.a.household(), data.village(now.a.id(), "Thôn Alfa" + old.tag));
		Authentication province = old
			.auth(old.user("tinhqncu", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		SecurityContextHolder.getContext().setAuthentication(province);
		LocalDate today = LocalDate.now();
		Review review = this.reviews
			.open(new Reviews.OpenReview(data.oldProvinceId(), TestYears.beforeReform(this.jdbc, "49"), "2022-2025",
					today.minusDays(3), today.plusDays(30), List.of(old.a.id())));
		assertThat(review.provinceName()).isEqualTo("Tỉnh Quảng Nam");
		old.signIn(old.user("xadangcu", Role.COMMUNE_OFFICER, List.of(old.a.scope()), List.of(old.a.scope())));
		this.reviews.generateWorklist(review.id(), old.a.id(), true);
		assertThat(listedCodes(review.id(), old.a.id())).contains(old.a.householdCode());
		String path = this.jdbc.sql("select unit_path from review_household where review_id = ? and household_id = ?")
			.params(review.id(), old.a.household())
			.query(String.class)
			.single();
		assertThat(path).isEqualTo(old.a.villagePath());
	}

	@Test
	void theDemosReviewRunsOnTheCityAndTheNewLaiChau() {
		Fixtures now = this.fixtures.create().communesInForce();
		ReviewData data = new ReviewData(this.jdbc);
		// a year whose next year has a standard in force (the 2027–2030 one), not taken
		// yet
		int year = this.jdbc
			.sql("select y from generate_series(2029, 2026, -1) y where not exists (select 1 from review r"
					+ " where r.province_code in ('48', '12') and r.year = y) limit 1")
			.query(Integer.class)
			.single();
		UUID poor = data.household(now.a, "DemoNgheo" + now.tag, year - 1, "POOR", 700_000L, 1);
		try {
			assertThat(this.reviews.openDemo(year, List.of("48", "12"))).containsOnlyKeys("48", "12");
			record Opened(String code, String edition, long communes, long inForce) {
			}
			List<Opened> opened = this.jdbc
				.sql("select r.province_code, p.edition, (select count(*) from review_unit u where u.review_id = r.id),"
						+ " (select count(*) from admin_unit c where c.level = 'commune' and c.path like p.path || '%'"
						+ " and c.valid_to is null) from review r join admin_unit p on p.id = r.province_id"
						+ " where r.year = ? order by r.province_code")
				.param(year)
				.query((rs, n) -> new Opened(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
				.list();
			assertThat(opened).extracting(Opened::code).containsExactly("12", "48");
			assertThat(opened).allSatisfy((o) -> {
				assertThat(o.edition()).isEqualTo("2025");
				assertThat(o.communes()).isEqualTo(o.inForce()).isGreaterThan(30);
			});
			// last year's poor household of Xã Tây Giang is on its commune's list
			assertThat(this.jdbc
				.sql("select count(*) from review_household rh join review r on r.id = rh.review_id"
						+ " where r.year = ? and rh.household_id = ? and rh.commune_id = ?")
				.params(year, poor, now.a.id())
				.query(Long.class)
				.single()).isEqualTo(1);
			// a second start leaves them as they are
			assertThat(this.reviews.openDemo(year, List.of("48", "12"))).isEmpty();
		}
		finally {
			this.jdbc.sql("delete from household_assessment where household_id = ?").param(poor).update();
		}
	}

}
