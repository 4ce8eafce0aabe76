# Shared by the bench scripts (source it). run_filtered NAME LOG PATTERN COMMAND...: runs the
# command with its whole output in LOG and prints only the lines matching PATTERN. A failed run
# says so, shows the end of the log and exits 1, instead of printing little or nothing.
run_filtered() {
  local name="$1" log="$2" pattern="$3"
  shift 3
  mkdir -p "$(dirname "$log")"
  if ! "$@" >"$log" 2>&1; then
    grep -E "$pattern" "$log" || true
    echo "$name bench FAILED — last lines of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  grep -E "$pattern" "$log"
}

# --- added by issue 19 (load) ---
# machine: one line with the cores, CPU model, RAM, Java and the load average now.
machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GB RAM, $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
}
# wait_data_loaded BASE [SECONDS]: sign-in opens before the demo has loaded (ADR 0055); this waits until
# the login page answers 200 without the "demo loading" notice (id="data-loading"). Fails after SECONDS.
wait_data_loaded() {
  local base="$1" limit="${2:-1800}" page
  for _ in $(seq 1 "$limit"); do
    if page=$(curl -fs "$base/login" 2>/dev/null) && ! grep -q 'id="data-loading"' <<<"$page"; then
      return 0
    fi
    sleep 1
  done
  echo "the application at $base did not finish loading its data within $limit s" >&2
  return 1
}

# Issue 19 (figures). machine_line: the machine (cores, model, RAM), the date and the load average.
machine_line() {
  echo "# $(machine)"
}

# cpu_ticks PID...: user + system clock ticks of these processes (all their threads), summed.
cpu_ticks() {
  local total=0 pid t
  for pid in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}

# postgres_pids PORT: the postmaster listening on PORT and its children (backends, workers).
postgres_pids() {
  local port=$1 pm
  pm=$(pgrep -f "postgres.*(-p $port|port=$port)" | head -1)
  [ -z "$pm" ] && pm=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  [ -n "$pm" ] && { echo "$pm"; pgrep -P "$pm"; }
}

# children_ticks VAR: sets VAR to the user + system clock ticks of this shell's finished children (bash
# `times`, second line; run in this shell, since `times` in a pipe or $(…) sees a subshell's children only).
children_ticks() {
  local f
  f=$(mktemp)
  times >"$f"
  printf -v "$1" '%s' "$(sed -n 2p "$f" | awk '{
    split($1, u, "m"); split($2, s, "m")
    printf "%d\n", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) * 100 }')"
  rm -f "$f"
}
