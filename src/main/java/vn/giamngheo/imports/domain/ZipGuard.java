package vn.giamngheo.imports.domain;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Refuses a zip archive (an XLSX workbook, an ODK Central zip of CSV files) that would
 * expand to far more than a household file can hold: a zip bomb.
 * <p>
 * Two checks. Before anything is inflated, the sizes the archive <em>declares</em>: too
 * many entries, too much in total, an entry that claims to expand more than
 * {@link Limits#maxRatio} times. Then, while each entry is inflated, the bytes
 * <em>actually</em> produced: never more than the entry declares, never more than
 * {@code maxRatio} times the compressed bytes actually consumed (past
 * {@link Limits#ratioFree}), and never more than {@link Limits#maxTotal} for the whole
 * archive. An archive that understates its sizes in its central directory or local
 * headers therefore stops at the first of those limits, whatever it declares (ADR 0018).
 * <p>
 * The archive is read with commons-compress, the zip reader fastexcel-reader uses for
 * workbooks, so the entries checked are the entries the workbook reader will inflate.
 */
public final class ZipGuard {

	/**
	 * The limits.
	 *
	 * @param maxEntries entries an archive may have
	 * @param maxTotal bytes all entries may inflate to together
	 * @param maxRatio inflated bytes per compressed byte an entry may reach
	 * @param ratioFree bytes an entry may inflate to before the ratio applies
	 */
	public record Limits(int maxEntries, long maxTotal, long maxRatio, long ratioFree) {

		/**
		 * A 100,000-household workbook inflates to about 0.5–0.9 GB; spreadsheet XML
		 * compresses 10–30 times.
		 */
		public static final Limits DEFAULT = new Limits(10_000, 2L << 30, 200, 1_000_000);

	}

	private ZipGuard() {
	}

	/**
	 * Checks a workbook: the declared sizes, the parts list every XLSX has, and every
	 * entry inflated once with the bytes counted (nothing kept), before the workbook
	 * reader opens it.
	 */
	public static void check(Path file) throws UnreadableFileException {
		check(file, Limits.DEFAULT);
	}

	static void check(Path file, Limits limits) throws UnreadableFileException {
		try (Archive zip = open(file, limits)) {
			if (zip.zip.getEntry("[Content_Types].xml") == null) {
				throw new UnreadableFileException("imports.file.corrupt");
			}
			byte[] buffer = new byte[1 << 16];
			for (ZipArchiveEntry entry : zip.entries()) {
				try (InputStream in = zip.open(entry)) {
					while (in.read(buffer) >= 0) {
						// counted by the stream
					}
				}
			}
		}
		catch (Bomb ex) {
			throw new UnreadableFileException("imports.file.zip-bomb");
		}
		catch (IOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	/**
	 * Opens an archive whose declared sizes pass; its entries are read through
	 * {@link Archive#open}, which counts what they actually inflate to.
	 */
	public static Archive open(Path file) throws UnreadableFileException {
		return open(file, Limits.DEFAULT);
	}

	static Archive open(Path file, Limits limits) throws UnreadableFileException {
		ZipFile zip;
		try {
			zip = ZipFile.builder().setPath(file).get();
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
		try {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > limits.maxEntries()) {
				throw new UnreadableFileException("imports.file.zip-bomb");
			}
			long total = 0;
			for (ZipArchiveEntry entry : entries) {
				long size = entry.getSize();
				long packed = Math.max(entry.getCompressedSize(), 1);
				if (size < 0 || (size > limits.ratioFree() && size / packed > limits.maxRatio())) {
					throw new UnreadableFileException("imports.file.zip-bomb");
				}
				total += size;
				if (total > limits.maxTotal()) {
					throw new UnreadableFileException("imports.file.zip-bomb");
				}
			}
			return new Archive(zip, entries, limits);
		}
		catch (UnreadableFileException ex) {
			ZipFile.closeQuietly(zip);
			throw ex;
		}
	}

	/** An archive being read, with the bytes its entries inflated to so far. */
	public static final class Archive implements Closeable {

		private final ZipFile zip;

		private final List<ZipArchiveEntry> entries;

		private final Limits limits;

		private long total;

		private Archive(ZipFile zip, List<ZipArchiveEntry> entries, Limits limits) {
			this.zip = zip;
			this.entries = entries;
			this.limits = limits;
		}

		/** The entries in the order of the central directory. */
		public List<ZipArchiveEntry> entries() {
			return this.entries;
		}

		/** Whether the archive has an entry of this name. */
		public boolean has(String name) {
			return this.zip.getEntry(name) != null;
		}

		/**
		 * An entry's content, inflated; reading past a limit throws {@link Bomb}.
		 */
		public InputStream open(ZipArchiveEntry entry) throws IOException {
			return new Counted(this.zip.getInputStream(entry), entry);
		}

		@Override
		public void close() {
			ZipFile.closeQuietly(this.zip);
		}

		/** Counts the bytes an entry inflates to against the limits. */
		private final class Counted extends FilterInputStream {

			private final ZipArchiveEntry entry;

			private long inflated;

			Counted(InputStream in, ZipArchiveEntry entry) {
				super(in);
				this.entry = entry;
			}

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = this.in.read(b, off, len);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				// read, so that what is skipped is counted too
				byte[] buffer = new byte[(int) Math.min(n, 8192)];
				long skipped = 0;
				while (skipped < n) {
					int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
					if (r < 0) {
						break;
					}
					skipped += r;
				}
				return skipped;
			}

			private void count(int n) throws Bomb {
				this.inflated += n;
				Archive.this.total += n;
				long packed = (this.in instanceof InputStreamStatistics s) ? s.getCompressedCount()
						: this.entry.getCompressedSize();
				if (this.inflated > this.entry.getSize() || Archive.this.total > Archive.this.limits.maxTotal()
						|| (this.inflated > Archive.this.limits.ratioFree()
								&& this.inflated > Archive.this.limits.maxRatio() * Math.max(packed, 1))) {
					throw new Bomb();
				}
			}

		}

	}

	/**
	 * An entry inflated past a limit; the stream reading it stops there.
	 */
	public static final class Bomb extends IOException {

		private static final long serialVersionUID = 1L;

		Bomb() {
			super("zip entry inflates past its limits");
		}

	}

}
