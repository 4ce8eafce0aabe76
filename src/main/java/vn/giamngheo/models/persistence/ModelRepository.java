package vn.giamngheo.models.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.models.Participant;
import vn.giamngheo.models.PovertyModel;
import vn.giamngheo.models.PovertyModel.Funding;
import vn.giamngheo.models.PovertyModel.ModelUnit;
import vn.giamngheo.models.domain.OutcomeComparison.Point;

/**
 * The models, where they run, their funding and participants, and the recognised
 * assessments their outcome reads. A model is visible to a user when its owner unit or
 * one of its units lies in the user's view scope.
 */
@Repository
public class ModelRepository {

	private static final String SELECT = "select m.id, m.province_code, m.name, m.type, m.description, m.owner_unit_id,"
			+ " o.name as owner_name, m.owner_path, m.started_on, m.ended_on, m.replicated_from, r.name as from_name,"
			+ " m.version, m.voided, m.void_reason,"
			+ " (select count(*) from poverty_model_participant p where p.model_id = m.id) as participants"
			+ " from poverty_model m join admin_unit o on o.id = m.owner_unit_id"
			+ " left join poverty_model r on r.id = m.replicated_from";

	private static final String VISIBLE = " (m.owner_path like any(?) or exists (select 1 from poverty_model_unit u"
			+ " where u.model_id = m.id and u.unit_path like any(?)))";

	private final JdbcClient jdbc;

	public ModelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One model (voided too), with its units and funding. */
	public Optional<PovertyModel> find(UUID id) {
		List<Row> rows = this.jdbc.sql(SELECT + " where m.id = ?").param(id).query(ModelRepository::row).list();
		return complete(rows).stream().findFirst();
	}

	/**
	 * A page of the visible models, not voided, newest start first.
	 * @param patterns the caller's view patterns
	 * @param unitPath models owned by or running in this unit (or null)
	 * @param type one type (or null)
	 */
	public Rows page(String[] patterns, String unitPath, String type, int page, int size) {
		StringBuilder where = new StringBuilder(" where not m.voided and").append(VISIBLE);
		List<Object> params = new ArrayList<>(List.of(patterns, patterns));
		if (unitPath != null) {
			where.append(
					" and (m.owner_path like ? or exists (select 1 from poverty_model_unit u where u.model_id = m.id"
							+ " and u.unit_path like ?))");
			params.add(unitPath + "%");
			params.add(unitPath + "%");
		}
		if (type != null) {
			where.append(" and m.type = ?");
			params.add(type);
		}
		long total = this.jdbc.sql("select count(*) from poverty_model m" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<Row> rows = this.jdbc.sql(SELECT + where + " order by m.started_on desc, m.name limit ? offset ?")
			.params(paged)
			.query(ModelRepository::row)
			.list();
		return new Rows(complete(rows), total);
	}

	/** The visible models (not voided) by name, for the "replicated from" choice. */
	public List<PovertyModel> visible(String[] patterns) {
		List<Row> rows = this.jdbc.sql(SELECT + " where not m.voided and" + VISIBLE + " order by m.name")
			.params(patterns, patterns)
			.query(ModelRepository::row)
			.list();
		return complete(rows);
	}

	/** Of each model (not voided), the models that copy it directly. */
	public Map<UUID, List<UUID>> copies() {
		Map<UUID, List<UUID>> copies = new HashMap<>();
		this.jdbc.sql("select id, replicated_from from poverty_model where replicated_from is not null and not voided")
			.query((rs) -> {
				copies.computeIfAbsent(rs.getObject(2, UUID.class), (k) -> new ArrayList<>())
					.add(rs.getObject(1, UUID.class));
			});
		return copies;
	}

	/** Models by id (not voided), with their units. */
	public List<PovertyModel> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Row> rows = this.jdbc.sql(SELECT + " where not m.voided and m.id = any(?) order by m.started_on, m.name")
			.param(ids.toArray(UUID[]::new))
			.query(ModelRepository::row)
			.list();
		return complete(rows);
	}

	/** The models (not voided) a household takes part in, visible or not. */
	public List<PovertyModel> ofHousehold(UUID householdId) {
		List<Row> rows = this.jdbc
			.sql(SELECT + " where not m.voided and exists (select 1 from poverty_model_participant p"
					+ " where p.model_id = m.id and p.household_id = ?) order by m.started_on desc")
			.param(householdId)
			.query(ModelRepository::row)
			.list();
		return complete(rows);
	}

