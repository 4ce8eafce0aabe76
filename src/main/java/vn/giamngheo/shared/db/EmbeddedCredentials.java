package vn.giamngheo.shared.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import vn.giamngheo.shared.text.Bilingual;

/**
 * The passwords of the embedded PostgreSQL (ADR 0015), generated at its first start and
 * kept in {@value #FILE} inside its data directory, readable and writable by the owner
 * only (0600). The file travels with every base backup, so a restored data folder has the
 * passwords of its catalog.
 *
 * @param superuserPassword password of {@value #SUPERUSER}, which owns the schema and
 * runs migrations, the demo load and backups
 * @param appPassword password of {@value #APP_ROLE}, the role the application's requests
 * use: it owns nothing and may only add audit rows
 */
public record EmbeddedCredentials(String superuserPassword, String appPassword) {

	public static final String SUPERUSER = "postgres";

	public static final String APP_ROLE = "giamngheo_app";

	public static final String FILE = "giamngheo-credentials.properties";

	/** The file while it is written (a base backup leaves it out). */
	public static final String TEMPORARY = FILE + ".tmp";

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public String toString() {
		return "EmbeddedCredentials[***]";
	}

	/** New random passwords (256 bits each). */
	static EmbeddedCredentials generate() {
		return new EmbeddedCredentials(randomPassword(), randomPassword());
	}

	private static String randomPassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static Path file(Path dataDirectory) {
		return dataDirectory.resolve(FILE);
	}

	/** The passwords kept in the data directory, if it has them. */
	public static Optional<EmbeddedCredentials> read(Path dataDirectory) {
		Path file = file(dataDirectory);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(Bilingual.text("db.credentials.unreadable", file), ex);
		}
		String superuser = p.getProperty("superuser.password");
		String app = p.getProperty("app.password");
		if (superuser == null || app == null || superuser.isBlank() || app.isBlank()) {
			throw new IllegalStateException(Bilingual.text("db.credentials.damaged", file));
		}
		return Optional.of(new EmbeddedCredentials(superuser.strip(), app.strip()));
	}

	/**
	 * Writes the file with permissions 0600 from its creation on (a temporary file moved
	 * into place), so no other user can read it even for a moment.
	 */
	void write(Path dataDirectory) {
		Path file = file(dataDirectory);
		Path tmp = dataDirectory.resolve(TEMPORARY);
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		try {
			Files.deleteIfExists(tmp);
			if (posix) {
				Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(tmp);
			}
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
				out.write(
						"# giamngheo: mật khẩu PostgreSQL nhúng, tạo khi khởi động lần đầu; giữ bí mật (ADR 0015).\n");
				out.write("# giamngheo: passwords of the embedded PostgreSQL, made at first start; keep private.\n");
				out.write("superuser=" + SUPERUSER + "\n");
				out.write("superuser.password=" + this.superuserPassword + "\n");
				out.write("app.user=" + APP_ROLE + "\n");
				out.write("app.password=" + this.appPassword + "\n");
			}
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(Bilingual.text("db.credentials.unwritable", file), ex);
		}
	}

}
