package vn.giamngheo.registry.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.geography.domain.AddressOnDate;
import vn.giamngheo.registry.MoveBatch;
import vn.giamngheo.registry.domain.MovePlan.Named;

/**
 * SQL of the move to the 2025 units (ADR 0028). Every step is one set-based statement
 * over the province: a province of 300,000 households moves in a few statements, not row
 * by row.
 */
@Repository
public class MoveRepository {

	/** Old communes of the 2024 list sending villages to a 2025 province, as pairs. */
	private static final String PAIRS = "select o.id as old_id, o.name as old_name, o.short_name as old_short,"
			+ " n.id as new_id, n.name as new_name, n.short_name as new_short, x.relation"
			+ " from unit_crosswalk x join admin_unit o on o.id = x.old_unit_id and o.level = 'commune'"
			+ " join admin_unit n on n.id = x.new_unit_id join admin_unit p on p.id = n.parent_id"
			+ " where p.level = 'province' and p.edition = '2025' and p.code = ?";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MoveRepository.class);

	private final JdbcClient jdbc;

	public MoveRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A 2025 province: id, code, name, path. */
	public record Province(long id, String code, String name, String path) {
	}

	public Optional<Province> province(String code) {
		return this.jdbc
			.sql("select id, code, name, path from admin_unit where level = 'province' and edition = '2025'"
					+ " and code = ?")
			.param(code)
			.query((rs, n) -> new Province(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	public Optional<Province> provinceById(long id) {
		return this.jdbc
			.sql("select id, code, name, path from admin_unit where id = ? and level = 'province'"
					+ " and edition = '2025'")
			.param(id)
			.query((rs, n) -> new Province(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** One crosswalk pair of an old commune and a new one of the province. */
	public record Pair(Named old, Named target, boolean full) {
	}

	public List<Pair> pairs(String provinceCode) {
		return this.jdbc.sql(PAIRS + " order by o.name_norm, o.id, n.name_norm").param(provinceCode).query((rs, n) -> {
			return new Pair(new Named(rs.getLong(1), rs.getString(2), rs.getString(3)),
					new Named(rs.getLong(4), rs.getString(5), rs.getString(6)), "full".equals(rs.getString(7)));
		}).list();
	}

	/** The province's "chưa xác định xã mới" unit, if made. */
	public Optional<Long> placeholder(long provinceId) {
		return this.jdbc.sql("select id from admin_unit where parent_id = ? and placeholder")
			.param(provinceId)
			.query(Long.class)
			.optional();
	}

	/** Makes the province's placeholder commune (edition 2025, under the province). */
	public long createPlaceholder(Province province, String name, String nameEn) {
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('admin_unit', 'id'))")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into admin_unit (id, code, edition, level, depth, type, name, short_name, name_en, name_norm,"
					+ " parent_id, province_code, path, urban, valid_from, placeholder) overriding system value"
					+ " values (?, ?, '2025', 'commune', 2, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, true)")
			.params(id, province.code() + "-CXD", name, name, name, nameEn,
					vn.giamngheo.shared.text.TextNormalizer.fold(name), province.id(), province.code(),
					province.path() + id + "/", AddressOnDate.REFORM)
			.update();
		return id;
	}

	/** Villages not yet moved (still open) of the split old communes of the province. */
	public int openSplitVillages(String provinceCode) {
		return this.jdbc
			.sql("select count(*) from admin_unit v where v.level = 'village' and v.valid_to is null"
					+ " and v.parent_id in (select old_id from (" + PAIRS + ") q where relation = 'partial')")
			.param(provinceCode)
			.query(Integer.class)
			.single();
	}

	public long createBatch(String provinceCode, String kind, LocalDate effective, String note, String user) {
		return this.jdbc
			.sql("insert into move_batch (province_code, kind, effective, note, created_by) values (?, ?, ?, ?, ?)"
					+ " returning id")
			.params(provinceCode, kind, effective, note, user)
			.query(Long.class)
			.single();
	}

	/**
	 * The reform's move of a province: every village still open of an old commune whose
	 * crosswalk goes to the province is re-created from 01/07/2025 under its one new
	 * commune ({@code full}) or under the placeholder (split), the old village ends
	 * 30/06/2025, each household's address so far becomes a past row and it lives in the
	 * new village. Returns the households moved.
	 */
	public int reform(long batchId, String provinceCode, Long placeholderId) {
		vn.giamngheo.shared.Laps laps = new vn.giamngheo.shared.Laps();
		this.jdbc.sql("create temp table move_village (old_id bigint, new_id bigint, commune_id bigint) on commit drop")
			.update();
		this.jdbc
			.sql("insert into move_village select v.id, nextval(pg_get_serial_sequence('admin_unit', 'id')),"
					+ " case when t.full_targets = 1 and t.targets = 1 then t.target else ? end"
					+ " from admin_unit v join (select old_id, count(*) as targets,"
					+ " count(*) filter (where relation = 'full') as full_targets, min(new_id) as target from (" + PAIRS
					+ ") q group by old_id) t on t.old_id = v.parent_id"
					+ " where v.level = 'village' and v.valid_to is null")
			.params(placeholderId, provinceCode)
			.update();
		laps.lap("plan");
		this.jdbc.sql("delete from move_village where commune_id is null").update();
		this.jdbc
			.sql("insert into admin_unit (id, code, edition, level, depth, type, name, short_name, name_en, name_norm,"
					+ " parent_id, province_code, path, urban, urban_source, valid_from, synthetic)"
					+ " overriding system value select m.new_id, v.code, 'local', 'village', c.depth + 1, v.type,"
					+ " v.name, v.short_name, v.name_en, v.name_norm, c.id, c.province_code, c.path || m.new_id || '/',"
					+ " v.urban, v.urban_source, ?, v.synthetic"
					+ " from move_village m join admin_unit v on v.id = m.old_id join admin_unit c on c.id = m.commune_id")
			.param(AddressOnDate.REFORM)
			.update();
		laps.lap("villages");
		this.jdbc.sql(
				"update admin_unit set valid_to = ?, version = version + 1 where id in (select old_id from move_village)")
			.param(AddressOnDate.REFORM.minusDays(1))
			.update();
		this.jdbc
			.sql("insert into household_address_past (household_id, province_code, commune_id, village_id, unit_path,"
					+ " valid_to, batch_id) select h.id, h.province_code, h.commune_id, h.village_id, h.unit_path, ?, ?"
					+ " from household h join move_village m on m.old_id = h.village_id")
			.params(AddressOnDate.REFORM, batchId)
			.update();
		laps.lap("past addresses");
		int moved = this.jdbc
			.sql("update household h set commune_id = m.commune_id, village_id = m.new_id, unit_path = n.path,"
					+ " province_code = n.province_code, version = h.version + 1, updated_at = now()"
					+ " from move_village m join admin_unit n on n.id = m.new_id where h.village_id = m.old_id")
			.update();
		laps.lap("households");
		this.jdbc
			.sql("insert into village_move (batch_id, province_code, old_village_id, new_village_id, from_commune_id,"
					+ " to_commune_id, households) select ?, ?, m.old_id, m.new_id, v.parent_id, m.commune_id,"
					+ " (select count(*) from household h where h.village_id = m.new_id)"
					+ " from move_village m join admin_unit v on v.id = m.old_id")
			.params(batchId, provinceCode)
			.update();
		this.jdbc.sql("drop table move_village").update();
		log.info("Reform of province {}: {} households, {}", provinceCode, moved, laps.lap("village moves"));
		return moved;
	}

	/**
	 * Moves villages waiting in the placeholder to the communes chosen for them (the same
	 * village row, under its commune from 01/07/2025: the placeholder only stood for not
	 * knowing which). Returns the households moved.
	 */
	public int place(long batchId, long[] villageIds, long[] communeIds, String[] reasons) {
		this.jdbc
			.sql("insert into village_move (batch_id, province_code, old_village_id, new_village_id, from_commune_id,"
					+ " to_commune_id, households, reason) select b.id, b.province_code, v.id, v.id, v.parent_id,"
					+ " p.commune_id," + " (select count(*) from household h where h.village_id = v.id), p.reason"
					+ " from unnest(?::bigint[], ?::bigint[], ?::text[]) as p(village_id, commune_id, reason)"
					+ " join admin_unit v on v.id = p.village_id join move_batch b on b.id = ?")
			.params(boxed(villageIds), boxed(communeIds), reasons, batchId)
			.update();
		return relink(batchId, "to_commune_id");
	}

	/**
	 * Puts the villages of a placement under the commune of a column of its rows
	 * ({@code to_commune_id} to apply it, {@code from_commune_id} to undo it), with their
	 * households.
	 */
	private int relink(long batchId, String column) {
		this.jdbc
			.sql("update admin_unit v set parent_id = c.id, path = c.path || v.id || '/', version = v.version + 1"
					+ " from village_move m join admin_unit c on c.id = m." + column
					+ " where m.batch_id = ? and v.id = m.new_village_id")
			.param(batchId)
			.update();
		return this.jdbc
			.sql("update household h set commune_id = v.parent_id, unit_path = v.path, version = h.version + 1,"
					+ " updated_at = now() from village_move m join admin_unit v on v.id = m.new_village_id"
					+ " where m.batch_id = ? and h.village_id = v.id")
			.param(batchId)
			.update();
	}

	/**
	 * One audit row per household of a batch, written while the households are in the
	 * batch's villages (after it is applied, before it is undone): its commune and
	 * village before and after, by name ({@code undo}: the other way round).
	 */
	public int auditHouseholds(long batchId, String actor, String action, boolean undo, String reason) {
		String from = undo ? "new" : "old";
		String to = undo ? "old" : "new";
		String fromCommune = undo ? "to" : "from";
		String toCommune = undo ? "from" : "to";
		return this.jdbc
			.sql("insert into audit_event (actor, action, entity_type, entity_id, household_id, unit_path,"
					+ " province_code, changes, reason) select ?, ?, 'HOUSEHOLD', h.id::text, h.id, h.unit_path,"
					+ " h.province_code, jsonb_build_object('commune', jsonb_build_object('old', fc.name, 'new',"
					+ " tc.name), 'village', jsonb_build_object('old', fv.name, 'new', tv.name)), ?"
					+ " from village_move m join household h on h.village_id = m.new_village_id"
					+ " join admin_unit fv on fv.id = m." + from + "_village_id join admin_unit tv on tv.id = m." + to
					+ "_village_id join admin_unit fc on fc.id = m." + fromCommune
					+ "_commune_id join admin_unit tc on tc.id = m." + toCommune + "_commune_id where m.batch_id = ?")
			.params(actor, action, reason, batchId)
			.update();
	}

	/** Villages still running on old communes whose crosswalk goes to the province. */
	public int openOldVillages(String provinceCode) {
		return this.jdbc
			.sql("select count(*) from admin_unit v where v.level = 'village' and v.valid_to is null"
					+ " and v.parent_id in (select old_id from (" + PAIRS + ") q)")
			.param(provinceCode)
			.query(Integer.class)
			.single();
	}

	private static final String BATCH = "select b.*, (select count(*) from village_move m where m.batch_id = b.id)"
			+ " as villages from move_batch b";

	public Optional<MoveBatch> batch(long id) {
		return this.jdbc.sql(BATCH + " where b.id = ?").param(id).query((rs, n) -> batch(rs)).optional();
	}

	public List<MoveBatch> batches(String provinceCode) {
		return this.jdbc.sql(BATCH + " where b.province_code = ? order by b.id desc")
			.param(provinceCode)
			.query((rs, n) -> batch(rs))
			.list();
	}

	private MoveBatch batch(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new MoveBatch(rs.getLong("id"), rs.getString("province_code"), rs.getString("kind"),
				rs.getObject("effective", LocalDate.class), rs.getInt("households"), rs.getInt("villages"),
				rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getString("undone_by"), rs.getObject("undone_at", OffsetDateTime.class));
	}

	public void setCount(long batchId, int households) {
		this.jdbc.sql("update move_batch set households = ? where id = ?").params(households, batchId).update();
	}

	/**
	 * Whether a later batch, not undone, moved a village this batch made or moved (it
	 * must be undone first).
	 */
	public boolean laterDepends(long batchId) {
		return this.jdbc.sql(
				"select exists (select 1 from village_move m join village_move l on l.old_village_id = m.new_village_id"
						+ " join move_batch lb on lb.id = l.batch_id where m.batch_id = ? and l.batch_id > m.batch_id"
						+ " and lb.undone_at is null)")
			.param(batchId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Households now in a village the batch made that the batch did not move there
	 * (registered since): undoing the reform would leave them on nothing.
	 */
	public int householdsAddedSince(long batchId) {
		return this.jdbc.sql("select count(*) from household h join village_move m on m.new_village_id = h.village_id"
				+ " where m.batch_id = ? and m.new_village_id <> m.old_village_id and not exists"
				+ " (select 1 from household_address_past p where p.household_id = h.id and p.batch_id = m.batch_id)")
			.param(batchId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Undoes a reform batch: the households go back to their past rows of the batch
	 * (which are deleted), the old villages run on, the villages it made are removed.
	 */
	public int undoReform(long batchId) {
		int restored = this.jdbc
			.sql("update household h set province_code = p.province_code, commune_id = p.commune_id,"
					+ " village_id = p.village_id, unit_path = p.unit_path, version = h.version + 1, updated_at = now()"
					+ " from household_address_past p where p.batch_id = ? and p.household_id = h.id")
			.param(batchId)
			.update();
		this.jdbc.sql("delete from household_address_past where batch_id = ?").param(batchId).update();
		this.jdbc
			.sql("update admin_unit set valid_to = null, version = version + 1 where id in"
					+ " (select old_village_id from village_move where batch_id = ?)")
			.param(batchId)
			.update();
		List<Long> made = this.jdbc
			.sql("select new_village_id from village_move where batch_id = ? and new_village_id <> old_village_id")
			.param(batchId)
			.query(Long.class)
			.list();
		this.jdbc.sql("delete from village_move where batch_id = ?").param(batchId).update();
		if (!made.isEmpty()) {
			this.jdbc.sql("delete from admin_unit where id = any(?)").param(made.toArray(Long[]::new)).update();
		}
		return restored;
	}

	/**
	 * Undoes a placement: the villages and their households go back to the placeholder.
	 */
	public int undoPlacement(long batchId) {
		int restored = relink(batchId, "from_commune_id");
		this.jdbc.sql("delete from village_move where batch_id = ?").param(batchId).update();
		return restored;
	}

	public void markUndone(long batchId, String user) {
		this.jdbc.sql("update move_batch set undone_by = ?, undone_at = now() where id = ?")
			.params(user, batchId)
			.update();
	}

	/** A village waiting in (or placed from) the placeholder, with where it came from. */
	public record SplitVillage(long villageId, String name, String shortName, long oldCommuneId, int households,
			Long placedCommuneId, String placedCommuneName, String reason) {

		public boolean open() {
			return this.placedCommuneId == null;
		}

	}

	/**
	 * The villages of the province's split communes made by its reform batches not
	 * undone: still in the placeholder (open) or placed in a commune.
	 */
	public List<SplitVillage> splitVillages(String provinceCode) {
		return this.jdbc
			.sql("select v.id, v.name, v.short_name, r.from_commune_id,"
					+ " (select count(*) from household h where h.village_id = v.id and not h.voided) as households,"
					+ " case when c.placeholder then null else c.id end as placed_id,"
					+ " case when c.placeholder then null else c.name end as placed_name,"
					+ " (select l.reason from village_move l join move_batch lb on lb.id = l.batch_id"
					+ " where l.new_village_id = v.id and lb.kind = 'VILLAGES' and lb.undone_at is null"
					+ " order by l.id desc limit 1) as reason"
					+ " from village_move r join move_batch b on b.id = r.batch_id and b.kind = 'REFORM_FULL'"
					+ " join admin_unit rc on rc.id = r.to_commune_id and rc.placeholder"
					+ " join admin_unit v on v.id = r.new_village_id join admin_unit c on c.id = v.parent_id"
					+ " where b.province_code = ? and b.undone_at is null order by v.name_norm, v.id")
			.param(provinceCode)
			.query((rs, n) -> new SplitVillage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getInt(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/** Communes of households now under a batch's villages (for the figures' refresh). */
	public List<Long> communesOf(long batchId) {
		return this.jdbc
			.sql("select distinct c from village_move m, lateral (values (m.from_commune_id), (m.to_commune_id)) x(c)"
					+ " where m.batch_id = ?")
			.param(batchId)
			.query(Long.class)
			.list();
	}

	/**
	 * A household's earlier addresses, oldest first: the commune and village by name
	 * (with the province) and the first day at the next address.
	 */
	public List<PastAddress> pastAddresses(java.util.UUID householdId) {
		return this.jdbc
			.sql("select c.name, v.name, p.name, a.valid_to from household_address_past a"
					+ " join admin_unit c on c.id = a.commune_id join admin_unit v on v.id = a.village_id"
					+ " left join admin_unit p on p.level = 'province' and a.unit_path like '/' || p.id || '/%'"
					+ " where a.household_id = ? order by a.valid_to, a.id")
			.param(householdId)
			.query((rs, n) -> new PastAddress(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	/** An earlier address of a household, left on {@code validTo} (exclusive). */
	public record PastAddress(String commune, String village, String province, LocalDate validTo) {
	}

	private static Long[] boxed(long[] values) {
		return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
	}

}
