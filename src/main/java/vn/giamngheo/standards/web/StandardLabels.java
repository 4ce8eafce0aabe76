package vn.giamngheo.standards.web;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.Unverified;

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

	/**
	 * What of the standard a review applies is not verified (the province's overlay when
	 * it has one), for the banner of the review pages (ADR 0032).
	 * @param key standard key
	 * @param provinceCode the review's province
	 * @return the unverified parts; empty when the standard is unknown or all verified
	 */
	public List<Unverified> unverified(String key, String provinceCode) {
		if (key == null) {
			return List.of();
		}
		return this.catalogue.find(key, provinceCode)
			.or(() -> this.catalogue.find(key))
			.map(Unverified::of)
			.orElse(List.of());
	}

	/**
	 * The standard a review applies, as pages name it: its name in the reader's language.
	 * @param key standard key
	 * @param provinceCode the review's province
	 * @return the name, or the key when unknown
	 */
	public String name(String key, String provinceCode) {
		return this.catalogue.name(key, provinceCode, "en".equals(LocaleContextHolder.getLocale().getLanguage()));
	}

	/** A national standard as a form offers it: its key (the value) and its name. */
	public record Choice(String key, String name) {
	}

	/**
	 * The national standards a form may offer, newest first, named in the reader's
	 * language (the key is only the option's value, never shown).
	 * @return the choices
	 */
	public List<Choice> choices() {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return this.catalogue.standards()
			.stream()
			.sorted(java.util.Comparator.comparing(Standard::from).reversed())
			.map((s) -> new Choice(s.key(), s.name().in(en)))
			.toList();
	}

}