	public UUID insert(PovertyModel m, String by) {
		return this.jdbc
			.sql("insert into poverty_model (province_code, name, type, description, owner_unit_id, owner_path,"
					+ " started_on, ended_on, replicated_from, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " returning id")
			.params(m.provinceCode(), m.name(), m.type(), m.description(), m.ownerUnitId(), m.ownerPath(),
					m.startedOn(), m.endedOn(), m.replicatedFrom(), by)
			.query(UUID.class)
			.single();
	}

	/** Writes the model's own columns when the version matches; 0 when stale. */
	public int update(PovertyModel m, int version) {
		return this.jdbc
			.sql("update poverty_model set province_code = ?, name = ?, type = ?, description = ?, owner_unit_id = ?,"
					+ " owner_path = ?, started_on = ?, ended_on = ?, replicated_from = ?, version = version + 1,"
					+ " updated_at = now() where id = ? and version = ? and not voided")
			.params(m.provinceCode(), m.name(), m.type(), m.description(), m.ownerUnitId(), m.ownerPath(),
					m.startedOn(), m.endedOn(), m.replicatedFrom(), m.id(), version)
			.update();
	}

	/** Moves the version on (a change to its units or participants); 0 when stale. */
	public int touch(UUID id, int version) {
		return this.jdbc
			.sql("update poverty_model set version = version + 1, updated_at = now() where id = ? and version = ?"
					+ " and not voided")
			.params(id, version)
			.update();
	}

	public int voidModel(UUID id, int version, String reason) {
		return this.jdbc
			.sql("update poverty_model set voided = true, void_reason = ?, version = version + 1, updated_at = now()"
					+ " where id = ? and version = ? and not voided")
			.params(reason, id, version)
			.update();
	}

	public void replaceUnits(UUID id, List<ModelUnit> units) {
		this.jdbc.sql("delete from poverty_model_unit where model_id = ?").param(id).update();
		for (ModelUnit u : units) {
			this.jdbc.sql("insert into poverty_model_unit (model_id, unit_id, unit_path, since) values (?, ?, ?, ?)")
				.params(id, u.unitId(), u.path(), u.since())
				.update();
		}
	}

	public void replaceFunding(UUID id, List<Funding> funding) {
		this.jdbc.sql("delete from poverty_model_funding where model_id = ?").param(id).update();
		for (Funding f : funding) {
			this.jdbc.sql("insert into poverty_model_funding (model_id, source, amount_vnd) values (?, ?, ?)")
				.params(id, f.source(), f.amountVnd())
				.update();
		}
	}

	/** A model's participants (all of them), by head's name. */
	public List<Participant> participants(UUID modelId) {
		return this.jdbc
			.sql("select p.model_id, h.id, h.code, h.head_name, v.name, h.unit_path, p.joined_on, p.left_on"
					+ " from poverty_model_participant p join household h on h.id = p.household_id"
					+ " join admin_unit v on v.id = h.village_id where p.model_id = ? order by h.head_name, h.code")
			.param(modelId)
			.query((rs, n) -> new Participant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	/** Participants of several models (for the list's one-line outcome). */
	public Map<UUID, List<UUID>> participantIds(Collection<UUID> modelIds) {
		Map<UUID, List<UUID>> ids = new LinkedHashMap<>();
		if (modelIds.isEmpty()) {
			return ids;
		}
		this.jdbc.sql("select model_id, household_id from poverty_model_participant where model_id = any(?)")
			.param(modelIds.toArray(UUID[]::new))
			.query((rs) -> {
				ids.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(rs.getObject(2, UUID.class));
			});
		return ids;
	}

	public boolean participates(UUID modelId, UUID householdId) {
		return this.jdbc.sql("select count(*) from poverty_model_participant where model_id = ? and household_id = ?")
			.params(modelId, householdId)
			.query(Long.class)
			.single() > 0;
	}

	public void insertParticipant(UUID modelId, UUID householdId, String provinceCode, LocalDate joinedOn,
			LocalDate leftOn) {
		this.jdbc
			.sql("insert into poverty_model_participant (model_id, household_id, province_code, joined_on, left_on)"
					+ " values (?, ?, ?, ?, ?)")
			.params(modelId, householdId, provinceCode, joinedOn, leftOn)
			.update();
	}

	public void updateParticipant(UUID modelId, UUID householdId, LocalDate joinedOn, LocalDate leftOn) {
		this.jdbc
			.sql("update poverty_model_participant set joined_on = ?, left_on = ? where model_id = ?"
					+ " and household_id = ?")
			.params(joinedOn, leftOn, modelId, householdId)
			.update();
	}

	/** The recognised assessments of some households, by household. */
	public Map<UUID, List<Point>> histories(Collection<UUID> householdIds) {
		Map<UUID, List<Point>> h = new HashMap<>();
		if (householdIds.isEmpty()) {
			return h;
		}
		this.jdbc
			.sql("select household_id, year, classification, income_per_capita from household_assessment"
					+ " where recognised and household_id = any(?)")
			.param(householdIds.toArray(UUID[]::new))
			.query((rs) -> {
				add(h, rs);
			});
		return h;
	}

	/**
	 * The recognised assessments of the active households of some communes that do not
	 * take part in a model (the comparison group), by household; a household without any
	 * is listed with none.
	 */
	public Map<UUID, List<Point>> comparison(UUID modelId, Collection<Long> communeIds) {
		Map<UUID, List<Point>> h = new HashMap<>();
		if (communeIds.isEmpty()) {
			return h;
		}
		this.jdbc
			.sql("select h.id, a.year, a.classification, a.income_per_capita from household h"
					+ " left join household_assessment a on a.household_id = h.id and a.recognised"
					+ " where h.commune_id = any(?) and not h.voided and h.status = 'ACTIVE' and not exists (select 1"
					+ " from poverty_model_participant p where p.model_id = ? and p.household_id = h.id)")
			.params(communeIds.toArray(Long[]::new), modelId)
			.query((rs) -> {
				UUID id = rs.getObject(1, UUID.class);
				h.computeIfAbsent(id, (k) -> new ArrayList<>());
				if (rs.getObject(2) != null) {
					add(h, rs);
				}
			});
		return h;
	}

	/**
	 * Where the visible models (not voided) run under a unit: unit path and model id and
	 * type, one row per model and unit.
	 */
	public List<String[]> unitsUnder(String[] patterns, String unitPath) {
		return this.jdbc
			.sql("select u.unit_path, m.id::text, m.type from poverty_model_unit u join poverty_model m on m.id ="
					+ " u.model_id where not m.voided and u.unit_path like ? and" + VISIBLE)
			.params(unitPath + "%", patterns, patterns)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
	}

	/**
	 * Households taking part (now: not left) in the visible models running under a unit.
	 */
	public long participantsUnder(String[] patterns, String unitPath) {
		return this.jdbc
			.sql("select count(distinct p.household_id) from poverty_model_participant p join household h on h.id ="
					+ " p.household_id join poverty_model m on m.id = p.model_id where not m.voided and p.left_on is null"
					+ " and h.unit_path like ? and h.unit_path like any(?)")
			.params(unitPath + "%", patterns)
			.query(Long.class)
			.single();
	}

	/** A household's id by its code (voided ones excluded). */
	public Optional<UUID> householdByCode(String code) {
		return this.jdbc.sql("select id from household where code = ? and not voided")
			.param(code)
			.query(UUID.class)
			.optional();
	}

	private static void add(Map<UUID, List<Point>> h, ResultSet rs) throws SQLException {
		long income = rs.getLong(4);
		Long incomeOrNull = rs.wasNull() ? null : income;
		h.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
			.add(new Point(rs.getInt(2), rs.getString(3), incomeOrNull));
	}

	private List<PovertyModel> complete(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		Map<UUID, List<ModelUnit>> units = new HashMap<>();
		this.jdbc
			.sql("select u.model_id, u.unit_id, a.name, u.unit_path, case when a.level = 'village' then a.parent_id"
					+ " else a.id end, u.since from poverty_model_unit u join admin_unit a on a.id = u.unit_id"
					+ " where u.model_id = any(?) order by a.name")
			.param(ids)
			.query((rs) -> {
				units.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(new ModelUnit(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
							rs.getObject(6, LocalDate.class)));
			});
		Map<UUID, List<Funding>> funding = new HashMap<>();
		this.jdbc.sql("select model_id, source, amount_vnd from poverty_model_funding where model_id = any(?)")
			.param(ids)
			.query((rs) -> {
				funding.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(new Funding(rs.getString(2), rs.getLong(3)));
			});
		List<PovertyModel> models = new ArrayList<>();
		for (Row r : rows) {
			List<Funding> f = new ArrayList<>(funding.getOrDefault(r.id(), List.of()));
			f.sort(java.util.Comparator.comparingInt((x) -> PovertyModel.SOURCES.indexOf(x.source())));
			models.add(new PovertyModel(r.id(), r.provinceCode(), r.name(), r.type(), r.description(), r.ownerUnitId(),
					r.ownerName(), r.ownerPath(), r.startedOn(), r.endedOn(), r.replicatedFrom(), r.fromName(),
					r.version(), r.voided(), r.voidReason(), units.getOrDefault(r.id(), List.of()), f,
					r.participants()));
		}
		return models;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("province_code"), rs.getString("name"),
				rs.getString("type"), rs.getString("description"), rs.getLong("owner_unit_id"),
				rs.getString("owner_name"), rs.getString("owner_path"), rs.getObject("started_on", LocalDate.class),
				rs.getObject("ended_on", LocalDate.class), rs.getObject("replicated_from", UUID.class),
				rs.getString("from_name"), rs.getInt("version"), rs.getBoolean("voided"), rs.getString("void_reason"),
				rs.getInt("participants"));
	}

	private record Row(UUID id, String provinceCode, String name, String type, String description, long ownerUnitId,
			String ownerName, String ownerPath, LocalDate startedOn, LocalDate endedOn, UUID replicatedFrom,
			String fromName, int version, boolean voided, String voidReason, int participants) {
	}

	/**
	 * A page of models and how many match.
	 *
	 * @param items the models of the page
	 * @param total all matching
	 */
	public record Rows(List<PovertyModel> items, long total) {
	}

}
