-- Household review (rà soát hộ nghèo, hộ cận nghèo), Decision 24/2021/QĐ-TTg.
-- A periodic review of one province and year; the communes taking part; one row per listed
-- household with its step, survey (Phiếu B), Phiếu C, meeting result, posting, complaint
-- path and recognition. Every table carries province_code (sharding by province).

create table review (
    id            uuid primary key default gen_random_uuid(),
    province_code varchar(2)  not null,
    province_id   bigint      not null references admin_unit (id),
    province_path text        not null,
    year          smallint    not null,               -- review year; the list applies to year + 1
    standard_key  varchar(24) not null,               -- the standard that applies to year + 1
    window_from   date        not null,
    window_to     date        not null,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    version       integer     not null default 0,
    constraint review_window check (window_from <= window_to),
    constraint review_one_per_year unique (province_code, year)
);

create table review_unit (
    review_id        uuid        not null references review (id),
    commune_id       bigint      not null references admin_unit (id),
    province_code    varchar(2)  not null,
    unit_path        text        not null,
    sign_off         varchar(10) not null default 'OPEN'
        check (sign_off in ('OPEN', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    sign_off_reason  text,
    sign_off_by      text,
    sign_off_at      timestamptz,
    submitted_at     timestamptz,
    posted_from      date,
    posted_to        date,
    posting_places   text,
    decision_no      text,
    decision_date    date,
    decision_signer  text,
    certificate_seq  integer     not null default 0,
    version          integer     not null default 0,
    primary key (review_id, commune_id)
);
create index review_unit_path on review_unit (unit_path text_pattern_ops);

create table review_meeting (
    id            uuid primary key default gen_random_uuid(),
    review_id     uuid        not null references review (id),
    province_code varchar(2)  not null,
    commune_id    bigint      not null references admin_unit (id),
    village_id    bigint      not null references admin_unit (id),
    unit_path     text        not null,
    held_on       date        not null,
    chair         text        not null,
    attendees     integer     not null check (attendees > 0),
    supervisor    text,                                -- MTTQ representative invited to supervise
    note          text,
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index review_meeting_village on review_meeting (review_id, village_id);

create table review_household (
    id                uuid primary key default gen_random_uuid(),
    review_id         uuid        not null references review (id),
    household_id      uuid        not null references household (id),
    province_code     varchar(2)  not null,
    commune_id        bigint      not null references admin_unit (id),
    village_id        bigint      not null references admin_unit (id),
    unit_path         text        not null,
    origin            varchar(10) not null check (origin in ('LIST', 'REQUEST', 'SCREENED')),
    step              varchar(12) not null default 'LISTED'
        check (step in ('LISTED', 'SURVEYED', 'RESURVEY', 'AGREED', 'POSTED', 'RECOGNISED')),
    last_class        varchar(16),
    last_income       bigint,
    last_members      smallint,
    ever_poor         boolean     not null default false,  -- poor in a year before last year
    ever_near_poor    boolean     not null default false,
    reviewer          text,
    phieu_a           jsonb,
    survey_date       date,
    surveyed_by       text,
    way               varchar(6) check (way in ('INCOME', 'SCORE')),
    member_count      smallint,
    income_per_capita bigint,
    score_a           integer,
    score_b           integer,
    facts             jsonb,
    deprivations      text[]      not null default '{}',
    deprivation_count smallint,
    proposed_class    varchar(16),
    poor_subtype      varchar(20),
    explanation       jsonb,
    flags             text[]      not null default '{}',
    causes            text[]      not null default '{}',
    needs             text[]      not null default '{}',
    phieu_c_note      text,
    meeting_id        uuid references review_meeting (id),
    votes_agree       integer,
    final_class       varchar(16),
    transition        varchar(24),
    certificate_action varchar(8),
    certificate_no    text,
    version           integer     not null default 0,
    updated_at        timestamptz not null default now(),
    constraint review_household_once unique (review_id, household_id)
);
create index review_household_commune on review_household (review_id, commune_id, step);
create index review_household_village on review_household (review_id, village_id);
create index review_household_reviewer on review_household (reviewer, review_id);

-- Votes of a meeting, kept for its minutes (a household may be voted on again later).
create table review_vote (
    meeting_id          uuid        not null references review_meeting (id),
    review_household_id uuid        not null references review_household (id),
    province_code       varchar(2)  not null,
    agree               integer     not null check (agree >= 0),
    proposed_class      varchar(16) not null,
    result              varchar(16) not null check (result in ('AGREED', 'RESURVEY')),
    primary key (meeting_id, review_household_id)
);

create table review_complaint (
    id                  uuid primary key default gen_random_uuid(),
    tracking_no         text        not null unique,
    review_id           uuid        not null references review (id),
    review_household_id uuid        not null references review_household (id),
    province_code       varchar(2)  not null,
    commune_id          bigint      not null,
    unit_path           text        not null,
    received_on         date        not null,
    complainant         text        not null,
    content             text        not null,
    status              varchar(10) not null default 'RECEIVED' check (status in ('RECEIVED', 'ANSWERED')),
    recheck_class       varchar(16),
    outcome             varchar(8) check (outcome in ('UPHELD', 'CHANGED')),
    answer              text,
    answered_on         date,
    answered_by         text,
    version             integer     not null default 0
);
create index review_complaint_review on review_complaint (review_id, commune_id);

-- In-year review (rà soát thường xuyên): a household's request to enter (Mẫu số 01) or to
-- exit (Mẫu số 04), decided within the configured period, or refused with reasons.
create table review_request (
    id                uuid primary key default gen_random_uuid(),
    tracking_no       text        not null unique,
    household_id      uuid        not null references household (id),
    province_code     varchar(2)  not null,
    commune_id        bigint      not null references admin_unit (id),
    unit_path         text        not null,
    form              varchar(6)  not null check (form in ('MAU_01', 'MAU_04')),
    received_on       date        not null,
    due_on            date        not null,
    applicant         text        not null,
    reason            text        not null,
    step              varchar(12) not null default 'REQUESTED' check (step in ('REQUESTED', 'SURVEYED', 'RECOGNISED', 'REFUSED')),
    last_class        varchar(16),
    survey_date       date,
    way               varchar(6),
    income_per_capita bigint,
    score_a           integer,
    score_b           integer,
    proposed_class    varchar(16),
    explanation       jsonb,
    refusal_reason    text,
    decision_no       text,
    decision_date     date,
    transition        varchar(24),
    decided_by        text,
    version           integer     not null default 0,
    created_at        timestamptz not null default now()
);
create index review_request_commune on review_request (commune_id, received_on);
create index review_request_path on review_request (unit_path text_pattern_ops);
