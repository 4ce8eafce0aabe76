package vn.giamngheo.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo provinces on start when {@code giamngheo.demo.enabled} (default true)
 * and they are not loaded yet; the size comes from {@code giamngheo.demo.size}.
 */
@Component
@Order(0)
class DemoStartup implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoStartup.class);

	private final DemoLoader loader;

	private final DemoProperties properties;

	DemoStartup(DemoLoader loader, DemoProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.isEnabled()) {
			return;
		}
		try {
			this.loader.load(this.properties.size(), this.properties.fraction(), this.properties.seedOrDefault());
		}
		catch (RuntimeException ex) {
			// the load is one transaction: nothing was kept, and the next start tries
			// again
			log.error("Demo data could not be loaded; the application runs without it", ex);
		}
	}

}
