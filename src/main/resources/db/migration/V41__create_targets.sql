-- Resolutions (nghị quyết) and their targets as data. A resolution is loaded from its YAML
-- file (src/main/resources/resolutions/) or imported by a user; each target keeps the quote
-- of the sentence it comes from.
create table resolution (
    id           bigint generated always as identity primary key,
    code         varchar(64)  not null unique,
    issuer       text         not null,
    issuer_en    text,
    number       text,
    issued_on    date,
    title        text         not null,
    title_en     text,
    period_from  smallint     not null,
    period_to    smallint     not null,
    scope_unit_id bigint      not null references admin_unit (id),
    scope_path   text         not null,
    province_code varchar(2)  not null,
    baseline_note text,
    source       text,          -- where the text comes from (file, notice)
    verified     boolean      not null default false, -- issuer/number/date checked against the signed text
    yaml         text         not null, -- the file as loaded, to re-read or export
    version      integer      not null default 0,
    created_by   text         not null,
    created_at   timestamptz  not null default now(),
    constraint resolution_period check (period_to >= period_from)
);

create table resolution_target (
    id             bigint generated always as identity primary key,
    resolution_id  bigint      not null references resolution (id),
    seq            smallint    not null,
    code           varchar(32) not null,
    indicator_code varchar(48) not null,
    group_code     varchar(120) not null default 'ALL',
    numerator_group varchar(120),   -- counts only these households in the numerator (share of all)
    comparator     varchar(32) not null,
    value          numeric(16, 4) not null,
    value_max      numeric(16, 4),
    target_year    smallint,        -- null: every year of the period
    baseline_year  smallint,
    baseline_value numeric(16, 4),
    reported       jsonb,           -- official figures quoted by the resolution, by year
    reference      jsonb,           -- reference series by year (national rate)
    reference_note text,
    quote          text        not null,
    note           text,
    scorecard      boolean     not null default false, -- a criterion of the unit scorecard
    constraint resolution_target_code unique (resolution_id, code)
);
create index resolution_target_resolution on resolution_target (resolution_id, seq);

-- Values entered per unit and year for indicators the registry cannot tell (DHIS2-style
-- aggregate data entry). A value is entered (ENTERED), then approved (APPROVED) or sent back
-- (RETURNED) by someone else with the right role; an approved value is locked.
create table indicator_value (
    id             bigint generated always as identity primary key,
    indicator_code varchar(48)  not null,
    unit_id        bigint       not null references admin_unit (id),
    unit_path      text         not null,
    province_code  varchar(2)   not null,
    year           smallint     not null,
    value          numeric(16, 4) not null,
    comment        text,
    status         varchar(10)  not null default 'ENTERED' check (status in ('ENTERED', 'APPROVED', 'RETURNED')),
    entered_by     text         not null,
    entered_at     timestamptz  not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    version        integer      not null default 0,
    constraint indicator_value_unique unique (indicator_code, unit_id, year)
);
create index indicator_value_path on indicator_value (unit_path text_pattern_ops, year);
