-- Review of issue 19 (ADR 0058): figures_mark (V79) and work_mark (V82) had the same body; the
-- pages' mark is now the general one with its kind, so the rule "once per subject and
-- transaction" is written once.
create or replace function figures_mark(subject varchar) returns void language sql as $$
    select work_mark('figures', subject);
$$;
