-- Issue 15, the move to the 2025 units. A batch moves whole villages: the reform re-creates
-- each village of an old commune under its new commune (the old row ends 30/06/2025), and a
-- placement moves a village waiting in the province's "chưa xác định xã mới" unit to the
-- commune chosen for it. One row per village and batch says what it was and what it became,
-- so a batch is undone as one and a screen shows what was decided and why.
create table village_move (
    id              bigint generated always as identity primary key,
    batch_id        bigint  not null references move_batch (id),
    old_village_id  bigint  not null references admin_unit (id),  -- the village before the batch
    new_village_id  bigint  not null references admin_unit (id),  -- after it (the same row for a placement)
    from_commune_id bigint  not null references admin_unit (id),
    to_commune_id   bigint  not null references admin_unit (id),
    households      integer not null default 0,
    reason          text                                          -- why this commune (a placement), as shown
);
create index village_move_batch on village_move (batch_id);
create index village_move_old on village_move (old_village_id);
create index village_move_new on village_move (new_village_id);
