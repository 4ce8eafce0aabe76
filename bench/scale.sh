#!/usr/bin/env bash
# One row of the scaling curve (issue 19 § 5). Starts the jar on a fresh, throw-away data dir with
# the demo at SHARE of its full size (0.1 = sample, 1 = full ≈525k households, 2, 4), and measures:
#   load      first start until the demo review is open (demo load, eligibility, reform, aggregates)
#   disk      pg_database_size and the largest tables (with their indexes)
#   refresh   one full aggregate refresh of the largest province (POST /api/v1/analytics/refreshes)
#   commune   a commune's list page (the commune with households nearest the median)
#   dashboard the province dashboard
#   search    a province-wide name search page ("nguyen van")
# Pages: REQUESTS sequential requests at one connection after 10 warm-ups, p50/p95 of the client
# time and the CPU per request (JVM + every PostgreSQL process, from /proc, 10 ms ticks).
# Prints the machine, the load average before and after, the date and one table row.
# Usage: bench/scale.sh <share>     e.g. bench/scale.sh 0.1 | 1 | 2 | 4
# Environment: PORT (8305) DB_PORT (15505) REQUESTS (50) KEEP=1 keeps the data dir
#              DATA=<dir> measures a data dir loaded earlier at that share (kept; its load time is not measured)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARE=${1:?usage: bench/scale.sh <share such as 0.1, 1, 2 or 4>}
PORT=${PORT:-8305}
DB_PORT=${DB_PORT:-15505}
REQUESTS=${REQUESTS:-50}
BASE="http://127.0.0.1:$PORT"
JAR=target/giamngheo.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
. bench/lib.sh
REUSED=${DATA:+1}
if [ -n "$REUSED" ]; then
  [ -d "$DATA/pg" ] || { echo "DATA=$DATA holds no loaded database" >&2; exit 1; }
  KEEP=1
else
  DATA=$(mktemp -d /tmp/giamngheo-scale.XXXXXX)
fi
LOG="$DATA/app-scale.log"
echo "# date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "# load average before: $LOAD_BEFORE"
start=$(date +%s.%N)
# a copy of the jar: a build during the run (./mvnw verify) does not pull it from under the application
cp "$JAR" "$DATA/app.jar"
java -Xmx2g -jar "$DATA/app.jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --giamngheo.db.data-dir="$DATA" --giamngheo.db.embedded-port="$DB_PORT" --giamngheo.backup.enabled=false \
  --giamngheo.demo.enabled=true --giamngheo.demo.size="$SHARE" >"$LOG" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$DATA"; else echo "# data kept in $DATA"; fi
}
trap cleanup EXIT
if [ -n "$REUSED" ]; then
  wait_data_loaded "$BASE" 1800
  LOAD_S=""
  echo "# data dir loaded earlier ($DATA): start until the data is ready $(echo "$(date +%s.%N) - $start" | bc | cut -d. -f1) s"
else
  for _ in $(seq 1 14400); do
    grep -q "Demo review .* opened\|Demo data could not be loaded" "$LOG" && break
    kill -0 "$APP" 2>/dev/null || { echo "the application stopped:" >&2; tail -30 "$LOG" >&2; exit 1; }
    sleep 1
  done
  grep -q "Demo data could not be loaded" "$LOG" && { echo "demo load failed:" >&2; tail -30 "$LOG" >&2; exit 1; }
  LOAD_S=$(echo "$(date +%s.%N) - $start" | bc)
  DEMO_LOAD=$(grep -o 'Demo load: [^"]*' "$LOG" | head -1)
  echo "# first start until the demo review is open: ${LOAD_S%.*} s ($DEMO_LOAD)"
fi

# the embedded server's superuser (ADR 0015), for sizes and the ids of the measured units
export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$DATA/pg/giamngheo-credentials.properties")
PSQL="psql -h localhost -p $DB_PORT -U postgres -d giamngheo -At"
PROVINCE=$($PSQL -c "select province_code from household group by 1 order by count(*) desc limit 1")
PROVINCE_ID=$($PSQL -c "select id from admin_unit where level = 'province' and code = '$PROVINCE' and valid_to is null order by edition desc limit 1")
read -r COMMUNE COMMUNE_N <<<"$($PSQL -F ' ' -c "with c as (select commune_id, count(*) n from household where province_code = '$PROVINCE' and not voided group by 1)
  select commune_id, n from c order by abs(n - (select percentile_disc(0.5) within group (order by n) from c)), commune_id limit 1")"
