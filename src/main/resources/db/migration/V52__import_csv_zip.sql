-- ODK Central exports a form as a zip of CSV files (submissions, then one file per repeat group)
alter table import_job drop constraint import_job_format_check;
alter table import_job add constraint import_job_format_check check (format in ('XLSX', 'CSV', 'ZIP'));
