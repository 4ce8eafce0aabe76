package vn.giamngheo.imports.domain;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workbook is read on a second thread of the bounded pool; when the pool is full the
 * calling thread reads it alone, with the same rows in the same order.
 */
class TablesTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aFullPoolMeansTheCallerReadsTheWorkbookAloneWithTheSameRows() throws Exception {
		Path file = workbook(2_000);
		List<String> beside = new ArrayList<>();
		List<String> threads = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(1);
		try {
			Tables.read(file, Tables.Format.XLSX, "x", (sheet, row, cells) -> {
				beside.add(sheet + row + cells.get(0).text());
				threads.add(Thread.currentThread().getName());
			}, pool);
		}
		finally {
			pool.shutdownNow();
		}
		List<String> alone = new ArrayList<>();
		Tables.read(file, Tables.Format.XLSX, "x", (sheet, row, cells) -> {
			alone.add(sheet + row + cells.get(0).text());
			threads.add(Thread.currentThread().getName());
		}, (task) -> {
			throw new RejectedExecutionException("full");
		});
		assertThat(beside).hasSize(2_001).first().isEqualTo("Hộ1Mã hộ");
		assertThat(alone).isEqualTo(beside);
		assertThat(threads).as("rows reach the sink on the calling thread")
			.containsOnly(Thread.currentThread().getName());
	}

	private Path workbook(int rows) throws Exception {
		Path file = this.dir.resolve("ho.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook wb = new Workbook(out, "test", "1.0");
			Worksheet ws = wb.newWorksheet("Hộ");
			ws.value(0, 0, "Mã hộ");
			for (int r = 1; r <= rows; r++) {
				ws.value(r, 0, "H" + r);
			}
			wb.finish();
		}
		return file;
	}

	@Test
	void theSinksOwnFailureComesOutAsItIsWhenTheCallerReadsAlone() throws Exception {
		Path file = workbook(10);
		assertThatThrownBy(() -> Tables.read(file, Tables.Format.XLSX, "x", (sheet, row, cells) -> {
			throw new IllegalStateException("stop at row " + row);
		}, (task) -> {
			throw new RejectedExecutionException("full");
		})).isInstanceOf(IllegalStateException.class).hasMessage("stop at row 1");
	}

}
