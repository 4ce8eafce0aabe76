package vn.giamngheo.review.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.giamngheo.review.domain.Transition.CertificateAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written parts of a document as a signer reads them (Nghị định 30/2020/NĐ-CP Phụ lục
 * I): numbers and dates with their leading zeros, the number left blank for signing, unit
 * names inside sentences and an address that names each unit once.
 */
class DocumentFormTest {

	@Test
	void numbersAndDatesTakeTheirLeadingZeros() {
		assertThat(DocumentForm.numberAndSymbol(7, 2026, "GCN-HN.HCN")).isEqualTo("07/2026/GCN-HN.HCN");
		assertThat(DocumentForm.numberAndSymbol(123, 2026, "GCN-HN.HCN")).isEqualTo("123/2026/GCN-HN.HCN");
		assertThat(DocumentForm.blankNumber("QĐ-UBND")).isEqualTo("\u00a0".repeat(8) + "/QĐ-UBND");
		assertThat(DocumentForm.day(LocalDate.of(2026, 2, 3)) + "/" + DocumentForm.month(LocalDate.of(2026, 2, 3)))
			.isEqualTo("03/02");
		assertThat(DocumentForm.month(LocalDate.of(2026, 3, 15))).isEqualTo("3");
	}

	@Test
	void onlyAnIssuedOrRenewedCertificateTakesANumber() {
		assertThat(List.of(CertificateAction.values()).stream().filter(CertificateAction::numbered))
			.containsExactly(CertificateAction.ISSUE, CertificateAction.RENEW);
	}

	@Test
	void unitsAreNamedInSentencesAndAddressesNameEachUnitOnce() {
		assertThat(DocumentForm.inText("Thành phố Đà Nẵng", "Đà Nẵng")).isEqualTo("thành phố Đà Nẵng");
		assertThat(DocumentForm.inText("Phường 5", "5")).isEqualTo("Phường 5");
		assertThat(DocumentForm.place("Phường 5", "5")).isEqualTo("Phường 5");
		assertThat(DocumentForm.address("Số 12, Thôn 1, xa dang; Số 12", List.of("Xã Dang", "Dang"),
				List.of("Thôn 1", "xã Tây Giang", "thành phố Đà Nẵng")))
			.isEqualTo("Số 12, Thôn 1, xã Tây Giang, thành phố Đà Nẵng");
	}

}
