package vn.giamngheo.imports.domain;

import vn.giamngheo.registry.domain.MemberData;

/**
 * A member as a file gives it.
 *
 * @param ref where it is in the file
 * @param code code of the member's household
 * @param data the member's fields, validated as the registry validates them (an empty
 * optional cell read as the registry's default: what a new member gets)
 * @param given the fields whose cell holds a value, as {@link Field#bit() bits}: for a
 * stored member, the others keep their stored value
 * @param cleared optional fields whose stored value the file clears (the clear marker),
 * as bits
 * @param birthYear the year of birth when the file gives only a year (the date of birth
 * of {@code data} is then null): enough to recognise a stored member, not to create one
 */
public record MemberIn(RowRef ref, String code, MemberData data, long given, long cleared, Integer birthYear) {

	/** Whether the row gives a value for this field. */
	public boolean gives(Field field) {
		return (this.given & field.bit()) != 0;
	}

	/** Whether the file clears this field's stored value. */
	public boolean clears(Field field) {
		return (this.cleared & field.bit()) != 0;
	}

}
