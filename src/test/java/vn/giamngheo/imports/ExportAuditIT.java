package vn.giamngheo.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Personal data leaving the system leaves a trace (ADR 0017): every household export and
 * every search by citizen ID is in the audit trail, found by the auditors of the unit; an
 * aborted download too; a partner receives its agency's columns only; exports are limited
 * per user and hour.
 */
@IntegrationTest
class ExportAuditIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HouseholdExports exports;

	@Autowired
	org.springframework.context.MessageSource messages;

	Fixtures f;

	String officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.code() + "@2024";
		this.officer = this.f.user("xuat", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anExportIsInTheAuditCsvOfItsUserWithItsFiltersAndRows() throws Exception {
		String csv = body(this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.f.a.id()))
				.param("village", String.valueOf(this.f.a.villageId()))
				.with(authentication(this.f.auth(this.officer))))
			.andReturn());
		assertThat(csv).contains(this.f.a.headName(), this.f.a.cccd());

		// the audit CSV of that user (system administrator) holds the export, labelled
		String trail = body(this.mvc
			.perform(get("/api/v1/audit-events/export").param("user", this.officer)
				.with(authentication(this.f.auth("admin"))))
			.andReturn());
		assertThat(trail).contains("," + this.officer + ",EXPORT,Xuất dữ liệu,HOUSEHOLD_LIST,danh sách hộ,")
			.contains(",format,Định dạng tệp,,CSV,")
			.contains(",unit,Đơn vị,,Xã Dang (20464),")
			.contains(",village,Thôn/bản,,Thôn Alfa" + this.f.tag + ",")
			.contains(",rows,Số dòng,,1,");
		// and an auditor of the commune finds it on the audit page, in words
		Authentication auditor = this.f
			.auth(this.f.user("kt", Role.AUDITOR, List.of(this.f.a.code() + "@2024"), List.of()));
		assertThat(body(
				this.mvc.perform(get("/audit").param("user", this.officer).with(authentication(auditor))).andReturn()))
			.contains("<td>Xuất dữ liệu</td>")
			.contains("danh sách hộ")
			.doesNotContain("<td>EXPORT</td>");
	}

	@Test
	void aSearchByCitizenIdIsAuditedWithTheNumberMasked() throws Exception {
		this.mvc
			.perform(get("/api/v1/households").param("q", this.f.a.cccd())
				.with(authentication(this.f.auth(this.officer))))
			.andReturn();
		List<String> events = this.jdbc
			.sql("select changes::text || ' ' || coalesce(unit_path, '') from audit_event where actor = ?"
					+ " and action = 'SEARCH'")
			.param(this.officer)
			.query(String.class)
			.list();
		assertThat(events).singleElement()
			.satisfies((e) -> assertThat(e).doesNotContain(this.f.a.cccd())
				.contains(this.f.a.cccd().substring(0, 4) + "******" + this.f.a.cccd().substring(10))
				.contains("\"households\": {\"new\": 1")
				.endsWith(this.f.a.path()));
		// a search by name is not a disclosure of an ID: not audited
		this.mvc
			.perform(get("/api/v1/households").param("q", this.f.a.headName())
				.with(authentication(this.f.auth(this.officer))))
			.andReturn();
		assertThat(count("SEARCH")).isEqualTo(1);
	}

	@Test
	void anAbortedDownloadIsAuditedBeforeItsFirstByte() {
		this.f.signIn(this.officer);
		HouseholdQuery query = new HouseholdQuery(this.f.a.id(), this.f.a.villageId(), null, null, null, 0, 50, "code",
				false);
		HouseholdExports.Prepared export = this.exports.prepare(query, "CSV");
		OutputStream broken = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("the client went away");
			}
		};
		assertThatThrownBy(() -> this.exports.csv(export, Locale.forLanguageTag("vi"), broken))
			.hasRootCauseInstanceOf(IOException.class);
		assertThat(count("EXPORT")).isEqualTo(1);
	}

	@Test
	void aPartnerReceivesOnlyItsAgencysColumns() throws Exception {
		String partner = this.f.user("nhcs", Role.PARTNER, List.of(this.f.a.code() + "@2024"), List.of());
		String csv = body(this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.f.a.id()))
				.param("village", String.valueOf(this.f.a.villageId()))
				.with(authentication(this.f.auth(partner))))
			.andReturn());
		List<String> lines = csv.lines().toList();
		List<Field> vbsp = List.of(Field.CODE, Field.COMMUNE, Field.VILLAGE, Field.HEAD_NAME, Field.ADDRESS,
				Field.ETHNIC_MINORITY, Field.YEAR, Field.CLASSIFICATION, Field.FULL_NAME, Field.SEX,
				Field.DATE_OF_BIRTH, Field.RELATION, Field.CCCD, Field.IN_SCHOOL);
		assertThat(lines.get(0)).isEqualTo("\ufeff" + String.join(",",
				vbsp.stream()
					.map((c) -> this.messages.getMessage(c.labelKey(), null, Locale.forLanguageTag("vi")))
					.toList()));
		assertThat(lines.get(0)).startsWith("\ufeffMã hộ,Mã xã,").doesNotContain("Điện thoại", "Khuyết tật");
		assertThat(lines).hasSize(2);
		// the bank identifies the borrower by citizen ID; it gets no phone
		assertThat(lines.get(1)).contains(this.f.a.cccd(), this.f.a.headName()).doesNotContain(this.f.a.phone());
		assertThat(this.jdbc.sql("select changes -> 'agency' ->> 'new' from audit_event where actor = ?")
			.param(partner)
			.query(String.class)
			.single()).isEqualTo("VBSP");
	}

	@Test
	void exportsAreLimitedPerUserAndHour() throws Exception {
		// 49,999 rows exported 10 minutes ago and 20,000 two hours ago (no longer
		// counted)
		earlierExport(49_999, "10 minutes");
		earlierExport(20_000, "2 hours");
		Authentication user = this.f.auth(this.officer);
		MvcResult refused = this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.f.a.id()))
				.param("village", String.valueOf(this.f.a.villageId()))
				.with(authentication(user)))
			.andReturn();
		// one row still fits (49,999 + 1); then the limit is reached
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(count("EXPORT")).isEqualTo(3);
		refused = this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.f.a.id()))
				.param("village", String.valueOf(this.f.a.villageId()))
				.header("Accept-Language", "vi")
				.with(authentication(user)))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(refused)).contains("\"code\":\"TOO_MANY_REQUESTS\"")
			.contains("Bạn đã xuất 50.000 dòng trong một giờ qua")
			.contains("vượt giới hạn 50.000 dòng mỗi giờ")
			.containsPattern("Có thể xuất tệp này từ [0-9]{2}:[0-9]{2} [0-9]{2}/[0-9]{2}/[0-9]{4}");
		assertThat(count("EXPORT")).as("a refused export writes nothing").isEqualTo(3);
		// the page says so too, in English when asked
		MvcResult page = this.mvc
			.perform(get("/households/export").param("format", "xlsx")
				.param("unit", String.valueOf(this.f.a.id()))
				.param("lang", "en")
				.with(authentication(user)))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(429);
		assertThat(body(page)).contains("over the limit of 50,000 rows per hour");
		// other users are not affected
		String other = this.f.user("khac", Role.COMMUNE_OFFICER, List.of(this.f.a.code() + "@2024"),
				List.of(this.f.a.code() + "@2024"));
		assertThat(this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("village", String.valueOf(this.f.a.villageId()))
				.with(authentication(this.f.auth(other))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	void earlierExport(long rows, String ago) {
		this.jdbc
			.sql("insert into audit_event (at, actor, action, entity_type, entity_id, unit_path, changes)"
					+ " values (now() - cast(? as interval), ?, 'EXPORT', 'HOUSEHOLD_LIST', 'ho-gia-dinh.csv', ?,"
					+ " cast(? as jsonb))")
			.params(ago, this.officer, this.f.a.path(), "{\"rows\": {\"old\": null, \"new\": " + rows + "}}")
			.update();
	}

	long count(String action) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ? and action = ?")
			.params(this.officer, action)
			.query(Long.class)
			.single();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
