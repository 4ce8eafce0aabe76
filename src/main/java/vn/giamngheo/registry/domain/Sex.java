package vn.giamngheo.registry.domain;

/** Sex as recorded on the citizen ID. */
public enum Sex {

	MALE("M"), FEMALE("F");

	private final String code;

	Sex(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Sex ofCode(String code) {
		return "F".equals(code) ? FEMALE : MALE;
	}

}
