package vn.giamngheo.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.persistence.UnitRepository;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The geography capability: administrative units of both list editions, villages, dated
 * policy attributes, and the 2025 crosswalk. A user sees the units of their view scope
 * and the ancestors of those units (for navigation); other units are "not found".
 */
@Service
public class Geography {

	static final Set<String> ATTRIBUTES = Set.of("TERRAIN", "BORDER", "POOR_DISTRICT", "DBKK_COMMUNE", "DBKK_VILLAGE",
			"POOR_COMMUNE");

	/** Levels a unit picker may ask for. */
	public static final Set<String> LEVELS = Set.of("province", "district", "commune", "village");

	static final Set<String> TERRAINS = Set.of("MOUNTAIN", "PLAIN", "HIGHLAND");

	private final UnitRepository units;

	private final CurrentActor actor;

	private final AuditTrail audit;

	public Geography(UnitRepository units, CurrentActor actor, AuditTrail audit) {
		this.units = units;
		this.actor = actor;
		this.audit = audit;
	}

	/** A unit visible to the current user, or NOT_FOUND. */
	public Unit unit(long id) {
		Unit unit = this.units.findById(id).orElseThrow(() -> DomainException.notFound("UNIT", id));
		if (!visible(this.actor.get(), unit.path())) {
			throw DomainException.notFound("UNIT", id);
		}
		return unit;
	}

	/**
	 * Units with this code (a 2025 code may denote a different, larger unit than in
	 * 2024).
	 */
	public List<Unit> byCode(String code) {
		Actor current = this.actor.get();
		return this.units.findByCode(code).stream().filter((u) -> visible(current, u.path())).toList();
	}

