package vn.giamngheo.imports.domain;

import vn.giamngheo.registry.domain.MemberData;

/**
 * A member as a file gives it.
 *
 * @param ref where it is in the file
 * @param code code of the member's household
 * @param data the member's fields, validated as the registry validates them
 */
public record MemberIn(RowRef ref, String code, MemberData data) {

}
