package vn.giamngheo.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.web.Bulkheads;
import vn.giamngheo.shared.work.WorkHandler;

/**
 * Figures read from storage (issue 19, ADR 0056): a page's computed view of a unit
 * (dashboard, targets progress, scorecard, Alkire–Foster), kept as JSON in
 * {@code figure_snapshot} with the generation of its key it was computed under. A read
 * returns the stored view while its generation is current, and otherwise computes it
 * once, stores it and returns it. Every change to what the figures are computed from
 * marks its province in {@code pending_work} in its own transaction (a statement trigger,
 * migration V79); this handler raises the generations of the marked provinces a few
 * seconds later, which makes their stored views stale. Until then the page says its
 * figures are being updated.
 * <p>
 * A whole unit's view is stored once: a user sees it when the scope covers the unit
 * entirely. Any other view (a unit of the 2025 list, summed over the old communes the
 * user may see) is stored per reading scope ({@link #scopePart}). Callers check that the
 * unit is visible before asking.
 */
@Service
public class StoredFigures implements WorkHandler {

	/** The kind of pending work that makes stored figures stale (subject: a province). */
	public static final String PENDING = "figures";

	/** The key of the figures read from more than one province. */
	static final String EVERY = "*";

	/**
	 * A family of stored figures with its own staleness: the kind of pending work that
	 * marks its provinces and the prefix of its generation keys in
	 * {@code figure_generation}. A mark {@link #EVERY} of the page figures (a resolution,
	 * a unit, a boundary changed) raises every family's generations.
	 *
	 * @param pending the kind of pending work
	 * @param prefix the prefix of its keys
	 */
	public record Channel(String pending, String prefix) {

		String key(Unit unit) {
			return this.prefix + StoredFigures.key(unit);
		}

		String every() {
			return this.prefix + EVERY;
		}

	}

	/** The pages' figures: stale after any change of what a page shows (V79). */
	public static final Channel PAGES = new Channel(PENDING, "");

	/**
	 * The figures counted from the support ledger alone (ADR 0058): stale after a change
	 * of its records, demands, eligibility lists or addresses, not after a survey's save.
	 */
	public static final Channel LEDGER = new Channel("ledger", "L:");

	private static final Logger log = LoggerFactory.getLogger(StoredFigures.class);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final CurrentActor actor;

	private final Clock clock;

	/** Whether views are stored ({@code giamngheo.figures.store}, default true). */
	private final boolean enabled;

	/**
	 * How old a stale view may be and still be served while its figures change (ADR
	 * 0058): under a stream of changes a view is computed at most once per this age.
	 */
	private final Duration maxStale;

	/** The store's own transactions (a series is read inside a read-only one). */
	private final TransactionTemplate writes;

	/**
	 * A compute takes a slot of the heavy class {@value #HEAVY_CLASS} (ADR 0059): a page
	 * served from storage takes none.
	 */
	private final Bulkheads bulkheads;

	/**
	 * The heavy class whose slots computes take ({@code giamngheo.bulkheads.classes}).
	 */
	public static final String HEAVY_CLASS = "figures";

	public StoredFigures(JdbcClient jdbc, ObjectMapper json, CurrentActor actor, Clock clock,
			PlatformTransactionManager transactions, Bulkheads bulkheads,
			@Value("${giamngheo.figures.store:true}") boolean enabled,
			@Value("${giamngheo.figures.max-stale:15s}") Duration maxStale) {
		this.bulkheads = bulkheads;
		this.enabled = enabled;
		this.maxStale = maxStale;
		this.writes = new TransactionTemplate(transactions);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		// the views' records carry derived accessors (isCommune(), isFinal()...) that are
		// written but are no component to read back
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.actor = actor;
		this.clock = clock;
	}

	/**
	 * A view as the page shows it, with when it was computed.
	 *
	 * @param value the view
	 * @param computedAt when it was computed (Viet Nam time)
	 * @param stored whether it was read from storage
	 */
	public record Stored<T>(T value, OffsetDateTime computedAt, boolean stored, Map<String, Object> memo) {

		/**
		 * A view that keeps nothing rendered from it.
		 * @param value the view
		 * @param computedAt when it was computed
		 * @param stored whether it was read from storage
		 */
		public Stored(T value, OffsetDateTime computedAt, boolean stored) {
			this(value, computedAt, stored, null);
		}

		/**
		 * What a page renders from this view alone (a table's HTML, the charts' JSON),
		 * made once per stored view on this node and kept with it: a view read again from
		 * storage while current reuses it (issue 19: a dashboard costs its reads, not its
		 * rendering). A view computed now renders every time.
		 * @param key what is rendered (the view's own variant, language included, is
		 * already in the view's key)
		 * @param render renders it from the view alone, never from the user
		 * @return the rendered text
		 */
		public String rendered(String key, Supplier<String> render) {
			return derived("html:" + key, render);
		}

