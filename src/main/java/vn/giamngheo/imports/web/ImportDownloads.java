package vn.giamngheo.imports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.giamngheo.imports.HouseholdExports;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/** Response headers of downloads, shared by the pages and the API. */
final class ImportDownloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ImportDownloads() {
	}

	static void xlsx(HttpServletResponse response, String name) {
		response.setContentType(XLSX);
		attachment(response, name);
	}

	static void attachment(HttpServletResponse response, String name) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
	}

	/** The household-list filter of an export request. */
	static HouseholdQuery query(Long unit, Long village, String classification, Integer year, String q) {
		return new HouseholdQuery(unit, village,
				(classification == null || classification.isBlank()) ? null : classification, year, q, 0, 50, "code",
				false);
	}

	/**
	 * Streams an export; the filter is checked, the export counted against the user's
	 * limit and audited before the first byte is written.
	 */
	static void export(HouseholdExports exports, String format, HouseholdQuery query, Locale locale,
			HttpServletResponse response) throws IOException {
		String f = (format == null) ? "xlsx" : format.toLowerCase(Locale.ROOT);
		if (!List.of("xlsx", "csv").contains(f)) {
			throw DomainException.invalid(List.of(new FieldProblem("format", "error.field.invalid", format)));
		}
		HouseholdExports.Prepared export = exports.prepare(query, f.toUpperCase(Locale.ROOT));
		if ("csv".equals(f)) {
			response.setContentType("text/csv;charset=UTF-8");
			attachment(response, "ho-gia-dinh.csv");
			exports.csv(export, locale, response.getOutputStream());
		}
		else {
			exports.xlsx(export, locale, new AtFirstByte(response), () -> xlsx(response, "ho-gia-dinh.xlsx"));
		}
	}

	/**
	 * The response's stream, taken at the first byte: an export refused before it (server
	 * busy) can still answer with a page.
	 */
	static final class AtFirstByte extends OutputStream {

		private final HttpServletResponse response;

		private OutputStream out;

		AtFirstByte(HttpServletResponse response) {
			this.response = response;
		}

		private OutputStream out() throws IOException {
			if (this.out == null) {
				this.out = this.response.getOutputStream();
			}
			return this.out;
		}

		@Override
		public void write(int b) throws IOException {
			out().write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out().write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			out().flush();
		}

		@Override
		public void close() throws IOException {
			out().close();
		}

	}

}
