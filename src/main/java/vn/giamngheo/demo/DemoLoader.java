package vn.giamngheo.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.demo.DemoGenerator.Chunk;
import vn.giamngheo.demo.DemoGenerator.Commune;
import vn.giamngheo.demo.DemoGenerator.Village;
import vn.giamngheo.demo.DemoProvinces.District;
import vn.giamngheo.demo.DemoProvinces.Province;
import vn.giamngheo.geography.UnitTypes;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Loads the demo provinces that are not loaded yet, in one transaction: villages, unit
 * attributes, households, members and assessments (PostgreSQL COPY, generated rows
 * streamed in chunks while the next chunk is generated), then the {@code demo_load}
 * marker. A load that dies half-way rolls back and is redone on the next start; a second
 * call does nothing. For large loads the secondary indexes of the registry tables are
 * dropped and rebuilt around the load.
 */
@Component
public class DemoLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private static final long LOCK_KEY = 4_975_001L;

	private static final int CHUNK = 2000;

	/**
	 * Households planned above which indexes are rebuilt rather than maintained row by
	 * row.
	 */
	private static final int REBUILD_INDEXES_ABOVE = 40_000;

	private static final String[] BIG_TABLES = { "household", "member", "household_assessment", "support_demand",
			"benefit_record", "exit_plan", "household_event", "poverty_model_participant" };

	private final DataSource dataSource;

	private final SupportPolicies policies;

	/**
	 * @param dataSource the owner's connections: the load drops and rebuilds indexes,
	 * analyzes tables and, as superuser, skips the per-row foreign-key triggers (ADR
	 * 0015)
	 * @param policies the support policies (versions and agencies of the demo's support
	 * history)
	 */
	public DemoLoader(@OwnerDatabase DataSource dataSource, SupportPolicies policies) {
		this.dataSource = dataSource;
		this.policies = policies;
	}

	/**
	 * Per review year: poor and near-poor rates (%) province-wide; poor rate in
	 * mountainous and plain districts, in poor (30a) and other districts; households
	 * leaving poverty, newly poor, and of those re-poor (poor in an earlier year, not in
	 * the year before).
	 */
	public record YearSummary(int year, String standardKey, double poorRate, double nearPoorRate,
			double mountainPoorRate, double plainPoorRate, double poorDistrictPoorRate, double otherDistrictPoorRate,
			int exits, int newPoor, int rePoor, long meanPoorIncome) {
	}

	public record ProvinceSummary(String code, String name, int villages, int households, int members, int assessments,
			List<YearSummary> years) {
	}

	/** What a load did; {@code provinces} is empty when everything was already loaded. */
	public record LoadReport(List<ProvinceSummary> provinces, long households, long members, long assessments,
			double seconds) {

		public boolean loadedAnything() {
			return !this.provinces.isEmpty();
		}

		public double rowsPerSecond() {
			return (this.seconds > 0) ? (this.households + this.members + this.assessments) / this.seconds : 0;
		}

	}

	/**
	 * Loads the demo provinces not loaded yet.
	 * @param size the size setting as written by the user (for the marker)
	 * @param fraction the share of full size
	 * @param seed random seed
	 */
	public LoadReport load(String size, double fraction, long seed) {
		long start = System.nanoTime();
		try (Connection c = this.dataSource.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			try {
				LoadReport report = loadInTransaction(c, size, fraction, seed, start);
				c.commit();
				if (report.loadedAnything()) {
					c.setAutoCommit(true);
					long t = System.nanoTime();
					try (Statement st = c.createStatement()) {
						for (String table : BIG_TABLES) {
							st.execute("analyze " + table);
						}
						st.execute("analyze admin_unit");
					}
					log.info(String.format(Locale.ROOT, "Commit and analyze %.1f s", (System.nanoTime() - t) / 1e9));
					double seconds = (System.nanoTime() - start) / 1e9;
					report = new LoadReport(report.provinces(), report.households(), report.members(),
							report.assessments(), seconds);
					logSummary(report);
				}
				return report;
			}
			catch (Exception ex) {
				c.rollback();
				throw ex;
			}
			finally {
				c.setAutoCommit(autoCommit);
			}
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Demo load failed; nothing was kept: " + ex.getMessage(), ex);
		}
	}

	/**
	 * After the 2025 reform moved the demo's households: the support recorded from
	 * 01/07/2025 on was recorded on the households' new units (commune, village path,
	 * province); the support before stays on the units of its day. So do the exit plans
	 * and household events, and the models still running move to the new units
	 * ({@link DemoExits#followReform}).
	 * @return ledger rows re-addressed
	 */
	public int supportFollowsReform() {
		try (Connection c = this.dataSource.getConnection(); Statement st = c.createStatement()) {
			int records = st.executeUpdate("""
					update benefit_record r set commune_id = h.commune_id, unit_path = h.unit_path,
					    province_code = h.province_code
					from household h where h.id = r.household_id and h.synthetic and r.created_by = 'demo'
					  and coalesce(r.delivered_on, r.decision_date, r.period_from) >= date '2025-07-01'
					  and r.unit_path <> h.unit_path""");
			st.executeUpdate("""
					update support_demand d set province_code = h.province_code
					from household h where h.id = d.household_id and h.synthetic and d.created_by = 'demo'
					  and d.registered_on >= date '2025-07-01' and d.province_code <> h.province_code""");
			DemoExits.followReform(st);
			DemoProgrammes.followReform(st);
			return records;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Demo support could not follow the reform: " + ex.getMessage(), ex);
		}
	}

	private LoadReport loadInTransaction(Connection c, String size, double fraction, long seed, long start)
			throws Exception {
		try (Statement st = c.createStatement()) {
			st.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
		}
		List<Province> todo = new ArrayList<>();
		for (Province p : DemoProvinces.all()) {
			try (PreparedStatement ps = c.prepareStatement("select 1 from demo_load where province_code = ?")) {
				ps.setString(1, p.code());
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						todo.add(p);
					}
				}
			}
		}
		if (todo.isEmpty()) {
			return new LoadReport(List.of(), 0, 0, 0, 0);
		}
		log.info("Loading demo provinces {} at {}% of full size (synthetic data)",
				todo.stream().map(Province::name).toList(), Math.round(fraction * 1000) / 10.0);
		boolean replica = superuser(c);
		try (Statement st = c.createStatement()) {
			st.execute("set local synchronous_commit = off");
			st.execute("set local maintenance_work_mem = '1GB'");
			if (replica) {
				// rows are generated consistent; skip the per-row foreign-key triggers
				st.execute("set local session_replication_role = replica");
			}
		}
		double planned = todo.stream().mapToDouble((p) -> p.fullHouseholds() * fraction).sum();
		List<String> dropped = (planned > REBUILD_INDEXES_ABOVE) ? dropSecondaryIndexes(c) : List.of();
		List<ProvinceSummary> summaries = new ArrayList<>();
		long households = 0;
		long members = 0;
		long assessments = 0;
		if (todo.contains(DemoProvinces.QUANG_NAM)) {
			splitSample(c, seed);
		}
		for (Province p : todo) {
			ProvinceSummary s = loadProvince(c, p, size, fraction, seed);
			summaries.add(s);
			households += s.households();
			members += s.members();
			assessments += s.assessments();
		}
		if (replica) {
			nameStarts(c);
		}
		if (!dropped.isEmpty()) {
			long t = System.nanoTime();
			try (Statement st = c.createStatement()) {
				for (String ddl : dropped) {
					st.execute(ddl);
				}
			}
			log.info("Rebuilt {} indexes in {} s", dropped.size(),
					String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t) / 1e9));
		}
		return new LoadReport(summaries, households, members, assessments, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * The split old commune of the new Thành phố Đà Nẵng: Xã Hòa Liên (old Đà Nẵng,
	 * 20296).
	 */
	static final String SPLIT_COMMUNE = "20296";

	/**
	 * Villages of the sample of Xã Hòa Liên: two named after the wards that received part
	 * of it (so a suggestion shows), four that the officer must place. Names are demo
	 * assumptions, not the commune's real villages.
	 */
	static final List<String> SPLIT_VILLAGES = List.of("Hải Vân", "Liên Chiểu", "1", "2", "3", "4");

	static final int SPLIT_HOUSEHOLDS = 12;

	/**
	 * A small synthetic sample of old Đà Nẵng's split commune Xã Hòa Liên (its province
	 * is not a demo province): six villages with a few households each and their heads,
	 * without assessments. The new Đà Nẵng's split-resolution screen then has villages to
	 * place (ADR 0028).
	 */
	private static void splitSample(Connection c, long seed) throws SQLException {
		long commune;
		String path;
		try (PreparedStatement ps = c.prepareStatement(
				"select id, path from admin_unit where code = ?" + " and edition = '2024' and level = 'commune'")) {
			ps.setString(1, SPLIT_COMMUNE);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return;
				}
				commune = rs.getLong(1);
				path = rs.getString(2);
			}
		}
		SplittableRandom rng = new SplittableRandom(seed ^ 20296L);
		String village = "insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm,"
				+ " parent_id, province_code, path, urban, valid_from, synthetic) values (?, 'local', 'village', 4,"
				+ " 'Thôn', ?, ?, ?, ?, '48', '/', false, date '2010-01-01', true) returning id";
		String household = "insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
				+ " head_name_norm, urban, ethnic_minority, synthetic) values ('48', ?, ?, ?, ?, ?, ?, false, false,"
				+ " true) returning id";
		String member = "insert into member (household_id, province_code, full_name, full_name_norm, sex,"
				+ " date_of_birth, ethnicity_code, relation, sort_order) values (?, '48', ?, ?, ?, ?, '01', 'HEAD', 0)";
		int number = 0;
		for (int v = 0; v < SPLIT_VILLAGES.size(); v++) {
			String name = "Thôn " + SPLIT_VILLAGES.get(v);
			long villageId;
			try (PreparedStatement ps = c.prepareStatement(village)) {
				ps.setString(1, SPLIT_COMMUNE + "-" + DemoGenerator.pad(v + 1, 2));
				ps.setString(2, name);
				ps.setString(3, SPLIT_VILLAGES.get(v));
				ps.setString(4, TextNormalizer.fold(name));
				ps.setLong(5, commune);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					villageId = rs.getLong(1);
				}
			}
			String villagePath = path + villageId + "/";
			try (PreparedStatement ps = c.prepareStatement("update admin_unit set path = ? where id = ?")) {
				ps.setString(1, villagePath);
				ps.setLong(2, villageId);
				ps.executeUpdate();
			}
			for (int h = 0; h < SPLIT_HOUSEHOLDS; h++) {
				boolean male = rng.nextDouble() < 0.8;
				String family = DemoNames.family("01", rng);
				String head = DemoNames.name("01", family, male, rng);
				java.util.UUID id;
				try (PreparedStatement ps = c.prepareStatement(household)) {
					ps.setString(1, SPLIT_COMMUNE + "-" + String.format("%06d", ++number));
					ps.setLong(2, commune);
					ps.setLong(3, villageId);
					ps.setString(4, villagePath);
					ps.setString(5, head);
					ps.setString(6, TextNormalizer.fold(head));
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						id = rs.getObject(1, java.util.UUID.class);
					}
				}
				try (PreparedStatement ps = c.prepareStatement(member)) {
					ps.setObject(1, id);
					ps.setString(2, head);
					ps.setString(3, TextNormalizer.fold(head));
					ps.setString(4, male ? "M" : "F");
					ps.setObject(5, LocalDate.of(1960 + rng.nextInt(40), 1 + rng.nextInt(12), 1 + rng.nextInt(28)));
					ps.executeUpdate();
				}
			}
		}
	}

	/**
	 * The name-start rows of the demo's households (V87, ADR 0060): with the replica role
	 * the household table's triggers did not write them, and a province's name search
	 * reads only them. The loaded provinces' households and those of the split sample
	 * (ADR 0028) are the synthetic ones; rows already there are kept.
	 */
	private static void nameStarts(Connection c) throws SQLException {
		long t = System.nanoTime();
		try (Statement st = c.createStatement()) {
			int rows = st.executeUpdate("insert into household_name_start"
					+ " select h.province_code, s.name_start, h.code, h.id, h.unit_path from household h"
					+ " cross join lateral name_starts(h.head_name_norm) s (name_start)"
					+ " where h.synthetic and not h.voided on conflict do nothing");
			log.info("Name starts of the demo households: {} rows in {} s", rows,
					String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t) / 1e9));
		}
	}

	private static boolean superuser(Connection c) throws SQLException {
		try (Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	/**
	 * Drops the indexes of the big tables that do not back a constraint; returns their
	 * definitions.
	 */
	private static List<String> dropSecondaryIndexes(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		List<String> defs = new ArrayList<>();
		String sql = "select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i"
				+ " where i.indrelid in ('household'::regclass, 'member'::regclass, 'household_assessment'::regclass,"
				+ " 'support_demand'::regclass, 'benefit_record'::regclass)"
				+ " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)";
		try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
				defs.add(rs.getString(2));
			}
		}
		try (Statement st = c.createStatement()) {
			for (String name : names) {
				st.execute("drop index " + name);
			}
		}
		return defs;
	}

	private ProvinceSummary loadProvince(Connection c, Province p, String size, double fraction, long seed)
			throws Exception {
		long t0 = System.nanoTime();
		Map<String, Long> districtIds = new LinkedHashMap<>();
		try (PreparedStatement ps = c.prepareStatement("select code, id from admin_unit where edition = '2024'"
				+ " and level = 'district' and province_code = ? order by code")) {
			ps.setString(1, p.code());
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					districtIds.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		if (districtIds.isEmpty()) {
			throw new IllegalStateException("No 2024 districts for province " + p.code());
		}
		record Row(long id, String code, String name, String type, boolean urban, String district, String path,
				int depth) {
		}
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select c.id, c.code, c.name, c.type, c.urban, d.code, c.path,"
				+ " c.depth from admin_unit c join admin_unit d on d.id = c.parent_id where c.edition = '2024'"
				+ " and c.level = 'commune' and c.province_code = ? order by c.code")) {
			ps.setString(1, p.code());
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
							rs.getString(6), rs.getString(7), rs.getInt(8)));
				}
			}
		}
		// villages, sized on the full province so that they do not depend on the demo
		// size
		List<Commune> provisional = new ArrayList<>();
		for (Row r : rows) {
			provisional
				.add(new Commune(r.id(), r.code(), r.name(), r.type(), r.urban(), r.district(), r.path(), List.of()));
		}
		DemoGenerator sizing = new DemoGenerator(p, provisional, 1.0, seed, new boolean[rows.size()]);
		double totalWeight = provisional.stream().mapToDouble(sizing::communeWeight).sum();
		int[] villageCounts = new int[rows.size()];
		int villageTotal = 0;
		for (int k = 0; k < rows.size(); k++) {
			villageCounts[k] = DemoGenerator.villageCount(p,
					p.fullHouseholds() * sizing.communeWeight(provisional.get(k)) / totalWeight);
			villageTotal += villageCounts[k];
		}
		long nextId = reserveIds(c, villageTotal);
		StringBuilder villageCopy = new StringBuilder(villageTotal * 160);
		List<Commune> communes = new ArrayList<>();
		SplittableRandom names = new SplittableRandom(seed ^ Long.parseLong(p.code()));
		for (int k = 0; k < rows.size(); k++) {
			Row r = rows.get(k);
			List<Village> villages = new ArrayList<>();
			java.util.Set<String> used = new java.util.HashSet<>();
			for (int v = 1; v <= villageCounts[k]; v++) {
				long id = nextId++;
				String type = r.urban() ? "Tổ dân phố"
						: ("12".equals(p.code()) && names.nextDouble() < 0.85) ? "Bản" : "Thôn";
				String shortName = "Bản".equals(type) ? villageName(names, used) : Integer.toString(v);
				String name = type + " " + shortName;
				String path = r.path() + id + "/";
				villages.add(new Village(id, name, path));
				villageCopy.append(id).append('\t').append(r.code()).append('-').append(DemoGenerator.pad(v, 2));
				villageCopy.append("\tlocal\tvillage\t").append(r.depth() + 1).append('\t').append(type).append('\t');
				villageCopy.append(name).append('\t').append(shortName).append('\t').append(TextNormalizer.fold(name));
				villageCopy.append('\t').append(r.id()).append('\t').append(p.code()).append('\t').append(path);
				villageCopy.append('\t').append(UnitTypes.urbanByType(type) ? 't' : 'f');
				villageCopy.append("\t2010-01-01\tt\n");
			}
			communes
				.add(new Commune(r.id(), r.code(), r.name(), r.type(), r.urban(), r.district(), r.path(), villages));
		}
		copy(c, "admin_unit (id, code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
				+ " province_code, path, urban, valid_from, synthetic)", villageCopy);

		boolean[] dbkk = attributes(c, p, districtIds, communes, seed);

		long t1 = System.nanoTime();
		DemoGenerator gen = new DemoGenerator(p, communes, fraction, seed, dbkk);
		gen.simulate();
		long t2 = System.nanoTime();
		int[] counts = stream(c, gen);
		log.info(String.format(Locale.ROOT,
				"%s: villages and attributes %.1f s, simulation %.1f s, generate + COPY %.1f s", p.name(),
				(t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9));
		// the exit plans, events and models, then the support history (which funds the
		// approved plans), now that every year's assessments exist
		DemoExits.load(c, p, seed);
		DemoSupport.load(c, p, seed, this.policies.all());
		DemoProgrammes.load(c, p, seed);

		try (PreparedStatement ps = c.prepareStatement("insert into demo_load (province_code, size, fraction, seed,"
				+ " first_year, last_year, villages, households, members, assessments) values (?,?,?,?,?,?,?,?,?,?)")) {
			ps.setString(1, p.code());
			ps.setString(2, (size == null) ? "sample" : size);
			ps.setDouble(3, fraction);
			ps.setLong(4, seed);
			ps.setInt(5, p.firstYear());
			ps.setInt(6, p.lastYear());
			ps.setInt(7, villageTotal);
			ps.setInt(8, counts[0]);
			ps.setInt(9, counts[1]);
			ps.setInt(10, counts[2]);
			ps.executeUpdate();
		}
		return new ProvinceSummary(p.code(), p.name(), villageTotal, counts[0], counts[1], counts[2], summarise(gen));
	}

	private static final String[] BAN_PARTS = { "Nà", "Huổi", "Pá", "Nậm", "Phiêng", "Co", "Hua", "Tà", "Sin", "Lả",
			"Mường", "Pắc", "Khau", "Hồng", "Na", "Bó", "Tát", "Chăn", "Lếch", "Ngà", "Sang", "Phìn", "Hô", "Pậu" };

	private static String villageName(SplittableRandom r, java.util.Set<String> used) {
		for (int attempt = 0;; attempt++) {
			String name = BAN_PARTS[r.nextInt(BAN_PARTS.length)] + " "
					+ BAN_PARTS[r.nextInt(BAN_PARTS.length)].toLowerCase(Locale.ROOT);
			if (attempt > 20) {
				name = name + " " + (attempt - 19);
			}
			if (used.add(name)) {
				return name;
			}
		}
	}

	private static long reserveIds(Connection c, int count) throws SQLException {
		try (Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select nextval(pg_get_serial_sequence('admin_unit', 'id'))")) {
			rs.next();
			long first = rs.getLong(1);
			st.execute("select setval(pg_get_serial_sequence('admin_unit', 'id'), " + (first + count) + ")");
			return first;
		}
	}

	private static final String NOTE = "Giả định dữ liệu mẫu (demo), người dùng có thể sửa / Demo assumption, editable by a user. ";

	/** Writes the demo unit attributes; returns which communes are DBKK. */
	private boolean[] attributes(Connection c, Province p, Map<String, Long> districtIds, List<Commune> communes,
			long seed) throws SQLException {
		String sql = "insert into unit_attribute (unit_id, attribute, value, valid_from, valid_to, legal_basis,"
				+ " verified, assumption, note, set_by) values (?,?,?,?,?,?,false,true,?,'demo')";
		boolean[] dbkk = new boolean[communes.size()];
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (Map.Entry<String, Long> e : districtIds.entrySet()) {
				District d = p.district(e.getKey());
				if (d == null) {
					continue;
				}
				long id = e.getValue();
				String terrainNote = NOTE + (d.mountain()
						? "Mountainous district as the province's resolution (seed) lists it."
						: "Plain district: not among the mountainous districts of the province's resolution (seed).");
				if ("49".equals(p.code()) && "509".equals(e.getKey())) {
					terrainNote = NOTE + "Quế Sơn flagged PLAIN. Caveat: the province's nine mountainous districts"
							+ " include Nông Sơn, which is not a unit of the 2024 list (merged into Quế Sơn, 2024/25);"
							+ " its communes are not flagged here.";
				}
				add(ps, id, "TERRAIN", d.mountain() ? "MOUNTAIN" : "PLAIN", LocalDate.of(2010, 1, 1), null, null,
						terrainNote);
				if (d.poor30a()) {
					add(ps, id, "POOR_DISTRICT", "true", LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31),
							"Nghị quyết 30a/2008/NQ-CP",
							NOTE + ("12".equals(p.code())
									? "The seed says 6 of 7 rural districts are poor; which six is a demo assumption"
											+ " (Than Uyên left out)."
									: "One of the six 30a districts of Quảng Nam."));
					if ("49".equals(p.code())) {
						// 2021–2025: the poor districts of Decision 353/QĐ-TTg
						// (15/03/2022), a
						// list of its own (issue 15); which of Quảng Nam's districts it
						// names
						// was not read here
						add(ps, id, "POOR_DISTRICT", "true", LocalDate.of(2022, 3, 15), LocalDate.of(2025, 12, 31),
								"Quyết định 353/QĐ-TTg",
								NOTE + "Poor district 2021-2025 (Decision 353/QĐ-TTg): the list"
										+ " was not read; assumed to be the same 30a district.");
					}
				}
				boolean border = d.border()
						|| ("49".equals(p.code()) && ("504".equals(e.getKey()) || "510".equals(e.getKey())));
				if (border) {
					add(ps, id, "BORDER", "true", LocalDate.of(2010, 1, 1), null, null,
							NOTE + "District on the national border.");
				}
			}
			for (int k = 0; k < communes.size(); k++) {
				Commune commune = communes.get(k);
				District d = p.district(commune.districtCode());
				if (d == null || !d.mountain() || !"Xã".equals(commune.type())) {
					continue;
				}
				double share = d.poor30a() ? 0.55 : ("105".equals(d.code()) ? 0 : 0.25);
				if (new SplittableRandom(seed ^ commune.id()).nextDouble() < share) {
					dbkk[k] = true;
					add(ps, commune.id(), "DBKK_COMMUNE", "true", LocalDate.of(2017, 1, 1), LocalDate.of(2020, 12, 31),
							"Quyết định 900/QĐ-TTg (2017)",
							NOTE + "Drawn at random among communes of mountainous districts; not the official list.");
				}
			}
			ps.executeBatch();
		}
		return dbkk;
	}

	private static void add(PreparedStatement ps, long unit, String attribute, String value, LocalDate from,
			LocalDate to, String legal, String note) throws SQLException {
		ps.setLong(1, unit);
		ps.setString(2, attribute);
		ps.setString(3, value);
		ps.setObject(4, from);
		ps.setObject(5, to);
		ps.setString(6, legal);
		ps.setString(7, note);
		ps.addBatch();
	}

	private static final String HOUSEHOLD_COLUMNS = "household (id, province_code, code, commune_id, village_id,"
			+ " unit_path, head_name, head_name_norm, address, urban, ethnic_minority, social_protection, meritorious,"
			+ " phone, synthetic)";

	private static final String MEMBER_COLUMNS = "member (id, household_id, province_code, full_name, full_name_norm,"
			+ " sex, date_of_birth, ethnicity_code, relation, cccd, education_level, in_school, employment,"
			+ " health_insurance, hi_valid_to, disability, social_allowance, malnourished, ill_no_care, sort_order)";

	private static final String ASSESSMENT_COLUMNS = "household_assessment (id, household_id, province_code, year,"
			+ " standard_key, survey_date, member_count, income_per_capita, housing_quality, floor_area_m2,"
			+ " water_source, latrine, telecom_use, internet_use, info_devices, loudspeaker_reach, waste_handling,"
			+ " deprivations, deprivation_count, classification, poor_subtype, recognised, decision_no, decision_date,"
			+ " source)";

	private static final Chunk END = new Chunk(0);

	/** Generates chunks on a helper thread while this thread copies the previous one. */
	private static int[] stream(Connection c, DemoGenerator gen) throws Exception {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
		Thread producer = new Thread(() -> {
			try {
				for (int from = 0; from < gen.households(); from += CHUNK) {
					Chunk chunk = new Chunk(CHUNK);
					gen.render(from, Math.min(gen.households(), from + CHUNK), chunk);
					chunk.encode();
					queue.put(chunk);
				}
				queue.put(END);
			}
			catch (Throwable ex) {
				try {
					queue.put(ex);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
				}
			}
		}, "demo-generator");
		producer.setDaemon(true);
		producer.start();
		int[] counts = new int[3];
		try {
			while (true) {
				Object item = queue.take();
				if (item == END) {
					break;
				}
				if (item instanceof Throwable ex) {
					throw new IllegalStateException("Demo generation failed", ex);
				}
				Chunk chunk = (Chunk) item;
				copy(c, HOUSEHOLD_COLUMNS + " from stdin", chunk.encoded[0]);
				copy(c, MEMBER_COLUMNS + " from stdin", chunk.encoded[1]);
				copy(c, ASSESSMENT_COLUMNS + " from stdin (format binary)", chunk.encoded[2]);
				counts[0] += chunk.householdCount;
				counts[1] += chunk.memberCount;
				counts[2] += chunk.assessmentCount;
			}
		}
		finally {
			producer.interrupt();
		}
		return counts;
	}

	private static void copy(Connection c, String tableAndColumns, CharSequence rows) throws SQLException {
		copy(c, tableAndColumns + " from stdin", rows.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Runs {@code copy <tableAndColumnsAndSource>} with the given bytes. */
	private static void copy(Connection c, String tableAndColumns, byte[] bytes) throws SQLException {
		if (bytes.length == 0) {
			return;
		}
		CopyManager copy = c.unwrap(PgConnection.class).getCopyAPI();
		CopyIn in = copy.copyIn("copy " + tableAndColumns);
		try {
			in.writeToCopy(bytes, 0, bytes.length);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	static List<YearSummary> summarise(DemoGenerator gen) {
		Province p = gen.province();
		int n = gen.households();
		boolean[] mountain = new boolean[n];
		boolean[] poorDistrict = new boolean[n];
		int mountainCount = 0;
		int poorDistrictCount = 0;
		for (int i = 0; i < n; i++) {
			District d = p.district(gen.communes().get(gen.communeOf[i]).districtCode());
			mountain[i] = d.mountain();
			poorDistrict[i] = d.poor30a();
			mountainCount += mountain[i] ? 1 : 0;
			poorDistrictCount += poorDistrict[i] ? 1 : 0;
		}
		boolean[] everPoor = new boolean[n];
		List<YearSummary> years = new ArrayList<>();
		for (int y = 0; y < p.years(); y++) {
			byte[] cls = gen.classOf[y];
			int poor = 0;
			int near = 0;
			int mountainPoor = 0;
			int poorDistrictPoor = 0;
			int exits = 0;
			int entries = 0;
			int rePoor = 0;
			for (int i = 0; i < n; i++) {
				boolean isPoor = cls[i] == DemoGenerator.POOR;
				if (isPoor) {
					poor++;
					mountainPoor += mountain[i] ? 1 : 0;
					poorDistrictPoor += poorDistrict[i] ? 1 : 0;
				}
				else if (cls[i] == DemoGenerator.NEAR_POOR) {
					near++;
				}
				if (y > 0) {
					boolean wasPoor = gen.classOf[y - 1][i] == DemoGenerator.POOR;
					if (wasPoor && !isPoor) {
						exits++;
					}
					else if (!wasPoor && isPoor) {
						entries++;
						if (everPoor[i]) {
							rePoor++;
						}
					}
				}
				if (y > 0) {
					everPoor[i] |= gen.classOf[y - 1][i] == DemoGenerator.POOR;
				}
			}
			int year = p.firstYear() + y;
			years.add(new YearSummary(year, DemoStandards.standardKeyOf(year), 100.0 * poor / n, 100.0 * near / n,
					percent(mountainPoor, mountainCount), percent(poor - mountainPoor, n - mountainCount),
					percent(poorDistrictPoor, poorDistrictCount),
					percent(poor - poorDistrictPoor, n - poorDistrictCount), exits, entries, rePoor,
					(gen.poorRendered[y] > 0) ? gen.poorIncomeSum[y] / gen.poorRendered[y] : 0));
		}
		return years;
	}

	private static double percent(int part, int whole) {
		return (whole > 0) ? 100.0 * part / whole : 0;
	}

	private static void logSummary(LoadReport report) {
		for (ProvinceSummary s : report.provinces()) {
			StringBuilder sb = new StringBuilder();
			sb.append(String.format(Locale.ROOT,
					"Demo %s (%s, synthetic): %d villages, %d households, %d members," + " %d assessments%n", s.name(),
					s.code(), s.villages(), s.households(), s.members(), s.assessments()));
			sb.append(" year standard   poor%  near%   poor% by district: mountain  plain  30a-poor  other"
					+ "   exits  new-poor  re-poor  poor-income\n");
			for (YearSummary y : s.years()) {
				sb.append(
						String.format(Locale.ROOT, " %4d %-9s %6.2f %6.2f %27.2f %6.2f %9.2f %6.2f %7d %9d %8d %12d%n",
								y.year(), y.standardKey(), y.poorRate(), y.nearPoorRate(), y.mountainPoorRate(),
								y.plainPoorRate(), y.poorDistrictPoorRate(), y.otherDistrictPoorRate(), y.exits(),
								y.newPoor(), y.rePoor(), y.meanPoorIncome()));
			}
			log.info("{}", sb.toString().stripTrailing());
		}
		log.info(String.format(Locale.ROOT,
				"Demo load: %d households, %d members, %d assessments in %.1f s (%.0f rows/s)", report.households(),
				report.members(), report.assessments(), report.seconds(), report.rowsPerSecond()));
	}

}
