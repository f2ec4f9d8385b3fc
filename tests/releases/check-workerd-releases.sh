#!/usr/bin/env bash
# Runs the suite on a sample of workerd releases from npm and prints one Markdown table row per release: the release, the
# compatibility date its binary clamps to (`workerd --version`), and its PASS / FAIL / NOT-APPLICABLE / TIMEOUT / CRASH / ERROR
# counts (docs/releases.md keeps the last table). It checks that the harness runs on every release: any CRASH or ERROR, or a
# release that could not be installed or run, makes the script exit 1. FAILs are the runtime's own behaviour at that release
# and are reported, not judged (no known-failure list is pinned for these releases).
#
#   tests/releases/check-workerd-releases.sh [-n COUNT] [-f FILTER] [-o TABLE.md] [RELEASE...]
#     -n COUNT   releases sampled evenly from 1.20240117.0 to the newest npm offers (default 10, first and newest included)
#     -f FILTER  a `dotnet test --filter` expression passed to run-conformance.ps1 -Filter (default: the hand-written
#                scenarios, not the generated matrix/ and surface/ rows; -f "" runs every scenario)
#     -o FILE    also write the table to FILE
#     RELEASE    run exactly these releases instead of a sample
# The releases are installed into the runtime cache (CONFORMANCE_RUNTIME_CACHE, default ~/.cache/workers-als-conformance).
set -uo pipefail
cd "$(dirname "$0")/../.."
count=10; filter='(ScenarioId!~matrix/)&(ScenarioId!~surface/)'; out=''
while getopts 'n:f:o:' opt; do
  case $opt in
    n) count=$OPTARG ;; f) filter=$OPTARG ;; o) out=$OPTARG ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
package=@cloudflare/workerd-linux-64
first=1.20240117.0

if [ $# -gt 0 ]; then
  releases=("$@")
else
  mapfile -t all < <(npm view "$package" versions --json | grep -oE '"1\.[0-9]{8}\.[0-9]+"' | tr -d '"' \
    | awk -v first="$first" '$0 >= first' | sort -t. -k2,2n -k3,3n)
  [ "${#all[@]}" -gt 0 ] || { echo "npm listed no release of $package from $first on" >&2; exit 1; }
  releases=()
  n=${#all[@]}
  for ((i = 0; i < count; i++)); do
    index=$(( count == 1 ? n - 1 : i * (n - 1) / (count - 1) ))
    releases+=("${all[$index]}")
  done
  mapfile -t releases < <(printf '%s\n' "${releases[@]}" | awk '!seen[$0]++')
fi

cache=${CONFORMANCE_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/workers-als-conformance}
reports=$(mktemp -d)
dotnet build tests/Conformance.Specs -v q --nologo >/dev/null && dotnet build tests/Conformance.Cli -v q --nologo >/dev/null \
  || { echo "the build failed" >&2; exit 2; }

table="| release | clamped date | PASS | FAIL | NOT-APPLICABLE | TIMEOUT | CRASH | ERROR | seconds |
|---|---|---:|---:|---:|---:|---:|---:|---:|"
status=0
for release in "${releases[@]}"; do
  started=$(date +%s)
  args=(-NoBuild -Target "workerd@$release" -ReportDir "$reports/$release")
  [ -n "$filter" ] && args+=(-Filter "$filter")
  dotnet pwsh ./run-conformance.ps1 "${args[@]}" > "$reports/$release.log" 2>&1
  results="$reports/$release/workerd@$release/results.jsonl"
  binary="$cache/${package//\//+}@$release/node_modules/$package/bin/workerd"
  date=$("$binary" --version 2>/dev/null | awk '{print $2}')
  if [ ! -s "$results" ]; then
    row="| $release | ${date:-?} | no results: see the log | | | | | | |"; status=1
    tail -5 "$reports/$release.log" >&2
  else
    c() { grep -c "\"status\":\"$1\"" "$results"; }
    pass=$(c PASS); fail=$(c FAIL); na=$(c NOT-APPLICABLE); timeout=$(c TIMEOUT); crash=$(c CRASH); error=$(c ERROR)
    [ "$crash" -eq 0 ] && [ "$error" -eq 0 ] || status=1
    row="| $release | $date | $pass | $fail | $na | $timeout | $crash | $error | $(( $(date +%s) - started )) |"
  fi
  echo "$row"
  table+=$'\n'"$row"
done
echo
echo "$table"
[ -n "$out" ] && printf '%s\n' "$table" > "$out"
echo "reports: $reports"
exit $status
