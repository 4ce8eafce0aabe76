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

	private final DemoLoader loader;

	private final DemoProperties properties;

	DemoStartup(DemoLoader loader, DemoProperties properties) {
		this.loader = loader;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.isEnabled()) {
			this.loader.load(this.properties.size(), this.properties.fraction(), this.properties.seedOrDefault());
		}
	}

}
