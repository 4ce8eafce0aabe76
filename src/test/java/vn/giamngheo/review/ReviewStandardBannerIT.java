package vn.giamngheo.review;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, item 5: a review under the 2027–2030 standard says plainly, on its pages,
 * what of the standard is unverified and what the system does meanwhile; a review under a
 * verified standard says only what is not.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class ReviewStandardBannerIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	String open(Authentication province, long provinceId, String standardKey) throws Exception {
		return open(province, provinceId, ReviewData.uniqueYear(), standardKey);
	}

	String open(Authentication province, long provinceId, int year, String standardKey) throws Exception {
		LocalDate today = LocalDate.now(this.clock);
		MvcResult opened = this.mvc
			.perform(post("/reviews").param("provinceId", String.valueOf(provinceId))
				.param("year", String.valueOf(year))
				.param("standardKey", standardKey)
				.param("windowFrom", today.minusDays(3).toString())
				.param("windowTo", today.plusDays(30).toString())
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return opened.getResponse().getRedirectedUrl();
	}

	String page(String path, Authentication who) throws Exception {
		return this.mvc.perform(get(path).with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void reviewPagesUnderThe2027To2030StandardNameWhatIsUnverified() throws Exception {
		Fixtures f = this.fixtures.create();
		long daNang = this.jdbc
			.sql("select id from admin_unit where code = '48' and level = 'province' and edition = '2025'")
			.query(Long.class)
			.single();
		long commune = this.jdbc
			.sql("select id from admin_unit where parent_id = ? and level = 'commune' order by code limit 1")
			.param(daNang)
			.query(Long.class)
			.single();
		Authentication province = f
			.auth(f.user("dnbanner", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		String review = open(province, daNang, "2027-2030");
		for (String path : List.of(review, review + "/communes/" + commune)) {
			String html = page(path, province);
			assertThat(html).as(path)
				.contains("id=\"standard-unverified\"")
				.contains("Chuẩn nghèo đa chiều giai đoạn 2027–2030")
				.contains("Chuẩn nghèo 2.200.000 đồng (nông thôn) / 2.800.000 đồng (thành thị) lấy theo tin báo chí")
				.contains("Khoảng mức sống trung bình chưa được công bố")
				.contains("Chưa có cách tính điểm (điểm A, điểm B của phiếu B)")
				.contains("hệ thống không áp dụng")
				.contains("12 trong 12 định nghĩa chỉ số")
				.doesNotContain("standards.unverified")
				.doesNotContain("MIDDLE_UNSET");
		}
		// in English, from the English bundle
		String en = this.mvc.perform(get(review).param("lang", "en").with(authentication(province)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("No middle living-standard band has been published").contains("2,200,000 VND (rural)");
	}

	@Test
	void aReviewUnderDecree07NamesOnlyWhatIsNotVerified() throws Exception {
		Fixtures f = this.fixtures.create();
		// a review before the reform, on the old Quảng Nam (49 of the 2024 list)
		long quangNam = new ReviewData(this.jdbc).oldProvinceId();
		int year = vn.giamngheo.support.TestYears.beforeReform(this.jdbc, "49");
		Authentication province = f
			.auth(f.user("qnbanner", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		String html = page(open(province, quangNam, year, "2022-2025"), province);
		assertThat(html).contains("id=\"standard-unverified\"")
			.contains(
					"Cách tính điểm chưa được đối chiếu với văn bản: hệ thống dùng tạm điểm A ≤ 140 (nông thôn) / ≤ 175")
			.doesNotContain("lấy theo tin báo chí")
			.doesNotContain("Khoảng mức sống trung bình chưa được công bố");
	}

}
