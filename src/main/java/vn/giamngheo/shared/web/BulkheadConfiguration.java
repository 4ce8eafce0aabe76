package vn.giamngheo.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link LoadingGuard} and the {@link Bulkheads} in front of every handler
 * (after the security chain: sign-in is never held here).
 */
@Configuration(proxyBeanMethods = false)
class BulkheadConfiguration implements WebMvcConfigurer {

	private final Bulkheads bulkheads;

	private final LoadingGuard loading;

	BulkheadConfiguration(Bulkheads bulkheads, LoadingGuard loading) {
		this.bulkheads = bulkheads;
		this.loading = loading;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.loading);
		registry.addInterceptor(this.bulkheads);
	}

}
