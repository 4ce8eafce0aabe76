package vn.giamngheo.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One row of a household export: the household, the year's classification and one of its
 * living members (member fields null for a household without members). Personal data is
 * unmasked; the exporter masks it by role.
 *
 * @param householdId household id
 * @param code household code
 * @param provinceCode province
 * @param unitPath path of the village (for masking)
 * @param communeCode commune code
 * @param communeName commune name
 * @param villageName village name
 * @param headName head of household
 * @param address address
 * @param urban area type
 * @param ethnicMinority ethnic-minority household
 * @param socialProtection social-protection household
 * @param meritorious meritorious household
 * @param householdPhone household phone
 * @param status status
 * @param year review year of the classification, null when not assessed
 * @param classification class in the year
 * @param incomePerCapita income per capita (VND/month)
 * @param deprivations deprived indicators
 * @param waterSource water source
 * @param latrine latrine
 * @param fullName member name
 * @param sex member sex M/F
 * @param dateOfBirth member date of birth
 * @param ethnicityCode member ethnicity
 * @param relation relation to the head
 * @param cccd citizen ID
 * @param phone member phone
 * @param educationLevel education
 * @param inSchool in school
 * @param employment employment
 * @param healthInsurance health insurance
 * @param disability disability
 * @param socialAllowance social allowance
 * @param malnourished malnourished
 * @param illNoCare ill without care
 */
public record HouseholdExportRow(UUID householdId, String code, String provinceCode, String unitPath,
		String communeCode, String communeName, String villageName, String headName, String address, boolean urban,
		boolean ethnicMinority, boolean socialProtection, boolean meritorious, String householdPhone, String status,
		Integer year, String classification, Long incomePerCapita, List<String> deprivations, String waterSource,
		String latrine, String fullName, String sex, LocalDate dateOfBirth, String ethnicityCode, String relation,
		String cccd, String phone, String educationLevel, Boolean inSchool, String employment, Boolean healthInsurance,
		Boolean disability, Boolean socialAllowance, Boolean malnourished, Boolean illNoCare) {

	static HouseholdExportRow of(ResultSet rs) throws SQLException {
		Array d = rs.getArray("deprivations");
		return new HouseholdExportRow(rs.getObject("id", UUID.class), rs.getString("code"),
				rs.getString("province_code"), rs.getString("unit_path"), rs.getString("commune_code"),
				rs.getString("commune_name"), rs.getString("village_name"), rs.getString("head_name"),
				rs.getString("address"), rs.getBoolean("urban"), rs.getBoolean("ethnic_minority"),
				rs.getBoolean("social_protection"), rs.getBoolean("meritorious"), rs.getString("household_phone"),
				rs.getString("status"), rs.getObject("year", Integer.class), rs.getString("classification"),
				rs.getObject("income_per_capita", Long.class),
				(d != null) ? Arrays.asList((String[]) d.getArray()) : List.of(), rs.getString("water_source"),
				rs.getString("latrine"), rs.getString("full_name"), rs.getString("sex"),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("ethnicity_code"),
				rs.getString("relation"), rs.getString("cccd"), rs.getString("phone"), rs.getString("education_level"),
				rs.getObject("in_school", Boolean.class), rs.getString("employment"),
				rs.getObject("health_insurance", Boolean.class), rs.getObject("disability", Boolean.class),
				rs.getObject("social_allowance", Boolean.class), rs.getObject("malnourished", Boolean.class),
				rs.getObject("ill_no_care", Boolean.class));
	}

}
