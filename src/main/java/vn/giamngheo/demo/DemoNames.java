package vn.giamngheo.demo;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invented but realistic Vietnamese personal names by ethnic group (family name, middle
 * name by sex, given name by sex). No real person is meant.
 */
final class DemoNames {

	private record Pool(String[] family, String[] middleMale, String[] middleFemale, String[] male, String[] female) {
	}

	private static String[] a(String s) {
		return s.split(",");
	}

	private static final Pool KINH = new Pool(a(
			"Nguyễn,Nguyễn,Nguyễn,Nguyễn,Nguyễn,Trần,Trần,Lê,Lê,Phạm,Huỳnh,Huỳnh,Hoàng,Phan,Võ,Võ,Đặng,Bùi,Đỗ,Hồ,Ngô,Dương,Lý,Đoàn,Trương,Đinh,Lương,Mai"),
			a("Văn,Văn,Văn,Hữu,Đức,Công,Minh,Quang,Thanh,Ngọc,Xuân"), a("Thị,Thị,Thị,Thị,Ngọc,Thanh,Kim,Thu,Mỹ,Hồng"),
			a("Anh,Bình,Cường,Dũng,Đức,Hải,Hùng,Hưng,Khánh,Long,Minh,Nam,Phong,Phúc,Quân,Sơn,Tài,Thắng,Thành,Trung,Tuấn,Việt,Vinh,Lộc,Hiếu,Toàn,Tâm,Nhân"),
			a("Anh,Chi,Dung,Hà,Hạnh,Hằng,Hoa,Hương,Lan,Liên,Linh,Mai,Nga,Ngọc,Nhung,Oanh,Phương,Quyên,Thảo,Thu,Trang,Vân,Yến,Hiền,Loan,Lệ,Sương"));

	private static final Pool THAI = new Pool(a("Lò,Lò,Lường,Lường,Tòng,Cà,Quàng,Điêu,Hoàng,Vì,Lù,Lò"), a("Văn"),
			a("Thị"), a("Xôm,Panh,Khăm,Ún,Pọm,Chăn,Inh,Pằn,Thoong,Ngọc,Hặc,Biên,Hom,Bun,Xuân"),
			a("Ỉn,Xiêng,Pâng,Ngọc,Ơn,Đôi,Ánh,Kim,Lả,Phong,Ên,Hiên,Bua,Xo"));

	private static final Pool MONG = new Pool(a("Giàng,Giàng,Vàng,Vàng,Sùng,Lầu,Thào,Lý,Hầu,Mùa,Tráng,Vừ,Chang"),
			a("A,Seo,Văn,A"), a("Thị,Mí,Mỷ,Thị"), a("Chứ,Dế,Pó,Sính,Lử,Tủa,Chá,Sử,Thề,Páo,Sùng,Chua,Dình,Vàng"),
			a("Mỷ,Dợ,Chở,Pàng,Sua,Mai,Ly,Dua,Chua,Sáy,Cở,Mao"));

	private static final Pool DAO = new Pool(a("Tẩn,Tẩn,Chảo,Chảo,Phàn,Lý,Đặng,Triệu,Bàn"), a("Láo,Kiều,Văn,A,Seo"),
			a("Mẩy,Sử,Thị,Mý"), a("Phù,Chản,Quẩy,Sơn,Lở,Vần,Chiêu,Phin,Tả,Dùn,Chòi"),
			a("Mẩy,Xí,Sành,Chạn,Lở,Mùi,Cói,Dao,Sai,Lai"));

	private static final Pool HA_NHI = new Pool(a("Pờ,Lỳ,Lỳ,Chu,Lò,Phu,Hù,Ly,Phù,Sừ"), a("A,Gió,Hừ,Xá,Văn"),
			a("Mé,Xá,Thị"), a("Chừ,Pa,Gió,Xe,Hờ,Phà,Sự,Lù,Chà,Xá"), a("Mé,Gió,Xá,Ló,Xe,Mi,Chừ,Hừ"));

	private static final Pool GIAY = new Pool(a("Hoàng,Lò,Vàng,Lù,Lương,Vương,Sầm,Giàng"), a("Văn"), a("Thị"),
			a("Páo,Sinh,Khoa,Thịnh,Chỉnh,Hưởng,Phử,Dìn"), a("Pầu,Dín,Kim,Mai,Dung,Sao,Nhung"));

