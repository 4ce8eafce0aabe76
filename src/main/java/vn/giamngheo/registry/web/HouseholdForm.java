package vn.giamngheo.registry.web;

import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.domain.HouseholdData;

/** The household edit form. */
public class HouseholdForm {

	private Long villageId;

	private String address = "";

	private boolean urban;

	private boolean ethnicMinority;

	private boolean socialProtection;

	private boolean meritorious;

	private String phone = "";

	private String status = "ACTIVE";

	private int version;

	public static HouseholdForm of(Household h) {
		HouseholdForm f = new HouseholdForm();
		f.villageId = h.villageId();
		f.address = (h.address() != null) ? h.address() : "";
		f.urban = h.urban();
		f.ethnicMinority = h.ethnicMinority();
		f.socialProtection = h.socialProtection();
		f.meritorious = h.meritorious();
		f.phone = (h.phone() != null) ? h.phone() : "";
		f.status = h.status();
		f.version = h.version();
		return f;
	}

	public HouseholdData toData() {
		return new HouseholdData(this.villageId, (this.address == null || this.address.isBlank()) ? null : this.address,
				this.urban, this.ethnicMinority, this.socialProtection, this.meritorious, this.phone, this.status);
	}

	public Long getVillageId() {
		return this.villageId;
	}

	public void setVillageId(Long villageId) {
		this.villageId = villageId;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public boolean isUrban() {
		return this.urban;
	}

	public void setUrban(boolean urban) {
		this.urban = urban;
	}

	public boolean isEthnicMinority() {
		return this.ethnicMinority;
	}

	public void setEthnicMinority(boolean ethnicMinority) {
		this.ethnicMinority = ethnicMinority;
	}

	public boolean isSocialProtection() {
		return this.socialProtection;
	}

	public void setSocialProtection(boolean socialProtection) {
		this.socialProtection = socialProtection;
	}

	public boolean isMeritorious() {
		return this.meritorious;
	}

	public void setMeritorious(boolean meritorious) {
		this.meritorious = meritorious;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
