package vn.giamngheo.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.throttle.Throttle;

/**
 * In front of the login form: a client that must still wait for the account it tries (or
 * for every account, after failures across many) gets 429 with {@code Retry-After} and a
 * message saying when to try again; the password is then not checked. A browser gets the
 * login page with that message, other clients problem+json. The client is the request's
 * remote address, which behind the trusted proxy is the real client (ADR 0019).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

	/** Request attribute with the message the login page shows. */
	public static final String DELAY_MESSAGE = "loginDelay";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final LoginThrottle throttle;

	private final Clock clock;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ProblemResponses problems;

	public LoginThrottleFilter(LoginThrottle throttle, Clock clock, MessageSource messages, LocaleResolver locales,
			ProblemResponses problems) {
		this.throttle = throttle;
		this.clock = clock;
		this.messages = messages;
		this.locales = locales;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		Duration wait = this.throttle.wait(username, Throttle.client(request.getRemoteAddr()));
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
		ProblemResponses.SECURITY_LOG.warn("login-throttled user={} retry-after={}s", SecurityEvents.safe(username),
				seconds);
		Locale locale = this.locales.resolveLocale(request);
		String when = TIME.format(this.clock.instant().plusSeconds(seconds).atZone(ClockConfiguration.VIETNAM));
		String message = this.messages.getMessage("login.delayed", new Object[] { when, (seconds + 59) / 60 }, locale);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		String accept = request.getHeader("Accept");
		if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
			this.problems.writeDetail(request, response, 429, "TOO_MANY_REQUESTS", message);
			return;
		}
		// the login page again, as for GET /login, with the message and still 429
		request.setAttribute(DELAY_MESSAGE, message);
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "GET";
			}
		}, response);
	}

}
