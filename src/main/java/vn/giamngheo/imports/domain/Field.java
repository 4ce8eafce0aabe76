package vn.giamngheo.imports.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields an import understands. Headers are matched diacritics- and
 * case-insensitively against the Vietnamese and English labels of the bundles
 * ({@code imports.field.<NAME>}), the field name and the aliases below (common spellings
 * and ODK/Kobo column names).
 */
public enum Field {

	CODE(Target.BOTH, "ma ho", "ma_ho", "mh", "household_code", "hh_code", "household id", "hhid", "code", "ma so ho",
			"ma ho gia dinh", "ma ho gd"),
	COMMUNE(Target.HOUSEHOLD, "ma xa", "ma_xa", "xa", "commune", "commune_code", "ma don vi", "ten xa", "xa/phuong",
			"xa, phuong", "xa phuong"),
	VILLAGE(Target.HOUSEHOLD, "thon", "ban", "thon/ban", "thon, ban", "thon/ban/to dan pho", "ten thon", "village",
			"village_name", "thon/xom", "thon, xom", "xom", "ap", "ban/thon", "thon/to", "to dan pho", "ten thon/ban",
			"ten thon, ban", "thon/ban/to"),
	HEAD_NAME(Target.HOUSEHOLD, "ten chu ho", "ho ten chu ho", "ho va ten chu ho", "chu ho", "chu ho ho ten",
			"chu ho ho va ten", "head", "head_name"),
	ADDRESS(Target.HOUSEHOLD, "dia chi", "address"), URBAN(Target.HOUSEHOLD, "thanh thi", "khu vuc thanh thi", "urban"),
	ETHNIC_MINORITY(Target.HOUSEHOLD, "ho dtts", "dan toc thieu so", "ethnic_minority"),
	SOCIAL_PROTECTION(Target.HOUSEHOLD, "bao tro xa hoi", "btxh", "social_protection"),
	MERITORIOUS(Target.HOUSEHOLD, "nguoi co cong", "co cong", "meritorious"),
	HOUSEHOLD_PHONE(Target.HOUSEHOLD, "dien thoai ho", "sdt ho", "household_phone"),
	YEAR(Target.HOUSEHOLD, "nam ra soat", "year", "review_year"),
	CLASSIFICATION(Target.HOUSEHOLD, "phan loai", "phan loai ho", "ket qua ra soat", "loai ho", "classification"),
	INCOME(Target.HOUSEHOLD, "thu nhap", "thu nhap binh quan", "thu nhap binh quan dau nguoi", "income",
			"income_per_capita"),
	WATER_SOURCE(Target.HOUSEHOLD, "nguon nuoc", "water", "water_source"),
	LATRINE(Target.HOUSEHOLD, "nha tieu", "nha ve sinh", "latrine", "toilet"),
	DEPRIVATIONS(Target.HOUSEHOLD, "thieu hut", "chi so thieu hut", "cac chi so thieu hut", "deprivations"),
	DECISION_NO(Target.HOUSEHOLD, "so quyet dinh", "quyet dinh", "decision", "decision_no"),
	FULL_NAME(Target.MEMBER, "ho ten", "ho va ten", "ten", "name", "full_name", "member_name"),
	SEX(Target.MEMBER, "gioi tinh", "gioi", "sex", "gender"),
	DATE_OF_BIRTH(Target.MEMBER, "ngay sinh", "ngay thang nam sinh", "nam sinh", "ngay, thang, nam sinh", "dob",
			"birth_date", "date_of_birth", "birthdate", "year of birth"),
	ETHNICITY(Target.MEMBER, "dan toc", "ethnicity", "ethnic_group"),
	RELATION(Target.MEMBER, "quan he", "quan he voi chu ho", "relation", "relationship"),
	CCCD(Target.MEMBER, "cccd", "so cccd", "can cuoc", "so can cuoc", "cmnd/cccd", "cccd/cmnd", "so cmnd/cccd",
			"so cccd/cmnd", "cmnd", "so cmnd", "so dinh danh", "so dinh danh ca nhan", "ma dinh danh", "citizen_id",
			"national_id", "id"),
	PHONE(Target.MEMBER, "dien thoai", "sdt", "so dien thoai", "phone", "phone_number"),
	EDUCATION(Target.MEMBER, "trinh do", "trinh do hoc van", "hoc van", "education"),
	IN_SCHOOL(Target.MEMBER, "dang di hoc", "di hoc", "in_school"),
	EMPLOYMENT(Target.MEMBER, "viec lam", "nghe nghiep", "employment", "occupation"),
	HEALTH_INSURANCE(Target.MEMBER, "bhyt", "co bhyt", "the bhyt", "health_insurance"),
	DISABILITY(Target.MEMBER, "khuyet tat", "disability"),
	SOCIAL_ALLOWANCE(Target.MEMBER, "tro cap", "tro cap xa hoi", "social_allowance"),
	MALNOURISHED(Target.MEMBER, "suy dinh duong", "malnourished"),
	ILL_NO_CARE(Target.MEMBER, "om khong kham chua benh", "ill_no_care"),
	/**
	 * The key of a row that rows of another sheet point to: KoboToolbox's {@code _index}
	 * of a submission, ODK Central's {@code KEY}.
	 */
	ROW_KEY(Target.BOTH, "_index", "key", "khoa dong"),
	/**
	 * In a sheet of members exported from a repeat group, the key of the household's row
	 * in the households sheet: KoboToolbox's {@code _parent_index}, ODK Central's
	 * {@code PARENT_KEY}. Stands in for the household code.
	 */
	PARENT_KEY(Target.MEMBER, "_parent_index", "parent_key", "khoa dong ho");

