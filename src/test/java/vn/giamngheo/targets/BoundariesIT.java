package vn.giamngheo.targets;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploading unit boundaries (GeoJSON) for the communes of a test district: served to the
 * dashboard's map with the comparison chart's rates; a bad file stores nothing and says
 * which row is wrong, in Vietnamese. Each chart's table also downloads as XLSX with the
 * CSV's rows under Vietnamese headers.
 */
@IntegrationTest
class BoundariesIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	Fixtures f;

	Territory t;

	long[] x;

	long[] y;

	String officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.f.signIn("admin");
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.x = this.t.commune("X", "Xã", false);
		this.y = this.t.commune("Y", "Xã", false);
		// 2024-2025. X: 1 poor of 4 (25%), Y: 1 poor of 2 (50%, newly poor) in 2025.
		this.t.household(this.x, false, false, 4, 500_000, 2024, "PP");
		for (int k = 0; k < 3; k++) {
			this.t.household(this.x, false, false, 4, 5_000_000, 2024, "OO");
		}
		this.t.household(this.y, false, false, 4, 500_000, 2024, "OP");
		this.t.household(this.y, false, false, 4, 5_000_000, 2024, "OO");
		this.aggregates.refreshCommunes(List.of(this.x[0], this.y[0]));
		SecurityContextHolder.clearContext();
		this.officer = this.f.user("boundary", Role.PROVINCE_OFFICER, List.of(this.district()),
				List.of(this.district()));
	}

	String district() {
		return "D" + this.t.tag + "@local";
	}

	static String feature(String codeKey, String code, String geometry) {
		return """
				{"type": "Feature", "properties": {"%s": "%s", "ten": "Xã thử"}, "geometry": %s}""".formatted(codeKey,
				code, geometry);
	}

	static String square(double x0) {
		return "{\"type\": \"Polygon\", \"coordinates\": [[[%s, 15.0], [%s, 15.0], [%s, 15.1], [%s, 15.1], [%s, 15.0]]]}"
			.formatted(x0, x0 + 0.1, x0 + 0.1, x0, x0);
	}

	String good() {
		return "{\"type\": \"FeatureCollection\", \"features\": ["
				+ feature("code", "C" + this.t.tag + "X", square(108)) + ", "
				+ feature("ma_xa", "C" + this.t.tag + "Y", square(108.1)) + "]}";
	}

	int stored() {
		return this.jdbc.sql("select count(*) from unit_boundary where unit_id in (?, ?)")
			.params(this.x[0], this.y[0])
			.query(Integer.class)
			.single();
	}

	@Test
	void uploadedBoundariesAreServedWithTheComparisonRates() throws Exception {
		this.mvc
			.perform(get("/api/v1/units/{id}/boundaries", this.t.districtId)
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(0)));
		this.mvc
			.perform(get("/dashboards").param("unit", Long.toString(this.t.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-boundaries\"")));

		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType("application/geo+json")
				.content(good())
				.with(csrf())
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(2));
		assertThat(stored()).isEqualTo(2);

		this.mvc
			.perform(get("/api/v1/units/{id}/boundaries", this.t.districtId).param("year", "2025")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.features", hasSize(2)))
			.andExpect(jsonPath("$.features[0].properties.unit_id").value(this.y[0]))
			.andExpect(jsonPath("$.features[0].properties.poor").value(50.0))
			.andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
			.andExpect(jsonPath("$.features[1].properties.unit_id").value(this.x[0]))
			.andExpect(jsonPath("$.features[1].properties.poor").value(25.0));
		this.mvc
			.perform(get("/dashboards").param("unit", Long.toString(this.t.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"map-choropleth\"")))
			.andExpect(content().string(containsString("/webjars/leaflet/1.9.4/dist/leaflet.js")));
	}

	@Test
	void aBadFileStoresNothingAndNamesTheRow() throws Exception {
		String unknown = "{\"type\": \"FeatureCollection\", \"features\": ["
				+ feature("code", "C" + this.t.tag + "X", square(108)) + ", " + feature("ma", "99999", square(108.1))
				+ "]}";
		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType(MediaType.APPLICATION_JSON)
				.content(unknown)
				.header("Accept-Language", "vi")
				.with(csrf())
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("Dòng 2: mã 99999 không phải đơn vị thuộc")));
		assertThat(stored()).isZero();

		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"Feature\", \"geometry\": " + square(108) + "}")
				.with(csrf())
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("không phải GeoJSON FeatureCollection")));
		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": ")
				.with(csrf())
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("không phải JSON hợp lệ")));
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "overview", "comparison", "deprivations", "flows" })
	void eachChartDownloadsAsXlsxWithTheCsvRows(String chart) throws Exception {
		String unit = Long.toString(this.t.districtId);
		String csv = this.mvc
			.perform(get("/dashboards/{c}.csv", chart).param("unit", unit)
				.param("year", "2025")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		byte[] xlsx = this.mvc
			.perform(get("/dashboards/{c}.xlsx", chart).param("unit", unit)
				.param("year", "2025")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> lines = List.of(csv.replace("\uFEFF", "").split("\r\n"));
		List<List<String>> sheet = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row r : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				sheet.add(cells);
			}
		}
		assertThat(sheet).hasSize(lines.size());
		assertThat(lines.size()).isGreaterThan(1);
		List<String> header = List.of(lines.get(0).split(",", -1));
		assertThat(sheet.get(0)).hasSize(header.size());
		if (header.contains("year")) {
			assertThat(sheet.get(0).get(header.indexOf("year"))).isEqualTo("Năm");
		}
		if (header.contains("unit")) {
			assertThat(sheet.get(0).get(header.indexOf("unit"))).isEqualTo("Đơn vị");
		}
		for (int k = 1; k < lines.size(); k++) {
			String[] expected = lines.get(k).split(",", -1);
			List<String> actual = sheet.get(k);
			for (int c = 0; c < expected.length; c++) {
				String a = (c < actual.size()) ? actual.get(c) : "";
				if (expected[c].matches("-?[0-9.]+") && !a.isEmpty()) {
					assertThat(new BigDecimal(a)).as("%s row %d col %d", chart, k, c)
						.isEqualByComparingTo(new BigDecimal(expected[c]));
				}
				else {
					assertThat(a).as("%s row %d col %d", chart, k, c).isEqualTo(expected[c]);
				}
			}
		}
	}

	@Test
	void writesOutsideTheRoleOrCaptureScopeAreRefused() throws Exception {
		String viewer = this.f.user("viewer", Role.PROVINCE_OFFICER, List.of(this.district()), List.of());
		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType(MediaType.APPLICATION_JSON)
				.content(good())
				.with(csrf())
				.with(authentication(this.f.auth(viewer))))
			.andExpect(status().isForbidden());
		String commune = this.f.user("communeofficer", Role.COMMUNE_OFFICER, List.of(this.district()),
				List.of(this.district()));
		this.mvc
			.perform(put("/api/v1/units/{id}/boundaries", this.t.districtId).contentType(MediaType.APPLICATION_JSON)
				.content(good())
				.with(csrf())
				.with(authentication(this.f.auth(commune))))
			.andExpect(status().isForbidden());
		assertThat(stored()).isZero();
	}

}
