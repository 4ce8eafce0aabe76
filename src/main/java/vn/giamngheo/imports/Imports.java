package vn.giamngheo.imports;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.domain.ParsedFile.SheetInfo;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.imports.domain.SheetMapping;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.imports.persistence.ImportJobRepository.Diff;
import vn.giamngheo.imports.persistence.ImportJobRepository.StoredChange;
import vn.giamngheo.registry.BulkAssessment;
import vn.giamngheo.registry.BulkHousehold;
import vn.giamngheo.registry.BulkMember;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdBulk.AssessmentChange;
import vn.giamngheo.registry.HouseholdBulk.Changes;
import vn.giamngheo.registry.HouseholdBulk.HouseholdUpdate;
import vn.giamngheo.registry.HouseholdBulk.MemberUpdate;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.PersonalData;

/**
 * Bulk import of household survey files: upload (stored, checked in the background as a
 * dry run), commit (all or nothing, or only the valid households), revert as a whole, the
 * rejected rows as a workbook, and the column mapping for files that do not follow the
 * template. A job is seen only by its uploader and the system administrator.
 */
@Service
public class Imports {

	private final ImportJobRepository jobs;

	private final JobRunner runner;

	private final ImportFiles files;

	private final CurrentActor actor;

	private final HouseholdBulk bulk;

	private final TransactionTemplate tx;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final ImportWorkbooks workbooks;

	private final ImportVocabulary vocabulary;

	private final FileCommunes communes;

	private static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter
		.ofPattern("dd/MM/yyyy");

	Imports(ImportJobRepository jobs, JobRunner runner, ImportFiles files, CurrentActor actor, HouseholdBulk bulk,
			TransactionTemplate tx, ObjectMapper json, MessageSource messages, ImportWorkbooks workbooks,
			ImportVocabulary vocabulary, FileCommunes communes) {
		this.communes = communes;
		this.jobs = jobs;
		this.runner = runner;
		this.files = files;
		this.actor = actor;
		this.bulk = bulk;
		this.tx = tx;
		this.json = json;
		this.messages = messages;
		this.workbooks = workbooks;
		this.vocabulary = vocabulary;
	}

	/**
	 * Stores an uploaded file and starts its dry run.
	 * @param fileName the name as uploaded
	 * @param in its content
	 * @param commune the code of the commune of the whole file (a commune's own list has
	 * no commune column), or blank: the user's own commune when they capture exactly one
	 * @return the job
	 */
	public ImportJob upload(String fileName, InputStream in, String commune) {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		if (!current.scope().nation() && current.scope().capturePaths().isEmpty()) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden");
		}
		String stated = this.communes.stated(current, commune);
		String name = ImportFiles.safeName(fileName);
		UUID id = UUID.randomUUID();
		ImportFiles.Stored stored = this.files.storeUpload(id, in);
		String lower = name.toLowerCase(Locale.ROOT);
		String format = lower.endsWith(".csv") ? "CSV" : lower.endsWith(".zip") ? "ZIP" : "XLSX";
		this.jobs.insert(id, current.username(), name, stored.size(), stored.checksum(), format);
		if (stated != null) {
			this.jobs.commune(id, stated);
		}
		this.runner.submit(id);
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * The communes the current user may state for a file, their own first (for the upload
	 * form): name and code.
	 */
	public List<Map.Entry<String, String>> fileCommunes() {
		return this.communes.capturable(this.actor.require(Permission.REGISTRY_IMPORT))
			.stream()
			.map((u) -> Map.entry(u.name(), u.code()))
			.toList();
	}

