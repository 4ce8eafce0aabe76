#!/usr/bin/env bash
# What-if bench (issue 15 item 6): writes a synthetic province part of 600,000 households (three years of
# recognised assessments each) into a fresh, throw-away embedded PostgreSQL, then re-classifies them through
# the application service (background run, progress read as the page reads it) under an edited draft and
# under 2027–2030, and prints the time from request to result, the progress seen, and the machine.
# Usage: bench/whatif.sh [households]     (default 600000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-600000}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
. bench/lib.sh
run_filtered whatif target/whatif-bench.log \
  '=== what-if bench|^(cores|java|postgresql|load average|households|time|progress)' \
  ./mvnw -q verify -Dit.test=WhatIfBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dwhatif.bench.households="$N" \
  -DargLine="-Xmx2g -Dwhatif.bench.households=$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
