package vn.giamngheo.standards.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code giamngheo-cli.jar} (built in {@code package}, before this test
 * runs) works on its own: a user who copies just that jar gets the same classification as
 * the application's jar, and it holds no web application.
 */
class CliJarIT {

	static final Path CLI = Paths.get("target/giamngheo-cli.jar");

	static final Path APP = Paths.get("target/giamngheo.jar");

	static String run(Path jar, String... args) throws IOException, InterruptedException {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
		return out;
	}

	@Test
	void cliJarClassifiesLikeTheApplicationJar() throws Exception {
		assertThat(CLI).exists();
		String[] args = { "classify", "--standard", "2022-2025", "--input", "docs/examples/households-2022-2025.csv",
				"--group-by", "province", "--weight", "weight" };
		String cli = run(CLI, args);
		assertThat(cli).contains("\"poor\": 3").contains("\"near_poor\": 2").contains("\"n\": 10");
		assertThat(cli).isEqualTo(run(APP, args));
	}

	@Test
	void cliJarIsSmallAndHasNoSpring() throws Exception {
		assertThat(Files.size(CLI)).isLessThan(1_000_000);
		try (ZipFile zip = new ZipFile(CLI.toFile())) {
			assertThat(zip.stream().map((e) -> e.getName()))
				.noneMatch((n) -> n.startsWith("org/") || n.startsWith("BOOT-INF/") || n.contains("/web/"))
				.contains("standards/2022-2025.yaml", "vn/giamngheo/standards/cli/Main.class");
		}
	}

}
