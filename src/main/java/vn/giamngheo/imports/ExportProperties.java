package vn.giamngheo.imports;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.giamngheo.shared.scope.Actor;

/**
 * Limits of household exports ({@code giamngheo.exports.*}, ADR 0017).
 *
 * @param rowsPerHour rows one user may export in any hour (0: no limit)
 * @param rowsPerHourByRole a different limit for some roles (role code → rows; 0: no
 * limit)
 */
@ConfigurationProperties("giamngheo.exports")
public record ExportProperties(@DefaultValue("50000") long rowsPerHour, Map<String, Long> rowsPerHourByRole) {

	public ExportProperties {
		rowsPerHourByRole = (rowsPerHourByRole != null) ? Map.copyOf(rowsPerHourByRole) : Map.of();
	}

	/** The actor's limit: the highest of its roles' limits, else the default. */
	public long rowsPerHour(Actor actor) {
		Long best = null;
		for (String role : actor.roles()) {
			Long limit = this.rowsPerHourByRole.get(role);
			if (limit != null) {
				if (limit <= 0) {
					return 0;
				}
				best = (best == null) ? limit : Math.max(best, limit);
			}
		}
		return (best != null) ? best : this.rowsPerHour;
	}

}