	/** Which record a field fills. */
	public enum Target {

		HOUSEHOLD, MEMBER, BOTH

	}

	private final Target target;

	private final List<String> aliases;

	Field(Target target, String... aliases) {
		this.target = target;
		this.aliases = List.of(aliases);
	}

	public Target target() {
		return this.target;
	}

	public List<String> aliases() {
		return this.aliases;
	}

	public boolean household() {
		return this.target != Target.MEMBER;
	}

	public boolean member() {
		return this.target != Target.HOUSEHOLD;
	}

	/** The field as a bit of a set of fields held in a {@code long}. */
	public long bit() {
		return 1L << ordinal();
	}

	/** The message-bundle key of the field's column label. */
	public String labelKey() {
		return "imports.field." + name();
	}

	/** Fields a household sheet must have. */
	public static final List<Field> HOUSEHOLD_REQUIRED = List.of(CODE, COMMUNE, VILLAGE);

	/** Fields a member sheet must have. */
	public static final List<Field> MEMBER_REQUIRED = List.of(CODE, FULL_NAME, SEX, DATE_OF_BIRTH, ETHNICITY, RELATION);

	/**
	 * Optional fields whose stored value a file may clear, with {@link Values#clears the
	 * clear marker}; an empty cell keeps the stored value (ADR 0018).
	 */
	public static final Set<Field> CLEARABLE = Collections.unmodifiableSet(EnumSet.of(ADDRESS, HOUSEHOLD_PHONE, INCOME,
			WATER_SOURCE, LATRINE, DEPRIVATIONS, DECISION_NO, CCCD, PHONE));

	private static final Map<String, Field> MEMBER_PROPERTIES = Map.ofEntries(Map.entry("fullName", FULL_NAME),
			Map.entry("sex", SEX), Map.entry("dateOfBirth", DATE_OF_BIRTH), Map.entry("ethnicityCode", ETHNICITY),
			Map.entry("relation", RELATION), Map.entry("cccd", CCCD), Map.entry("phone", PHONE),
			Map.entry("educationLevel", EDUCATION), Map.entry("employment", EMPLOYMENT));

	/**
	 * The field of a property of the registry's member record ({@code "dateOfBirth"}), or
	 * null.
	 */
	public static Field ofMemberProperty(String property) {
		return MEMBER_PROPERTIES.get(property);
	}

}
