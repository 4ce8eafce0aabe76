package vn.giamngheo.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.RunAs;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of import job is resumed after a restart by the one job runner: an event
 * file whose commit a stop cut off (left COMMITTING) is committed when the application is
 * ready again, as survey and partner files are.
 */
@IntegrationTest
class EventFileRestartIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventFiles files;

	@Autowired
	JobRunner runner;

	@Autowired
	RunAs runAs;

	@Test
	void anEventFileCutOffByARestartIsCommittedWhenTheApplicationIsReadyAgain() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String officer = f.user("efrofficer", Role.COMMUNE_OFFICER, List.of(f.a.scope()), List.of(f.a.scope()));
		String csv = """
				Mã hộ,Ngày xảy ra,Loại biến cố,Thành viên liên quan,Ghi chú
				%s,12/10/2025,Thiên tai,,Lũ cuốn trôi chuồng bò
				""".formatted(f.a.householdCode());
		UUID job = this.runAs.run(officer,
				() -> this.files.upload("bien-co.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
					.id());
		assertThat(status(job)).isEqualTo("VALIDATED");
		// the process died during the commit: the job is left COMMITTING
		this.jdbc.sql("update import_job set status = 'COMMITTING', mode = 'ALL' where id = ?").param(job).update();

		this.runner.recover();

		long until = System.currentTimeMillis() + 30_000;
		while (!"COMMITTED".equals(status(job)) && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		assertThat(status(job)).as("the job after the restart").isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("select count(*) from household_event where household_id = ? and not voided")
			.param(f.a.household())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String status(UUID job) {
		return this.jdbc.sql("select status from import_job where id = ?").param(job).query(String.class).single();
	}

}
