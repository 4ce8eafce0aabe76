-- Issue 19 (stateless nodes, ADR 0052): what a node kept in its memory moves to PostgreSQL, so any
-- node serves any signed-in user and no proxy needs sticky sessions.

-- Spring Session JDBC's tables (its schema-postgresql.sql of spring-session-jdbc 4.1, unchanged
-- but for lower-case names): the session row and its attributes (the security context,
-- serialised). Expired rows are deleted by one node at a time (shared.jobs.OneRunner).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- When a user's role, scope or flags last changed (identity.UserChanges): a session signed in
-- before that reloads its principal on its next request, on whichever node it lands.
alter table app_user add column principal_changed_at timestamptz;
