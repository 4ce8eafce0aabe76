-- Issue 15: households move to the units of the 1 July 2025 list, and their history stays.
-- household keeps the CURRENT address (commune_id, village_id, unit_path: the scope filter).
-- household_address_past keeps every earlier address with the day it ended (exclusive):
-- the address of a household on date D is the past row with the smallest valid_to > D,
-- or the household's current address when there is none. A household that never moved has
-- no past row. Review years are placed by their reference date (31/12 of the review year),
-- so every year before 2025 reads the old unit and 2025 on reads the new one.
create table move_batch (
    id            bigint generated always as identity primary key,
    province_code varchar(2)  not null,              -- the 2025 province the batch belongs to
    kind          varchar(16) not null check (kind in ('REFORM_FULL', 'VILLAGES', 'TRANSFER')),
    effective     date        not null,              -- the day the new addresses start (2025-07-01 for the reform)
    households    integer     not null default 0,
    note          text,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    undone_by     text,
    undone_at     timestamptz
);

create table household_address_past (
    id            bigint generated always as identity primary key,
    household_id  uuid        not null references household (id),
    province_code varchar(2)  not null,
    commune_id    bigint      not null references admin_unit (id),
    village_id    bigint      not null references admin_unit (id),
    unit_path     text        not null,
    valid_to      date        not null,              -- the first day at the next address
    batch_id      bigint      references move_batch (id)
);
create index household_address_past_household on household_address_past (household_id, valid_to);
create index household_address_past_commune on household_address_past (commune_id, valid_to);
create index household_address_past_batch on household_address_past (batch_id);

-- A 2025 province's "chưa xác định xã mới" bucket is an admin_unit row of level commune
-- with placeholder = true (one per province, created when a split commune is first moved):
-- households of villages not yet placed in a new commune are counted there, never dropped.
alter table admin_unit add column placeholder boolean not null default false;

