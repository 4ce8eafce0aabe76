package vn.giamngheo.registry;

import java.util.UUID;

import vn.giamngheo.registry.domain.MemberData;

/**
 * A member row as a bulk import writes it.
 *
 * @param id member id (chosen by the caller for a new row)
 * @param householdId household
 * @param provinceCode province (shard key)
 * @param data the member's fields
 * @param sortOrder order in the household
 */
public record BulkMember(UUID id, UUID householdId, String provinceCode, MemberData data, int sortOrder) {

}
