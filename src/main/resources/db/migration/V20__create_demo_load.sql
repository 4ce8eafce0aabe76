-- Marker of a completed demo load, one row per demo province. It is written in the same
-- transaction as the demo rows, so a half load is never marked and is redone on next start.
create table demo_load (
    province_code varchar(2)  primary key,
    size          text        not null,   -- 'sample', 'full' or a share such as '2%'
    fraction      numeric(6, 4) not null,
    seed          bigint      not null,
    first_year    smallint    not null,
    last_year     smallint    not null,
    villages      integer     not null,
    households    integer     not null,
    members       integer     not null,
    assessments   integer     not null,
    loaded_at     timestamptz not null default now()
);
