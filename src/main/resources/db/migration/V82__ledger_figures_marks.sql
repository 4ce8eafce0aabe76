-- Issue 19 (ADR 0058): the indicators counted from the support ledger (loans and training with
-- a demand, health-insurance cards, housing support) are stored per unit like the pages' figures
-- (V79), under keys of their own ('L:' || province code, 'L:*') that only the ledger's tables make
-- stale. A survey's save, which makes the progress page stale, no longer throws away six seconds
-- of counting over the ledger of a province.
--
-- The statement trigger of V79 on the ledger's tables marks their provinces for the pages (kind
-- 'figures') and now also for the ledger's figures (kind 'ledger'), once per province and
-- transaction; the work handler 'ledger' raises the 'L:' generations.

create or replace function work_mark(k varchar, subject varchar) returns void language sql as $$
    insert into pending_work (kind, subject, unit_id, created_at)
    select k, subject, null, now()
    where not exists (select 1 from pending_work w
                      where w.kind = work_mark.k and w.subject = work_mark.subject
                        and w.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text);
$$;

create or replace function figures_changed_by_province() returns trigger language plpgsql as $$
declare
    provinces varchar[];
begin
    select array_agg(distinct coalesce(province_code, '*')) into provinces from changed;
    perform figures_mark(p) from unnest(provinces) p;
    if tg_table_name in ('benefit_record', 'support_demand', 'eligibility_run', 'eligibility_spell',
                         'household_address_past', 'exit_plan') then
        perform work_mark('ledger', p) from unnest(provinces) p;
    end if;
    return null;
end
$$;
