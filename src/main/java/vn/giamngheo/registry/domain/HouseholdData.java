package vn.giamngheo.registry.domain;

import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * Editable household fields.
 *
 * @param villageId village (thôn/bản/tổ dân phố)
 * @param address house number, street or hamlet detail
 * @param urban area type for the thresholds; null = from the commune
 * @param ethnicMinority ethnic-minority household
 * @param socialProtection household with social-protection beneficiaries
 * @param meritorious household with a meritorious person
 * @param phone contact phone
 * @param status ACTIVE, MOVED, MERGED, SPLIT, DISSOLVED
 */
public record HouseholdData(Long villageId, String address, Boolean urban, boolean ethnicMinority,
		boolean socialProtection, boolean meritorious, String phone, String status) {

	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.villageId == null) {
			problems.add(new FieldProblem("villageId", "error.field.required"));
		}
		if (this.address != null && this.address.length() > 200) {
			problems.add(new FieldProblem("address", "registry.address.too-long"));
		}
		if (this.phone != null && !this.phone.isEmpty() && !PhoneNumbers.valid(this.phone)) {
			problems.add(new FieldProblem("phone", "registry.phone.format", this.phone));
		}
		if (this.status == null || !Codes.HOUSEHOLD_STATUS.contains(this.status)) {
			problems.add(new FieldProblem("status", "error.field.invalid", this.status));
		}
		return problems;
	}

}
