#!/usr/bin/env bash
# Load test (issue 19 § 3). Signs in as the demo's users (commune, district and province officers) and replays a
# realistic mix with wrk + Lua (bench/load.lua): a commune's list page, household pages, the API list, a survey save
# (a real POST of the Phiếu B form with its CSRF token, each save changing the survey's note), the province
# dashboard, the targets progress page, a province-wide name search and an export. Prints requests/s, p50/p95/p99
# and errors per request type, the machine and the load average before and after; checks afterwards that every
# save really changed its survey (version and note read back through the API).
# Modes (MODES, default "closed think edits"):
#   closed  CONNECTIONS connections, no think time (wrk -t N -c N: one connection per thread)
#   think   USERS users, each waiting an exponentially distributed think time (mean THINK_MS) between requests
#   edits   EDITORS connections only saving surveys while READERS connections read the rest of the mix
#   cost    each request type alone at one connection (COST_DURATION, 10s): p50/p95 and CPU per request of the
#           application and of PostgreSQL (set DB_PORT when BASE is given)
#   refresh a full aggregate refresh of province REFRESH_PROVINCE (48, Thành phố Đà Nẵng) alone; then READERS
#           connections reading the mix (no saves) for DURATION alone, and again for DURATION while the same refresh
#           runs (started with them): the refresh's seconds alone and under the read load, and the readers' p50/p95
#           alone and during it (issue 19 § 2: within 30 s under 20 readers, readers' p95 up by at most a third).
#           Signs in as admin (ADMIN_PASSWORD, admin-giamngheo)
# Usage: bench/load.sh                                  starts target/giamngheo.jar on a fresh data dir (SIZE demo)
#        BASE=http://127.0.0.1:8303 bench/load.sh       targets an application already running (demo loaded)
# Environment: SIZE (sample | full) PORT (8303) DB_PORT (15503) DATA (a data dir to reuse) DURATION (60s)
#              WARMUP (15s) CONNECTIONS (50) USERS (200) THINK_MS (3000) READERS (20) EDITORS (2)
#              SESSIONS (50: sessions signed in per demo user; each connection uses its own)
#              REUSE_SESSIONS (the sessions.tsv of an earlier run kept with KEEP=1, while its sessions live)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZE=${SIZE:-sample}
PORT=${PORT:-8303}
DB_PORT=${DB_PORT:-15503}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-50}
USERS=${USERS:-200}
THINK_MS=${THINK_MS:-3000}
READERS=${READERS:-20}
SESSIONS=${SESSIONS:-50}
EDITORS=${EDITORS:-2}
MODES=${MODES:-closed think edits}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
WORK=$(mktemp -d)
APP=""
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  JAR=target/giamngheo.jar
  [ -f "$JAR" ] || ./mvnw -q package -DskipTests
  DATA=${DATA:-$WORK/data}
  start=$(date +%s)
  java -Xmx2g -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --giamngheo.db.data-dir="$DATA" --giamngheo.db.embedded-port="$DB_PORT" --giamngheo.backup.enabled=false \
    --giamngheo.demo.enabled=true --giamngheo.demo.size="$SIZE" >"$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$BASE/login" && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
    sleep 1
  done
  echo "# sign-in open after $(( $(date +%s) - start )) s (JVM start included)"
  wait_data_loaded "$BASE" 1800
  echo "# demo $SIZE loaded after $(( $(date +%s) - start )) s"
else
  wait_data_loaded "$BASE" 60
fi

