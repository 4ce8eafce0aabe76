-- Alkire–Foster measures from the aggregates (issue 6, ADR 0012). A household is
-- multidimensionally poor when its weighted deprivation score reaches the standard's cut-off
-- k (weights and k from the standard's file, alkire_foster section); scores are kept as
-- integers in units of 1/af_scale (the common denominator of the weights), so H, A, M0 and
-- each indicator's contribution roll up to districts, provinces and groups by summation.
-- The aggregates are derived data: they are emptied here and rebuilt by the next refresh
-- (the demo start, AggregatesRefresher or POST /api/v1/analytics/refreshes).
delete from agg_deprivation;
delete from agg_commune_year;
delete from agg_flow;
delete from agg_cohort;
delete from agg_refresh;

alter table agg_commune_year
    add column af_poor_households integer not null default 0, -- score >= k
    add column af_poor_persons    integer not null default 0, -- members of those households
    add column af_score           bigint  not null default 0, -- sum of their scores (units of 1/af_scale)
    add column af_score_persons   bigint  not null default 0, -- the same, each score times the members
    add column af_scale           integer not null default 0; -- common denominator of the weights (0: no AF parameters)

-- Per indicator, now also per household group, with the censored headcounts (deprived and
-- multidimensionally poor) in households and persons.
alter table agg_deprivation
    add column urban             boolean not null default false,
    add column ethnic_minority   boolean not null default false,
    add column social_protection boolean not null default false,
    add column persons           integer not null default 0,
    add column af_households     integer not null default 0,
    add column af_persons        integer not null default 0;
alter table agg_deprivation drop constraint agg_deprivation_pkey;
alter table agg_deprivation
    add primary key (commune_id, year, indicator, urban, ethnic_minority, social_protection);
