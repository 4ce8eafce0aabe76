package vn.giamngheo.programmes.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts as officers type them and the rules of a fund line, without Spring or a
 * database.
 */
class FundRulesTest {

	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|',
			value = { "1.250.000.000|1250000000", "1 250 000 000|1250000000", "1250000000|1250000000",
					"'  1.250.000.000 đ '|1250000000", "1.250.000 VND|1250000", "0|0", "''|0", "999|999", "1.000|1000",
					"12 345|12345", "'1\u00a0250\u00a0000'|1250000" })
	void readsWholeDong(String typed, long expected) {
		Amounts.Parsed p = Amounts.parse(typed);
		assertThat(p.problem()).isNull();
		assertThat(p.value()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "\"{0}\" refused: {1}")
	@CsvSource(delimiter = '|',
			value = { "-5|negative", "-1.000|negative", "1,5|not-whole", "1.250,50|not-whole", "1.25|not-a-number",
					"12.34.567|not-a-number", "1.2345|not-a-number", "abc|not-a-number", "1.000 000|not-a-number",
					"1e6|not-a-number", "1234567890123456789|too-large", ".|not-a-number" })
	void refusesWhatIsNotWholeNonNegativeDong(String typed, String problem) {
		Amounts.Parsed p = Amounts.parse(typed);
		assertThat(p.value()).isNull();
		assertThat(p.problem()).isEqualTo(problem);
	}

	@Test
	void formatsAsPagesWriteMoney() {
		assertThat(Amounts.format(1_250_000_000L)).isEqualTo("1.250.000.000 đ");
		assertThat(Amounts.format(0)).isEqualTo("0 đ");
		assertThat(Amounts.format(999)).isEqualTo("999 đ");
	}

	@ParameterizedTest(name = "allocated {0}, disbursed {1}: refused {2}")
	@CsvSource({ "1.000.000, 1.000.000, false", "1.000.000, 1.000.001, true", "0, 0, false", "0, 1, true",
			"5.000, 4.999, false" })
	void disbursedNeverAboveAllocated(String allocated, String disbursed, boolean refused) {
		FundRules.Checked c = FundRules.check("", allocated, disbursed);
		assertThat(c.problems().isEmpty()).isEqualTo(!refused);
		if (refused) {
			FundRules.Problem p = c.problems().get(0);
			assertThat(p.field()).isEqualTo("disbursed");
			assertThat(p.rule()).isTrue();
			assertThat(p.args()).containsExactly(Amounts.format(Amounts.parse(disbursed).value()),
					Amounts.format(Amounts.parse(allocated).value()));
		}
	}

	@Test
	void anUnreadableAmountIsNotARuleAndIsNamed() {
		FundRules.Checked c = FundRules.check("1,5", "2.000", "abc");
		assertThat(c.problems()).extracting(FundRules.Problem::field).containsExactly("planned", "disbursed");
		assertThat(c.problems()).noneMatch(FundRules.Problem::rule);
	}

	@Test
	void aSubProjectsMoneyCountsInItsProject() {
		assertThat(FundRules.projectOf("DA3.TDA1")).isEqualTo("DA3");
		assertThat(FundRules.projectOf("DA3.TDA2.ND1")).isEqualTo("DA3");
		assertThat(FundRules.projectOf("DA7")).isEqualTo("DA7");
	}

	@Test
	void nodesInReadingOrder() {
		List<String> nodes = new java.util.ArrayList<>(List.of("DA10", "DA2", "DA1.TDA2", "DA1", "DA1.TDA10"));
		nodes.sort(FundRules.NODE_ORDER);
		assertThat(nodes).containsExactly("DA1", "DA1.TDA2", "DA1.TDA10", "DA2", "DA10");
	}

	@Test
	void sourcesFallInTheGroupsUsersSee() {
		assertThat(Sources.ALL).extracting(Sources::groupOf)
			.containsExactly("CENTRAL", "CENTRAL", "LOCAL", "POLICY_CREDIT", "MOBILISED", "MOBILISED", "MOBILISED",
					"MOBILISED");
	}

}
