package vn.giamngheo.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.giamngheo.shared.text.Bilingual;

/**
 * After every migration (ADR 0015), on the owner's connection: the application role may
 * read and write every table of the schema, but only read and add rows of
 * {@code audit_event} (no update, delete or truncate), nothing on Flyway's history, and
 * may analyze the staging tables of bulk changes (PostgreSQL 17 {@code MAINTAIN}). Tables
 * of later migrations are covered without a grant of their own. It warns when the
 * application role owns tables or is a superuser, since the audit trail is then not
 * protected.
 */
@Component
class AppRoleGrants implements Callback {

	private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);

	private final DatabaseRoles roles;

	AppRoleGrants(DatabaseRoles roles) {
		this.roles = roles;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE && this.roles.ownerSeparate();
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			grant(context.getConnection(), this.roles.appRole(), context.getConfiguration().getTable());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					Bilingual.text("db.grants.failed", this.roles.appRole()) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "giamngheo-app-role-grants";
	}

	static void grant(Connection c, String appRole, String historyTable) throws SQLException {
		String schema;
		String role;
		String history;
		boolean maintain;
		try (PreparedStatement ps = c.prepareStatement("select quote_ident(current_schema()), quote_ident(?),"
				+ " quote_ident(?), current_setting('server_version_num')::int >= 170000")) {
			ps.setString(1, appRole);
			ps.setString(2, historyTable);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				schema = rs.getString(1);
				role = rs.getString(2);
				history = schema + "." + rs.getString(3);
				maintain = rs.getBoolean(4);
			}
		}
		List<String> staging = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select quote_ident(tablename) from pg_tables"
				+ " where schemaname = current_schema() and (tablename like 'bulk\\_stage%' or tablename like"
				+ " 'import\\_stage%') order by 1")) {
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					staging.add(schema + "." + rs.getString(1));
				}
			}
		}
		try (Statement st = c.createStatement()) {
			st.execute("grant usage on schema " + schema + " to " + role);
			st.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
			st.execute("revoke truncate, references, trigger on all tables in schema " + schema + " from " + role);
			st.execute("revoke update, delete on " + schema + ".audit_event from " + role);
			st.execute("revoke all on " + history + " from " + role);
			st.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
			if (maintain) {
				st.execute("revoke maintain on all tables in schema " + schema + " from " + role);
				if (!staging.isEmpty()) {
					st.execute("grant maintain on " + String.join(", ", staging) + " to " + role);
				}
			}
		}
		warnIfUnprotected(c, appRole);
	}

	private static void warnIfUnprotected(Connection c, String appRole) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select r.rolsuper, (select count(*) from pg_class k"
				+ " where k.relowner = r.oid and k.relnamespace = current_schema()::regnamespace)"
				+ " from pg_roles r where r.rolname = ?")) {
			ps.setString(1, appRole);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next() && (rs.getBoolean(1) || rs.getLong(2) > 0)) {
					log.warn(
							"The application role {} {}: it can switch off the audit trail's protection. Give the"
									+ " tables to the owner role (REASSIGN OWNED, README: External PostgreSQL).",
							appRole, rs.getBoolean(1) ? "is a superuser" : "owns " + rs.getLong(2) + " relations");
				}
			}
		}
	}

}
