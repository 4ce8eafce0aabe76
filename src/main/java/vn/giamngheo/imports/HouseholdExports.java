package vn.giamngheo.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.giamngheo.shared.text.CsvWriter;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.audit.Disclosures;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.registry.HouseholdExportRow;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.Handoff;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.PersonalData;
import vn.giamngheo.shared.scope.PersonalData.Kind;
import vn.giamngheo.shared.scope.Permission;

/**
 * Export of a filtered household list with members and the chosen year's classification
 * and deprivations, streamed as XLSX or CSV (UTF-8 with BOM, as Excel opens it), one row
 * per member with the household's columns repeated. The columns carry the import's
 * headers, so an export can be corrected and imported again. Rows come from the user's
 * view scope; citizen IDs and phones are masked by role; a partner agency's users get
 * only the columns of their agency ({@link ExportProfiles}). Every export is audited and
 * limited per user and hour before its first byte ({@link #prepare}).
 */
@Service
public class HouseholdExports {

	/** Columns of an export, in order. */
	static final List<Field> COLUMNS = List.of(Field.CODE, Field.COMMUNE, Field.VILLAGE, Field.HEAD_NAME, Field.ADDRESS,
			Field.URBAN, Field.ETHNIC_MINORITY, Field.SOCIAL_PROTECTION, Field.MERITORIOUS, Field.HOUSEHOLD_PHONE,
			Field.YEAR, Field.CLASSIFICATION, Field.INCOME, Field.DEPRIVATIONS, Field.WATER_SOURCE, Field.LATRINE,
			Field.FULL_NAME, Field.SEX, Field.DATE_OF_BIRTH, Field.ETHNICITY, Field.RELATION, Field.CCCD, Field.PHONE,
			Field.EDUCATION, Field.IN_SCHOOL, Field.EMPLOYMENT, Field.HEALTH_INSURANCE, Field.DISABILITY,
			Field.SOCIAL_ALLOWANCE, Field.MALNOURISHED, Field.ILL_NO_CARE);

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final HouseholdRegistry registry;

	private final CurrentActor actor;

	private final MessageSource messages;

	private final Executor streams;

	private final ExportProfiles profiles;

	private final Disclosures disclosures;

	private final ExportProperties limits;

	public HouseholdExports(HouseholdRegistry registry, CurrentActor actor, MessageSource messages,
			@Qualifier(BoundedExecutors.STREAMS) Executor streams, ExportProfiles profiles, Disclosures disclosures,
			ExportProperties limits) {
		this.registry = registry;
		this.streams = streams;
		this.actor = actor;
		this.messages = messages;
		this.profiles = profiles;
		this.disclosures = disclosures;
		this.limits = limits;
	}

	/**
	 * Everything before the first byte of an export: the filter is checked (units
	 * visible, codes valid), the user's columns chosen, the rows counted against the
	 * user's hourly limit (429 over it), and the {@code EXPORT} audit row written and
	 * committed with the planned number of rows, so an aborted download leaves it too
	 * (ADR 0017).
	 * @param query the list filter
	 * @param format {@code CSV} or {@code XLSX}, as the audit row names it
	 * @return the export to write
	 */
	public Prepared prepare(HouseholdQuery query, String format) {
		Actor current = this.actor.require(Permission.HOUSEHOLD_EXPORT);
		List<Field> columns = this.profiles.columns(current);
		boolean members = !ExportProfiles.perHousehold(columns);
		HouseholdRegistry.ExportScope scope = this.registry.exportScope(query, members);
		Map<String, Change> changes = new LinkedHashMap<>();
		put(changes, "format", format);
		put(changes, "unit", scope.unit());
		put(changes, "village", scope.village());
		put(changes, "year", scope.year());
		put(changes, "classification", query.classification());
		if (query.isCitizenIdSearch()) {
			put(changes, "cccd", PersonalData.mask(query.q().trim(), Kind.CCCD));
		}
		else if (query.isNameSearch() || query.isCodeSearch()) {
			put(changes, "search", query.q().trim());
		}
		put(changes, "agency", this.profiles.profile(current));
		put(changes, "columns", columns.size());
		put(changes, Disclosures.ROWS, scope.rows());
		this.disclosures.recordWithin(new AuditEntry(current.username(), Disclosures.EXPORT, "HOUSEHOLD_LIST",
				"ho-gia-dinh." + format.toLowerCase(Locale.ROOT), null, scope.unitPath(), scope.provinceCode(), changes,
				null), scope.rows(), this.limits.rowsPerHour(current));
		return new Prepared(query, columns, members);
	}

	private static void put(Map<String, Change> changes, String field, Object value) {
		if (value != null) {
			changes.put(field, new Change(null, value));
		}
	}

	/**
	 * An export checked, counted and audited, ready to write.
	 *
	 * @param query the filter
	 * @param columns the user's columns
	 * @param members one row per member (else per household)
	 */
	public record Prepared(HouseholdQuery query, List<Field> columns, boolean members) {
	}

	/**
	 * Writes every column of the list as XLSX, without the export's checks (the bench,
	 * run by the system).
	 */
	public void xlsx(HouseholdQuery query, Locale locale, OutputStream out, Runnable started) {
		xlsx(new Prepared(query, COLUMNS, true), locale, out, started);
	}

	/** Writes every column of the list as CSV, without the export's checks. */
	public void csv(HouseholdQuery query, Locale locale, OutputStream out) {
		csv(new Prepared(query, COLUMNS, true), locale, out);
	}

