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

	private final vn.giamngheo.analytics.Aggregates aggregates;

	private final vn.giamngheo.targets.Targets targets;

	private final vn.giamngheo.identity.DemoUsers users;

	DemoStartup(DemoLoader loader, DemoProperties properties, vn.giamngheo.analytics.Aggregates aggregates,
			vn.giamngheo.targets.Targets targets, vn.giamngheo.identity.DemoUsers users) {
		this.loader = loader;
		this.properties = properties;
		this.aggregates = aggregates;
		this.targets = targets;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.isEnabled()) {
			return;
		}
		try {
			DemoLoader.LoadReport report = this.loader.load(this.properties.size(), this.properties.fraction(),
					this.properties.seedOrDefault());
			// the demo reviewer captures in villages, which exist from now on
			this.users.demoVillagesLoaded();
			// the demo users follow their units to the 2025 list (ADR 0029), after the
			// demo households live on the 2025 units
			this.users.demoUnitsMoved();
			// the seeds' resolutions, and the aggregates their progress is read from
			this.targets.loadBundled();
			if (report.loadedAnything() || !this.aggregates.hasAggregates()) {
				this.aggregates.refreshAll();
			}
		}
		catch (RuntimeException ex) {
			// the load is one transaction: nothing was kept, and the next start tries
			// again
			log.error("Demo data could not be loaded; the application runs without it", ex);
		}
	}

}
