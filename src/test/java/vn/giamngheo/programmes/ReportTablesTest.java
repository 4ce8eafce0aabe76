package vn.giamngheo.programmes;

import org.junit.jupiter.api.Test;

import vn.giamngheo.analytics.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Biểu 01 indicators read the review figures, and their values (ADR 0049). */
class ReportTablesTest {

	static Figures figures(int year, long households, long poor, long nearPoor) {
		return new Figures(year, "2022-2025", households, households * 4, poor, poor * 4, nearPoor, nearPoor * 4, 0, 0,
				0, 0, 0, 0, 0);
	}

	@Test
	void onlyWholeUnitCodesReadTheReviewFigures() {
		assertThat(ReportTables.povertyIndicator("POVERTY_RATE_FALL")).contains("POVERTY_RATE_FALL");
		assertThat(ReportTables.povertyIndicator("poor_rate")).contains("POOR_RATE");
		assertThat(ReportTables.povertyIndicator("EM_POVERTY_RATE_FALL")).isEmpty();
		assertThat(ReportTables.povertyIndicator("POOR_DISTRICT_RATE_FALL")).isEmpty();
	}

	@Test
	void theFallIsThePointsBetweenTheYearBeforeAndTheYear() {
		Figures before = figures(2023, 1000, 120, 80);
		Figures now = figures(2024, 1000, 105, 90);
		assertThat(ReportTables.povertyValue("POVERTY_RATE_FALL", now, before)).isEqualTo(1.5);
		assertThat(ReportTables.povertyValue("POOR_RATE", now, before)).isEqualTo(10.5);
		assertThat(ReportTables.povertyValue("NEAR_POOR_HOUSEHOLDS", now, before)).isEqualTo(90.0);
		assertThat(ReportTables.povertyValue("POVERTY_RATE_FALL", now, null)).isNull();
		assertThat(ReportTables.povertyValue("POOR_RATE", null, before)).isNull();
	}

}