		/**
		 * A value derived from this view alone (and from what changes its key's
		 * generation), made once per stored view on this node like {@link #rendered}.
		 * @param key what is derived
		 * @param derive derives it
		 * @return the derived value
		 */
		@SuppressWarnings("unchecked")
		public <V> V derived(String key, Supplier<V> derive) {
			return (this.memo == null) ? derive.get() : (V) this.memo.computeIfAbsent(key, (k) -> derive.get());
		}

		/**
		 * The same view's rendered parts kept with another value derived from it.
		 * @param value the derived value
		 * @return the view as that value
		 */
		public <U> Stored<U> as(U value) {
			return new Stored<>(value, this.computedAt, this.stored, this.memo);
		}

	}

	/**
	 * The stored view of a unit, or the one computed now (and stored when it may be).
	 * @param kind the page (dashboard, progress, scorecard, af)
	 * @param unit the unit, visible to the user
	 * @param variant what else the view depends on (year asked, resolution, language...)
	 * @param type the view's type
	 * @param compute computes the view as the page does (in its own transaction)
	 * @return the view
	 */
	public <T> Stored<T> get(String kind, Unit unit, String variant, Class<T> type, Supplier<T> compute) {
		return get(PAGES, kind, unit, variant, type, compute);
	}

	/**
	 * A unit's view of a family of figures, read from storage while current, else
	 * computed once and stored. May be called inside a read-only transaction: what it
	 * writes is written in a transaction of its own.
	 * @param <T> the view's type
	 * @param channel the family, whose changes make the view stale
	 * @param kind what view (a page's, or a series)
	 * @param unit the unit, visible to the user
	 * @param variant what else the view depends on
	 * @param type the view's type
	 * @param compute computes the view
	 * @return the view
	 */
	public <T> Stored<T> get(Channel channel, String kind, Unit unit, String variant, Class<T> type,
			Supplier<T> compute) {
		if (!this.enabled) {
			return new Stored<>(compute.get(), now(), false);
		}
		// a view that depends on the reader's scope is stored per scope
		String asked = variant + scopePart(unit);
		String key = channel.key(unit);
		String cacheKey = kind + '|' + unit.id() + '|' + asked;
		Decoded known = this.decoded.get(cacheKey);
		Row row = read(channel, kind, unit.id(), asked, key, known);
		if (!row.counted()) {
			// a key's counter exists before a view is computed under it, so that a raise
			// of every counter cannot miss it
			this.writes.executeWithoutResult((tx) -> this.jdbc
				.sql("insert into figure_generation (key, gen, changed_at) values (?, 0, ?) on conflict do nothing")
				.params(key, Timestamp.from(this.clock.instant()))
				.update());
			row = read(channel, kind, unit.id(), asked, key, known);
		}
		boolean fresh = row.gen() != null && row.gen().equals(row.current()) && !row.updating();
		// current, or stale but computed less than the allowed age ago: served with its
		// time while the changes go on (at most one compute per view and age)
		Stored<T> view = (fresh || recent(row)) ? stored(kind, unit, asked, cacheKey, row, known, type) : null;
		if (view != null) {
			return view;
		}
		Row current = row;
		Supplier<Stored<T>> meanwhile = () -> meanwhile(kind, unit, asked, cacheKey, current, known, type);
		if (row.updating() && this.maxStale.isZero()) {
			// a change is marked and not counted yet: computed as before, not stored (one
			// reader at a time on this node; the others meanwhile get the view read last)
			return once(cacheKey, meanwhile, () -> new Stored<>(compute.get(), now(), false));
		}
		return once(cacheKey, meanwhile, () -> {
			T value = compute.get();
			// microseconds, as stored: the next read knows this view by its generation
			// and time
			OffsetDateTime at = now().truncatedTo(ChronoUnit.MICROS);
			store(kind, unit.id(), asked, key, current.current(), value, at);
			// kept as if read back: the next read reuses it and what its page renders
			// from it (a view stored under a later generation meanwhile is read instead)
			Decoded decoded = new Decoded(current.current(), at, value, new ConcurrentHashMap<>());
			remember(cacheKey, decoded);
			return new Stored<>(value, at, false, decoded.rendered());
		});
	}

