package vn.giamngheo.browser;

import java.nio.charset.StandardCharsets;
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
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.Browser;
import vn.giamngheo.targets.Boundaries;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer opens the Alkire–Foster dashboard of a district: H, A and M0 are shown, and
 * ECharts draws the four charts (M0 by commune, the twelve indicators' contributions, the
 * communes × indicators heatmap).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
@Import(FixtureFactory.class)
class AlkireFosterBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	ChromeDriver browser;

	long district;

	@BeforeEach
	void data() throws Exception {
		this.fixtures.create().signIn("admin");
		Territory t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] a = t.commune("A", "Xã", false);
		long[] b = t.commune("B", "Xã", false);
		t.deprivedHousehold(a, false, 4, 2023, "EMP", "HIN", "WAT", "SAN");
		t.deprivedHousehold(a, false, 2, 2023, "HIN", "WAT", "TEL");
		t.deprivedHousehold(a, false, 3, 2023, "WAT", "SAN");
		t.deprivedHousehold(b, true, 1, 2023, "EMP", "DEP", "NUT", "HIN", "AED");
		t.deprivedHousehold(b, false, 3, 2023, "TEL");
		this.aggregates.refreshCommunes(List.of(a[0], b[0]));
		SecurityContextHolder.clearContext();
		this.district = t.districtId;
		this.browser = Browser.start();
	}

	@AfterEach
	void close() {
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	@Test
	void drawsTheMeasuresAndContributions() throws Exception {
		String base = "http://localhost:" + this.port;
		vn.giamngheo.support.Browser.signIn(this.browser, base, "admin", "admin-giamngheo");
		this.browser.get(base + "/dashboards?unit=" + this.district);
		this.browser.findElement(By.id("af-link")).click();
		new WebDriverWait(this.browser, java.time.Duration.ofSeconds(10))
			.until((d) -> this.browser.executeScript("return window.echarts && echarts.getInstanceByDom("
					+ "document.getElementById('chart-af_heatmap')) ? true : null;"));
		assertThat(this.browser.findElement(By.id("af-h")).getText()).isEqualTo("60,00");
		assertThat(this.browser.findElement(By.id("af-verified")).getText()).isEqualTo("đã đối chiếu văn bản");
		// the standard by its name, not its file key ("2022-2025")
		assertThat(this.browser.findElement(By.id("af-standard")).getText())
			.isEqualTo("Chuẩn nghèo đa chiều giai đoạn 2022–2025");
		Object bars = this.browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
				+ "'chart-af_contributions')).getOption().series[0].data.length;");
		assertThat(((Number) bars).intValue()).isEqualTo(12);
		// each indicator by its name, never by its internal code ("SAN Nhà tiêu…")
		Object labels = this.browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
				+ "'chart-af_contributions')).getOption().yAxis[0].data;");
		assertThat(((List<?>) labels).stream().map(Object::toString).toList()).hasSize(12)
			.contains("Nhà tiêu hợp vệ sinh")
			.allSatisfy((label) -> assertThat(label).doesNotMatch("^[A-Z]{3} .*"));
		Object units = this.browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
				+ "'chart-af_units')).getOption().yAxis[0].data;");
		assertThat((List<?>) units).hasSize(2);
		Path shot = Path.of("target", "dashboard-af.png");
		Files.createDirectories(shot.getParent());
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2600));
		Files.write(shot, this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
