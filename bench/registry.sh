#!/usr/bin/env bash
# Registry benchmarks (issue 2): household list page of a commune with ~2,000 households under every filter,
# and diacritics-insensitive name search across the full Quảng Nam demo. Starts the application on loopback
# with the FULL demo in bench-data/ (first run loads it), measures with wrk, prints p50/p95/p99 and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8181}
DATA=${DATA:-bench-data/full}
DB_PORT=${DB_PORT:-54339}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/giamngheo.jar ] || ./mvnw -q -DskipTests package
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
ACCESS_DIR=$(pwd)/bench-data/access
rm -rf "$ACCESS_DIR"; mkdir -p "$ACCESS_DIR"
# the access log records each request's server time (%D, microseconds), from request read to response written
java -Xmx2g -jar target/giamngheo.jar --server.port=$PORT --giamngheo.db.data-dir=$DATA --giamngheo.db.embedded-port=$DB_PORT \
  --giamngheo.demo.size=full --giamngheo.backup.enabled=false --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$ACCESS_DIR" \
  --server.tomcat.accesslog.buffered=false --server.tomcat.accesslog.rotate=false \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
  --server.tomcat.accesslog.pattern='%D %s %r' > bench-data/registry-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
# wait until the application is ready (the first start loads the full demo before that)
for i in $(seq 1 900); do grep -q "is ready" bench-data/registry-app.log 2>/dev/null && break; sleep 1; done
. bench/lib.sh
wait_data_loaded "http://localhost:$PORT" 1800   # the demo loads after sign-in opens (ADR 0055)
grep -E "Demo|demo" bench-data/registry-app.log | grep -iE "loaded|seconds|rows" | head -5 || true
JAR=$(mktemp)
curl -s -c "$JAR" -b "$JAR" "http://localhost:$PORT/login" -o /tmp/login.html
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' /tmp/login.html | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=admin&password=admin-giamngheo&_csrf=$CSRF" "http://localhost:$PORT/login"
SESSION=$(grep JSESSIONID "$JAR" | awk '{print $7}')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$SESSION" "http://localhost:$PORT/api/v1/households?size=1")" = 200 ] \
  || { echo "login failed"; exit 1; }
# the embedded server needs a password (ADR 0015): the superuser's is in the data folder, owner-only
export PGPASSWORD=$(sed -n 's/^superuser.password=//p' "$DATA/pg/giamngheo-credentials.properties")
PSQL="psql -h localhost -p $DB_PORT -U postgres -d giamngheo -At"
read COMMUNE N <<<"$($PSQL -c "select commune_id, count(*) from household where province_code='49' group by 1 order by abs(count(*)-2000) limit 1" | tr '|' ' ')"
VILLAGE=$($PSQL -c "select village_id from household where commune_id=$COMMUNE limit 1")
echo "commune unit $COMMUNE with $N households; province 49 has $($PSQL -c "select count(*) from household where province_code='49'") households"
ACCESS="$ACCESS_DIR/access.log"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-42s %8s %8s %8s %8s | %s\n' "request (server time, one connection)" n p50 p95 p99 "client, 4 connections"
run() {
  # one connection: the server time of each request from the access log (after the warm-up below)
  local from=$(($(wc -l < "$ACCESS") + 1))
  wrk -t1 -c1 -d${DURATION:-10}s -H "Cookie: JSESSIONID=$SESSION" "http://localhost:$PORT$2" > /dev/null
  local server=$(tail -n +$from "$ACCESS" | awk '$2 == 200 {print $1 / 1000}' | sort -n | awk '{a[NR]=$1}
    END {i95=int(NR*0.95); if (i95<1) i95=1; i99=int(NR*0.99); if (i99<1) i99=1;
         printf "%8d %6.1fms %6.1fms %6.1fms", NR, a[int((NR+1)/2)], a[i95], a[i99]}')
  local client=$(wrk -t2 -c4 -d${DURATION:-10}s -s bench/p95.lua -H "Cookie: JSESSIONID=$SESSION" "http://localhost:$PORT$2" | tail -1)
  printf '%-42s %s | %s\n' "$1" "$server" "$client"
}
echo "warm-up: every request for ${WARMUP:-5} s (JIT, caches)"
for u in "/households?unit=$COMMUNE" "/households?unit=$COMMUNE&classification=POOR" "/households?unit=$COMMUNE&q=nguyen" \
         "/api/v1/households?unit=$COMMUNE&year=2020" "/api/v1/households?q=nguyen%20van&size=20" "/households?unit=$COMMUNE&sort=head&page=10"; do
  wrk -t1 -c2 -d${WARMUP:-5}s -H "Cookie: JSESSIONID=$SESSION" "http://localhost:$PORT$u" > /dev/null
done
run "list page, commune, no filter            " "/households?unit=$COMMUNE"
run "list page, commune, class=POOR           " "/households?unit=$COMMUNE&classification=POOR"
run "list page, commune, village + NEAR_POOR  " "/households?unit=$COMMUNE&village=$VILLAGE&classification=NEAR_POOR"
run "list page, commune, sort by head, page 10" "/households?unit=$COMMUNE&sort=head&page=10"
run "list page, commune, name 'nguyen'        " "/households?unit=$COMMUNE&q=nguyen"
run "list page, commune, village only         " "/households?unit=$COMMUNE&village=$VILLAGE"
run "list page, commune, sort by class desc   " "/households?unit=$COMMUNE&sort=class&desc=true"
run "list page, commune, year 2018 + POOR     " "/households?unit=$COMMUNE&year=2018&classification=POOR"
run "API list, commune, year 2020             " "/api/v1/households?unit=$COMMUNE&year=2020"
run "name search, nation, 'nguyen van'        " "/api/v1/households?q=nguyen%20van&size=20"
run "name search, nation, 'thi hoa'           " "/api/v1/households?q=thi%20hoa&size=20"
QN=$($PSQL -c "select id from admin_unit where code='49' and level='province' and edition='2024'")
run "name search, unit Quảng Nam, 'nguyen van' " "/api/v1/households?unit=$QN&q=nguyen%20van&size=20"
run "name search page, Quảng Nam, 'tran thi'  " "/households?unit=$QN&q=tran%20thi"
run "CCCD search, nation                      " "/api/v1/households?q=$($PSQL -c "select cccd from member where cccd is not null and province_code='49' limit 1")"
