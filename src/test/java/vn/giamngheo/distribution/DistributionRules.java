package vn.giamngheo.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The distribution-column rule (ADR 0053): every table is classified in
 * {@value #CLASSIFICATION} as
 * <ul>
 * <li>{@code household}: distributed by {@code province_code} and colocated (a household
 * and everything that hangs off it, per-commune figures, reviews, imports' rows...);</li>
 * <li>{@code reference}: replicated to every node (geography, standards, catalogues,
 * users);</li>
 * <li>{@code local}: coordinator only (sessions, throttle, jobs, staging,
 * migrations);</li>
 * <li>{@code own-key}: distributed by its own key in its own colocation group (the
 * append-only audit trail).</li>
 * </ul>
 * A {@code household} table has {@code province_code not null}; each of its primary keys,
 * unique constraints and unique indexes includes {@code province_code}; each foreign key
 * to another {@code household} table pairs {@code province_code} with
 * {@code province_code}; a foreign key from a {@code household} table goes only to a
 * {@code household} or {@code reference} table; a {@code reference} table has no foreign
 * key to a {@code household} table. A deliberate exception is an {@code exempt} line
 * naming the constraint or index and saying why.
 */
final class DistributionRules {

	static final String CLASSIFICATION = "db/distribution.tsv";

	static final String COLUMN = "province_code";

	static final Set<String> CLASSES = Set.of("household", "reference", "local", "own-key");

	/**
	 * table → class; constraint or index name → reason (exempt and pending lines both);
	 * the pending names.
	 */
	record Classification(Map<String, String> tables, Map<String, String> exempt, Set<String> pending) {

		Classification(Map<String, String> tables, Map<String, String> exempt) {
			this(tables, exempt, Set.of());
		}

		static Classification load() {
			Map<String, String> tables = new LinkedHashMap<>();
			Map<String, String> exempt = new LinkedHashMap<>();
			Set<String> pending = new TreeSet<>();
			InputStream in = DistributionRules.class.getClassLoader().getResourceAsStream(CLASSIFICATION);
			if (in == null) {
				throw new IllegalStateException(CLASSIFICATION + " is missing");
			}
			try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = r.readLine()) != null) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] f = line.split("\t");
					if (f.length < 3 || f[2].isBlank()) {
						throw new IllegalStateException(CLASSIFICATION + ": need name, class, reason: " + line);
					}
					if (f[1].equals("exempt") || f[1].equals("pending")) {
						if (exempt.put(f[0], f[2]) != null) {
							throw new IllegalStateException(CLASSIFICATION + ": " + f[0] + " listed twice");
						}
						if (f[1].equals("pending")) {
							pending.add(f[0]);
						}
					}
					else if (CLASSES.contains(f[1])) {
						if (tables.put(f[0], f[1]) != null) {
							throw new IllegalStateException(CLASSIFICATION + ": " + f[0] + " listed twice");
						}
					}
					else {
						throw new IllegalStateException(CLASSIFICATION + ": unknown class " + f[1] + " in " + line);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Classification(tables, exempt, pending);
		}

	}

	/** A key or unique index: its table, name and columns. */
	record Key(String table, String name, List<String> columns) {
	}

	/**
	 * A foreign key: columns of the table pointing at columns of the target, in order.
	 */
	record ForeignKey(String table, String name, List<String> columns, String target, List<String> targetColumns) {
	}

	/** What the catalog says about one schema. */
	record Schema(Set<String> tables, Map<String, Boolean> provinceNotNull, List<Key> keys,
			List<ForeignKey> foreignKeys) {

		static Schema read(JdbcClient jdbc, String schema) {
			Set<String> tables = new TreeSet<>(jdbc
				.sql("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
						+ " where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition")
				.param(schema)
				.query(String.class)
				.list());
			Map<String, Boolean> notNull = new LinkedHashMap<>();
			jdbc.sql("select table_name, is_nullable = 'NO' from information_schema.columns"
					+ " where table_schema = ? and column_name = ?")
				.params(schema, COLUMN)
				.query((rs, n) -> notNull.put(rs.getString(1), rs.getBoolean(2)))
				.list();
			List<Key> keys = jdbc.sql("select c.relname, i.relname, array(select a.attname from unnest(x.indkey)"
					+ " with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum"
					+ " order by k.n)::text[] from pg_index x join pg_class i on i.oid = x.indexrelid"
					+ " join pg_class c on c.oid = x.indrelid join pg_namespace s on s.oid = c.relnamespace"
					+ " where s.nspname = ? and x.indisunique and not c.relispartition and c.relkind in ('r', 'p')")
				.param(schema)
				.query((rs, n) -> new Key(rs.getString(1), rs.getString(2),
						List.of((String[]) rs.getArray(3).getArray())))
				.list();
			List<ForeignKey> fks = jdbc.sql("select c.relname, k.conname,"
					+ " array(select a.attname from unnest(k.conkey) with ordinality u(attnum, n)"
					+ " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.n)::text[],"
					+ " t.relname, array(select a.attname from unnest(k.confkey) with ordinality u(attnum, n)"
					+ " join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.n)::text[]"
					+ " from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid"
					+ " join pg_namespace s on s.oid = c.relnamespace"
					+ " where s.nspname = ? and k.contype = 'f' and not c.relispartition and k.conparentid = 0")
				.param(schema)
				.query((rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2),
						List.of((String[]) rs.getArray(3).getArray()), rs.getString(4),
						List.of((String[]) rs.getArray(5).getArray())))
				.list();
			return new Schema(tables, notNull, keys, fks);
		}

	}

	private DistributionRules() {
	}

	/** Every breach of the rule, one line each, naming the table and constraint. */
	static List<String> offences(Schema schema, Classification classification) {
		List<String> out = new ArrayList<>();
		Map<String, String> classOf = classification.tables();
		for (String table : schema.tables()) {
			if (!classOf.containsKey(table)) {
				out.add(table + ": not classified — add it to " + CLASSIFICATION
						+ " as household, reference, local or own-key (ADR 0053)");
			}
		}
		for (String table : schema.tables()) {
			if ("household".equals(classOf.get(table)) && !Boolean.TRUE.equals(schema.provinceNotNull().get(table))) {
				out.add(table + ": household-side table without " + COLUMN + " not null");
			}
		}
		for (Key key : schema.keys()) {
			if ("household".equals(classOf.get(key.table())) && !key.columns().contains(COLUMN)
					&& !classification.exempt().containsKey(key.name())) {
				out.add(key.table() + "." + key.name() + ": unique key " + key.columns() + " without " + COLUMN);
			}
		}
		for (ForeignKey fk : schema.foreignKeys()) {
			String from = classOf.get(fk.table());
			String to = classOf.get(fk.target());
			if (classification.exempt().containsKey(fk.name())) {
				continue;
			}
			String where = fk.table() + "." + fk.name() + " " + fk.columns() + " → " + fk.target() + fk.targetColumns();
			if ("household".equals(from) && "household".equals(to)) {
				int i = fk.columns().indexOf(COLUMN);
				if (i < 0 || !COLUMN.equals(fk.targetColumns().get(i))) {
					out.add(where + ": foreign key between household-side tables without " + COLUMN + " = " + COLUMN);
				}
			}
			else if ("household".equals(from) && !"reference".equals(to) && to != null) {
				out.add(where + ": household-side table refers to a " + to + " table");
			}
			else if ("reference".equals(from) && "household".equals(to)) {
				out.add(where + ": reference table refers to a household-side table");
			}
		}
		return out;
	}

}
