package vn.giamngheo.imports.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.giamngheo.shared.text.TextNormalizer;
import vn.giamngheo.standards.domain.Indicator;
import vn.giamngheo.standards.domain.Standard;

/**
 * The indicators of a standard by the words a list writes for a deprivation: the code or
 * the Vietnamese or English name, without diacritics or case ("HQU", "Chất lượng nhà ở",
 * "chat luong nha o").
 */
public final class IndicatorNames {

	private final Standard standard;

	private final Map<String, String> codes = new HashMap<>();

	public IndicatorNames(Standard standard) {
		this.standard = standard;
		for (Indicator i : standard.indicators()) {
			this.codes.put(TextNormalizer.fold(i.code()), i.code());
			this.codes.put(TextNormalizer.fold(i.name().vi()), i.code());
			if (i.name().en() != null) {
				this.codes.put(TextNormalizer.fold(i.name().en()), i.code());
			}
		}
	}

	/** The code of the indicator a written deprivation names, or null when none. */
	public String code(String written) {
		return this.codes.get(TextNormalizer.fold(written));
	}

	/** The standard's Vietnamese name (for the problem of an unknown deprivation). */
	public String standardName() {
		return this.standard.name().vi();
	}

	/** The standard's indicator codes, in order (listed with an unknown deprivation). */
	public List<String> known() {
		return this.standard.indicators().stream().map(Indicator::code).toList();
	}

}
