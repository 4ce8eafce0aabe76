package vn.giamngheo.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.giamngheo.demo.DemoProvinces.Province;

/**
 * The demo's issue-17 history of one province, written in the load's transaction once its
 * assessments exist and before its support history (ADR 0045): exit plans with their
 * needs, checkpoints and linked outcomes, household events (shocks, births, members
 * leaving) and poverty-reduction models with their units, funding and participants.
 * Set-based SQL on the V66 tables, {@code source = 'DEMO'}, {@code created_by = 'demo'};
 * every draw is an md5 of deterministic ids, the year and the seed (as
 * {@link DemoSupport}). The history is biased on purpose: registrants are mostly
 * households that do exit, and most households that fall into poverty had a shock
 * recorded in the second half of the year before — the demo's backtest measures this
 * design, not the real world.
 */
final class DemoExits {

	private static final Logger log = LoggerFactory.getLogger(DemoExits.class);

	private DemoExits() {
	}

	/** The last day of the demo on which something happened (the partial year). */
	static LocalDate lastDay(Province p) {
		return DemoProvinces.LAI_CHAU.code().equals(p.code()) ? LocalDate.of(p.lastYear(), 12, 31)
				: DemoSupport.PARTIAL_CUTOFF;
	}

	/**
	 * The last target year of exit plans: Quảng Nam registers for 2026 (the review now
	 * running, no outcome yet); Lai Châu's demo ends with the review of 2020.
	 */
	static int lastPlanYear(Province p) {
		return DemoProvinces.LAI_CHAU.code().equals(p.code()) ? p.lastYear() : p.lastYear() + 1;
	}

	/** What was written for one province. */
	record Counts(long plans, long events, long models, long participants, double seconds) {
	}

