-- Issue 15: accounts follow their units to the 1 July 2025 list (ADR 0029). Each run of the
-- re-scope is one batch; each account it changed has an audit event naming the batch.
create table user_rescope_batch (
    id        bigint generated always as identity primary key,
    run_by    text        not null,
    run_at    timestamptz not null,
    on_date   date        not null,              -- the day whose units in force the run used
    filter    text,                              -- part of a username or name, or null for all accounts
    accounts  integer     not null,              -- accounts holding an ended unit
    changed   integer     not null,
    flagged   integer     not null
);
