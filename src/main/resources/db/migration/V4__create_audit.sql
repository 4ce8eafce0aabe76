-- The audit trail: one row per change, written in the same transaction as the change.
-- Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role.
create table audit_event (
    id            bigint generated always as identity primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    action        varchar(32) not null,
    entity_type   varchar(32) not null,
    entity_id     text        not null,
    household_id  uuid,
    unit_path     text,
    province_code varchar(2),
    changes       jsonb       not null default '{}'::jsonb, -- {"field": {"old": .., "new": ..}}
    reason        text
);
create index audit_event_household on audit_event (household_id, at);
create index audit_event_at on audit_event (at);
create index audit_event_actor on audit_event (actor, at);
create index audit_event_path on audit_event (unit_path text_pattern_ops);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (nhật ký chỉ được ghi thêm)' using errcode = '42501';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
