-- Issue 19 (ADR 0053): keys and foreign keys of household-side tables include province_code,
-- so Citus can colocate a province's rows on one shard. province_code goes last in each key:
-- look-ups by id alone (every page today) still use the index's leading columns.
-- Done here: the tables whose rows keep the province of their parent for life (a review and
-- its meetings, households, votes, complaints and counts; a what-if run; a reform batch;
-- an exit plan's needs and checkpoints; a ledger row's past versions), the per-commune
-- figures, and the leaf tables. Not yet: the keys a household's province change (the 2025
-- reform merges provinces) would have to carry along — listed as "pending" in
-- src/test/resources/db/distribution.tsv and ADR 0053.

-- review and its children: review keeps its primary key (support_demand refers to it by id)
alter table review add constraint review_id_province unique (id, province_code);

alter table review_vote drop constraint review_vote_meeting_id_fkey,
    drop constraint review_vote_review_household_id_fkey;
alter table review_complaint drop constraint review_complaint_review_id_fkey,
    drop constraint review_complaint_review_household_id_fkey;
alter table review_household drop constraint review_household_review_id_fkey,
    drop constraint review_household_meeting_id_fkey;
alter table review_meeting drop constraint review_meeting_review_id_fkey;
alter table review_unit drop constraint review_unit_review_id_fkey;
alter table review_step_count drop constraint review_step_count_review_id_fkey;

alter table review_meeting drop constraint review_meeting_pkey,
    add constraint review_meeting_pkey primary key (id, province_code),
    add constraint review_meeting_review_id_fkey foreign key (review_id, province_code)
        references review (id, province_code);
alter table review_household drop constraint review_household_pkey,
    add constraint review_household_pkey primary key (id, province_code),
    drop constraint review_household_once,
    add constraint review_household_once unique (review_id, household_id, province_code),
    add constraint review_household_review_id_fkey foreign key (review_id, province_code)
        references review (id, province_code),
    add constraint review_household_meeting_id_fkey foreign key (meeting_id, province_code)
        references review_meeting (id, province_code);
alter table review_vote drop constraint review_vote_pkey,
    add constraint review_vote_pkey primary key (meeting_id, review_household_id, province_code),
    add constraint review_vote_meeting_id_fkey foreign key (meeting_id, province_code)
        references review_meeting (id, province_code),
    add constraint review_vote_review_household_id_fkey foreign key (review_household_id, province_code)
        references review_household (id, province_code);
alter table review_complaint drop constraint review_complaint_pkey,
    add constraint review_complaint_pkey primary key (id, province_code),
    drop constraint review_complaint_tracking_no_key,
    add constraint review_complaint_tracking_no_key unique (tracking_no, province_code),
    add constraint review_complaint_review_id_fkey foreign key (review_id, province_code)
        references review (id, province_code),
    add constraint review_complaint_review_household_id_fkey foreign key (review_household_id, province_code)
        references review_household (id, province_code);
alter table review_unit drop constraint review_unit_pkey,
    add constraint review_unit_pkey primary key (review_id, commune_id, province_code),
    add constraint review_unit_review_id_fkey foreign key (review_id, province_code)
        references review (id, province_code);
alter table review_step_count drop constraint review_step_count_pkey,
    add constraint review_step_count_pkey primary key (review_id, commune_id, step, province_code),
    add constraint review_step_count_review_id_fkey foreign key (review_id, province_code)
        references review (id, province_code);
-- tracking numbers hold the commune's id (DN-<year>-<commune>-<n>): unique in the nation as before
alter table review_request drop constraint review_request_pkey,
    add constraint review_request_pkey primary key (id, province_code),
    drop constraint review_request_tracking_no_key,
    add constraint review_request_tracking_no_key unique (tracking_no, province_code);

-- what-if runs
alter table whatif_change drop constraint whatif_change_run_id_fkey;
alter table whatif_commune drop constraint whatif_commune_run_id_fkey;
alter table whatif_run drop constraint whatif_run_pkey,
    add constraint whatif_run_pkey primary key (id, province_code);
alter table whatif_change drop constraint whatif_change_pkey,
    add constraint whatif_change_pkey primary key (run_id, seq, province_code),
    add constraint whatif_change_run_id_fkey foreign key (run_id, province_code)
        references whatif_run (id, province_code) on delete cascade;
alter table whatif_commune drop constraint whatif_commune_pkey,
    add constraint whatif_commune_pkey primary key (run_id, commune_id, province_code),
    add constraint whatif_commune_run_id_fkey foreign key (run_id, province_code)
        references whatif_run (id, province_code) on delete cascade;

-- reform batches: move_batch keeps its primary key (past addresses refer to it by id)
alter table move_batch add constraint move_batch_id_province unique (id, province_code);
alter table village_move drop constraint village_move_batch_id_fkey,
    drop constraint village_move_pkey,
    add constraint village_move_pkey primary key (id, province_code),
    add constraint village_move_batch_id_fkey foreign key (batch_id, province_code)
        references move_batch (id, province_code);

