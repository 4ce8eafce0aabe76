#!/usr/bin/env bash
# Stored figures benchmark (issue 19, ADR 0056). Not a test: prints figures, the machine and the load.
# For the province dashboard (last final year), the targets progress page and its API, the
# scorecard and the Alkire–Foster page of Quảng Nam: CPU per request (JVM + PostgreSQL, from
# /proc of both before and after DURATION of requests on one keep-alive connection, after a WARMUP), p50 and p99.
# Two modes on one application: "computed" (every request computes the figures as before issue 19:
# a 'figures' mark of every key is held in pending_work, which makes every read compute, at the cost
# of one more small query) and "stored" (the mark removed: figures read from storage).
# Usage: bench/figures.sh                       starts the jar on a fresh data dir with the demo (SIZE)
#        BASE=http://127.0.0.1:8304 DB_PORT=15504 APP_PID=<jvm pid> DATA_DIR=<giamngheo.db.data-dir> \
#          bench/figures.sh                     measures an application already running (embedded DB)
# Environment: SIZE (sample | full) PORT (18304) DB_PORT (15594) WARMUP (20s) DURATION (20s) JAR
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZE=${SIZE:-sample}
PORT=${PORT:-18304}
DB_PORT=${DB_PORT:-15594}
WARMUP=${WARMUP:-20s}
DURATION=${DURATION:-20s}
HZ=$(getconf CLK_TCK)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
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

measure() {  # name, path: CPU per request and latency at 1 keep-alive connection, after a warm-up
  local name=$1 path=$2 code pids before after out n cookie
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$SESSION" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  cookie=$(awk '$6 == "JSESSIONID" {print $6 "=" $7}' "$SESSION")
  # a browser keeps its connection; the JIT compiles the page's code in the warm-up (a cold JVM costs
  # several times more per request, and one curl per request measures the connection's set-up)
  wrk -t1 -c1 -d"$WARMUP" -H "Cookie: $cookie" "$BASE$path" >/dev/null
  pids=$(echo "$APP_PID"; postgres_pids "$DB_PORT")
  before=$(cpu_ticks $pids)
  out=$(wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path")
  after=$(cpu_ticks $pids)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$out" | grep -q "Non-2xx" && { echo "GET $path: $(echo "$out" | grep Non-2xx)" >&2; exit 1; }
  echo "$out" | awk -v name="$name" -v t=$((after - before)) -v hz="$HZ" -v n="$n" '
    $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
    END {printf "%-14s n=%d cpu=%.2f ms/request p50=%s p99=%s\n", name, n, t * 1000 / hz / n, p50, p99}'
}

run() {
  SESSION=$(login tinh.quangnam demo-giamngheo)
  QN=$(curl -fs -b "$SESSION" "$BASE/api/v1/units?code=49" | sed -n 's/^\[{"id":\([0-9]*\),.*/\1/p')
  RES=$(curl -fs -b "$SESSION" "$BASE/api/v1/resolutions" | sed -n 's/.*"id":\([0-9]*\),"code":"QNA-TU-2021-2025".*/\1/p')
  echo "# Quảng Nam unit $QN, resolution $RES; wrk, 1 keep-alive connection: $WARMUP warm-up, then $DURATION measured"
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
