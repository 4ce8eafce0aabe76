package vn.giamngheo.identity.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes security refusals of the API as problem+json (401 / 403) instead of a redirect
 * to the login page, and logs each refusal as a security event (method, path, user name —
 * never personal data).
 */
@Component
public class ProblemResponses implements AuthenticationEntryPoint {

	static final Logger SECURITY_LOG = LoggerFactory.getLogger("vn.giamngheo.security");

	private final MessageSource messages;

	private final ObjectMapper json;

	/**
	 * The application's resolver (language cookie, Vietnamese by default): the security
	 * filters run before the dispatcher sets it on the request, where the request's own
	 * locale would be the browser's language.
	 */
	private final LocaleResolver locales;

	public ProblemResponses(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
		this.locales = locales;
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, 401, "UNAUTHENTICATED", "error.http.401");
	}

	/** Access denied for the API: problem+json 403 (CSRF failures logged as such). */
	public AccessDeniedHandler apiDenied() {
		return (request, response, ex) -> {
			logDenied(request, ex);
			write(request, response, 403, "FORBIDDEN", (ex instanceof CsrfException) ? "error.csrf" : "error.http.403");
		};
	}

	/** Access denied for pages: the standard 403 error page, logged. */
	public AccessDeniedHandler pageDenied() {
		AccessDeniedHandlerImpl delegate = new AccessDeniedHandlerImpl();
		return (request, response, ex) -> {
			logDenied(request, ex);
			delegate.handle(request, response, ex);
		};
	}

	private static void logDenied(HttpServletRequest request, AccessDeniedException ex) {
		String user = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "-";
		if (ex instanceof CsrfException) {
			SECURITY_LOG.warn("csrf-failure user={} method={} path={}", user, request.getMethod(),
					request.getRequestURI());
		}
		else {
			SECURITY_LOG.warn("access-denied user={} method={} path={}", user, request.getMethod(),
					request.getRequestURI());
		}
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String key)
			throws IOException {
		writeDetail(request, response, status, code,
				this.messages.getMessage(key, null, key, this.locales.resolveLocale(request)));
	}

	void writeDetail(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail)
			throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:giamngheo:error:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
		problem.put("title", this.messages.getMessage("error.http." + status, null, code, locale));
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
