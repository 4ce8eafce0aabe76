package vn.giamngheo.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo provinces on start when {@code giamngheo.demo.enabled} (default true)
 * and they are not loaded yet; the size comes from {@code giamngheo.demo.size}. The load
 * runs in the background once the web server answers (ADR 0055); it logs "Demo data
 * ready" when done.
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

	private final vn.giamngheo.registry.Moves moves;

	private final vn.giamngheo.review.Reviews reviews;

	private final DemoEligibility eligibility;

	private final vn.giamngheo.shared.DataLoading loading;

	/**
	 * The demo's review under way: the review of 2026 (the list of 2027), on the
	 * provinces of the units in force that hold the demo's households (ADR 0030).
	 */
	static final int REVIEW_YEAR = 2026;

	/** Thành phố Đà Nẵng (old Quảng Nam 49 and Đà Nẵng 48) and the new Lai Châu. */
	static final java.util.List<String> REVIEW_PROVINCES = java.util.List.of("48", "12");

	DemoStartup(DemoLoader loader, DemoProperties properties, vn.giamngheo.analytics.Aggregates aggregates,
			vn.giamngheo.targets.Targets targets, vn.giamngheo.identity.DemoUsers users,
			vn.giamngheo.registry.Moves moves, vn.giamngheo.review.Reviews reviews, DemoEligibility eligibility,
			vn.giamngheo.shared.DataLoading loading) {
		this.loading = loading;
		this.eligibility = eligibility;
		this.moves = moves;
		this.loader = loader;
		this.properties = properties;
		this.aggregates = aggregates;
		this.targets = targets;
		this.users = users;
		this.reviews = reviews;
	}

	/**
	 * The reform applied to the demo's 2025 provinces (Thành phố Đà Nẵng with old Quảng
	 * Nam, the new Lai Châu) where villages are still on old communes; in Đà Nẵng the
	 * villages of the split sample with a suggestion are placed, the others are left open
	 * for the split-resolution screen.
	 * @return whether anything moved
	 */
	private boolean moveToNewUnits() {
		boolean moved = false;
		for (String province : DEMO_2025_PROVINCES) {
			long t = System.nanoTime();
			var batch = this.moves.applyReformAsSystem(province);
			if (batch.isPresent()) {
				moved = true;
				log.info(
						String.format(java.util.Locale.ROOT, "Demo %s: %d households moved to the 2025 units in %.1f s",
								province, batch.get().households(), (System.nanoTime() - t) / 1e9));
				this.moves.placeSuggestionsAsSystem(province);
			}
		}
		return moved;
	}

	/** The 2025 provinces holding the demo's households. */
	static final java.util.List<String> DEMO_2025_PROVINCES = java.util.List.of("48", "12");

	/**
	 * Starts the demo load in the background and returns: sign-in opens as soon as the
	 * web server answers (the users exist before it listens, {@code DemoUsers}), and
	 * pages say that the demo loads ({@link vn.giamngheo.shared.DataLoading}) until it is
	 * done (ADR 0055).
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.isEnabled()) {
			return;
		}
		this.loading.step("demo.loading.step.households");
		Thread thread = new Thread(this::load, "demo-load");
		thread.setDaemon(true);
		thread.start();
	}

	/** The whole demo start-up work, in order; the pages show its step. */
	void load() {
		long start = System.nanoTime();
		try {
			DemoLoader.LoadReport report = this.loader.load(this.properties.size(), this.properties.fraction(),
					this.properties.seedOrDefault());
			// the demo reviewer captures in villages, which exist from now on
			this.users.demoVillagesLoaded();
			// the eligibility lists of the years before the reform, on the units of
			// their day
			this.loading.step("demo.loading.step.eligibility");
			this.eligibility.replay(DemoEligibility.REFORM);
			// households of 2025 on live on the units of 1 July 2025 (ADR 0028)
			this.loading.step("demo.loading.step.moves");
			boolean moved = moveToNewUnits();
			// support from 1 July 2025 on was recorded on the new units; then the lists
			// of the years after the reform
			this.loader.supportFollowsReform();
			this.eligibility.replay(java.time.LocalDate.MAX);
			// the demo users follow their units to the 2025 list (ADR 0029), after the
			// demo households live on the 2025 units
			this.users.demoUnitsMoved();
			// the seeds' resolutions, and the aggregates their progress is read from
			this.loading.step("demo.loading.step.figures");
			this.targets.loadBundled();
			if (report.loadedAnything() || moved || !this.aggregates.hasAggregates()) {
				this.aggregates.refreshAll();
			}
			// the review under way, on the units in force: its communes' lists follow the
			// households' current addresses
			this.loading.step("demo.loading.step.review");
			this.reviews.openDemo(REVIEW_YEAR, REVIEW_PROVINCES)
				.forEach((code, listed) -> log.info("Demo review {} opened on province {}: {} households listed",
						REVIEW_YEAR, code, listed));
			log.info(String.format(java.util.Locale.ROOT, "Demo data ready (%.1f s after sign-in opened)",
					(System.nanoTime() - start) / 1e9));
		}
		catch (RuntimeException ex) {
			// the load is one transaction: nothing was kept, and the next start tries
			// again
			log.error("Demo data could not be loaded; the application runs without it", ex);
		}
		finally {
			this.loading.done();
		}
	}

}
