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
 * The admin loads the boundaries of a district's two communes and sees them on the
 * dashboard as a choropleth: two coloured polygons, no map tiles, a legend, the rate in a
 * tooltip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
@Import(FixtureFactory.class)
class ChoroplethBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Boundaries boundaries;

	ChromeDriver browser;

	long district;

	@BeforeEach
	void data() throws Exception {
		this.fixtures.create().signIn("admin");
		Territory t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] a = t.commune("A", "Xã", false);
		long[] b = t.commune("B", "Xã", false);
		for (int k = 0; k < 10; k++) {
			t.household(a, false, false, 4, 1_000_000, 2024, (k < 1) ? "PP" : "OO");
			t.household(b, false, false, 4, 1_000_000, 2024, (k < 4) ? "PP" : "OO");
		}
		this.aggregates.refreshCommunes(List.of(a[0], b[0]));
		String file = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("C" + t.tag + "A", 108.0) + ","
				+ feature("C" + t.tag + "B", 108.1) + "]}";
		this.boundaries.upload(t.districtId, file.getBytes(StandardCharsets.UTF_8));
		SecurityContextHolder.clearContext();
		this.district = t.districtId;
		this.browser = Browser.start();
	}

	static String feature(String code, double x) {
		return ("{\"type\":\"Feature\",\"properties\":{\"ma_xa\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
				+ "\"coordinates\":[[[%s,15.0],[%s,15.0],[%s,15.1],[%s,15.1],[%s,15.0]]]}}")
			.formatted(code, x, x + 0.1, x + 0.1, x, x);
	}

	@AfterEach
	void close() {
		vn.giamngheo.support.Browser.quit(this.browser);
	}

	@Test
	void drawsTheCommunesColouredByPovertyRate() throws Exception {
		String base = "http://localhost:" + this.port;
		vn.giamngheo.support.Browser.signIn(this.browser, base, "admin", "admin-giamngheo");
		this.browser.get(base + "/dashboards?unit=" + this.district);
		new WebDriverWait(this.browser, java.time.Duration.ofSeconds(10))
			.until((d) -> this.browser.executeScript("return window.giamngheoMap ? true : null;"));
		List<?> fills = (List<?>) this.browser.executeScript(
				"return Array.prototype.map.call(document.querySelectorAll('#map-choropleth .leaflet-overlay-pane path'),"
						+ " function (p) { return p.getAttribute('fill'); });");
		assertThat(fills).hasSize(2);
		assertThat(fills.get(0)).isNotEqualTo(fills.get(1));
		assertThat(this.browser.findElements(By.cssSelector("#map-choropleth .leaflet-tile-pane img"))).isEmpty();
		assertThat(this.browser.findElement(By.cssSelector("#map-choropleth .map-legend")).getText())
			.contains("Tỷ lệ hộ nghèo (%)");
		Path shot = Path.of("target", "dashboard-choropleth.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, this.browser.findElement(By.id("boundaries")).getScreenshotAs(OutputType.BYTES));
	}

}
