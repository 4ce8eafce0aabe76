-- Work to do after a change, written in the same transaction as the change (ADR 0020): a
-- restart, a crash or a failing refresh loses no mark, and a rolled-back change leaves none.
-- Rows are only inserted by the changes (two changes of one commune never wait for each
-- other) and deleted by the transaction that did the work; a failure keeps the rows with
-- the attempt count, the error and the time of the next attempt.
create table pending_work (
    id              bigint       generated always as identity primary key,
    kind            varchar(40)  not null, -- the handler: 'aggregates' (analytics: a commune to re-aggregate)
    subject         varchar(64)  not null, -- what the work is about: a commune id, a household id...
    unit_id         bigint,                -- the geography unit concerned (scope, "being updated" notes)
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_error      text
);
create index pending_work_kind_subject on pending_work (kind, subject);

-- Marks held in memory by the application before this migration died with its last stop:
-- re-aggregate every commune that has households once, after the upgrade.
insert into pending_work (kind, subject, unit_id, created_at)
select 'aggregates', commune_id::text, commune_id, now()
from (select distinct commune_id from household) h;