login() {  # USER [JAR] → "JSESSIONID=…" of a fresh session signed in with the demo password
  local jar="${2:-$WORK/jar-$1}" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=${PASSWORD:-demo-giamngheo}" --data-urlencode "_csrf=$csrf" "$BASE/login"
  local id
  id=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1)
  [ -n "$id" ] || { echo "could not sign in as $1" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$id" "$BASE/api/v1/reviews")" = 200 ] \
    || { echo "sign-in as $1 gave no working session" >&2; exit 1; }
  echo "JSESSIONID=$id"
}
session_line() {  # USER SLOT → USER TAB SLOT TAB cookie TAB the session's CSRF token, URL-encoded
  local cookie token
  cookie=$(login "$1" "$WORK/jar-$1-$2")
  token=$(curl -fs -H "Cookie: $cookie" "$BASE/households" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$token" ] || { echo "no CSRF token for $1" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$cookie" "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$token")"
}
get() { curl -fs -H "Cookie: $1" -H 'Accept: application/json' "$BASE$2"; }
# py EXPR: reads JSON on stdin as `d`, prints EXPR
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
unit() {  # COOKIE CODE → id of the unit in force with that code
  get "$1" "/api/v1/units?code=$2" | py "next((u['id'] for u in d if str(u.get('edition'))=='2025'), d[0]['id'])"
}

USERS_SIGNED="xa.dang xa.silolau huyen.taygiang huyen.phongtho tinh.quangnam tinh.laichau"
declare -A COOKIE
for u in $USERS_SIGNED; do COOKIE[$u]=$(login "$u"); done
QN=$(unit "${COOKIE[tinh.quangnam]}" 48)
LC=$(unit "${COOKIE[tinh.laichau]}" 12)
TG=$(unit "${COOKIE[xa.dang]}" 20455)
SL=$(unit "${COOKIE[xa.silolau]}" 03562)
RES=$(get "${COOKIE[tinh.quangnam]}" /api/v1/resolutions | py "next(r['id'] for r in d if r['code']=='QNA-TU-2021-2025')")
RES_LC=$(get "${COOKIE[tinh.laichau]}" /api/v1/resolutions | py "d[0]['id']")
echo "# units: Đà Nẵng (Quảng Nam) $QN, Lai Châu $LC, Xã Tây Giang $TG, Xã Sì Lở Lầu $SL; resolutions $RES, $RES_LC"

PLAN="$WORK/plan.tsv"
: >"$PLAN"
read_line() { printf 'read\t%s\t%s\t%s\n' "$1" "$2" "$3" >>"$PLAN"; }
for pair in "xa.dang $TG" "huyen.taygiang $TG" "xa.silolau $SL" "huyen.phongtho $SL"; do
  set -- $pair
  read_line list "$1" "/households?unit=$2"
  read_line list "$1" "/households?unit=$2&classification=POOR"
  read_line api "$1" "/api/v1/households?unit=$2&year=2025"
  get "${COOKIE[$1]}" "/api/v1/households?unit=$2&size=100" | py "'\n'.join(h['id'] for h in d['items'])" \
    | while read -r id; do read_line household "$1" "/households/$id"; done
  VILLAGE=$(get "${COOKIE[$1]}" "/api/v1/households?unit=$2&size=1" | py "d['items'][0]['villageId']")
  read_line export tinh.$([ "$2" = "$TG" ] && echo quangnam || echo laichau) "/households/export?unit=$2&village=$VILLAGE"
done
read_line dashboard tinh.quangnam "/dashboards?unit=$QN"
read_line dashboard tinh.laichau "/dashboards?unit=$LC"
read_line progress tinh.quangnam "/targets/resolutions/$RES"
read_line progress tinh.laichau "/targets/resolutions/$RES_LC"
for q in nguyen%20van tran%20thi le%20thi%20hoa; do read_line search tinh.quangnam "/api/v1/households?unit=$QN&q=$q&size=20"; done
for q in lo%20van giang%20a%20pao; do read_line search tinh.laichau "/api/v1/households?unit=$LC&q=$q&size=20"; done
for t in list household api export dashboard progress search; do
  printf '# %-9s %4d targets\n' "$t" "$(awk -F'\t' -v t="$t" '$2 == t' "$PLAN" | wc -l)"
done

