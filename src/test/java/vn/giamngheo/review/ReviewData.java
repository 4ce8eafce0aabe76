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
					+ " head_name_norm, urban) values (?, ?, ?, ?, ?, ?, ?, false) returning id")
			.params(c.provinceCode(), code, c.id(), c.villageId(), c.villagePath(), name, name.toLowerCase())
			.query(UUID.class)
			.single();
		this.jdbc.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
				+ " ethnicity_code, relation, health_insurance, employment, education_level) values (?, ?, ?, ?, 'M',"
				+ " date '1980-01-01', '26', 'HEAD', true, 'FARMER', 'LOWER_SECONDARY')")
			.params(id, c.provinceCode(), name, name.toLowerCase())
			.update();
		if (lastClass != null) {
			this.jdbc
				.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
						+ " income_per_capita, classification, source) values (?, ?, ?, '2022-2025', ?, ?, ?, 'MANUAL')")
				.params(id, c.provinceCode(), lastYear, members, lastIncome, lastClass)
				.update();
		}
		return id;
	}

	void assessment(UUID household, int year, String cls) {
		this.jdbc.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
				+ " income_per_capita, classification, source) select id, province_code, ?, '2022-2025', 1, 1000000, ?,"
				+ " 'MANUAL' from household where id = ?")
			.params(year, cls, household)
			.update();
	}

	/**
	 * Thành phố Đà Nẵng of the units in force (48, 2025 list), the province of
	 * {@link Fixtures#communesInForce()}: reviews of the test years (≥ 3000) run there.
	 */
	long provinceId() {
		return province("48", "2025");
	}

	/** Quảng Nam of the 2024 list (49), for reviews of years up to 2024. */
	long oldProvinceId() {
		return province("49", "2024");
	}

	long province(String code, String edition) {
		return this.jdbc.sql("select id from admin_unit where code = ? and edition = ? and level = 'province'")
			.params(code, edition)
			.query(Long.class)
			.single();
	}

	/**
	 * Opens the review of a year (as the signed-in province officer) for some communes of
	 * Thành phố Đà Nẵng, its window from ten days before today to forty days after.
	 */
	Review open(Reviews reviews, int year, LocalDate today, Long... communes) {
		return reviews.open(new Reviews.OpenReview(provinceId(), year, "2022-2025", today.minusDays(10),
				today.plusDays(40), List.of(communes)));
	}

	/**
	 * Removes the assessments of the test years (≥ 2990) of Quảng Nam and Đà Nẵng again:
	 * other tests read the province's latest year (registry lists default to it).
	 */
	void cleanUp() {
		this.jdbc.sql("delete from household_assessment where province_code in ('48', '49') and year >= 2990").update();
	}

	/**
	 * Removes every assessment of the households listed in a review of a year before the
	 * reform (a test of the old units leaves no real-year figures behind).
	 */
	void cleanUp(UUID reviewId) {
		this.jdbc
			.sql("delete from household_assessment where household_id in (select household_id"
					+ " from review_household where review_id = ?)")
			.param(reviewId)
			.update();
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

	/** A village under a commune, as the move creates it (the same name). */
	long village(long communeId, String name) {
		String communePath = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(communeId)
			.query(String.class)
			.single();
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) select ?, 'local', 'village', c.depth + 1,"
					+ " 'Thôn', ?, ?, lower(?), c.id, c.province_code, '/', c.urban, date '2024-01-01', true"
					+ " from admin_unit c where c.id = ? returning id")
			.params("M" + UUID.randomUUID().toString().substring(0, 12), name, name, name, communeId)
			.query(Long.class)
			.single();
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(communePath + id + "/", id).update();
		return id;
	}

	/**
	 * Moves a household on 01/07/2025 to a village, as issue 15's contract has it: its
	 * address until then becomes a past row, the village's becomes current.
	 */
	void move(UUID household, long villageId) {
		this.jdbc.sql("insert into household_address_past (household_id, province_code, commune_id, village_id,"
				+ " unit_path, valid_to) select id, province_code, commune_id, village_id, unit_path, date '2025-07-01'"
				+ " from household where id = ?")
			.param(household)
			.update();
		place(household, villageId);
	}

	/** Sets a household's current address to a village (and its commune). */
	void place(UUID household, long villageId) {
		this.jdbc
			.sql("update household h set province_code = v.province_code, commune_id = v.parent_id, village_id = v.id,"
					+ " unit_path = v.path from admin_unit v where v.id = ? and h.id = ?")
			.params(villageId, household)
			.update();
	}

}
