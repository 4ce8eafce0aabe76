-- Users, roles, data scopes and personal access tokens (identity & access).
-- One role per user. Scope is DHIS2-style: a set of units the user may read (VIEW) and a
-- separate set where the user may write (CAPTURE); the nation flags stand for every unit.
create table app_user (
    id              bigint generated always as identity primary key,
    username        varchar(64)  not null,
    password_hash   text         not null,             -- DelegatingPasswordEncoder: '{bcrypt}...'
    display_name    text         not null,
    role            varchar(24)  not null check (role in ('SYSTEM_ADMIN', 'PROVINCE_OFFICER', 'DISTRICT_OFFICER',
                        'COMMUNE_OFFICER', 'REVIEWER', 'LEADER', 'PARTNER', 'AUDITOR')),
    view_nation     boolean      not null default false,
    capture_nation  boolean      not null default false,
    disabled        boolean      not null default false,
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    demo            boolean      not null default false, -- created by the demo seed; demo password
    version         integer      not null default 0,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint app_user_username check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);
create unique index app_user_username_unique on app_user (username);

create table user_scope (
    user_id  bigint      not null references app_user (id),
    kind     varchar(8)  not null check (kind in ('VIEW', 'CAPTURE')),
    unit_id  bigint      not null references admin_unit (id),
    primary key (user_id, kind, unit_id)
);

-- Personal access tokens: only a SHA-256 of the random token is stored (a fast hash is
-- right for a 256-bit random secret, and it keeps per-request cost at one index lookup).
create table access_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id),
    name         text        not null,
    token_hash   bytea       not null,
    prefix       varchar(12) not null,                -- first characters, to recognise a token
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create unique index access_token_hash on access_token (token_hash);
create index access_token_user on access_token (user_id);

-- Audit search by actor within a unit subtree and by time.
create index audit_event_path_at on audit_event (unit_path text_pattern_ops, at);
-- Belt and braces next to the V4 trigger: no role but the owner may change audit rows.
revoke update, delete, truncate on audit_event from public;
