#!/usr/bin/env bash
# Benchmark of the poverty classification batch command (issue 4). Not a test: prints figures.
#  1. builds the jar and the DuckDB runner (DuckDB is a test-scope dependency, not in the jar);
#  2. generates a seeded synthetic file of ROWS households (province, urban, income, weight, 12 flags);
#  3. times `java -jar target/giamngheo-cli.jar classify` end to end (JVM start included) against DuckDB
#     doing the same work in its own JVM (read the same file, same 2022–2025 rules in SQL, counts and
#     weighted rates by province), RUNS alternating runs each, medians, ratio; asserts identical results;
#  4. runs the in-memory engine alone on pre-evaluated flags (households per second, one thread).
# Usage: bench/classify.sh            (env: ROWS=1000000 RUNS=5 SEED=42 OUT=bench-out)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
OUT=${OUT:-bench-out}
mkdir -p "$OUT"

echo "== build"
./mvnw -q -DskipTests package
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
DUCK_CP="target/test-classes:$(tr ':' '\n' < "$OUT/cp.txt" | grep duckdb_jdbc)"
JAR=target/giamngheo-cli.jar
APP_JAR=target/giamngheo.jar
CSV="$OUT/households-$ROWS-$SEED.csv"

echo "== machine"
echo "cores: $(nproc); cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1); $(java -version 2>&1 | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== data"
if [ ! -f "$CSV" ]; then
  java -jar "$JAR" bench-classify generate --rows "$ROWS" --seed "$SEED" --out "$CSV"
fi
ls -l "$CSV" | awk '{printf "%s: %.1f MB\n", $9, $5/1048576}'

run_java() { java -Xmx512m -jar "$JAR" classify --standard 2022-2025 --input "$CSV" --group-by province --weight weight --out "$OUT/classify.json"; }
run_duck() { java -cp "$DUCK_CP" vn.giamngheo.standards.bench.DuckDbClassify "$CSV" "$OUT/duckdb.txt"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# CPU time (user + system, all threads) of the last timed run, in ms
cpu_of() { awk '{printf "%d", ($2 + $3) * 1000}' "$1"; }

echo "== warm-up (page cache, DuckDB native library)"
run_java; run_duck

echo "== $RUNS alternating runs"
java_ms=(); duck_ms=(); java_cpu=(); duck_cpu=()
time_java() { t=$(date +%s%N); /usr/bin/time -f "%e %U %S" -o "$OUT/t.java" java -Xmx512m -jar "$JAR" classify --standard 2022-2025 --input "$CSV" --group-by province --weight weight --out "$OUT/classify.json"; java_ms+=("$(ms "$t")"); java_cpu+=("$(cpu_of "$OUT/t.java")"); }
time_duck() { t=$(date +%s%N); /usr/bin/time -f "%e %U %S" -o "$OUT/t.duck" java -cp "$DUCK_CP" vn.giamngheo.standards.bench.DuckDbClassify "$CSV" "$OUT/duckdb.txt"; duck_ms+=("$(ms "$t")"); duck_cpu+=("$(cpu_of "$OUT/t.duck")"); }
for i in $(seq "$RUNS"); do
  if (( i % 2 )); then time_java; time_duck; else time_duck; time_java; fi
  echo "run $i: classify ${java_ms[-1]} ms (cpu ${java_cpu[-1]} ms), duckdb ${duck_ms[-1]} ms (cpu ${duck_cpu[-1]} ms)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
JM=$(median "${java_ms[@]}"); DM=$(median "${duck_ms[@]}")
echo "median wall: classify $JM ms, duckdb $DM ms, ratio classify/duckdb = $(awk -v a="$JM" -v b="$DM" 'BEGIN{printf "%.2f", a/b}') (goal <= 0.50)"
JC=$(median "${java_cpu[@]}"); DC=$(median "${duck_cpu[@]}")
echo "median cpu (user+sys, all threads): classify $JC ms, duckdb $DC ms, ratio $(awk -v a="$JC" -v b="$DC" 'BEGIN{printf "%.2f", a/b}')"

echo "== for information: the same command from the application's jar (Spring Boot's nested-jar launcher)"
app_ms=()
for i in 1 2 3; do
  t=$(date +%s%N); java -Xmx512m -jar "$APP_JAR" classify --standard 2022-2025 --input "$CSV" --group-by province --weight weight --out "$OUT/classify-app.json"; app_ms+=("$(ms "$t")")
done
echo "median classify via giamngheo.jar: $(median "${app_ms[@]}") ms"
cmp -s "$OUT/classify.json" "$OUT/classify-app.json" && echo "(same output)"

echo "== same results"
python3 bench/compare.py "$OUT/classify.json" "$OUT/duckdb.txt"

echo "== memory (1M run with -Xmx512m; peak resident set of the whole process)"
/usr/bin/time -f "classify peak RSS %M KB, wall %e s" java -Xmx512m -jar "$JAR" classify --standard 2022-2025 --input "$CSV" --group-by province --weight weight --out "$OUT/classify.json"
/usr/bin/time -f "duckdb  peak RSS %M KB, wall %e s" java -cp "$DUCK_CP" vn.giamngheo.standards.bench.DuckDbClassify "$CSV" "$OUT/duckdb.txt"

echo "== in-memory engine on pre-evaluated flags"
java -jar "$JAR" bench-classify engine --rows 10000000
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
