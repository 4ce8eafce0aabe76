package vn.giamngheo.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.af.Fraction;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alkire–Foster H, A, M0 and contributions read from the aggregates, on six households of
 * two communes in 2023 (standard 2022–2025: twelve indicators weighted 1/12, k = 3/12),
 * computed by hand and by the engine {@code standards.af} run directly on the same
 * households.
 */
@IntegrationTest
class AlkireFosterAggregatesIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	UserRepository users;

	@Autowired
	StandardCatalogue standards;

	Territory t;

	long[] a;

	long[] b;

	@BeforeEach
	void setUp() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.t.deprivedHousehold(this.a, false, 4, 2023, "EMP", "HIN", "WAT", "SAN"); // poor,
																						// 4/12
		this.t.deprivedHousehold(this.a, false, 2, 2023, "HIN", "WAT", "TEL"); // poor,
																				// 3/12 =
																				// k
		this.t.deprivedHousehold(this.a, false, 3, 2023, "WAT", "SAN"); // not poor: 2/12
																		// < k
		this.t.deprivedHousehold(this.a, false, 5, 2023);
		this.t.deprivedHousehold(this.b, true, 1, 2023, "EMP", "DEP", "NUT", "HIN", "AED"); // poor,
																							// 5/12
		this.t.deprivedHousehold(this.b, false, 3, 2023, "TEL");
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0]));
		SignedInUser admin = this.users.findPrincipal("admin").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private AfReport report(long unit, Group group) {
		return this.aggregates.alkireFoster(unit, 2023, group, Locale.forLanguageTag("vi"));
	}

	private static Fraction f(long n, long d) {
		return Fraction.of(n, d);
	}

	@Test
	void districtMeasuresMatchTheHandComputation() {
		AfReport r = report(this.t.districtId, Group.ALL);
		assertThat(r.standardKey()).isEqualTo("2022-2025");
		assertThat(r.spec().k()).isEqualTo(f(3, 12));
		assertThat(r.spec().verified()).isTrue();
		assertThat(r.spec().legalBasis()).contains("Nghị định 07/2021/NĐ-CP");
		AlkireFoster.Result d = r.total().households(r.spec());
		// 3 of 6 households have a score of at least 3/12
		assertThat(d.headcount()).isEqualTo(f(1, 2));
		// their scores 4/12 + 3/12 + 5/12 = 1, over 3 poor households
		assertThat(d.intensity()).isEqualTo(f(1, 3));
		assertThat(d.adjustedHeadcount()).isEqualTo(f(1, 6));
		int hin = r.spec().indicators().indexOf("HIN");
		int wat = r.spec().indicators().indexOf("WAT");
		int san = r.spec().indicators().indexOf("SAN");
		// HIN: 3 poor households deprived -> w x 3/6 = 1/24 of M0 1/6 = 25%
		assertThat(d.censored().get(hin)).isEqualTo(f(1, 2));
		assertThat(d.contributionShares().get(hin)).isEqualTo(f(1, 4));
		// WAT: 3 deprived, of which the non-poor third household is censored out
		assertThat(d.uncensored().get(wat)).isEqualTo(f(1, 2));
		assertThat(d.censored().get(wat)).isEqualTo(f(1, 3));
		assertThat(d.contributionShares().get(san)).isEqualTo(f(1, 12));
		assertThat(d.contributionShares().stream().reduce(Fraction.ZERO, Fraction::add)).isEqualTo(Fraction.ONE);
		// the figures shown on the page
		assertThat(r.total().figures().afHeadcount()).isEqualTo(50.0);
		assertThat(r.total().figures().afIntensity()).isEqualTo(33.33);
		assertThat(r.total().figures().afM0()).isEqualTo(0.1667);
		assertThat(r.indicatorNames()).containsEntry("HIN", "Bảo hiểm y tế");
	}

	@Test
	void aggregatesAgreeWithTheEngineRunOnTheSameHouseholds() {
		AfReport r = report(this.t.districtId, Group.ALL);
		AfSpec spec = this.standards.find("2022-2025").orElseThrow().alkireFosterSpec().orElseThrow();
		AlkireFoster engine = spec.measure();
		AlkireFoster.Accumulator acc = engine.accumulator();
		List<String[]> rows = this.jdbc
			.sql("select s.deprivations from household_assessment s join household h on h.id = s.household_id"
					+ " where h.commune_id = any(?) and s.year = 2023")
			.param(new Long[] { this.a[0], this.b[0] })
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.list();
		assertThat(rows).hasSize(6);
		for (String[] deprivations : rows) {
			long mask = 0;
			for (String code : deprivations) {
				mask |= 1L << spec.indicators().indexOf(code);
			}
			acc.add(mask, 1, null);
		}
		assertThat(r.total().households(spec)).isEqualTo(acc.result());
	}

	@Test
	void districtIsTheSumOfItsCommunes() {
		AfReport r = report(this.t.districtId, Group.ALL);
		assertThat(r.children()).extracting(AfUnit::unitId).containsExactlyInAnyOrder(this.a[0], this.b[0]);
		Map<Long, AfUnit> byId = new java.util.HashMap<>();
		r.children().forEach((c) -> byId.put(c.unitId(), c));
		AfUnit ca = byId.get(this.a[0]);
		AfUnit cb = byId.get(this.b[0]);
		assertThat(ca.households(r.spec()).adjustedHeadcount()).isEqualTo(f(7, 48));
		assertThat(cb.households(r.spec()).intensity()).isEqualTo(f(5, 12));
		Figures fa = ca.figures();
		Figures fb = cb.figures();
		Figures fd = r.total().figures();
		assertThat(fd.households()).isEqualTo(fa.households() + fb.households());
		assertThat(fd.afPoorHouseholds()).isEqualTo(fa.afPoorHouseholds() + fb.afPoorHouseholds());
		assertThat(fd.afPoorPersons()).isEqualTo(4 + 2 + 1);
		assertThat(fd.afScore()).isEqualTo(fa.afScore() + fb.afScore());
		r.total().indicators().forEach((code, sums) -> {
			for (int k = 0; k < 4; k++) {
				long sum = ca.indicators().getOrDefault(code, new long[4])[k]
						+ cb.indicators().getOrDefault(code, new long[4])[k];
				assertThat(sums[k]).as(code + "[" + k + "]").isEqualTo(sum);
			}
		});
		// and the commune read on its own gives the same as the commune row of the
		// district
		assertThat(report(this.a[0], Group.ALL).total().households(r.spec())).isEqualTo(ca.households(r.spec()));
	}

	@Test
	void groupsKeepTheirOwnIndicatorSums() {
		AfReport r = report(this.t.districtId, Group.parse("ETHNIC_MINORITY"));
		AlkireFoster.Result m = r.total().households(r.spec());
		assertThat(m.n()).isEqualTo(1);
		assertThat(m.headcount()).isEqualTo(Fraction.ONE);
		assertThat(m.adjustedHeadcount()).isEqualTo(f(5, 12));
		assertThat(m.censored().get(r.spec().indicators().indexOf("WAT"))).isEqualTo(Fraction.ZERO);
	}

}
