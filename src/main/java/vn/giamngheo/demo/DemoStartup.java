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

	private final vn.giamngheo.review.Reviews reviews;

	/**
	 * The demo's review under way: the review of 2026 (the list of 2027), on the
	 * provinces of the units in force that hold the demo's households (ADR 0030).
	 */
	static final int REVIEW_YEAR = 2026;

	/** Thành phố Đà Nẵng (old Quảng Nam 49 and Đà Nẵng 48) and the new Lai Châu. */
	static final java.util.List<String> REVIEW_PROVINCES = java.util.List.of("48", "12");

	DemoStartup(DemoLoader loader, DemoProperties properties, vn.giamngheo.analytics.Aggregates aggregates,
			vn.giamngheo.targets.Targets targets, vn.giamngheo.identity.DemoUsers users,
			vn.giamngheo.review.Reviews reviews) {
		this.loader = loader;
		this.properties = properties;
		this.aggregates = aggregates;
		this.targets = targets;
		this.users = users;
		this.reviews = reviews;
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
			// the seeds' resolutions, and the aggregates their progress is read from
			this.targets.loadBundled();
			if (report.loadedAnything() || !this.aggregates.hasAggregates()) {
				this.aggregates.refreshAll();
			}
			// the review under way, on the units in force: its communes' lists follow the
			// households' current addresses
			this.reviews.openDemo(REVIEW_YEAR, REVIEW_PROVINCES)
				.forEach((code, listed) -> log.info("Demo review {} opened on province {}: {} households listed",
						REVIEW_YEAR, code, listed));
		}
		catch (RuntimeException ex) {
			// the load is one transaction: nothing was kept, and the next start tries
			// again
			log.error("Demo data could not be loaded; the application runs without it", ex);
		}
	}

}
