package vn.giamngheo.imports.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses an XLSX (a zip archive) that would expand to far more than a household file can
 * hold, before any part of it is inflated: a zip bomb, or a corrupt archive.
 */
public final class ZipGuard {

	/** Total uncompressed size allowed (a 100,000-household workbook is about 300 MB). */
	static final long MAX_TOTAL = 2L << 30;

	/** Expansion ratio allowed per entry (spreadsheet XML compresses 10–30 times). */
	static final long MAX_RATIO = 200;

	static final int MAX_ENTRIES = 10_000;

	private ZipGuard() {
	}

	/** Checks a workbook: sizes, and the parts list every XLSX has. */
	public static void check(Path file) throws UnreadableFileException {
		checkSizes(file);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("[Content_Types].xml") == null) {
				throw new UnreadableFileException("imports.file.corrupt");
			}
		}
		catch (IOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	/** Checks the entries' count, sizes and expansion ratios of any zip archive. */
	public static void checkSizes(Path file) throws UnreadableFileException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			long total = 0;
			int entries = 0;
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw new UnreadableFileException("imports.file.zip-bomb");
				}
				long size = entry.getSize();
				long packed = Math.max(entry.getCompressedSize(), 1);
				if (size < 0 || (size > 1_000_000 && size / packed > MAX_RATIO)) {
					throw new UnreadableFileException("imports.file.zip-bomb");
				}
				total += size;
				if (total > MAX_TOTAL) {
					throw new UnreadableFileException("imports.file.zip-bomb");
				}
			}
		}
		catch (IOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

}
