#!/usr/bin/env bash
# Partner files bench (issue 16, item 10): a health-insurance card list of 100,000 rows (default)
# matched to as many members made for it in a throw-away embedded PostgreSQL, checked (dry run) and
# committed into the benefit ledger in a JVM limited to 512 MB of heap, then checked again (every row
# already recorded). Prints the figures, the machine and its load average. Goal: ≤ 30 s.
# Usage: bench/partner-files.sh [rows, e.g. 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "loadavg before: $(cat /proc/loadavg)"
. bench/lib.sh
run_filtered partner-files target/partner-files-bench.log \
  '=== partner files bench|^(file|set up|dry run|commit|checked and committed|same file again|heap|cores|cpu|java|postgresql|loadavg)[a-z ]*:|Partner file [0-9a-f-]{36}:|OutOfMemory' \
  ./mvnw -q verify -Dit.test=PartnerFileBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx512m -Dpartner.bench.rows=$ROWS"
