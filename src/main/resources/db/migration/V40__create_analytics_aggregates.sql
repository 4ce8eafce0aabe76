-- Precomputed aggregates of the registry (in the spirit of DHIS2's analytics tables, but
-- refreshed per commune): one row per commune, review year and household group. Units above
-- the commune are rolled up by materialised path at query time. Only recognised assessments
-- of households that are not voided are counted. Rebuilt by Aggregates.refreshCommunes(...).
create table agg_commune_year (
    province_code        varchar(2)  not null,
    commune_id           bigint      not null references admin_unit (id),
    year                 smallint    not null,
    standard_key         varchar(24) not null,
    urban                boolean     not null,
    ethnic_minority      boolean     not null,
    social_protection    boolean     not null,
    households           integer     not null,
    persons              integer     not null,
    poor_households      integer     not null,
    poor_persons         integer     not null,
    near_poor_households integer     not null,
    near_poor_persons    integer     not null,
    poor_income_sum      bigint      not null, -- sum over poor households of income per head x members (VND / month)
    poor_income_persons  integer     not null, -- members of poor households with a known income
    poor_deprivations    integer     not null, -- sum of deprivation counts over poor households
    primary key (commune_id, year, standard_key, urban, ethnic_minority, social_protection)
);
create index agg_commune_year_province on agg_commune_year (province_code, year);

-- Households deprived on each indicator of the standard, per commune and year.
create table agg_deprivation (
    province_code   varchar(2)  not null,
    commune_id      bigint      not null references admin_unit (id),
    year            smallint    not null,
    indicator       varchar(8)  not null,
    households      integer     not null,
    poor_households integer     not null,
    primary key (commune_id, year, indicator)
);

-- Year-on-year flows: class of the previous review year -> class of this one. from_class NEW:
-- not assessed the year before. poor_before: the household was poor in an earlier year than
-- the previous one (tái nghèo when it becomes poor again).
create table agg_flow (
    province_code varchar(2)  not null,
    commune_id    bigint      not null references admin_unit (id),
    year          smallint    not null,
    from_class    varchar(16) not null,
    to_class      varchar(16) not null,
    poor_before   boolean     not null,
    households    integer     not null,
    persons       integer     not null,
    primary key (commune_id, year, from_class, to_class, poor_before)
);

-- Cohort sustainability: households that left poverty in exit_year (poor the year before,
-- not poor this year), and how many of them were poor again within 1, 2, 3 years.
-- observed_k: how many of them were assessed k years later (the denominator).
create table agg_cohort (
    province_code varchar(2) not null,
    commune_id    bigint     not null references admin_unit (id),
    exit_year     smallint   not null,
    exited        integer    not null,
    observed_1    integer    not null,
    observed_2    integer    not null,
    observed_3    integer    not null,
    poor_again_1  integer    not null,
    poor_again_2  integer    not null,
    poor_again_3  integer    not null,
    primary key (commune_id, exit_year)
);

-- When each commune was last refreshed, and how long it took.
create table agg_refresh (
    commune_id    bigint      primary key references admin_unit (id),
    province_code varchar(2)  not null,
    refreshed_at  timestamptz not null default now(),
    assessments   integer     not null
);