	/** The unit with this code valid on the date, if visible. */
	public Unit byCodeOn(String code, LocalDate date) {
		return byCode(code).stream()
			.filter((u) -> u.validOn(date))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("UNIT", code));
	}

	/**
	 * A unit (a village, commune or province the user may see) and the units above it as
	 * named on a date: the unit itself while it was valid, else the one unit of the other
	 * edition it became (a later date) or came from (an earlier date) by the 2025
	 * crosswalk. Administrative units are public reference data, so the unit of the date
	 * is not checked against the scope; the unit asked for is.
	 */
	public UnitsOnDate onDate(long unitId, LocalDate date) {
		Unit unit = unit(unitId);
		Unit village = unit.isVillage() ? unit : null;
		Unit recorded = unit.isVillage() ? this.units.findById(unit.parentId()).orElseThrow() : unit;
		// not one unit on the date (split, or merged before it): the recorded unit is
		// kept
		Unit named = Objects.requireNonNullElse(unitOn(recorded, date), recorded);
		List<Unit> chain = new ArrayList<>(this.units.ancestors(named));
		chain.add(named);
		return new UnitsOnDate(date, village, level(chain, "commune"), level(chain, "district"),
				level(chain, "province"));
	}

	private Unit unitOn(Unit unit, LocalDate date) {
		if (unit.validOn(date)) {
			return unit;
		}
		List<Unit> valid = inForceInstead(unit, date);
		return (valid.size() == 1) ? valid.get(0) : null;
	}

	/**
	 * The units of the other list edition that stand for a unit (a province or commune)
	 * on a date it was not valid: those it became by the 2025 crosswalk when the date is
	 * after its end, those it came from when the date is before its start; empty while it
	 * is valid. Public reference data: not checked against the scope.
	 * @param unit the unit
	 * @param date the date
	 * @return the units valid on the date, by name
	 */
	public List<Unit> inForceInstead(Unit unit, LocalDate date) {
		if (unit.validOn(date)) {
			return List.of();
		}
		boolean later = unit.validTo() != null && date.isAfter(unit.validTo());
		List<Unit> other = "province".equals(unit.level()) ? this.units.crosswalkedProvinces(unit.path(), later)
				: this.units.crosswalked(unit.id(), later);
		return other.stream()
			.filter((u) -> u.validOn(date))
			.sorted(java.util.Comparator.comparing(Unit::name))
			.toList();
	}

	private static Unit level(List<Unit> chain, String level) {
		return chain.stream().filter((u) -> level.equals(u.level())).findFirst().orElse(null);
	}

	public List<Unit> roots(String edition) {
		Actor current = this.actor.get();
		return this.units.roots(edition).stream().filter((u) -> visible(current, u.path())).toList();
	}

	public List<Unit> children(long id) {
		Unit parent = unit(id);
		Actor current = this.actor.get();
		return this.units.children(parent.id()).stream().filter((u) -> visible(current, u.path())).toList();
	}

	public List<Unit> ancestors(Unit unit) {
		return this.units.ancestors(unit);
	}

	/**
	 * Units of the view scope by name (diacritics optional) or code, as {@link #find}
	 * ranks them.
	 */
	public List<Unit> search(String query, String edition, String level, int limit) {
		return scoped(query, (level == null) ? List.of() : List.of(level), edition, Math.max(1, Math.min(limit, 200)));
	}

	private List<Unit> scoped(String query, List<String> levels, String edition, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		Actor current = this.actor.get();
		List<String> prefixes = (current.scope().nation() || current.scope().viewPaths().contains("/")) ? null
				: current.scope().viewPaths();
		return this.units.findByName(query.strip(), prefixes, levels, edition, limit)
			.stream()
			.filter((u) -> current.scope().canView(u.path()))
			.toList();
	}

	/**
	 * Units of the user's view scope whose name matches what was typed, diacritics
	 * optional ("dang" finds "Xã Dang"), each with the names of the units above it. Only
	 * units inside the view scope: the ancestors a user sees for navigation are not
	 * offered (a commune officer finds the own commune and its villages, nothing else).
	 * @param query what was typed (at least one letter or digit)
	 * @param levels levels to include (empty: all)
	 * @param edition list edition (2024, 2025, local), or {@code null} for all
	 * @param limit at most this many (1–50)
	 * @return the units found, best first
	 */
	public List<UnitHit> find(String query, Collection<String> levels, String edition, int limit) {
		List<String> wanted = (levels == null) ? List.of() : levels.stream().filter(LEVELS::contains).toList();
		return hits(scoped(query, wanted, edition, Math.max(1, Math.min(limit, 50))));
	}

	/**
	 * A unit as a picker shows it, when the user sees it (its scope, or an ancestor of
	 * it); otherwise empty.
	 */
	public Optional<UnitHit> hit(long id) {
		return this.units.findById(id)
			.filter((u) -> visible(this.actor.get(), u.path()))
			.map((u) -> hits(List.of(u)).get(0));
	}

	/** Units as a picker shows them, those the user sees, in the order of the ids. */
	public List<UnitHit> hits(Collection<Long> ids) {
		Map<Long, Unit> byId = new HashMap<>();
		units(new LinkedHashSet<>(ids)).forEach((u) -> byId.put(u.id(), u));
		return hits(new LinkedHashSet<>(ids).stream().map(byId::get).filter(Objects::nonNull).toList());
	}

	/**
	 * Units visible to the user, by id (ids of units the user does not see are left out).
	 */
	public List<Unit> units(Collection<Long> ids) {
		Actor current = this.actor.get();
		return this.units.findAll(ids).stream().filter((u) -> visible(current, u.path())).toList();
	}

	/**
	 * The terrain (MOUNTAIN, PLAIN, HIGHLAND) in force on a date for each unit, set on
	 * the unit or inherited from the nearest unit above it that has one; units without
	 * one are left out.
	 */
	public Map<Long, String> terrains(Collection<Unit> units, LocalDate date) {
		Set<Long> along = new HashSet<>();
		for (Unit u : units) {
			along.addAll(pathIds(u.path()));
		}
		Map<Long, String> own = new HashMap<>();
		for (UnitAttribute a : this.units.attributes(along, "TERRAIN")) {
			if (a.validOn(date)) {
				own.put(a.unitId(), a.value());
			}
		}
		Map<Long, String> result = new HashMap<>();
		for (Unit u : units) {
			List<Long> ids = pathIds(u.path());
			for (int i = ids.size() - 1; i >= 0; i--) {
				String terrain = own.get(ids.get(i));
				if (terrain != null) {
					result.put(u.id(), terrain);
					break;
				}
			}
		}
		return result;
	}

	/** Each unit with the names of its ancestors (one query for all of them). */
	private List<UnitHit> hits(List<Unit> found) {
		Set<Long> ancestorIds = new HashSet<>();
		for (Unit u : found) {
			ancestorIds.addAll(pathIds(u.path()));
		}
		Map<Long, String> names = new HashMap<>();
		this.units.findAll(ancestorIds).forEach((a) -> names.put(a.id(), a.name()));
		List<UnitHit> result = new ArrayList<>();
		for (Unit u : found) {
			List<String> parents = new ArrayList<>();
			List<Long> ids = pathIds(u.path());
			for (int i = ids.size() - 1; i >= 0; i--) {
				if (ids.get(i) != u.id() && names.containsKey(ids.get(i))) {
					parents.add(names.get(ids.get(i)));
				}
			}
			result.add(new UnitHit(u.id(), u.name(), u.level(), u.edition(), parents, u.validTo(), u.path()));
		}
		return result;
	}

	private static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.valueOf(part));
			}
		}
		return ids;
	}

	/**
	 * Whether the unit lies in the user's view scope (not only above it, seen for
	 * navigation): what a picker may offer.
	 */
	public boolean inScope(UnitHit unit) {
		return this.actor.get().scope().canView(unit.path());
	}

	/** Attributes of the unit itself. */
	public List<UnitAttribute> attributes(long unitId) {
		return this.units.attributes(unit(unitId).id());
	}

	/** Attributes in force on a date for the unit, inherited from its ancestors. */
	public List<UnitAttribute> effectiveAttributes(Unit unit, LocalDate date) {
		return this.units.attributesAlongPath(unit).stream().filter((a) -> a.validOn(date)).toList();
	}

	@Transactional
	public Unit createVillage(long communeId, String type, String name) {
		this.actor.require(Permission.UNIT_EDIT);
		Unit commune = unit(communeId);
		Actor current = this.actor.require(Permission.UNIT_EDIT, commune.path());
		String cleanName = TextNormalizer.clean(name);
		if (!commune.isCommune()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "geography.village.parent-not-commune");
		}
		if (cleanName == null || cleanName.isEmpty() || cleanName.length() > 120) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "error.field.required")));
		}
		if (type == null || !UnitTypes.VILLAGE_TYPES.contains(type)) {
			throw DomainException.invalid(List.of(new FieldProblem("type", "error.field.invalid", type)));
		}
		boolean duplicate = this.units.children(communeId)
			.stream()
			.anyMatch((v) -> TextNormalizer.fold(v.shortName()).equals(TextNormalizer.fold(cleanName)));
		if (duplicate) {
			throw new DomainException(ErrorCode.CONFLICT, "geography.village.duplicate", cleanName);
		}
		String code = commune.code() + "-" + String.format("%03d", this.units.nextVillageSequence(communeId));
		long id = this.units.insertVillage(commune, code, type, cleanName,
				commune.urban() || UnitTypes.urbanByType(type), commune.validFrom());
		Unit village = this.units.findById(id).orElseThrow();
		this.audit.record(new AuditEntry(current.username(), "CREATE", "UNIT", String.valueOf(id), null, village.path(),
				village.provinceCode(),
				Map.of("name", new Change(null, village.name()), "code", new Change(null, code)), null));
		return village;
	}

	@Transactional
	public Unit overrideUrban(long unitId, boolean urban, int version) {
		this.actor.require(Permission.UNIT_EDIT);
		Unit unit = unit(unitId);
		Actor current = this.actor.require(Permission.UNIT_EDIT, unit.path());
		if (this.units.updateUrban(unitId, urban, version) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", unit.version(), version);
		}
		this.audit.record(new AuditEntry(current.username(), "UPDATE", "UNIT", String.valueOf(unitId), null,
				unit.path(), unit.provinceCode(), Map.of("urban", new Change(unit.urban(), urban)), null));
		return this.units.findById(unitId).orElseThrow();
	}

	@Transactional
	public UnitAttribute addAttribute(long unitId, String attribute, String value, LocalDate from, LocalDate to,
			String legalBasis, String note) {
		this.actor.require(Permission.UNIT_EDIT);
		Unit unit = unit(unitId);
		Actor current = this.actor.require(Permission.UNIT_EDIT, unit.path());
		if (attribute == null || !ATTRIBUTES.contains(attribute)) {
			throw DomainException.invalid(List.of(new FieldProblem("attribute", "error.field.invalid", attribute)));
		}
		String v = (value == null || value.isBlank()) ? "true" : value.trim().toUpperCase(java.util.Locale.ROOT);
		if ("TERRAIN".equals(attribute) && !TERRAINS.contains(v)) {
			throw DomainException.invalid(List.of(new FieldProblem("value", "error.field.invalid", value)));
		}
		if (from == null) {
			throw DomainException.invalid(List.of(new FieldProblem("validFrom", "error.field.required")));
		}
		if (to != null && to.isBefore(from)) {
			throw DomainException.invalid(List.of(new FieldProblem("validTo", "geography.attribute.period")));
		}
		long id = this.units.insertAttribute(unitId, attribute, "TERRAIN".equals(attribute) ? v : "true", from, to,
				legalBasis, false, note, current.username());
		this.audit.record(
				new AuditEntry(current.username(), "CREATE", "UNIT_ATTRIBUTE", String.valueOf(id), null, unit.path(),
						unit.provinceCode(), Map.of(attribute, new Change(null, v + " " + from + ".." + to)), note));
		return this.units.findAttribute(id).orElseThrow();
	}

	@Transactional
	public void voidAttribute(long attributeId, String reason) {
		this.actor.require(Permission.UNIT_EDIT);
		UnitAttribute attribute = this.units.findAttribute(attributeId)
			.orElseThrow(() -> DomainException.notFound("UNIT_ATTRIBUTE", attributeId));
		Unit unit = unit(attribute.unitId());
		Actor current = this.actor.require(Permission.UNIT_EDIT, unit.path());
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
		this.units.voidAttribute(attributeId);
		this.audit.record(new AuditEntry(current.username(), "VOID", "UNIT_ATTRIBUTE", String.valueOf(attributeId),
				null, unit.path(), unit.provinceCode(),
				Map.of(attribute.attribute(), new Change(attribute.value(), null)), reason));
	}

	static boolean visible(Actor actor, String path) {
		if (actor.scope().canView(path)) {
			return true;
		}
		// ancestors of a unit in scope are visible for navigation
		return actor.scope().viewPaths().stream().anyMatch((p) -> p.startsWith(path));
	}

}
