package vn.giamngheo.standards.domain;

import java.util.Map;

/**
 * Vietnamese and English names of the fact values a deprivation definition tests (from
 * {@code standards/vocabulary.yaml}), so that an explanation reads "Nhà ở: thiếu kiên
 * cố", never a stored code.
 */
public final class Vocabulary {

	/** No names: values read as stored (tests that build a standard by hand). */
	public static final Vocabulary NONE = new Vocabulary(Map.of());

	private final Map<String, Map<String, Text>> names;

	Vocabulary(Map<String, Map<String, Text>> names) {
		this.names = Map.copyOf(names);
	}

	/**
	 * The name of a field's value.
	 * @param field fact field, e.g. {@code housingQuality}
	 * @param value stored value, e.g. {@code NON_DURABLE}
	 * @return its name, or {@code null} when the field or value has none
	 */
	public Text name(String field, String value) {
		Map<String, Text> values = this.names.get(field);
		return (values != null) ? values.get(value) : null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Vocabulary v) && v.names.equals(this.names);
	}

	@Override
	public int hashCode() {
		return this.names.hashCode();
	}

}
