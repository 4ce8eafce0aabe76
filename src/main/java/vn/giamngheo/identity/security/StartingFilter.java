package vn.giamngheo.identity.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Refuses every request (503 with {@code Retry-After}) until the application is ready:
 * the web server listens before the start-up work is done (the demo load, one transaction
 * of a minute or two), and a user who signed in meanwhile worked on a half-loaded
 * registry (an import found the communes but none of their villages). The health probes
 * and the style sheets and scripts still answer; a browser gets a short page that reloads
 * itself ({@code templates/error/starting.html}), other clients problem+json.
 */
public class StartingFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "10";

	private final ApplicationAvailability availability;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ProblemResponses problems;

	private final ITemplateEngine templates;

	public StartingFilter(ApplicationAvailability availability, MessageSource messages, LocaleResolver locales,
			ProblemResponses problems, ITemplateEngine templates) {
		this.availability = availability;
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = this.locales.resolveLocale(request);
		// the dispatcher is not reached: the problem's title in the request's language
		// too
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		String message = this.messages.getMessage("error.starting", null, locale);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
			this.problems.writeDetail(request, response, 503, "BUSY", message);
			return;
		}
		response.setStatus(503);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), locale, Map.of("refresh", RETRY_AFTER_SECONDS));
		this.templates.process("error/starting", page, response.getWriter());
	}

}
