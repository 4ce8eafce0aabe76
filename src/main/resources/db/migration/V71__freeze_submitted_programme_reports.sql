-- Issue 18 (reports, ADR 0049): a submitted Mẫu 01 report is frozen. The database refuses any
-- change of a SUBMITTED row except being superseded by a correction (status SUBMITTED →
-- SUPERSEDED, nothing else), any change of a SUPERSEDED row, and deleting either: the service
-- checks the same first (409), this is the guard for every other writer (scripts, imports,
-- a later bug).
create function programme_report_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'programme_report % (version %) is % and cannot be deleted', old.id, old.version, old.status
                using errcode = 'P0001';
        end if;
        return old;
    end if;
    if old.status = 'SUPERSEDED'
            or (old.status = 'SUBMITTED'
                and (new.status <> 'SUPERSEDED'
                     or (to_jsonb(new) - 'status' - 'row_version') is distinct from (to_jsonb(old) - 'status' - 'row_version'))) then
        raise exception 'programme_report % (version %) is % and frozen: a correction is a new version', old.id,
            old.version, old.status using errcode = 'P0001';
    end if;
    return new;
end
$$;

create trigger programme_report_frozen before update or delete on programme_report
    for each row execute function programme_report_frozen();