	/**
	 * The stored view of a row, parsed once per node; null when it cannot be read (a view
	 * stored by an older version of its record: computed again).
	 */
	private <T> Stored<T> stored(String kind, Unit unit, String variant, String cacheKey, Row row, Decoded known,
			Class<T> type) {
		if (row.body() == null && known != null && type.isInstance(known.value())) {
			// the same stored view as last read on this node: not parsed again
			return new Stored<>(type.cast(known.value()), vietnam(row.computedAt()), true, known.rendered());
		}
		if (row.body() == null) {
			return null;
		}
		try {
			T value = this.json.readValue(row.body(), type);
			Decoded decoded = new Decoded(row.gen(), row.computedAt(), value, new ConcurrentHashMap<>());
			remember(cacheKey, decoded);
			return new Stored<>(value, vietnam(row.computedAt()), true, decoded.rendered());
		}
		catch (JacksonException ex) {
			log.info("Stored figures {} of unit {} ({}) unreadable, computed again", kind, unit.id(), variant);
			return null;
		}
	}

	/**
	 * Whether the stored view was computed less than the allowed age ago
	 * ({@code giamngheo.figures.max-stale}; 0: never served stale).
	 */
	private boolean recent(Row row) {
		return !this.maxStale.isZero() && row.computedAt() != null
				&& row.computedAt().toInstant().isAfter(this.clock.instant().minus(this.maxStale));
	}

	/**
	 * Computes a view unless another reader on this node computes it now: then the view
	 * read last is served meanwhile ({@link #meanwhile}), or, when there is none, this
	 * reader computes too. A compute takes a slot of the heavy class
	 * {@value #HEAVY_CLASS}; while every slot is taken the view read last is served too,
	 * or, when there is none, the reader waits for a slot (and is told "busy" after
	 * {@code max-wait}).
	 */
	private <T> Stored<T> once(String cacheKey, Supplier<Stored<T>> meanwhile, Supplier<Stored<T>> compute) {
		boolean owner = this.computing.add(cacheKey);
		Stored<T> served = owner ? null : meanwhile.get();
		if (served != null) {
			return served;
		}
		try {
			// a compute takes a slot of the heavy class: while none is free, the view
			// read last is served
			return this.bulkheads.heavy(HEAVY_CLASS, compute, meanwhile);
		}
		finally {
			if (owner) {
				this.computing.remove(cacheKey);
			}
		}
	}

	/** The views being computed on this node now (kind|unit|variant). */
	private final Set<String> computing = ConcurrentHashMap.newKeySet();

	/**
	 * Single flight (issue 19, load test of 07/12/2026): while another reader on this
	 * node computes the same view, the view this node read last is served, with the time
	 * it was computed (the page says it, and the aggregates' note says an update is under
	 * way), instead of every reader computing it at once, each holding a connection for
	 * as long as a compute takes; when this node has read none yet, the view stored last,
	 * whatever its generation. Null when there is none at all: then this reader computes
	 * too.
	 */
	private <T> Stored<T> meanwhile(String kind, Unit unit, String variant, String cacheKey, Row row, Decoded known,
			Class<T> type) {
		if (known != null && type.isInstance(known.value())) {
			return new Stored<>(type.cast(known.value()), vietnam(known.computedAt()), true, known.rendered());
		}
		// none parsed on this node yet (just started): the one stored last, whatever its
		// generation
		return stored(kind, unit, variant, cacheKey, row, known, type);
	}

	/**
	 * The key's generation, the stored view (its body only when it is not the one this
	 * node parsed last) and whether a change of the key is marked.
	 */
	private Row read(Channel channel, String kind, long unitId, String variant, String key, Decoded known) {
		return this.jdbc
			.sql("select g.gen as current, s.gen, s.computed_at, exists (select 1 from pending_work w"
					+ " where w.kind = :pending and (:key = :every or w.subject in (:key, :every))) as updating,"
					+ " case when s.gen = :knownGen and s.computed_at = :knownAt then null else s.body end as body"
					+ " from (select 1) one left join figure_generation g on g.key = :key"
					+ " left join figure_snapshot s on s.kind = :kind and s.unit_id = :unit and s.variant = :variant")
			.param("key", key)
			.param("every", channel.every())
			.param("pending", channel.pending())
			.param("kind", kind)
			.param("unit", unitId)
			.param("variant", variant)
			.param("knownGen", (known == null) ? -1L : known.gen())
			.param("knownAt", (known == null) ? null : known.computedAt())
			.query((rs, n) -> new Row((Long) rs.getObject("current"), (Long) rs.getObject("gen"), rs.getString("body"),
					rs.getObject("computed_at", OffsetDateTime.class), rs.getBoolean("updating")))
			.single();
	}

	/** A stored view as this node parsed it last, with what pages rendered from it. */
	private record Decoded(long gen, OffsetDateTime computedAt, Object value, Map<String, Object> rendered) {
	}

	/** Most parsed views kept (they are small: a dashboard is some tens of kilobytes). */
	static final int KEPT = 500;

	private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

	private void remember(String cacheKey, Decoded value) {
		if (this.decoded.size() >= KEPT) {
			this.decoded.clear();
		}
		this.decoded.put(cacheKey, value);
	}

	private record Row(Long current, Long gen, String body, OffsetDateTime computedAt, boolean updating) {

