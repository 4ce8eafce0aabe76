-- Issue 19 (ADR 0053): every household-side table carries province_code, the column a
-- distributed PostgreSQL (Citus) shards and colocates by. Four tables did not: they take it
-- from their parent. New rows get it the same way: three from a BEFORE INSERT trigger that
-- copies the parent's code when the writer did not give one (the writers do not know it
-- today); review_step_count from the counting triggers, which V75 rewrites.

alter table review_step_count add column province_code varchar(2);
update review_step_count s set province_code = r.province_code from review r where r.id = s.review_id;
alter table review_step_count alter column province_code set not null;

alter table village_move add column province_code varchar(2);
update village_move v set province_code = b.province_code from move_batch b where b.id = v.batch_id;
alter table village_move alter column province_code set not null;

alter table whatif_commune add column province_code varchar(2);
update whatif_commune c set province_code = r.province_code from whatif_run r where r.id = c.run_id;
alter table whatif_commune alter column province_code set not null;

alter table benefit_record_past add column province_code varchar(2);
update benefit_record_past p set province_code = r.province_code from benefit_record r where r.id = p.record_id;
alter table benefit_record_past alter column province_code set not null;

-- One trigger function for the three: arguments are the parent table, its key column and
-- the child's column that refers to it.
create function province_code_from_parent() returns trigger language plpgsql as $$
begin
    if new.province_code is null then
        execute format('select p.province_code from %I p where p.%I = ($1).%I', tg_argv[0], tg_argv[1], tg_argv[2])
            into new.province_code using new;
    end if;
    return new;
end;
$$;
create trigger village_move_province before insert on village_move
    for each row execute function province_code_from_parent('move_batch', 'id', 'batch_id');
create trigger whatif_commune_province before insert on whatif_commune
    for each row execute function province_code_from_parent('whatif_run', 'id', 'run_id');
create trigger benefit_record_past_province before insert on benefit_record_past
    for each row execute function province_code_from_parent('benefit_record', 'id', 'record_id');
