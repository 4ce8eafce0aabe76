package vn.giamngheo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded files are kept while their job lives: one file per job under the data
 * directory, so a job can be resumed after a restart.
 */
@Component
class ImportFiles {

	private final Path dir;

	ImportFiles(@Value("${giamngheo.imports.dir:${giamngheo.db.data-dir:./data}/imports}") String dir) {
		this.dir = Path.of(dir);
	}

	Path path(UUID id) {
		return this.dir.resolve(id + ".upload");
	}

	/**
	 * Stores the upload and returns its size and SHA-256.
	 * @param id job id
	 * @param in the upload
	 * @return size and checksum
	 */
	Stored store(UUID id, InputStream in) {
		try {
			Files.createDirectories(this.dir);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			Path tmp = this.dir.resolve(id + ".part");
			long size;
			try (DigestInputStream digest = new DigestInputStream(in, sha);
					OutputStream out = Files.newOutputStream(tmp)) {
				size = digest.transferTo(out);
			}
			Files.move(tmp, path(id), StandardCopyOption.REPLACE_EXISTING);
			return new Stored(size, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Stored(long size, String checksum) {
	}

}
