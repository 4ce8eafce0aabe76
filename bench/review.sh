#!/usr/bin/env bash
# A full periodic review of Quảng Nam through the application services: loads the demo into a
# fresh, throw-away embedded PostgreSQL, lists every household of the province, surveys it with
# generated answers, holds the village meetings, posts and recognises each commune, and prints
# the time of each step and the server time (p50/p95, in-process MockMvc) of the step pages.
# Usage: bench/review.sh [sample|full]     (sample = 10% ≈ 42k Quảng Nam households; full ≈ 420k)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-sample}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
. bench/lib.sh
run_filtered review target/review-bench.log \
  '=== review bench|^(size|review year|households|classes|time|page|plan|cores|java|postgresql)' \
  ./mvnw -q verify -Dit.test=ReviewBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dreview.bench.size="$SIZE" \
  -DargLine="-Xmx2g -Dreview.bench.size=$SIZE"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
