package vn.giamngheo.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.domain.WhatIfTally;
import vn.giamngheo.shared.db.CopyText;

/**
 * SQL of the what-if (ADR 0033): reads each household's latest recognised assessment
 * under a unit in one streamed query, and keeps the results in the {@code whatif_*}
 * tables. Writes nothing else.
 */
@Repository
public class WhatIfRepository {

	/** Rows fetched per round trip. */
	private static final int FETCH = 10_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	public WhatIfRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * A run as stored.
	 *
	 * @param id id
	 * @param provinceCode province of the unit
	 * @param unitId unit
	 * @param unitPath its path
	 * @param kind NATIONAL, LOCAL or DRAFT
	 * @param standardKey key of the standard
	 * @param standardName its name (Vietnamese)
	 * @param standardNameEn its name (English)
	 * @param draftFile name of the uploaded draft, or {@code null}
	 * @param status RUNNING, DONE or FAILED
	 * @param total households to classify
	 * @param done households classified so far (as last stored)
	 * @param changed households whose class would change
	 * @param unclassified households that could not be classified again
	 * @param notAssessed names of indicators no survey assessed (Vietnamese | English)
	 * @param error message key of a failure, or {@code null}
	 * @param createdBy who ran it
	 * @param createdAt when
	 * @param finishedAt when it ended, or {@code null}
	 * @param millis how long it took, or {@code null}
	 */
	public record RunRow(UUID id, String provinceCode, long unitId, String unitPath, String kind, String standardKey,
			String standardName, String standardNameEn, String draftFile, String status, int total, int done,
			int changed, int unclassified, List<String> notAssessed, String error, String createdBy,
			OffsetDateTime createdAt, OffsetDateTime finishedAt, Integer millis) {
	}

	private static final String RUN_COLUMNS = "id, province_code, unit_id, unit_path, standard_kind, standard_key,"
			+ " standard_name, standard_name_en, draft_file, status, households_total, households_done, changed,"
			+ " unclassified, not_assessed, error, created_by, created_at, finished_at, millis";

