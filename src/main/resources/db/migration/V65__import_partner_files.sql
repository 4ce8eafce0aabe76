-- Issue 16, ADR 0037: partner files (VBSP loan extracts, social-insurance card lists, school
-- lists) go through the import jobs. A job says which kind of file it is; the ledger rows a
-- committed partner file wrote or corrected are listed in import_change (entity BENEFIT), with
-- the row before a correction, so that its revert voids what it created and puts back what it
-- corrected.
alter table import_job add column kind varchar(12) not null default 'SURVEY'
    check (kind in ('SURVEY', 'VBSP_LOANS', 'HI_CARDS', 'SCHOOL'));

alter table import_change drop constraint import_change_entity_type_check;
alter table import_change add constraint import_change_entity_type_check
    check (entity_type in ('HOUSEHOLD', 'MEMBER', 'ASSESSMENT', 'BENEFIT'));

