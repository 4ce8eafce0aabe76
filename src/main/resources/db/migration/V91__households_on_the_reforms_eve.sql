-- The "of M households" of a unit ended by the reform (its own years, and its years after
-- 30/06/2025 read continued for a resolution written for it, ADR 0031) counts the
-- households whose address was in the unit on its last day; it counted the active
-- households living in the unit's communes now, which fall to none as households are moved
-- to the new communes ("28 trên 0 hộ").
--
-- agg_refresh.eve_households: the active households whose commune on the reform's eve
-- (30/06/2025) was this commune, refreshed with the commune (the refresh reads every
-- household that lives or lived in it). Filled here from the addresses as the refresh
-- places them: the first address left after the eve, or the current one.
alter table agg_refresh add column eve_households integer not null default 0;

update agg_refresh r set eve_households = e.n
from (select coalesce((select p.commune_id from household_address_past p
                       where p.household_id = h.id and p.valid_to > date '2025-06-30'
                       order by p.valid_to, p.id limit 1), h.commune_id) as commune_id,
             count(*) as n
      from household h where not h.voided and h.status = 'ACTIVE'
      group by 1) e
where e.commune_id = r.commune_id;
