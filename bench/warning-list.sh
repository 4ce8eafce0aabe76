#!/usr/bin/env bash
# Early-warning list bench (issue 17 item 4): writes a synthetic province of 300,000 households (three members,
# four recognised years, a job loss for one in twenty) into a fresh, throw-away embedded PostgreSQL, then times the
# first page of the province's list (three runs) and the backtest through the application service, and prints the
# machine. Usage: bench/warning-list.sh [households]     (default 300000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300000}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
. bench/lib.sh
run_filtered warning target/warning-bench.log \
  '=== early-warning bench|^(cores|java|postgresql|load average|households|time|  )' \
  ./mvnw -q verify -Dit.test=WarningBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -DargLine="-Xmx2g -Dwarning.bench.households=$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
