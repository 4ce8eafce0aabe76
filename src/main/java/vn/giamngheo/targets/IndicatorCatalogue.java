package vn.giamngheo.targets;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The indicator catalogue, read once from {@code indicators/catalogue.yaml}. */
@Component
public class IndicatorCatalogue {

	private final Map<String, IndicatorDef> indicators = new LinkedHashMap<>();

	public IndicatorCatalogue() {
		try (InputStream in = IndicatorCatalogue.class.getResourceAsStream("/indicators/catalogue.yaml")) {
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("indicators");
			for (Map<String, Object> m : list) {
				IndicatorDef d = new IndicatorDef(str(m, "code"), str(m, "kind"), str(m, "unit"),
						Boolean.TRUE.equals(m.get("lower_is_better")), str(m, "name"), str(m, "name_en"),
						str(m, "formula"), str(m, "source"), num(m.get("min")), num(m.get("max")),
						str(m, "aggregation"), str(m, "denominator"), num(m.get("approx_tolerance")),
						str(m, "formula_en"), str(m, "source_en"));
				if ("PERCENT".equals(d.unit()) && d.denominator() == null) {
					throw new IllegalStateException("Indicator " + d.code() + " is a rate without a denominator");
				}
				d.rollup();
				this.indicators.put(d.code(), d);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Indicator catalogue cannot be read", ex);
		}
	}

	private static String str(Map<String, Object> m, String key) {
		Object v = m.get(key);
		return (v == null) ? null : v.toString();
	}

	static Double num(Object v) {
		return (v instanceof Number n) ? n.doubleValue() : null;
	}

	public List<IndicatorDef> all() {
		return List.copyOf(this.indicators.values());
	}

	public List<IndicatorDef> entered() {
		return this.indicators.values().stream().filter(IndicatorDef::entered).toList();
	}

	public Optional<IndicatorDef> find(String code) {
		return Optional.ofNullable(this.indicators.get(code));
	}

}
