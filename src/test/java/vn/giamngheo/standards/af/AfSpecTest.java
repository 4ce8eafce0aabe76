package vn.giamngheo.standards.af;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AfSpecTest {

	static AfSpec spec(String legalBasis) {
		return new AfSpec(List.of("A", "B"), List.of(Fraction.of(1, 2), Fraction.of(1, 2)), Fraction.of(1, 2),
				legalBasis, true);
	}

	@Test
	void aCitationWrittenInBothLanguagesIsShownInTheReadersOne() {
		AfSpec s = spec("Nghị định 07/2021/NĐ-CP, Điều 3 — k = 3/12 / Decree 07/2021/NĐ-CP, Art. 3 — k = 3/12");
		assertThat(s.legalBasisIn("vi")).isEqualTo("Nghị định 07/2021/NĐ-CP, Điều 3 — k = 3/12");
		assertThat(s.legalBasisIn("en")).isEqualTo("Decree 07/2021/NĐ-CP, Art. 3 — k = 3/12");
	}

	@Test
	void aCitationInOneLanguageOrAmbiguousIsShownWhole() {
		assertThat(spec("Nghị định 07/2021/NĐ-CP").legalBasisIn("en")).isEqualTo("Nghị định 07/2021/NĐ-CP");
		assertThat(spec("a / b / c").legalBasisIn("vi")).isEqualTo("a / b / c");
		assertThat(spec(null).legalBasisIn("vi")).isNull();
	}

}
