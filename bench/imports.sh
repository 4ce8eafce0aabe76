#!/usr/bin/env bash
# Import and export bench (issue 7): loads a share of the demo (default 20% ≈ 100,000 households,
# ≈ 400,000 members) into a throw-away embedded PostgreSQL, exports every household to XLSX and CSV,
# empties the registry, imports the XLSX with full validation (dry run + commit) in a JVM limited
# to 512 MB of heap, then loads the same rows with PostgreSQL COPY from CSV, and prints the figures
# and the machine.
# Usage: bench/imports.sh [share, e.g. 20%]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-20%}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1)"
. bench/lib.sh
run_filtered imports target/imports-bench.log \
  '=== imports bench|^(demo|file|export|import|pg copy|ratio|heap|problems|cores|cpu|java|postgresql|loadavg)[a-z ]*:|Import [0-9a-f-]{36}:|OutOfMemory' \
  ./mvnw -q verify -Dit.test=ImportBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx512m -Dimports.bench.size=$SIZE"
