package vn.giamngheo.identity;

import java.util.Set;

import vn.giamngheo.shared.scope.Permission;

/**
 * The roles of the system. A user has one role; what the role may do is its row of the
 * permission matrix ({@link RoleMatrix}), where the user may do it the user's data scope.
 */
public enum Role {

	/** Manages users and configuration; nation scope. */
	SYSTEM_ADMIN,
	/** Provincial officer: reads and writes the province's data. */
	PROVINCE_OFFICER,
	/**
	 * District officer (periods before 1 July 2025, provinces keeping an intermediate
	 * level).
	 */
	DISTRICT_OFFICER,
	/** Commune officer: enters and edits data of the own commune. */
	COMMUNE_OFFICER,
	/** Reviewer / collaborator: enters survey data for assigned villages only. */
	REVIEWER,
	/** Leader: read-only dashboards and scorecards of the own scope. */
	LEADER,
	/**
	 * Partner agency (e.g. Bank for Social Policies): the households and fields it needs.
	 */
	PARTNER,
	/** Auditor: read-only, reads the audit trail. */
	AUDITOR;

	/** The role name kept for code written before roles existed (nation-scoped admin). */
	public static final String LEGACY_ADMIN = "ADMIN";

	private static final Set<Role> READ_ONLY = Set.of(LEADER, AUDITOR);

	private static final Set<Role> OFFICERS = Set.of(SYSTEM_ADMIN, PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER,
			REVIEWER);

	/** Read-only roles never get a capture scope, whatever is stored for them. */
	public boolean readOnly() {
		return READ_ONLY.contains(this);
	}

	/** What the role may do: its row of the {@link RoleMatrix permission matrix}. */
	public Set<Permission> permissions() {
		return RoleMatrix.of(this);
	}

	/** Whether the role may do it. */
	public boolean may(Permission permission) {
		return RoleMatrix.allows(this, permission);
	}

	/**
	 * Registry officers who see citizen IDs and phone numbers of households they capture.
	 */
	public boolean officer() {
		return OFFICERS.contains(this);
	}

	/**
	 * Role codes for the {@code Actor}: the role itself, plus {@code ADMIN} for the
	 * admin.
	 */
	public Set<String> codes() {
		return (this == SYSTEM_ADMIN) ? Set.of(name(), LEGACY_ADMIN) : Set.of(name());
	}

	public static Role parse(String value) {
		try {
			return Role.valueOf(value);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