	private static RunRow run(ResultSet rs) throws SQLException {
		return new RunRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
				rs.getInt(12), rs.getInt(13), rs.getInt(14), List.of((String[]) rs.getArray(15).getArray()),
				rs.getString(16), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
				rs.getObject(19, OffsetDateTime.class), (Integer) rs.getObject(20));
	}

	/** Deletes the runs started before a time, with their results. */
	public int deleteBefore(OffsetDateTime before) {
		return this.jdbc.sql("delete from whatif_run where created_at < ?").param(before).update();
	}

	/** Stores a new run (RUNNING). */
	public void insert(UUID id, String provinceCode, long unitId, String unitPath, String kind, String key, String name,
			String nameEn, String draftFile, String draftText, int total, String createdBy, OffsetDateTime createdAt) {
		this.jdbc
			.sql("insert into whatif_run (id, province_code, unit_id, unit_path, standard_kind, standard_key,"
					+ " standard_name, standard_name_en, draft_file, draft_text, households_total, created_by,"
					+ " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, provinceCode, unitId, unitPath, kind, key, name, nameEn, draftFile, draftText, total, createdBy,
					createdAt)
			.update();
	}

	public java.util.Optional<RunRow> find(UUID id) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from whatif_run where id = ?")
			.param(id)
			.query((rs, n) -> run(rs))
			.optional();
	}

	/** The latest runs under a path (newest first). */
	public List<RunRow> recent(String pathPrefix, int limit) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from whatif_run where unit_path like ? order by created_at desc limit ?")
			.params(pathPrefix + "%", limit)
			.query((rs, n) -> run(rs))
			.list();
	}

	/** Households under a unit path (not voided). */
	public int countHouseholds(String unitPath) {
		return this.jdbc.sql("select count(*) from household where unit_path like ? and not voided")
			.param(unitPath + "%")
			.query(Integer.class)
			.single();
	}

	/**
	 * Feeds the tally each household under a unit path with its latest recognised
	 * assessment, in one read-only streamed query.
	 * @param unitPath the unit's path
	 * @param tally the tally
	 * @param standardKeys told each distinct standard key of the assessments read
	 * @param progress told the number of households read, every {@value #FETCH}
	 */
	public void read(String unitPath, WhatIfTally tally, Consumer<String> standardKeys, IntConsumer progress) {
		String sql = "select h.id, h.commune_id, h.urban, a.year, a.classification, a.income_per_capita, a.score_a,"
				+ " a.score_b, array_to_string(a.deprivations, ','), a.standard_key from household h"
				+ " cross join lateral (select s.year, s.classification, s.income_per_capita, s.score_a, s.score_b,"
				+ " s.deprivations, s.standard_key from household_assessment s where s.household_id = h.id"
				+ " and s.recognised order by s.year desc limit 1) a where h.unit_path like ? and not h.voided";
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			c.setReadOnly(true);
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				ps.setFetchSize(FETCH);
				ps.setString(1, unitPath + "%");
				try (ResultSet rs = ps.executeQuery()) {
					int n = 0;
					String lastKey = null;
					while (rs.next()) {
						long income = rs.getLong(6);
						Long incomeOrNull = rs.wasNull() ? null : income;
						int a = rs.getInt(7);
						Integer scoreA = rs.wasNull() ? null : a;
						int b = rs.getInt(8);
						Integer scoreB = rs.wasNull() ? null : b;
						tally.add(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(4), rs.getBoolean(3),
								rs.getString(5), incomeOrNull, scoreA, scoreB, rs.getString(9));
						String key = rs.getString(10);
						if (!key.equals(lastKey)) {
							standardKeys.accept(key);
							lastKey = key;
						}
						if (++n % FETCH == 0) {
							progress.accept(n);
						}
					}
					progress.accept(n);
				}
			}
			finally {
				c.rollback();
				c.setReadOnly(false);
				c.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("what-if read failed", ex);
		}
	}

	/** Stores the progress of a run. */
	public void progress(UUID id, int done) {
		this.jdbc.sql("update whatif_run set households_done = ? where id = ? and status = 'RUNNING'")
			.params(done, id)
			.update();
	}

	/**
	 * Stores a finished run's figures by commune and its kept changes (by COPY), and
	 * marks it DONE, in one transaction.
	 */
	public void finish(UUID id, String provinceCode, WhatIfTally tally, List<String> notAssessed,
			OffsetDateTime finishedAt, IntSupplier millis) {
		this.tx.executeWithoutResult((s) -> {
			try (CopyText copy = CopyText.open(this.dataSource,
					"whatif_commune (run_id, commune_id, households, poor_now, near_poor_now, poor_then,"
							+ " near_poor_then, unclassified, province_code)")) {
				for (WhatIfTally.CommuneFigures f : tally.communes()) {
					copy.field(id)
						.field(f.communeId())
						.field(f.households())
						.field(f.poorNow())
						.field(f.nearPoorNow())
						.field(f.poorThen())
						.field(f.nearPoorThen())
						.field(f.unclassified())
						.field(provinceCode)
						.end();
				}
			}
			try (CopyText copy = CopyText.open(this.dataSource,
					"whatif_change (run_id, seq, household_id, province_code, commune_id, year, class_now, class_then,"
							+ " reason, reason_en)")) {
				for (int k = 0; k < tally.kept(); k++) {
					WhatIfTally.Change change = tally.change(k);
					copy.field(id)
						.field(k)
						.field(change.household())
						.field(provinceCode)
						.field(change.communeId())
						.field(change.year())
						.field(GROUPS[change.now()])
						.field(GROUPS[change.then()])
						.field(change.reason().vi())
						.field(change.reason().en())
						.end();
				}
			}
			this.jdbc
				.sql("update whatif_run set status = 'DONE', households_done = ?, changed = ?, unclassified = ?,"
						+ " not_assessed = ?, finished_at = ?, millis = ? where id = ?")
				.params(tally.households(), tally.changed(), tally.unclassified(), notAssessed.toArray(new String[0]),
						finishedAt, millis.getAsInt(), id)
				.update();
		});
	}

	/** Stored names of the status groups of {@link WhatIfTally}. */
	static final String[] GROUPS = { "POOR", "NEAR_POOR", "OTHER" };

	/** Marks a run FAILED with the message key of the reason. */
	public void fail(UUID id, String messageKey, OffsetDateTime at) {
		this.jdbc.sql("update whatif_run set status = 'FAILED', error = ?, finished_at = ? where id = ?")
			.params(messageKey, at, id)
			.update();
	}

	/**
	 * A commune's figures with its name.
	 *
	 * @param communeId commune
	 * @param name its name
	 * @param households households with an assessment
	 * @param poorNow poor now
	 * @param nearPoorNow near-poor now
	 * @param poorThen poor under the other standard
	 * @param nearPoorThen near-poor under the other standard
	 * @param unclassified not classified again
	 */
	public record CommuneRow(long communeId, String name, int households, int poorNow, int nearPoorNow, int poorThen,
			int nearPoorThen, int unclassified) {
	}

	public List<CommuneRow> communes(UUID id) {
		return this.jdbc
			.sql("select c.commune_id, u.name, c.households, c.poor_now, c.near_poor_now, c.poor_then,"
					+ " c.near_poor_then, c.unclassified from whatif_commune c join admin_unit u on u.id = c.commune_id"
					+ " where c.run_id = ? order by u.name_norm, u.id")
			.param(id)
			.query((rs, n) -> new CommuneRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8)))
			.list();
	}

	/**
	 * A changed household as shown.
	 *
	 * @param householdId household
	 * @param code its code
	 * @param headName head of household
	 * @param unitPath its unit path (for the scope)
	 * @param commune its commune's name
	 * @param year year of the assessment re-classified
	 * @param classNow POOR, NEAR_POOR or OTHER now
	 * @param classThen the same under the other standard
	 * @param reason why (Vietnamese)
	 * @param reasonEn why (English)
	 */
	public record ChangeRow(UUID householdId, String code, String headName, String unitPath, String commune, int year,
			String classNow, String classThen, String reason, String reasonEn) {
	}

	private static final String CHANGES = "select h.id, h.code, h.head_name, h.unit_path, u.name, x.year, x.class_now,"
			+ " x.class_then, x.reason, x.reason_en from whatif_change x join household h on h.id = x.household_id"
			+ " join admin_unit u on u.id = x.commune_id where x.run_id = ?";

	private static ChangeRow change(ResultSet rs) throws SQLException {
		return new ChangeRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
	}

	/** A page of the changed households, in the order they were read. */
	public List<ChangeRow> changes(UUID id, int offset, int limit) {
		return this.jdbc.sql(CHANGES + " order by x.seq offset ? limit ?")
			.params(id, offset, limit)
			.query((rs, n) -> change(rs))
			.list();
	}

	/** Every changed household kept, in order, one at a time. */
	public void eachChange(UUID id, Consumer<ChangeRow> each) {
		this.jdbc.sql(CHANGES + " order by x.seq").param(id).query((ResultSet rs) -> {
			each.accept(change(rs));
		});
	}

}
