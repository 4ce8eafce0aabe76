package vn.giamngheo.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.review.Meetings.MeetingInput;

/**
 * Test households of a fixture village, with a last-year assessment when a class is
 * given.
 */
final class ReviewData {

	private final JdbcClient jdbc;

	ReviewData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID household(Fixtures.Commune c, String name, int lastYear, String lastClass, Long lastIncome, int members) {
		String code = "RV-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values ('49', ?, ?, ?, ?, ?, ?, false) returning id")
			.params(code, c.id(), c.villageId(), c.villagePath(), name, name.toLowerCase())
			.query(UUID.class)
			.single();
		this.jdbc.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
				+ " ethnicity_code, relation, health_insurance, employment, education_level) values (?, '49', ?, ?, 'M',"
				+ " date '1980-01-01', '26', 'HEAD', true, 'FARMER', 'LOWER_SECONDARY')")
			.params(id, name, name.toLowerCase())
			.update();
		if (lastClass != null) {
			this.jdbc
				.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
						+ " income_per_capita, classification, source) values (?, '49', ?, '2022-2025', ?, ?, ?, 'MANUAL')")
				.params(id, lastYear, members, lastIncome, lastClass)
				.update();
		}
		return id;
	}

	void assessment(UUID household, int year, String cls) {
		this.jdbc.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
				+ " income_per_capita, classification, source) values (?, '49', ?, '2022-2025', 1, 1000000, ?, 'MANUAL')")
			.params(household, year, cls)
			.update();
	}

	long provinceId() {
		return this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
	}

	/**
	 * Opens the review of a year (as the signed-in province officer) for some communes of
	 * Quảng Nam, its window from ten days before today to forty days after.
	 */
	Review open(Reviews reviews, int year, LocalDate today, Long... communes) {
		return reviews.open(new Reviews.OpenReview(provinceId(), year, "2022-2025", today.minusDays(10),
				today.plusDays(40), List.of(communes)));
	}

	/**
	 * Removes the assessments of the test years (≥ 2990) of Quảng Nam again: other tests
	 * read the province's latest year (registry lists default to it).
	 */
	void cleanUp() {
		this.jdbc.sql("delete from household_assessment where province_code = '49' and year >= 2990").update();
	}

	static int uniqueYear() {
		return vn.giamngheo.support.TestYears.unique();
	}

	/**
	 * A village meeting from 19:00 to 21:00, chaired by the village head, minuted by a
	 * secretary, with the Fatherland Front's representative.
	 */
	static MeetingInput meeting(long villageId, LocalDate heldOn, int attendees, Map<UUID, Integer> votes) {
		return new MeetingInput(villageId, heldOn, LocalTime.of(19, 0), LocalTime.of(21, 0), "Trưởng thôn",
				"Thư ký thôn", attendees, "Đại diện MTTQ", null, votes);
	}

}