	private static final Pool SMALL_LC = new Pool(a("Lò,Tao,Chang,Vàng,Lường,Chìn,Pờ,Lý,Pạc,Hù,Mà,Chu,Phàn"),
			a("Văn,A,Xá"), a("Thị,Mé"), a("Pản,Ón,Khằm,Dợi,Cường,Thành,Gia,Na,Pa,Phú,Xe,Pó"),
			a("Ón,Ỏn,Lả,Ơn,Na,Mé,Ma,Xuân,Lý"));

	private static final Pool KHMU = new Pool(a("Lò,Vì,Cầm,Lường,Quàng"), a("Văn"), a("Thị"),
			a("Phăn,Xương,Khánh,Ới,Mún,Lả"), a("Bun,Ơn,Mai,Phương,Dọn"));

	private static final Pool CO_TU = new Pool(
			a("Alăng,Alăng,Bhling,Bhling,Zơrâm,Clâu,Briu,Arất,Pơloong,Riah,Ating,Coor,Bh'riu,Hôih,Tơngol"), a(""),
			a("Thị"), a("Lớp,Bốc,Nhía,Khởi,Pó,Tuyến,Đương,Kiên,Ngói,Hoa,Mia,Bhơ,Tơi,Đinh,Crư"),
			a("Cấp,Hiên,Blúi,Prao,Bríp,Chiêm,Nhoan,Hồng,Zôn,Tiếp"));

	private static final Pool XO_DANG = new Pool(a("Hồ,Hồ,Hồ,Trần,Đinh,Nguyễn,Lê"), a("Văn"), a("Thị"),
			a("Tơn,Mười,Nê,Hóa,Tư,Mận,Đen,Trữ,Lãnh,Nim,Rin,Cao"), a("Lanh,Dung,Bình,Hoa,Thơ,Đi,Lài,Nhiệm,Xoa,Lành"));

	private static final Pool GIE_TRIENG = new Pool(a("Hồ,Zơrâm,Đinh,Pơloong,A Lăng,Bờ Nướch"), a("Văn,"), a("Thị"),
			a("Ven,Bơ,Rô,Đức,Pé,Sen,Vơ,Hanh,Giáp"), a("Ngoan,Nhàn,Thiên,Sáu,Vy,Giàu,Hiên"));

	private static final Pool CO = new Pool(a("Đinh,Đinh,Hồ,Nguyễn,Trần"), a("Văn"), a("Thị"),
			a("Tài,Lai,Tèo,Ka,Bốn,Mên,Vĩnh,Dương,Hấu"), a("Mười,Hoa,Lém,Hà,Đời,Thúy"));

	private static final Pool MNONG = new Pool(a("Y,Điểu,Thị"), a(""), a(""), a("Bhin,Kré,Krăk,Nhuôn,Brơh,Djang"),
			a("H'Bhin,H'Dơng,H'Ri,Hlon,Rin"));

	private static final Map<String, Pool> BY_ETHNICITY = Map.ofEntries(Map.entry("01", KINH), Map.entry("03", THAI),
			Map.entry("08", MONG), Map.entry("09", DAO), Map.entry("35", HA_NHI), Map.entry("25", GIAY),
			Map.entry("42", SMALL_LC), Map.entry("45", SMALL_LC), Map.entry("48", SMALL_LC), Map.entry("41", SMALL_LC),
			Map.entry("50", SMALL_LC), Map.entry("29", KHMU), Map.entry("26", CO_TU), Map.entry("14", XO_DANG),
			Map.entry("27", GIE_TRIENG), Map.entry("30", CO), Map.entry("20", MNONG));

	private DemoNames() {
	}

	static String family(String ethnicity, SplittableRandom rng) {
		return pick(pool(ethnicity).family(), rng);
	}

	/** A full name with the given family name. */
	static String name(String ethnicity, String family, boolean male, SplittableRandom rng) {
		Pool p = pool(ethnicity);
		String middle = pick(male ? p.middleMale() : p.middleFemale(), rng);
		String given = pick(male ? p.male() : p.female(), rng);
		StringBuilder sb = new StringBuilder(32).append(family);
		if (!middle.isEmpty()) {
			sb.append(' ').append(middle);
		}
		return sb.append(' ').append(given).toString();
	}

	private static Pool pool(String ethnicity) {
		return BY_ETHNICITY.getOrDefault(ethnicity, KINH);
	}

	private static String pick(String[] values, SplittableRandom rng) {
		return (values.length == 0) ? "" : values[rng.nextInt(values.length)];
	}

}
