-- Issue 17: leaving poverty for good. Exit registrations with a plan and checkpoints, household
-- events (shocks), and the registry of poverty-reduction models with their participants.
-- Follow-up after exit, the early-warning worklist and the transition reports are computed on
-- read from these tables, the assessments and the benefit ledger. Every table that hangs off a
-- household carries the province code (STYLE 14).

-- A household's registration to leave poverty (đăng ký thoát nghèo) with its plan. from_class:
-- the class it registers to leave (POOR or NEAR_POOR). The commune approves (a second person);
-- at the next review the outcome is linked: EXITED when the household's recognised class of
-- target_year is no longer from_class (nor a worse one), NOT_EXITED otherwise.
create table exit_plan (
    id               uuid primary key default gen_random_uuid(),
    province_code    varchar(2)  not null,
    household_id     uuid        not null references household (id),
    commune_id       bigint      not null references admin_unit (id),
    unit_path        text        not null,               -- the household's village path when registered
    from_class       varchar(16) not null check (from_class in ('POOR', 'NEAR_POOR')),
    registered_on    date        not null,
    target_year      smallint    not null,               -- the review year in which it means to leave the list
    own_actions      text        not null,               -- what the household itself will do
    budget_vnd       bigint      not null default 0 check (budget_vnd >= 0),          -- the plan's whole budget
    own_vnd          bigint      not null default 0 check (own_vnd >= 0),             -- of which its own contribution
    status           varchar(10) not null default 'REGISTERED'
        check (status in ('REGISTERED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_on       date,
    decided_by       text,
    decision_no      text,
    decision_note    text,
    outcome          varchar(12) check (outcome in ('EXITED', 'NOT_EXITED')),
    outcome_year     smallint,
    outcome_class    varchar(16),
    outcome_assessment_id uuid references household_assessment (id),
    outcome_linked_at timestamptz,
    source           varchar(12) not null default 'REGISTRATION' check (source in ('REGISTRATION', 'IMPORT', 'DEMO')),
    version          integer     not null default 0,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint exit_plan_own check (own_vnd <= budget_vnd)
);
create index exit_plan_household on exit_plan (household_id, target_year);
create index exit_plan_unit on exit_plan (unit_path text_pattern_ops, target_year);
create index exit_plan_commune on exit_plan (commune_id, target_year);
-- one live plan per household and target year
create unique index exit_plan_once on exit_plan (household_id, target_year)
    where status in ('REGISTERED', 'APPROVED');

-- The support a plan needs: a policy of the benefit ledger where one exists (policy_code),
-- or a description; with the amount it expects.
create table exit_plan_need (
    id             uuid primary key default gen_random_uuid(),
    plan_id        uuid        not null references exit_plan (id),
    province_code  varchar(2)  not null,
    seq            smallint    not null,
    policy_code    varchar(40),
    description    text,
    amount_vnd     bigint      not null default 0 check (amount_vnd >= 0),
    constraint exit_plan_need_what check (policy_code is not null or description is not null),
    constraint exit_plan_need_once unique (plan_id, seq)
);

-- Progress during the year.
create table exit_plan_checkpoint (
    id                uuid primary key default gen_random_uuid(),
    plan_id           uuid        not null references exit_plan (id),
    province_code     varchar(2)  not null,
    checked_on        date        not null,
    progress          varchar(10) not null check (progress in ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'DONE')),
    income_per_capita bigint check (income_per_capita >= 0),   -- VND per person per month, when estimated
    note              text,
    recorded_by       text        not null,
    created_at        timestamptz not null default now()
);
create index exit_plan_checkpoint_plan on exit_plan_checkpoint (plan_id, checked_on);

-- An event in a household's life that can push it into poverty (or change its size): a shock.
-- Voided with a reason, never deleted; every write audited.
create table household_event (
    id             uuid primary key default gen_random_uuid(),
    province_code  varchar(2)  not null,
    household_id   uuid        not null references household (id),
    member_id      uuid references member (id),
    unit_path      text        not null,                 -- the household's village path when recorded
    event_date     date        not null,
    type           varchar(20) not null check (type in ('NATURAL_DISASTER', 'SERIOUS_ILLNESS', 'EARNER_DEATH',
                        'EARNER_DISABILITY', 'JOB_LOSS', 'LAND_LOSS', 'BIRTH', 'MEMBER_LEFT', 'OTHER')),
    note           text,
    source         varchar(12) not null default 'COMMUNE' check (source in ('COMMUNE', 'IMPORT', 'DEMO')),
    import_job_id  uuid references import_job (id),
    voided         boolean     not null default false,
    void_reason    text,
    version        integer     not null default 0,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    constraint household_event_void_reason check (not voided or void_reason is not null)
);
create index household_event_household on household_event (household_id, event_date);
create index household_event_unit on household_event (unit_path text_pattern_ops, event_date);

-- Event files go through the import jobs (kind EVENTS); the rows a committed file wrote are
-- listed in import_change (entity EVENT) so that its revert voids them.
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check
    check (kind in ('SURVEY', 'VBSP_LOANS', 'HI_CARDS', 'SCHOOL', 'EVENTS'));
alter table import_change drop constraint import_change_entity_type_check;
alter table import_change add constraint import_change_entity_type_check
    check (entity_type in ('HOUSEHOLD', 'MEMBER', 'ASSESSMENT', 'BENEFIT', 'EVENT'));

-- A poverty-reduction model (mô hình giảm nghèo): a livelihood project run in some units with
-- households taking part. replicated_from: the model it copies (nhân rộng), when it does.
create table poverty_model (
    id               uuid primary key default gen_random_uuid(),
    province_code    varchar(2)  not null,
    name             text        not null,
    type             varchar(12) not null check (type in ('LIVESTOCK', 'CROPS', 'FOREST', 'AQUACULTURE',
                        'HANDICRAFT', 'SERVICES', 'VOCATIONAL', 'OTHER')),
    description      text,
    owner_unit_id    bigint      not null references admin_unit (id),   -- the unit that runs it (commune or above)
    owner_path       text        not null,
    started_on       date        not null,
    ended_on         date,
    replicated_from  uuid references poverty_model (id),
    source           varchar(12) not null default 'ENTRY' check (source in ('ENTRY', 'DEMO')),
    version          integer     not null default 0,
    voided           boolean     not null default false,
    void_reason      text,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint poverty_model_dates check (ended_on is null or ended_on >= started_on),
    constraint poverty_model_void_reason check (not voided or void_reason is not null)
);
create index poverty_model_owner on poverty_model (owner_path text_pattern_ops);

-- Where a model runs (communes or villages), from a day.
create table poverty_model_unit (
    model_id       uuid        not null references poverty_model (id),
    unit_id        bigint      not null references admin_unit (id),
    unit_path      text        not null,
    since          date        not null,
    primary key (model_id, unit_id)
);
create index poverty_model_unit_path on poverty_model_unit (unit_path text_pattern_ops);

-- Its funding by source (the same five sources as the benefit ledger), integer VND.
create table poverty_model_funding (
    model_id       uuid        not null references poverty_model (id),
    source         varchar(10) not null check (source in ('CENTRAL', 'LOCAL', 'CREDIT', 'MOBILISED', 'OWN')),
    amount_vnd     bigint      not null check (amount_vnd >= 0),
    primary key (model_id, source)
);

-- Households that take part.
create table poverty_model_participant (
    model_id       uuid        not null references poverty_model (id),
    household_id   uuid        not null references household (id),
    province_code  varchar(2)  not null,
    joined_on      date        not null,
    left_on        date,
    primary key (model_id, household_id)
);
create index poverty_model_participant_household on poverty_model_participant (household_id);
