package vn.giamngheo.backup;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.BackupProperties;
import vn.giamngheo.shared.db.DatabaseConfiguration;
import vn.giamngheo.shared.db.DatabaseProperties;
import vn.giamngheo.shared.db.EmbeddedCredentials;
import vn.giamngheo.shared.db.EmbeddedPostgresServer;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A base backup taken through the API, more rows written after it, then the restore
 * command into a fresh folder and a second embedded server on it: every household, member
 * and audit row is there, those written after the base backup too (replayed from the WAL
 * archive).
 */
@IntegrationTest
class BackupRestoreIT {

	/** Every household, member and audit row: count and a digest of the rows' text. */
	static final String DIGEST = "select (select count(*) || ':' || md5(coalesce(string_agg(h::text, '|' order by h.id),"
			+ " '')) from household h) || ' ' || (select count(*) || ':' || md5(coalesce(string_agg(m::text, '|'"
			+ " order by m.id), '')) from member m) || ' ' || (select count(*) || ':' || md5(coalesce("
			+ "string_agg(a::text, '|' order by a.id), '')) from audit_event a)";

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	DatabaseProperties database;

	@Autowired
	BackupProperties backupProperties;

	@Autowired
	Backups backups;

	@Test
	void aRestoredBackupHoldsEveryHouseholdMemberAndAuditRowIncludingThoseWrittenAfterIt(@TempDir Path tmp)
			throws Exception {
		Fixtures before = this.fixtures.create().communes();
		Authentication admin = before.auth("admin");
		String body = this.mvc.perform(post("/api/v1/backups").with(authentication(admin)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.by").value("admin"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String name = JsonPath.read(body, "$.name");
		awaitFinished(admin, name);
		Path folder = this.backupProperties.directory(this.database);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(
				PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name).resolve("base.zip"))))
			.isEqualTo("rw-------");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'BACKUP' and entity_id = ? and actor = 'admin'")
			.param(name)
			.query(Long.class)
			.single()).as("the backup is audited").isEqualTo(1);

		// written after the base backup: only the WAL archive has them
		Fixtures after = this.fixtures.create().communes();
		String expected = this.jdbc.sql(DIGEST).query(String.class).single();
		archiveCurrentWal();

		Path target = tmp.resolve("restored");
		Restore.Result result = Restore.restore(this.backupProperties.directory(this.database), null, target,
				new PrintStream(OutputStream.nullOutputStream()));
		assertThat(result.base().name()).isEqualTo(name);
		assertThat(result.complete()).isTrue();
		assertThat(result.households())
			.isEqualTo(this.jdbc.sql("select count(*) from household").query(Long.class).single());

		try (EmbeddedPostgresServer restored = EmbeddedPostgresServer.start(target.resolve("pg"), 0, false, null)) {
			JdbcClient copy = JdbcClient
				.create(new DriverManagerDataSource(restored.jdbcUrl(DatabaseConfiguration.DATABASE),
						EmbeddedCredentials.APP_ROLE, restored.credentials().appPassword()));
			assertThat(copy.sql(DIGEST).query(String.class).single()).isEqualTo(expected);
			for (Fixtures f : List.of(before, after)) {
				assertThat(copy.sql("select head_name from household where id = ?")
					.param(f.b.household())
					.query(String.class)
					.single()).isEqualTo(f.b.headName());
			}
			assertThat(copy.sql("select count(*) from audit_event where reason = ?")
				.param("fixture " + after.a.headName())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void theRestoreRefusesAFolderThatIsNotEmpty(@TempDir Path tmp) throws Exception {
		Files.writeString(tmp.resolve("keep.txt"), "data of another system");
		assertThatThrownBy(() -> Restore.restore(this.backupProperties.directory(this.database), null, tmp,
				new PrintStream(OutputStream.nullOutputStream())))
			.isInstanceOf(Restore.Refused.class)
			.hasMessageContaining("not empty");
		assertThat(tmp.resolve("keep.txt")).hasContent("data of another system");
		assertThat(tmp.resolve("pg")).doesNotExist();
		assertThat(Restore.run(new String[] { "--from=" + tmp })).as("without --to").isEqualTo(2);
	}

	@Test
	void aRestoreWithoutTheWalItNeedsFailsAndLeavesTheFolderEmpty(@TempDir Path tmp) throws Exception {
		BackupFolder live = new BackupFolder(this.backupProperties.directory(this.database));
		BackupInfo base = live.list().isEmpty() ? this.backups.takeNow("test") : live.list().get(0);
		Path copy = tmp.resolve("backups");
		Files.createDirectories(copy.resolve(base.name()));
		Files.createDirectories(copy.resolve("wal"));
		for (String file : List.of(BaseBackup.ZIP, BaseBackup.MANIFEST)) {
			Files.copy(live.root().resolve(base.name()).resolve(file), copy.resolve(base.name()).resolve(file));
		}
		Path target = Files.createDirectories(tmp.resolve("restored"));
		long t0 = System.nanoTime();
		assertThatThrownBy(
				() -> Restore.restore(copy, base.name(), target, new PrintStream(OutputStream.nullOutputStream())))
			.isInstanceOf(IllegalStateException.class);
		assertThat((System.nanoTime() - t0) / 1e9).as("seconds until the failure is noticed").isLessThan(60);
		assertThat(target).isEmptyDirectory();
	}

	@Test
	void onlyAnAdministratorSeesOrStartsBackups() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		Authentication province = f.auth(f.nationUser("tinh", Role.PROVINCE_OFFICER));
		long audits = this.jdbc.sql("select count(*) from audit_event where action = 'BACKUP'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/api/v1/backups").with(authentication(province)).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		this.mvc.perform(get("/api/v1/backups").with(authentication(province))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'BACKUP'").query(Long.class).single())
			.isEqualTo(audits);
	}

	private void awaitFinished(Authentication admin, String name) throws Exception {
		long until = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < until) {
			String status = this.mvc.perform(get("/api/v1/backups").with(authentication(admin)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Map<String, Object> failure = JsonPath.read(status, "$.lastFailure");
			assertThat(failure).as("last failure").isNull();
			List<String> names = JsonPath.read(status, "$.backups[*].name");
			if (names.contains(name)) {
				assertThat((Object) JsonPath.read(status, "$.running")).isNull();
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("backup " + name + " did not finish");
	}

	/** Ends the current WAL segment and waits until the server has archived it. */
	private void archiveCurrentWal() throws InterruptedException {
		JdbcClient o = JdbcClient.create(this.owner);
		String segment = o.sql("select pg_walfile_name(pg_switch_wal())").query(String.class).single();
		long until = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < until) {
			String archived = o.sql("select coalesce(last_archived_wal, '') from pg_stat_archiver")
				.query(String.class)
				.single();
			if (archived.compareTo(segment) >= 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("segment " + segment + " was not archived");
	}

}
