package vn.giamngheo.identity;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The OpenSPP #531 guard: every registered endpoint (pages and API, every HTTP method),
 * found from the request mappings so that endpoints added later are covered without
 * editing this test, is called by users scoped to commune A with the ids, codes and
 * filters of commune B. No response may contain B's distinctive data, and no call may
 * change B's rows.
 */
@IntegrationTest
class ScopeLeakIT {

	/**
	 * Endpoints not called, reviewed: public by design (login page, error page, API
	 * documentation). Everything else is called.
	 */
	static final Set<String> PUBLIC = Set.of("/login", "/error", "/api/openapi.json", "/api/openapi.json/{group}",
			"/api/openapi.json.yaml", "/api/openapi.json.yaml/{group}", "/api/openapi.json/swagger-config", "/api/docs",
			"/swagger-ui.html");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?}");

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserRepository users;

	@Autowired
	ApplicationContext context;

	@Autowired
	Rescoping rescoping;

	Fixtures f;

	/** Commune B as the walk targets it: its current unit first, then earlier ones. */
	List<Fixtures.Commune> bs;

	/** The list edition B's code is typed in. */
	String edition = "2024";

	long bUserId;

	long bTokenId;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		this.bs = List.of(this.f.b);
		String bOfficer = this.f.user("officerb", Role.COMMUNE_OFFICER, List.of(this.f.b.code() + "@2024"),
				List.of(this.f.b.code() + "@2024"));
		this.bUserId = this.users.findPrincipal(bOfficer).orElseThrow().id();
		this.bTokenId = this.users.insertToken(this.bUserId, "b-token", AccessTokens.sha256("gnp_b" + this.f.tag),
				"gnp_bbbbbbbb", java.time.OffsetDateTime.now().plusDays(5));
	}

	@Test
	void noEndpointLeaksOrChangesDataOfAnotherCommune() throws Exception {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).extracting(Endpoint::pattern)
			.contains("/api/v1/audit-events", "/api/v1/users/{id}", "/api/v1/tokens/{id}", "/admin/users/{id}");
		Map<String, Authentication> actors = new LinkedHashMap<>();
		String a = this.f.a.code() + "@2024";
		actors.put("COMMUNE_OFFICER",
				this.f.auth(this.f.user("officera", Role.COMMUNE_OFFICER, List.of(a), List.of(a))));
		actors.put("REVIEWER", this.f
			.auth(this.f.user("reviewera", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"))));
		actors.put("LEADER", this.f.auth(this.f.user("leadera", Role.LEADER, List.of(a), List.of())));
		actors.put("AUDITOR", this.f.auth(this.f.user("auditora", Role.AUDITOR, List.of(a), List.of())));
		actors.put("PARTNER", this.f.auth(this.f.user("partnera", Role.PARTNER, List.of(a), List.of(a))));
		assertThat(walk(endpoints, actors)).isEmpty();
	}

	/**
	 * The walk over both editions (ADR 0029): A's and B's households were moved to two
	 * different 2025 communes (Xã Tây Giang, Xã Hùng Sơn) and the accounts re-scoped. A
	 * re-scoped officer of the new commune A never sees the new commune B's data, through
	 * B's new or old ids and codes; nor does an account of the old commune A that was
	 * never re-scoped.
	 */
	@Test
	void noEndpointLeaksAcrossTheReformEditions() throws Exception {
		Fixtures.Commune oldB = this.f.b;
		Fixtures.Commune movedA = this.f.moveTo(this.f.a, "20455");
		this.bs = List.of(this.f.moveTo(oldB, "20443"), oldB);
		this.edition = "2025";
		String a = this.f.a.code() + "@2024";
		Map<String, String> names = new LinkedHashMap<>();
		names.put("COMMUNE_OFFICER", this.f.user("officera", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		names.put("REVIEWER",
				this.f.user("reviewera", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local")));
		names.put("LEADER", this.f.user("leadera", Role.LEADER, List.of(a), List.of()));
		names.put("PARTNER", this.f.user("partnera", Role.PARTNER, List.of(a), List.of(a)));
		this.f.signIn("admin");
		try {
			assertThat(this.rescoping.apply(this.f.tag).changed()).isEqualTo(5);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		Map<String, Authentication> actors = new LinkedHashMap<>();
		names.forEach((role, username) -> actors.put(role, this.f.auth(username)));
		assertThat(this.users.findPrincipal(names.get("COMMUNE_OFFICER")).orElseThrow().actor().scope().capturePaths())
			.as("re-scoped to Xã Tây Giang")
			.containsExactly(movedA.path());
		// an account of the old commune that was never re-scoped
		actors.put("NOT_RESCOPED", this.f.auth(this.f.user("stalea", Role.COMMUNE_OFFICER, List.of(a), List.of(a))));
		assertThat(walk(endpoints(), actors)).isEmpty();
	}

	/** Calls every endpoint as every actor; returns the leaks and changes of B found. */
	List<String> walk(List<Endpoint> endpoints, Map<String, Authentication> actors) throws Exception {
		String before = snapshotOfB();
		List<String> leaks = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<String, Authentication> actor : actors.entrySet()) {
			for (Endpoint endpoint : endpoints) {
				for (String uri : uris(endpoint.pattern())) {
					for (boolean withParams : new boolean[] { true, false }) {
						MvcResult result = this.mvc.perform(request(endpoint, uri, withParams, actor.getValue()))
							.andReturn();
						calls++;
						String body = result.getResponse().getContentAsString();
						for (String secret : secrets()) {
							if (body.contains(secret)) {
								leaks.add(actor.getKey() + " " + endpoint.method() + " " + uri + " -> "
										+ result.getResponse().getStatus() + " contains B's data");
							}
						}
						String after = snapshotOfB();
						if (!after.equals(before)) {
							leaks.add(actor.getKey() + " " + endpoint.method() + " " + uri + " -> "
									+ result.getResponse().getStatus() + " changed B's data");
							before = after;
						}
					}
				}
			}
		}
		System.out.println("ScopeLeakIT: " + endpoints.size() + " endpoints, " + calls + " calls");
		return leaks;
	}

	@Test
	void theLeakDetectorSeesBsDataWhenTheCallerMayReadIt() throws Exception {
		Authentication admin = this.f.auth("admin");
		String body = this.mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/audit-events")
				.param("unit", this.f.b.code() + "@2024")
				.with(authentication(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(this.f.b.headName());
		// and the change detector sees a write to B's rows
		String before = snapshotOfB();
		this.mvc
			.perform(MockMvcRequestBuilders.delete("/api/v1/tokens/" + this.bTokenId)
				.with(authentication(admin))
				.with(csrf()))
			.andReturn();
		assertThat(snapshotOfB()).isNotEqualTo(before);
	}

	List<String> secrets() {
		return List.of(this.f.b.headName(), this.f.b.cccd(), this.f.b.phone(), "officerb." + this.f.tag);
	}

	/** Every request mapping (all handler mappings), except the reviewed public list. */
	List<Endpoint> endpoints() {
		List<Endpoint> result = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);
				}
				for (String pattern : info.getPatternValues()) {
					if (PUBLIC.contains(pattern)) {
						continue;
					}
					boolean json = info.getConsumesCondition()
						.getConsumableMediaTypes()
						.stream()
						.anyMatch((m) -> m.includes(MediaType.APPLICATION_JSON))
							|| java.util.Arrays.stream(entry.getValue().getMethodParameters())
								.anyMatch((p) -> p
									.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class));
					List<String> params = new ArrayList<>();
					for (Parameter p : entry.getValue().getMethod().getParameters()) {
						RequestParam rp = p.getAnnotation(RequestParam.class);
						if (rp != null) {
							String name = !rp.name().isEmpty() ? rp.name()
									: (!rp.value().isEmpty() ? rp.value() : p.getName());
							params.add(name);
						}
					}
					for (RequestMethod m : methods) {
						if (m != RequestMethod.HEAD && m != RequestMethod.OPTIONS && m != RequestMethod.TRACE) {
							result.add(new Endpoint(m.name(), pattern, json, params));
						}
					}
				}
			}
		}
		return result;
	}

	/**
	 * Candidate values of B (its current unit and any earlier one) for a path variable or
	 * parameter, by its name.
	 */
	List<String> candidates(String variable) {
		Set<String> values = new LinkedHashSet<>();
		for (Fixtures.Commune b : this.bs) {
			values.addAll(candidates(variable, b));
		}
		return new ArrayList<>(values);
	}

	List<String> candidates(String variable, Fixtures.Commune b) {
		String v = variable.toLowerCase(Locale.ROOT);
		if (v.contains("household")) {
			return List.of(b.household().toString(), b.householdCode());
		}
		if (v.contains("member")) {
			return List.of(b.member().toString());
		}
		if (v.contains("village")) {
			return List.of(String.valueOf(b.villageId()));
		}
		if (v.contains("token")) {
			return List.of(String.valueOf(this.bTokenId));
		}
		if (v.contains("user")) {
			return List.of(String.valueOf(this.bUserId));
		}
		if (v.contains("code")) {
			return List.of(b.code(), b.code() + "@" + this.edition, b.householdCode());
		}
		if (v.contains("unit") || v.contains("commune") || v.contains("district") || v.contains("province")) {
			return List.of(String.valueOf(b.id()), b.code(), String.valueOf(b.villageId()));
		}
		if (v.equals("year")) {
			return List.of("2025");
		}
		// id and anything unknown: every kind of B id
		return List.of(b.household().toString(), b.member().toString(), String.valueOf(b.id()),
				String.valueOf(b.villageId()), String.valueOf(this.bUserId), String.valueOf(this.bTokenId));
	}

	/** The URIs to call: each combination of candidate values for the path variables. */
	List<String> uris(String pattern) {
		List<String> uris = new ArrayList<>();
		uris.add(pattern.replace("/**", "/x").replace("/*", "/x"));
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			String whole = m.group();
			List<String> next = new ArrayList<>();
			for (String uri : uris) {
				for (String value : candidates(m.group(1))) {
					next.add(uri.replace(whole, value));
				}
			}
			uris = next;
		}
		return new ArrayList<>(new LinkedHashSet<>(uris));
	}

	/** Filters of B, sent as query/form parameters and as JSON body fields. */
	Map<String, String> filtersOfB(List<String> declared) {
		Fixtures.Commune b = this.bs.get(0);
		Map<String, String> p = new LinkedHashMap<>();
		p.put("unit", b.code() + "@" + this.edition);
		p.put("unitId", String.valueOf(b.id()));
		p.put("commune", b.code());
		p.put("communeId", String.valueOf(b.id()));
		p.put("village", String.valueOf(b.villageId()));
		p.put("villageId", String.valueOf(b.villageId()));
		p.put("household", b.household().toString());
		p.put("householdId", b.household().toString());
		p.put("code", b.householdCode());
		p.put("path", b.villagePath());
		p.put("q", b.headName().substring(0, 8));
		p.put("name", b.headName().substring(0, 8));
		for (String name : declared) {
			p.putIfAbsent(name, candidates(name).get(0));
		}
		return p;
	}

	MockHttpServletRequestBuilder request(Endpoint endpoint, String uri, boolean withParams, Authentication actor) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()),
				uri);
		request.with(authentication(actor)).with(csrf());
		if (withParams) {
			Map<String, String> filters = filtersOfB(endpoint.params());
			if (endpoint.json()) {
				StringBuilder body = new StringBuilder("{\"version\":0,\"reason\":\"leak test\"");
				filters.forEach((k, v) -> body.append(",\"").append(k).append("\":\"").append(v).append('"'));
				body.append(",\"viewUnits\":[\"").append(this.bs.get(0).code()).append("\"]}");
				request.contentType(MediaType.APPLICATION_JSON).content(body.toString());
				filters.forEach(request::queryParam);
			}
			else {
				filters.forEach(request::param);
			}
		}
		else if (endpoint.json()) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request;
	}

	/**
	 * A digest of every row of commune B (and of B's officer and token, and B's
	 * household's earlier addresses).
	 */
	String snapshotOfB() {
		String like = this.bs.get(0).path() + "%";
		return this.jdbc
			.sql("select md5(coalesce(string_agg(x, '|' order by x), '')) from ("
					+ " select h::text as x from household h where h.unit_path like ?"
					+ " union all select m::text from member m join household h on h.id = m.household_id"
					+ "   where h.unit_path like ?"
					+ " union all select s::text from household_assessment s join household h on h.id = s.household_id"
					+ "   where h.unit_path like ?" + " union all select a::text from admin_unit a where a.path like ?"
					+ " union all select t::text from access_token t where t.user_id = ?"
					+ " union all select u::text from app_user u where u.id = ?"
					+ " union all select s::text from user_scope s where s.user_id = ?"
					+ " union all select p::text from household_address_past p where p.household_id = ?"
					+ " union all select count(*)::text from audit_event where unit_path like ?) d")
			.params(like, like, like, like, this.bUserId, this.bUserId, this.bUserId, this.f.b.household(), like)
			.query(String.class)
			.single();
	}

	/**
	 * A mapped endpoint.
	 *
	 * @param method HTTP method
	 * @param pattern path pattern
	 * @param json takes a JSON body
	 * @param params declared request parameters
	 */
	record Endpoint(String method, String pattern, boolean json, List<String> params) {
	}

}
