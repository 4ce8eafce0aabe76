-- Two-level approval before 1 July 2025 (issue 5, ADR 0011): a commune under a district
-- submits, the district approves (DISTRICT_APPROVED) or returns, then the province approves
-- or returns. After the reform the province approves the commune's submission directly.
alter table review_unit drop constraint review_unit_sign_off_check;
alter table review_unit alter column sign_off type varchar(20);
alter table review_unit add constraint review_unit_sign_off_check
    check (sign_off in ('OPEN', 'SUBMITTED', 'DISTRICT_APPROVED', 'RETURNED', 'APPROVED'));
alter table review_unit add column district_by text, add column district_at timestamptz;
