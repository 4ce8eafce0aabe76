package vn.giamngheo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.giamngheo.identity.Agency;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.shared.scope.Actor;

/**
 * Which columns of a household export a user receives: a partner agency's users only the
 * fields their agency needs, read from {@code exports/partner-fields.properties} (one
 * line per agency, {@code default} for the rest); everyone else every column. Checked at
 * start: an unknown agency or column stops the application.
 */
@Component
public class ExportProfiles {

	static final String FILE = "exports/partner-fields.properties";

	static final String DEFAULT = "default";

	private final Map<String, List<Field>> byAgency;

	public ExportProfiles() {
		this(read(FILE));
	}

	ExportProfiles(Properties profiles) {
		this.byAgency = parse(profiles);
	}

	/**
	 * The columns for this user, in the export's order.
	 * @param actor who exports
	 * @return every column for officers, leaders and auditors; the agency's profile (or
	 * the default one) for a partner
	 */
	public List<Field> columns(Actor actor) {
		if (!actor.hasRole("PARTNER")) {
			return HouseholdExports.COLUMNS;
		}
		String agency = (actor.agency() != null) ? actor.agency() : DEFAULT;
		return this.byAgency.getOrDefault(agency, this.byAgency.get(DEFAULT));
	}

	/**
	 * The profile's name for the audit row: the agency code, or null for every column.
	 */
	public String profile(Actor actor) {
		if (!actor.hasRole("PARTNER")) {
			return null;
		}
		return (actor.agency() != null && this.byAgency.containsKey(actor.agency())) ? actor.agency() : DEFAULT;
	}

	/** True when the columns hold no member field: one row per household. */
	static boolean perHousehold(List<Field> columns) {
		return columns.stream().noneMatch((f) -> f.target() == Field.Target.MEMBER);
	}

	private static Map<String, List<Field>> parse(Properties profiles) {
		Map<String, List<Field>> result = new HashMap<>();
		Set<String> agencies = new java.util.HashSet<>();
		for (Agency a : Agency.values()) {
			agencies.add(a.name());
		}
		for (String key : profiles.stringPropertyNames()) {
			if (!DEFAULT.equals(key) && !agencies.contains(key)) {
				throw new IllegalStateException(FILE + ": unknown agency " + key);
			}
			Set<Field> fields = EnumSet.noneOf(Field.class);
			for (String name : profiles.getProperty(key).split(",")) {
				String n = name.strip().toUpperCase(Locale.ROOT);
				if (n.isEmpty()) {
					continue;
				}
				try {
					Field f = Field.valueOf(n);
					if (!HouseholdExports.COLUMNS.contains(f)) {
						throw new IllegalStateException(FILE + ": " + key + ": " + n + " is not an export column");
					}
					fields.add(f);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(FILE + ": " + key + ": unknown column " + n, ex);
				}
			}
			List<Field> ordered = new ArrayList<>();
			HouseholdExports.COLUMNS.stream().filter(fields::contains).forEach(ordered::add);
			result.put(key, List.copyOf(ordered));
		}
		if (!result.containsKey(DEFAULT)) {
			throw new IllegalStateException(FILE + ": no default profile");
		}
		return Map.copyOf(result);
	}

	static Properties read(String resource) {
		Properties p = new Properties();
		try (InputStream in = ExportProfiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource);
			}
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p;
	}

}
