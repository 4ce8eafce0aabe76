package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import is no existence oracle either (ADR 0017): a file whose member carries a
 * citizen ID held in another commune is checked and committed exactly like one with a
 * free number; the record keeps the number pending and the holding commune gets a
 * transfer request. A number held in the importer's own commune is still refused, by row.
 */
@IntegrationTest
class ImportOutsideScopeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	ImportTestSupport t;

	static final LocalDate BORN = LocalDate.of(1980, 2, 3);

	String bHead;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
		this.bHead = TestFiles.cccd(true, BORN, this.t.serial + 500);
		this.jdbc.sql("update member set cccd = ? where id = ?").params(this.bHead, this.t.f.b.member()).update();
	}

	/**
	 * One new household of A: its head has a free citizen ID, a second woman born the
	 * same day the given one.
	 */
	byte[] file(int n, String cccd) {
		return new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", TestFiles.MEMBER_HEADERS)
			.row("Hộ gia đình", this.t.code(n), this.t.f.a.code(), this.t.village, "Số " + n, 2024, "Hộ nghèo",
					1_200_000)
			.row("Nhân khẩu", this.t.code(n), "Lò Văn Nhập " + this.t.f.tag + " " + n, "Nam", BORN, "Cơ-tu", "Chủ hộ",
					TestFiles.cccd(false, BORN, this.t.serial + 600 + n))
			.row("Nhân khẩu", this.t.code(n), "Lò Thị Nhập " + this.t.f.tag + " " + n, "Nữ", BORN, "Cơ-tu", "Khác",
					cccd)
			.bytes();
	}

	/** What a dry run tells: problems and counts. */
	static Map<String, Object> told(Map<String, Object> job) {
		return Map.of("status", job.get("status"), "problems", job.get("problemCount"), "created",
				job.get("householdsCreated"), "updated", job.get("householdsUpdated"), "same",
				job.get("householdsSame"));
	}

	@Test
	void aNumberHeldInAnotherCommuneIsImportedLikeAFreeOneAndBecomesATransferRequest() throws Exception {
		Map<String, Object> fresh = this.t.dryRun(file(1, TestFiles.cccd(true, BORN, this.t.serial + 501)), "a.xlsx");
		Map<String, Object> heldJob = this.t.dryRun(file(2, this.bHead), "b.xlsx");
		assertThat(told(heldJob)).isEqualTo(told(fresh));
		assertThat(heldJob.get("problemCount")).isEqualTo(0);
		UUID held = UUID.fromString((String) heldJob.get("id"));
		assertThat(this.t.problems(held)).isEmpty();

		assertThat(this.t.commitAndWait(held, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.jdbc
			.sql("select m.cccd_pending from member m join household h on h.id = m.household_id where h.code = ?"
					+ " and m.cccd = ?")
			.params(this.t.code(2), this.bHead)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc
			.sql("select count(*) from member_transfer where cccd = ? and status = 'OPEN' and holder_household_id = ?")
			.params(this.bHead, this.t.f.b.household())
			.query(Long.class)
			.single()).isEqualTo(1);
		// B's own record is untouched
		assertThat(this.jdbc.sql("select voided from member where id = ?")
			.param(this.t.f.b.member())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aNumberHeldInTheImportersCommuneIsRefusedByRow() throws Exception {
		String own = TestFiles.cccd(true, BORN, this.t.serial + 502);
		this.jdbc.sql("update member set cccd = ? where id = ?").params(own, this.t.f.a.member()).update();
		Map<String, Object> job = this.t.dryRun(file(3, own), "c.xlsx");
		assertThat(job.get("problemCount")).isEqualTo(1);
		List<Map<String, Object>> problems = this.t.problems(UUID.fromString((String) job.get("id")));
		assertThat(problems).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).contains("một người không thể ở hai hộ"));
	}

}
