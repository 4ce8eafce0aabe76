package vn.giamngheo.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's workbook reads back as written, in a spreadsheet reader and as XML. */
class StreamingXlsxTest {

	@Test
	void textNumbersAndDatesReadBackAsWrittenAndEveryPartIsWellFormedXml() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StreamingXlsx xlsx = new StreamingXlsx(out, "Hộ & nhân khẩu");
		xlsx.header(List.of("Mã hộ", "Họ và tên", "Ngày sinh", "Thu nhập", "Ghi chú"));
		xlsx.row(Arrays.asList("49-0001", "Nguyễn Thị Ánh", LocalDate.of(1985, 7, 9), 1_250_000L, "a < b & c > d"));
		xlsx.row(Arrays.asList("49-0002", null, LocalDate.of(1899, 5, 1), 2024, "tab\there\u0001 bell, 😀 emoji"));
		xlsx.finish();
		byte[] bytes = out.toByteArray();

		List<List<Cell>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes),
				new ReadingOptions(true, false))) {
			assertThat(wb.getFirstSheet().getName()).isEqualTo("Hộ & nhân khẩu");
			for (Row r : wb.getFirstSheet().read()) {
				List<Cell> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCell(c));
				}
				rows.add(cells);
			}
		}
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).get(1).getText()).isEqualTo("Họ và tên");
		assertThat(rows.get(1).get(1).getText()).isEqualTo("Nguyễn Thị Ánh");
		Cell dob = rows.get(1).get(2);
		assertThat(dob.getType()).isEqualTo(CellType.NUMBER);
		assertThat(dob.getDataFormatString()).isEqualTo("dd/mm/yyyy");
		assertThat(dob.asDate().toLocalDate()).isEqualTo(LocalDate.of(1985, 7, 9));
		assertThat(rows.get(1).get(3).asNumber()).isEqualByComparingTo(new BigDecimal(1_250_000));
		assertThat(rows.get(1).get(4).getText()).isEqualTo("a < b & c > d");
		Cell empty = rows.get(2).get(1);
		assertThat(empty == null || empty.getType() == CellType.EMPTY).as("null leaves the cell empty").isTrue();
		assertThat(rows.get(2).get(2).getText()).as("before Excel's day numbers: text").isEqualTo("01/05/1899");
		assertThat(rows.get(2).get(4).getText()).isEqualTo("tab\there bell, 😀 emoji");

		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			int parts = 0;
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				byte[] xml = zip.readAllBytes();
				DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
				parts++;
			}
			assertThat(parts).isEqualTo(6);
		}
	}

}
