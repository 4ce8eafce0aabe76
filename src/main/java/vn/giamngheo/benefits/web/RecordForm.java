package vn.giamngheo.benefits.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.giamngheo.benefits.BenefitInput;
import vn.giamngheo.benefits.BenefitRecord;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * The ledger form as typed: dates as dd/MM/yyyy, amounts with or without thousands
 * separators ("1.500.000"). Text that is no date or amount is refused (400) naming the
 * field, before anything is checked or written.
 */
public class RecordForm {

	static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private String policyCode;

	private String memberId;

	private String periodFrom;

	private String periodTo;

	private String amountVnd;

	private String centralVnd;

	private String localVnd;

	private String creditVnd;

	private String mobilisedVnd;

	private String ownVnd;

	private String status;

	private String decisionNo;

	private String decisionDate;

	private String deliveredOn;

	private String validFrom;

	private String validTo;

	private String partnerRef;

	private String evidence;

	private String demandId;

	private Integer version;

	private String reason;

	/** The form filled with a record's values (to correct it). */
	static RecordForm of(BenefitRecord r) {
		RecordForm f = new RecordForm();
		f.policyCode = r.policyCode();
		f.memberId = (r.memberId() != null) ? r.memberId().toString() : null;
		f.periodFrom = date(r.periodFrom());
		f.periodTo = date(r.periodTo());
		f.amountVnd = Long.toString(r.amountVnd());
		f.centralVnd = Long.toString(r.centralVnd());
		f.localVnd = Long.toString(r.localVnd());
		f.creditVnd = Long.toString(r.creditVnd());
		f.mobilisedVnd = Long.toString(r.mobilisedVnd());
		f.ownVnd = Long.toString(r.ownVnd());
		f.status = r.status();
		f.decisionNo = r.decisionNo();
		f.decisionDate = date(r.decisionDate());
		f.deliveredOn = date(r.deliveredOn());
		f.validFrom = date(r.validFrom());
		f.validTo = date(r.validTo());
		f.partnerRef = r.partnerRef();
		f.evidence = r.evidence();
		f.demandId = (r.demandId() != null) ? r.demandId().toString() : null;
		f.version = r.version();
		return f;
	}

	private static String date(LocalDate d) {
		return (d != null) ? d.format(DMY) : null;
	}

	/** The input of the household, or 400 naming what could not be read. */
	BenefitInput toInput(UUID householdId) {
		List<FieldProblem> problems = new ArrayList<>();
		BenefitInput in = new BenefitInput(householdId, uuid(this.memberId), blank(this.policyCode),
				parseDate("periodFrom", this.periodFrom, problems), parseDate("periodTo", this.periodTo, problems),
				amount("amountVnd", this.amountVnd, problems), amount("centralVnd", this.centralVnd, problems),
				amount("localVnd", this.localVnd, problems), amount("creditVnd", this.creditVnd, problems),
				amount("mobilisedVnd", this.mobilisedVnd, problems), amount("ownVnd", this.ownVnd, problems),
				blank(this.status), this.decisionNo, parseDate("decisionDate", this.decisionDate, problems),
				parseDate("deliveredOn", this.deliveredOn, problems), parseDate("validFrom", this.validFrom, problems),
				parseDate("validTo", this.validTo, problems), this.partnerRef, this.evidence, uuid(this.demandId));
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return in;
	}

	static LocalDate parseDate(String field, String text, List<FieldProblem> problems) {
		return vn.giamngheo.shared.web.FormDates.parse(field, text, problems, "support.form.date");
	}

	static Long amount(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "");
		if (!digits.matches("[0-9]{1,15}")) {
			problems.add(new FieldProblem(field, "support.form.amount"));
			return null;
		}
		return Long.parseLong(digits);
	}

	static UUID uuid(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	public String getPolicyCode() {
		return this.policyCode;
	}

	public void setPolicyCode(String policyCode) {
		this.policyCode = policyCode;
	}

	public String getMemberId() {
		return this.memberId;
	}

	public void setMemberId(String memberId) {
		this.memberId = memberId;
	}

	public String getPeriodFrom() {
		return this.periodFrom;
	}

	public void setPeriodFrom(String periodFrom) {
		this.periodFrom = periodFrom;
	}

	public String getPeriodTo() {
		return this.periodTo;
	}

	public void setPeriodTo(String periodTo) {
		this.periodTo = periodTo;
	}

	public String getAmountVnd() {
		return this.amountVnd;
	}

	public void setAmountVnd(String amountVnd) {
		this.amountVnd = amountVnd;
	}

	public String getCentralVnd() {
		return this.centralVnd;
	}

	public void setCentralVnd(String centralVnd) {
		this.centralVnd = centralVnd;
	}

	public String getLocalVnd() {
		return this.localVnd;
	}

	public void setLocalVnd(String localVnd) {
		this.localVnd = localVnd;
	}

	public String getCreditVnd() {
		return this.creditVnd;
	}

	public void setCreditVnd(String creditVnd) {
		this.creditVnd = creditVnd;
	}

	public String getMobilisedVnd() {
		return this.mobilisedVnd;
	}

	public void setMobilisedVnd(String mobilisedVnd) {
		this.mobilisedVnd = mobilisedVnd;
	}

	public String getOwnVnd() {
		return this.ownVnd;
	}

	public void setOwnVnd(String ownVnd) {
		this.ownVnd = ownVnd;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getDecisionNo() {
		return this.decisionNo;
	}

	public void setDecisionNo(String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public String getDecisionDate() {
		return this.decisionDate;
	}

	public void setDecisionDate(String decisionDate) {
		this.decisionDate = decisionDate;
	}

	public String getDeliveredOn() {
		return this.deliveredOn;
	}

	public void setDeliveredOn(String deliveredOn) {
		this.deliveredOn = deliveredOn;
	}

	public String getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getValidTo() {
		return this.validTo;
	}

	public void setValidTo(String validTo) {
		this.validTo = validTo;
	}

	public String getPartnerRef() {
		return this.partnerRef;
	}

	public void setPartnerRef(String partnerRef) {
		this.partnerRef = partnerRef;
	}

	public String getEvidence() {
		return this.evidence;
	}

	public void setEvidence(String evidence) {
		this.evidence = evidence;
	}

	public String getDemandId() {
		return this.demandId;
	}

	public void setDemandId(String demandId) {
		this.demandId = demandId;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