	/**
	 * A job of the current user (any job for the administrator), or NOT_FOUND; 403 for a
	 * role that may not import.
	 */
	public ImportJob job(UUID id) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		ImportJob job = this.jobs.find(id).orElseThrow(() -> DomainException.notFound("IMPORT", id));
		Actor current = this.actor.get();
		if (!job.survey()
				|| !job.uploadedBy().equals(current.username()) && !current.hasRole(Role.SYSTEM_ADMIN.name())) {
			throw DomainException.notFound("IMPORT", id);
		}
		return job;
	}

	/** The current user's jobs (all for the administrator), newest first. */
	public List<ImportJob> list() {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		return this.jobs.list(current.hasRole(Role.SYSTEM_ADMIN.name()) ? null : current.username(), 100);
	}

	/** Committed imports of the same file (same checksum) before this one. */
	public List<ImportJob> sameFile(ImportJob job) {
		return this.jobs.sameFile(job.checksum(), job.id())
			.stream()
			.filter((j) -> j.uploadedBy().equals(this.actor.get().username())
					|| this.actor.get().hasRole(Role.SYSTEM_ADMIN.name()))
			.toList();
	}

	/** A page of errors (or, with {@code info}, of the matches made), in the locale. */
	public List<ShownProblem> problems(UUID id, boolean info, int page, int size, Locale locale) {
		job(id);
		return this.jobs.problems(id, info, Math.max(0, page) * size, size)
			.stream()
			.map((p) -> show(p, locale))
			.toList();
	}

	public int problemCount(UUID id, boolean info) {
		job(id);
		return this.jobs.count(id, info);
	}

	/**
	 * A page of what the dry run would change in stored households (after a commit: what
	 * it changed), field by field with the old and the new value, in the locale: the
	 * fields by their column labels, codes by their labels, citizen IDs and phones masked
	 * by role.
	 */
	public List<ShownChange> changes(UUID id, int page, int size, Locale locale) {
		job(id);
		Actor current = this.actor.get();
		return this.jobs.diffs(id, Math.max(0, page) * size, size)
			.stream()
			.map((d) -> show(d, current, locale))
			.toList();
	}

	public int changeCount(UUID id) {
		job(id);
		return this.jobs.diffCount(id);
	}

	/**
	 * The households the last commit did not write because the registry changed under
	 * them since the dry run, with the household to look at.
	 */
	public List<ShownConflict> conflicts(UUID id, int page, int size, Locale locale) {
		job(id);
		return this.jobs.conflicts(id, Math.max(0, page) * size, size)
			.stream()
			.map((c) -> new ShownConflict(c.code(), c.stored(),
					(c.stored() == null) ? null : "/households/" + c.stored(),
					(c.stored() == null) ? null : "/api/v1/households/" + c.stored(),
					this.messages.getMessage("imports.conflict." + c.reason(), new Object[] { c.code() }, c.reason(),
							locale)))
			.toList();
	}

	/**
	 * Checks a file again (a new dry run against the registry as it is now): after a
	 * commit refused for conflicts, or to see what changed since.
	 */
	public ImportJob check(UUID id) {
		ImportJob job = job(id);
		this.actor.require(Permission.REGISTRY_IMPORT);
		if (this.jobs.status(id, "VALIDATED", "QUEUED") == 0 && this.jobs.status(id, "REJECTED", "QUEUED") == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-checkable", job.status());
		}
		this.runner.submit(id);
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * Queues the commit of a checked file.
	 * @param id job
	 * @param mode ALL (all or nothing) or VALID (only the valid households)
	 * @return the job
	 */
	public ImportJob commit(UUID id, String mode) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		ImportJob job = job(id);
		queueCommit(this.jobs, job, mode);
		this.runner.submit(id);
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * The checks of a commit (survey or partner file, ADR 0037), then the job is queued
	 * for it (the caller submits it to its runner).
	 * @param mode ALL (refused while the file has problems) or VALID
	 */
	static void queueCommit(ImportJobRepository jobs, ImportJob job, String mode) {
		if (!"ALL".equals(mode) && !"VALID".equals(mode)) {
			throw DomainException.invalid(List.of(new FieldProblem("mode", "error.field.invalid", mode)));
		}
		if ("VALIDATED".equals(job.status()) && job.rowsTotal() > 0 && !job.usable()) {
			// nothing to write: never a commit of 0 rows; the job says why
			throw new DomainException(ErrorCode.RULE_REJECTED,
					(job.error() != null) ? job.error() : SurveyFileJobs.NOTHING_REJECTED);
		}
		if (!job.committable()) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-committable", job.status());
		}
		if ("ALL".equals(mode) && job.problemCount() > 0) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "imports.job.has-problems", job.problemCount());
		}
		jobs.mode(job.id(), mode);
		if (jobs.status(job.id(), "VALIDATED", "COMMIT_QUEUED") == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-committable", job.status());
		}
	}

	/**
	 * Takes back everything a committed import did, in one transaction: households and
	 * members it created are voided, classifications it created removed, rows it updated
	 * get their old values back. Refused when someone changed those rows since.
	 */
	public ImportJob revert(UUID id) {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		ImportJob job = job(id);
		if (!job.revertible()) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-revertible", job.status());
		}
		this.tx.executeWithoutResult((s) -> {
			List<StoredChange> changes = this.jobs.changes(id);
			List<UUID> createdHouseholds = new ArrayList<>();
			List<UUID> createdMembers = new ArrayList<>();
			List<UUID> createdAssessments = new ArrayList<>();
			Map<UUID, Household> oldHouseholds = new HashMap<>();
			Map<UUID, Member> oldMembers = new HashMap<>();
			Map<UUID, BulkAssessment> oldAssessments = new HashMap<>();
			Set<UUID> households = new java.util.HashSet<>();
			for (StoredChange c : changes) {
				households.add(c.householdId());
				boolean create = "CREATE".equals(c.action());
				switch (c.entityType()) {
					case "HOUSEHOLD" -> {
						if (create) {
							createdHouseholds.add(c.entityId());
						}
						else {
							oldHouseholds.put(c.entityId(), this.json.readValue(c.beforeJson(), Household.class));
						}
					}
					case "MEMBER" -> {
						if (create) {
							createdMembers.add(c.entityId());
						}
						else {
							oldMembers.put(c.entityId(), this.json.readValue(c.beforeJson(), Member.class));
						}
					}
					default -> {
						if (create) {
							createdAssessments.add(c.entityId());
						}
						else {
							oldAssessments.put(c.entityId(), assessmentBefore(this.json, c.beforeJson()));
						}
					}
				}
			}
			Map<UUID, String> paths = new HashMap<>();
			Map<UUID, String> provinces = new HashMap<>();
			List<HouseholdUpdate> householdUpdates = new ArrayList<>();
			for (Household now : this.bulk.byIds(households)) {
				paths.put(now.id(), now.unitPath());
				provinces.put(now.id(), now.provinceCode());
				Household old = oldHouseholds.get(now.id());
				if (old != null) {
					householdUpdates.add(new HouseholdUpdate(now, new BulkHousehold(old.id(), old.provinceCode(),
							old.code(), old.communeId(), old.unitPath(), old.headName(),
							new HouseholdData(old.villageId(), old.address(), old.urban(), old.ethnicMinority(),
									old.socialProtection(), old.meritorious(), old.phone(), old.status()),
							old.urban()), old.villageName()));
				}
			}
			// members and classifications of the households the import created are not
			// recorded one by one: they go with their household
			Set<UUID> created = new java.util.HashSet<>(createdHouseholds);
			Set<UUID> createdMemberIds = new java.util.HashSet<>(createdMembers);
			List<MemberUpdate> memberUpdates = new ArrayList<>();
			for (Member now : this.bulk.members(households)) {
				if (created.contains(now.householdId()) && createdMemberIds.add(now.id())) {
					createdMembers.add(now.id());
				}
				Member old = oldMembers.get(now.id());
				if (old != null) {
					memberUpdates.add(new MemberUpdate(now, new BulkMember(old.id(), old.householdId(),
							provinces.get(now.householdId()), data(old), 0)));
				}
			}
			List<AssessmentChange> assessments = new ArrayList<>();
			for (BulkAssessment now : this.bulk.assessments(households)) {
				if (created.contains(now.householdId()) && !createdAssessments.contains(now.id())) {
					createdAssessments.add(now.id());
				}
				BulkAssessment old = oldAssessments.get(now.id());
				if (old != null) {
					assessments.add(new AssessmentChange(now, old));
				}
			}
			this.bulk.revert(createdHouseholds, createdMembers, createdAssessments,
					new Changes(List.of(), householdUpdates, List.of(), memberUpdates, assessments, paths),
					job.committedAt(), "revert import " + id + " · " + job.fileName());
			this.jobs.reverted(id, current.username());
		});
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * A classification as an import recorded it before changing it. Records written
	 * before ADR 0018 have no version: read as 0 (it is not used by the revert).
	 */
	static BulkAssessment assessmentBefore(ObjectMapper json, String text) {
		return json.readerFor(BulkAssessment.class)
			.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.readValue(text);
	}

	private static MemberData data(Member m) {
		return new MemberData(m.fullName(), Sex.ofCode(m.sex()), m.dateOfBirth(), m.ethnicityCode(), m.relation(),
				m.cccd(), m.phone(), m.educationLevel(), m.inSchool(), m.employment(), m.healthInsurance(),
				m.disability(), m.socialAllowance(), m.malnourished(), m.illNoCare());
	}

	/** The sheets of the file as found, for the mapping step. */
	public List<SheetInfo> sheets(UUID id) {
		job(id);
		return this.jobs.sheetsJson(id)
			.map((text) -> (List<SheetInfo>) this.json.readValue(text, new TypeReference<List<SheetInfo>>() {
			}))
			.orElse(List.of());
	}

	/**
	 * Sets the column mapping of a file (and remembers it for the uploader's next file
	 * with the same headers), then checks the file again.
	 * @param id job
	 * @param mapping sheet → header row and column → field
	 * @return the job
	 */
	public ImportJob map(UUID id, Map<String, SheetMapping> mapping) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		ImportJob job = job(id);
		if (!"VALIDATED".equals(job.status())) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-committable", job.status());
		}
		Map<String, SheetInfo> sheets = new HashMap<>();
		sheets(id).forEach((s) -> sheets.put(s.name(), s));
		for (Map.Entry<String, SheetMapping> e : mapping.entrySet()) {
			SheetInfo sheet = sheets.get(e.getKey());
			if (sheet == null || e.getValue().headerRow() < 1) {
				throw DomainException.invalid(List.of(new FieldProblem("sheet", "error.field.invalid", e.getKey())));
			}
			if (!sheet.headers().isEmpty()) {
				this.jobs.remember(job.uploadedBy(), SurveyFileJobs.signature(sheet.headers()),
						this.json.writeValueAsString(e.getValue()));
			}
		}
		this.jobs.mapping(id, this.json.writeValueAsString(mapping));
		if (this.jobs.status(id, "VALIDATED", "QUEUED") == 1) {
			this.runner.submit(id);
		}
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * The uploader's answer to a match by name (the one the import is unsure of): these
	 * households of the file are not the stored households their head's name, date of
	 * birth and village matched, and are to be created as new households. The file is
	 * checked again.
	 * @param id job
	 * @param codes household codes of the file
	 * @return the job
	 */
	public ImportJob separate(UUID id, List<String> codes) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		ImportJob job = job(id);
		if (codes == null || codes.isEmpty() || codes.size() > 10_000
				|| codes.stream().anyMatch((c) -> c == null || c.isBlank() || c.length() > 50)) {
			throw DomainException.invalid(List.of(new FieldProblem("codes", "imports.separate.invalid")));
		}
		if (!"VALIDATED".equals(job.status())) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-committable", job.status());
		}
		this.jobs.separate(id, codes);
		if (this.jobs.status(id, "VALIDATED", "QUEUED") == 1) {
			this.runner.submit(id);
		}
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * Writes the rows set aside (valid-rows mode or a rejected file) as XLSX with an
	 * error column.
	 */
	public void rejectedRows(UUID id, Locale locale, OutputStream out) {
		ImportJob job = job(id);
		List<ShownProblem> errors = this.jobs.errors(id).stream().map((p) -> show(p, locale)).toList();
		this.workbooks.rejected(this.files.path(id), job, sheets(id), errors, locale, out);
	}

	/** Refuses (403) a user who may not import. */
	public void requireImporter() {
		this.actor.require(Permission.REGISTRY_IMPORT);
	}

	/** The template for the current user's scope. */
	public void template(Locale locale, OutputStream out) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		this.workbooks.template(locale, out);
	}

	/** Fields a column can be mapped to, with their labels. */
	public List<String[]> fields(Locale locale) {
		List<String[]> fields = new ArrayList<>();
		for (Field f : Field.values()) {
			fields.add(new String[] { f.name(), this.messages.getMessage(f.labelKey(), null, f.name(), locale) });
		}
		return fields;
	}

	private ShownChange show(Diff d, Actor current, Locale locale) {
		String record = switch (d.entityType()) {
			case "MEMBER" -> msg(("CREATE".equals(d.action())) ? "imports.change.member-new" : "imports.change.member",
					locale, d.subject());
			case "ASSESSMENT" ->
				msg(("CREATE".equals(d.action())) ? "imports.change.assessment-new" : "imports.change.assessment",
						locale, d.subject());
			default -> msg("imports.change.household", locale);
		};
		Field field = (d.field() == null) ? null : Field.valueOf(d.field());
		return new ShownChange(d.household(), d.householdId(), "/households/" + d.householdId(), record,
				(field == null) ? "" : msg(field.labelKey(), locale), value(field, d.oldValue(), current, d, locale),
				value(field, d.newValue(), current, d, locale));
	}

	/** A stored value as a reader understands it. */
	private String value(Field field, String value, Actor current, Diff d, Locale locale) {
		if (field == null) {
			return "";
		}
		if (value == null) {
			return msg("imports.change.empty", locale);
		}
		return switch (field) {
			case URBAN, ETHNIC_MINORITY, SOCIAL_PROTECTION, MERITORIOUS, IN_SCHOOL, HEALTH_INSURANCE, DISABILITY,
					SOCIAL_ALLOWANCE, MALNOURISHED, ILL_NO_CARE ->
				msg(Boolean.parseBoolean(value) ? "imports.yes" : "imports.no", locale);
			case SEX, RELATION, EDUCATION, EMPLOYMENT, CLASSIFICATION, ETHNICITY ->
				this.vocabulary.label(field, value, locale);
			case DATE_OF_BIRTH -> DMY.format(java.time.LocalDate.parse(value));
			case INCOME -> java.text.NumberFormat.getIntegerInstance(locale).format(Long.parseLong(value));
			case CCCD -> PersonalData.mask(current, value, PersonalData.Kind.CCCD, d.unitPath());
			case PHONE, HOUSEHOLD_PHONE -> PersonalData.mask(current, value, PersonalData.Kind.PHONE, d.unitPath());
			default -> value;
		};
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	ShownProblem show(Problem p, Locale locale) {
		Object[] args = p.args().stream().map((a) -> resolve(a, locale)).toArray();
		return new ShownProblem(p.info(), p.sheet(), p.row(), resolve(p.column(), locale), p.value(),
				this.messages.getMessage(p.key(), args, p.key(), locale), p.household(),
				"imports.match.name".equals(p.key()));
	}

	private String resolve(String text, Locale locale) {
		if (text != null && text.startsWith("#")) {
			return this.messages.getMessage(text.substring(1), null, text.substring(1), locale);
		}
		return text;
	}

	/** Now, for progress figures. */
	public OffsetDateTime now() {
		return OffsetDateTime.now();
	}

	/**
	 * A change of a stored household as shown.
	 *
	 * @param household household code
	 * @param householdId household id
	 * @param link the household's page
	 * @param record what changes: the household, a member (by name), a year's
	 * classification
	 * @param field the field's label (empty for a member added)
	 * @param oldValue the value before, in the reader's language
	 * @param newValue the value after
	 */
	public record ShownChange(String household, UUID householdId, String link, String record, String field,
			String oldValue, String newValue) {
	}

	/**
	 * A household a commit did not write, as shown.
	 *
	 * @param household household code in the file
	 * @param householdId the stored household to look at (null when the reader may not
	 * view it)
	 * @param link its page
	 * @param apiLink it in the API
	 * @param message why, in the reader's language
	 */
	public record ShownConflict(String household, UUID householdId, String link, String apiLink, String message) {
	}

	/**
	 * A problem as shown: where, the value and the message in the reader's language.
	 *
	 * @param info a match made (not an error)
	 * @param sheet sheet
	 * @param row row number
	 * @param column column
	 * @param value value
	 * @param message message
	 * @param household household code
	 * @param unsure a match by the head's name, date of birth and village, which the
	 * uploader may answer with "not the same household"
	 */
	public record ShownProblem(boolean info, String sheet, int row, String column, String value, String message,
			String household, boolean unsure) {
	}

}
