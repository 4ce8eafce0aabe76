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
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

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

	/**
	 * Stores an uploaded file as {@link #store}; an empty one is refused (400).
	 */
	Stored storeUpload(UUID id, InputStream in) {
		Stored stored = store(id, in);
		if (stored.size() == 0) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "imports.file.empty")));
		}
		return stored;
	}

	/** An uploaded file's name as kept: no path, at most its last 200 characters. */
	static String safeName(String fileName) {
		String name = (fileName == null || fileName.isBlank()) ? "upload" : fileName.replaceAll("[\\\\/]", "_");
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	record Stored(long size, String checksum) {
	}

}
