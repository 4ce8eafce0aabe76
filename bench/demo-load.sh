#!/usr/bin/env bash
# Loads the demo at full size (≈525k households) into a fresh, throw-away embedded
# PostgreSQL and prints households, members, assessments, seconds, rows/s and the machine.
# Usage: bench/demo-load.sh [full|sample|<share such as 25%>]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-full}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
. bench/lib.sh
run_filtered demo-load target/demo-load-bench.log \
  '=== demo load bench|^(size|households|members|assessments|seconds|rows/s|cores|cpu|java|postgresql|max heap|loadavg|cpu seconds):|DemoLoader|^ [0-9]{4} | year standard' \
  ./mvnw -q verify -Dit.test=DemoLoadBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Ddemo.bench.size="$SIZE" \
  -DargLine="-Xmx2g -Ddemo.bench.size=$SIZE"
