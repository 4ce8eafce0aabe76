package vn.giamngheo.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.models.ModelInput;
import vn.giamngheo.models.PovertyModel;
import vn.giamngheo.models.PovertyModels;
import vn.giamngheo.support.Browser;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.targets.Boundaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district with two communes, their boundaries loaded: a livestock model runs in the
 * first, with four households that were poor before it started and are not any more, and
 * is replicated in the second. The map colours the two communes by their number of models
 * (no tiles); the model's page shows its outcome against the commune's other households.
 * Screenshots: target/models-map.png, target/models-page.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false" })
@Import(FixtureFactory.class)
class ModelsBrowserIT {

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

	@Autowired
	PovertyModels models;

	ChromeDriver browser;

	long district;

	UUID model;

	@BeforeEach
	void data() throws Exception {
		this.fixtures.create().signIn("admin");
		Territory t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] a = t.commune("A", "Xã", false);
		long[] b = t.commune("B", "Xã", false);
		List<UUID> taking = new ArrayList<>();
		for (int k = 0; k < 4; k++) {
			taking.add(t.household(a, true, false, 4, 900_000, 2021, (k < 3) ? "PPNNO" : "PPPPP"));
		}
		for (int k = 0; k < 8; k++) {
			t.household(a, false, false, 4, 1_500_000, 2021, (k < 3) ? "PPPPN" : "NNOOO");
			t.household(b, false, false, 4, 1_500_000, 2021, (k < 2) ? "PPPPP" : "OOOOO");
		}
		// the households taking part earn more after
		this.jdbc
			.sql("update household_assessment set income_per_capita = 1_400_000 where year = 2025"
					+ " and household_id = any(?)")
			.param(taking.toArray(UUID[]::new))
			.update();
		this.aggregates.refreshCommunes(List.of(a[0], b[0]));
		String file = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("C" + t.tag + "A", 108.0) + ","
				+ feature("C" + t.tag + "B", 108.1) + "]}";
		this.boundaries.upload(t.districtId, file.getBytes(StandardCharsets.UTF_8));
		PovertyModel cows = this.models.create(new ModelInput("Nuôi bò sinh sản luân chuyển", "LIVESTOCK",
				"Mỗi hộ nhận 1 con bò cái giống, trả lại 1 con bê cho hộ kế tiếp.", t.districtId,
				LocalDate.of(2023, 3, 1), null, null, List.of(new ModelInput.UnitInput(a[0], null)),
				Map.of("CENTRAL", 400_000_000L, "LOCAL", 60_000_000L, "OWN", 40_000_000L)));
		int version = cows.version();
		for (UUID h : taking) {
			this.models.addParticipant(cows.id(), version++, h, null, LocalDate.of(2023, 4, 1), null);
		}
		this.models.create(new ModelInput("Nuôi bò sinh sản (nhân rộng)", "LIVESTOCK", null, t.districtId,
				LocalDate.of(2024, 5, 1), null, cows.id(), List.of(new ModelInput.UnitInput(b[0], null)),
				Map.of("CREDIT", 200_000_000L)));
		SecurityContextHolder.clearContext();
		this.district = t.districtId;
		this.model = cows.id();
		this.browser = Browser.start();
	}

	static String feature(String code, double x) {
		return ("{\"type\":\"Feature\",\"properties\":{\"ma_xa\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
				+ "\"coordinates\":[[[%s,15.0],[%s,15.0],[%s,15.1],[%s,15.1],[%s,15.0]]]}}")
			.formatted(code, x, x + 0.1, x + 0.1, x, x);
	}

	@AfterEach
	void close() {
		Browser.quit(this.browser);
	}

	@Test
	void theMapDrawsTheModelsOnTheBoundariesAndTheModelPageShowsItsOutcome() throws Exception {
		String base = "http://localhost:" + this.port;
		Browser.signIn(this.browser, base, "admin", "admin-giamngheo");
		this.browser.get(base + "/models/map?unit=" + this.district);
		new WebDriverWait(this.browser, java.time.Duration.ofSeconds(10))
			.until((d) -> this.browser.executeScript("return window.giamngheoModelsMap ? true : null;"));
		List<?> paths = (List<?>) this.browser.executeScript(
				"return Array.prototype.map.call(document.querySelectorAll('#models-map .leaflet-overlay-pane path'),"
						+ " function (p) { return p.getAttribute('fill'); });");
		assertThat(paths).hasSize(2);
		assertThat(this.browser.findElements(By.cssSelector("#models-map .leaflet-tile-pane img"))).isEmpty();
		assertThat(this.browser.findElement(By.id("no-boundaries")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("models-by-unit")).getText()).contains("Chăn nuôi: 1");
		shoot("models-map.png");

		this.browser.get(base + "/models/" + this.model);
		String outcome = this.browser.findElement(By.id("outcome")).getText();
		assertThat(outcome).contains("không phải đánh giá tác động")
			.contains("Có kết quả rà soát trước và sau: 4/4 hộ tham gia.");
		assertThat(this.browser.findElement(By.id("copies")).getText()).contains("Nuôi bò sinh sản (nhân rộng)");
		assertThat(this.browser.findElement(By.id("funding-total")).getText()).isEqualTo("500.000.000 đ");
		shoot("models-page.png");
	}

	void shoot(String name) throws Exception {
		Path shot = Path.of("target", name);
		Files.createDirectories(shot.getParent());
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
		Files.write(shot, this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
