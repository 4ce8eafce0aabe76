package vn.giamngheo.standards.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.StandardLoader;

/**
 * Loads every standard file at start. A malformed file throws
 * {@link vn.giamngheo.standards.domain.StandardFormatException} naming the file and the
 * field, which stops the application.
 */
@Configuration(proxyBeanMethods = false)
public class StandardsConfiguration {

	@Bean
	public StandardCatalogue standardCatalogue() {
		return StandardLoader.loadClasspath();
	}

}
