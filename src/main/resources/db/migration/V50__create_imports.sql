-- Bulk imports of household survey files. A job holds the uploaded file (stored on disk
-- under the data directory, named by the job id), its validation result and, once
-- committed, the changes it made so that it can be reverted as a whole.
create table import_job (
    id                 uuid primary key default gen_random_uuid(),
    uploaded_by        text        not null,
    file_name          text        not null,
    file_size          bigint      not null,
    checksum           varchar(64) not null,                 -- SHA-256 of the file
    format             varchar(4)  not null check (format in ('XLSX', 'CSV')),
    mode               varchar(10) not null default 'ALL' check (mode in ('ALL', 'VALID')),
    status             varchar(16) not null check (status in ('QUEUED', 'VALIDATING', 'VALIDATED', 'REJECTED',
                            'COMMIT_QUEUED', 'COMMITTING', 'COMMITTED', 'FAILED', 'REVERTED')),
    mapping            jsonb,                                -- the uploader's choice: sheet -> header row, column -> field
    sheets             jsonb,                                -- sheets found: name, header row, headers, column -> field
    rows_total         integer     not null default 0,
    rows_done          integer     not null default 0,
    rows_rejected      integer     not null default 0,
    problem_count      integer     not null default 0,
    households_created integer     not null default 0,
    households_updated integer     not null default 0,
    households_same    integer     not null default 0,
    members_created    integer     not null default 0,
    members_updated    integer     not null default 0,
    assessments        integer     not null default 0,
    matches            jsonb       not null default '{}'::jsonb, -- how households were matched: kind -> count
    restarts           integer     not null default 0,       -- times the job was resumed after a restart
    error              text,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    committed_at       timestamptz,
    reverted_at        timestamptz,
    reverted_by        text
);
create index import_job_user on import_job (uploaded_by, created_at desc);
create index import_job_status on import_job (status);

-- One problem found in a file: where (sheet, row, column), the value, and a message key with
-- its arguments, so the report is shown in the reader's language.
create table import_problem (
    job_id      uuid     not null references import_job (id),
    seq         integer  not null,
    level       varchar(5) not null default 'ERROR' check (level in ('ERROR', 'INFO')), -- INFO: a match made
    sheet       text     not null,
    row_no      integer  not null,
    column_name text,
    value       text,
    message_key text     not null,
    args        text[]   not null default '{}',
    household   text,                                      -- household code of the row, for partial mode
    primary key (job_id, seq)
);

-- What a committed import changed, for the revert: created rows are voided, updated rows get
-- their values from before the import back.
create table import_change (
    job_id       uuid        not null references import_job (id),
    seq          integer     not null,
    entity_type  varchar(16) not null check (entity_type in ('HOUSEHOLD', 'MEMBER', 'ASSESSMENT')),
    entity_id    uuid        not null,
    household_id uuid        not null,
    action       varchar(8)  not null check (action in ('CREATE', 'UPDATE')),
    before       jsonb,
    primary key (job_id, seq)
);

-- A column mapping an uploader chose for files with these headers, applied again to the
-- next file with the same headers.
create table import_mapping (
    username   text        not null,
    signature  varchar(64) not null,                       -- SHA-256 of the sheet's folded headers
    mapping    jsonb       not null,                       -- column index -> field
    updated_at timestamptz not null default now(),
    primary key (username, signature)
);
