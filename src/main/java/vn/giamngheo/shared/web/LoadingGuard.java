package vn.giamngheo.shared.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import vn.giamngheo.shared.DataLoading;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * While the demo loads in the background (ADR 0055), users may sign in and read, but a
 * write (any method but GET, HEAD, OPTIONS reaching a handler) is answered 503 with
 * {@code Retry-After} and "Hệ thống đang nạp dữ liệu mẫu…": nothing is written against a
 * half-loaded registry (ADR 0027's reason). Sign-in and sign-out are the security
 * chain's, not handlers: they are never refused here.
 */
@Component
public class LoadingGuard implements HandlerInterceptor {

	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private final DataLoading loading;

	public LoadingGuard(DataLoading loading) {
		this.loading = loading;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		if (this.loading.loading() && !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))) {
			throw new DomainException(ErrorCode.BUSY, "demo.loading.refused").retryAfter(RETRY_AFTER);
		}
		return true;
	}

}
