package vn.giamngheo.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A one-sheet XLSX workbook (fastexcel) written to bytes. */
public final class Workbooks {

	private Workbooks() {
	}

	/**
	 * @param sheetName the sheet's name
	 * @param sheet fills the sheet
	 * @return the workbook's bytes
	 */
	public static byte[] book(String sheetName, Consumer<Worksheet> sheet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			sheet.accept(wb.newWorksheet(sheetName));
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
