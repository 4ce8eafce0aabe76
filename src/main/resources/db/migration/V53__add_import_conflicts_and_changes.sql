-- ADR 0018. An import's commit writes a stored household only if nobody changed it since the dry
-- run: the dry run records the version of every row it read of the households it plans to
-- change (the household, its living members, its classifications), and the commit compares.
-- The per-province fingerprint of ADR 0010 gives way to these per-row versions.
alter table bulk_stage drop column fingerprint;
alter table bulk_stage drop column provinces;

-- Logged (unlike the staged rows): it outlives a crash of the database, so a commit that plans
-- the file again after the staged rows were lost still knows what the dry run saw.
create table bulk_seen (
    batch_id     uuid        not null,
    row_id       uuid        not null,                 -- the household, member or classification
    household_id uuid        not null,
    kind         varchar(10) not null check (kind in ('HOUSEHOLD', 'MEMBER', 'ASSESSMENT')),
    code         varchar(32),                          -- HOUSEHOLD rows: the household's code in the file
    version      integer     not null,
    primary key (batch_id, row_id)
);
create index bulk_seen_household on bulk_seen (batch_id, household_id);

-- What a dry run would change in stored rows, field by field (old -> new), shown before the
-- commit; after a commit, what it changed.
create table import_diff (
    job_id       uuid        not null references import_job (id),
    seq          integer     not null,
    household    varchar(32) not null,                 -- household code as stored
    household_id uuid        not null,
    unit_path    text        not null,                 -- for masking citizen IDs and phones when shown
    entity_type  varchar(16) not null check (entity_type in ('HOUSEHOLD', 'MEMBER', 'ASSESSMENT')),
    action       varchar(8)  not null check (action in ('CREATE', 'UPDATE')),
    subject      text,                                 -- the member's name, the classification's year
    field        varchar(24),                          -- imports.domain.Field name; null for a new member
    old_value    text,
    new_value    text,
    primary key (job_id, seq)
);

-- Households a commit did not write because the registry changed under them since the dry run.
create table import_conflict (
    job_id       uuid        not null references import_job (id),
    seq          integer     not null,
    household    varchar(32) not null,                 -- household code in the file
    household_id uuid,                                 -- the stored household to look at, if visible
    reason       varchar(16) not null check (reason in ('CHANGED', 'CODE_TAKEN', 'CCCD_TAKEN')),
    primary key (job_id, seq)
);

alter table import_job add column conflict_count integer not null default 0;