# the surveys to save: the review under way, EDIT_SURVEYS per commune (one per editing connection), read once;
# their versions are carried from run to run (each run's saves are checked, so the next version is known)
EDITS="$WORK/edits.tsv"
: >"$EDITS"
for pair in "xa.dang $TG" "xa.silolau $SL"; do
  set -- $pair
  c="${COOKIE[$1]}"
  review=$(get "$c" /api/v1/reviews | py "next(r['id'] for r in d if r['year']==2026)")
  get "$c" "/api/v1/reviews/$review/communes/$2/households?size=${EDIT_SURVEYS:-50}" | py "'\\n'.join(h['id'] for h in d)" \
    | while read -r rh; do
      [ -n "$rh" ] || continue
      curl -fs -H "Cookie: $c" "$BASE/reviews/households/$rh/survey" | python3 bench/load_form.py "$1" "/reviews/households/$rh/survey"
    done >>"$EDITS"
done
printf '# %-9s %4d targets\n' edit "$(wc -l <"$EDITS")"
edit_plan() { cat "$EDITS" >>"$1"; }

# one session per connection and user, as real officers hold (SESSIONS sets per user; connection i uses set
# i mod SESSIONS): no two requests in flight on one session, unless the think mode has more users than sets
SESSIONS_FILE="$WORK/sessions.tsv"
export BASE WORK PASSWORD
export -f login session_line
start=$(date +%s)
if [ -n "${REUSE_SESSIONS:-}" ]; then
  # the sessions of an earlier run (KEEP=1 keeps them in its work directory): signing in 300 sessions takes minutes
  cp "$REUSE_SESSIONS" "$SESSIONS_FILE"
  SESSIONS=$(awk -F'\t' '$2 > n {n = $2} END {print n}' "$SESSIONS_FILE")
  for c in $(cut -f3 "$SESSIONS_FILE" | sort -u | head -3); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $c" "$BASE/api/v1/reviews")" = 200 ] \
      || { echo "a session of $REUSE_SESSIONS has expired: sign in again (unset REUSE_SESSIONS)" >&2; exit 1; }
  done
else
  for u in $USERS_SIGNED; do for s in $(seq 1 "$SESSIONS"); do echo "$u $s"; done; done \
    | xargs -P 6 -n 2 bash -c 'session_line "$0" "$1"' >"$SESSIONS_FILE"
fi
[ "$(wc -l <"$SESSIONS_FILE")" = "$(( SESSIONS * $(wc -w <<<"$USERS_SIGNED") ))" ] || { echo "some sign-ins failed" >&2; exit 1; }
echo "# sessions: $SESSIONS per user, $(wc -l <"$SESSIONS_FILE") signed in after $(( $(date +%s) - start )) s"
verify_edits() {  # RESULT: each saved survey's version and note read back. A save still in flight when wrk
  # stopped may have landed after all: then the version is one more and the note the next one sent.
  local bad=0 total=0 saved=0 late=0
  while IFS=$'\t' read -r user path v0 ok note; do
    [ "$ok" -gt 0 ] || continue
    cookie=${COOKIE[$user]}
    total=$((total + 1)); saved=$((saved + ok))
    rh=$(sed 's#/reviews/households/\([^/]*\)/survey#\1#' <<<"$path")
    read -r v n < <(get "$cookie" "/api/v1/review-households/$rh" | py "str(d['version']) + ' ' + str(d.get('note'))")
    next="${note%-*}-$(( ${note##*-} + 1 ))"
    if [ "$v" = "$((v0 + ok + 1))" ] && [ "$n" = "$next" ]; then
      late=$((late + 1))
    elif [ "$v" != "$((v0 + ok))" ] || [ "$n" != "$note" ]; then
      bad=$((bad + 1)); echo "  survey $rh: expected version $((v0 + ok)) note $note, found $v $n" >&2
    fi
  done <"$1"
  echo "edits checked: $saved saves on $total surveys ($late more landed as wrk stopped), $bad surveys not as saved"
  [ "$bad" = 0 ]
}
carry_versions() {  # every survey's version read back (a save in flight when wrk stopped may have landed)
  while IFS=$'\t' read -r kind user path body version; do
    rh=$(sed 's#/reviews/households/\([^/]*\)/survey#\1#' <<<"$path")
    version=$(get "${COOKIE[$user]}" "/api/v1/review-households/$rh" | py "d['version']")
    printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$user" "$path" "$body" "$version"
  done <"$EDITS" >"$EDITS.new"
  mv "$EDITS.new" "$EDITS"
}

