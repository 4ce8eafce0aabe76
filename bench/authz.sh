#!/usr/bin/env bash
# Authorisation + audit cost on a scoped list API: requests/s as the nation-scoped admin vs a
# scoped user, each with a bearer token, on loopback with wrk. Goal: scoped >= 90% of admin.
#
# Usage: bench/authz.sh [URL_PATH]
#   URL_PATH      default /api/v1/households?size=50; if that answers 404 (not built yet) the
#                 script falls back to /api/v1/audit-events?unit=20464@2024&size=50.
# Environment:    PORT (18081) DB_PORT (54391) DURATION (15s) CONNECTIONS (8) THREADS (1)
#                 SCOPED_USER (xa.dang, commune officer of Xã Dang) ROUNDS (4) WARMUP (10s)
#                 JAR (target/giamngheo.jar; another build to compare before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18081}
DB_PORT=${DB_PORT:-54391}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-4}
WARMUP=${WARMUP:-10s}
URL_PATH=${1:-${URL_PATH:-/api/v1/households?size=50}}
SCOPED_USER=${SCOPED_USER:-xa.dang}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
JAR=${JAR:-target/giamngheo.jar}   # JAR=other.jar compares another build on the same machine
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
DATA=$(mktemp -d)
java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --giamngheo.db.data-dir="$DATA" --giamngheo.db.embedded-port="$DB_PORT" \
  --giamngheo.demo.enabled=true --giamngheo.backup.enabled=false --logging.level.vn.giamngheo.security=warn >"$DATA/app.log" 2>&1 &
APP=$!
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$BASE/login" && break
  kill -0 "$APP" 2>/dev/null || { cat "$DATA/app.log"; exit 1; }
  sleep 1
done
for _ in $(seq 1 120); do   # demo users are created (bcrypt) just after the server starts
  grep -q "Demo users created" "$DATA/app.log" && break
  sleep 1
done
. bench/lib.sh
wait_data_loaded "$BASE"   # the demo loads after sign-in opens (ADR 0055)

# Logs in with the form (CSRF token from the page) and issues a personal access token.
token_for() {
  local user=$1 password=$2 jar="$DATA/cookies-$1" csrf
  csrf=$(curl -fs -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$BASE/login"
  csrf=$(curl -fs -b "$jar" -c "$jar" "$BASE/account" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench","days":1}' "$BASE/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

ADMIN_TOKEN=$(token_for admin admin-giamngheo)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE$URL_PATH")
if [ "$status" = 404 ]; then
  echo "# $URL_PATH answers 404 (not built in this tree): measuring the audit-event list instead" >&2
  URL_PATH="/api/v1/audit-events?unit=20464@2024&size=50"
  # The audit list is for auditors: a commune-scoped auditor stands in for the officer.
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"username":"bench.auditor","role":"AUDITOR","password":"bench-password-1","viewUnits":["20464@2024"]}' \
    "$BASE/api/v1/users"
  SCOPED_USER=bench.auditor; SCOPED_PASSWORD=bench-password-1
fi
SCOPED_TOKEN=$(token_for "$SCOPED_USER" "${SCOPED_PASSWORD:-demo-giamngheo}")
for t in "$ADMIN_TOKEN" "$SCOPED_TOKEN"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$BASE$URL_PATH")
  [ "$code" = 200 ] || { echo "GET $URL_PATH answered $code" >&2; exit 1; }
done

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -H "Authorization: Bearer $1" "$BASE$URL_PATH" \
  | awk '/Requests\/sec/ {print $2}'; }
# warm-up (JIT): both users, alternating
for _ in 1 2; do rps "$ADMIN_TOKEN" "$WARMUP" >/dev/null; rps "$SCOPED_TOKEN" "$WARMUP" >/dev/null; done
admin_sum=0; scoped_sum=0
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then   # alternate who goes first, so drift cancels out
    a=$(rps "$ADMIN_TOKEN" "$DURATION"); s=$(rps "$SCOPED_TOKEN" "$DURATION")
  else
    s=$(rps "$SCOPED_TOKEN" "$DURATION"); a=$(rps "$ADMIN_TOKEN" "$DURATION")
  fi
  echo "round $r: admin $a req/s, $SCOPED_USER $s req/s"
  admin_sum=$(echo "$admin_sum + $a" | bc -l); scoped_sum=$(echo "$scoped_sum + $s" | bc -l)
done
admin=$(echo "scale=1; $admin_sum / $ROUNDS" | bc -l); scoped=$(echo "scale=1; $scoped_sum / $ROUNDS" | bc -l)
ratio=$(printf "%.3f" "$(echo "scale=4; $scoped / $admin" | bc -l)")
echo "url: $URL_PATH  (wrk -t$THREADS -c$CONNECTIONS -d$DURATION x $ROUNDS rounds, loopback, bearer tokens)"
echo "admin (nation scope):   $admin req/s"
echo "$SCOPED_USER (scoped):  $scoped req/s"
echo "ratio scoped/admin:     $ratio  (goal >= 0.90)"
