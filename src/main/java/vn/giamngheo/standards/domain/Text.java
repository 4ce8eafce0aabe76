package vn.giamngheo.standards.domain;

/**
 * A user-facing text in Vietnamese (first) and English.
 *
 * @param vi Vietnamese text
 * @param en English text
 */
public record Text(String vi, String en) {

	/**
	 * A citation written in both languages as {@code "<vi> / <en>"} (the standard files'
	 * {@code legal_basis}), split; text without the separator reads the same in both.
	 * @param both the citation
	 * @return the two languages
	 */
	public static Text ofCitation(String both) {
		int at = both.indexOf(" / ");
		return (at < 0) ? new Text(both, both)
				: new Text(both.substring(0, at).strip(), both.substring(at + 3).strip());
	}

	/**
	 * The text in a language.
	 * @param english English, else Vietnamese
	 * @return the text
	 */
	public String in(boolean english) {
		return english ? this.en : this.vi;
	}

}
