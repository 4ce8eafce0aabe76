package vn.giamngheo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user logs in, browses province → district → commune, opens the commune's household
 * list, searches a head's name without diacritics and opens the household.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
class NavigateToHouseholdBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ChromeDriver browser;

	String headName;

	@BeforeEach
	void data() throws Exception {
		var commune = this.jdbc.sql("select id, path from admin_unit where code = '20464' and edition = '2024'")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long villageId = this.jdbc.sql("select nextval(pg_get_serial_sequence('admin_unit', 'id'))")
			.query(Long.class)
			.single();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String villagePath = commune[1] + "" + villageId + "/";
		this.jdbc
			.sql("insert into admin_unit (id, code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from) overriding system value values (?, ?, 'local', 'village', 4,"
					+ " 'Thôn', ?, ?, ?, ?, '49', ?, false, '2010-01-01')")
			.params(villageId, "20464-B" + suffix, "Thôn A Xớp " + suffix, "A Xớp " + suffix, "thon a xop " + suffix,
					commune[0], villagePath)
			.update();
		this.headName = "Bhling Thị Ánh " + suffix;
		UUID household = this.jdbc.sql(
				"insert into household (province_code, code, commune_id, village_id, unit_path, head_name, head_name_norm,"
						+ " urban, ethnic_minority) values ('49', ?, ?, ?, ?, ?, ?, false, true) returning id")
			.params("20464-B" + suffix, commune[0], villageId, villagePath, this.headName,
					vn.giamngheo.shared.text.TextNormalizer.fold(this.headName))
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation) values (?, '49', ?, ?, 'F', '1985-02-03', '26', 'HEAD')")
			.params(household, this.headName, vn.giamngheo.shared.text.TextNormalizer.fold(this.headName))
			.update();
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, deprivations, deprivation_count, classification) values (?, '49', 2024,"
					+ " '2022-2025', 1, 1200000, '{HIN,WAT,SAN}', 3, 'POOR')")
			.param(household)
			.update();
		this.browser = Browser.start();
	}

	@AfterEach
	void close() {
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The page's heading once it reads {@code expected} (or after 10 s, whatever it
	 * reads).
	 */
	String heading(String expected) {
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(this.browser, java.time.Duration.ofSeconds(10))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), expected));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the assertion that follows says what the page read
		}
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	@Test
	void logsInNavigatesToACommuneAndOpensAHousehold() throws Exception {
		this.browser.get(url("/"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys("admin-giamngheo");
		this.browser.findElement(By.id("login-submit")).click();

		// the administrator lands on the users page (ADR 0025), then opens the units; a
		// click does not wait for the next page, so the heading is awaited before it is
		// read
		assertThat(heading("Người dùng")).isEqualTo("Người dùng");
		this.browser.findElement(By.linkText("Đơn vị hành chính")).click();
		assertThat(heading("Đơn vị hành chính")).isEqualTo("Đơn vị hành chính");
		this.browser.findElement(By.linkText("Tỉnh Quảng Nam")).click();
		this.browser.findElement(By.linkText("Huyện Tây Giang")).click();
		this.browser.findElement(By.linkText("Xã Dang")).click();
		assertThat(this.browser.findElement(By.cssSelector(".breadcrumb")).getText()).contains("Tỉnh Quảng Nam",
				"Huyện Tây Giang");
		this.browser.findElement(By.id("households-link")).click();

		this.browser.findElement(By.id("q")).sendKeys("bhling thi anh");
		var oldTable = this.browser.findElement(By.id("household-table"));
		this.browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldTable));
		assertThat(this.browser.getCurrentUrl()).contains("q=bhling");
		this.browser.findElement(By.xpath("//a[contains(@class,'household-link') and text()='" + this.headName + "']"))
			.click();

		assertThat(this.browser.findElement(By.id("head-name")).getText()).isEqualTo(this.headName);
		assertThat(this.browser.findElement(By.id("members")).getText()).contains(this.headName, "Cơ-tu");
		assertThat(this.browser.findElement(By.id("history")).getText()).contains("2024", "Hộ nghèo");
		// on a phone the members and changes tables scroll inside the page, the page
		// itself does not
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		this.browser.navigate().refresh();
		assertThat(((Number) this.browser.executeScript("return document.documentElement.scrollWidth")).longValue())
			.isLessThanOrEqualTo(390);
		Path shot = Path.of("target", "screenshots", "household.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
