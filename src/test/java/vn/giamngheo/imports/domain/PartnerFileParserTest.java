package vn.giamngheo.imports.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.giamngheo.benefits.BulkRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner file's rows as the parser reads them: headers by name in any order below a
 * title, an instructions sheet passed over, each value's problem at its row and column.
 */
class PartnerFileParserTest {

	static final Map<String, String> PROGRAMMES = Map.of("cho vay ho ngheo", "LOAN_POOR", "19", "LOAN_NEAR_POOR");

	static List<Raw> cells(String... texts) {
		return Arrays.stream(texts).map(Raw::of).toList();
	}

	@Test
	void headersAreFoundByNameInAnyOrderBelowATitleAndAnInstructionsSheetIsPassedOver() {
		PartnerFileParser p = new PartnerFileParser(PartnerKind.VBSP_LOANS, PROGRAMMES);
		p.row("Hướng dẫn", 1, cells("Sao kê dư nợ: mỗi khế ước một dòng"));
		p.row("Sao kê", 1, cells("NGÂN HÀNG CHÍNH SÁCH XÃ HỘI"));
		p.row("Sao kê", 3, cells("Tình trạng", "Số khế ước", "Họ tên người vay", "Mã chương trình", "Số CCCD",
				"Ngày giải ngân", "Số tiền vay", "Thời hạn (tháng)", "Lãi suất", "Dư nợ"));
		p.row("Sao kê", 4, cells("Quá hạn", "KU-1", "Nguyễn Văn A", "19", "001080000001", "15/03/2024", "50.000.000",
				"36", "6,6", "10.000.000"));
		assertThat(p.sheet()).isEqualTo("Sao kê");
		assertThat(p.problems()).isEmpty();
		BulkRecord r = p.records().get(0);
		assertThat(r.row()).isEqualTo(4);
		assertThat(r.policyCode()).isEqualTo("LOAN_NEAR_POOR");
		assertThat(r.status()).isEqualTo("OVERDUE");
		assertThat(r.amountVnd()).isEqualTo(50_000_000L);
		assertThat(r.creditVnd()).isEqualTo(50_000_000L);
		assertThat(r.periodTo()).isEqualTo(LocalDate.of(2027, 3, 14));
		assertThat(r.partnerRef()).isEqualTo("KU-1");
		assertThat(r.evidence()).contains("lãi suất 6,6 %/năm").contains("dư nợ 10000000 đ");
	}

	@Test
	void eachMalformedValueIsAProblemOfItsRowAndColumnAndTheRowIsNotRead() {
		PartnerFileParser p = new PartnerFileParser(PartnerKind.VBSP_LOANS, PROGRAMMES);
		p.row("S", 1, cells("Số khế ước", "Chương trình cho vay", "Họ và tên", "Số CCCD", "Mã hộ", "Ngày giải ngân",
				"Số tiền", "Thời hạn vay", "Tình trạng"));
		p.row("S", 2, cells("K1", "Cho vay hộ nghèo", "A", "", "", "15/03/2024", "1000", "12", "Đang vay"));
		p.row("S", 3, cells("K2", "Cho vay xe máy", "B", "001080000001", "", "31/02/2024", "abc", "0", "Đang ngủ"));
		assertThat(p.records()).isEmpty();
		assertThat(p.problems()).extracting(Problem::row).containsOnly(2, 3);
		assertThat(p.problems()).extracting(Problem::key)
			.containsExactly("imports.partner.no-identity", "imports.partner.programme", "imports.value.date",
					"imports.value.number", "imports.partner.term", "imports.partner.loan-status");
		assertThat(p.problems().get(2).column()).isEqualTo("#imports.partner.col.DISBURSED");
		assertThat(p.problems().get(2).value()).isEqualTo("31/02/2024");
	}

	@ParameterizedTest
	@CsvSource({ "đang vay,DELIVERED", "gia han,DELIVERED", "qua han,OVERDUE", "da tra,CLOSED", "da tat toan,CLOSED",
			"khong ro,''" })
	void loanStates(String folded, String status) {
		assertThat(PartnerFileParser.loanStatus(vn.giamngheo.shared.text.TextNormalizer.fold(folded)))
			.isEqualTo(status.isEmpty() ? null : status);
	}

	@Test
	void aFileWithoutTheKindsHeaderIsNotRead() {
		PartnerFileParser p = new PartnerFileParser(PartnerKind.HI_CARDS, PROGRAMMES);
		p.row("S", 1, cells("Mã hộ", "Tên chủ hộ", "Thôn"));
		p.row("S", 2, cells("H1", "A", "Thôn 1"));
		assertThat(p.headerFound()).isFalse();
		assertThat(p.rows()).isZero();
	}

}
