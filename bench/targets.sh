#!/usr/bin/env bash
# Targets and analytics benchmark (issue 6). Not a test: prints figures and the machine.
#  1. full refresh of the aggregates of Quảng Nam (49) and Lai Châu (12), REFRESHES times each,
#     through POST /api/v1/analytics/refreshes (one transaction per province);
#  2. incremental refresh of one commune (Xã Dang) through the same service path;
#  3. server time of the dashboard page, the Alkire–Foster page (all households and one group), the progress page, the scorecard and the series API of
#     Quảng Nam: REQUESTS sequential requests each on loopback after a warm-up, p50 / p95 / max.
# Usage: bench/targets.sh                 starts the jar on a fresh data dir with the demo (SIZE)
#        BASE=http://127.0.0.1:8092 bench/targets.sh   measures an application already running
# Environment: SIZE (sample | full) PORT (18092) DB_PORT (54392) REQUESTS (100) REFRESHES (3)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-sample}
PORT=${PORT:-18092}
DB_PORT=${DB_PORT:-54392}
REQUESTS=${REQUESTS:-100}
REFRESHES=${REFRESHES:-3}
APP=""
if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  JAR=target/giamngheo.jar
  [ -f "$JAR" ] || ./mvnw -q package -DskipTests
  DATA=$(mktemp -d)
  start=$(date +%s)
  java -Xmx2g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --giamngheo.db.data-dir="$DATA" --giamngheo.db.embedded-port="$DB_PORT" \
    --giamngheo.demo.enabled=true --giamngheo.demo.size="$SIZE" >"$DATA/app.log" 2>&1 &
  APP=$!
  cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$DATA"; }
  trap cleanup EXIT
  for _ in $(seq 1 900); do
    grep -q "Aggregates of province 49" "$DATA/app.log" && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$DATA/app.log"; exit 1; }
    sleep 1
  done
  for _ in $(seq 1 120); do grep -q "Demo users created\|demo users" "$DATA/app.log" && break; sleep 1; done
  echo "# demo $SIZE loaded and aggregated in $(( $(date +%s) - start )) s (JVM start included)"
  grep "Aggregates of province" "$DATA/app.log" | sed 's/.*Aggregates/# at start: Aggregates/'
fi
DATA=${DATA:-$(mktemp -d)}

token_for() {
  local user=$1 password=$2 jar="$DATA/cookies-$1" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$BASE/login"
  csrf=$(curl -fs -b "$jar" -c "$jar" "$BASE/account" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench","days":1}' "$BASE/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
login() {  # a page session (cookie jar) for a user
  local jar="$DATA/session-$1" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "$BASE/login"
  echo "$jar"
}
SESSION=$(login tinh.quangnam demo-giamngheo)
TOKEN=$(token_for tinh.quangnam demo-giamngheo)
LC_TOKEN=$(token_for tinh.laichau demo-giamngheo)
[ -n "$TOKEN" ] || { echo "no token for tinh.quangnam" >&2; exit 1; }
auth=(-H "Authorization: Bearer $TOKEN")

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
QN=$(curl -fs "${auth[@]}" "$BASE/api/v1/units?code=49" | sed -n 's/^\[{"id":\([0-9]*\),.*/\1/p')
RES=$(curl -fs "${auth[@]}" "$BASE/api/v1/resolutions" | sed -n 's/.*"id":\([0-9]*\),"code":"QNA-TU-2021-2025".*/\1/p')
echo "# Quảng Nam unit $QN, resolution $RES"

echo "## full refresh (s): province, communes, assessments, seconds"
for p in 49 12; do
  t=$TOKEN; [ "$p" = 12 ] && t=$LC_TOKEN
  for _ in $(seq 1 "$REFRESHES"); do
    curl -fs -X POST -H "Authorization: Bearer $t" "$BASE/api/v1/analytics/refreshes?province=$p" \
      | sed 's/{"communes":\([0-9]*\),"assessments":\([0-9]*\),"seconds":\([0-9.]*\)}/'"$p"' \1 \2 \3/'
    echo
  done
done

measure() {  # name, path
  local name=$1 path=$2 f="$DATA/times-$1" code
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$SESSION" "$BASE$path")
  [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  for _ in $(seq 1 10); do curl -fs -o /dev/null -b "$SESSION" "$BASE$path"; done
  : >"$f"
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -b "$SESSION" "$BASE$path" >>"$f"
  done
  sort -n "$f" | awk -v n="$name" '{a[NR]=$1} END {p50=a[int(NR*0.5)]; p95=a[int(NR*0.95)]; printf "%-12s n=%d p50=%.0f ms p95=%.0f ms max=%.0f ms\n", n, NR, p50*1000, p95*1000, a[NR]*1000}'
}
echo "## server time on loopback, $REQUESTS sequential requests after 10 warm-up"
measure dashboard "/dashboards?unit=$QN"
measure af "/dashboards/af?unit=$QN"
measure af-group "/dashboards/af?unit=$QN&group=ETHNIC_MINORITY"
measure progress "/targets/resolutions/$RES"
measure scorecard "/targets/resolutions/$RES/scorecard"
measure series "/api/v1/analytics/series?unit=$QN&group=MOUNTAIN"
measure children "/api/v1/analytics/children?unit=$QN&year=2025"
