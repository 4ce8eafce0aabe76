package vn.giamngheo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment of docs/deploy-nginx.md, for real: Debian's nginx with the documented
 * configuration (ports, name and a fresh self-signed certificate replaced) in front of
 * the application, checked over HTTPS — HSTS, a Secure session cookie, the CSP, a login —
 * and the forward headers: nginx's X-Forwarded-For is the limiter's client, a forged one
 * sent by the client through nginx or straight to the application is not (ADR 0019).
 * nginx reaches the application from 127.0.0.2, the only address trusted here, so what
 * the application keys on tells which header it believed. When {@code CI} is set and
 * nginx or openssl is missing the test fails; on a developer machine without them it is
 * skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2" })
class NginxDeploymentIT {

	static final Path DOC = Path.of("docs/deploy-nginx.md");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Path dir;

	Process nginx;

	int https;

	int http;

	HttpClient client;

	@BeforeEach
	void start() throws Exception {
		Path nginxBinary = tool("nginx", "/usr/sbin/nginx");
		Path openssl = tool("openssl", "/usr/bin/openssl");
		this.dir = Files.createTempDirectory("giamngheo-nginx");
		run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
				"/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
				this.dir.resolve("key.pem").toString(), "-out", this.dir.resolve("cert.pem").toString()));
		this.https = freePort();
		this.http = freePort();
		Files.writeString(this.dir.resolve("nginx.conf"), config());
		for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
			Files.createDirectories(this.dir.resolve(temp)).toFile().setWritable(true, false);
		}
		this.nginx = new ProcessBuilder(nginxBinary.toString(), "-p", this.dir.toString(), "-c",
				this.dir.resolve("nginx.conf").toString(), "-e", this.dir.resolve("error.log").toString(), "-g",
				"daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("nginx.out").toFile())
			.start();
		awaitListening(this.https);
		this.client = HttpClient.newBuilder()
			.sslContext(trusting(this.dir.resolve("cert.pem")))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.nginx != null) {
			this.nginx.destroy();
			if (!this.nginx.waitFor(10, TimeUnit.SECONDS)) {
				this.nginx.destroyForcibly();
			}
		}
	}

	/**
	 * The documented nginx server blocks with this machine's ports, name and certificate.
	 */
	String config() throws IOException {
		Matcher block = Pattern.compile("(?s)```nginx\\n(.*?)```").matcher(Files.readString(DOC));
		assertThat(block.find()).as("an nginx block in " + DOC).isTrue();
		String servers = block.group(1);
		Map<String, String> replace = new java.util.LinkedHashMap<>();
		replace.put("(?m)^\\s*listen \\[::\\].*\\n", "");
		replace.put("listen 80;", "listen 127.0.0.1:" + this.http + ";");
		replace.put("listen 443 ssl http2;", "listen 127.0.0.1:" + this.https + " ssl http2;");
		replace.put("server_name giamngheo.example.gov.vn;", "server_name localhost;");
		replace.put("/etc/letsencrypt/live/giamngheo.example.gov.vn/fullchain.pem",
				this.dir.resolve("cert.pem").toString());
		replace.put("/etc/letsencrypt/live/giamngheo.example.gov.vn/privkey.pem",
				this.dir.resolve("key.pem").toString());
		replace.put("proxy_pass http://127.0.0.1:8080;",
				"proxy_pass http://127.0.0.1:" + this.port + ";\n        proxy_bind 127.0.0.2;");
		for (Map.Entry<String, String> r : replace.entrySet()) {
			String before = servers;
			servers = r.getKey().startsWith("(?m)") ? servers.replaceAll(r.getKey(), r.getValue())
					: servers.replace(r.getKey(), r.getValue());
			assertThat(servers).as("the documented config has " + r.getKey()).isNotEqualTo(before);
		}
		String d = this.dir.toString();
		return "worker_processes 1;\npid " + d + "/nginx.pid;\nevents { worker_connections 64; }\nhttp {\n"
				+ "  access_log " + d + "/access.log;\n  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d
				+ "/proxy;\n  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d
				+ "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n" + servers + "}\n";
	}

	@Test
	void overHttpsTheAppSendsHstsASecureCookieAndItsPolicyAndTheLoginWorks() throws Exception {
		HttpResponse<String> plain = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.http + "/login")));
		assertThat(plain.statusCode()).isEqualTo(301);
		assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith("https://");

		HttpResponse<String> page = send(HttpRequest.newBuilder(url("/login")));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
		assertThat(page.headers().allValues("Strict-Transport-Security")).hasSize(1);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly");

		HttpResponse<String> login = postLogin("admin", "admin-giamngheo", csrf(page.body()), Map.of());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
		assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
		HttpResponse<String> account = send(HttpRequest.newBuilder(url("/account")));
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("admin");
	}

	@Test
	void theLimiterKeysOnTheClientNginxReportsNeverOnAForgedHeader() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		// the database is the test JVM's, shared with other tests whose clients may be
		// any
		// of these addresses (LoginThrottleIT draws from 203.0.113.0/24): what must hold
		// is
		// that this test adds or touches none of their rows
		List<String> before = forgedRows();
		// through nginx, with a forged X-Forwarded-For that nginx replaces
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(url("/login")));
			HttpResponse<String> failed = postLogin("via-nginx-" + tag, "wrong-" + i, csrf(page.body()),
					Map.of("X-Forwarded-For", "198.51.100.99"));
			assertThat(failed.statusCode()).isEqualTo(302);
		}
		HttpResponse<String> page = send(HttpRequest.newBuilder(url("/login")));
		HttpResponse<String> refused = postLogin("via-nginx-" + tag, "wrong-6", csrf(page.body()), Map.of());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(clients("via-nginx-" + tag)).containsExactly("127.0.0.1");

		// straight to the application from an address that is no proxy, with forged
		// headers
		HttpClient direct = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://127.0.0.1:" + this.port;
		HttpResponse<String> directPage = direct.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("X-Forwarded-For", "203.0.113.66")
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(directPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(directPage.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
		HttpResponse<String> directLogin = direct.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "203.0.113.66")
			.POST(HttpRequest.BodyPublishers.ofString(
					form(Map.of("username", "direct-" + tag, "password", "wrong", "_csrf", csrf(directPage.body())))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(directLogin.statusCode()).isEqualTo(302);
		assertThat(clients("direct-" + tag)).containsExactly("127.0.0.1");
		assertThat(forgedRows()).isEqualTo(before);
	}

	/** Throttle rows keyed on a forged address or on nginx's own, with their counts. */
	List<String> forgedRows() {
		return this.jdbc
			.sql("select name || '|' || subject || '|' || client || '|' || level || '|' || level_at from throttle"
					+ " where client in ('198.51.100.99', '203.0.113.66', '127.0.0.2') order by 1")
			.query(String.class)
			.list();
	}

	List<String> clients(String subject) {
		return this.jdbc.sql("select client from throttle where name = 'login-account' and subject = ?")
			.param(subject)
			.query(String.class)
			.list();
	}

	HttpResponse<String> postLogin(String username, String password, String csrf, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf))));
		headers.forEach(request::header);
		return send(request);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	URI url(String path) {
		return URI.create("https://localhost:" + this.https + path);
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF field on the login page").isTrue();
		return m.group(1);
	}

	/**
	 * The tool, or a failure when CI is set, or the test skipped on a developer machine.
	 */
	static Path tool(String name, String debianPath) {
		for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(":")) {
			Path p = dir.isEmpty() ? null : Path.of(dir, name);
			if (p != null && Files.isExecutable(p)) {
				return p;
			}
		}
		if (System.getenv("CI") != null) {
			throw new IllegalStateException(
					"CI is set but " + name + " (" + debianPath + ") is missing: apt-get install -y nginx openssl");
		}
		Assumptions.abort(name + " not installed (apt-get install -y nginx openssl)");
		return null;
	}

	static void run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	void awaitListening(int port) throws Exception {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (true) {
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException ex) {
				if (!this.nginx.isAlive() || System.nanoTime() > until) {
					throw new IllegalStateException("nginx did not start: "
							+ Files.readString(this.dir.resolve("nginx.out")) + readIfExists("error.log"), ex);
				}
				Thread.sleep(50);
			}
		}
	}

	String readIfExists(String file) throws IOException {
		Path p = this.dir.resolve(file);
		return Files.exists(p) ? Files.readString(p) : "";
	}

	static SSLContext trusting(Path certificate) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(certificate)) {
			store.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
