#!/usr/bin/env bash
# Coverage bench (issue 16, ADR 0038): writes a synthetic province part of 600,000 households with a support
# ledger into a throw-away embedded PostgreSQL and times the coverage reads of a province page (counted on read).
# Usage: bench/coverage.sh [households]     (default 600000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-600000}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
. bench/lib.sh
run_filtered coverage target/coverage-bench.log \
  '=== coverage bench|^(cores|load average|households|time)' \
  ./mvnw -q verify -Dit.test=CoverageBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dcoverage.bench.households="$N" \
  -DargLine="-Xmx2g -Dcoverage.bench.households=$N"
