package vn.giamngheo.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.giamngheo.shared.scope.Permission;

import static vn.giamngheo.shared.scope.Permission.ANALYTICS_REFRESH;
import static vn.giamngheo.shared.scope.Permission.AUDIT_READ;
import static vn.giamngheo.shared.scope.Permission.HOUSEHOLD_EXPORT;
import static vn.giamngheo.shared.scope.Permission.IN_YEAR_REQUESTS;
import static vn.giamngheo.shared.scope.Permission.MOVE_UNITS;
import static vn.giamngheo.shared.scope.Permission.OPERATIONS;
import static vn.giamngheo.shared.scope.Permission.OWN_ACCOUNT;
import static vn.giamngheo.shared.scope.Permission.READ;
import static vn.giamngheo.shared.scope.Permission.REGISTRY_EDIT;
import static vn.giamngheo.shared.scope.Permission.REGISTRY_IMPORT;
import static vn.giamngheo.shared.scope.Permission.RESOLUTION_EDIT;
import static vn.giamngheo.shared.scope.Permission.REVIEW_COMPLAINTS;
import static vn.giamngheo.shared.scope.Permission.REVIEW_DISTRICT_APPROVAL;
import static vn.giamngheo.shared.scope.Permission.REVIEW_MEETING;
import static vn.giamngheo.shared.scope.Permission.REVIEW_OPEN;
import static vn.giamngheo.shared.scope.Permission.REVIEW_POSTING;
import static vn.giamngheo.shared.scope.Permission.REVIEW_PROVINCE_APPROVAL;
import static vn.giamngheo.shared.scope.Permission.REVIEW_RECOGNITION;
import static vn.giamngheo.shared.scope.Permission.REVIEW_SURVEY;
import static vn.giamngheo.shared.scope.Permission.REVIEW_WORKLIST;
import static vn.giamngheo.shared.scope.Permission.RUN_WHATIF;
import static vn.giamngheo.shared.scope.Permission.SUPPORT_RECORD;
import static vn.giamngheo.shared.scope.Permission.SUPPORT_DEMAND;
import static vn.giamngheo.shared.scope.Permission.SUPPORT_LISTS;
import static vn.giamngheo.shared.scope.Permission.EXIT_PLANS;
import static vn.giamngheo.shared.scope.Permission.EXIT_PLAN_APPROVAL;
import static vn.giamngheo.shared.scope.Permission.HOUSEHOLD_EVENTS;
import static vn.giamngheo.shared.scope.Permission.POVERTY_MODELS;
import static vn.giamngheo.shared.scope.Permission.PROGRAMME_APPROVAL;
import static vn.giamngheo.shared.scope.Permission.PROGRAMME_FUNDS;
import static vn.giamngheo.shared.scope.Permission.PROGRAMME_REPORTS;
import static vn.giamngheo.shared.scope.Permission.TARGET_APPROVAL;
import static vn.giamngheo.shared.scope.Permission.TARGET_ENTRY;
import static vn.giamngheo.shared.scope.Permission.UNIT_EDIT;
import static vn.giamngheo.shared.scope.Permission.USER_ADMIN;

/**
 * The permission matrix: what each role may do (ADR 0016). This table is the only place
 * that says it; services ask {@link CurrentActor#require}, pages ask the {@code perm}
 * bean, the users page shows the table from the bundles, and {@code RoleMatrixIT} calls
 * every endpoint as every role against it. Where a role may do it is its data scope.
 */
public final class RoleMatrix {

	private static final boolean X = true;

	private static final boolean o = false;

