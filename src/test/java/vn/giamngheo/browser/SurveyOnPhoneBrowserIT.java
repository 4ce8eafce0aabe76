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
import vn.giamngheo.review.Reviews;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.Browser;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer on a phone-sized browser signs in, opens an assigned household's Phiếu B,
 * fills it in and sees the proposed class with the engine's explanation.
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

	ChromeDriver browser;

	@AfterEach
	void close() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from household_assessment where province_code = '49' and year >= 2990").update();
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	@Test
	void aReviewerFillsPhieuBOnAPhone() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String a = f.a.code() + "@2024";
		String reviewer = f.user("ctvphone", Role.REVIEWER, List.of(a), List.of("V" + f.tag + "A@local"));
		String officer = f.user("xaphone", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		int year = TestYears.unique();
		String head = "Hồ Thị Điện Thoại " + f.tag;
		UUID household = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values ('49', ?, ?, ?, ?, ?, ?, false) returning id")
			.params("PH-" + f.tag, f.a.id(), f.a.villageId(), f.a.villagePath(), head, head.toLowerCase())
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, health_insurance, employment) values (?, '49', ?, ?, 'F',"
					+ " date '1979-05-01', '26', 'HEAD', true, 'FARMER')")
			.params(household, head, head.toLowerCase())
			.update();
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification) values (?, '49', ?, '2022-2025', 1, 700000, 'POOR')")
			.params(household, year - 1)
			.update();
		f.signIn(f.user("tinhphone", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		long province = this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
		Review review = this.reviews.open(new Reviews.OpenReview(province, year, "2022-2025",
				LocalDate.now().minusDays(1), LocalDate.now().plusDays(20), List.of(f.a.id())));
		f.signIn(officer);
		this.reviews.generateWorklist(review.id(), f.a.id(), false);
		this.reviews.assign(review.id(), f.a.id(), f.a.villageId(), reviewer);
		UUID listed = this.jdbc.sql("select id from review_household where review_id = ? and household_id = ?")
			.params(review.id(), household)
			.query(UUID.class)
			.single();
		SecurityContextHolder.clearContext();

		this.browser = Browser.start();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		vn.giamngheo.support.Browser.signIn(this.browser, "http://localhost:" + this.port, reviewer, Fixtures.PASSWORD);
		this.browser.get("http://localhost:" + this.port + "/reviews/households/" + listed + "/survey");
		assertThat(this.browser.findElement(By.id("head")).getText()).isEqualTo(head);
		this.browser.findElement(By.name("incomePerCapita")).sendKeys("600000");
		new Select(this.browser.findElement(By.name("housingQuality"))).selectByValue("MAKESHIFT");
		this.browser.findElement(By.name("floorAreaM2")).sendKeys("9");
		new Select(this.browser.findElement(By.name("waterSource"))).selectByValue("SURFACE_WATER");
		new Select(this.browser.findElement(By.name("latrine"))).selectByValue("NONE");
		new Select(this.browser.findElement(By.name("wasteHandling"))).selectByValue("UNTREATED");
		this.browser.findElement(By.cssSelector("input[name=causes][value=LAND]")).click();
		this.browser.findElement(By.cssSelector("input[name=needs][value=LOAN]")).click();
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
	}

}
