package vn.giamngheo.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf XHTML template to PDF with openhtmltopdf. Every document is set in
 * Liberation Serif, a free serif with the metrics of Times New Roman (the font Nghị định
 * 30/2020/NĐ-CP prescribes) and every Vietnamese letter, bundled with the application
 * (licence in {@code fonts/LiberationSerif-LICENSE.txt}) and embedded in each PDF; no
 * system font is read (ADR 0024). Shared by the review documents and the support reports
 * (ADR 0038).
 */
@Component
public class PdfRenderer {

	/** The family name the templates ask for ({@code review/pdf/form.html}). */
	public static final String FAMILY = "Liberation Serif";

	private static final String[][] FACES = { { "Regular", "400", "NORMAL" }, { "Bold", "700", "NORMAL" },
			{ "Italic", "400", "ITALIC" }, { "BoldItalic", "700", "ITALIC" } };

	private final TemplateEngine templates;

	public PdfRenderer(TemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * Renders a template with a model to a PDF.
	 * @param template the template name
	 * @param model its variables
	 * @param locale the language of its texts
	 * @return the PDF
	 */
	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		String html = this.templates.process(template, new Context(locale, model));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			for (String[] face : FACES) {
				String resource = "/fonts/LiberationSerif-" + face[0] + ".ttf";
				builder.useFont(() -> PdfRenderer.class.getResourceAsStream(resource), FAMILY,
						Integer.parseInt(face[1]), FontStyle.valueOf(face[2]), true);
			}
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
