package vn.giamngheo.targets;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;

/**
 * Unit boundaries uploaded as a GeoJSON FeatureCollection (ADR 0007): each feature is a
 * Polygon or MultiPolygon whose unit code is in one of the properties {@link #CODE_KEYS};
 * the unit must lie under the unit the file is uploaded to and in the uploader's capture
 * scope. A file with any error stores nothing.
 */
@Service
public class Boundaries {

	/** Properties read, in order, for a feature's unit code. */
	public static final List<String> CODE_KEYS = List.of("code", "ma", "ma_xa", "ma_huyen", "ma_tinh");

	/** Largest file accepted. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	public Boundaries(JdbcClient jdbc, Geography geography, CurrentActor actor, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Replaces the boundaries of the units named in the file.
	 * @param unitId the unit uploaded to (its descendants or itself may be named)
	 * @param file the GeoJSON bytes
	 * @return the number of boundaries stored
	 */
	@Transactional
	public int upload(long unitId, byte[] file) {
		this.actor.require(Permission.UNIT_EDIT);
		Unit root = this.geography.unit(unitId);
		String by = this.actor.require(Permission.UNIT_EDIT, root.path()).username();
		if (file == null || file.length == 0) {
			throw invalid("file", "targets.boundary.empty");
		}
		if (file.length > MAX_BYTES) {
			throw invalid("file", "targets.boundary.too-large", MAX_BYTES / (1024 * 1024));
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(file);
		}
		catch (JacksonException ex) {
			throw invalid("file", "targets.boundary.not-json", ex.getOriginalMessage());
		}
		if (tree == null || !tree.isObject() || !"FeatureCollection".equals(text(tree.get("type")))
				|| !tree.has("features") || !tree.get("features").isArray()) {
			throw invalid("file", "targets.boundary.not-collection");
		}
		JsonNode features = tree.get("features");
		if (features.isEmpty()) {
			throw invalid("file", "targets.boundary.no-features");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<Long, ObjectNode> byUnit = new LinkedHashMap<>();
		for (int k = 0; k < features.size(); k++) {
			JsonNode f = features.get(k);
			String field = "features[" + k + "]";
			int row = k + 1;
			String code = code(f);
			if (code == null) {
				problems.add(new FieldProblem(field, "targets.boundary.no-code", row, String.join(", ", CODE_KEYS)));
				continue;
			}
			JsonNode geometry = f.get("geometry");
			String type = (geometry == null) ? null : text(geometry.get("type"));
			if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
				problems
					.add(new FieldProblem(field, "targets.boundary.geometry", row, code, (type == null) ? "-" : type));
				continue;
			}
			if (!geometry.has("coordinates") || !geometry.get("coordinates").isArray()
					|| geometry.get("coordinates").isEmpty()) {
				problems.add(new FieldProblem(field, "targets.boundary.coordinates", row, code));
				continue;
			}
			Unit unit = this.geography.byCode(code)
				.stream()
				.filter((u) -> u.path().startsWith(root.path()))
				.filter((u) -> this.actor.get().scope().canCapture(u.path()))
				.findFirst()
				.orElse(null);
			if (unit == null) {
				problems.add(new FieldProblem(field, "targets.boundary.unknown-unit", row, code, root.name()));
				continue;
			}
			if (byUnit.containsKey(unit.id())) {
				problems.add(new FieldProblem(field, "targets.boundary.duplicate", row, code));
				continue;
			}
			ObjectNode feature = this.json.createObjectNode();
			feature.put("type", "Feature");
			feature.set("geometry", geometry);
			byUnit.put(unit.id(), feature);
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		byUnit.forEach((id, feature) -> {
			Unit u = this.geography.unit(id);
			boolean existed = this.jdbc.sql("select count(*) from unit_boundary where unit_id = ?")
				.param(id)
				.query(Integer.class)
				.single() > 0;
			this.jdbc
				.sql("insert into unit_boundary (unit_id, geojson, uploaded_by, uploaded_at)"
						+ " values (?, cast(? as jsonb), ?, ?) on conflict (unit_id) do update"
						+ " set geojson = excluded.geojson, uploaded_by = excluded.uploaded_by,"
						+ " uploaded_at = excluded.uploaded_at")
				.params(id, this.json.writeValueAsString(feature), by, now)
				.update();
			this.audit.record(new AuditEntry(by, existed ? "UPDATE" : "CREATE", "UNIT_BOUNDARY", Long.toString(id),
					null, u.path(), u.provinceCode(),
					Map.of("geometry",
							new Change(existed ? "…" : null, feature.get("geometry").get("type").asString())),
					"upload"));
		});
		return byUnit.size();
	}

	/**
	 * The stored boundaries of these units (the caller has read them through a scoped
	 * query), as GeoJSON geometry objects by unit id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Object> geometries(List<Long> unitIds) {
		Map<Long, Object> out = new LinkedHashMap<>();
		if (unitIds.isEmpty()) {
			return out;
		}
		this.jdbc.sql("select unit_id, geojson -> 'geometry' as g from unit_boundary where unit_id in (:ids)")
			.param("ids", unitIds)
			.query((rs, n) -> {
				out.put(rs.getLong(1), this.json.readValue(rs.getString(2), Map.class));
				return null;
			})
			.list();
		return out;
	}

	private static String code(JsonNode feature) {
		if (feature == null || !feature.isObject()) {
			return null;
		}
		JsonNode props = feature.get("properties");
		if (props == null || !props.isObject()) {
			return null;
		}
		for (String key : CODE_KEYS) {
			JsonNode v = props.get(key);
			if (v != null && !v.isNull() && !v.asString().isBlank()) {
				return v.asString().trim();
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		return (node == null || !node.isString()) ? null : node.asString();
	}

	private static DomainException invalid(String field, String key, Object... args) {
		return DomainException.invalid(List.of(new FieldProblem(field, key, args)));
	}

}
