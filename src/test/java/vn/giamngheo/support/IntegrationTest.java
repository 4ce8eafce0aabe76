package vn.giamngheo.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test against a real (embedded) PostgreSQL 17: one throw-away server per
 * test JVM, shared by every test context. Tests create their own data with unique codes.
 * Pending work is done when a test asks for it (no background drain). The server archives
 * its WAL like a real one; base backups are taken only when a test asks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
		properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0", "giamngheo.demo.enabled=false",
				"giamngheo.imports.dir=${java.io.tmpdir}/giamngheo-it-imports", "giamngheo.work.automatic=false",
				"giamngheo.backup.cron=-", "giamngheo.backup.on-start=false", "giamngheo.figures.max-stale=0s" })
@AutoConfigureMockMvc
@Import({ FixtureFactory.class, MockMvcContainerSessions.class })
public @interface IntegrationTest {

}
