package vn.giamngheo.benefits.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The policy pages and API as a commune officer and a partner would read them: names, not
 * codes; each unverified rule marked with its reason; the API carries citations and
 * verified flags.
 */
@IntegrationTest
class SupportPolicyPagesIT {

	/** An enum-like token as a page must never show it. */
	static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	Authentication officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.code() + "@2024";
		this.officer = this.f.auth(this.f.user("polofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
	}

	MockHttpServletResponse call(String path, Authentication who, Cookie... cookies) throws Exception {
		var request = get(path).with(authentication(who));
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	static String visible(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?is)<script\\b.*?</script>", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replaceAll("\\s+", " ");
	}

	static List<String> codes(String text) {
		Matcher m = CODE.matcher(text);
		List<String> found = new java.util.ArrayList<>();
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	@Test
	void theListNamesEveryPolicyItsAgencyAndMarksTheUnverified() throws Exception {
		MockHttpServletResponse response = call("/support/policies", this.officer);
		assertThat(response.getStatus()).isEqualTo(200);
		String text = visible(response);
		assertThat(text).contains("Cho vay hộ mới thoát nghèo", "Ngân hàng Chính sách xã hội",
				"Hỗ trợ kinh phí thực hiện kế hoạch thoát nghèo", "05/09/2015 – nay", "Từng người trong hộ",
				"Chưa xác minh");
		assertThat(codes(text)).isEmpty();
		assertThat(text).doesNotContain("??", "LOAN_EXITED", "VBSP ", "MEMBER");
	}

	@Test
	void aPolicyPageShowsEachVersionsRulesInWordsWithSourcesAndMarkers() throws Exception {
		MockHttpServletResponse response = call("/support/policies/HI_NEAR_POOR", this.officer);
		assertThat(response.getStatus()).isEqualTo(200);
		String text = visible(response);
		assertThat(text).contains("Phiên bản 2: từ 15/08/2025 đến nay", "Phiên bản 1: từ 01/01/2016 đến 14/08/2025",
				"Hộ thuộc diện: Hộ cận nghèo; Ở địa bàn: Địa bàn xã nghèo",
				"Ngân sách nhà nước đóng bảo hiểm y tế: 100 % mức đóng; ở địa bàn: Địa bàn xã nghèo",
				"Ngân sách nhà nước đóng bảo hiểm y tế: ít nhất 70 % mức đóng; từ 01/12/2018",
				"Nguồn: Nghị định 188/2025/NĐ-CP", "Chưa xác minh", "Ngân sách Trung ương 70 %, Hộ tự đóng góp 30 %");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"policy-unverified\"");
		assertThat(codes(text)).isEmpty();
		String loan = visible(call("/support/policies/LOAN_EXITED", this.officer));
		assertThat(loan).contains("Đã ra khỏi danh sách Hộ cận nghèo, Hộ nghèo không quá 3 năm",
				"Lãi suất cho vay: 8,25 %/năm", "Mức cho vay: tối đa 100.000.000 đồng", "Đã xác minh",
				"Tín dụng chính sách 100 %");
		assertThat(codes(loan)).isEmpty();
	}

	@Test
	void englishReadersGetTheEnglishNamesAndMarkers() throws Exception {
		String text = visible(
				call("/support/policies/LEARNING_SUPPORT", this.officer, new Cookie("giamngheo-lang", "en")));
		assertThat(text).contains("Learning-cost support for pupils of poor households",
				"Learning-cost support: 150,000 VND a month, at most 9 months; paid twice a school year",
				"Not verified");
		assertThat(codes(text)).isEmpty();
	}

	@Test
	void theApiCarriesCitationsAndVerifiedFlagsForEveryRole() throws Exception {
		String partner = this.f.user("polpartner", Role.PARTNER, List.of(this.f.a.code() + "@2024"),
				List.of(this.f.a.code() + "@2024"));
		MockHttpServletResponse list = call("/api/v1/support-policies", this.f.auth(partner));
		assertThat(list.getStatus()).isEqualTo(200);
		String body = list.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"code\":\"HI_POOR\"", "\"code\":\"EXIT_PLAN_SUPPORT\"", "\"allVerified\":false");
		assertThat(body.split("\"code\":").length - 1).isEqualTo(18);
		String exited = call("/api/v1/support-policies/LOAN_EXITED", this.officer)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(exited).contains("\"leftListWithinYears\":3", "\"percent\":8.25", "\"verified\":true",
				"\"verified\":false", "Quyết định 28/2015/QĐ-TTg");
		MockHttpServletResponse unknown = call("/api/v1/support-policies/NO_SUCH", this.officer);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(call("/support/policies/NO_SUCH", this.officer).getStatus()).isEqualTo(404);
	}

}
