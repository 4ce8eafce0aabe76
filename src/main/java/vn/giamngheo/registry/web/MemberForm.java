package vn.giamngheo.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The member form as typed: text fields, parsed into {@link MemberData} with field
 * errors.
 */
public class MemberForm {

	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private String fullName = "";

	private String sex = "M";

	private String dateOfBirth = "";

	private String ethnicityCode = "01";

	private String relation = "CHILD";

	private String cccd = "";

	private String phone = "";

	private String educationLevel = "NONE";

	private boolean inSchool;

	private String employment = "NOT_WORKING";

	private boolean healthInsurance;

	private boolean disability;

	private boolean socialAllowance;

	private boolean malnourished;

	private boolean illNoCare;

	private int version;

	public static MemberForm of(Member m) {
		MemberForm f = new MemberForm();
		f.fullName = m.fullName();
		f.sex = m.sex();
		f.dateOfBirth = m.dateOfBirth().toString();
		f.ethnicityCode = m.ethnicityCode();
		f.relation = m.relation();
		f.cccd = (m.cccd() != null) ? m.cccd() : "";
		f.phone = (m.phone() != null) ? m.phone() : "";
		f.educationLevel = m.educationLevel();
		f.inSchool = m.inSchool();
		f.employment = m.employment();
		f.healthInsurance = m.healthInsurance();
		f.disability = m.disability();
		f.socialAllowance = m.socialAllowance();
		f.malnourished = m.malnourished();
		f.illNoCare = m.illNoCare();
		f.version = m.version();
		return f;
	}

	/** Parses the form; text that is not a date becomes a field error. */
	public MemberData toData() {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate dob = null;
		if (this.dateOfBirth != null && !this.dateOfBirth.isBlank()) {
			dob = parseDate(this.dateOfBirth.trim());
			if (dob == null) {
				problems.add(new FieldProblem("dateOfBirth", "error.field.format", this.dateOfBirth));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return new MemberData(this.fullName, "F".equals(this.sex) ? Sex.FEMALE : Sex.MALE, dob, this.ethnicityCode,
				this.relation, TextNormalizer.blankToNull(this.cccd), TextNormalizer.blankToNull(this.phone),
				this.educationLevel, this.inSchool, this.employment, this.healthInsurance, this.disability,
				this.socialAllowance, this.malnourished, this.illNoCare);
	}

	static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text, VN_DATE);
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

	// accessors for data binding
	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String v) {
		this.fullName = v;
	}

	public String getSex() {
		return this.sex;
	}

	public void setSex(String v) {
		this.sex = v;
	}

	public String getDateOfBirth() {
		return this.dateOfBirth;
	}

	public void setDateOfBirth(String v) {
		this.dateOfBirth = v;
	}

	public String getEthnicityCode() {
		return this.ethnicityCode;
	}

	public void setEthnicityCode(String v) {
		this.ethnicityCode = v;
	}

	public String getRelation() {
		return this.relation;
	}

	public void setRelation(String v) {
		this.relation = v;
	}

	public String getCccd() {
		return this.cccd;
	}

	public void setCccd(String v) {
		this.cccd = v;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String v) {
		this.phone = v;
	}

	public String getEducationLevel() {
		return this.educationLevel;
	}

	public void setEducationLevel(String v) {
		this.educationLevel = v;
	}

	public boolean isInSchool() {
		return this.inSchool;
	}

	public void setInSchool(boolean v) {
		this.inSchool = v;
	}

	public String getEmployment() {
		return this.employment;
	}

	public void setEmployment(String v) {
		this.employment = v;
	}

	public boolean isHealthInsurance() {
		return this.healthInsurance;
	}

	public void setHealthInsurance(boolean v) {
		this.healthInsurance = v;
	}

	public boolean isDisability() {
		return this.disability;
	}

	public void setDisability(boolean v) {
		this.disability = v;
	}

	public boolean isSocialAllowance() {
		return this.socialAllowance;
	}

	public void setSocialAllowance(boolean v) {
		this.socialAllowance = v;
	}

	public boolean isMalnourished() {
		return this.malnourished;
	}

	public void setMalnourished(boolean v) {
		this.malnourished = v;
	}

	public boolean isIllNoCare() {
		return this.illNoCare;
	}

	public void setIllNoCare(boolean v) {
		this.illNoCare = v;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int v) {
		this.version = v;
	}

}