server_pids() {  # APP_PID: the application listening on BASE's port; PG_PIDS: PostgreSQL on DB_PORT (its
  # postmaster and the backends alive now). A process not found counts no CPU, and the run says so.
  APP_PID=$(ss -ltnpH "sport = :${BASE##*:}" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  PG_PIDS=$(postgres_pids "$DB_PORT" | xargs || true)
  [ -n "$APP_PID" ] && [ -n "$PG_PIDS" ] \
    || echo "(the application or PostgreSQL was not found: its CPU is not counted; set DB_PORT to the database's port)"
}

run() {  # MODE CONNECTIONS THINK EDITORS LABEL
  local mode=$1 c=$2 think=$3 editors=$4
  local plan="$WORK/plan-$mode.tsv"
  cp "$PLAN" "$plan"; edit_plan "$plan"
  echo
  echo "## $5"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local t0 a0 p0 w0 t1 a1 p1 w1
  server_pids
  t0=$(date +%s%N); a0=$(cpu_ticks $APP_PID); p0=$(cpu_ticks $PG_PIDS); children_ticks w0
  LOAD_SESSIONS="$SESSIONS_FILE" LOAD_RESULT="$WORK/result-$mode.tsv" wrk -t"$c" -c"$c" -d"$DURATION" --timeout 30s -s bench/load.lua "$BASE" \
    -- "$plan" "$mode" "$think" "$editors" | sed -n '/^type/,$p' | tee "$WORK/out-$mode.txt"
  t1=$(date +%s%N); a1=$(cpu_ticks $APP_PID); p1=$(cpu_ticks $PG_PIDS); children_ticks w1
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  # CPU per request: clock ticks (1/100 s) of the application, PostgreSQL (postmaster and its backends alive
  # at the end) and wrk, over the requests of the run
  local n
  n=$(awk '$1 == "ALL" {print $2}' "$WORK/out-$mode.txt")
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v w=$((w1 - w0)) -v n="${n:-0}" -v ns=$((t1 - t0)) -v cores="$(nproc)" 'BEGIN {
    if (n == 0) exit
    printf "CPU per request: application %.1f ms, PostgreSQL %.1f ms, wrk %.1f ms; cores busy %.0f %% of %d\n",
      a * 10 / n, p * 10 / n, w * 10 / n, (a + p + w) * 10 / (ns / 1e6) * 100 / cores, cores }'

  verify_edits "$WORK/result-$mode.tsv"
  carry_versions
}

cost() {  # each request type alone at one connection: latency and CPU per request (application, PostgreSQL)
  echo
  echo "## each type alone: 1 connection, ${COST_DURATION:-10s} per type"
  local t plan a0 p0 a1 p1
  server_pids
  printf '%-10s %7s %9s %9s %12s %12s\n' type n "p50 ms" "p95 ms" "app CPU ms" "pg CPU ms"
  for t in list household api search dashboard progress export edit; do
    plan="$WORK/plan-cost-$t.tsv"
    if [ "$t" = edit ]; then cp "$EDITS" "$plan"; else awk -F'\t' -v t="$t" '$2 == t' "$PLAN" >"$plan"; fi
    a0=$(cpu_ticks $APP_PID); p0=$(cpu_ticks $PG_PIDS)
    LOAD_SESSIONS="$SESSIONS_FILE" LOAD_RESULT="$WORK/result-cost.tsv" wrk -t1 -c1 -d"${COST_DURATION:-10s}" --timeout 30s \
      -s bench/load.lua "$BASE" -- "$plan" closed 0 0 >"$WORK/out-cost.txt"
    a1=$(cpu_ticks $APP_PID); p1=$(cpu_ticks $PG_PIDS)
    awk -v t="$t" -v a=$((a1 - a0)) -v p=$((p1 - p0)) '$1 == t {
      printf "%-10s %7d %9.1f %9.1f %12.1f %12.1f%s\n", t, $2, $4, $5, a * 10 / $2, p * 10 / $2, ($7 > 0) ? "  errors " $7 : "" }' \
      "$WORK/out-cost.txt"
    [ "$t" != edit ] || { verify_edits "$WORK/result-cost.tsv"; carry_versions; }
  done
}

