package vn.giamngheo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.exits.EventBulk;
import vn.giamngheo.exits.HouseholdEventType;
import vn.giamngheo.identity.Role;
import vn.giamngheo.imports.Imports.ShownProblem;
import vn.giamngheo.imports.domain.EventFileParser;
import vn.giamngheo.imports.domain.EventFileParser.Column;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;

/**
 * Event files through the import jobs (kind {@code EVENTS}, ADR 0041): a list of
 * household events (mã hộ, ngày, loại biến cố, thành viên, ghi chú) is uploaded and
 * checked at once (an event file is a commune's month, not a census: at most
 * {@value EventFileParser#MAX_ROWS} rows), then committed — all or nothing, or only the
 * rows that can be written — as events of the job, and reverted as a whole (its events
 * voided). The job has the same life and tables as a partner file; it is seen only by its
 * uploader and the system administrator, and needs {@code HOUSEHOLD_EVENTS}.
 */
@Service
public class EventFiles {

	/** The import job kind. */
	public static final String KIND = "EVENTS";

	private final ImportJobRepository jobs;

	private final ImportFiles files;

	private final EventBulk bulk;

	private final TransactionTemplate tx;

	private final MessageSource messages;

	private final Imports imports;

	private final JobRunner runner;

	EventFiles(ImportJobRepository jobs, ImportFiles files, EventBulk bulk, TransactionTemplate tx,
			MessageSource messages, Imports imports, JobRunner runner) {
		this.jobs = jobs;
		this.files = files;
		this.bulk = bulk;
		this.tx = tx;
		this.messages = messages;
		this.imports = imports;
		this.runner = runner;
	}

	/** Stores an uploaded event file and checks it (the dry run). */
	public ImportJob upload(String fileName, InputStream in) {
		Actor current = this.bulk.requireRecording();
		String name = ImportFiles.safeName(fileName);
		UUID id = UUID.randomUUID();
		ImportFiles.Stored stored = this.files.storeUpload(id, in);
		String format = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "CSV" : "XLSX";
		this.jobs.insert(id, current.username(), name, stored.size(), stored.checksum(), format, KIND);
		this.runner.runNow(id);
		return this.jobs.find(id).orElseThrow();
	}

	/** An event job of the current user (any for the administrator), or 404. */
	public ImportJob job(UUID id) {
		Actor current = this.bulk.requireRecording();
		ImportJob job = this.jobs.find(id).orElseThrow(() -> DomainException.notFound("IMPORT", id));
		if (!KIND.equals(job.kind())
				|| !job.uploadedBy().equals(current.username()) && !current.hasRole(Role.SYSTEM_ADMIN.name())) {
			throw DomainException.notFound("IMPORT", id);
		}
		return job;
	}

	/** The current user's event jobs (all for the administrator), newest first. */
	public List<ImportJob> list() {
		Actor current = this.bulk.requireRecording();
		return this.jobs.list(current.hasRole(Role.SYSTEM_ADMIN.name()) ? null : current.username(), 100, false)
			.stream()
			.filter((j) -> KIND.equals(j.kind()))
			.toList();
	}

	/** A page of the rows that cannot be written, and why, in the locale. */
	public List<ShownProblem> problems(UUID id, int page, int size, Locale locale) {
		job(id);
		return this.jobs.problems(id, false, Math.max(0, page) * size, size)
			.stream()
			.map((p) -> this.imports.show(p, locale))
			.toList();
	}

	/**
	 * Commits a checked event file.
	 * @param mode ALL (refused while a row has a problem) or VALID (only the rows that
	 * can be written)
	 */
	public ImportJob commit(UUID id, String mode) {
		ImportJob job = job(id);
		Imports.queueCommit(this.jobs, job, mode);
		this.runner.runNow(id);
		return this.jobs.find(id).orElseThrow();
	}

	/** Takes back a committed event file in one transaction: its events are voided. */
	public ImportJob revert(UUID id) {
		ImportJob job = job(id);
		if (!job.revertible()) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-revertible", job.status());
		}
		Actor current = this.bulk.requireRecording();
		this.tx.executeWithoutResult((s) -> {
			this.bulk.revert(id, job.fileName());
			this.jobs.reverted(id, current.username());
		});
		return this.jobs.find(id).orElseThrow();
	}

	/** The template: the list sheet with the headers the check recognises, and help. */
	public void template(Locale locale, OutputStream out) {
		this.bulk.requireRecording();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet list = wb.newWorksheet(msg("imports.partner.sheet.list", locale));
			Worksheet help = wb.newWorksheet(msg("imports.partner.sheet.help", locale));
			Column[] columns = Column.values();
			for (int c = 0; c < columns.length; c++) {
				list.value(0, c, columns[c].header());
				list.style(0, c).bold().fillColor("DDEBF7").set();
				list.width(c, (c == columns.length - 1) ? 50 : 24);
			}
			list.freezePane(0, 1);
			int r = 0;
			for (String key : List.of("exits.event.file.help.1", "exits.event.file.help.2",
					"exits.event.file.help.3")) {
				help.value(r++, 0, msg(key, locale));
			}
			r++;
			for (Column c : columns) {
				help.value(r, 0, c.header());
				help.value(r, 1, msg(c.required() ? "imports.partner.required" : "imports.partner.optional", locale));
				help.value(r++, 2, msg("exits.event.file.help.col." + c.name(), locale));
			}
			r++;
			help.value(r++, 0, msg("field.eventType", locale));
			for (HouseholdEventType t : HouseholdEventType.values()) {
				help.value(r++, 0, msg(t.labelKey(), Locale.forLanguageTag("vi")));
			}
			help.width(0, 44);
			help.width(1, 14);
			help.width(2, 90);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