HOUSEHOLDS=$($PSQL -c "select count(*) from household")
DB_SIZE=$($PSQL -c "select pg_database_size('giamngheo')")
echo "# province $PROVINCE (unit $PROVINCE_ID): $($PSQL -c "select count(*) from household where province_code = '$PROVINCE'") households; commune unit $COMMUNE: $COMMUNE_N"
echo "# largest tables (MB, with indexes):"
$PSQL -c "select c.relname, round(pg_total_relation_size(c.oid) / 1048576.0) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname = 'public' order by pg_total_relation_size(c.oid) desc limit 8" | sed 's/^/#   /; s/|/ /'

jar="$DATA/session"
csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=admin" \
  --data-urlencode "password=admin-giamngheo" --data-urlencode "_csrf=$csrf" "$BASE/login"
csrf=$(curl -fs -b "$jar" -c "$jar" "$BASE/account" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)

# CPU ticks (1/100 s) of the JVM and every process of the embedded server (postmaster and backends,
# plus what the postmaster reaped)
PM=$(head -1 "$DATA/pg/postmaster.pid")
ticks() {
  local t=0 p
  for p in "$APP" "$PM" $(pgrep -P "$PM"); do
    [ -r "/proc/$p/stat" ] || continue
    t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo $((t + $(sed 's/.*) //' "/proc/$PM/stat" | awk '{print $14 + $15}')))
}

# the fresh load's autovacuum/analyze would run during the measurements: do it now
$PSQL -c "vacuum analyze" >/dev/null
# the refresh answers when it is done: {"communes":..,"assessments":..,"seconds":..}
REFRESH=$(curl -fs -X POST -b "$jar" -H "X-CSRF-TOKEN: $csrf" "$BASE/api/v1/analytics/refreshes?province=$PROVINCE")
REFRESH_S=$(echo "$REFRESH" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
echo "# full aggregate refresh of province $PROVINCE: $REFRESH"
# the work the refresh queued (stored figures computed again) runs in the background: the pages are measured after it
# (at most 5 minutes; after a fresh load at 2x the demo's own queue can take longer)
for _ in $(seq 1 300); do
  [ "$($PSQL -c "select count(*) from pending_work where attempts < 5")" = 0 ] && break
  sleep 1
done
sleep 5
echo "# pending work left before the pages: $($PSQL -c "select coalesce(string_agg(kind || ' ' || n, ', '), 'none')
  from (select kind, count(*) n from pending_work where attempts < 5 group by kind) k"); load average $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # path → "p50 p95 cpu" (ms)
  local path=$1 f="$DATA/times" code before after
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  for _ in $(seq 1 10); do curl -fs -o /dev/null -b "$jar" "$BASE$path"; done
  : >"$f"
  before=$(ticks)
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -b "$jar" "$BASE$path" >>"$f"
  done
  after=$(ticks)
  sort -n "$f" | awk -v cpu="$(( (after - before) * 10 ))" -v n="$REQUESTS" '{a[NR]=$1}
    END {i95=int(NR*0.95); if (i95<1) i95=1; printf "%.1f %.1f %.1f", a[int((NR+1)/2)]*1000, a[i95]*1000, cpu/n}'
}
read -r C50 C95 CCPU <<<"$(measure "/households?unit=$COMMUNE")"
read -r D50 D95 DCPU <<<"$(measure "/dashboards?unit=$PROVINCE_ID")"
read -r S50 S95 SCPU <<<"$(measure "/households?unit=$PROVINCE_ID&q=nguyen%20van")"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# times in ms: p50 / p95 at one connection ($REQUESTS requests), CPU per request (JVM + PostgreSQL)"
echo "| share | households | load (s) | database (MB) | refresh (s) | commune page p50/p95/CPU | dashboard p50/p95/CPU | name search p50/p95/CPU | load avg |"
LOAD_CELL="(loaded earlier)"
[ -z "$LOAD_S" ] || LOAD_CELL=$(printf '%.0f' "$LOAD_S")
printf '| %s | %d | %s | %d | %.1f | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s → %s |\n' "$SHARE" "$HOUSEHOLDS" \
  "$LOAD_CELL" "$((DB_SIZE / 1048576))" "$REFRESH_S" "$C50" "$C95" "$CCPU" "$D50" "$D95" "$DCPU" "$S50" "$S95" "$SCPU" \
  "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
