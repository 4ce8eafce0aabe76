package vn.giamngheo.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo size setting: shares up to 4× are generated; a bad size stops the start with a
 * message naming the setting and the allowed values (issue 19 § 5).
 */
class DemoSizeTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithDemoProperties.class);

	@ParameterizedTest
	@CsvSource({ "sample, 0.10", "full, 1.0", "FULL, 1.0", "2%, 0.02", "0.25, 0.25", "1, 1.0", "2, 2.0", "4, 4.0",
			"400%, 4.0", "' 3 ', 3.0", "0.0001, 0.0001" })
	void acceptsSharesUpToFourTimesTheFullDemo(String size, double fraction) {
		assertThat(DemoProperties.fractionOf(size)).isEqualTo(fraction);
		assertThat(new DemoProperties(true, size, null).fraction()).isEqualTo(fraction);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0%", "-1", "-0.5", "4.0001", "5", "401%", "abc", "2x", "NaN", "Infinity", "%" })
	void refusesABadSizeNamingTheSettingAndTheAllowedValues(String size) {
		assertThatThrownBy(() -> new DemoProperties(true, size, null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("giamngheo.demo.size")
			.hasMessageContaining("GIAMNGHEO_DEMO_SIZE")
			.hasMessageContaining("'" + size + "'")
			.hasMessageContaining("sample, full")
			.hasMessageContaining("at most 4");
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "0", "-2", "lots" })
	void aBadSizeStopsTheStart(String size) {
		this.context.withPropertyValues("giamngheo.demo.size=" + size).run((started) -> {
			assertThat(started).hasFailed();
			Throwable cause = started.getStartupFailure();
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("giamngheo.demo.size (GIAMNGHEO_DEMO_SIZE) is '" + size + "'");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "2", "full", "sample" })
	void aGoodSizeStarts(String size) {
		this.context.withPropertyValues("giamngheo.demo.size=" + size).run((started) -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(DemoProperties.class).fraction()).isEqualTo(DemoProperties.fractionOf(size));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class WithDemoProperties {

	}

}
