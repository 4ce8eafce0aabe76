package vn.giamngheo;

import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest's checksums are the ones Flyway stored when it ran the SQL migrations: an
 * operator can compare a server's {@code flyway_schema_history} with the manifest.
 */
@IntegrationTest
class MigrationManifestIT {

	/**
	 * The history belongs to the owner that runs migrations; the application role cannot
	 * read it.
	 */
	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Test
	void theManifestAgreesWithWhatFlywayRan() {
		Map<String, Integer> ran = JdbcClient.create(this.owner)
			.sql("select script, checksum from flyway_schema_history where type = 'SQL' and success")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, Integer> listed = MigrationManifestTest.listed()
			.values()
			.stream()
			.filter((e) -> e.file().endsWith(".sql"))
			.collect(Collectors.toMap((e) -> e.file().substring(e.file().lastIndexOf('/') + 1),
					MigrationManifestTest.Entry::checksum));
		assertThat(ran).isNotEmpty();
		assertThat(listed).containsAllEntriesOf(ran);
	}

}
