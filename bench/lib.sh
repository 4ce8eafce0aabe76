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
