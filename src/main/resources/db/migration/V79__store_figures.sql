-- Issue 19 (ADR 0056): the figures of the dashboards, the targets progress, the scorecard and the
-- Alkire–Foster page are stored per unit and variant (year asked, resolution, group, language)
-- instead of being recomputed on every request.
--
-- figure_snapshot: one computed view per kind, unit and variant, as JSON, with the generation of
--   its key it was computed under. It is current while that generation is the key's current one.
-- figure_generation: one counter per key: a province code (the figures of a unit of the 2024 list
--   in force read only its own province's rows) or '*' (every other unit: a 2025 unit, an ended
--   unit read on, whose households come from several provinces). The work handler 'figures'
--   raises the counter of a province and of '*' for each province marked, and every counter for
--   a mark '*'.
-- Staleness: the aggregate refresh (analytics) raises the generations of its provinces and of '*'
--   in its own transaction. Every other table a stored figure is computed from marks the
--   provinces whose rows a statement changed (kind 'figures' in pending_work), in the same
--   transaction, by a statement trigger: nothing that writes these tables (services, imports,
--   the demo, a script) can forget it. A mark is an insert, never an update of a shared row, so
--   concurrent changes never wait for each other; one mark per province and transaction. While
--   a key has a mark, its views are computed as before (never served stale); the work handler
--   then raises the generations. Counters are raised in the order of their keys ('*' first), so
--   two raises never deadlock.

create table figure_generation (
    key        varchar(8)  primary key,
    gen        bigint      not null,
    changed_at timestamptz not null
);

create table figure_snapshot (
    kind        varchar(20)  not null,
    unit_id     bigint       not null,
    variant     varchar(120) not null,
    key         varchar(8)   not null,
    gen         bigint       not null,
    body        text         not null,
    computed_at timestamptz  not null,
    primary key (kind, unit_id, variant)
);

-- Marks a subject once per transaction (a savepoint's own transaction id may mark it again).
create function figures_mark(subject varchar) returns void language sql as $$
    insert into pending_work (kind, subject, unit_id, created_at)
    select 'figures', subject, null, now()
    where not exists (select 1 from pending_work w
                      where w.kind = 'figures' and w.subject = figures_mark.subject
                        and w.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text);
$$;

-- A statement on a table with a province code: marks each province of the rows it changed.
create function figures_changed_by_province() returns trigger language plpgsql as $$
begin
    perform figures_mark(p) from (select distinct coalesce(province_code, '*') as p from changed) c;
    return null;
end
$$;

-- A statement on a reference table (resolutions, unit statuses, boundaries): marks every key.
create function figures_changed() returns trigger language plpgsql as $$
begin
    perform figures_mark('*');
    return null;
end
$$;

create procedure figures_watch_by_province(t text) language plpgsql as $$
begin
    execute format('create trigger %I after insert on %I referencing new table as changed'
                   ' for each statement execute function figures_changed_by_province()', t || '_figures_ins', t);
    execute format('create trigger %I after update on %I referencing new table as changed'
                   ' for each statement execute function figures_changed_by_province()', t || '_figures_upd', t);
    execute format('create trigger %I after delete on %I referencing old table as changed'
                   ' for each statement execute function figures_changed_by_province()', t || '_figures_del', t);
end
$$;

-- the review's commune statuses (final or provisional years), entered indicator values, the
-- support ledger and the exit plans (progress)
call figures_watch_by_province('review');
call figures_watch_by_province('review_unit');
call figures_watch_by_province('indicator_value');
call figures_watch_by_province('benefit_record');
call figures_watch_by_province('support_demand');
call figures_watch_by_province('eligibility_run');
call figures_watch_by_province('eligibility_spell');
call figures_watch_by_province('household_address_past');
call figures_watch_by_province('exit_plan');

create trigger resolution_figures after insert or update or delete on resolution
    for each statement execute function figures_changed();
create trigger resolution_target_figures after insert or update or delete on resolution_target
    for each statement execute function figures_changed();
create trigger unit_attribute_figures after insert or update or delete on unit_attribute
    for each statement execute function figures_changed();
create trigger unit_boundary_figures after insert or update or delete on unit_boundary
    for each statement execute function figures_changed();
create trigger admin_unit_figures after insert or update or delete on admin_unit
    for each statement execute function figures_changed();