refresh_post() {  # → the refresh's report: {"communes":..,"assessments":..,"seconds":..}
  curl -fs -X POST -H "Cookie: $ADMIN" -H "X-CSRF-TOKEN: $ADMIN_CSRF" "$BASE/api/v1/analytics/refreshes?province=${REFRESH_PROVINCE:-48}"
}
readers() {  # LABEL → wrk's table of READERS connections reading the mix (no saves) for DURATION
  cp "$PLAN" "$WORK/plan-read.tsv"
  LOAD_SESSIONS="$SESSIONS_FILE" LOAD_RESULT="$WORK/result-read.tsv" wrk -t"$READERS" -c"$READERS" -d"$DURATION" --timeout 30s \
    -s bench/load.lua "$BASE" -- "$WORK/plan-read.tsv" closed 0 0 | sed -n '/^type/,$p' >"$WORK/out-$1.txt"
}
refresh_mode() {
  ADMIN=$(PASSWORD=${ADMIN_PASSWORD:-admin-giamngheo} login admin "$WORK/jar-admin")
  ADMIN_CSRF=$(curl -fs -H "Cookie: $ADMIN" "$BASE/account" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  echo
  echo "## refresh under a read load: province ${REFRESH_PROVINCE:-48}; $READERS connections reading, $DURATION alone and $DURATION with the refresh"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local alone during pid
  alone=$(refresh_post)
  echo "refresh alone: $alone"
  readers alone
  echo "load average before the refresh under load: $(cut -d' ' -f1-3 /proc/loadavg)"
  refresh_post >"$WORK/refresh-during.json" &
  pid=$!
  readers during
  wait "$pid"
  during=$(cat "$WORK/refresh-during.json")
  echo "refresh under the read load: $during"
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "readers alone:"
  cat "$WORK/out-alone.txt"
  echo "readers during the refresh (the first $DURATION of it):"
  cat "$WORK/out-during.txt"
  awk -v a="$alone" -v d="$during" '
    FNR == 1 { f++ } $1 == "ALL" { p95[f] = $5 }
    END {
      sa = a; sub(/.*"seconds":/, "", sa); sub(/[,}].*/, "", sa)
      sd = d; sub(/.*"seconds":/, "", sd); sub(/[,}].*/, "", sd)
      printf "refresh: %.1f s alone, %.1f s under %s readers (goal 30 s); readers p95 %.1f ms alone, %.1f ms during (%+.0f %%, goal at most +33 %%)\n",
        sa, sd, "'"$READERS"'", p95[1], p95[2], (p95[2] / p95[1] - 1) * 100 }' "$WORK/out-alone.txt" "$WORK/out-during.txt"
}

echo "# $(machine)"
echo "# warm-up: the mix for $WARMUP at 8 connections (JIT, caches); not reported"
cp "$PLAN" "$WORK/plan-warm.tsv"; edit_plan "$WORK/plan-warm.tsv"
LOAD_SESSIONS="$SESSIONS_FILE" LOAD_RESULT="$WORK/result-warm.tsv" wrk -t8 -c8 -d"$WARMUP" --timeout 30s -s bench/load.lua "$BASE" -- "$WORK/plan-warm.tsv" closed 0 0 >/dev/null
carry_versions
for m in $MODES; do
  case $m in
    closed) run closed "$CONNECTIONS" 0 0 "closed loop: $CONNECTIONS connections, no think time, $DURATION" ;;
    think) run think "$USERS" "$THINK_MS" 0 "users with think time: $USERS users, exponential think time mean $THINK_MS ms, $DURATION" ;;
    cost) cost ;;
    refresh) refresh_mode ;;
    edits) run edits "$((READERS + EDITORS))" 0 "$EDITORS" "edits under a full read load: $EDITORS connections saving surveys, $READERS reading, $DURATION" ;;
    *) echo "unknown mode $m (closed | think | edits | cost | refresh)" >&2; exit 1 ;;
  esac
done
echo
echo "# $(machine)"
