package vn.giamngheo.review.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.ui.Model;

import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.SurveyFacts;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.standards.HouseholdFacts;

/**
 * The review form (Phiếu B, and Phiếu C where given) as posted by the survey pages of the
 * periodic review and of an in-year request. Unticked boxes are absent from the post and
 * read as false. Opened again, the form shows everything the last survey saved
 * ({@link #of}); refused, it shows what was typed.
 */
public class SurveyForm {

	private int version;

	private String way = "INCOME";

	private Long incomePerCapita;

	private Integer scoreA;

	private Integer scoreB;

	private String housingQuality;

	private BigDecimal floorAreaM2;

	private String waterSource;

	private String latrine;

	private boolean telecomUse;

	private boolean internetUse;

	private boolean infoDevices;

	private boolean loudspeakerReach;

	private String wasteHandling;

	private List<String> causes;

	private List<String> needs;

	private String note;

	/** The lists the form's selects offer. */
	static void choices(Model model) {
		model.addAttribute("housing", HouseholdFacts.HousingQuality.values());
		model.addAttribute("water", HouseholdFacts.WaterSource.values());
		model.addAttribute("latrines", HouseholdFacts.Latrine.values());
		model.addAttribute("waste", HouseholdFacts.WasteHandling.values());
	}

	/**
	 * The form filled with what the last survey of the household saved (empty before a
	 * survey), so an officer reopening it or surveying again retypes nothing.
	 * @param rh the listed household
	 * @return the form
	 */
	static SurveyForm of(ReviewHousehold rh) {
		SurveyForm form = new SurveyForm();
		form.version = rh.version();
		form.way = (rh.way() != null) ? rh.way() : "INCOME";
		form.incomePerCapita = rh.incomePerCapita();
		form.scoreA = rh.scoreA();
		form.causes = rh.causes();
		form.needs = rh.needs();
		form.note = rh.note();
		SurveyFacts facts = rh.facts();
		if (facts != null) {
			form.scoreB = facts.scoreB();
			form.housingQuality = facts.housingQuality();
			form.floorAreaM2 = facts.floorAreaM2();
			form.waterSource = facts.waterSource();
			form.latrine = facts.latrine();
			form.telecomUse = facts.telecomUse();
			form.internetUse = facts.internetUse();
			form.infoDevices = facts.infoDevices();
			form.loudspeakerReach = facts.loudspeakerReach();
			form.wasteHandling = facts.wasteHandling();
		}
		return form;
	}

	/** Whether a cause or need code is ticked (the lists may be absent from a post). */
	public boolean ticked(List<String> codes, String code) {
		return codes != null && codes.contains(code);
	}

	SurveyInput toInput() {
		return new SurveyInput(this.version, (this.way == null || this.way.isBlank()) ? "INCOME" : this.way,
				this.incomePerCapita, this.scoreA, this.scoreB, this.housingQuality, this.floorAreaM2, this.waterSource,
				this.latrine, this.telecomUse, this.internetUse, this.infoDevices, this.loudspeakerReach,
				this.wasteHandling, this.causes, this.needs, this.note);
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getWay() {
		return this.way;
	}

	public void setWay(String way) {
		this.way = way;
	}

	public Long getIncomePerCapita() {
		return this.incomePerCapita;
	}

	public void setIncomePerCapita(Long incomePerCapita) {
		this.incomePerCapita = incomePerCapita;
	}

	public Integer getScoreA() {
		return this.scoreA;
	}

	public void setScoreA(Integer scoreA) {
		this.scoreA = scoreA;
	}

	public Integer getScoreB() {
		return this.scoreB;
	}

	public void setScoreB(Integer scoreB) {
		this.scoreB = scoreB;
	}

	public String getHousingQuality() {
		return this.housingQuality;
	}

	public void setHousingQuality(String housingQuality) {
		this.housingQuality = housingQuality;
	}

	public BigDecimal getFloorAreaM2() {
		return this.floorAreaM2;
	}

	public void setFloorAreaM2(BigDecimal floorAreaM2) {
		this.floorAreaM2 = floorAreaM2;
	}

	public String getWaterSource() {
		return this.waterSource;
	}

	public void setWaterSource(String waterSource) {
		this.waterSource = waterSource;
	}

	public String getLatrine() {
		return this.latrine;
	}

	public void setLatrine(String latrine) {
		this.latrine = latrine;
	}

	public boolean isTelecomUse() {
		return this.telecomUse;
	}

	public void setTelecomUse(boolean telecomUse) {
		this.telecomUse = telecomUse;
	}

	public boolean isInternetUse() {
		return this.internetUse;
	}

	public void setInternetUse(boolean internetUse) {
		this.internetUse = internetUse;
	}

	public boolean isInfoDevices() {
		return this.infoDevices;
	}

	public void setInfoDevices(boolean infoDevices) {
		this.infoDevices = infoDevices;
	}

	public boolean isLoudspeakerReach() {
		return this.loudspeakerReach;
	}

	public void setLoudspeakerReach(boolean loudspeakerReach) {
		this.loudspeakerReach = loudspeakerReach;
	}

	public String getWasteHandling() {
		return this.wasteHandling;
	}

	public void setWasteHandling(String wasteHandling) {
		this.wasteHandling = wasteHandling;
	}

	public List<String> getCauses() {
		return this.causes;
	}

	public void setCauses(List<String> causes) {
		this.causes = causes;
	}

	public List<String> getNeeds() {
		return this.needs;
	}

	public void setNeeds(List<String> needs) {
		this.needs = needs;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
