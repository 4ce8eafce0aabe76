-- A citizen ID already held by a living member outside the user's scope is not revealed to the
-- user (ADR 0017). The new record is written as if the number were free, but marked pending:
-- it does not count as the holder, and a transfer request goes to the unit that holds the
-- number. Its officers accept (the person moves: their record is voided, the new one holds the
-- number) or refuse with a reason (the number is taken off the new record).
alter table member add column cccd_pending boolean not null default false;
drop index member_cccd_unique;
-- One citizen ID, one living member record: records waiting on a transfer apart.
create unique index member_cccd_unique on member (cccd) where cccd is not null and not voided and not cccd_pending;
-- Look-ups by citizen ID (the list's search, duplicate checks) see pending records too.
create index member_cccd_living on member (cccd) where cccd is not null and not voided;
create index member_cccd_pending on member (id) where cccd_pending and not voided;

create table member_transfer (
    id                  uuid primary key default gen_random_uuid(),
    province_code       varchar(2)  not null,   -- the holder's province
    cccd                varchar(12) not null,
    member_id           uuid        not null references member (id),     -- the new, pending record
    household_id        uuid        not null references household (id),  -- its household
    unit_path           text        not null,                            -- its village
    requester_province  varchar(2)  not null,
    holder_member_id    uuid        not null references member (id),
    holder_household_id uuid        not null references household (id),
    holder_unit_path    text        not null,
    requested_by        text        not null,
    requested_at        timestamptz not null default now(),
    status              varchar(10) not null default 'OPEN'
        check (status in ('OPEN', 'ACCEPTED', 'REFUSED', 'WITHDRAWN')),
    decided_by          text,
    decided_at          timestamptz,
    reason              text,
    version             integer     not null default 0,
    constraint member_transfer_refusal check (status <> 'REFUSED' or reason is not null)
);
create unique index member_transfer_open on member_transfer (member_id) where status = 'OPEN';
create index member_transfer_holder on member_transfer (holder_unit_path text_pattern_ops) where status = 'OPEN';
create index member_transfer_requester on member_transfer (unit_path text_pattern_ops, decided_at);
