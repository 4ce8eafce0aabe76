-- The changes of a created row as the audit trail holds them: {"field": {"old": null, "new": v}}
-- for every field with a value (AuditTrail.diff of nothing against the new fields). Lets a bulk
-- change build the audit rows of the rows it creates inside PostgreSQL, from its staged rows,
-- instead of writing each one from Java (ADR 0013).
create function audit_created_changes(fields jsonb) returns jsonb
    language sql immutable parallel safe
as $$
    select coalesce(jsonb_object_agg(key, jsonb_build_object('old', null, 'new', value)), '{}'::jsonb)
    from jsonb_each(jsonb_strip_nulls(fields))
$$;