		boolean counted() {
			return this.current != null;
		}

	}

	/**
	 * Stores a view computed under a generation: a view stored under a later one is kept.
	 * A change counted after the generation was read raises it, so this view is then
	 * stale and computed again.
	 */
	private void store(String kind, long unitId, String variant, String key, long gen, Object value,
			OffsetDateTime at) {
		String body = this.json.writeValueAsString(value);
		this.writes.executeWithoutResult((tx) -> this.jdbc
			.sql("insert into figure_snapshot (kind, unit_id, variant, key, gen, body, computed_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?) on conflict (kind, unit_id, variant) do update"
					+ " set key = excluded.key, gen = excluded.gen, body = excluded.body,"
					+ " computed_at = excluded.computed_at where figure_snapshot.gen <= excluded.gen")
			.params(kind, unitId, variant, key, gen, body, Timestamp.from(at.toInstant()))
			.update());
	}

	/**
	 * Whether the user's view of the unit is the whole unit's: the nation's scope, or a
	 * unit of the 2024 list inside the view scope.
	 */
	boolean whole(Unit unit) {
		Actor current = this.actor.get();
		if (current.scope().nation()) {
			return true;
		}
		return !"2025".equals(unit.edition()) && current.scope().canView(unit.path());
	}

	/**
	 * What of the reader's scope the view depends on: nothing when it is the whole unit's
	 * ({@link #whole}); else the reader's view paths, hashed (SHA-256, 96 bits), so that
	 * readers with the same scope (the officers of a province reading its unit of the
	 * 2025 list, summed over the old communes they may see) share one stored view and no
	 * reader is ever served a view of another scope.
	 */
	String scopePart(Unit unit) {
		if (whole(unit)) {
			return "";
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha
				.digest(String.join("\n", this.actor.get().scope().viewPaths().stream().sorted().toList())
					.getBytes(StandardCharsets.UTF_8));
			return "|s:" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key whose generation a unit's figures follow: its province for a unit of the
	 * 2024 list in force, else {@link #EVERY}.
	 */
	static String key(Unit unit) {
		return ("2024".equals(unit.edition()) && unit.validTo() == null && unit.provinceCode() != null)
				? unit.provinceCode() : EVERY;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).atZoneSameInstant(ClockConfiguration.VIETNAM).toOffsetDateTime();
	}

	private static OffsetDateTime vietnam(OffsetDateTime at) {
		return at.atZoneSameInstant(ClockConfiguration.VIETNAM).toOffsetDateTime();
	}

	@Override
	public String kind() {
		return PENDING;
	}

	/**
	 * Makes the stored figures of the marked provinces stale: raises their generations
	 * and that of {@link #EVERY}; a mark {@link #EVERY} raises every generation.
	 */
	@Override
	public void work(List<String> provinces) {
		raise(PAGES, provinces);
	}

	/**
	 * Makes a family's stored figures of the marked provinces stale (its work handler):
	 * raises their generations and that of its {@link Channel#every()}; a mark
	 * {@link #EVERY} raises every generation of the family (of the pages: every
	 * generation of every family, their prefix being empty).
	 * @param channel the family
	 * @param provinces province codes, or {@link #EVERY}
	 */
	public void raise(Channel channel, Collection<String> provinces) {
		if (provinces.contains(EVERY)) {
			this.jdbc
				.sql("update figure_generation set gen = gen + 1, changed_at = ? where key in"
						+ " (select key from figure_generation where key like ? order by key for update)")
				.params(Timestamp.from(this.clock.instant()), channel.prefix() + "%")
				.update();
			return;
		}
		this.jdbc.sql("insert into figure_generation (key, gen, changed_at) select k, 1, ? from (select distinct ? || k"
				+ " as k from unnest(cast(? as varchar[])) k union select cast(? as varchar)) s order by k"
				+ " on conflict (key) do update set gen = figure_generation.gen + 1, changed_at = excluded.changed_at")
			.params(Timestamp.from(this.clock.instant()), channel.prefix(), provinces.toArray(String[]::new),
					channel.every())
			.update();
	}

	/**
	 * Makes the stored figures of some provinces stale now, in the caller's transaction
	 * (the aggregate refresh of their communes).
	 * @param provinces province codes
	 */
	void raise(Collection<String> provinces) {
		raise(PAGES, provinces);
	}

	/**
	 * Makes the stored figures of the provinces of some communes stale now, in the
	 * caller's transaction.
	 * @param communeIds commune ids
	 */
	void raiseCommunes(Collection<Long> communeIds) {
		if (!communeIds.isEmpty()) {
			raise(this.jdbc.sql("select distinct province_code from admin_unit where id = any(?)")
				.param(communeIds.toArray(Long[]::new))
				.query(String.class)
				.list());
		}
	}

}
