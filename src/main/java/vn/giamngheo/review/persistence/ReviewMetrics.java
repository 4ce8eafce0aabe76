package vn.giamngheo.review.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.metrics.CountGauges;

/**
 * The reviews of the latest review year, for Prometheus (ADR 0019):
 * {@code giamngheo_review_households{step}} (households listed, surveyed, agreed, posted,
 * recognised — from the trigger-kept {@code review_step_count}) and
 * {@code giamngheo_review_communes{sign_off}} (communes open, submitted, returned,
 * approved). At most one query each every 30 s.
 */
@Component
class ReviewMetrics implements MeterBinder {

	static final List<String> STEPS = List.of("LISTED", "SURVEYED", "RESURVEY", "AGREED", "POSTED", "RECOGNISED");

	static final List<String> SIGN_OFFS = List.of("OPEN", "SUBMITTED", "RETURNED", "APPROVED");

	private static final String LATEST_YEAR = "(select id from review where year = (select max(year) from review))";

	private final JdbcClient jdbc;

	private final Clock clock;

	ReviewMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		CountGauges
			.register(registry, "giamngheo.review.households", "Households of the latest year's reviews by step",
					"step", STEPS,
					() -> CountGauges.query(this.jdbc, "select step, sum(households) from review_step_count"
							+ " where review_id in " + LATEST_YEAR + " group by step"),
					this.clock, Duration.ofSeconds(30));
		CountGauges.register(registry, "giamngheo.review.communes", "Communes of the latest year's reviews by sign-off",
				"sign_off", SIGN_OFFS, () -> CountGauges.query(this.jdbc, "select sign_off, count(*) from review_unit"
						+ " where review_id in " + LATEST_YEAR + " group by sign_off"),
				this.clock, Duration.ofSeconds(30));
	}

}
