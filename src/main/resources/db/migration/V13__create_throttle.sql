-- Growing delays for abuse controls (ADR 0019): one row per (limit, subject, client) that has
-- recently failed or posted. `level` leaks away over time; at `free` events or more the key is
-- delayed until `blocked_until`. Kept in the database so that a restart forgets nothing and two
-- application nodes share it; rows are deleted once `forget_at` has passed (bounded size).
create table throttle (
    name           varchar(32) not null,             -- the limit: 'login-account', 'login-client', 'complaint'
    subject        varchar(64) not null default '',  -- e.g. the user name tried ('' when the limit is per client)
    client         varchar(64) not null,             -- client address (IPv6: its /64), as the proxy reported it
    level          integer     not null,
    level_at       timestamptz not null,
    blocked_until  timestamptz,
    forget_at      timestamptz not null,
    primary key (name, subject, client)
);
create index throttle_forget_at on throttle (forget_at);

-- Accounts are no longer locked by failed logins (a stranger could lock anyone out); the
-- column stays for older readers and is cleared once. failed_logins keeps counting failures
-- since the last success, for the administrator.
update app_user set locked_until = null where locked_until is not null;
comment on column app_user.locked_until is 'unused since V13 (ADR 0019): failed logins delay the client, not the account';