	/** Columns, in this order. */
	static final List<Role> COLUMNS = List.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
			Role.COMMUNE_OFFICER, Role.REVIEWER, Role.LEADER, Role.PARTNER, Role.AUDITOR);

	private static final Map<Role, Set<Permission>> MATRIX = matrix(
	// @formatter:off
		//                            ADMIN PROV  DIST  COMM  REVW  LEAD  PART  AUDT
		row(READ,                     X,    X,    X,    X,    X,    X,    X,    X),
		row(OWN_ACCOUNT,              X,    X,    X,    X,    X,    X,    X,    X),
		row(REGISTRY_EDIT,            X,    X,    X,    X,    o,    o,    o,    o),
		row(REGISTRY_IMPORT,          X,    X,    X,    X,    o,    o,    o,    o),
		row(HOUSEHOLD_EXPORT,         X,    X,    X,    X,    o,    o,    X,    o),
		row(UNIT_EDIT,                X,    X,    o,    o,    o,    o,    o,    o),
		row(REVIEW_OPEN,              X,    X,    o,    o,    o,    o,    o,    o),
		row(REVIEW_WORKLIST,          X,    o,    o,    X,    o,    o,    o,    o),
		row(REVIEW_SURVEY,            X,    o,    o,    X,    X,    o,    o,    o),
		row(REVIEW_MEETING,           X,    o,    o,    X,    o,    o,    o,    o),
		row(REVIEW_POSTING,           X,    o,    o,    X,    o,    o,    o,    o),
		row(REVIEW_COMPLAINTS,        X,    o,    o,    X,    o,    o,    o,    o),
		row(REVIEW_RECOGNITION,       X,    o,    o,    X,    o,    o,    o,    o),
		row(REVIEW_DISTRICT_APPROVAL, X,    o,    X,    o,    o,    o,    o,    o),
		row(REVIEW_PROVINCE_APPROVAL, X,    X,    o,    o,    o,    o,    o,    o),
		row(IN_YEAR_REQUESTS,         X,    o,    o,    X,    o,    o,    o,    o),
		row(SUPPORT_RECORD,           X,    X,    X,    X,    o,    o,    X,    o),
		row(SUPPORT_LISTS,            X,    X,    X,    X,    o,    o,    o,    o),
		row(SUPPORT_DEMAND,           X,    X,    X,    X,    o,    o,    o,    o),
		row(EXIT_PLANS,               X,    X,    X,    X,    o,    o,    o,    o),
		row(EXIT_PLAN_APPROVAL,       X,    o,    o,    X,    o,    o,    o,    o),
		row(HOUSEHOLD_EVENTS,         X,    X,    X,    X,    o,    o,    o,    o),
		row(POVERTY_MODELS,           X,    X,    X,    X,    o,    o,    o,    o),
		row(PROGRAMME_FUNDS,          X,    X,    X,    X,    o,    o,    o,    o),
		row(PROGRAMME_APPROVAL,       X,    X,    X,    o,    o,    o,    o,    o),
		row(PROGRAMME_REPORTS,        X,    X,    X,    X,    o,    o,    o,    o),
		row(TARGET_ENTRY,             X,    X,    X,    X,    o,    o,    o,    o),
		row(TARGET_APPROVAL,          X,    X,    X,    o,    o,    o,    o,    o),
		row(RESOLUTION_EDIT,          X,    X,    o,    o,    o,    o,    o,    o),
		row(ANALYTICS_REFRESH,        X,    X,    o,    o,    o,    o,    o,    o),
		row(RUN_WHATIF,               X,    X,    X,    X,    o,    o,    o,    o),
		row(USER_ADMIN,               X,    o,    o,    o,    o,    o,    o,    o),
		row(AUDIT_READ,               X,    o,    o,    o,    o,    o,    o,    X),
		row(OPERATIONS,               X,    o,    o,    o,    o,    o,    o,    o),
		row(MOVE_UNITS,               X,    X,    o,    o,    o,    o,    o,    o));
	// @formatter:on

	private RoleMatrix() {
	}

	/** What the role may do. */
	public static Set<Permission> of(Role role) {
		return MATRIX.get(role);
	}

	/** Whether the role may do it. */
	public static boolean allows(Role role, Permission permission) {
		return MATRIX.get(role).contains(permission);
	}

	/** The roles, in the order the table shows them. */
	public static List<Role> columns() {
		return COLUMNS;
	}

	private record Row(Permission permission, boolean[] cells) {
	}

	private static Row row(Permission permission, boolean... cells) {
		if (cells.length != COLUMNS.size()) {
			throw new IllegalStateException("permission matrix: " + permission + " has " + cells.length + " cells");
		}
		return new Row(permission, cells);
	}

	private static Map<Role, Set<Permission>> matrix(Row... rows) {
		Map<Role, EnumSet<Permission>> byRole = new EnumMap<>(Role.class);
		COLUMNS.forEach((r) -> byRole.put(r, EnumSet.noneOf(Permission.class)));
		EnumSet<Permission> seen = EnumSet.noneOf(Permission.class);
		for (Row row : rows) {
			if (!seen.add(row.permission())) {
				throw new IllegalStateException("permission matrix: " + row.permission() + " twice");
			}
			for (int i = 0; i < COLUMNS.size(); i++) {
				if (row.cells()[i]) {
					byRole.get(COLUMNS.get(i)).add(row.permission());
				}
			}
		}
		if (seen.size() != Permission.values().length || byRole.size() != Role.values().length) {
			throw new IllegalStateException("permission matrix: a permission or a role has no row or column");
		}
		Map<Role, Set<Permission>> result = new EnumMap<>(Role.class);
		byRole.forEach((role, set) -> result.put(role, Collections.unmodifiableSet(set)));
		return Collections.unmodifiableMap(result);
	}

}