	/**
	 * Writes the list as XLSX. Rows are read from PostgreSQL on the calling thread (its
	 * transaction and user) and written into the workbook on a second thread of the
	 * bounded {@code streams} pool: escaping, XML and compression cost about as much as
	 * reading, and on two cores they overlap. When every thread of that pool is busy the
	 * export is refused (server busy) before anything is written.
	 * @param started called once the export has its second thread, before the first byte
	 * (set the download's headers there)
	 */
	public void xlsx(Prepared export, Locale locale, OutputStream out, Runnable started) {
		Labels labels = new Labels(locale);
		String sheet = msg("imports.export.sheet", locale);
		List<String> header = export.columns().stream().map((f) -> msg(f.labelKey(), locale)).toList();
		Handoff<List<Object>> rows = new Handoff<>(1024, 8);
		try {
			rows.beside(this.streams, () -> {
				try {
					// nothing is written before the first batch: the caller sets the
					// headers first
					List<List<Object>> batch = rows.take();
					StreamingXlsx xlsx = new StreamingXlsx(out, sheet);
					xlsx.header(header);
					while (batch != null) {
						for (List<Object> values : batch) {
							xlsx.row(values);
						}
						batch = rows.take();
					}
					xlsx.finish();
				}
				catch (Throwable ex) {
					rows.stop();
					throw ex;
				}
			});
		}
		catch (RejectedExecutionException ex) {
			throw DomainException.busy();
		}
		started.run();
		Throwable failure;
		Actor current = this.actor.get();
		try {
			this.registry.export(export.query(), export.members(),
					(r) -> rows.put(values(current, r, labels, export.columns())));
		}
		catch (CancellationException ex) {
			// the writer failed: its failure is thrown below
		}
		finally {
			rows.end();
			// the writer's pace is the client's: the container's write timeout bounds it
			failure = rows.join(0);
		}
		if (failure instanceof IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (failure instanceof RuntimeException ex) {
			throw ex;
		}
		if (failure instanceof Error ex) {
			throw ex;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}

	/** Writes the list as CSV. */
	public void csv(Prepared export, Locale locale, OutputStream out) {
		Labels labels = new Labels(locale);
		try {
			Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			w.write('\ufeff');
			List<Object> header = new ArrayList<>();
			export.columns().forEach((f) -> header.add(msg(f.labelKey(), locale)));
			line(w, header);
			Actor current = this.actor.get();
			this.registry.export(export.query(), export.members(), (r) -> {
				try {
					List<Object> values = values(current, r, labels, export.columns());
					for (int i = 0; i < values.size(); i++) {
						if (values.get(i) instanceof java.time.LocalDate d) {
							values.set(i, DMY.format(d));
						}
					}
					line(w, values);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			w.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void line(Writer w, List<Object> values) throws IOException {
		CsvWriter.line(w, values);
	}

	/** The row's values in the chosen columns. */
	private List<Object> values(Actor actor, HouseholdExportRow r, Labels l, List<Field> columns) {
		List<Object> all = values(actor, r, l);
		if (columns == COLUMNS) {
			return all;
		}
		List<Object> v = new ArrayList<>(columns.size());
		for (Field f : columns) {
			v.add(all.get(COLUMNS.indexOf(f)));
		}
		return v;
	}

	private List<Object> values(Actor actor, HouseholdExportRow r, Labels l) {
		List<Object> v = new ArrayList<>(COLUMNS.size());
		v.add(r.code());
		v.add(r.communeCode());
		v.add(r.villageName());
		v.add(r.headName());
		v.add(r.address());
		v.add(l.yesNo(r.urban()));
		v.add(l.yesNo(r.ethnicMinority()));
		v.add(l.yesNo(r.socialProtection()));
		v.add(l.yesNo(r.meritorious()));
		v.add(PersonalData.mask(actor, r.householdPhone(), Kind.PHONE, r.unitPath()));
		v.add((r.classification() != null) ? r.year() : null);
		v.add(l.label("class.", r.classification()));
		v.add(r.incomePerCapita());
		v.add(String.join(";", r.deprivations()));
		v.add(r.waterSource());
		v.add(r.latrine());
		v.add(r.fullName());
		v.add(l.label("sex.", r.sex()));
		v.add(r.dateOfBirth());
		v.add(r.ethnicityCode());
		v.add(l.label("relation.", r.relation()));
		v.add(PersonalData.mask(actor, r.cccd(), Kind.CCCD, r.unitPath()));
		v.add(PersonalData.mask(actor, r.phone(), Kind.PHONE, r.unitPath()));
		v.add(l.label("education.", r.educationLevel()));
		v.add(l.yesNo(r.inSchool()));
		v.add(l.label("employment.", r.employment()));
		v.add(l.yesNo(r.healthInsurance()));
		v.add(l.yesNo(r.disability()));
		v.add(l.yesNo(r.socialAllowance()));
		v.add(l.yesNo(r.malnourished()));
		v.add(l.yesNo(r.illNoCare()));
		return v;
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** Labels looked up once per export. */
	private final class Labels {

		private final Locale locale;

		private final Map<String, String> cache = new HashMap<>();

		private final String yes;

		private final String no;

		Labels(Locale locale) {
			this.locale = locale;
			this.yes = msg("imports.yes", locale);
			this.no = msg("imports.no", locale);
		}

		String yesNo(Boolean b) {
			return (b == null) ? null : b ? this.yes : this.no;
		}

		String label(String prefix, String code) {
			if (code == null) {
				return null;
			}
			return this.cache.computeIfAbsent(prefix + code,
					(k) -> HouseholdExports.this.messages.getMessage(k, null, code, this.locale));
		}

	}

}
