package vn.giamngheo.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates.Span;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.TargetProgress;
import vn.giamngheo.targets.Targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures across the reform of 1 July 2025 (issue 15 item 4, ADR 0031), moves simulated
 * through the contract of V55 (a past row, then the household's new current address). An
 * old district of Quảng Nam (2024 list, ended 30/06/2025) with commune A (wholly into the
 * new commune N1) and commune B, split: its village B1 goes to the new commune N2, its
 * village B2 is not placed yet and waits in Thành phố Đà Nẵng's "chưa xác định xã mới"
 * bucket. Seven households assessed 2021–2025.
 */
@IntegrationTest
class FiguresAcrossReformIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	Aggregates aggregates;

	@Autowired
	vn.giamngheo.analytics.persistence.AggregateRepository repository;

	@Autowired
	Targets targets;

	@Autowired
	UserRepository users;

	@Autowired
	MockMvc mvc;

	Territory t;

	long[] a;

	long[] b;

	long b2;

	long province49;

	long province48;

	long n1;

	long n2;

	long placeholder;

	Map<Long, long[]> newVillage = new LinkedHashMap<>();

	List<UUID> inA;

	List<UUID> inB1;

	List<UUID> inB2;

	@BeforeEach
	void setUp() {
		SignedInUser admin = this.users.findPrincipal("admin").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		// the old units are of the 2024 list: they ended on 30/06/2025
		this.jdbc.sql("update admin_unit set edition = '2024', valid_to = date '2025-06-30' where id in (?, ?, ?)")
			.params(this.t.districtId, this.a[0], this.b[0])
			.update();
		this.b2 = village(this.b[0], "V" + this.t.tag + "B2", "Thôn 2 B" + this.t.tag);
		this.province49 = this.t.provinceId;
		this.province48 = this.jdbc
			.sql("select id from admin_unit where level = 'province' and edition = '2025' and code = '48'")
			.query(Long.class)
			.single();
		this.n1 = commune2025("N1" + this.t.tag, "Xã Mới Một " + this.t.tag, false);
		this.n2 = commune2025("N2" + this.t.tag, "Xã Mới Hai " + this.t.tag, false);
		this.placeholder = this.jdbc
			.sql("select id from admin_unit where placeholder and parent_id = ? order by id limit 1")
			.param(this.province48)
			.query(Long.class)
			.optional()
			.orElseGet(() -> commune2025("48-CXD", "Chưa xác định xã mới", true));
		// 2021 2022 2023 2024 2025
		this.inA = List.of(this.t.household(this.a, true, false, 4, 900_000, 2021, "PPPNO"),
				this.t.household(this.a, false, false, 3, 1_500_000, 2021, "NNOOO"),
				this.t.household(this.a, false, false, 5, 5_000_000, 2021, "OOOOP"));
		this.inB1 = List.of(this.t.household(this.b, true, false, 2, 800_000, 2021, "PPPPP"),
				this.t.household(this.b, false, true, 6, 4_000_000, 2021, "OONOO"));
		this.inB2 = List.of(household(this.b, this.b2, "PPNNO"), household(this.b, this.b2, "OOOPP"));
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0]));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void provinceAndOldUnitFiguresOfEveryYearAreTheSameAfterTheMove() {
		Map<Integer, Figures> old49 = byYear(this.aggregates.cube(this.province49, from(), to(), Span.CONTINUED));
		Map<Integer, Figures> district = byYear(this.aggregates.series(this.t.districtId, Group.ALL));
		Map<Integer, Figures> da48 = byYear(this.aggregates.series(this.province48, Group.ALL));
		assertThat(district.keySet()).containsExactly(2021, 2022, 2023, 2024);

		moveAll();

		// the old province and district: every year before the reform unchanged, and no
		// 2025 on the ended district (its series ends where it ended)
		Map<Integer, Figures> district2 = byYear(this.aggregates.series(this.t.districtId, Group.ALL));
		assertThat(district2).isEqualTo(district);
		assertThat(district2.get(2023).households()).isEqualTo(7);
		Map<Integer, Figures> old49after = byYear(this.aggregates.cube(this.province49, from(), to(), Span.CONTINUED));
		assertThat(old49after).isEqualTo(old49);
		// the new city: this district's 2025 households are in it now, none dropped
		Map<Integer, Figures> da48after = byYear(this.aggregates.series(this.province48, Group.ALL));
		Figures before2025 = da48.get(2025);
		long households = (before2025 == null) ? 0 : before2025.households();
		long poor = (before2025 == null) ? 0 : before2025.poorHouseholds();
		assertThat(da48after.get(2025).households()).isEqualTo(households + 7);
		// 2025 poor: the third of A, B1's first, B2's second
		assertThat(da48after.get(2025).poorHouseholds()).isEqualTo(poor + 3);
	}

	@Test
	void theCityAndTheOldProvinceRefreshedTogetherGiveTheRowsOfTheirCommunesRefreshedOneByOne() {
		moveAll();
		Map<String, List<String>> byCommune = rows();
		// Thành phố Đà Nẵng (48) with the old Quảng Nam (49) its households lived in: one
		// refresh, each household read by one part
		RefreshReport report = this.aggregates.refreshByUser("48");
		assertThat(rows()).isEqualTo(byCommune);
		assertThat(byCommune.get("agg_commune_year")).isNotEmpty();
		assertThat(report.communes()).isGreaterThanOrEqualTo(4);
		// what makes one part read them: the old communes are linked to the new ones
		assertThat(this.repository.communesLinked(List.of(this.a[0], this.b[0], this.n1, this.n2)))
			.extracting((l) -> l[0] + ">" + l[1])
			.contains(this.n1 + ">" + this.a[0], this.n2 + ">" + this.b[0]);
	}

	/** The aggregate rows of this test's communes, as text, by table. */
	Map<String, List<String>> rows() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String table : List.of("agg_commune_year", "agg_deprivation", "agg_flow", "agg_cohort")) {
			rows.put(table,
					this.jdbc
						.sql("select (to_jsonb(t) - 'id' - 'refreshed_at')::text from " + table
								+ " t where commune_id in (?, ?, ?, ?) order by 1")
						.params(this.a[0], this.b[0], this.n1, this.n2)
						.query(String.class)
						.list());
		}
		return rows;
	}

	@Test
	void anUndoneMoveGivesBackTheFiguresOfBefore() {
		Map<Integer, Figures> continued = byYear(this.aggregates.cube(this.t.districtId, from(), to(), Span.CONTINUED));
		Map<Long, Figures> before = children(this.province48, 2025);
		moveAll();
		assertThat(children(this.province48, 2025).get(this.n1).households()).isEqualTo(3);
		// the undo: each past row becomes the current address again and is deleted
		JdbcClient owner = JdbcClient.create(this.owner);
		for (UUID h : java.util.stream.Stream.of(this.inA, this.inB1, this.inB2).flatMap(List::stream).toList()) {
			owner
				.sql("update household h set province_code = p.province_code, commune_id = p.commune_id,"
						+ " village_id = p.village_id, unit_path = p.unit_path from household_address_past p"
						+ " where p.household_id = h.id and h.id = ?")
				.param(h)
				.update();
			owner.sql("delete from household_address_past where household_id = ?").param(h).update();
		}
		// an undo marks the communes it moves households from and to
		this.aggregates.refreshCommunes(List.of(this.n1, this.n2, this.placeholder, this.a[0], this.b[0]));
		assertThat(children(this.province48, 2025)).isEqualTo(before);
		assertThat(byYear(this.aggregates.cube(this.t.districtId, from(), to(), Span.CONTINUED))).isEqualTo(continued);
		assertThat(this.aggregates.series(this.n1, Group.ALL)).isEmpty();
	}

	@Test
	void anEndedUnitsPageSaysItsSeriesStopsWhereItEnded() throws Exception {
		moveAll();
		this.mvc
			.perform(get("/dashboards").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(signedIn())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("thôi hoạt động từ ngày 01/07/2025: số liệu dừng ở năm 2024")));
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(signedIn())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(4))
			.andExpect(jsonPath("$[3].year").value(2024))
			.andExpect(jsonPath("$[3].basis").value("OWN"));
	}

	@Test
	void aSplitCommunesHouseholdsLandInTheChosenCommunesAndThePlaceholderIsItsOwnRow() {
		Map<Long, Figures> before = children(this.province48, 2025);
		moveAll();
		Map<Long, Figures> after = children(this.province48, 2025);
		assertThat(after.get(this.n1).households()).isEqualTo(3);
		assertThat(after.get(this.n2).households()).isEqualTo(2);
		long waiting = (before.get(this.placeholder) == null) ? 0 : before.get(this.placeholder).households();
		assertThat(after.get(this.placeholder).households()).isEqualTo(waiting + 2);
		assertThat(this.aggregates.byChildren(this.province48, 2025, Group.ALL)
			.stream()
			.filter((u) -> u.unitId() == this.placeholder)
			.findFirst()
			.orElseThrow()
			.name()).isEqualTo("Chưa xác định xã mới");
		// the old communes keep their years before the reform and have none after
		assertThat(byYear(this.aggregates.series(this.b[0], Group.ALL)).keySet()).containsExactly(2021, 2022, 2023,
				2024);
	}

	@Test
	void aNewCommunesSeriesBackTo2021IsTheSumOfItsHouseholdsOldFigures() throws Exception {
		Map<Integer, Figures> oldA = byYear(this.aggregates.series(this.a[0], Group.ALL));
		moveAll();
		Map<Integer, Figures> n1 = byYear(this.aggregates.series(this.n1, Group.ALL));
		assertThat(n1.keySet()).containsExactly(2021, 2022, 2023, 2024, 2025);
		for (int year = 2021; year <= 2024; year++) {
			assertThat(n1.get(year)).as("N1 re-based " + year).isEqualTo(oldA.get(year));
		}
		// N2 holds only village B1 of the split commune B: its two households, not B's
		// four
		Map<Integer, Figures> n2 = byYear(this.aggregates.series(this.n2, Group.ALL));
		assertThat(n2.get(2023).households()).isEqualTo(2);
		assertThat(n2.get(2023).poorHouseholds()).isEqualTo(1);
		assertThat(n2.get(2023).nearPoorHouseholds()).isEqualTo(1);
		assertThat(n2.get(2023).persons()).isEqualTo(8);
		YearStatuses statuses = this.aggregates.statuses(this.n1);
		assertThat(statuses.of(2024).orElseThrow().basis()).isEqualTo(YearStatus.Basis.REBASED);
		assertThat(statuses.of(2025).orElseThrow().basis()).isEqualTo(YearStatus.Basis.OWN);
		// the API and the page say which years are re-based
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", String.valueOf(this.n1))
				.with(authentication(signedIn())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].year").value(2021))
			.andExpect(jsonPath("$[0].basis").value("REBASED"))
			.andExpect(jsonPath("$[4].basis").value("OWN"));
		this.mvc.perform(get("/dashboards").param("unit", String.valueOf(this.n1)).with(authentication(signedIn())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tính lại theo địa giới mới")));
	}

	@Test
	void aChangeMarkedOnTheNewCommuneReachesTheOldCommunesYears() {
		moveAll();
		long before = this.aggregates.series(this.b[0], Group.ALL)
			.stream()
			.filter((f) -> f.year() == 2022)
			.findFirst()
			.orElseThrow()
			.poorHouseholds();
		// a 2022 assessment of a household of B2 (now waiting in the bucket) corrected
		this.jdbc.sql("update household_assessment set classification = 'POOR' where household_id = ? and year = 2022")
			.param(this.inB2.get(1))
			.update();
		this.aggregates.refreshCommunes(List.of(this.placeholder));
		long after = this.aggregates.series(this.b[0], Group.ALL)
			.stream()
			.filter((f) -> f.year() == 2022)
			.findFirst()
			.orElseThrow()
			.poorHouseholds();
		assertThat(after).isEqualTo(before + 1);
	}

	@Test
	void quangNamsResolutionIsJudgedOnTheSameValuesAfterTheMove() throws Exception {
		this.targets.loadBundled();
		Resolution qn = this.targets.resolutions()
			.stream()
			.filter((r) -> "QNA-TU-2021-2025".equals(r.code()))
			.findFirst()
			.orElseThrow();
		assertThat(qn.scopeUnitId()).isEqualTo(this.province49);
		Map<String, Object> before = progress(qn);
		YearStatus district = this.aggregates.statuses(this.t.districtId, Span.CONTINUED).of(2025).orElseThrow();
		moveAll();
		assertThat(progress(qn)).isEqualTo(before);
		// the district's own progress reads its 2025 through its households of
		// 30/06/2025,
		// and so does its "k of M households": not the households living in its old
		// communes now, none once they are moved
		YearStatus moved = this.aggregates.statuses(this.t.districtId, Span.CONTINUED).of(2025).orElseThrow();
		assertThat(moved.basis()).isEqualTo(YearStatus.Basis.CONTINUED);
		assertThat(district.households()).isPositive();
		assertThat(moved.households()).isEqualTo(district.households());
		this.mvc.perform(get("/targets/resolutions/{id}", qn.id()).with(authentication(signedIn())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tính theo các hộ có địa chỉ thuộc đơn vị ngày 30/06/2025")));
	}

	Map<String, Object> progress(Resolution r) {
		return this.targets.progress(r.id(), null)
			.stream()
			.collect(Collectors.toMap((p) -> p.target().code(),
					(p) -> List.of(p.evaluation().verdict(), p.evaluation().points(), String.valueOf(p.provisional())),
					(x, y) -> x, LinkedHashMap::new));
	}

	org.springframework.security.core.Authentication signedIn() {
		SignedInUser admin = this.users.findPrincipal("admin").orElseThrow();
		return UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities());
	}

	static LocalDate from() {
		return LocalDate.of(1900, 1, 1);
	}

	static LocalDate to() {
		return LocalDate.of(2999, 12, 31);
	}

	static Map<Integer, Figures> byYear(List<Figures> series) {
		return series.stream().collect(Collectors.toMap(Figures::year, Function.identity()));
	}

	static Map<Integer, Figures> byYear(Cube cube) {
		return byYear(cube.series(Group.ALL));
	}

	Map<Long, Figures> children(long unit, int year) {
		return this.aggregates.byChildren(unit, year, Group.ALL)
			.stream()
			.collect(Collectors.toMap(UnitFigures::unitId, UnitFigures::figures));
	}

	/** The reform's move: A to N1, B's village 1 to N2, its village 2 to the bucket. */
	void moveAll() {
		JdbcClient owner = JdbcClient.create(this.owner);
		this.inA.forEach((h) -> move(owner, h, this.n1));
		this.inB1.forEach((h) -> move(owner, h, this.n2));
		this.inB2.forEach((h) -> move(owner, h, this.placeholder));
		// marked on the new communes only: their households' old communes come with them
		this.aggregates.refreshCommunes(List.of(this.n1, this.n2, this.placeholder));
	}

	void move(JdbcClient owner, UUID household, long commune) {
		long[] village = this.newVillage.computeIfAbsent(commune, (c) -> {
			long id = village(c, "V" + this.t.tag + c, "Thôn mới " + c);
			return new long[] { id };
		});
		Territory.move(owner, household, "48", commune, village[0]);
	}

	long commune2025(String code, String name, boolean placeholder) {
		String path = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(this.province48)
			.query(String.class)
			.single();
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic, placeholder) values (?, '2025', 'commune', 2,"
					+ " 'Xã', ?, ?, ?, ?, '48', '/', false, date '2025-07-01', false, ?) returning id")
			.params(code, name, name, name.toLowerCase(), this.province48, placeholder)
			.query(Long.class)
			.single();
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(path + id + "/", id).update();
		return id;
	}

	long village(long commune, String code, String name) {
		String path = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(commune)
			.query(String.class)
			.single();
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) select ?, 'local', 'village', depth + 1,"
					+ " 'Thôn', ?, ?, ?, id, province_code, '/', false, date '2010-01-01', false from admin_unit"
					+ " where id = ? returning id")
			.params(code, name, name, name.toLowerCase(), commune)
			.query(Long.class)
			.single();
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(path + id + "/", id).update();
		return id;
	}

	/** A household of village {@code village} of a commune, assessed from 2021. */
	UUID household(long[] commune, long village, String classes) {
		UUID id = this.t.household(commune, false, false, 3, 1_000_000, 2021, classes);
		this.jdbc
			.sql("update household set village_id = ?, unit_path = (select path from admin_unit where id = ?)"
					+ " where id = ?")
			.params(village, village, id)
			.update();
		return id;
	}

}
