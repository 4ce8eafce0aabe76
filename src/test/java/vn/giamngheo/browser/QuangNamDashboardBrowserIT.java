package vn.giamngheo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.support.Browser;
import vn.giamngheo.targets.Targets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province officer opens the Quảng Nam dashboard from the targets page and sees the
 * poverty-rate chart with the 2.87% target line of the 2021–2025 resolution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
class QuangNamDashboardBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Targets targets;

	ChromeDriver browser;

	long province;

	@BeforeEach
	void data() throws Exception {
		Territory t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] commune = t.commune("D", "Xã", false);
		for (int k = 0; k < 20; k++) {
			t.household(commune, k % 2 == 0, false, 4, 1_000_000, 2021,
					(k < 4) ? "PPPPP" : (k < 6) ? "PPOOO" : "OOOOO");
		}
		this.aggregates.refreshCommunes(List.of(commune[0]));
		this.targets.loadBundled();
		this.province = t.provinceId;
		this.browser = Browser.start();
	}

	@AfterEach
	void close() {
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	@Test
	void showsTheTargetLineOnTheQuangNamDashboard() throws Exception {
		String base = "http://localhost:" + this.port;
		vn.giamngheo.support.Browser.signIn(this.browser, base, "admin", "admin-giamngheo");
		this.browser.findElement(By.linkText("Chỉ tiêu")).click();
		this.browser.findElement(By.partialLinkText("2021 - 2025")).click();
		assertThat(this.browser.findElement(By.id("target-QN-01")).getText()).contains("2,87%");
		this.browser.findElement(By.linkText("Bảng điều khiển")).click();

		assertThat(this.browser.findElement(By.id("unit-name")).getText()).isEqualTo("Tỉnh Quảng Nam");
		assertThat(this.browser.findElement(By.id("target-lines")).getText()).contains("QN-01", "2,87%", "2025");
		Object line = new WebDriverWait(this.browser, java.time.Duration.ofSeconds(10)).until((d) -> this.browser
			.executeScript("var c = window.giamngheoCharts && window.giamngheoCharts.overview;"
					+ " if (!c) return null; var s = c.getOption().series.filter(function (x) { return x.markLine; });"
					+ " return s.length ? s[0].markLine.data[0].yAxis : null;"));
		assertThat(((Number) line).doubleValue()).isEqualTo(2.87);
		// the chart's table and its CSV export are there
		assertThat(this.browser.findElement(By.id("table-overview")).getAttribute("innerHTML")).contains("2025");
		assertThat(this.browser.findElement(By.id("csv-overview")).getAttribute("href"))
			.contains("/dashboards/overview.csv");
		Path shot = Path.of("target", "dashboard-quang-nam.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