-- exit plans' needs and checkpoints follow their plan (the demo moves post-reform plans)
alter table exit_plan add constraint exit_plan_id_province unique (id, province_code);
alter table exit_plan_need drop constraint exit_plan_need_plan_id_fkey,
    drop constraint exit_plan_need_pkey,
    add constraint exit_plan_need_pkey primary key (id, province_code),
    add constraint exit_plan_need_plan_id_fkey foreign key (plan_id, province_code)
        references exit_plan (id, province_code) on update cascade,
    drop constraint exit_plan_need_once,
    add constraint exit_plan_need_once unique (plan_id, seq, province_code);
alter table exit_plan_checkpoint drop constraint exit_plan_checkpoint_plan_id_fkey,
    drop constraint exit_plan_checkpoint_pkey,
    add constraint exit_plan_checkpoint_pkey primary key (id, province_code),
    add constraint exit_plan_checkpoint_plan_id_fkey foreign key (plan_id, province_code)
        references exit_plan (id, province_code) on update cascade;

-- a ledger row's past versions
alter table benefit_record add constraint benefit_record_id_province unique (id, province_code);
alter table benefit_record_past drop constraint benefit_record_past_record_id_fkey,
    drop constraint benefit_record_past_pkey,
    add constraint benefit_record_past_pkey primary key (record_id, version, province_code),
    add constraint benefit_record_past_record_id_fkey foreign key (record_id, province_code)
        references benefit_record (id, province_code) on update cascade;

-- leaf tables (nothing refers to them)
alter table household_event drop constraint household_event_pkey,
    add constraint household_event_pkey primary key (id, province_code);
alter table household_address_past drop constraint household_address_past_pkey,
    add constraint household_address_past_pkey primary key (id, province_code);
alter table member_transfer drop constraint member_transfer_pkey,
    add constraint member_transfer_pkey primary key (id, province_code);
alter table eligibility_spell drop constraint eligibility_spell_pkey,
    add constraint eligibility_spell_pkey primary key (id, province_code);
alter table poverty_model_participant drop constraint poverty_model_participant_pkey,
    add constraint poverty_model_participant_pkey primary key (model_id, household_id, province_code);

-- per-commune figures (a commune belongs to one province for life: a reform makes new units)
alter table agg_commune_year drop constraint agg_commune_year_pkey,
    add constraint agg_commune_year_pkey primary key (commune_id, year, standard_key, urban, ethnic_minority,
        social_protection, cross_commune_id, province_code);
alter table agg_deprivation drop constraint agg_deprivation_pkey,
    add constraint agg_deprivation_pkey primary key (commune_id, year, indicator, urban, ethnic_minority,
        social_protection, cross_commune_id, province_code);
alter table agg_flow drop constraint agg_flow_pkey,
    add constraint agg_flow_pkey primary key (commune_id, year, from_class, to_class, poor_before,
        cross_commune_id, province_code);
alter table agg_cohort drop constraint agg_cohort_pkey,
    add constraint agg_cohort_pkey primary key (commune_id, exit_year, cross_commune_id, province_code);
alter table agg_refresh drop constraint agg_refresh_pkey,
    add constraint agg_refresh_pkey primary key (commune_id, province_code);

-- The per-step review counts (V32, V58) carry the review household's province.
create or replace function review_step_count_insert() returns trigger language plpgsql as $$
begin
    insert into review_step_count (review_id, commune_id, step, households, province_code)
    select review_id, commune_id, step, count(*), min(province_code) from new_rows
     group by review_id, commune_id, step order by review_id, commune_id, step
    on conflict (review_id, commune_id, step, province_code)
    do update set households = review_step_count.households + excluded.households;
    return null;
end;
$$;

create or replace function review_step_count_update() returns trigger language plpgsql as $$
begin
    update review_step_count s set households = s.households - m.n
      from (select o.review_id, o.commune_id, o.step, count(*) as n
              from old_rows o join new_rows n on n.id = o.id
             where o.step is distinct from n.step or o.commune_id <> n.commune_id
             group by o.review_id, o.commune_id, o.step) m
     where s.review_id = m.review_id and s.commune_id = m.commune_id and s.step = m.step;
    insert into review_step_count (review_id, commune_id, step, households, province_code)
    select n.review_id, n.commune_id, n.step, count(*), min(n.province_code)
      from old_rows o join new_rows n on n.id = o.id
     where o.step is distinct from n.step or o.commune_id <> n.commune_id
     group by n.review_id, n.commune_id, n.step order by 1, 2, 3
    on conflict (review_id, commune_id, step, province_code)
    do update set households = review_step_count.households + excluded.households;
    return null;
end;
$$;
