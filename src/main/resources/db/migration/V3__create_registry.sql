create extension if not exists pg_trgm;

-- The 54 ethnic groups of Viet Nam with their GSO codes (Quyết định 121-TCTK/PPCĐ, 1979).
create table ethnicity (
    code    varchar(2) primary key,
    name    text not null,
    name_en text not null
);
insert into ethnicity (code, name, name_en) values
('01','Kinh','Kinh'),('02','Tày','Tay'),('03','Thái','Thai'),('04','Hoa','Hoa'),('05','Khơ-me','Khmer'),
('06','Mường','Muong'),('07','Nùng','Nung'),('08','Mông','Hmong'),('09','Dao','Dao'),('10','Gia-rai','Gia Rai'),
('11','Ngái','Ngai'),('12','Ê-đê','Ede'),('13','Ba-na','Ba Na'),('14','Xơ-đăng','Xo Dang'),('15','Sán Chay','San Chay'),
('16','Cơ-ho','Co Ho'),('17','Chăm','Cham'),('18','Sán Dìu','San Diu'),('19','Hrê','Hre'),('20','Mnông','Mnong'),
('21','Ra-glai','Ra Glai'),('22','Xtiêng','Xtieng'),('23','Bru-Vân Kiều','Bru-Van Kieu'),('24','Thổ','Tho'),('25','Giáy','Giay'),
('26','Cơ-tu','Co Tu'),('27','Giẻ-Triêng','Gie Trieng'),('28','Mạ','Ma'),('29','Khơ-mú','Kho Mu'),('30','Co','Co'),
('31','Ta-ôi','Ta Oi'),('32','Chơ-ro','Cho Ro'),('33','Kháng','Khang'),('34','Xinh-mun','Xinh Mun'),('35','Hà Nhì','Ha Nhi'),
('36','Chu-ru','Chu Ru'),('37','Lào','Lao'),('38','La Chí','La Chi'),('39','La Ha','La Ha'),('40','Phù Lá','Phu La'),
('41','La Hủ','La Hu'),('42','Lự','Lu'),('43','Lô Lô','Lo Lo'),('44','Chứt','Chut'),('45','Mảng','Mang'),
('46','Pà Thẻn','Pa Then'),('47','Cơ Lao','Co Lao'),('48','Cống','Cong'),('49','Bố Y','Bo Y'),('50','Si La','Si La'),
('51','Pu Péo','Pu Peo'),('52','Brâu','Brau'),('53','Ơ Đu','O Du'),('54','Rơ-măm','Ro Mam');

-- Households (hộ). Every table that hangs off a household carries province_code so the schema
-- can be sharded by province. Rows are voided with a reason, never deleted.
create table household (
    id                uuid primary key default gen_random_uuid(),
    province_code     varchar(2)  not null,
    code              varchar(32) not null,
    commune_id        bigint      not null references admin_unit (id),
    village_id        bigint      not null references admin_unit (id),
    unit_path         text        not null,      -- materialised path of the village: the scope filter
    head_name         text        not null,
    head_name_norm    text        not null,      -- folded: lower case, no diacritics
    address           text,
    urban             boolean     not null,      -- area type for the thresholds (thành thị / nông thôn)
    ethnic_minority   boolean     not null default false,
    social_protection boolean     not null default false, -- đối tượng bảo trợ xã hội
    meritorious       boolean     not null default false, -- người có công
    phone             varchar(15),
    status            varchar(12) not null default 'ACTIVE'
        check (status in ('ACTIVE', 'MOVED', 'MERGED', 'SPLIT', 'DISSOLVED')),
    synthetic         boolean     not null default false,
    version           integer     not null default 0,
    voided            boolean     not null default false,
    void_reason       text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint household_code_unique unique (code),
    constraint household_void_reason check (not voided or void_reason is not null)
);
create index household_commune on household (commune_id, village_id);
create index household_village on household (village_id);
create index household_path on household (unit_path text_pattern_ops);
create index household_head_trgm on household using gin (head_name_norm gin_trgm_ops);

-- Members (nhân khẩu).
create table member (
    id               uuid primary key default gen_random_uuid(),
    household_id     uuid        not null references household (id),
    province_code    varchar(2)  not null,
    full_name        text        not null,
    full_name_norm   text        not null,
    sex              char(1)     not null check (sex in ('M', 'F')),
    date_of_birth    date        not null,
    ethnicity_code   varchar(2)  not null references ethnicity (code),
    relation         varchar(16) not null
        check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'CHILD_IN_LAW', 'OTHER')),
    cccd             varchar(12) check (cccd ~ '^[0-9]{12}$'),
    phone            varchar(15),
    education_level  varchar(24) not null default 'NONE',
    in_school        boolean     not null default false,
    employment       varchar(24) not null default 'NOT_WORKING',
    health_insurance boolean     not null default false,
    hi_valid_to      date,
    disability       boolean     not null default false,
    social_allowance boolean     not null default false,
    malnourished     boolean     not null default false,
    ill_no_care      boolean     not null default false,
    pregnant         boolean     not null default false,
    sort_order       smallint    not null default 0,
    version          integer     not null default 0,
    voided           boolean     not null default false,
    void_reason      text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint member_void_reason check (not voided or void_reason is not null)
);
create index member_household on member (household_id);
-- One citizen ID, one living member record: a person cannot be in two households.
create unique index member_cccd_unique on member (cccd) where cccd is not null and not voided;
create index member_name_trgm on member using gin (full_name_norm gin_trgm_ops);

-- Per-year assessment snapshot: the facts the standards need and the recognised classification
-- of that year. "year" is the review year: the review of late year N decides the list used in
-- year N+1, under the standard standard_key. History is never overwritten.
create table household_assessment (
    id                uuid primary key default gen_random_uuid(),
    household_id      uuid        not null references household (id),
    province_code     varchar(2)  not null,
    year              smallint    not null,
    standard_key      varchar(24) not null,
    survey_date       date,
    member_count      smallint    not null,
    income_per_capita bigint,                       -- integer VND per person per month
    score_a           integer,
    score_b           integer,
    housing_quality   varchar(16),
    floor_area_m2     numeric(8, 1),
    water_source      varchar(24),
    latrine           varchar(24),
    telecom_use       boolean,
    internet_use      boolean,
    info_devices      boolean,
    loudspeaker_reach boolean,
    waste_handling    varchar(20),
    deprivations      text[]      not null default '{}',
    deprivation_count smallint    not null default 0,
    classification    varchar(16) not null
        check (classification in ('POOR', 'NEAR_POOR', 'MIDDLE', 'ABOVE_MIDDLE', 'NOT_POOR')),
    poor_subtype      varchar(20) check (poor_subtype in ('INCOME_POOR', 'DEPRIVATION_POOR')),
    recognised        boolean     not null default true,
    decision_no       text,
    decision_date     date,
    source            varchar(12) not null default 'MANUAL' check (source in ('DEMO', 'REVIEW', 'IMPORT', 'MANUAL')),
    facts             jsonb,
    explanation       jsonb,
    version           integer     not null default 0,
    created_at        timestamptz not null default now(),
    constraint assessment_year unique (household_id, year)
);
create index assessment_year_class on household_assessment (year, classification);
