-- Issue 16: support that reaches a named household. The support policies themselves are
-- data files (src/main/resources/policies, loaded at start); these tables hold what the
-- policies produce and what was done under them: eligibility (as dated spells, written by
-- list runs), demand (needs registered per household or member) and the benefit ledger.
-- Every table that hangs off a household carries the province code (STYLE 14).

-- One generation of the eligibility lists of a commune on a day (after a recognition
-- decision, on demand, or by the demo): what it found and changed.
create table eligibility_run (
    id             uuid primary key default gen_random_uuid(),
    province_code  varchar(2)  not null,
    commune_id     bigint      not null references admin_unit (id),
    as_of          date        not null,               -- eligibility judged on this day
    trigger        varchar(12) not null check (trigger in ('RECOGNITION', 'ON_DEMAND', 'DEMO', 'POLICY_FILE')),
    requested_by   text,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    entries        integer     not null default 0,     -- open spells after the run
    started        integer     not null default 0,     -- spells it opened (new on the list)
    ended          integer     not null default 0      -- spells it closed (ended, with a reason)
);
create index eligibility_run_commune on eligibility_run (commune_id, as_of desc);

-- A household (or one member, for a member policy) eligible for one policy from one day to
-- another. A run opens a spell for a newly eligible entry and closes (eligible_to, ended_by,
-- end_reason) a spell whose entry is no longer eligible; an unchanged entry keeps its spell.
-- reasons / end_reason are message keys of the support bundle with their arguments:
-- [{"key": "...", "args": ["..."]}].
create table eligibility_spell (
    id              uuid primary key default gen_random_uuid(),
    province_code   varchar(2)  not null,
    commune_id      bigint      not null references admin_unit (id),
    policy_code     varchar(40) not null,
    policy_version  integer     not null,
    household_id    uuid        not null references household (id),
    member_id       uuid references member (id),
    eligible_from   date        not null,
    eligible_to     date,                                -- last day eligible; null while it lasts
    window_end      date,                                -- the last day the rule itself allows (e.g. 3 years after exit), if any
    reasons         jsonb       not null,
    started_by      uuid        not null references eligibility_run (id),
    ended_by        uuid references eligibility_run (id),
    end_reason      jsonb,
    constraint eligibility_spell_dates check (eligible_to is null or eligible_to >= eligible_from)
);
create index eligibility_spell_commune on eligibility_spell (commune_id, policy_code, eligible_from);
create index eligibility_spell_open on eligibility_spell (commune_id, policy_code) where eligible_to is null;
create index eligibility_spell_household on eligibility_spell (household_id);

-- A need registered for a household or a member, dated: from Phiếu C at recognition, from a
-- direct registration at the commune (loan with purpose and amount, training, housing), or
-- from a file. kind: a Phiếu C need code (LOAN, VOCATIONAL_TRAINING, EMPLOYMENT, HOUSING,
-- PRODUCTION_LAND, CLEAN_WATER, HEALTH_INSURANCE, EDUCATION, INFORMATION, OTHER) or EXIT_PLAN.
create table support_demand (
    id             uuid primary key default gen_random_uuid(),
    province_code  varchar(2)  not null,
    household_id   uuid        not null references household (id),
    member_id      uuid references member (id),
    kind           varchar(24) not null,
    policy_code    varchar(40),                         -- the policy asked for, when named
    purpose        text,
    amount_vnd     bigint check (amount_vnd >= 0),
    registered_on  date        not null,
    source         varchar(12) not null check (source in ('PHIEU_C', 'REGISTRATION', 'IMPORT', 'DEMO')),
    review_id      uuid references review (id),
    status         varchar(10) not null default 'OPEN' check (status in ('OPEN', 'MET', 'WITHDRAWN')),
    closed_on      date,
    closed_reason  text,
    version        integer     not null default 0,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index support_demand_household on support_demand (household_id, registered_on);
create index support_demand_kind on support_demand (province_code, kind, registered_on);

-- The benefit ledger: support under one policy to a household or a member for a period. The
-- amount is split by source (sum of the shares = amount). Corrections keep the earlier row in
-- benefit_record_past; every write is audited. agency: the policy's delivering agency
-- (identity.Agency), so a partner reads and writes only its own.
create table benefit_record (
    id              uuid primary key default gen_random_uuid(),
    province_code   varchar(2)  not null,
    household_id    uuid        not null references household (id),
    member_id       uuid references member (id),
    commune_id      bigint      not null references admin_unit (id), -- the household's commune when recorded
    unit_path       text        not null,                            -- the household's village path when recorded (scope)
    policy_code     varchar(40) not null,
    policy_version  integer     not null,
    agency          varchar(20) not null,
    period_from     date        not null,
    period_to       date        not null,
    amount_vnd      bigint      not null check (amount_vnd >= 0),
    central_vnd     bigint      not null default 0 check (central_vnd >= 0),   -- central budget
    local_vnd       bigint      not null default 0 check (local_vnd >= 0),     -- local budget
    credit_vnd      bigint      not null default 0 check (credit_vnd >= 0),    -- policy credit (VBSP capital)
    mobilised_vnd   bigint      not null default 0 check (mobilised_vnd >= 0), -- Fund for the Poor, businesses, donors
    own_vnd         bigint      not null default 0 check (own_vnd >= 0),       -- the household's own contribution
    status          varchar(10) not null
        check (status in ('PLANNED', 'APPROVED', 'DELIVERED', 'CLOSED', 'CANCELLED', 'OVERDUE')),
    decision_no     text,
    decision_date   date,
    delivered_on    date,
    valid_from      date,
    valid_to        date,
    partner_ref     text,            -- HI card number, VBSP contract number, school...
    evidence        text,
    demand_id       uuid references support_demand (id),
    import_job_id   uuid references import_job (id),
    version         integer     not null default 0,
    voided          boolean     not null default false,
    void_reason     text,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    updated_by      text,
    updated_at      timestamptz not null default now(),
    constraint benefit_record_shares check (central_vnd + local_vnd + credit_vnd + mobilised_vnd + own_vnd = amount_vnd),
    constraint benefit_record_period check (period_to >= period_from),
    constraint benefit_record_void_reason check (not voided or void_reason is not null)
);
create index benefit_record_household on benefit_record (household_id, period_from);
create index benefit_record_commune on benefit_record (commune_id, policy_code, period_from);
create index benefit_record_path on benefit_record (unit_path text_pattern_ops);
create index benefit_record_job on benefit_record (import_job_id) where import_job_id is not null;
create index benefit_record_ref on benefit_record (policy_code, partner_ref) where partner_ref is not null;

-- Earlier versions of a ledger row: each correction appends the row as it was.
create table benefit_record_past (
    record_id       uuid        not null references benefit_record (id),
    version         integer     not null,
    row_before      jsonb       not null,
    changed_by      text        not null,
    changed_at      timestamptz not null default now(),
    change_reason   text,
    primary key (record_id, version)
);
