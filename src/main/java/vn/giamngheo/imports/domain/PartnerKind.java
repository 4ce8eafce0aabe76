package vn.giamngheo.imports.domain;

import java.util.List;

/**
 * The partner files an import reads (ADR 0037): each kind is sent by one agency, gives
 * ledger records of its policies, and has its columns (the template's headers, in
 * Vietnamese, and the other spellings recognised).
 */
public enum PartnerKind {

	/** Sao kê dư nợ NHCSXH: one loan contract a row. */
	VBSP_LOANS("VBSP",
			List.of(Column.CONTRACT, Column.PROGRAMME, Column.NAME, Column.CCCD, Column.HOUSEHOLD_CODE, Column.COMMUNE,
					Column.DISBURSED, Column.AMOUNT, Column.TERM, Column.RATE, Column.OUTSTANDING, Column.LOAN_STATUS,
					Column.SAVINGS_GROUP)),

	/** Danh sách cấp thẻ BHYT: one card a row. */
	HI_CARDS("SOCIAL_INSURANCE",
			List.of(Column.CARD, Column.NAME, Column.DATE_OF_BIRTH, Column.CCCD, Column.HOUSEHOLD_CODE, Column.GROUP,
					Column.VALID_FROM, Column.VALID_TO, Column.CENTRAL, Column.LOCAL, Column.OWN)),

	/**
	 * Danh sách học sinh miễn học phí, hỗ trợ chi phí học tập: one pupil and support a
	 * row.
	 */
	SCHOOL("EDUCATION", List.of(Column.NAME, Column.DATE_OF_BIRTH, Column.CCCD, Column.HOUSEHOLD_CODE, Column.SCHOOL,
			Column.LEVEL, Column.SCHOOL_YEAR, Column.BENEFIT, Column.MONTHS, Column.AMOUNT));

	private final String agency;

	private final List<Column> columns;

	PartnerKind(String agency, List<Column> columns) {
		this.agency = agency;
		this.columns = columns;
	}

	/** The agency that sends the file ({@code identity.Agency} name). */
	public String agency() {
		return this.agency;
	}

	/** The columns, in the template's order. */
	public List<Column> columns() {
		return this.columns;
	}

	/** The kind of a name, or null. */
	public static PartnerKind of(String name) {
		for (PartnerKind k : values()) {
			if (k.name().equals(name)) {
				return k;
			}
		}
		return null;
	}

	/**
	 * A column of a partner file: the template's header and the folded spellings a header
	 * may start with.
	 */
	public enum Column {

		CONTRACT(true, "Số khế ước", "so khe uoc", "so hop dong", "ma khe uoc", "khe uoc"),

		PROGRAMME(true, "Chương trình cho vay", "chuong trinh", "ma chuong trinh", "chuong trinh cho vay"),

		NAME(true, "Họ và tên", "ho va ten", "ho ten", "ten nguoi vay", "ho ten nguoi vay", "ten hoc sinh",
				"ho ten hoc sinh", "ho va ten hoc sinh", "ho ten nguoi tham gia"),

		CCCD(false, "Số CCCD", "so cccd", "cccd", "can cuoc", "so can cuoc", "so dinh danh", "ma dinh danh"),

		HOUSEHOLD_CODE(false, "Mã hộ", "ma ho", "ma ho gia dinh", "ma so ho"),

		COMMUNE(false, "Xã", "xa", "xa phuong", "xa/phuong", "ten xa"),

		DISBURSED(true, "Ngày giải ngân", "ngay giai ngan", "ngay vay", "ngay phat tien vay"),

		AMOUNT(true, "Số tiền (đồng)", "so tien", "so tien vay", "so tien ho tro", "so tien (dong)",
				"so tien giai ngan"),

		TERM(true, "Thời hạn vay (tháng)", "thoi han", "thoi han vay", "ky han"),

		RATE(false, "Lãi suất (%/năm)", "lai suat"),

		OUTSTANDING(false, "Dư nợ (đồng)", "du no"),

		LOAN_STATUS(true, "Tình trạng", "tinh trang", "trang thai", "tinh trang no"),

		SAVINGS_GROUP(false, "Tổ TK&VV", "to tk&vv", "to tk vv", "to tiet kiem", "to tk"),

		CARD(true, "Số thẻ BHYT", "so the bhyt", "ma the bhyt", "so the", "ma the"),

		DATE_OF_BIRTH(true, "Ngày sinh", "ngay sinh", "ngay thang nam sinh"),

		GROUP(true, "Đối tượng", "doi tuong", "nhom doi tuong", "doi tuong tham gia"),

		VALID_FROM(true, "Giá trị sử dụng từ ngày", "gia tri su dung tu", "hieu luc tu", "tu ngay", "gia tri tu"),

		VALID_TO(true, "Giá trị sử dụng đến ngày", "gia tri su dung den", "hieu luc den", "den ngay", "gia tri den"),

		CENTRAL(false, "Ngân sách trung ương đóng (đồng)", "ngan sach trung uong", "nstw"),

		LOCAL(false, "Ngân sách địa phương đóng (đồng)", "ngan sach dia phuong", "nsdp"),

		OWN(false, "Người tham gia đóng (đồng)", "nguoi tham gia dong", "ca nhan dong", "ho gia dinh dong"),

		SCHOOL(true, "Trường", "truong", "ten truong", "co so giao duc"),

		LEVEL(false, "Cấp học", "cap hoc", "bac hoc"),

		SCHOOL_YEAR(true, "Năm học", "nam hoc"),

		BENEFIT(true, "Chế độ", "che do", "loai ho tro", "noi dung ho tro"),

		MONTHS(false, "Số tháng", "so thang");

		private final boolean required;

		private final String header;

		private final List<String> spellings;

		Column(boolean required, String header, String... spellings) {
			this.required = required;
			this.header = header;
			this.spellings = List.of(spellings);
		}

		/** Whether a row needs it. */
		public boolean required() {
			return this.required;
		}

		/** The template's header. */
		public String header() {
			return this.header;
		}

		/**
		 * Folded spellings a header is (or starts with followed by a space or bracket).
		 */
		public List<String> spellings() {
			return this.spellings;
		}

		/** The message key of its label. */
		public String labelKey() {
			return "imports.partner.col." + name();
		}

	}

}
