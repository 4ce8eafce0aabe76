-- Issue 15 item 6 (ADR 0033): a what-if re-classifies a unit's latest recognised assessments
-- under another standard without touching the registry. Its results live here, apart from
-- household_assessment: the run (with the draft file it was given), its figures by commune and
-- the households whose class would change, with the reason. Runs older than a week are
-- deleted when a new run starts: a what-if is a look before the review, not a record.
create table whatif_run (
    id                uuid primary key,
    province_code     varchar(2)  not null,
    unit_id           bigint      not null references admin_unit (id),
    unit_path         text        not null,
    standard_kind     varchar(8)  not null check (standard_kind in ('NATIONAL', 'LOCAL', 'DRAFT')),
    standard_key      varchar(64) not null,
    standard_name     text        not null,
    standard_name_en  text        not null,
    draft_file        text,
    draft_text        text,
    status            varchar(8)  not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    households_total  integer     not null default 0,
    households_done   integer     not null default 0,
    changed           integer     not null default 0,
    unclassified      integer     not null default 0,
    not_assessed      text[]      not null default '{}',   -- indicators of the standard no survey assessed
    error             text,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    finished_at       timestamptz,
    millis            integer
);
create index whatif_run_unit on whatif_run (unit_path text_pattern_ops, created_at desc);

create table whatif_commune (
    run_id           uuid        not null references whatif_run (id) on delete cascade,
    commune_id       bigint      not null references admin_unit (id),
    households       integer     not null,
    poor_now         integer     not null,
    near_poor_now    integer     not null,
    poor_then        integer     not null,
    near_poor_then   integer     not null,
    unclassified     integer     not null,
    primary key (run_id, commune_id)
);

create table whatif_change (
    run_id           uuid        not null references whatif_run (id) on delete cascade,
    seq              integer     not null,
    -- no foreign keys here: rows are derived, written by COPY in bulk (tens of thousands per run)
    -- and deleted with their run; households are never deleted (voided)
    household_id     uuid        not null,
    province_code    varchar(2)  not null,
    commune_id       bigint      not null,
    year             smallint    not null,
    class_now        varchar(16) not null,
    class_then       varchar(16) not null,
    reason           text        not null,
    reason_en        text        not null,
    primary key (run_id, seq)
);
