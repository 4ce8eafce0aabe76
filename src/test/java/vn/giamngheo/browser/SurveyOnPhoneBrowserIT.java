package vn.giamngheo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.Surveys;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.Browser;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer on a phone-sized browser signs in, opens an assigned household's Phiếu B,
 * fills it in and sees the proposed class with the engine's explanation; reopened, the
 * form shows every saved field and saves again unchanged; refused, it comes back with
 * what was typed and the message next to its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
@Import(FixtureFactory.class)
class SurveyOnPhoneBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	@Autowired
	Surveys surveys;

	ChromeDriver browser;

	@AfterEach
	void close() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from household_assessment where province_code = '48' and year >= 2990").update();
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	/**
	 * A reviewer, the listed household assigned to them, its head's name, the commune
	 * officer and the review.
	 */
	record Listed(String reviewer, UUID id, String head, Fixtures f, String officer, Review review) {
	}

	Listed listed() {
		Fixtures f = this.fixtures.create().communesInForce();
		String a = f.a.scope();
		String reviewer = f.user("ctvphone", Role.REVIEWER, List.of(a), List.of("V" + f.tag + "A@local"));
		String officer = f.user("xaphone", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		int year = TestYears.unique();
		String head = "Hồ Thị Điện Thoại " + f.tag;
		UUID household = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values ('48', ?, ?, ?, ?, ?, ?, false) returning id")
			.params("PH-" + f.tag, f.a.id(), f.a.villageId(), f.a.villagePath(), head, head.toLowerCase())
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, health_insurance, employment) values (?, '48', ?, ?, 'F',"
					+ " date '1979-05-01', '26', 'HEAD', true, 'FARMER')")
			.params(household, head, head.toLowerCase())
			.update();
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification) values (?, '48', ?, '2022-2025', 1, 700000, 'POOR')")
			.params(household, year - 1)
			.update();
		f.signIn(f.user("tinhphone", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		long province = this.jdbc
			.sql("select id from admin_unit where code = '48' and edition = '2025' and level = 'province'")
			.query(Long.class)
			.single();
		Review review = this.reviews.open(new Reviews.OpenReview(province, year, "2022-2025",
				LocalDate.now(vn.giamngheo.shared.ClockConfiguration.VIETNAM).minusDays(1),
				LocalDate.now(vn.giamngheo.shared.ClockConfiguration.VIETNAM).plusDays(20), List.of(f.a.id())));
		f.signIn(officer);
		this.reviews.generateWorklist(review.id(), f.a.id(), false);
		this.reviews.assign(review.id(), f.a.id(), f.a.villageId(), reviewer);
		UUID listed = this.jdbc.sql("select id from review_household where review_id = ? and household_id = ?")
			.params(review.id(), household)
			.query(UUID.class)
			.single();
		SecurityContextHolder.clearContext();
		return new Listed(reviewer, listed, head, f, officer, review);
	}

	@Test
	void aReviewerFillsPhieuBOnAPhoneAndFindsEverythingOnReopening() throws Exception {
		Listed listed = listed();
		String page = "http://localhost:" + this.port + "/reviews/households/" + listed.id() + "/survey";
		openOnAPhone(listed, page);
		assertThat(this.browser.findElement(By.id("head")).getText()).isEqualTo(listed.head());
		fillPhieuB();
		this.browser.findElement(By.cssSelector("input[name=causes][value=LAND]")).click();
		this.browser.findElement(By.cssSelector("input[name=needs][value=LOAN]")).click();
		this.browser.findElement(By.name("note")).sendKeys("Nhà dột, cần hỗ trợ");
		this.browser.findElement(By.id("save-survey")).click();

		assertThat(this.browser.findElement(By.id("proposed")).getText()).isEqualTo("Hộ nghèo");
		assertThat(this.browser.findElement(By.id("step")).getText()).isEqualTo("Bước 2: đã rà soát");
		assertThat(this.browser.findElement(By.id("why")).getText()).isNotBlank();
		// nothing wider than the phone screen
		Number width = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(width.intValue()).isLessThanOrEqualTo(400);
		Path out = Path.of("target", "review-pdf");
		Files.createDirectories(out);
		Files.write(out.resolve("survey-phone.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		// reopened later: every saved field of Phiếu B and Phiếu C is there
		this.browser.get(page);
		assertKept("600000", "9");
		assertThat(this.browser.findElement(By.cssSelector("input[name=telecomUse]")).isSelected()).isTrue();
		assertThat(this.browser.findElement(By.cssSelector("input[name=internetUse]")).isSelected()).isFalse();
		assertThat(this.browser.findElement(By.cssSelector("input[name=causes][value=LAND]")).isSelected()).isTrue();
		assertThat(this.browser.findElement(By.cssSelector("input[name=needs][value=LOAN]")).isSelected()).isTrue();
		assertThat(this.browser.findElement(By.name("note")).getAttribute("value")).isEqualTo("Nhà dột, cần hỗ trợ");
		Files.write(out.resolve("survey-reopened.png"), this.browser.getScreenshotAs(OutputType.BYTES));
		// and the API gives the same facts back
		this.browser.get("http://localhost:" + this.port + "/api/v1/review-households/" + listed.id());
		assertThat(this.browser.findElement(By.tagName("body")).getText()).contains("\"floorAreaM2\":9")
			.contains("\"housingQuality\":\"MAKESHIFT\"")
			.contains("\"note\":\"Nhà dột, cần hỗ trợ\"");

		// saved again unchanged: accepted, same class
		this.browser.get(page);
		this.browser.findElement(By.id("save-survey")).click();
		assertThat(this.browser.findElements(By.id("problem"))).isEmpty();
		assertThat(this.browser.findElement(By.cssSelector(".ok")).getText()).isEqualTo("Đã lưu thay đổi.");
		assertThat(this.browser.findElement(By.id("proposed")).getText()).isEqualTo("Hộ nghèo");
		assertKept("600000", "9");
	}

	@Test
	void aRefusedSurveyComesBackWithWhatWasTypedAndTheMessageAtItsField() throws Exception {
		Listed listed = listed();
		String page = "http://localhost:" + this.port + "/reviews/households/" + listed.id() + "/survey";
		openOnAPhone(listed, page);
		// what Phiếu C requires is said before saving
		assertThat(this.browser.findElement(By.id("phieu-c-required")).getText())
			.contains("Bắt buộc khi kết quả là hộ nghèo hoặc cận nghèo");
		fillPhieuB();
		this.browser.findElement(By.id("save-survey")).click();

		// refused: a poor result without a cause; the same form, nothing typed is lost
		assertThat(this.browser.getCurrentUrl()).isEqualTo(page);
		assertThat(this.browser.findElement(By.id("error-causes")).getText())
			.isEqualTo("Kết quả là Hộ nghèo: Phiếu C phải có ít nhất một nguyên nhân.");
		assertThat(this.browser.findElement(By.id("problem")).getText()).doesNotContain("causes");
		assertThat(this.browser.findElements(By.id("proposed"))).isEmpty();
		assertKept("600000", "9");
		// the message sits inside Phiếu C, next to the causes
		assertThat(this.browser.findElement(By.cssSelector("#phieu-c #error-causes")).isDisplayed()).isTrue();
		Number width = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(width.intValue()).isLessThanOrEqualTo(400);
		Path out = Path.of("target", "review-pdf");
		Files.createDirectories(out);
		Files.write(out.resolve("survey-refused.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		// ticking a cause is all it takes now
		this.browser.findElement(By.cssSelector("input[name=causes][value=LAND]")).click();
		this.browser.findElement(By.id("save-survey")).click();
		assertThat(this.browser.findElement(By.id("proposed")).getText()).isEqualTo("Hộ nghèo");
		assertThat(this.browser.findElements(By.id("error-causes"))).isEmpty();
	}

	@Test
	void theCommunePageFitsAPhoneAndARefusedMeetingKeepsWhatWasTyped() throws Exception {
		Listed listed = listed();
		listed.f().signIn(listed.reviewer());
		ReviewHousehold rh = this.reviews.household(listed.id());
		this.surveys.submit(listed.id(),
				new Surveys.SurveyInput(rh.version(), "INCOME", 600_000L, null, null, "MAKESHIFT",
						java.math.BigDecimal.valueOf(9), "SURFACE_WATER", "NONE", true, false, false, false,
						"UNTREATED", List.of("LAND"), List.of(), null));
		SecurityContextHolder.clearContext();
		String page = "http://localhost:" + this.port + "/reviews/" + listed.review().id() + "/communes/"
				+ listed.f().a.id() + "?village=" + listed.f().a.villageId();
		this.browser = Browser.start();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		Browser.signIn(this.browser, "http://localhost:" + this.port, listed.officer(), Fixtures.PASSWORD);
		this.browser.get(page);
		assertThat(scrollWidth()).isLessThanOrEqualTo(390);
		// the sign-off button says why it cannot be used yet
		assertThat(this.browser.findElement(By.cssSelector("#submit button")).isEnabled()).isFalse();
		assertThat(this.browser.findElement(By.id("submit-hint")).getText()).isNotBlank();

		// more votes than attendees: refused, the form comes back as typed
		this.browser.findElement(By.name("chair")).sendKeys("Trưởng thôn Hồ Văn A");
		this.browser.findElement(By.name("secretary")).sendKeys("Thư ký thôn");
		this.browser.findElement(By.name("supervisor")).sendKeys("Đại diện MTTQ");
		this.browser.executeScript("arguments[0].value = '19:00'; arguments[1].value = '21:00';",
				this.browser.findElement(By.name("startedAt")), this.browser.findElement(By.name("endedAt")));
		this.browser.findElement(By.name("attendees")).sendKeys("10");
		this.browser.findElement(By.name("vote." + listed.id())).sendKeys("12");
		this.browser.findElement(By.cssSelector("#meeting button[type=submit]")).click();
		WebElement error = this.browser.findElement(By.id("error-votes." + listed.id()));
		assertThat(error.getText()).isNotBlank().doesNotContain("votes").doesNotContain(listed.id().toString());
		assertThat(this.browser.findElement(By.id("problem")).getText()).doesNotContain("votes.");
		assertThat(this.browser.findElement(By.name("chair")).getAttribute("value")).isEqualTo("Trưởng thôn Hồ Văn A");
		assertThat(this.browser.findElement(By.name("attendees")).getAttribute("value")).isEqualTo("10");
		assertThat(this.browser.findElement(By.name("startedAt")).getAttribute("value")).isEqualTo("19:00");
		assertThat(this.browser.findElement(By.name("secretary")).getAttribute("value")).isEqualTo("Thư ký thôn");
		assertThat(this.browser.findElement(By.name("vote." + listed.id())).getAttribute("value")).isEqualTo("12");
		assertThat(scrollWidth()).isLessThanOrEqualTo(390);
		Path out = Path.of("target", "review-pdf");
		Files.createDirectories(out);
		Files.write(out.resolve("commune-meeting-refused.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		// corrected, it is recorded
		this.browser.findElement(By.name("vote." + listed.id())).clear();
		this.browser.findElement(By.name("vote." + listed.id())).sendKeys("8");
		this.browser.findElement(By.cssSelector("#meeting button[type=submit]")).click();
		// the click returns before the browser has followed the redirect
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser, java.time.Duration.ofSeconds(15))
			.until((d) -> d.getCurrentUrl().contains("/reviews/meetings/"));
		assertThat(this.browser.getCurrentUrl()).contains("/reviews/meetings/");
	}

	private long scrollWidth() {
		return ((Number) this.browser.executeScript("return document.documentElement.scrollWidth")).longValue();
	}

	private void openOnAPhone(Listed listed, String page) throws Exception {
		this.browser = Browser.start();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		Browser.signIn(this.browser, "http://localhost:" + this.port, listed.reviewer(), Fixtures.PASSWORD);
		this.browser.get(page);
	}

	private void fillPhieuB() {
		this.browser.findElement(By.name("incomePerCapita")).sendKeys("600000");
		new Select(this.browser.findElement(By.name("housingQuality"))).selectByValue("MAKESHIFT");
		this.browser.findElement(By.name("floorAreaM2")).sendKeys("9");
		new Select(this.browser.findElement(By.name("waterSource"))).selectByValue("SURFACE_WATER");
		new Select(this.browser.findElement(By.name("latrine"))).selectByValue("NONE");
		new Select(this.browser.findElement(By.name("wasteHandling"))).selectByValue("UNTREATED");
		this.browser.findElement(By.cssSelector("input[name=telecomUse]")).click();
	}

	private void assertKept(String income, String floorArea) {
		assertThat(this.browser.findElement(By.name("incomePerCapita")).getAttribute("value")).isEqualTo(income);
		assertThat(this.browser.findElement(By.name("floorAreaM2")).getAttribute("value")).isEqualTo(floorArea);
		assertThat(new Select(this.browser.findElement(By.name("housingQuality"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("MAKESHIFT");
		assertThat(new Select(this.browser.findElement(By.name("waterSource"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("SURFACE_WATER");
		assertThat(
				new Select(this.browser.findElement(By.name("latrine"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("NONE");
		assertThat(new Select(this.browser.findElement(By.name("wasteHandling"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("UNTREATED");
		assertThat(this.browser.findElement(By.cssSelector("input[name=telecomUse]")).isSelected()).isTrue();
	}

}
