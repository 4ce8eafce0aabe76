package vn.giamngheo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landed migrations never change (ADR 0001, ADR 0020). Every migration file, the SQL ones
 * and the Java ones, and the reference files a Java migration loads, is listed in
 * {@value #MANIFEST} with its checksum (Flyway's: CRC32 of the lines without their line
 * ends, so for SQL it is the number in {@code flyway_schema_history.checksum}). A changed
 * file fails the build: a change to the schema is a new migration. A new file fails the
 * build until its line, printed by the failure, is added to the manifest.
 */
class MigrationManifestTest {

	static final String MANIFEST = "src/test/resources/db/migration-manifest.tsv";

	/** Where migrations live (Flyway's locations, as source folders). */
	static final List<String> LOCATIONS = List.of("src/main/resources/db/migration",
			"src/main/java/vn/giamngheo/geography/persistence/migration");

	/** Files a Java migration reads: changing them changes what the migration did. */
	static final Map<String, List<String>> INPUTS = Map.of("2",
			List.of("src/main/resources/reference/geography/units_2024.csv",
					"src/main/resources/reference/geography/units_2025.csv",
					"src/main/resources/reference/geography/commune_crosswalk_2025.csv"));

	private static final Pattern NAME = Pattern.compile("V([0-9][0-9_.]*)__(.+)\\.(sql|java)");

	/** One line of the manifest. */
	record Entry(String version, String description, int checksum, String file) {

		String line() {
			return this.version + "\t" + this.description + "\t" + this.checksum + "\t" + this.file;
		}

	}

	@Test
	void landedMigrationsAreUnchangedAndEveryMigrationIsListed() {
		List<String> problems = problems(listed(), found());
		assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
	}

	@Test
	void anEditedNewOrRemovedMigrationIsReportedWithWhatToDo() {
		Entry v7 = new Entry("7", "index household province code", 11, "db/V7__index_household_province_code.sql");
		Entry v44 = new Entry("44", "create pending work", 22, "db/V44__create_pending_work.sql");
		Entry v9 = new Entry("9", "gone", 33, "db/V9__gone.sql");
		Entry edited = new Entry("7", v7.description(), 12, v7.file());
		List<String> problems = problems(Map.of(v7.file(), v7, v9.file(), v9),
				Map.of(edited.file(), edited, v44.file(), v44));
		assertThat(problems).hasSize(3);
		assertThat(problems).anySatisfy((p) -> assertThat(p).contains("V7__index_household_province_code.sql")
			.contains("Landed migrations must never change")
			.contains("new migration"));
		assertThat(problems).anySatisfy((p) -> assertThat(p).contains("is not in " + MANIFEST)
			.endsWith("\n44\tcreate pending work\t22\tdb/V44__create_pending_work.sql"));
		assertThat(problems).anySatisfy((p) -> assertThat(p).contains("V9__gone.sql").contains("never removed"));
		assertThat(problems(Map.of(v7.file(), v7), Map.of(v7.file(), v7))).isEmpty();
	}

	static List<String> problems(Map<String, Entry> listed, Map<String, Entry> found) {
		List<String> problems = new ArrayList<>();
		for (Entry e : found.values()) {
			Entry old = listed.get(e.file());
			if (old == null) {
				problems.add("New migration file " + e.file() + " is not in " + MANIFEST
						+ ". If it is a new migration, add this line to the manifest (tab-separated):\n" + e.line());
			}
			else if (old.checksum() != e.checksum()) {
				problems.add("Migration file " + e.file() + " (V" + e.version() + ", " + e.description()
						+ ") has changed since it landed: checksum " + e.checksum() + ", the manifest says "
						+ old.checksum() + ". Landed migrations must never change: databases that already ran it"
						+ " keep the old version (Flyway refuses to start on a changed checksum). Undo the edit and"
						+ " put the change in a new migration with the next number of your range.");
			}
		}
		for (Entry e : listed.values()) {
			if (!found.containsKey(e.file())) {
				problems.add("Migration file " + e.file() + " (V" + e.version() + ") is listed in " + MANIFEST
						+ " but is gone. Landed migrations are never removed or renamed.");
			}
		}
		return problems;
	}

	@Test
	void versionsAreUnique() {
		Map<String, List<String>> byVersion = new TreeMap<>();
		found().values()
			.stream()
			.filter((e) -> !e.file().endsWith(".csv"))
			.forEach((e) -> byVersion.computeIfAbsent(e.version(), (k) -> new ArrayList<>()).add(e.file()));
		assertThat(byVersion.values()).as("two migrations with one version").allMatch((files) -> files.size() == 1);
	}

	@Test
	void theChecksumIsFlywaysLineByLineCrc() {
		// line ends do not count, a byte-order mark does not count, every character does
		assertThat(checksum("create table t (id int);\r\n-- x\r\n"))
			.isEqualTo(checksum("create table t (id int);\n-- x"));
		assertThat(checksum("\ufeffselect 1;\n")).isEqualTo(checksum("select 1;\n"));
		assertThat(checksum("select 1;\n")).isNotEqualTo(checksum("select 2;\n"));
	}

	/**
	 * Prints the manifest for the current files (run by hand when adding a migration).
	 */
	static String manifest() {
		StringBuilder out = new StringBuilder("# version\tdescription\tchecksum\tfile\n");
		found().values().forEach((e) -> out.append(e.line()).append('\n'));
		return out.toString();
	}

	static Map<String, Entry> listed() {
		Map<String, Entry> entries = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(Path.of(MANIFEST), StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				assertThat(f).as("manifest line: version, description, checksum, file: " + line).hasSize(4);
				entries.put(f[3], new Entry(f[0], f[1], Integer.parseInt(f[2]), f[3]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	static Map<String, Entry> found() {
		List<Entry> entries = new ArrayList<>();
		for (String location : LOCATIONS) {
			try (Stream<Path> files = Files.list(Path.of(location))) {
				files.map((p) -> p.getFileName().toString()).sorted().forEach((name) -> {
					Matcher m = NAME.matcher(name);
					if (m.matches()) {
						String version = m.group(1).replace('_', '.');
						String description = m.group(2).replace('_', ' ');
						entries.add(entry(version, description, location + "/" + name));
						INPUTS.getOrDefault(version, List.of())
							.forEach((input) -> entries
								.add(entry(version, description + ": " + Path.of(input).getFileName(), input)));
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		entries
			.sort(Comparator.comparing((Entry e) -> new java.math.BigDecimal(e.version())).thenComparing(Entry::file));
		Map<String, Entry> byFile = new LinkedHashMap<>();
		entries.forEach((e) -> byFile.put(e.file(), e));
		return byFile;
	}

	private static Entry entry(String version, String description, String file) {
		try {
			return new Entry(version, description, checksum(Files.readString(Path.of(file), StandardCharsets.UTF_8)),
					file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Flyway's checksum: CRC32 over the lines, without line ends and byte-order marks.
	 */
	static Integer checksum(String text) {
		CRC32 crc = new CRC32();
		try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
			String line = reader.readLine();
			while (line != null) {
				if (!line.isEmpty() && line.charAt(0) == '\ufeff') {
					line = line.substring(1);
				}
				crc.update(line.getBytes(StandardCharsets.UTF_8));
				line = reader.readLine();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (int) crc.getValue();
	}

}
