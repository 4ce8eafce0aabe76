-- Speed of the review at province size (issue 5, ADR 0011).
-- 1. The worklist is shown in village / head-name order, a page at a time: the order keys are
--    copied onto the listed household when it is listed (village name, folded head name,
--    household code), so a page is read straight from an index instead of joining and
--    sorting the whole commune on every request.
-- 2. The per-step counts are kept by statement-level triggers over transition tables: one
--    grouped upsert per statement instead of one per row, so set-based steps (posting,
--    recognition, bulk votes) stay set-based.

alter table review_household
    add column village_name   text,
    add column head_name_norm text,
    add column household_code text;

update review_household rh
   set village_name = v.name, head_name_norm = h.head_name_norm, household_code = h.code
  from household h, admin_unit v
 where h.id = rh.household_id and v.id = rh.village_id;

drop index review_household_commune;
drop index review_household_village;
create index review_household_commune_order
    on review_household (review_id, commune_id, village_name, head_name_norm, household_code);
create index review_household_step_order
    on review_household (review_id, commune_id, step, village_name, head_name_norm, household_code);
create index review_household_village_order
    on review_household (review_id, village_id, step, head_name_norm, household_code);
create index review_household_village_load
    on review_household (review_id, commune_id, village_id, step, reviewer);
create index review_household_transition
    on review_household (review_id, commune_id, transition) where transition is not null;
create index review_meeting_commune on review_meeting (review_id, commune_id, held_on);

drop trigger review_household_step_count on review_household;
drop function review_step_count();

create function review_step_count_insert() returns trigger language plpgsql as $$
begin
    insert into review_step_count (review_id, commune_id, step, households)
    select review_id, commune_id, step, count(*) from new_rows
     group by review_id, commune_id, step order by review_id, commune_id, step
    on conflict (review_id, commune_id, step)
    do update set households = review_step_count.households + excluded.households;
    return null;
end;
$$;

create function review_step_count_update() returns trigger language plpgsql as $$
begin
    update review_step_count s set households = s.households - m.n
      from (select o.review_id, o.commune_id, o.step, count(*) as n
              from old_rows o join new_rows n on n.id = o.id
             where o.step is distinct from n.step
             group by o.review_id, o.commune_id, o.step) m
     where s.review_id = m.review_id and s.commune_id = m.commune_id and s.step = m.step;
    insert into review_step_count (review_id, commune_id, step, households)
    select n.review_id, n.commune_id, n.step, count(*)
      from old_rows o join new_rows n on n.id = o.id
     where o.step is distinct from n.step
     group by n.review_id, n.commune_id, n.step order by 1, 2, 3
    on conflict (review_id, commune_id, step)
    do update set households = review_step_count.households + excluded.households;
    return null;
end;
$$;

create trigger review_household_step_count_insert after insert on review_household
    referencing new table as new_rows
    for each statement execute function review_step_count_insert();
create trigger review_household_step_count_update after update on review_household
    referencing old table as old_rows new table as new_rows
    for each statement execute function review_step_count_update();
