-- The staged plan of a bulk change (an import's dry run, ADR 0010): the rows the commit will
-- write, as they will be written, keyed by the batch (the import job). The commit applies
-- them with set-based INSERT ... SELECT / UPDATE ... FROM in one transaction instead of
-- reading and planning the file again. Unlogged: a staged plan is not data; after a crash
-- PostgreSQL empties these tables and the commit then checks the file again. A batch is
-- usable only when its header row is there and its row counts match.
create unlogged table bulk_stage (
    batch_id     uuid primary key,
    fingerprint  text        not null,   -- registry rows of the provinces the plan read: count and versions
    provinces    text[]      not null,
    rows         bigint      not null,   -- staged rows of all tables, checked before they are applied
    created_at   timestamptz not null default now()
);

create unlogged table bulk_stage_household (
    batch_id          uuid        not null,
    action            varchar(6)  not null check (action in ('CREATE', 'UPDATE')),
    id                uuid        not null,
    province_code     varchar(2)  not null,
    code              varchar(32) not null,
    commune_id        bigint      not null,
    village_id        bigint      not null,
    unit_path         text        not null,
    head_name         text        not null,
    head_name_norm    text        not null,
    address           text,
    urban             boolean     not null,
    ethnic_minority   boolean     not null,
    social_protection boolean     not null,
    meritorious       boolean     not null,
    phone             varchar(15),
    status            varchar(12) not null
);
create index bulk_stage_household_batch on bulk_stage_household (batch_id);

create unlogged table bulk_stage_member (
    batch_id         uuid        not null,
    action           varchar(6)  not null check (action in ('CREATE', 'UPDATE')),
    id               uuid        not null,
    household_id     uuid        not null,
    province_code    varchar(2)  not null,
    full_name        text        not null,
    full_name_norm   text        not null,
    sex              char(1)     not null,
    date_of_birth    date        not null,
    ethnicity_code   varchar(2)  not null,
    relation         varchar(16) not null,
    cccd             varchar(12),
    phone            varchar(15),
    education_level  varchar(24) not null,
    in_school        boolean     not null,
    employment       varchar(24) not null,
    health_insurance boolean     not null,
    disability       boolean     not null,
    social_allowance boolean     not null,
    malnourished     boolean     not null,
    ill_no_care      boolean     not null,
    sort_order       smallint    not null
);
create index bulk_stage_member_batch on bulk_stage_member (batch_id);

create unlogged table bulk_stage_assessment (
    batch_id          uuid        not null,
    action            varchar(6)  not null check (action in ('CREATE', 'UPDATE')),
    id                uuid        not null,
    household_id      uuid        not null,
    province_code     varchar(2)  not null,
    year              smallint    not null,
    standard_key      varchar(24) not null,
    member_count      smallint    not null,
    income_per_capita bigint,
    water_source      varchar(24),
    latrine           varchar(24),
    deprivations      text[]      not null,
    deprivation_count smallint    not null,
    classification    varchar(16) not null,
    decision_no       text
);
create index bulk_stage_assessment_batch on bulk_stage_assessment (batch_id);

-- the audit rows of the staged changes, with old and new values, as audit_event will hold them
create unlogged table bulk_stage_audit (
    batch_id      uuid        not null,
    actor         text        not null,
    action        varchar(32) not null,
    entity_type   varchar(32) not null,
    entity_id     text        not null,
    household_id  uuid,
    unit_path     text,
    province_code varchar(2),
    changes       jsonb       not null,
    reason        text
);
create index bulk_stage_audit_batch on bulk_stage_audit (batch_id);

-- what the staged import changes, for its revert; copied to import_change by the commit
create unlogged table import_stage_change (
    job_id       uuid        not null,
    seq          integer     not null,
    entity_type  varchar(16) not null,
    entity_id    uuid        not null,
    household_id uuid        not null,
    action       varchar(8)  not null,
    before       jsonb
);
create index import_stage_change_job on import_stage_change (job_id);
