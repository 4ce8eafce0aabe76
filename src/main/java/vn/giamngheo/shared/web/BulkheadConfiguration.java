package vn.giamngheo.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the {@link Bulkheads} in front of every handler (after the security chain). */
@Configuration(proxyBeanMethods = false)
class BulkheadConfiguration implements WebMvcConfigurer {

	private final Bulkheads bulkheads;

	BulkheadConfiguration(Bulkheads bulkheads) {
		this.bulkheads = bulkheads;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.bulkheads);
	}

}
