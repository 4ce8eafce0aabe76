-- The commune the uploader stated for the whole file (a commune's own list has no
-- commune column): the commune of every household row that names none. ADR 0026.
alter table import_job add column commune_code varchar(16);
