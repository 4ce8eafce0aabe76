-- A year's figures are final only when its review is done; until then they are provisional,
-- shown with their coverage (issue 14, ADR 0021).
--
-- 1. One denominator for every rate: the households living in the commune that year. A
--    review lists last year's poor and near-poor (and requests), not every household: a
--    household not reviewed keeps its latest recognised class. agg_commune_year.households
--    now counts those carried households too; assessed_households counts the households
--    recognised in the year itself (the coverage of a review in progress).
-- 2. agg_refresh.active_households: the commune's active households now (the "of M
--    households" of the coverage), refreshed with the commune.
-- 3. review_commune_status: what the review says of each commune and year, read by the
--    analytics (which may not call the review's code): recognised by the chairman's
--    decision and, where two-level approval applies (a commune under a district whose
--    decision, or the window's end before one, precedes 1 July 2025; review.domain.
--    ApprovalLevels), approved by the province.
--
-- The aggregates are derived data: emptied here, rebuilt by the demo start or by the pending
-- work marked below.
delete from agg_deprivation;
delete from agg_commune_year;
delete from agg_flow;
delete from agg_cohort;
delete from agg_refresh;

alter table agg_commune_year add column assessed_households integer not null default 0;
alter table agg_refresh add column active_households integer not null default 0;

create view review_commune_status as
select r.province_code, r.year, u.commune_id, u.unit_path, u.sign_off,
       u.decision_no is not null as recognised,
       (length(u.unit_path) - length(replace(u.unit_path, '/', '')) >= 4
           and coalesce(u.decision_date, r.window_to) < date '2025-07-01') as two_levels,
       u.decision_no is not null
           and (u.sign_off = 'APPROVED'
                or not (length(u.unit_path) - length(replace(u.unit_path, '/', '')) >= 4
                        and coalesce(u.decision_date, r.window_to) < date '2025-07-01')) as final
from review r join review_unit u on u.review_id = r.id;

insert into pending_work (kind, subject, unit_id, created_at)
select 'aggregates', commune_id::text, commune_id, now()
from (select distinct commune_id from household) h;
