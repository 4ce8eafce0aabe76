package vn.giamngheo.standards.web;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import vn.giamngheo.standards.config.StandardsConfiguration;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The standards API on a standalone MockMvc (no application context).
 */
class StandardsControllerTest {

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock",
				Clock.fixed(Instant.parse("2024-10-01T03:00:00Z"), vn.giamngheo.shared.ClockConfiguration.VIETNAM));
		StandardsController controller = new StandardsController(new StandardsConfiguration().standardCatalogue(),
				beans.getBeanProvider(Clock.class));
		this.mvc = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new StandardsProblems()).build();
	}

	static final String HOUSEHOLD = """
			{"urban": false, "incomePerCapita": %d, "housingQuality": "SOLID", "floorAreaM2": 40,
			 "waterSource": "TAP", "latrine": "SEPTIC", "telecomUse": true, "internetUse": true,
			 "infoDevices": true, "loudspeakerReach": true, "wasteHandling": "COLLECTED",
			 "members": [
			   {"name": "Nguyễn Văn A", "sex": "MALE", "dateOfBirth": "1985-03-02", "healthInsurance": false,
			    "inSchool": false, "educationLevel": "UPPER_SECONDARY", "employment": "WAGE_NO_CONTRACT"},
			   {"name": "Nguyễn Thị B", "sex": "FEMALE", "dateOfBirth": "2015-05-20", "healthInsurance": true,
			    "inSchool": false, "educationLevel": "PRIMARY", "employment": "STUDENT"}
			 ]}""";

	@Test
	void listsStandardsWithCitationsAndVerifiedFlags() throws Exception {
		this.mvc.perform(get("/api/v1/standards"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].key").value(hasItem("2022-2025")))
			.andExpect(jsonPath("$.items[2].key").value("2022-2025"))
			.andExpect(jsonPath("$.items[2].from").value("2022-01-01"))
			.andExpect(jsonPath("$.items[2].thresholds[?(@.name == 'income_way.poverty_line.rural')].value")
				.value(hasItem(1500000)))
			.andExpect(jsonPath("$.items[2].thresholds[?(@.name == 'income_way.poverty_line.rural')].verified")
				.value(hasItem(true)))
			.andExpect(jsonPath("$.items[2].thresholds[?(@.name == 'income_way.poverty_line.rural')].legalBasis")
				.value(hasItem(startsWith("Nghị định 07/2021/NĐ-CP"))))
			.andExpect(jsonPath("$.local[0].province").value("75"))
			.andExpect(jsonPath("$.local[0].example").value(true));
	}

	@Test
	void oneStandardWithIndicators() throws Exception {
		this.mvc.perform(get("/api/v1/standards/2027-2030"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.standard.verified").value(false))
			.andExpect(jsonPath("$.standard.notes.en").value(startsWith("The middle")))
			.andExpect(jsonPath("$.indicators.length()").value(12))
			.andExpect(jsonPath("$.indicators[11].code").value("WST"));
	}

	@Test
	void classifiesAndExplains() throws Exception {
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"surveyDate\": \"2024-10-01\", \"household\": " + HOUSEHOLD.formatted(1_500_000) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.povertyClass").value("POOR"))
			.andExpect(jsonPath("$.deprivationCount").value(3))
			.andExpect(jsonPath("$.indicators[?(@.code == 'CED')].fact.vi").value(hasItem(
					"Thành viên Nguyễn Thị B, 9 tuổi, không đi học hoặc học thấp hơn cấp học theo tuổi → thiếu hụt: tình trạng đi học của trẻ em")))
			.andExpect(jsonPath("$.thresholds[0].legalBasis").value(startsWith("Nghị định 07/2021")))
			.andExpect(jsonPath("$.explanation.en").value(startsWith("Income per head 1,500,000 VND")));
	}

	@Test
	void surveyDateDefaultsToTheClockAndOverlayApplies() throws Exception {
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"province\": \"75\", \"household\": " + HOUSEHOLD.formatted(1_900_000) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.surveyDate").value("2024-10-01"))
			.andExpect(jsonPath("$.provinceCode").value("75"))
			.andExpect(jsonPath("$.povertyClass").value("POOR"));
	}

	@Test
	void unknownStandardIsA404Problem() throws Exception {
		this.mvc.perform(get("/api/v1/standards/1999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("UNKNOWN_STANDARD"));
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"province\": \"01\", \"household\": " + HOUSEHOLD.formatted(1) + "}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void invalidFactsAre422AndUnreadableBodyIs400() throws Exception {
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"household\": {\"urban\": false, \"members\": []}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("MISSING_FACT"))
			.andExpect(jsonPath("$.field").value("incomePerCapita"));
		this.mvc
			.perform(post("/api/v1/standards/2027-2030/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"household\": {\"urban\": false, \"scoreA\": 100, \"scoreB\": 30}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("NO_SCORE_WAY"));
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"household\": {\"urban\": \"maybe\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/v1/standards/2022-2025/classifications").contentType(MediaType.APPLICATION_JSON)
				.content("{\"household\": " + HOUSEHOLD.formatted(1).replace("SOLID", "PALACE") + "}"))
			.andExpect(status().isBadRequest());
	}

}
