-- Issue 18: programmes, resources and their monitoring. The programme catalogue (programme →
-- project → sub-project → content, with legal basis, lead agency, beneficiary rule and
-- indicators) is data in files (src/main/resources/programmes/*.yaml), loaded and checked at
-- start like the support policies; rows here name a catalogue node by programme code and node
-- code ('GNBV-2021-2025', 'DA3.TDA2'). Every table carries the province code (STYLE 14) and the
-- unit's path (scope).

-- The project a support record or a model belongs to (outputs are counted from them). Null: the
-- record's policy gives it (its file's programme link), or none.
alter table benefit_record add column programme_code varchar(32);
alter table benefit_record add column programme_node varchar(48);
alter table benefit_record add constraint benefit_record_programme
    check ((programme_code is null) = (programme_node is null));
alter table poverty_model add column programme_code varchar(32);
alter table poverty_model add column programme_node varchar(48);
alter table poverty_model add constraint poverty_model_programme
    check ((programme_code is null) = (programme_node is null));

-- Money of a unit, year and catalogue node (a project or a sub-project) by source: the plan
-- (kế hoạch vốn), what was allocated (giao/phân bổ) and what was disbursed (giải ngân).
-- Each level enters the money it manages itself; the figures of a unit roll up from the rows
-- at and under its path. Resources mobilised outside the programme are rows with
-- in_programme = false and programme_code/node null, described by purpose.
-- Entered with validation and approved by a second person, as indicator values are: an
-- edit of an approved row puts it back to ENTERED (version + 1, the old row in the audit).
create table programme_fund (
    id              bigint generated always as identity primary key,
    province_code   varchar(2)  not null,
    unit_id         bigint      not null references admin_unit (id),
    unit_path       text        not null,
    year            smallint    not null,
    in_programme    boolean     not null default true,
    programme_code  varchar(32),
    programme_node  varchar(48),
    purpose         text,                      -- outside the programme: what the money was for
    source          varchar(20) not null check (source in ('CENTRAL_INVESTMENT', 'CENTRAL_RECURRENT', 'LOCAL',
                        'POLICY_CREDIT', 'FUND_FOR_POOR', 'BUSINESS', 'DONOR', 'OWN_CONTRIBUTION')),
    planned_vnd     bigint      not null default 0 check (planned_vnd >= 0),
    allocated_vnd   bigint      not null default 0 check (allocated_vnd >= 0),
    disbursed_vnd   bigint      not null default 0 check (disbursed_vnd >= 0),
    comment         text,
    status          varchar(10) not null default 'ENTERED' check (status in ('ENTERED', 'APPROVED', 'RETURNED')),
    entered_by      text        not null,
    entered_at      timestamptz not null default now(),
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text,
    source_kind     varchar(8)  not null default 'ENTRY' check (source_kind in ('ENTRY', 'DEMO')),
    version         integer     not null default 0,
    constraint programme_fund_disbursed check (disbursed_vnd <= allocated_vnd),
    constraint programme_fund_what check (
        (in_programme and programme_code is not null and programme_node is not null)
        or (not in_programme and programme_code is null and programme_node is null and purpose is not null))
);
create unique index programme_fund_once on programme_fund
    (unit_id, year, coalesce(programme_code, ''), coalesce(programme_node, ''), coalesce(purpose, ''), source);
create index programme_fund_path on programme_fund (unit_path text_pattern_ops, year);

-- Output targets of a unit's plan (PLAN) and outputs entered where they cannot be counted from
-- the ledger or the models (ACTUAL), per unit, year, node and output (an output code of the
-- catalogue node). Same entry and approval as funds.
create table programme_output (
    id              bigint generated always as identity primary key,
    province_code   varchar(2)  not null,
    unit_id         bigint      not null references admin_unit (id),
    unit_path       text        not null,
    year            smallint    not null,
    programme_code  varchar(32) not null,
    programme_node  varchar(48) not null,
    output_code     varchar(48) not null,
    kind            varchar(6)  not null check (kind in ('PLAN', 'ACTUAL')),
    value           bigint      not null check (value >= 0),
    comment         text,
    status          varchar(10) not null default 'ENTERED' check (status in ('ENTERED', 'APPROVED', 'RETURNED')),
    entered_by      text        not null,
    entered_at      timestamptz not null default now(),
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text,
    source_kind     varchar(8)  not null default 'ENTRY' check (source_kind in ('ENTRY', 'DEMO')),
    version         integer     not null default 0,
    constraint programme_output_once unique (unit_id, year, programme_code, programme_node, output_code, kind)
);
create index programme_output_path on programme_output (unit_path text_pattern_ops, year);

-- M&E reports (Circular 10/2022): Mẫu 01 supervision reports (six-monthly H1, annual YEAR) of
-- a unit, prepared and submitted up the chain. A submitted version is frozen (a trigger
-- refuses any change but being superseded); a correction is a new version with a reason.
-- content holds the report as rendered when submitted (tables and narrative), so a later
-- change of the data does not change a submitted report.
create table programme_report (
    id              uuid primary key default gen_random_uuid(),
    province_code   varchar(2)  not null,
    unit_id         bigint      not null references admin_unit (id),
    unit_path       text        not null,
    programme_code  varchar(32) not null,
    form            varchar(8)  not null check (form in ('MAU01', 'MAU02')),
    year            smallint    not null,
    period          varchar(6)  not null check (period in ('H1', 'YEAR')),
    version         integer     not null default 1,
    status          varchar(10) not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'SUPERSEDED')),
    due_on          date        not null,
    narrative       jsonb       not null default '{}'::jsonb,  -- the sections the preparer writes
    content         jsonb,                                     -- frozen at submission
    reason          text,                                      -- why a new version (version > 1)
    supersedes      uuid references programme_report (id),
    prepared_by     text        not null,
    prepared_at     timestamptz not null default now(),
    submitted_by    text,
    submitted_at    timestamptz,
    source_kind     varchar(8)  not null default 'ENTRY' check (source_kind in ('ENTRY', 'DEMO')),
    row_version     integer     not null default 0,
    constraint programme_report_reason check (version = 1 or reason is not null),
    constraint programme_report_submitted check (status = 'DRAFT' or (content is not null and submitted_at is not null)),
    constraint programme_report_once unique (unit_id, programme_code, form, year, period, version)
);
create index programme_report_path on programme_report (unit_path text_pattern_ops, year);
-- one live (draft or submitted) version per unit, form and period
create unique index programme_report_live on programme_report (unit_id, programme_code, form, year, period)
    where status in ('DRAFT', 'SUBMITTED');
