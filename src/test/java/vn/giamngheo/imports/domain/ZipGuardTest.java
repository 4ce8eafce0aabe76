package vn.giamngheo.imports.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zip guard counts the bytes an archive's entries actually inflate to: an archive
 * whose headers understate its sizes, or overstate its compressed sizes to pass the
 * declared ratio, is stopped at the first limit the real bytes reach, for workbooks and
 * for ODK Central zips of CSV files alike; honest archives read as before.
 */
class ZipGuardTest {

	private static final byte[] ZEROS = new byte[1 << 20];

	@TempDir
	Path dir;

	@Test
	void anHonestWorkbookPasses() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "test", "1.0");
		Worksheet ws = wb.newWorksheet("Hộ");
		for (int r = 0; r < 2000; r++) {
			ws.value(r, 0, "Nguyễn Văn Thử " + r);
			ws.value(r, 1, r);
		}
		wb.finish();
		Path file = write(out.toByteArray());
		ZipGuard.check(file);
		List<String> rows = new ArrayList<>();
		Tables.read(file, Tables.Format.XLSX, "x", (sheet, row, cells) -> rows.add(cells.get(0).text()),
				ForkJoinPool.commonPool());
		assertThat(rows).hasSize(2000).endsWith("Nguyễn Văn Thử 1999");
	}

	@Test
	void anArchiveThatDeclaresItsExpansionIsRefusedBeforeAnythingIsInflated() throws Exception {
		Path file = write(workbook(new ForgedZip(), ZEROS, 20, -1, 0));
		assertThatThrownBy(() -> ZipGuard.open(file)).isInstanceOf(UnreadableFileException.class)
			.hasMessage("imports.file.zip-bomb");
	}

	@Test
	void anEntryThatUnderstatesItsSizeStopsAtTheSizeItDeclares() throws Exception {
		// 20 MB of zeros that the local header and the central directory call 1,000 bytes
		Path file = write(workbook(new ForgedZip(), ZEROS, 20, 1_000, 0));
		try (ZipGuard.Archive zip = ZipGuard.open(file)) {
			assertThat(inflatedBeforeRefusal(zip, "xl/worksheets/sheet1.xml")).isLessThanOrEqualTo(1_000 + 65_536);
		}
		assertThatThrownBy(() -> ZipGuard.check(file)).hasMessage("imports.file.zip-bomb");
	}

	@Test
	void anEntryThatOverstatesItsCompressedSizeStopsAtTheRatioOfTheBytesItReallyUses() throws Exception {
		// 20 MB of zeros deflate to about 20 KB; 100 KB of padding after them make the
		// declared ratio look like 160:1
		Path file = write(workbook(new ForgedZip(), ZEROS, 20, -1, 100_000));
		try (ZipGuard.Archive zip = ZipGuard.open(file)) {
			assertThat(inflatedBeforeRefusal(zip, "xl/worksheets/sheet1.xml")).isLessThan(2_000_000);
		}
		assertThatThrownBy(() -> ZipGuard.check(file)).hasMessage("imports.file.zip-bomb");
	}

	@Test
	void theTotalOfAllEntriesIsCapped() throws Exception {
		ZipGuard.Limits small = new ZipGuard.Limits(100, 5_000_000, 200, 1_000_000);
		java.util.Random random = new java.util.Random(1);
		StringBuilder lines = new StringBuilder();
		while (lines.length() < 1_500_000) {
			lines.append("Nguyễn Văn ").append(random.nextInt()).append(',').append(random.nextLong()).append('\n');
		}
		byte[] text = lines.toString().getBytes(StandardCharsets.UTF_8);
		ForgedZip zip = new ForgedZip().entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 5; i++) {
			zip.entry("part" + i + ".xml", text);
		}
		Path file = write(zip.bytes());
		assertThat(text.length * 5L).isGreaterThan(small.maxTotal());
		assertThatThrownBy(() -> ZipGuard.check(file, small)).hasMessage("imports.file.zip-bomb");
		ZipGuard.check(file);
	}

	@Test
	void anOdkZipOfCsvFilesThatUnderstatesItsSizesIsRefusedAndAnHonestOneIsRead() throws Exception {
		byte[] header = "Mã hộ,Mã xã,Thôn\n".getBytes(StandardCharsets.UTF_8);
		byte[] commas = new byte[1 << 20];
		java.util.Arrays.fill(commas, (byte) ',');
		ForgedZip forged = new ForgedZip().entry("ho.csv", header).entry("ho-thanh_vien.csv", commas, 50, 2_000, 0);
		Path bomb = write(forged.bytes());
		assertThat(Tables.detect(bomb)).isEqualTo(Tables.Format.CSV_ZIP);
		assertThatThrownBy(() -> Tables.read(bomb, Tables.Format.CSV_ZIP, "x", (sheet, row, cells) -> {
		}, ForkJoinPool.commonPool())).isInstanceOf(UnreadableFileException.class).hasMessage("imports.file.zip-bomb");

		Path honest = write(
				new ForgedZip().entry("ho.csv", "Mã hộ,Mã xã\nH1,20464\n".getBytes(StandardCharsets.UTF_8)).bytes());
		List<String> rows = new ArrayList<>();
		Tables.read(honest, Tables.Format.CSV_ZIP, "x",
				(sheet, row, cells) -> rows.add(sheet + ":" + cells.get(0).text()), ForkJoinPool.commonPool());
		assertThat(rows).containsExactly("ho:Mã hộ", "ho:H1");
	}

	/** Bytes read from an entry before the guard refused it (fails if it never does). */
	private static long inflatedBeforeRefusal(ZipGuard.Archive zip, String name) throws IOException {
		ZipArchiveEntry entry = zip.entries()
			.stream()
			.filter((e) -> e.getName().equals(name))
			.findFirst()
			.orElseThrow();
		long read = 0;
		byte[] buffer = new byte[65_536];
		try (InputStream in = zip.open(entry)) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				read += n;
			}
		}
		catch (ZipGuard.Bomb ex) {
			return read;
		}
		throw new AssertionError("read " + read + " bytes without a refusal");
	}

	private static byte[] workbook(ForgedZip zip, byte[] chunk, int repeat, long declared, int padding) {
		return zip.entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))
			.entry("xl/worksheets/sheet1.xml", chunk, repeat, declared, padding)
			.bytes();
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.dir, "zip", ".bin");
		Files.write(file, bytes);
		return file;
	}

}
