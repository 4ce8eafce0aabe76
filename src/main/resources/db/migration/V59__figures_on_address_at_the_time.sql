-- Issue 15, item 4 (ADR 0031): figures do not break at the reform of 1 July 2025.
-- Every aggregate row is now placed on the commune of the household's address at the
-- year's reference date (31/12 of the review year: household_address_past, else the current
-- address; V55), not on its current commune. cross_commune_id is the household's commune in
-- the other list: for a year before the reform its current commune (a 2025 unit's series
-- re-based back to 2016 reads it), for a year from 2025 on its commune on the reform's eve,
-- 30/06/2025 (a 2024 unit's resolution, e.g. Quảng Nam 2021-2025, reads its 2025 figure
-- through it). For a household that never moved both are the same commune.
--
-- The aggregates are derived data: emptied here, rebuilt by the demo start or by the pending
-- work marked below (every commune a household lives in or has lived in).
delete from agg_deprivation;
delete from agg_commune_year;
delete from agg_flow;
delete from agg_cohort;
delete from agg_refresh;

alter table agg_commune_year add column cross_commune_id bigint not null references admin_unit (id);
alter table agg_commune_year drop constraint agg_commune_year_pkey;
alter table agg_commune_year add primary key
    (commune_id, year, standard_key, urban, ethnic_minority, social_protection, cross_commune_id);
create index agg_commune_year_cross on agg_commune_year (cross_commune_id, year);

alter table agg_deprivation add column cross_commune_id bigint not null references admin_unit (id);
alter table agg_deprivation drop constraint agg_deprivation_pkey;
alter table agg_deprivation add primary key
    (commune_id, year, indicator, urban, ethnic_minority, social_protection, cross_commune_id);
create index agg_deprivation_cross on agg_deprivation (cross_commune_id, year);

alter table agg_flow add column cross_commune_id bigint not null references admin_unit (id);
alter table agg_flow drop constraint agg_flow_pkey;
alter table agg_flow add primary key (commune_id, year, from_class, to_class, poor_before, cross_commune_id);
create index agg_flow_cross on agg_flow (cross_commune_id);

alter table agg_cohort add column cross_commune_id bigint not null references admin_unit (id);
alter table agg_cohort drop constraint agg_cohort_pkey;
alter table agg_cohort add primary key (commune_id, exit_year, cross_commune_id);
create index agg_cohort_cross on agg_cohort (cross_commune_id);

insert into pending_work (kind, subject, unit_id, created_at)
select 'aggregates', commune_id::text, commune_id, now()
from (select commune_id from household union select commune_id from household_address_past) h;
