#!/usr/bin/env bash
# Stored figures benchmark (issue 19, ADR 0056). Not a test: prints figures, the machine and the load.
# For the province dashboard (last final year), the targets progress page and its API, the
# scorecard and the Alkire–Foster page of Quảng Nam: CPU per request (JVM + PostgreSQL, from
# /proc of both before and after REQUESTS sequential requests at 1 connection), p50 and p95.
# Two modes on one application: "computed" (every request computes the figures as before issue 19:
# a 'figures' mark of every key is held in pending_work, which makes every read compute, at the cost
# of one more small query) and "stored" (the mark removed: figures read from storage).
# Usage: bench/figures.sh                       starts the jar on a fresh data dir with the demo (SIZE)
#        BASE=http://127.0.0.1:8304 DB_PORT=15504 APP_PID=<jvm pid> DATA_DIR=<giamngheo.db.data-dir> \
#          bench/figures.sh                     measures an application already running (embedded DB)
# Environment: SIZE (sample | full) PORT (18304) DB_PORT (15594) REQUESTS (200) JAR
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZE=${SIZE:-sample}
PORT=${PORT:-18304}
DB_PORT=${DB_PORT:-15594}
REQUESTS=${REQUESTS:-200}
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d)
APP=""
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() {
  local data="$WORK/data"
  mkdir -p "$data"
  JAR=${JAR:-target/giamngheo.jar}
  [ -f "$JAR" ] || ./mvnw -q package -DskipTests
  local start
  start=$(date +%s)
  java -Xmx2g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --giamngheo.db.data-dir="$data/db" --giamngheo.db.embedded-port="$DB_PORT" \
    --giamngheo.demo.enabled=true --giamngheo.demo.size="$SIZE" \
    >"$data/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 1800); do
    grep -q "Aggregates of province 49" "$data/app.log" && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
    sleep 1
  done
  for _ in $(seq 1 300); do grep -q "Demo users created\|demo users" "$data/app.log" && break; sleep 1; done
  # the demo's own pending work (eligibility, aggregates, figures) done before measuring
  sleep 15
  echo "# demo $SIZE loaded in $(( $(date +%s) - start )) s (JVM start included)"
  BASE="http://127.0.0.1:$PORT"
  APP_PID=$APP
  DATA_DIR="$data/db"
}

# the embedded server needs a password (ADR 0015): the superuser's is in the data folder, owner-only
PSQL() {
  PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$DATA_DIR/pg/giamngheo-credentials.properties") \
    psql -h localhost -p "$DB_PORT" -U postgres -d giamngheo -At -c "$1"
}

login() {  # a page session (cookie jar) for a user
  local jar="$WORK/session-$1" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "$BASE/login"
  echo "$jar"
}

measure() {  # name, path: CPU per request and latency at 1 connection
  local name=$1 path=$2 f="$WORK/times-$1" code pids before after
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$SESSION" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  for _ in $(seq 1 20); do curl -fs -o /dev/null -b "$SESSION" "$BASE$path"; done
  pids=$(echo "$APP_PID"; postgres_pids "$DB_PORT")
  before=$(cpu_ticks $pids)
  : >"$f"
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -b "$SESSION" "$BASE$path" >>"$f"
  done
  after=$(cpu_ticks $pids)
  sort -n "$f" | awk -v n="$name" -v t=$((after - before)) -v hz="$HZ" -v r="$REQUESTS" \
    '{a[NR]=$1} END {printf "%-14s n=%d cpu=%.1f ms/request p50=%.1f ms p95=%.1f ms max=%.0f ms\n", n, NR, t*1000/hz/r, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}

run() {
  SESSION=$(login tinh.quangnam demo-giamngheo)
  QN=$(curl -fs -b "$SESSION" "$BASE/api/v1/units?code=49" | sed -n 's/^\[{"id":\([0-9]*\),.*/\1/p')
  RES=$(curl -fs -b "$SESSION" "$BASE/api/v1/resolutions" | sed -n 's/.*"id":\([0-9]*\),"code":"QNA-TU-2021-2025".*/\1/p')
  echo "# Quảng Nam unit $QN, resolution $RES; $REQUESTS sequential requests after 20 warm-up, 1 connection"
  for mode in computed stored; do
    if [ "$mode" = computed ]; then
      PSQL "insert into pending_work (kind, subject, created_at, next_attempt_at, last_error) values ('figures', '*', now(), 'infinity', 'bench/figures.sh: computed mode')" >/dev/null
    else
      PSQL "delete from pending_work where kind = 'figures' and last_error = 'bench/figures.sh: computed mode'" >/dev/null
    fi
    echo "## $mode — load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    measure dashboard "/dashboards?unit=$QN"
    measure progress "/targets/resolutions/$RES"
    measure progress-api "/api/v1/resolutions/$RES/progress"
    measure scorecard "/targets/resolutions/$RES/scorecard"
    measure af "/dashboards/af?unit=$QN"
    echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
}

machine_line
if [ -z "${BASE:-}" ]; then
  start_app
fi
[ -n "${APP_PID:-}" ] && [ -n "${DATA_DIR:-}" ] || { echo "give APP_PID (the JVM's pid) and DATA_DIR with BASE" >&2; exit 1; }
run
