package vn.giamngheo.deploy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.identity.UserChanges;
import vn.giamngheo.shared.db.OneRunner;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.WorkHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL, without sticky sessions (ADR 0052): node 1
 * runs the embedded server, node 2 is pointed at node 1's database by configuration (an
 * external URL, no server of its own). Over real HTTP: a session begun on one node is the
 * same session on the other (CSRF token, sign-in, sign-out), a login delay counted on one
 * holds on the other, a user disabled on one loses the session on the other, and
 * scheduled work runs on one node at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

	static final String KIND = "it-two-nodes";

	/** The client both nodes see (X-Forwarded-For from a trusted loopback proxy). */
	static final String CLIENT = "192.0.2.19";

	static final AtomicInteger RUNS = new AtomicInteger();

	ConfigurableApplicationContext node1;

	ConfigurableApplicationContext node2;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void start() {
		this.node1 = node("giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0");
		HikariDataSource app = this.node1.getBean("dataSource", HikariDataSource.class);
		PGSimpleDataSource owner = this.node1.getBean("ownerDataSource", PGSimpleDataSource.class);
		this.node2 = node("giamngheo.db.url=" + app.getJdbcUrl(), "giamngheo.db.username=" + app.getUsername(),
				"giamngheo.db.password=" + app.getPassword(), "giamngheo.db.owner-username=" + owner.getUser(),
				"giamngheo.db.owner-password=" + owner.getPassword());
	}

	/** A node; its settings as command-line arguments, which win over application.yml. */
	ConfigurableApplicationContext node(String... database) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--giamngheo.demo.enabled=false",
				"--giamngheo.backup.cron=-", "--giamngheo.backup.on-start=false",
				"--giamngheo.imports.dir=" + System.getProperty("java.io.tmpdir") + "/giamngheo-it-imports",
				"--giamngheo.work.poll-delay=PT0.05S", "--giamngheo.db.pool-size=4",
				"--giamngheo.identity.changes-poll=PT0.1S"));
		for (String setting : database) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(GiamngheoApplication.class)
			.initializers((GenericApplicationContext c) -> c.registerBean(CountingHandler.class))
			.run(args.toArray(String[]::new));
	}

	@AfterAll
	void stop() {
		if (this.node2 != null) {
			this.node2.close();
		}
		if (this.node1 != null) {
			this.node1.close();
		}
	}

	@Test
	void theSecondNodeHasNoDatabaseOfItsOwn() {
		assertThat(this.node2.getBean("dataSource", HikariDataSource.class).getJdbcUrl())
			.isEqualTo(this.node1.getBean("dataSource", HikariDataSource.class).getJdbcUrl());
		assertThat(port(this.node1)).isNotEqualTo(port(this.node2));
	}

	@Test
	void aSessionBegunOnOneNodeIsTheSameSessionOnTheOther() throws Exception {
		// the login page's CSRF token lives in the session: taken on node 1, accepted on
		// node 2
		HttpResponse<String> page = get(this.node1, "/login", null);
		String cookie = cookie(page);
		HttpResponse<String> login = post(this.node2, "/login", cookie,
				Map.of("username", "admin", "password", "admin-giamngheo", "_csrf", csrf(page.body())));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String session = cookie(login);
		assertThat(session).as("a new session id at sign-in").isNotEqualTo(cookie);

		HttpResponse<String> on1 = get(this.node1, "/account", session);
		HttpResponse<String> on2 = get(this.node2, "/account", session);
		assertThat(on1.statusCode()).isEqualTo(200);
		assertThat(on2.statusCode()).isEqualTo(200);
		assertThat(on1.body()).contains("admin");

		// signed out on node 2: node 1 no longer knows the session
		HttpResponse<String> out = post(this.node2, "/logout", session, Map.of("_csrf", csrf(on2.body())));
		assertThat(out.statusCode()).isEqualTo(302);
		HttpResponse<String> after = get(this.node1, "/account", session);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aLoginDelayCountedOnOneNodeHoldsOnTheOther() throws Exception {
		String user = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> page = get(this.node1, "/login", null);
			HttpResponse<String> failed = post(this.node1, "/login", cookie(page),
					Map.of("username", user, "password", "wrong-" + i, "_csrf", csrf(page.body())));
			assertThat(failed.statusCode()).isEqualTo(302);
		}
		HttpResponse<String> page = get(this.node2, "/login", null);
		HttpResponse<String> refused = post(this.node2, "/login", cookie(page),
				Map.of("username", user, "password", "wrong-6", "_csrf", csrf(page.body())));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aUserDisabledOnOneNodeLosesTheSessionOnTheOther() throws Exception {
		String user = "two-nodes-off-" + UUID.randomUUID().toString().substring(0, 8);
		JdbcClient jdbc = this.node1.getBean(JdbcClient.class);
		String hash = jdbc.sql("select password_hash from app_user where username = 'admin'")
			.query(String.class)
			.single();
		long id = jdbc
			.sql("insert into app_user (username, password_hash, display_name, role, view_nation, capture_nation)"
					+ " values (?, ?, 'Two nodes', 'SYSTEM_ADMIN', true, true) returning id")
			.params(user, hash)
			.query(Long.class)
			.single();
		HttpResponse<String> page = get(this.node1, "/login", null);
		HttpResponse<String> login = post(this.node1, "/login", cookie(page),
				Map.of("username", user, "password", "admin-giamngheo", "_csrf", csrf(page.body())));
		String session = cookie(login);
		assertThat(get(this.node2, "/account", session).statusCode()).isEqualTo(200);

		// what the user directory does on node 1: the change and its mark, one
		// transaction
		this.node1.getBean(TransactionTemplate.class).executeWithoutResult((s) -> {
			jdbc.sql("update app_user set disabled = true where id = ?").param(id).update();
			this.node1.getBean(UserChanges.class).changed(id);
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		HttpResponse<String> on2 = get(this.node2, "/account", session);
		while (on2.statusCode() == 200 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			on2 = get(this.node2, "/account", session);
		}
		assertThat(on2.statusCode()).isEqualTo(302);
		assertThat(on2.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(get(this.node1, "/account", session).statusCode()).isEqualTo(302);
	}

	@Test
	void scheduledWorkRunsOnOneNodeAtATime() throws Exception {
		// both nodes poll every 50 ms; each subject's work takes 300 ms
		List<String> subjects = List.of("a", "b", "c").stream().map((s) -> s + UUID.randomUUID()).toList();
		RUNS.set(0);
		this.node1.getBean(TransactionTemplate.class)
			.executeWithoutResult((s) -> subjects
				.forEach((subject) -> this.node1.getBean(PendingWork.class).mark(KIND, subject, null)));
		JdbcClient jdbc = this.node1.getBean(JdbcClient.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (marks(jdbc) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(marks(jdbc)).isZero();
		Thread.sleep(500);
		assertThat(RUNS.get()).as("each subject's work done once, by one node").isEqualTo(subjects.size());
	}

	@Test
	void aJobRunningOnOneNodeIsSkippedOnTheOther() throws Exception {
		OneRunner on1 = this.node1.getBean(OneRunner.class);
		OneRunner on2 = this.node2.getBean(OneRunner.class);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		Thread first = new Thread(() -> on1.runAlone("it-two-nodes-job", () -> {
			running.countDown();
			await(finish);
		}));
		first.start();
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicInteger ran = new AtomicInteger();
		assertThat(on2.runAlone("it-two-nodes-job", ran::incrementAndGet)).isFalse();
		assertThat(on2.runAlone("it-two-nodes-other-job", ran::incrementAndGet)).isTrue();
		finish.countDown();
		first.join(10_000);
		assertThat(on2.runAlone("it-two-nodes-job", ran::incrementAndGet)).isTrue();
		assertThat(ran.get()).isEqualTo(2);
	}

	static long marks(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from pending_work where kind = ?").param(KIND).query(Long.class).single();
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
		HttpRequest.Builder request = request(node, path, cookie).GET();
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookie,
			Map<String, String> fields) throws Exception {
		String form = fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(node, path, cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(ConfigurableApplicationContext node, String path, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("X-Forwarded-For", CLIENT);
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return request;
	}

	static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	/** The session cookie a response sets ({@code JSESSIONID=...}). */
	static String cookie(HttpResponse<String> response) {
		String set = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
		return set.substring(0, set.indexOf(';'));
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF field on the page").isTrue();
		return m.group(1);
	}

	/** Pending work of the test's kind: counts each subject done, taking 300 ms. */
	static final class CountingHandler implements WorkHandler {

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public int batchSize() {
			return 1;
		}

		@Override
		public void work(List<String> subjects) {
			RUNS.addAndGet(subjects.size());
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
