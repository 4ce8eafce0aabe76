-- ODK Central exports a form as a zip of CSV files (submissions, then one file per repeat group)
alter table import_job drop constraint import_job_format_check;
alter table import_job add constraint import_job_format_check check (format in ('XLSX', 'CSV', 'ZIP'));

-- households of the file the uploader said are not the household their head's name, date of birth
-- and village matched: the next dry run creates them as new households
alter table import_job add column separate_codes text[] not null default '{}';
