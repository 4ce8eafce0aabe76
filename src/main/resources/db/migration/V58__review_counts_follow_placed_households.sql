-- Issue 15 (ADR 0030): a household listed under the province's "Chưa xác định xã mới" unit
-- moves to its new commune's list once its village is placed (review_household.commune_id
-- changes). The per-step counts follow a change of commune as well as a change of step.
create or replace function review_step_count_update() returns trigger language plpgsql as $$
begin
    update review_step_count s set households = s.households - m.n
      from (select o.review_id, o.commune_id, o.step, count(*) as n
              from old_rows o join new_rows n on n.id = o.id
             where o.step is distinct from n.step or o.commune_id <> n.commune_id
             group by o.review_id, o.commune_id, o.step) m
     where s.review_id = m.review_id and s.commune_id = m.commune_id and s.step = m.step;
    insert into review_step_count (review_id, commune_id, step, households)
    select n.review_id, n.commune_id, n.step, count(*)
      from old_rows o join new_rows n on n.id = o.id
     where o.step is distinct from n.step or o.commune_id <> n.commune_id
     group by n.review_id, n.commune_id, n.step order by 1, 2, 3
    on conflict (review_id, commune_id, step)
    do update set households = review_step_count.households + excluded.households;
    return null;
end;
$$;
