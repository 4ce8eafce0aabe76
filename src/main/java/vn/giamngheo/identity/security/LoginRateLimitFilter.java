package vn.giamngheo.identity.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Limits login attempts per client address (fixed one-minute window), in front of the
 * per-account lockout: guessing across many accounts from one address is slowed too. Over
 * the limit the answer is 429 and the attempt is not checked.
 */
public class LoginRateLimitFilter extends OncePerRequestFilter {

	private final int perMinute;

	private final Map<String, long[]> windows = new ConcurrentHashMap<>();

	private final MessageSource messages;

	private final LocaleResolver locales;

	/**
	 * @param perMinute attempts allowed per address and minute
	 * @param messages the refusal text ({@code login.throttled}), in the user's language
	 * @param locales the application's locale resolver (Vietnamese by default)
	 */
	public LoginRateLimitFilter(int perMinute, MessageSource messages, LocaleResolver locales) {
		this.perMinute = perMinute;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long minute = System.currentTimeMillis() / 60_000;
		if (this.windows.size() > 10_000) {
			this.windows.values().removeIf((w) -> w[0] != minute);
		}
		long[] window = this.windows.compute(request.getRemoteAddr(), (addr, w) -> (w == null || w[0] != minute)
				? new long[] { minute, 1 } : new long[] { minute, w[1] + 1 });
		if (window[1] > this.perMinute) {
			ProblemResponses.SECURITY_LOG.warn("login-throttled attempts={} window=1m", window[1]);
			response.setStatus(429);
			response.setHeader("Retry-After", "60");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter()
				.write(this.messages.getMessage("login.throttled", null, this.locales.resolveLocale(request)));
			return;
		}
		chain.doFilter(request, response);
	}

}
