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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.registry.HouseholdExportRow;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.Handoff;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.PersonalData;
import vn.giamngheo.shared.scope.PersonalData.Kind;
import vn.giamngheo.shared.scope.Permission;

/**
 * Export of a filtered household list with members and the chosen year's classification
 * and deprivations, streamed as XLSX or CSV (UTF-8 with BOM, as Excel opens it), one row
 * per member with the household's columns repeated. The columns carry the import's
 * headers, so an export can be corrected and imported again. Rows come from the user's
 * view scope; citizen IDs and phones are masked by role.
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

	public HouseholdExports(HouseholdRegistry registry, CurrentActor actor, MessageSource messages) {
		this.registry = registry;
		this.actor = actor;
		this.messages = messages;
	}

	/** Checks the filter (units visible, codes valid) before anything is written. */
	public void check(HouseholdQuery query) {
		this.actor.require(Permission.HOUSEHOLD_EXPORT);
		this.registry.search(new HouseholdQuery(query.unitId(), query.villageId(), query.classification(), query.year(),
				query.q(), 0, 1, "code", false));
	}

	/**
	 * Writes the list as XLSX. Rows are read from PostgreSQL on the calling thread (its
	 * transaction and user) and written into the workbook on a second thread: escaping,
	 * XML and compression cost about as much as reading, and on two cores they overlap.
	 */
	public void xlsx(HouseholdQuery query, Locale locale, OutputStream out) {
		this.actor.require(Permission.HOUSEHOLD_EXPORT);
		Labels labels = new Labels(locale);
		StreamingXlsx xlsx;
		try {
			xlsx = new StreamingXlsx(out, msg("imports.export.sheet", locale));
			xlsx.header(COLUMNS.stream().map((f) -> msg(f.labelKey(), locale)).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Handoff<List<Object>> rows = new Handoff<>(1024, 8);
		rows.beside("xlsx-writer", () -> {
			try {
				List<List<Object>> batch;
				while ((batch = rows.take()) != null) {
					for (List<Object> values : batch) {
						xlsx.row(values);
					}
				}
			}
			catch (Throwable ex) {
				rows.stop();
				throw ex;
			}
		});
		Throwable failure;
		Actor current = this.actor.get();
		try {
			this.registry.export(query, (r) -> rows.put(values(current, r, labels)));
		}
		catch (CancellationException ex) {
			// the writer failed: its failure is thrown below
		}
		finally {
			rows.end();
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
		try {
			xlsx.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the list as CSV. */
	public void csv(HouseholdQuery query, Locale locale, OutputStream out) {
		this.actor.require(Permission.HOUSEHOLD_EXPORT);
		Labels labels = new Labels(locale);
		try {
			Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			w.write('\ufeff');
			List<Object> header = new ArrayList<>();
			COLUMNS.forEach((f) -> header.add(msg(f.labelKey(), locale)));
			line(w, header);
			Actor current = this.actor.get();
			this.registry.export(query, (r) -> {
				try {
					List<Object> values = values(current, r, labels);
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
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				w.write(',');
			}
			Object v = values.get(i);
			if (v == null) {
				continue;
			}
			String s = v.toString();
			if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
				s = "'" + s; // no formula injection when the file is opened in a
								// spreadsheet
			}
			if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
				w.write('"');
				w.write(s.replace("\"", "\"\""));
				w.write('"');
			}
			else {
				w.write(s);
			}
		}
		w.write("\r\n");
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
