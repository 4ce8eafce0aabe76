package vn.giamngheo.shared.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a template's fragment to text, as the page would render it (the same view
 * resolver, messages, links and request context), so that a page can keep the HTML of a
 * part that depends only on stored figures and reuse it (issue 19: the dashboard's and
 * the progress page's tables are rendered once per stored view, not per request). The
 * real response is never touched: its headers, type and body stay the page's.
 */
@Component
public class Fragments {

	private final ViewResolver views;

	public Fragments(@Qualifier("thymeleafViewResolver") ViewResolver thymeleafViewResolver) {
		this.views = thymeleafViewResolver;
	}

	/**
	 * The HTML of a fragment.
	 * @param view the template and its fragment ({@code "targets/dashboard :: figures"})
	 * @param model what the fragment reads
	 * @param locale the reader's language
	 * @param request the request being served (context path, request context)
	 * @param response the response being served (left as it is)
	 * @return the fragment's HTML
	 */
	public String render(String view, Map<String, ?> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			View resolved = this.views.resolveViewName(view, locale);
			if (resolved == null) {
				throw new IllegalStateException("no template for " + view);
			}
			Captured captured = new Captured(response);
			resolved.render(model, request, captured);
			captured.writer.flush();
			return captured.text.toString();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("fragment " + view + " could not be rendered: " + ex.getMessage(), ex);
		}
	}

	/** A response whose body is kept as text and whose headers go nowhere. */
	private static final class Captured extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter();

		private final PrintWriter writer = new PrintWriter(this.text);

		Captured(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("a fragment is rendered as text");
		}

		@Override
		public void setContentType(String type) {
			// the page's own type stays
		}

		@Override
		public void setCharacterEncoding(String charset) {
			// the page's own encoding stays
		}

		@Override
		public void setLocale(Locale locale) {
			// the page's own language stays
		}

		@Override
		public void setHeader(String name, String value) {
			// the page's own headers stay
		}

		@Override
		public void addHeader(String name, String value) {
			// the page's own headers stay
		}

		@Override
		public void setStatus(int status) {
			// the page's own status stays
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		@Override
		public void resetBuffer() {
			this.text.getBuffer().setLength(0);
		}

		@Override
		public void reset() {
			resetBuffer();
		}

	}

}
