package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Upload, wait and commit through the API, as an officer of commune A. */
final class ImportTestSupport {

	final MockMvc mvc;

	final JdbcClient jdbc;

	final ObjectMapper json;

	final Fixtures f;

	final Authentication officer;

	/** The officer's user name (to act through the registry's services). */
	final String officerName;

	final String village;

	/** A serial base for citizen IDs unique to this test run. */
	final int serial = (int) (System.nanoTime() % 900_000);

	/** The support with the beans it needs taken from the test's context. */
	ImportTestSupport(ApplicationContext context) {
		this(context.getBean(MockMvc.class), context.getBean(JdbcClient.class), context.getBean(ObjectMapper.class),
				context.getBean(UserDirectory.class), context.getBean(UserRepository.class),
				context.getBean(TransactionTemplate.class));
	}

	ImportTestSupport(MockMvc mvc, JdbcClient jdbc, ObjectMapper json, UserDirectory directory, UserRepository users,
			TransactionTemplate tx) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.json = json;
		this.f = new Fixtures(jdbc, directory, users, tx).communes();
		String a = this.f.a.code() + "@2024";
		this.officerName = this.f.user("importer", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.officer = this.f.auth(this.officerName);
		this.village = jdbc.sql("select short_name from admin_unit where id = ?")
			.param(this.f.a.villageId())
			.query(String.class)
			.single();
	}

	String code(int n) {
		return "T" + this.f.tag + "-" + n;
	}

	String cccd(boolean female, LocalDate dob, int n) {
		return TestFiles.cccd(female, dob, this.serial + n);
	}

	/**
	 * A valid workbook of {@code n} households of commune A, each with a head and a
	 * child.
	 */
	TestFiles.Xlsx households(int n) {
		TestFiles.Xlsx x = new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", TestFiles.MEMBER_HEADERS);
		for (int i = 1; i <= n; i++) {
			LocalDate dob = LocalDate.of(1970 + i % 20, 1 + i % 12, 1 + i % 28);
			x.row("Hộ gia đình", code(i), this.f.a.code(), this.village, "Số " + i, 2024, "Hộ nghèo", 1_200_000);
			x.row("Nhân khẩu", code(i), "Nguyễn Văn Thử " + this.f.tag + " " + i, "Nam", dob, "Cơ-tu", "Chủ hộ",
					cccd(false, dob, i));
			x.row("Nhân khẩu", code(i), "Nguyễn Thị Con " + this.f.tag + " " + i, "Nữ", LocalDate.of(2015, 5, 5), "26",
					"Con", "");
		}
		return x;
	}

	UUID upload(byte[] bytes, String name) throws Exception {
		MvcResult r = this.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, null, bytes))
				.with(authentication(this.officer))
				.with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(202);
		return UUID.fromString((String) map(r).get("id"));
	}

	/** Waits for the job to stop running and returns it as JSON. */
	Map<String, Object> await(UUID id) throws Exception {
		long until = System.currentTimeMillis() + 120_000;
		while (true) {
			Map<String, Object> job = job(id);
			String status = (String) job.get("status");
			if (!List.of("QUEUED", "VALIDATING", "COMMIT_QUEUED", "COMMITTING").contains(status)) {
				return job;
			}
			assertThat(System.currentTimeMillis()).as("job " + id + " still " + status).isLessThan(until);
			Thread.sleep(50);
		}
	}

	Map<String, Object> job(UUID id) throws Exception {
		return map(this.mvc.perform(get("/api/v1/imports/" + id).with(authentication(this.officer))).andReturn());
	}

	Map<String, Object> dryRun(byte[] bytes, String name) throws Exception {
		return await(upload(bytes, name));
	}

	MvcResult commit(UUID id, String mode) throws Exception {
		return this.mvc
			.perform(post("/api/v1/imports/" + id + "/commits").contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"" + mode + "\"}")
				.with(authentication(this.officer))
				.with(csrf()))
			.andReturn();
	}

	Map<String, Object> commitAndWait(UUID id, String mode) throws Exception {
		MvcResult r = commit(id, mode);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(202);
		return await(id);
	}

	/** Problems of a job as shown in Vietnamese. */
	List<Map<String, Object>> problems(UUID id) throws Exception {
		MvcResult r = this.mvc
			.perform(
					get("/api/v1/imports/" + id + "/problems").param("size", "1000").with(authentication(this.officer)))
			.andReturn();
		return this.json.readValue(r.getResponse().getContentAsString(), List.class);
	}

	/** The field-by-field changes of a job as the API shows them (Vietnamese). */
	List<Map<String, Object>> changes(UUID id) throws Exception {
		return list("/api/v1/imports/" + id + "/changes");
	}

	/** The conflicts of a job's commit as the API shows them (Vietnamese). */
	List<Map<String, Object>> conflicts(UUID id) throws Exception {
		return list("/api/v1/imports/" + id + "/conflicts");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> list(String path) throws Exception {
		MvcResult r = this.mvc.perform(get(path).param("size", "1000").with(authentication(this.officer))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		return this.json.readValue(r.getResponse().getContentAsString(), List.class);
	}

	/**
	 * The export of this test's village (the classified households of a year) as bytes.
	 */
	byte[] export(String format, int year, String classification) throws Exception {
		MvcResult r = this.mvc
			.perform(get("/api/v1/household-exports").param("format", format)
				.param("village", String.valueOf(this.f.a.villageId()))
				.param("year", String.valueOf(year))
				.param("classification", classification)
				.with(authentication(this.officer)))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		return r.getResponse().getContentAsByteArray();
	}

	/** Every stored column of this test's households, members and classifications. */
	String stored() {
		return this.jdbc
			.sql("""
					select (select json_agg(h order by h.code) from household h where h.code like :p)::text || '|'
					  || (select json_agg(m order by m.id) from member m join household h on h.id = m.household_id
					      where h.code like :p)::text || '|'
					  || (select json_agg(a order by a.id) from household_assessment a join household h on h.id = a.household_id
					      where h.code like :p)::text""")
			.param("p", "T" + this.f.tag + "-%")
			.query(String.class)
			.single();
	}

	long households() {
		return this.jdbc.sql("select count(*) from household where code like ? and not voided")
			.param("T" + this.f.tag + "-%")
			.query(Long.class)
			.single();
	}

	long members() {
		return this.jdbc
			.sql("select count(*) from member m join household h on h.id = m.household_id"
					+ " where h.code like ? and not m.voided")
			.param("T" + this.f.tag + "-%")
			.query(Long.class)
			.single();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> map(MvcResult r) throws Exception {
		return this.json.readValue(r.getResponse().getContentAsString(), Map.class);
	}

}
