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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.benefits.BenefitBulk;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.imports.Imports.ShownProblem;
import vn.giamngheo.imports.domain.PartnerKind;
import vn.giamngheo.imports.domain.PartnerKind.Column;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

/**
 * Partner files through the import jobs (ADR 0037): a VBSP loan extract, a social
 * insurance card list or a school list is uploaded, checked in the background (which rows
 * name whom, which cannot be written and why, how many records are new, corrected or
 * unchanged), committed (all or nothing, or only the rows that can be written) into the
 * benefit ledger and reverted as a whole. A partner uploads only its own agency's kind;
 * officers who record support upload any kind for their area. A job is seen only by its
 * uploader and the system administrator.
 */
@Service
public class PartnerFiles {

	private final ImportJobRepository jobs;

	private final JobRunner runner;

	private final ImportFiles files;

	private final CurrentActor actor;

	private final BenefitBulk bulk;

	private final TransactionTemplate tx;

	private final MessageSource messages;

	private final Imports imports;

	PartnerFiles(ImportJobRepository jobs, JobRunner runner, ImportFiles files, CurrentActor actor, BenefitBulk bulk,
			TransactionTemplate tx, MessageSource messages, Imports imports) {
		this.jobs = jobs;
		this.runner = runner;
		this.files = files;
		this.actor = actor;
		this.bulk = bulk;
		this.tx = tx;
		this.messages = messages;
		this.imports = imports;
	}

	/** The kind named, or 400. */
	public static PartnerKind kind(String name) {
		PartnerKind kind = PartnerKind.of(name);
		if (kind == null) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "error.field.invalid", name)));
		}
		return kind;
	}

	/** The kinds the current user may upload (a partner: its agency's only). */
	public List<PartnerKind> kinds() {
		Actor current = this.actor.require(Permission.SUPPORT_RECORD);
		return List.of(PartnerKind.values())
			.stream()
			.filter((k) -> !current.hasRole(Role.PARTNER.name()) || k.agency().equals(current.agency()))
			.toList();
	}

	/**
	 * The kind named, if the current user may upload it (a partner: its own agency's
	 * only, else 403).
	 */
	public PartnerKind allowed(String kindName) {
		this.actor.require(Permission.SUPPORT_RECORD);
		PartnerKind kind = kind(kindName);
		this.bulk.requireAgency(kind.agency());
		return kind;
	}

	/**
	 * Stores an uploaded partner file and starts its dry run.
	 * @param kindName the kind ({@code VBSP_LOANS}, {@code HI_CARDS}, {@code SCHOOL})
	 * @param fileName the name as uploaded
	 * @param in its content
	 * @return the job
	 */
	public ImportJob upload(String kindName, String fileName, InputStream in) {
		PartnerKind kind = allowed(kindName);
		Actor current = this.actor.get();
		String name = ImportFiles.safeName(fileName);
		UUID id = UUID.randomUUID();
		ImportFiles.Stored stored = this.files.storeUpload(id, in);
		String format = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "CSV" : "XLSX";
		this.jobs.insert(id, current.username(), name, stored.size(), stored.checksum(), format, kind.name());
		this.runner.submit(id);
		return this.jobs.find(id).orElseThrow();
	}

	/** A partner job of the current user (any for the administrator), or 404. */
	public ImportJob job(UUID id) {
		Actor current = this.actor.require(Permission.SUPPORT_RECORD);
		ImportJob job = this.jobs.find(id).orElseThrow(() -> DomainException.notFound("IMPORT", id));
		if (job.survey() || PartnerKind.of(job.kind()) == null
				|| !job.uploadedBy().equals(current.username()) && !current.hasRole(Role.SYSTEM_ADMIN.name())) {
			throw DomainException.notFound("IMPORT", id);
		}
		return job;
	}

	/** The current user's partner jobs (all for the administrator), newest first. */
	public List<ImportJob> list() {
		Actor current = this.actor.require(Permission.SUPPORT_RECORD);
		return this.jobs.list(current.hasRole(Role.SYSTEM_ADMIN.name()) ? null : current.username(), 100, false)
			.stream()
			.filter((j) -> PartnerKind.of(j.kind()) != null)
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
	 * Queues the commit of a checked partner file.
	 * @param mode ALL (refused while a row has a problem) or VALID (only the rows that
	 * can be written)
	 */
	public ImportJob commit(UUID id, String mode) {
		ImportJob job = job(id);
		this.bulk.requireAgency(kind(job.kind()).agency());
		Imports.queueCommit(this.jobs, job, mode);
		this.runner.submit(id);
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * Takes back a committed partner file in one transaction: the records it created are
	 * voided ("Hoàn tác tệp …"), those it corrected get their earlier values back.
	 */
	public ImportJob revert(UUID id) {
		ImportJob job = job(id);
		Actor current = this.bulk.requireAgency(kind(job.kind()).agency());
		if (!job.revertible()) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-revertible", job.status());
		}
		this.tx.executeWithoutResult((s) -> {
			this.bulk.revert(id, current.username(), job.fileName());
			this.jobs.reverted(id, current.username());
		});
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * The template of a kind: the list sheet with the Vietnamese headers the check
	 * recognises, and an instructions sheet.
	 */
	public void template(String kindName, Locale locale, OutputStream out) {
		PartnerKind kind = allowed(kindName);
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet list = wb.newWorksheet(msg("imports.partner.sheet.list", locale));
			Worksheet help = wb.newWorksheet(msg("imports.partner.sheet.help", locale));
			List<Column> columns = kind.columns();
			for (int c = 0; c < columns.size(); c++) {
				list.value(0, c, columns.get(c).header());
				list.style(0, c).bold().fillColor("DDEBF7").set();
				list.width(c, 20);
			}
			list.freezePane(0, 1);
			int r = 0;
			help.value(r++, 0, msg("imports.partner.kind." + kind.name(), locale));
			for (String key : List.of("imports.partner.help.1", "imports.partner.help.2", "imports.partner.help.3",
					"imports.partner.help." + kind.name())) {
				help.value(r++, 0, msg(key, locale));
			}
			r++;
			for (Column c : columns) {
				help.value(r, 0, c.header());
				help.value(r, 1, msg(c.required() ? "imports.partner.required" : "imports.partner.optional", locale));
				help.value(r++, 2, msg("imports.partner.help.col." + c.name(), locale));
			}
			help.width(0, 34);
			help.width(1, 14);
			help.width(2, 100);
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
