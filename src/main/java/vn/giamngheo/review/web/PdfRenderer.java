package vn.giamngheo.review.web;

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
 * Renders a Thymeleaf XHTML template to PDF with openhtmltopdf and the bundled DejaVu
 * Sans font (full Vietnamese coverage; licence in {@code fonts/DejaVu-LICENSE.txt}).
 */
@Component
class PdfRenderer {

	private static final String FAMILY = "DejaVu Sans";

	private final TemplateEngine templates;

	PdfRenderer(TemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> model, Locale locale) {
		String html = this.templates.process(template, new Context(locale, model));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> PdfRenderer.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FAMILY, 400,
					FontStyle.NORMAL, true);
			builder.useFont(() -> PdfRenderer.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FAMILY, 700,
					FontStyle.NORMAL, true);
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
