#!/usr/bin/env bash
# Partitioning by province_code (issue 19 § 6, ADR 0054): does native declarative partitioning
# of household_assessment help a province's refresh scan, a province's load or dropping a demo
# province, and what does it cost a look-up by id? Copies household_assessment (the largest
# table) into a plain table and a table partitioned by list (province_code), both with the
# table's indexes, in a scratch schema bench_part of a database that holds the demo, times
# each step in both, and drops the schema. Read-only on the application's tables.
# Usage: PGHOST=localhost PGPORT=... PGUSER=postgres PGPASSWORD=... PGDATABASE=giamngheo \
#        bench/partitioning.sh [province code to load/drop, default 12]
# (the embedded database's superuser password is in <data dir>/pg/giamngheo-credentials.properties)
set -euo pipefail
P="${1:-12}"
echo "=== partitioning bench $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "postgresql: $(psql -Atc 'show server_version')"
echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rows: $(psql -Atc "select count(*) || ' assessments, ' || count(*) filter (where province_code = '$P') || ' in province $P, provinces ' || string_agg(distinct province_code, ',') from household_assessment")"
psql -q -v ON_ERROR_STOP=1 -v p="$P" <<'SQL' 2>&1 | grep -E '^(step|Time:)' | paste - - | sed -E 's/\tTime: ([0-9.]+) ms.*/\t\1 ms/'
\set QUIET on
drop schema if exists bench_part cascade;
create schema bench_part;
create table bench_part.plain (like household_assessment including defaults);
create table bench_part.part (like household_assessment including defaults) partition by list (province_code);
select format('create table bench_part.part_%s partition of bench_part.part for values in (%L)', c, c)
  from (select distinct province_code c from household_assessment) x \gexec
-- the indexes the application has (a partitioned table's unique keys must hold province_code)
create unique index on bench_part.plain (id);
create unique index on bench_part.plain (household_id, year);
create index on bench_part.plain (year, classification);
create index on bench_part.plain (province_code, year);
create unique index on bench_part.part (id, province_code);
create unique index on bench_part.part (household_id, year, province_code);
create index on bench_part.part (year, classification);
create index on bench_part.part (province_code, year);
-- other provinces first, then the measured province: "a province's load" into a table that holds others
insert into bench_part.plain select * from household_assessment where province_code <> :'p';
insert into bench_part.part select * from household_assessment where province_code <> :'p';
analyze bench_part.plain; analyze bench_part.part;
\timing on
\echo step load province plain
insert into bench_part.plain select * from household_assessment where province_code = :'p';
\echo step load province partitioned
insert into bench_part.part select * from household_assessment where province_code = :'p';
\timing off
analyze bench_part.plain; analyze bench_part.part;
checkpoint;
\timing on
-- the refresh reads a province's assessments per year and class
\echo step refresh scan plain
select count(*) from (select year, classification, count(*) from bench_part.plain where province_code = :'p' group by 1, 2) x;
\echo step refresh scan partitioned
select count(*) from (select year, classification, count(*) from bench_part.part where province_code = :'p' group by 1, 2) x;
\echo step refresh scan plain (again, warm)
select count(*) from (select year, classification, count(*) from bench_part.plain where province_code = :'p' group by 1, 2) x;
\echo step refresh scan partitioned (again, warm)
select count(*) from (select year, classification, count(*) from bench_part.part where province_code = :'p' group by 1, 2) x;
\timing off
create temp table ids as select id, household_id from household_assessment order by random() limit 2000;
\timing on
-- every page reads rows by id or household id today, without the province
\echo step 2000 look-ups by household id plain
select count(*) from ids i join lateral (select 1 from bench_part.plain a where a.household_id = i.household_id) x on true;
\echo step 2000 look-ups by household id partitioned
select count(*) from ids i join lateral (select 1 from bench_part.part a where a.household_id = i.household_id) x on true;
\echo step 2000 look-ups by household id and province partitioned
select count(*) from ids i join household_assessment h on h.id = i.id join lateral (select 1 from bench_part.part a where a.household_id = i.household_id and a.province_code = h.province_code) x on true;
-- dropping a demo province
\echo step drop province plain (delete)
delete from bench_part.plain where province_code = :'p';
\echo step drop province partitioned (drop partition)
select format('drop table bench_part.part_%s', :'p') \gexec
\timing off
drop schema bench_part cascade;
SQL
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
