#!/usr/bin/env bash
# Early-warning bench (issue 17 item 4, ADR 0042). Not a test: prints figures and the machine.
#  For each demo province (Lai Châu as tinh.laichau, Thành phố Đà Nẵng / Quảng Nam as tinh.quangnam):
#   1. the backtest of every year that has a year before it: households that became poor in Y (fell back or
#      newly poor), how many were in the top tenth of the list of Y−1, the share, the base rate and the lift,
#      with the server time of the call;
#   2. the server time of the first page of the province's list (API, 50 rows) and of the page /exits/warnings.
# Usage: bench/warning-backtest.sh                 starts the jar on a fresh data dir with the demo (SIZE)
#        BASE=http://127.0.0.1:8303 bench/warning-backtest.sh   measures an application already running
# Environment: SIZE (sample | full) PORT (8303) DB_PORT (15503)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-sample}
PORT=${PORT:-8303}
DB_PORT=${DB_PORT:-15503}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
APP=""
DATA=$(mktemp -d)
if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  JAR=target/giamngheo.jar
  [ -f "$JAR" ] || ./mvnw -q package -DskipTests
  start=$(date +%s)
  java -Xmx2g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --giamngheo.db.data-dir="$DATA/db" --giamngheo.db.embedded-port="$DB_PORT" \
    --giamngheo.demo.enabled=true --giamngheo.demo.size="$SIZE" >"$DATA/app.log" 2>&1 &
  APP=$!
  cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$DATA"; }
  trap cleanup EXIT
  for _ in $(seq 1 1800); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" = "200" ] && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$DATA/app.log"; exit 1; }
    sleep 2
  done
  . bench/lib.sh
  wait_data_loaded "$BASE" 3600   # the demo loads after sign-in opens (ADR 0055)
  echo "# demo $SIZE loaded in $(( $(date +%s) - start )) s (JVM start included)"
else
  trap 'rm -rf "$DATA"' EXIT
fi

login() {  # a page session (cookie jar) for a user
  local jar="$DATA/session-$1" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "$BASE/login"
  echo "$jar"
}
num() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" | head -1; }
pct() { [ "$1" = "null" ] && echo "—" || awk -v v="$1" 'BEGIN { printf "%.1f %%", v * 100 }'; }

bench() {  # user first-year last-year
  local jar body t unit
  jar=$(login "$1" demo-giamngheo)
  body=$(curl -fs -b "$jar" -w '\n%{time_total}' "$BASE/api/v1/early-warnings?size=50")
  t=$(echo "$body" | tail -1)
  unit=$(echo "$body" | head -1 | sed -n 's/.*"unit":"\([^"]*\)".*/\1/p')
  echo "== $unit (as $1)"
  echo "list of this year, first page of 50 (API): $(printf '%.2f' "$t") s; listed $(echo "$body" | head -1 | num total) of $(echo "$body" | head -1 | num candidates) non-poor households"
  t=$(curl -fs -b "$jar" -o /dev/null -w '%{time_total}' "$BASE/exits/warnings")
  echo "page /exits/warnings: $(printf '%.2f' "$t") s"
  printf '%-6s %10s %8s %6s %7s %8s %9s %10s %6s %7s\n' year candidates listed top10 fell caught share base-rate lift seconds
  for y in $(seq "$2" "$3"); do
    body=$(curl -fs -b "$jar" -w '\n%{time_total}' "$BASE/api/v1/early-warnings/backtest?year=$y")
    t=$(echo "$body" | tail -1)
    b=$(echo "$body" | head -1)
    lift=$(echo "$b" | num lift)
    printf '%-6s %10s %8s %6s %7s %8s %9s %10s %6s %7s\n' "$y" "$(echo "$b" | num candidates)" \
      "$(echo "$b" | num listed)" "$(echo "$b" | num topTenth)" "$(echo "$b" | num fell)" "$(echo "$b" | num caught)" \
      "$(pct "$(echo "$b" | num share)")" "$(pct "$(echo "$b" | num baseRate)")" \
      "$([ "$lift" = "null" ] && echo "—" || printf '%.1f' "$lift")" "$(printf '%.2f' "$t")"
  done
}
bench tinh.laichau 2016 2020
bench tinh.quangnam 2017 2025
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
