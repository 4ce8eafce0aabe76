package vn.giamngheo.standards.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * A standard as pages name it ({@code @standardLabels} in templates): by the legal act
 * that sets it, in the reader's language, and whether its text was verified.
 */
@Component("standardLabels")
public class StandardLabels {

	private final StandardCatalogue catalogue;

	public StandardLabels(StandardCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The legal act of a standard, e.g. "Nghị định 07/2021/NĐ-CP".
	 * @param key standard key
	 * @return the act in the request's language, or {@code null} when the standard is
	 * unknown
	 */
	public String legalAct(String key) {
		Standard standard = (key != null) ? this.catalogue.find(key).orElse(null) : null;
		if (standard == null) {
			return null;
		}
		return standard.legalAct().in("en".equals(LocaleContextHolder.getLocale().getLanguage()));
	}

	/**
	 * Whether a standard's text was verified.
	 * @param key standard key
	 * @return true when verified; false when not, or unknown
	 */
	public boolean verified(String key) {
		return key != null && this.catalogue.find(key).map(Standard::verified).orElse(false);
	}

}