	static Counts load(Connection c, Province p, long seed) throws SQLException {
		long t = System.nanoTime();
		long[] counts = new long[4];
		try (Statement st = c.createStatement()) {
			// sorts and hashes of a province's household-years in memory
			st.execute("set local work_mem = '256MB'");
			StringBuilder slow = new StringBuilder();
			List<String> statements = statements(p, seed);
			for (int k = 0; k < statements.size(); k++) {
				long s = System.nanoTime();
				st.execute(statements.get(k));
				double took = (System.nanoTime() - s) / 1e9;
				if (took >= 0.2) {
					slow.append(String.format(Locale.ROOT, " [#%d %.1f s] %s", k, took,
							statements.get(k).strip().lines().findFirst().orElse("")));
				}
			}
			if (!slow.isEmpty()) {
				log.info("{}: slowest exits-history statements:{}", p.name(), slow);
			}
			counts[0] = count(st, "select count(*) from dx_plan");
			counts[1] = count(st, "select count(*) from dx_ev");
			counts[2] = count(st, "select count(*) from dx_model");
			counts[3] = count(st, "select count(*) from dx_part");
			for (String table : List.of("dx_part", "dx_munit", "dx_model", "dx_tpl", "dx_district", "dx_ev", "dx_storm",
					"dx_need", "dx_plan", "dx_cy", "dx_commune")) {
				st.execute("drop table " + table);
			}
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		log.info(String.format(Locale.ROOT,
				"%s: exits history %d plans, %d events, %d models with %d participants in %.1f s", p.name(), counts[0],
				counts[1], counts[2], counts[3], seconds));
		return new Counts(counts[0], counts[1], counts[2], counts[3], seconds);
	}

	/** The day the 2025 units came into force. */
	static final String REFORM_DAY = "date '2025-07-01'";

	/**
	 * After the 2025 reform moved the demo's households: exit plans registered and events
	 * dated from 01/07/2025 on were recorded on the households' new units; a model still
	 * running on that day is owned by the new commune of most of its participants, runs
	 * (from that day) also in the new communes its participants now live in, and carries
	 * the new province code. Earlier rows keep the units of their day.
	 */
	static void followReform(Statement st) throws SQLException {
		st.executeUpdate(
				"""
						update exit_plan e set commune_id = h.commune_id, unit_path = h.unit_path, province_code = h.province_code
						from household h where h.id = e.household_id and h.synthetic and e.source = 'DEMO'
						  and e.registered_on >= {day} and e.unit_path <> h.unit_path"""
					.replace("{day}", REFORM_DAY));
		st.executeUpdate("""
				update exit_plan_need n set province_code = e.province_code from exit_plan e
				where e.id = n.plan_id and e.source = 'DEMO' and n.province_code <> e.province_code""");
		st.executeUpdate("""
				update exit_plan_checkpoint k set province_code = e.province_code from exit_plan e
				where e.id = k.plan_id and e.source = 'DEMO' and k.province_code <> e.province_code""");
		st.executeUpdate("""
				update household_event e set unit_path = h.unit_path, province_code = h.province_code
				from household h where h.id = e.household_id and h.synthetic and e.source = 'DEMO'
				  and e.event_date >= {day} and e.unit_path <> h.unit_path""".replace("{day}", REFORM_DAY));
		st.executeUpdate(
				"""
						with running as (select m.id, m.owner_unit_id from poverty_model m where m.source = 'DEMO'
						    and (m.ended_on is null or m.ended_on >= {day})
						    and exists (select 1 from admin_unit c where c.id = m.owner_unit_id and c.valid_to < {day})),
						successor as (select distinct on (r.id) r.id, h.commune_id, h.province_code, c.path
						    from running r join poverty_model_participant a on a.model_id = r.id
						    join household h on h.id = a.household_id join admin_unit c on c.id = h.commune_id
						    group by r.id, h.commune_id, h.province_code, c.path order by r.id, count(*) desc, h.commune_id)
						update poverty_model m set owner_unit_id = s.commune_id, owner_path = s.path, province_code = s.province_code
						from successor s where s.id = m.id and m.owner_unit_id <> s.commune_id"""
					.replace("{day}", REFORM_DAY));
		st.executeUpdate(
				"""
						insert into poverty_model_unit (model_id, unit_id, unit_path, since)
						select distinct p.model_id, h.commune_id, c.path, {day}
						from poverty_model_participant p join poverty_model m on m.id = p.model_id
						join household h on h.id = p.household_id join admin_unit c on c.id = h.commune_id
						where m.source = 'DEMO' and (m.ended_on is null or m.ended_on >= {day}) and (p.left_on is null or p.left_on >= {day})
						  and not exists (select 1 from poverty_model_unit u where u.model_id = m.id and h.unit_path like u.unit_path || '%')
						on conflict do nothing"""
					.replace("{day}", REFORM_DAY));
		st.executeUpdate(
				"""
						update poverty_model_participant p set province_code = h.province_code
						from household h, poverty_model m where h.id = p.household_id and m.id = p.model_id and m.source = 'DEMO'
						  and p.province_code <> h.province_code and (m.ended_on is null or m.ended_on >= {day})
						  and (p.left_on is null or p.left_on >= {day})"""
					.replace("{day}", REFORM_DAY));
	}

	private static long count(Statement st, String sql) throws SQLException {
		try (var rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Token → md5 column of the draws ({@code {ph0}}–{@code {ph3}} …). */
	private static final String[][] DRAW_SOURCES = { { "ph", "d.ph" }, { "qh", "d.qh" }, { "nh", "z.nh" },
			{ "ch", "z.ch" }, { "eh", "z.eh" }, { "sh", "z.sh" }, { "mh", "z.mh" }, { "fh", "z.fh" } };

	/** The order of classes: POOR 0, NEAR_POOR 1, above 2. */
	private static String rank(String column) {
		return "(case " + column + " when 'POOR' then 0 when 'NEAR_POOR' then 1 else 2 end)";
	}

	/** A SQL text array literal. */
	static String array(List<String> texts) {
		return texts.stream()
			.map((x) -> "'" + x.replace("'", "''") + "'")
			.collect(Collectors.joining(", ", "(array[", "])"));
	}

	/** One of the texts, chosen by a draw in [0, 1). */
	static String choose(List<String> texts, String draw) {
		return array(texts) + "[1 + floor(" + draw + " * " + texts.size() + ")::int]";
	}

	/** A value chosen by a draw in [0, 1) with weights (summing to 1). */
	static String weighted(String draw, String[] values, double[] weights) {
		StringBuilder sb = new StringBuilder("(case");
		double sum = 0;
		for (int k = 0; k < values.length - 1; k++) {
			sum += weights[k];
			sb.append(String.format(Locale.ROOT, " when %s < %.3f then '%s'", draw, sum, values[k]));
		}
		return sb.append(" else '").append(values[values.length - 1]).append("' end)").toString();
	}

	/** Adverse event types. */
	static final String[] SHOCKS = { "NATURAL_DISASTER", "SERIOUS_ILLNESS", "EARNER_DEATH", "EARNER_DISABILITY",
			"JOB_LOSS", "LAND_LOSS" };

	/** Shock weights (order of {@link #SHOCKS}): Quảng Nam's mountain districts. */
	static final double[] QN_MOUNTAIN = { 0.30, 0.28, 0.10, 0.10, 0.10, 0.12 };

	/** Quảng Nam's plain (lowland, coastal) districts: more jobs lost, fewer slides. */
	static final double[] QN_PLAIN = { 0.17, 0.32, 0.10, 0.10, 0.24, 0.07 };

	/** Lai Châu: flash floods and landslides, land lost to them, few factory jobs. */
	static final double[] LAI_CHAU = { 0.25, 0.32, 0.12, 0.10, 0.06, 0.15 };

	/** The type of a shock from a draw, by the province and the commune's terrain. */
	private static String shockType(Province p, String draw) {
		if (DemoProvinces.LAI_CHAU.code().equals(p.code())) {
			return weighted(draw, SHOCKS, LAI_CHAU);
		}
		return "(case when c.mountain then " + weighted(draw, SHOCKS, QN_MOUNTAIN) + " else "
				+ weighted(draw, SHOCKS, QN_PLAIN) + " end)";
	}

	/** The note of a shock other than a disaster (whose note names its storm). */
	private static String shockNote(String type, String draw) {
		return "(case " + type + " when 'SERIOUS_ILLNESS' then " + choose(
				List.of("Chủ hộ mắc bệnh hiểm nghèo, điều trị dài ngày", "Vợ chủ hộ bị ung thư, chi phí điều trị lớn",
						"Con bị bệnh tim bẩm sinh, phải phẫu thuật", "Chủ hộ bị tai biến mạch máu não, liệt nửa người"),
				draw) + " when 'EARNER_DEATH' then "
				+ choose(List.of("Chủ hộ mất do tai nạn giao thông", "Lao động chính qua đời do bệnh nặng",
						"Chồng mất do tai nạn lao động"), draw)
				+ " when 'EARNER_DISABILITY' then "
				+ choose(
						List.of("Chủ hộ bị tai nạn lao động, mất khả năng lao động",
								"Lao động chính bị tai nạn giao thông, mất sức lao động"),
						draw)
				+ " when 'JOB_LOSS' then "
				+ choose(List.of("Lao động chính mất việc tại khu công nghiệp",
						"Con đi làm công nhân bị cho thôi việc, về quê", "Chủ hộ mất việc làm thời vụ"), draw)
				+ " when 'LAND_LOSS' then "
				+ choose(
						List.of("Đất sản xuất bị thu hồi làm công trình, chưa có đất khác",
								"Đất nương rẫy bị sạt lở, không canh tác được", "Bán đất sản xuất để trả nợ chữa bệnh"),
						draw)
				+ " end)";
	}

	/** A household's own actions by plan type (0–5) and province, two each. */
	private static List<String> ownActions(Province p) {
		if (DemoProvinces.LAI_CHAU.code().equals(p.code())) {
			return List.of("Nuôi 2 con trâu, bò sinh sản; trồng cỏ voi trên nương, làm chuồng xa nhà.",
					"Nuôi 5 con dê sinh sản, tận dụng đồi cỏ của bản; vợ chồng cùng chăm sóc.",
					"Trồng 1 ha thảo quả dưới tán rừng và nhận khoán bảo vệ 10 ha rừng.",
					"Trồng 0,5 ha chè Shan tuyết, xen ngô trong 2 năm đầu để có thu nhập ngắn ngày.",
					"Con trai đi làm công nhân tại khu công nghiệp ở Bắc Ninh, gửi tiền về hằng tháng.",
					"Chủ hộ làm công nhân thời vụ tại nhà máy thủy điện trong huyện; vợ ở nhà làm nương.",
					"Nuôi 2 con lợn đen nái và 50 con gà đồi; làm chuồng trại hợp vệ sinh.",
					"Đào ao 500 m² nuôi cá, kết hợp nuôi vịt.",
					"Mở quán tạp hóa nhỏ ở trung tâm xã; vợ bán hàng tại chợ phiên.",
					"Làm dịch vụ sửa chữa xe máy, máy nông nghiệp tại bản.",
					"Làm ruộng bậc thang 2 vụ lúa, trồng thêm ngô hàng hóa trên nương.",
					"Trồng 1 sào rau an toàn bán cho trường học và chợ xã.");
		}
		return List.of("Nuôi 2 con bò sinh sản; tự làm chuồng trại và trồng 1.000 m² cỏ; bán bê để trả nợ và tái đàn.",
				"Mua 1 con bò cái giống, nhận nuôi rẽ thêm 1 con; tận dụng rơm rạ, phụ phẩm nông nghiệp làm thức ăn.",
				"Trồng 2 ha keo lai trên đất rừng sản xuất được giao; tự phát dọn thực bì, trồng và chăm sóc.",
				"Trồng 1 ha quế dưới tán rừng, xen canh sắn trong 2 năm đầu để có thu nhập ngắn ngày.",
				"Con trai và con gái đi làm công nhân tại Khu công nghiệp Điện Nam – Điện Ngọc, gửi tiền về hằng tháng.",
				"Chủ hộ đi làm công nhân xây dựng theo mùa vụ; vợ ở nhà chăm sóc vườn và nuôi gà.",
				"Nuôi 2 con lợn nái và 200 con gà thả vườn; làm hầm biogas xử lý chất thải.",
				"Nuôi 300 con vịt đẻ, bán trứng tại chợ xã.",
				"Mở tạp hóa nhỏ tại nhà; chồng làm thợ hồ tại địa phương.",
				"Làm dịch vụ xay xát và sửa chữa xe máy tại nhà.",
				"Chuyển 3 sào lúa kém hiệu quả sang trồng rau màu; áp dụng kỹ thuật tưới tiết kiệm.",
				"Thâm canh 2 vụ lúa, trồng thêm 1 sào ớt và dưa hấu vụ hè thu.");
	}

	/**
	 * The support a plan of a type needs: (type, seq, policy or LOAN, description, low,
	 * high in million VND); type -1 is every plan (exit-plan support, where in force).
	 */
	private static final String NEED_TEMPLATES = """
			(values (0, 1, 'LOAN', 'Vay vốn mua bò giống', 30, 50),
			        (0, 2, 'LIVELIHOOD', 'Hỗ trợ giống cỏ, tập huấn kỹ thuật chăn nuôi', 3, 8),
			        (1, 1, 'LOAN', 'Vay vốn trồng rừng sản xuất', 20, 40),
			        (1, 2, 'LIVELIHOOD', 'Hỗ trợ cây giống, phân bón', 3, 6),
			        (2, 1, 'VOCATIONAL_TRAINING', 'Học nghề trước khi đi làm việc', 3, 5),
			        (2, 2, 'JOB_SUPPORT', 'Giới thiệu việc làm, hỗ trợ chi phí đi lại', 2, 4),
			        (3, 1, 'LOAN', 'Vay vốn làm chuồng trại, mua con giống', 20, 40),
			        (3, 2, 'LIVELIHOOD', 'Hỗ trợ con giống, thức ăn chăn nuôi', 4, 10),
			        (4, 1, 'LOAN', 'Vay vốn mở cửa hàng nhỏ', 30, 50),
			        (4, 2, null, 'Tập huấn kiến thức kinh doanh (Hội Liên hiệp Phụ nữ xã)', 0, 0),
			        (5, 1, 'LIVELIHOOD', 'Hỗ trợ giống cây trồng, phân bón', 3, 8),
			        (5, 2, 'VOCATIONAL_TRAINING', 'Tập huấn kỹ thuật canh tác', 2, 3),
			        (-1, 3, 'EXIT_PLAN_SUPPORT', 'Kinh phí thực hiện kế hoạch thoát nghèo của hộ', 5, 15))
			    k(t, seq, policy, description, lo, hi)""";

	/**
	 * Model templates: (group, type, name, description, low, high in million VND); groups
	 * QM (Quảng Nam mountain), QP (Quảng Nam plain and coast), LC (Lai Châu).
	 */
	private static final String MODEL_TEMPLATES = """
			(values ('QM', 'LIVESTOCK', 'Mô hình nuôi bò sinh sản',
			         'Hỗ trợ bò cái giống và tập huấn kỹ thuật; hộ tham gia trả lại bê giống cho hộ khác (quay vòng).', 400, 1500),
			        ('QM', 'FOREST', 'Mô hình trồng quế dưới tán rừng',
			         'Trồng quế Trà My dưới tán rừng; hợp tác xã liên kết thu mua vỏ quế.', 500, 2000),
			        ('QM', 'FOREST', 'Mô hình trồng rừng gỗ lớn',
			         'Trồng keo gỗ lớn theo chứng chỉ FSC trên đất rừng sản xuất được giao.', 400, 1500),
			        ('QM', 'CROPS', 'Mô hình trồng dược liệu dưới tán rừng',
			         'Trồng ba kích, đảng sâm dưới tán rừng; doanh nghiệp bao tiêu sản phẩm.', 500, 2000),
			        ('QM', 'HANDICRAFT', 'Mô hình dệt thổ cẩm',
			         'Tổ hợp tác dệt thổ cẩm của đồng bào dân tộc thiểu số, bán sản phẩm cho khách du lịch.', 200, 800),
			        ('QM', 'SERVICES', 'Mô hình du lịch cộng đồng',
			         'Homestay, ẩm thực và trải nghiệm văn hóa tại thôn; đào tạo kỹ năng đón khách.', 600, 2500),
			        ('QM', 'LIVESTOCK', 'Mô hình nuôi lợn đen bản địa',
			         'Nuôi lợn đen bán chăn thả theo tổ hợp tác, tiêu thụ qua hợp tác xã.', 300, 1000),
			        ('QP', 'AQUACULTURE', 'Mô hình nuôi tôm thẻ chân trắng',
			         'Nuôi tôm thẻ chân trắng trong ao lót bạt theo quy trình an toàn sinh học.', 600, 3000),
			        ('QP', 'CROPS', 'Mô hình trồng rau an toàn',
			         'Trồng rau theo tiêu chuẩn VietGAP, liên kết tiêu thụ với bếp ăn trường học và siêu thị.', 300, 1000),
			        ('QP', 'LIVESTOCK', 'Mô hình nuôi gà thả vườn',
			         'Hỗ trợ gà giống, thức ăn và vắc-xin; tổ hợp tác cùng bán sản phẩm.', 200, 800),
			        ('QP', 'VOCATIONAL', 'Mô hình dạy nghề may công nghiệp gắn với việc làm',
			         'Dạy nghề may 3 tháng, doanh nghiệp nhận học viên vào làm việc sau khóa học.', 300, 1200),
			        ('QP', 'HANDICRAFT', 'Mô hình đan lát mây tre',
			         'Tổ hợp tác đan lát mây tre, nhận hàng gia công cho doanh nghiệp xuất khẩu.', 200, 700),
			        ('QP', 'SERVICES', 'Mô hình tổ hợp tác dịch vụ nông nghiệp',
			         'Dịch vụ làm đất, gặt đập và cung ứng vật tư cho hộ nghèo, hộ cận nghèo.', 300, 1200),
			        ('LC', 'CROPS', 'Mô hình trồng chè Shan tuyết',
			         'Trồng và chăm sóc chè Shan tuyết; hợp tác xã thu mua búp tươi.', 400, 1500),
			        ('LC', 'FOREST', 'Mô hình trồng thảo quả dưới tán rừng',
			         'Trồng thảo quả dưới tán rừng gắn với nhận khoán bảo vệ rừng.', 300, 1200),
			        ('LC', 'LIVESTOCK', 'Mô hình nuôi trâu, bò sinh sản',
			         'Hỗ trợ trâu, bò cái giống; hộ tham gia trả lại bê, nghé cho hộ khác (quay vòng).', 400, 1500),
			        ('LC', 'AQUACULTURE', 'Mô hình nuôi cá nước lạnh',
			         'Nuôi cá hồi, cá tầm trong bể nước chảy từ suối đầu nguồn.', 800, 3000),
			        ('LC', 'HANDICRAFT', 'Mô hình dệt thổ cẩm',
			         'Tổ hợp tác dệt thổ cẩm của phụ nữ dân tộc Dao, Mông, Thái.', 200, 600),
			        ('LC', 'SERVICES', 'Mô hình du lịch cộng đồng',
			         'Homestay và hướng dẫn khách tham quan bản; đào tạo kỹ năng đón khách.', 500, 2000),
			        ('LC', 'LIVESTOCK', 'Mô hình nuôi lợn đen',
			         'Nuôi lợn đen địa phương bán chăn thả, tiêu thụ ở chợ phiên và thị trấn.', 200, 800),
			        ('LC', 'CROPS', 'Mô hình trồng lúa chất lượng cao',
			         'Trồng lúa Séng Cù trên ruộng bậc thang, liên kết tiêu thụ.', 300, 1000))
			    t(grp, type, prefix, description, lo, hi)""";

	static List<String> statements(Province p, long seed) {
		boolean laiChau = DemoProvinces.LAI_CHAU.code().equals(p.code());
		String lastDay = "date '" + lastDay(p) + "'";
		// the province's communes (2024 list) with households, and their terrain
		String communes = """
				create temp table dx_commune on commit drop as
				select c.id, c.code, c.name_norm, c.parent_id as district_id, c.path,
				       lower(c.type) || ' ' || coalesce(c.short_name, c.name) as label,
				       exists (select 1 from unit_attribute t where t.unit_id = c.parent_id and t.attribute = 'TERRAIN'
				           and t.value = 'MOUNTAIN' and not t.voided) as mountain
				from admin_unit c
				where c.edition = '2024' and c.level = 'commune' and c.province_code = '{pc}'
				  and c.id in (select h.commune_id from household h where h.province_code = '{pc}' and h.synthetic)""";
		// every household-year with the year before and after, and whether it was poor
		// before the year before (fell back)
		String years = """
				create temp table dx_cy on commit drop as
				select a.household_id as hid, h.commune_id, h.unit_path, a.year, a.id as aid,
				       a.classification as cls, a.income_per_capita as inc,
				       lag(a.classification) over w as prev_cls, lead(a.classification) over w as next_cls,
				       lead(a.id) over w as next_aid, lead(a.decision_date) over w as next_rec,
				       lead(a.income_per_capita) over w as next_inc
				from household_assessment a join household h on h.id = a.household_id
				where h.province_code = '{pc}' and h.synthetic and a.source = 'DEMO' and a.recognised
				window w as (partition by a.household_id order by a.year)""";
		// 1. exit plans: a share of the poor (near-poor) of N−1 register for N, 70 % of
		// them from the households that do exit in N and 30 % from the others (where N
		// is reviewed); Quảng Nam's resolution years ask more
		String plans = """
				create temp table dx_plan on commit drop as
				with cand as (
				  select b.hid, b.commune_id, b.unit_path, b.year + 1 as n, b.cls, b.inc, b.next_cls, b.next_aid,
				         b.next_rec, b.next_inc, b.next_cls is not null and {rank_next} > {rank_cls} as exits,
				         md5(b.hid::text || ':plan:' || (b.year + 1) || ':{seed}') as ph
				  from dx_cy b where b.cls in ('POOR', 'NEAR_POOR') and b.year + 1 <= {last_plan}),
				g as (
				  select n, cls, bool_or(next_cls is not null) as known,
				         count(*) filter (where exits)::float as e, count(*) filter (where not exits)::float as s,
				         case when '{pc}' = '49' and n >= 2021 then case cls when 'POOR' then 0.25 else 0.10 end
				              else case cls when 'POOR' then 0.12 else 0.04 end end as share
				  from cand group by n, cls),
				chosen as (
				  select d.*, md5(d.ph || ':q') as qh from cand d join g on g.n = d.n and g.cls = d.cls
				  where {ph0} < case when not g.known then g.share
				                     when d.exits then least(1, 0.7 * g.share * (g.e + g.s) / greatest(g.e, 1))
				                     else least(1, 0.3 * g.share * (g.e + g.s) / greatest(g.s, 1)) end)
				select d.*, d.ph::uuid as id, floor({ph1} * 6)::int as t, q.registered_on, q.status, 'ubnd.' || replace(c.name_norm, ' ', '') as officer,
				       case when q.status = 'WITHDRAWN' then q.registered_on + 60 + floor({qh0} * 90)::int
				            when q.status <> 'REGISTERED' then q.registered_on + 14 + floor({qh0} * 28)::int end as decided_on,
				       (3 + floor({qh3} * 13))::bigint * 1000000 as own, 0::bigint as budget
				from chosen d join dx_commune c on c.id = d.commune_id
				cross join lateral (select make_date(d.n, 2, 1) + floor({ph2} * 89)::int as registered_on,
				    case when d.n > {last} then case when {ph3} < 0.15 then 'REGISTERED' when {ph3} < 0.17 then 'REJECTED'
				                                     else 'APPROVED' end
				         else case when {ph3} < 0.03 then 'REJECTED' when {ph3} < 0.06 then 'WITHDRAWN'
				                   else 'APPROVED' end end as status) q"""
			.replace("{rank_next}", rank("b.next_cls"))
			.replace("{rank_cls}", rank("b.cls"))
			.replace("{last_plan}", Integer.toString(lastPlanYear(p)));
		String needs = """
				create temp table dx_need on commit drop as
				select d.id as plan_id, k.seq,
				       case k.policy when 'LOAN' then case d.cls when 'POOR' then 'LOAN_POOR' else 'LOAN_NEAR_POOR' end
				            else k.policy end as policy_code,
				       k.description, (k.lo + floor({nh0} * (k.hi - k.lo + 1)))::bigint * 1000000 as amount
				from dx_plan d join {templates} on k.t = d.t or k.t = -1
				cross join lateral (select md5(d.ph || ':need:' || k.seq) as nh) z
				where k.policy is distinct from 'EXIT_PLAN_SUPPORT' or ('{pc}' = '49' and d.n between 2021 and 2025)"""
			.replace("{templates}", NEED_TEMPLATES);
		String budgets = """
				update dx_plan d set budget = d.own + s.amount
				from (select plan_id, sum(amount)::bigint as amount from dx_need group by plan_id) s where s.plan_id = d.id""";
		String planRows = """
				insert into exit_plan (id, province_code, household_id, commune_id, unit_path, from_class, registered_on,
				    target_year, own_actions, budget_vnd, own_vnd, status, decided_on, decided_by, decision_no,
				    decision_note, outcome, outcome_year, outcome_class, outcome_assessment_id, outcome_linked_at, source,
				    created_by, created_at, updated_at, withdrawn_on, withdrawn_reason)
				select d.id, '{pc}', d.hid, d.commune_id, d.unit_path, d.cls, d.registered_on, d.n,
				       {actions}, d.budget, d.own, d.status,
				       case when d.status = 'WITHDRAWN' then d.registered_on + 21 else d.decided_on end,
				       case when d.status <> 'REGISTERED' then d.officer end,
				       case when d.status in ('APPROVED', 'WITHDRAWN') then (1 + floor({qh1} * 250)::int) || '/QĐ-UBND' end,
				       case d.status when 'APPROVED' then 'Đồng ý kế hoạch thoát nghèo của hộ'
				            when 'REJECTED' then 'Kế hoạch chưa nêu rõ nguồn lực của hộ; đề nghị hộ bổ sung và đăng ký lại'
				            when 'WITHDRAWN' then 'Đồng ý kế hoạch thoát nghèo của hộ' end,
				       q.outcome, case when q.outcome is not null then d.n end,
				       case when q.outcome is not null then d.next_cls end,
				       case when q.outcome is not null then d.next_aid end,
				       case when q.outcome is not null then (d.next_rec + 1 + time '08:00') at time zone 'Asia/Ho_Chi_Minh' end,
				       'DEMO', '{by}', d.registered_on::timestamptz,
				       coalesce((d.next_rec + 1)::timestamptz, d.decided_on::timestamptz, d.registered_on::timestamptz),
				       case when d.status = 'WITHDRAWN' then d.decided_on end,
				       case when d.status = 'WITHDRAWN' then {withdrawn} end
				from dx_plan d
				cross join lateral (select case when d.status = 'APPROVED' and d.next_cls is not null
				    then case when d.exits then 'EXITED' else 'NOT_EXITED' end end as outcome) q"""
			.replace("{actions}",
					array(ownActions(p)) + "[1 + 2 * d.t + floor(" + DemoSupport.draw("d.qh", 2) + " * 2)::int]")
			.replace("{withdrawn}",
					"'Hộ xin rút đăng ký: ' || " + choose(List.of("chủ hộ ốm nặng, không thực hiện được kế hoạch",
							"gia đình chuyển đi làm ăn xa", "hộ tự thấy chưa đủ điều kiện thoát nghèo năm nay"),
							"{qh2}"));
		String needRows = """
				insert into exit_plan_need (id, plan_id, province_code, seq, policy_code, description, amount_vnd)
				select md5(plan_id::text || ':need:' || seq)::uuid, plan_id, '{pc}', seq, policy_code, description, amount
				from dx_need""";
		// 1–3 checkpoints in June, August and October (up to the demo's last day); their
		// progress foreshadows the outcome
		String checkpoints = """
				insert into exit_plan_checkpoint (id, plan_id, province_code, checked_on, progress, income_per_capita,
				    note, recorded_by, created_at)
				select md5(d.id::text || ':cp:' || k.i)::uuid, d.id, '{pc}', q.day, q.progress,
				       (round((d.inc + (coalesce(d.next_inc, d.inc * 1.06) - d.inc) * extract(month from q.day) / 12.0)
				           / 10000) * 10000)::bigint,
				       case q.progress when 'ON_TRACK' then {on_track} when 'AT_RISK' then {at_risk}
				            when 'OFF_TRACK' then {off_track} else {done} end,
				       d.officer, q.day::timestamptz
				from dx_plan d cross join generate_series(1, 3) k(i)
				cross join lateral (select md5(d.id::text || ':cp:' || k.i) as ch) z
				cross join lateral (select make_date(d.n, 4 + 2 * k.i, 12) + floor({ch1} * 18)::int as day,
				    case when not d.exits and d.next_cls is null then case when {ch0} < 0.75 then 'ON_TRACK' else 'AT_RISK' end
				         when d.exits and k.i > 1 and k.i = 1 + floor({qh3} * 3) and {ch0} < 0.5 then 'DONE'
				         when d.exits then case when {ch0} < 0.8 then 'ON_TRACK' else 'AT_RISK' end
				         when k.i = 1 + floor({qh3} * 3) then case when {ch0} < 0.5 then 'OFF_TRACK' else 'AT_RISK' end
				         else case when {ch0} < 0.5 then 'ON_TRACK' else 'AT_RISK' end end as progress) q
				where d.status = 'APPROVED' and k.i <= 1 + floor({qh3} * 3) and q.day <= {last_day}"""
			.replace("{on_track}",
					choose(List.of("Hộ thực hiện đúng kế hoạch, thu nhập tăng dần.",
							"Vật nuôi, cây trồng phát triển tốt; hộ chủ động lao động."), "{ch2}"))
			.replace("{at_risk}",
					choose(List.of("Thu nhập chưa tăng như dự kiến; cán bộ hướng dẫn điều chỉnh kế hoạch.",
							"Thời tiết bất lợi, sản lượng giảm; cần theo dõi thêm."), "{ch2}"))
			.replace("{off_track}",
					choose(List.of("Hộ chưa thực hiện được kế hoạch do thiếu lao động.",
							"Vật nuôi bị dịch bệnh, hộ gặp nhiều khó khăn."), "{ch2}"))
			.replace("{done}", choose(List.of("Hộ đã hoàn thành kế hoạch, thu nhập vượt chuẩn.",
					"Hộ đã thực hiện xong các nội dung đăng ký."), "{ch2}"));
		// 2. events. Each commune-year has its storm (or flood) season day; in about 1 in
		// 10 mountain communes (1 in 20 elsewhere) a year it hits many households at once
		String storms = """
				create temp table dx_storm on commit drop as
				select c.id as commune_id, y.y, {day} as day, {sh1} < case when c.mountain then 0.10 else 0.05 end as hits,
				       0.10 + 0.20 * {sh2} as reach, {label} || ' tháng ' || extract(month from {day}) || '/' || y.y as label
				from dx_commune c cross join generate_series({first}, {last_event_year}) y(y)
				cross join lateral (select md5(c.id::text || ':storm:' || y.y || ':{seed}') as sh) z"""
			.replace("{day}",
					laiChau ? "(make_date(y.y, 7, 1) + floor({sh0} * 60)::int)"
							: "(make_date(y.y, 9, 15) + floor({sh0} * 75)::int)")
			.replace("{label}", laiChau ? "'Lũ quét, sạt lở đất'" : "'Bão, mưa lũ'")
			.replace("{last_event_year}", Integer.toString(lastDay(p).getYear()));
		String damage = choose(laiChau
				? List.of("cuốn trôi hoa màu, gia súc", "làm hư hỏng nhà ở", "vùi lấp ruộng nương",
						"làm sập chuồng trại, chết gia súc")
				: List.of("làm tốc mái nhà", "làm ngập nhà, hư hỏng tài sản", "làm sập chuồng trại, chết gia súc",
						"làm mất trắng hoa màu"),
				"{eh3}");
		String events = """
				create temp table dx_ev (id uuid not null, hid uuid not null, unit_path text not null, mid uuid,
				    day date not null, type text not null, note text) on commit drop""";
		// (a) about 45 % of the households that became poor in N (newly or again) had a
		// shock in the second half of N−1
		String entrantShocks = """
				insert into dx_ev
				select md5(b.hid::text || ':shock:' || b.year || ':{seed}')::uuid, b.hid, b.unit_path, null,
				       case when q.type = 'NATURAL_DISASTER' then s.day
				            else make_date(b.year - 1, 7, 1) + floor({eh2} * 170)::int end,
				       q.type, case when q.type = 'NATURAL_DISASTER' then s.label || ' ' || {damage}
				                    else {note} end
				from dx_cy b join dx_commune c on c.id = b.commune_id
				join dx_storm s on s.commune_id = b.commune_id and s.y = b.year - 1
				cross join lateral (select md5(b.hid::text || ':shock:' || b.year || ':{seed}') as eh) z
				cross join lateral (select {type} as type) q
				where b.cls = 'POOR' and b.prev_cls is not null and b.prev_cls <> 'POOR' and {eh0} < 0.45""";
		// (b) background, one draw a household-year: a shock for about 3 % of the other
		// households, a member moving out for about 1 %; in Quảng Nam also January–June
		// of
		// the partial year (the rows of the last year, {y} the next)
		String background = """
				insert into dx_ev
				select md5(b.hid::text || ':ev:' || {y} || ':{seed}')::uuid, b.hid, b.unit_path, null,
				       case when q.type = 'NATURAL_DISASTER' then s.day else make_date({y}, 1, 1) + floor({eh2} * 365)::int end,
				       q.type, case q.type when 'NATURAL_DISASTER' then s.label || ' ' || {damage}
				                           when 'MEMBER_LEFT' then {left} else {note} end
				from (select b.*, z.eh from dx_cy b
				      cross join lateral (select md5(b.hid::text || ':ev:' || {y} || ':{seed}') as eh) z
				      where {rows} and {eh0} < 0.04
				        and not ({eh0} < 0.03 and {y} = b.year and b.next_cls = 'POOR' and b.cls <> 'POOR')
				      offset 0) b
				join dx_commune c on c.id = b.commune_id
				join dx_storm s on s.commune_id = b.commune_id and s.y = {y}
				cross join lateral (select b.eh) z
				cross join lateral (select case when {eh0} < 0.03 then {type} else 'MEMBER_LEFT' end as type) q"""
			.replace("{left}",
					choose(List.of("Con gái đi lấy chồng ở xã khác, cắt khẩu khỏi hộ",
							"Con trai đi làm ăn xa tại TP. Hồ Chí Minh, chuyển hộ khẩu",
							"Con đi học đại học, chuyển đi nơi khác"), "{eh3}"));
		String backgroundShocks = background.replace("{y}", "b.year").replace("{rows}", "true");
		String partialYear = background.replace("{y}", "(b.year + 1)")
			.replace("{rows}", "b.year = {last} and '{pc}' = '49'");
		// (c) a storm that hits: 10–30 % of its commune's households, within three days
		String stormShocks = """
				insert into dx_ev
				select md5(b.hid::text || ':storm:' || s.y || ':{seed}')::uuid, b.hid, b.unit_path, null,
				       s.day + floor({eh2} * 3)::int, 'NATURAL_DISASTER', s.label || ' ' || {damage}
				from dx_storm s join dx_cy b on b.commune_id = s.commune_id and b.year = least(s.y, {last})
				cross join lateral (select md5(b.hid::text || ':storm:' || s.y || ':{seed}') as eh) z
				where s.hits and {eh0} < s.reach and not exists (select 1 from dx_ev e where e.hid = b.hid
				    and e.type = 'NATURAL_DISASTER' and extract(year from e.day) = s.y)""";
		// (d) births, 60 % of them recorded by the commune
		String births = """
				insert into dx_ev
				select md5(m.id::text || ':birth:{seed}')::uuid, h.id, h.unit_path, m.id, m.date_of_birth, 'BIRTH',
				       case m.relation when 'GRANDCHILD' then 'Sinh cháu, đăng ký khai sinh và nhập khẩu vào hộ'
				            else 'Sinh con, đăng ký khai sinh và nhập khẩu vào hộ' end
				from member m join household h on h.id = m.household_id
				where h.province_code = '{pc}' and h.synthetic and not m.voided and m.relation <> 'HEAD'
				  and m.date_of_birth between make_date({first}, 1, 1) and {last_day}
				  and {birth} < 0.6""".replace("{birth}", DemoSupport.draw("md5(m.id::text || ':birth:{seed}')", 0));
		String eventRows = """
				insert into household_event (id, province_code, household_id, member_id, unit_path, event_date, type, note,
				    source, created_by, created_at)
				select e.id, '{pc}', e.hid, e.mid, e.unit_path, e.day, e.type, e.note, 'DEMO', '{by}',
				       (e.day + 3)::timestamptz
				from dx_ev e where e.day <= {last_day}""";
		// 3. models: 2–4 per district in Quảng Nam (1–3 in Lai Châu), in the resolution's
		// period, owned by a commune; a quarter copy an older model of their kind
		String templates = """
				create temp table dx_tpl on commit drop as
				select t.*, row_number() over (partition by grp order by prefix, type)::int as rn,
				       count(*) over (partition by grp)::int as cnt
				from {templates}""".replace("{templates}", MODEL_TEMPLATES);
		String districts = """
				create temp table dx_district on commit drop as
				select district_id as id, bool_or(mountain) as mountain from dx_commune group by district_id""";
		String models = """
				create temp table dx_model on commit drop as
				select z.mh::uuid as id, d.id as district_id, c.id as commune_id, c.path as commune_path, c.label,
				       t.type, t.prefix, t.prefix || ' ' || c.label as name, t.description, t.lo, t.hi, q.started_on,
				       case when {end0} < 0.35 then least(q.started_on + 730 + floor({end1} * 365)::int, {period_end}) end
				           as ended_on,
				       null::uuid as replicated_from, z.mh, 10 + floor({mh1} * 31)::int as target
				from dx_district d cross join generate_series(1, 4) k(k)
				cross join lateral (select md5('{pc}:model:' || d.id || ':' || k.k || ':{seed}') as mh) z
				cross join lateral (select c.* from dx_commune c where c.district_id = d.id
				    order by md5(c.id::text || z.mh) limit 1) c
				join dx_tpl t on t.grp = case when '{pc}' = '12' then 'LC' when d.mountain then 'QM' else 'QP' end
				     and t.rn = 1 + floor({mh0} * t.cnt)::int
				cross join lateral (select {period_start} + floor({mh2} * 1400)::int as started_on) q
				where k.k <= {least} + floor({mh3} * 3)::int"""
			.replace("{period_start}", laiChau ? "date '2016-03-01'" : "date '2021-03-01'")
			.replace("{period_end}", laiChau ? "date '2020-12-31'" : "date '2025-12-31'")
			.replace("{least}", laiChau ? "1" : "2")
			.replace("{end0}", DemoSupport.draw("md5(z.mh || ':end')", 0))
			.replace("{end1}", DemoSupport.draw("md5(z.mh || ':end')", 1));
		String replication = """
				with r as (
				  select m.id, (select o.id from dx_model o where o.prefix = m.prefix and o.commune_id <> m.commune_id
				                and o.started_on <= m.started_on - 365 order by md5(o.id::text || m.id::text) limit 1) as origin
				  from dx_model m where {rep} < 0.45)
				update dx_model m set replicated_from = r.origin,
				       description = m.description || ' Nhân rộng từ ' || lower(left(o.name, 1)) || substr(o.name, 2) || '.'
				from r join dx_model o on o.id = r.origin where r.id = m.id"""
			.replace("{rep}", DemoSupport.draw("md5(m.mh || ':rep')", 0));
		// where it runs: its commune (and with 40 % a second one of the district), or 1–3
		// villages of its commune
		String units = """
				create temp table dx_munit on commit drop as
				select m.id as model_id, m.commune_id as unit_id, m.commune_path as path, m.commune_id as cid, m.started_on
				from dx_model m where {mode} < 0.6
				union all
				select m.id, c.id, c.path, c.id, m.started_on from dx_model m
				cross join lateral (select c.* from dx_commune c where c.district_id = m.district_id and c.id <> m.commune_id
				    order by md5(c.id::text || m.mh) limit 1) c
				where {mode} < 0.6 and {second} < 0.4
				union all
				select m.id, v.id, v.path, m.commune_id, m.started_on from dx_model m
				cross join lateral (select v.id, v.path from admin_unit v where v.parent_id = m.commune_id
				    and v.level = 'village' order by md5(v.id::text || m.mh) limit 1 + floor({villages} * 3)::int) v
				where {mode} >= 0.6"""
			.replace("{mode}", DemoSupport.draw("md5(m.mh || ':units')", 0))
			.replace("{second}", DemoSupport.draw("md5(m.mh || ':units')", 1))
			.replace("{villages}", DemoSupport.draw("md5(m.mh || ':units')", 2));
		// 10–40 households living in its units that were poor or near-poor the year
		// before
		// it started, and a few others (at most a fifth of the target, a quarter of them)
		String participants = """
				create temp table dx_part on commit drop as
				select model_id, hid, joined_on,
				       case when {fh1} < 0.1 then least(joined_on + 200 + floor({fh2} * 400)::int,
				           coalesce(ended_on, date '9999-12-31')) end as left_on
				from (select y.*, count(*) filter (where y.listed and y.rn <= y.target) over (partition by y.model_id) as listed_in
				      from (select m.id as model_id, b.hid, m.started_on + floor({fh0} * 60)::int as joined_on, m.ended_on,
				                   m.target, z.fh, b.cls in ('POOR', 'NEAR_POOR') as listed,
				                   row_number() over (partition by m.id, b.cls in ('POOR', 'NEAR_POOR') order by {fh3}) as rn
				            from dx_model m join dx_munit u on u.model_id = m.id
				            join dx_cy b on b.commune_id = u.cid and b.year = extract(year from m.started_on)::int - 1
				                 and b.unit_path like u.path || '%'
				            cross join lateral (select md5(m.id::text || b.hid::text) as fh) z) y) z
				where (listed and rn <= target) or (not listed and rn <= least(target / 5, listed_in / 3))""";
		String modelRows = """
				insert into poverty_model (id, province_code, name, type, description, owner_unit_id, owner_path, started_on,
				    ended_on, replicated_from, source, created_by, created_at, updated_at)
				select id, '{pc}', name, type, description, commune_id, commune_path, started_on, ended_on, replicated_from,
				       'DEMO', '{by}', started_on::timestamptz, started_on::timestamptz
				from dx_model""";
		String unitRows = """
				insert into poverty_model_unit (model_id, unit_id, unit_path, since)
				select model_id, unit_id, path, started_on from dx_munit""";
		// funding by source: central 35–50 %, local 10–20 %, policy credit for half of
		// them, mobilised up to 5 %, the households' own the rest
		String funding = """
				insert into poverty_model_funding (model_id, source, amount_vnd)
				select m.id, f.source, f.amount
				from dx_model m
				cross join lateral (select md5(m.mh || ':funding') as fh) z
				cross join lateral (select (m.lo + floor({fh0} * (m.hi - m.lo + 1)))::bigint * 1000000 as total) a
				cross join lateral (select round(a.total * (0.35 + 0.15 * {fh1}) / 1e6)::bigint * 1000000 as central,
				    round(a.total * (0.10 + 0.10 * {fh2}) / 1e6)::bigint * 1000000 as local,
				    case when {fh3} < 0.5 then round(a.total * 0.2 / 1e6)::bigint * 1000000 else 0 end as credit,
				    round(a.total * 0.05 * {fh3} / 1e6)::bigint * 1000000 as mobilised) q
				cross join lateral (values ('CENTRAL', q.central), ('LOCAL', q.local), ('CREDIT', q.credit),
				    ('MOBILISED', q.mobilised), ('OWN', a.total - q.central - q.local - q.credit - q.mobilised)) f(source, amount)
				where f.amount > 0""";
		String participantRows = """
				insert into poverty_model_participant (model_id, household_id, province_code, joined_on, left_on)
				select model_id, hid, '{pc}', joined_on, left_on from dx_part""";
		return Stream
			.of(communes, years, "analyze dx_cy", plans, needs, budgets, planRows, needRows, checkpoints, storms,
					"analyze dx_storm", events, entrantShocks, backgroundShocks, partialYear, "analyze dx_ev",
					stormShocks, births, "delete from dx_ev where day > {last_day}", eventRows, templates, districts,
					models, replication, units, participants, modelRows, unitRows, funding, participantRows)
			.map((sql) -> sql.replace("{type}", shockType(p, "{eh1}"))
				.replace("{note}", shockNote("q.type", "{eh3}"))
				.replace("{damage}", damage))
			.map((sql) -> DemoSupport.draws(sql, DRAW_SOURCES))
			.map((sql) -> sql.replace("{seed}", Long.toString(seed))
				.replace("{pc}", p.code())
				.replace("{first}", Integer.toString(p.firstYear()))
				.replace("{last}", Integer.toString(p.lastYear()))
				.replace("{last_day}", lastDay)
				.replace("{by}", DemoSupport.BY))
			.toList();
	}

}
