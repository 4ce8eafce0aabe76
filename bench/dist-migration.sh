#!/usr/bin/env bash
# Cost of the distribution-column migrations (V74, V75; ADR 0053) on a database that holds the
# demo but has not run them yet: runs both files in one transaction with \timing and rolls
# back, so the database is left as it was. Prints the machine, load average and the slowest
# statements. Usage: PGHOST=... PGPORT=... PGUSER=postgres PGPASSWORD=... PGDATABASE=giamngheo \
#                    bench/dist-migration.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "=== distribution-column migration bench $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rows: $(psql -Atc "select (select count(*) from household) || ' households, ' || (select count(*) from household_assessment) || ' assessments, ' || (select count(*) from benefit_record) || ' ledger rows'")"
start=$(date +%s.%N)
{
  echo '\set ON_ERROR_STOP on'
  echo 'begin;'
  echo '\timing on'
  cat src/main/resources/db/migration/V74__carry_province_code_everywhere.sql \
      src/main/resources/db/migration/V75__province_code_in_keys.sql
  echo 'rollback;'
} | psql -q -e 2>&1 | tee "${TMPDIR:-/tmp}/dist-migration.log" | grep -E '^(ERROR|psql:)' || true
# each statement is echoed (-e) before its time: pair them, print the slowest
awk '/^Time:/ { printf "%10.0f ms  %s\n", $2, substr(last, 1, 110); next } /^[a-z]/ { last = $0 }' \
  "${TMPDIR:-/tmp}/dist-migration.log" | sort -rn | head -8 | sed 's/^/slowest: /'
echo "total seconds (both migrations, rolled back): $(echo "$(date +%s.%N) - $start" | bc)"
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
