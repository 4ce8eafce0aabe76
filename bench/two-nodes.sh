#!/usr/bin/env bash
# One node versus two (issue 19 § 4, ADR 0052): two `java -jar` nodes on one PostgreSQL (node 1 runs the embedded
# server, node 2 is pointed at it by GIAMNGHEO_DB_URL), behind Debian's nginx with a round-robin upstream and no
# sticky sessions. Signs in once through nginx, then replays a read mix (a commune's list page, household pages,
# the API list) with wrk: through an nginx port whose upstream is node 1 only, then through one whose upstream is
# both nodes. Prints requests/s and p50/p95/p99 of each, the machine, the load average before and after, the date.
# SIZE (demo size, default sample), CONNECTIONS (default 20), DURATION (s, default 20), DATA, PORT1/PORT2/DB_PORT/
# NGINX_PORT. Everything it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-sample}
DATA=${DATA:-bench-data/two-nodes-$SIZE}
PORT1=${PORT1:-8301}
PORT2=${PORT2:-8311}
DB_PORT=${DB_PORT:-15501}
NGINX_PORT=${NGINX_PORT:-8321}
CONNECTIONS=${CONNECTIONS:-20}
DURATION=${DURATION:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
JAR=${JAR:-target/giamngheo.jar}
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$DATA"
RUN=$(mktemp -d)
PIDS=()
cleanup() {
  [ -f "$RUN/nginx.pid" ] && kill "$(cat "$RUN/nginx.pid")" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$RUN"
}
trap cleanup EXIT
ready() { for i in $(seq 1 1800); do grep -q "is ready" "$1" 2>/dev/null && return 0; sleep 1; done; echo "$1 did not start" >&2; tail -20 "$1" >&2; exit 1; }
# signs in as the demo's admin through BASE; prints the session id (empty when sign-in does not work yet)
signin() {
  local cookies="$RUN/cookies"
  rm -f "$cookies"
  curl -s -c "$cookies" -b "$cookies" "$1/login" -o "$RUN/login.html" || true
  local csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$RUN/login.html" 2>/dev/null | head -1 | sed 's/.*value="//;s/"//')
  [ -n "$csrf" ] || return 0
  curl -s -c "$cookies" -b "$cookies" -o /dev/null -d "username=admin&password=admin-giamngheo&_csrf=$csrf" "$1/login" || true
  local session=$(grep JSESSIONID "$cookies" 2>/dev/null | awk '{print $7}')
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$1/api/v1/households?size=1")" = 200 ] && echo "$session"
  return 0
}

GIAMNGHEO_DATA_DIR=$DATA GIAMNGHEO_DB_PORT=$DB_PORT GIAMNGHEO_DEMO_SIZE=$SIZE GIAMNGHEO_BACKUP=false PORT=$PORT1 \
  java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 > "$DATA/node1.log" 2>&1 &
PIDS+=($!)
ready "$DATA/node1.log"
CREDS="$DATA/pg/giamngheo-credentials.properties"
prop() { sed -n "s/^$1=//p" "$CREDS"; }
GIAMNGHEO_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/giamngheo" GIAMNGHEO_DB_USER=$(prop app.user) \
  GIAMNGHEO_DB_PASSWORD=$(prop app.password) GIAMNGHEO_DB_OWNER_USER=$(prop superuser) \
  GIAMNGHEO_DB_OWNER_PASSWORD=$(prop superuser.password) GIAMNGHEO_DEMO=false GIAMNGHEO_BACKUP=false PORT=$PORT2 \
  java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 > "$DATA/node2.log" 2>&1 &
PIDS+=($!)
ready "$DATA/node2.log"

cat > "$RUN/nginx.conf" <<CONF
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $RUN; proxy_temp_path $RUN; fastcgi_temp_path $RUN; uwsgi_temp_path $RUN; scgi_temp_path $RUN;
  upstream one { server 127.0.0.1:$PORT1; keepalive 32; }
  upstream two { server 127.0.0.1:$PORT1; server 127.0.0.1:$PORT2; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host;
                 proxy_set_header X-Forwarded-For \$remote_addr; proxy_set_header X-Forwarded-Proto \$scheme; }
  }
  server {
    listen 127.0.0.1:$((NGINX_PORT + 1));
    location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host;
                 proxy_set_header X-Forwarded-For \$remote_addr; proxy_set_header X-Forwarded-Proto \$scheme; }
  }
}
CONF
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/error.log"
TWO="http://127.0.0.1:$NGINX_PORT"
ONE="http://127.0.0.1:$((NGINX_PORT + 1))"

# sign in through nginx (the login page on one node, the form on the other: no sticky sessions needed), once the
# demo is loaded and sign-in works
SESSION=""
for i in $(seq 1 1800); do SESSION=$(signin "$TWO"); [ -n "$SESSION" ] && break; sleep 1; done
[ -n "$SESSION" ] || { echo "sign-in through nginx did not work"; exit 1; }
export SESSION
for base in "http://127.0.0.1:$PORT1" "http://127.0.0.1:$PORT2"; do
  got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: JSESSIONID=$SESSION" "$base/api/v1/households?size=1")
  [ "${got%% *}" = 200 ] || { echo "the session does not work on $base: $got"; exit 1; }
done
echo "one session, signed in through nginx, accepted by both nodes"

export PGPASSWORD=$(prop superuser.password)
PSQL="psql -h 127.0.0.1 -p $DB_PORT -U postgres -d giamngheo -At"
COMMUNE=$($PSQL -c "select commune_id from household group by 1 order by count(*) desc limit 1")
HOUSEHOLDS=$($PSQL -c "select id from household where commune_id = $COMMUNE order by id limit 4" | tr '\n' ' ')
PATHS="/households?unit=$COMMUNE /api/v1/households?unit=$COMMUNE&size=20"
for h in $HOUSEHOLDS; do PATHS="$PATHS /households/$h"; done
export PATHS
echo "households: $($PSQL -c 'select count(*) from household'); mix: $PATHS"
wrk -t2 -c4 -d5s -s bench/read-mix.lua "$TWO" > /dev/null   # warm-up, both nodes
printf '%-10s %s\n' "one node" "$(wrk -t2 -c$CONNECTIONS -d${DURATION}s -s bench/read-mix.lua "$ONE" | tail -1)"
printf '%-10s %s\n' "two nodes" "$(wrk -t2 -c$CONNECTIONS -d${DURATION}s -s bench/read-mix.lua "$TWO" | tail -1)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
