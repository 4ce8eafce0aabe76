package vn.giamngheo.identity;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The permission matrix, walked the way {@link ScopeLeakIT} walks scopes: every request
 * mapping of the live context (pages and API, every HTTP method) is called as every role,
 * with the ids of data inside the caller's scope (commune A: its household, member,
 * village, an open review with a listed household assigned to the reviewer) and
 * well-formed parameters and bodies, so that the call reaches the service.
 * <ul>
 * <li>Every POST, PUT, PATCH and DELETE handler declares what it needs
 * ({@link Requires}); a GET handler without it needs {@link Permission#READ}.</li>
 * <li>A role whose row of the matrix has none of the declared permissions gets 403, and
 * nothing changes (commune A's registry rows, the review's rows, the callers' audit
 * rows).</li>
 * <li>A role with the declared permission does not get 403. Where a handler declares
 * several (the sign-off: which one applies depends on the commune's approval level), only
 * the refusal is checked here; {@code TwoLevelApprovalIT} checks the levels.</li>
 * </ul>
 * The check is in the services: the annotation only declares, and this test proves that
 * the answers match the declaration.
 */
@IntegrationTest
@TestPropertySource(properties = "giamngheo.security.login-attempts-per-minute=100000")
class RoleMatrixIT {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?}");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/**
	 * An id of nothing: what an allowed call may write must stay the test's own (the
	 * database is shared with the other tests of the run).
	 */
	private static final String NO_SUCH_ID = "999999999";

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Reviews reviews;

	@Autowired
	ObjectMapper json;

	Fixtures f;

	Map<Role, String> users = new LinkedHashMap<>();

	Review review;

	ReviewHousehold listed;

	/** The user (and its token) that the user-administration endpoints are called on. */
	long targetId;

	long tokenId;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.code() + "@2024";
		String village = "V" + this.f.tag + "A@local";
		this.users.put(Role.SYSTEM_ADMIN, this.f.nationUser("madmin", Role.SYSTEM_ADMIN));
		this.users.put(Role.PROVINCE_OFFICER,
				this.f.user("mprov", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		this.users.put(Role.DISTRICT_OFFICER,
				this.f.user("mdist", Role.DISTRICT_OFFICER, List.of("504@2024"), List.of("504@2024")));
		this.users.put(Role.COMMUNE_OFFICER, this.f.user("mcomm", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.users.put(Role.REVIEWER, this.f.user("mrevw", Role.REVIEWER, List.of(a), List.of(village)));
		this.users.put(Role.LEADER, this.f.user("mlead", Role.LEADER, List.of(a), List.of()));
		this.users.put(Role.PARTNER, this.f.user("mpart", Role.PARTNER, List.of(a), List.of(a)));
		this.users.put(Role.AUDITOR, this.f.user("maudt", Role.AUDITOR, List.of(a), List.of()));
		// not one of the callers: an administrator's call may change it (the form clears
		// scopes)
		this.targetId = this.f.users.findPrincipal(this.f.user("mtarget", Role.LEADER, List.of(a), List.of()))
			.orElseThrow()
			.id();
		this.tokenId = this.f.users.insertToken(this.targetId, "matrix", AccessTokens.sha256("gnp_m" + this.f.tag),
				"gnp_mmmmmmmm", java.time.OffsetDateTime.now().plusDays(5));
		// an open review of the province with commune A, one household listed and
		// assigned
		this.f.signIn(this.users.get(Role.SYSTEM_ADMIN));
		LocalDate today = LocalDate.now();
		long province = this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
		this.review = this.reviews.open(new Reviews.OpenReview(province, TestYears.beforeReform(this.jdbc, "49"),
				"2022-2025", today.minusDays(5), today.plusDays(40), List.of(this.f.a.id())));
		this.listed = this.reviews.addScreened(this.review.id(), this.f.a.id(), this.f.a.household(),
				List.of("NO_STABLE_INCOME"), null);
		this.reviews.assign(this.review.id(), this.f.a.id(), this.f.a.villageId(), this.users.get(Role.REVIEWER));
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyRoleGetsWhatTheMatrixGivesItOnEveryEndpoint() throws Exception {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).extracting(Endpoint::pattern)
			.contains("/api/v1/households/{id}", "/api/v1/units/{id}/urban", "/reviews/{reviewId}/communes/{communeId}",
					"/api/v1/audit-events");
		List<String> failures = new ArrayList<>();
		Map<Role, Authentication> auth = new LinkedHashMap<>();
		this.users.forEach((role, name) -> auth.put(role, this.f.auth(name)));
		int calls = 0;
		for (Endpoint e : endpoints) {
			if (e.declared() == null) {
				failures.add(e.method() + " " + e.pattern() + " declares no permission (@Requires)");
				continue;
			}
			Set<Permission> declared = e.declared();
			// refusals first: an allowed call may change what later calls find
			for (boolean allowedPass : new boolean[] { false, true }) {
				for (Map.Entry<Role, Authentication> r : auth.entrySet()) {
					boolean allowed = declared.stream().anyMatch(r.getKey()::may);
					if (allowed != allowedPass) {
						continue;
					}
					String before = allowed ? null : snapshot();
					var response = this.mvc.perform(request(e, r.getValue())).andReturn().getResponse();
					int status = response.getStatus();
					calls++;
					String answer = response.getContentAsString();
					String call = r.getKey() + " " + e.method() + " " + e.uri() + " -> " + status + " "
							+ answer.substring(0, Math.min(answer.length(), 160));
					if (!allowed && status != 403) {
						failures.add(call + ", expected 403 (needs " + declared + ")");
					}
					if (!allowed && !before.equals(snapshot())) {
						failures.add(call + " changed data");
					}
					if (allowed && declared.size() == 1 && status == 403) {
						failures.add(call + ", expected no 403 (" + r.getKey() + " may " + declared + ")");
					}
				}
			}
		}
		System.out.println("RoleMatrixIT: " + endpoints.size() + " endpoints, " + calls + " calls");
		assertThat(failures).isEmpty();
	}

	@Test
	void theMatrixTestSeesARefusalThatDidNotHappen() throws Exception {
		// control: the walk's request for the household edit as the commune officer
		// passes the
		// service's checks (so a refusal would be the matrix's, not a malformed
		// request's)
		Endpoint put = endpoints().stream()
			.filter((e) -> e.method().equals("PUT") && e.pattern().equals("/api/v1/households/{id}"))
			.findFirst()
			.orElseThrow();
		int asOfficer = this.mvc.perform(request(put, this.f.auth(this.users.get(Role.COMMUNE_OFFICER))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(asOfficer).isNotEqualTo(403).isNotEqualTo(404);
		int asLeader = this.mvc.perform(request(put, this.f.auth(this.users.get(Role.LEADER))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(asLeader).isEqualTo(403);
		// and the change detector sees a change by one of the callers
		String before = snapshot();
		this.mvc
			.perform(MockMvcRequestBuilders.delete("/api/v1/tokens/" + this.tokenId)
				.with(authentication(this.f.auth(this.users.get(Role.SYSTEM_ADMIN))))
				.with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
		assertThat(snapshot()).isNotEqualTo(before);
	}

	/** Every request mapping with its declaration, except the reviewed public ones. */
	List<Endpoint> endpoints() {
		List<Endpoint> result = new ArrayList<>();
		AntPathMatcher paths = new AntPathMatcher();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				HandlerMethod handler = entry.getValue();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);
				}
				for (String pattern : info.getPatternValues()) {
					if (ScopeLeakIT.PUBLIC.contains(pattern) || Arrays.stream(SecurityConfiguration.PUBLIC_PATHS)
						.anyMatch((p) -> paths.match(p, pattern) || pattern.startsWith("/public/"))
					// health is open to a load balancer without a login (ActuatorIT)
							|| pattern.startsWith("/actuator/health")) {
						continue;
					}
					List<MediaType> consumes = new ArrayList<>(info.getConsumesCondition().getConsumableMediaTypes());
					for (RequestMethod m : methods) {
						if (m == RequestMethod.HEAD || m == RequestMethod.OPTIONS || m == RequestMethod.TRACE) {
							continue;
						}
						Requires requires = handler.getMethodAnnotation(Requires.class);
						Set<Permission> declared = (requires != null) ? EnumSet.copyOf(Arrays.asList(requires.value()))
								: pattern.startsWith("/actuator") ? EnumSet.of(Permission.OPERATIONS)
										: WRITES.contains(m.name()) ? null : EnumSet.of(Permission.READ);
						result.add(new Endpoint(m.name(), pattern, uri(pattern), handler, consumes, declared));
					}
				}
			}
		}
		return result;
	}

	/** The URI with ids inside the caller's scope. */
	String uri(String pattern) {
		String uri = pattern.replace("/**", "/x").replace("/*", "/x");
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			uri = uri.replace(m.group(), pathValue(pattern, m.group(1)));
		}
		return uri;
	}

	String pathValue(String pattern, String variable) {
		return switch (variable) {
			case "reviewId" -> this.review.id().toString();
			case "communeId" -> String.valueOf(this.f.a.id());
			case "reviewHouseholdId" -> this.listed.id().toString();
			case "memberId" -> this.f.a.member().toString();
			case "householdId" -> this.f.a.household().toString();
			case "tokenId" -> String.valueOf(this.tokenId);
			case "key" -> "2022-2025";
			case "kind" -> "preliminary";
			case "complaintId", "meetingId", "requestId", "recordId", "demandId", "modelId", "planId", "eventId" ->
				UUID.randomUUID().toString();
			case "id" -> idIn(pattern);
			default -> NO_SUCH_ID;
		};
	}

	String idIn(String pattern) {
		if (pattern.contains("households/")) {
			return this.f.a.household().toString();
		}
		if (pattern.contains("units/")) {
			// the fixture's own village: an allowed call may switch it urban or add
			// attributes
			return String.valueOf(this.f.a.villageId());
		}
		if (pattern.contains("imports/") || pattern.contains("transfers/") || pattern.contains("whatif")
				|| pattern.contains("programme-reports/") || pattern.contains("programmes/reports/")) {
			return UUID.randomUUID().toString();
		}
		if (pattern.contains("users/")) {
			return String.valueOf(this.targetId);
		}
		if (pattern.contains("tokens/")) {
			return String.valueOf(this.tokenId);
		}
		return NO_SUCH_ID;
	}

	AbstractMockHttpServletRequestBuilder<?> request(Endpoint e, Authentication who) throws Exception {
		HttpMethod method = HttpMethod.valueOf(e.method());
		MethodParameter[] parameters = e.handler().getMethodParameters();
		boolean multipart = Arrays.stream(parameters)
			.anyMatch((p) -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
		AbstractMockHttpServletRequestBuilder<?> request;
		if (multipart) {
			MockMultipartHttpServletRequestBuilder b = MockMvcRequestBuilders.multipart(method, e.uri());
			for (MethodParameter p : parameters) {
				if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
					RequestParam rp = p.getParameterAnnotation(RequestParam.class);
					String name = (rp != null && !rp.name().isEmpty()) ? rp.name() : p.getParameterName();
					b.file(new MockMultipartFile(name, "x.csv", "text/csv", "a,b\n1,2\n".getBytes()));
				}
			}
			request = b;
		}
		else {
			request = MockMvcRequestBuilders.request(method, e.uri());
		}
		request.with(authentication(who)).with(csrf());
		for (MethodParameter p : parameters) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			if (rp != null && rp.required() && !Map.class.isAssignableFrom(p.getParameterType())
					&& !MultipartFile.class.isAssignableFrom(p.getParameterType())
					&& rp.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
				String name = !rp.name().isEmpty() ? rp.name()
						: (!rp.value().isEmpty() ? rp.value() : p.getParameterName());
				request.param(name, paramValue(name, p.getParameterType()));
			}
			if (p.hasParameterAnnotation(RequestBody.class)) {
				MediaType type = e.consumes().isEmpty() ? MediaType.APPLICATION_JSON : e.consumes().get(0);
				Class<?> raw = p.getParameterType();
				String body = (raw == String.class) ? "x" : (raw == byte[].class) ? "{}"
						: this.json.writeValueAsString(sample(ResolvableType.forMethodParameter(p), "body", 0));
				request.contentType(type).content(body);
			}
		}
		if (e.uri().contains("rescope")) {
			// a re-scope run over every account (ADR 0029) would move the callers' own
			// scopes to the 2025 units: the run names accounts that do not exist
			request.param("q", NO_SUCH_ID);
		}
		return request;
	}

	String paramValue(String name, Class<?> type) {
		String n = name.toLowerCase(Locale.ROOT);
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		if (type == LocalDate.class) {
			return LocalDate.now().toString();
		}
		if (type == UUID.class) {
			return this.f.a.household().toString();
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		if (n.equals("unit") || n.equals("unitid")) {
			return String.valueOf(this.f.a.id());
		}
		if (n.contains("village")) {
			return String.valueOf(this.f.a.villageId());
		}
		if (n.equals("year")) {
			return String.valueOf(LocalDate.now().getYear());
		}
		if (n.equals("version")) {
			return "0";
		}
		if (n.equals("householdcode")) {
			return this.f.a.householdCode();
		}
		if (n.equals("reviewer")) {
			return this.users.get(Role.REVIEWER);
		}
		if (n.equals("form")) {
			return "MAU_01";
		}
		if (n.equals("mode")) {
			return "ALL";
		}
		if (n.equals("format")) {
			return "csv";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return NO_SUCH_ID;
		}
		return "x";
	}

	/** A well-formed JSON value of the type: records field by field, ids of commune A. */
	Object sample(ResolvableType type, String name, int depth) {
		Class<?> raw = type.toClass();
		String n = name.toLowerCase(Locale.ROOT);
		if (raw == String.class) {
			return n.equals("action") ? "SUBMIT" : n.equals("form") ? "MAU_01" : "x";
		}
		if (raw == Boolean.class || raw == boolean.class) {
			return false;
		}
		if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != char.class)) {
			if (n.equals("version")) {
				return 0;
			}
			if (n.contains("village")) {
				return this.f.a.villageId();
			}
			if (n.equals("year")) {
				return LocalDate.now().getYear();
			}
			return (n.contains("unit") || n.contains("commune")) ? this.f.a.id() : Long.parseLong(NO_SUCH_ID);
		}
		if (raw == LocalDate.class) {
			return LocalDate.now().toString();
		}
		if (raw == UUID.class) {
			return this.f.a.household().toString();
		}
		if (raw.isEnum()) {
			return ((Enum<?>) raw.getEnumConstants()[0]).name();
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			return List.of();
		}
		if (Map.class.isAssignableFrom(raw)) {
			return Map.of();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		if (raw.isRecord() && depth < 3) {
			for (RecordComponent c : raw.getRecordComponents()) {
				Field field;
				try {
					field = raw.getDeclaredField(c.getName());
				}
				catch (NoSuchFieldException ex) {
					throw new IllegalStateException(ex);
				}
				fields.put(c.getName(), sample(ResolvableType.forField(field, type), c.getName(), depth + 1));
			}
		}
		return fields;
	}

	/**
	 * A digest of what a refused call must not change: commune A's registry rows and
	 * units, the review's rows, the callers' tokens and users, and the audit rows written
	 * by the callers (every write is audited in its transaction).
	 */
	String snapshot() {
		String like = this.f.a.path() + "%";
		String[] names = this.users.values().toArray(String[]::new);
		return this.jdbc.sql("select md5(coalesce(string_agg(x, '|' order by x), '')) from ("
				+ " select h::text as x from household h where h.unit_path like ?"
				+ " union all select m::text from member m join household h on h.id = m.household_id"
				+ "   where h.unit_path like ?"
				+ " union all select s::text from household_assessment s join household h on h.id = s.household_id"
				+ "   where h.unit_path like ?" + " union all select a::text from admin_unit a where a.path like ?"
				+ " union all select t::text from unit_attribute t join admin_unit a on a.id = t.unit_id"
				+ "   where a.path like ?" + " union all select r::text from review_unit r where r.review_id = ?"
				+ " union all select r::text from review_household r where r.review_id = ?"
				+ " union all select t::text from access_token t join app_user u on u.id = t.user_id"
				+ "   where u.username = any(?)" + " union all select u::text from app_user u where u.username = any(?)"
				+ " union all select count(*)::text from audit_event where actor = any(?)) d")
			.params(like, like, like, like, like, this.review.id(), this.review.id(), names, names, names)
			.query(String.class)
			.single();
	}

	/**
	 * A mapped endpoint.
	 *
	 * @param method HTTP method
	 * @param pattern path pattern
	 * @param uri the pattern with ids inside the callers' scope
	 * @param handler the handler method
	 * @param consumes media types it takes
	 * @param declared the permissions it declares (any of), or null when a write declares
	 * none
	 */
	record Endpoint(String method, String pattern, String uri, HandlerMethod handler, List<MediaType> consumes,
			Set<Permission> declared) {
	}

}
