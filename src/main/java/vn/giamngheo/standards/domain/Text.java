package vn.giamngheo.standards.domain;

/**
 * A user-facing text in Vietnamese (first) and English.
 *
 * @param vi Vietnamese text
 * @param en English text
 */
public record Text(String vi, String en) {

	/**
	 * The text in a language.
	 * @param english English, else Vietnamese
	 * @return the text
	 */
	public String in(boolean english) {
		return english ? this.en : this.vi;
	}

}
