#!/usr/bin/env bash
# Prints, per target and measured in one run of its whole suite (the test project, as CI runs it), where the CPU goes:
# the harness itself (the test host's own CPU: Reqnroll, the executor, the trace judge; and the test runner's,
# vstest.console) against everything else (the runtime's processes), per program, next to the runtime's bare start-up CPU on an empty module.
# With enough runs in flight to hide the settle waits, one process per program cannot beat (CPU per program x N / cores),
# so "runtime per program / bare" says how far from the floor a target is before the harness adds anything
# (docs/performance.md, "Where it misses").
# Usage: tests/perf/measure-suite-cpu.sh [targets=workerd,node,node26,deno,bun] [runs=20]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
IFS=',' read -r -a targets <<< "${1:-workerd,node,node26,deno,bun}"
runs="${2:-20}"
modules="$root/targets/node_modules"
source "$here/runtime-cpu.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tck=$(getconf CLK_TCK)
echo "export default {};" > "$work/empty.mjs"

bare_ms() { # mean CPU of runtime $1's bare start-up on an empty module ($runs runs); workerd has none (measure-batching.sh has its floor)
  local cmd
  runtime_command "$1" && [[ -x "${cmd[0]}" ]] && cpu_ms "${cmd[@]}" "$work/empty.mjs"
}

dotnet build "$root/tests/Conformance.Specs" -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %8s %14s %14s %14s %10s\n' target programs wall "harness/prog" "rest/prog" "bare (ms)" "rest/bare"
for target in "${targets[@]}"; do
  report="$work/$target"
  started=$(date +%s%N)
  ( CONFORMANCE_TARGET=$target CONFORMANCE_REPORT_DIR="$report" dotnet test "$root/tests/Conformance.Specs" --no-build > "$work/$target.log" 2>&1
    times > "$work/$target.times" ) &
  job=$! last="" runner=""
  # The test host's and the runner's own CPU, sampled until they exit (the last sample is within 0.1 s of the end).
  while kill -0 "$job" 2> /dev/null; do
    pid=$(pgrep -n -f "runtimeconfig.*Conformance.Specs.runtimeconfig" 2> /dev/null)
    if [[ -n "$pid" ]]; then stat=$(cut -d')' -f2- "/proc/$pid/stat" 2> /dev/null) && [[ -n "$stat" ]] && last="$stat"; fi
    pid=$(pgrep -n -f "vstest.console.dll" 2> /dev/null)
    if [[ -n "$pid" ]]; then stat=$(cut -d')' -f2- "/proc/$pid/stat" 2> /dev/null) && [[ -n "$stat" ]] && runner="$stat"; fi
    sleep 0.1
  done
  wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  n=$(wc -l < "$report/results.jsonl" 2> /dev/null || echo 0)
  if [[ "$n" -eq 0 || -z "$last" ]]; then printf '%-8s no results (see the run log):\n' "$target"; tail -5 "$work/$target.log"; continue; fi
  read -r _ _ _ _ _ _ _ _ _ _ _ utime stime _ <<< "$last"
  read -r _ _ _ _ _ _ _ _ _ _ _ rutime rstime _ <<< "${runner:-x x x x x x x x x x x 0 0}"
  harness=$(( (utime + stime + rutime + rstime) * 1000 / tck ))
  total=$(tail -1 "$work/$target.times" | times_ms | cut -d. -f1)
  rest=$(( total - harness ))
  bare=$(bare_ms "$target") || bare=""
  ratio=$([[ -n "$bare" ]] && awk -v r="$rest" -v n="$n" -v b="$bare" 'BEGIN { printf "%.2f", r / n / b }' || echo "-")
  printf '%-8s %9d %7.1fs %12.1fms %12.1fms %14s %10s\n' "$target" "$n" "$(awk -v w="$wall_ms" 'BEGIN { print w / 1000 }')" \
    "$(awk -v h="$harness" -v n="$n" 'BEGIN { print h / n }')" "$(awk -v r="$rest" -v n="$n" 'BEGIN { print r / n }')" "${bare:--}" "$ratio"
done
echo "after: load average: $(cut -d' ' -f1-3 /proc/loadavg)"
