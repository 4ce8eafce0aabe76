#!/usr/bin/env bash
# Eligibility-list bench (issue 16 item 10): writes a synthetic province of 600,000 households (three members
# and two recognised years each) into a fresh, throw-away embedded PostgreSQL, then generates every commune's
# eligibility lists through the application service three times (first run, same-day rerun, a year later) and
# prints the seconds, households per second and the machine.
# Usage: bench/eligibility.sh [households]     (default 600000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-600000}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
. bench/lib.sh
run_filtered eligibility target/eligibility-bench.log \
  '=== eligibility bench|^(cores|java|postgresql|load average|households|time)|Eligibility lists of' \
  ./mvnw -q verify -Dit.test=EligibilityBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Deligibility.bench.households="$N" \
  -DargLine="-Xmx2g -Deligibility.bench.households=$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
