package vn.giamngheo.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;

/**
 * In MockMvc integration tests (no real server), sessions stay the mock request's own, so
 * tests can hand a {@code MockHttpSession} from one request to the next: Spring Session's
 * filter is left out of MockMvc's chain. Tests over real HTTP (TwoNodesIT,
 * NginxDeploymentIT, the browser tests) run with sessions in PostgreSQL (ADR 0052).
 */
public class MockMvcContainerSessions implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DelegatingFilterProxyRegistrationBean registration
				&& "sessionRepositoryFilterRegistration".equals(beanName)) {
			registration.setEnabled(false);
		}
		return bean;
	}

}
