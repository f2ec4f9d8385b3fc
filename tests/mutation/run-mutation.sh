#!/usr/bin/env bash
# Mutation score of the reference implementation against the conformance scenarios (reference target).
#
#   bash tests/mutation/run-mutation.sh            # both projects: core, then host
#   bash tests/mutation/run-mutation.sh core       # only reference-impl/Workers.AsyncContext
#   bash tests/mutation/run-mutation.sh host       # only reference-impl/Workers.AsyncContext.Jint
#
# Stryker.NET 5.1.0 (a dotnet local tool, .config/dotnet-tools.json); the only test project is
# tests/Conformance.Specs, i.e. the 141+ Gherkin scenarios on the in-process reference target.
# Reports: tests/mutation/StrykerOutput/<core|host>/reports/mutation-report.{html,json} (gitignored).
# Surviving mutants that no scenario can observe are listed in tests/mutation/equivalent-mutants.md.
#
# Why the settings look the way they do (see tests/mutation/README.md):
#  - Mutation.sln: Stryker only mutates projects the test project references directly, or, in solution mode,
#    any project of the solution; Conformance.Specs reaches reference-impl only through Conformance.Harness,
#    so the runs use solution mode over this four-project solution (its platform is "AnyCPU" without a space,
#    which is what Stryker passes to `dotnet build` and where it then looks for the binaries).
#  - STRYKER_MUTANT_ID_CONTROL_VAR / concurrency 1 / coverage-analysis off: xunit v3 (mtp-off, VSTest) runs
#    the tests in a child process of the VSTest test host, out of reach of Stryker's in-process data
#    collector; the mutant is therefore selected through the environment variable ACTIVE_MUTATION_0, whose
#    name Stryker passes to vstest.console but not to the test host it launches itself. We pass the name.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
dotnet tool restore >/dev/null

export STRYKER_MUTANT_ID_CONTROL_VAR=ACTIVE_MUTATION_0   # runner 0: the only runner at concurrency 1

# When a mutant times out (say, an endless loop), Stryker kills the VSTest test host, but xunit v3's child
# process that runs the scenarios is left behind, orphaned, still spinning, and slows every later mutant.
# Reap exactly those: orphans (parent 1) running in this checkout's Conformance.Specs output folder with
# Stryker's control variable in their environment.
specs_bin="$(dirname "$(dotnet msbuild "$here/../Conformance.Specs/Conformance.Specs.csproj" -getProperty:TargetPath -nologo | tail -1)")"
reap_orphans() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [ "$(awk '/^PPid:/ {print $2}' "$dir/status" 2>/dev/null)" = 1 ] || continue
    [ "$(readlink "$dir/cwd" 2>/dev/null)" = "$specs_bin" ] || continue
    tr '\0' '\n' < "$dir/environ" 2>/dev/null | grep -q '^STRYKER_MUTANT_ID_CONTROL_VAR=' || continue
    kill -9 "$pid" 2>/dev/null || true
  done
}
( while sleep 15; do reap_orphans; done ) &
reaper=$!
trap 'kill "$reaper" 2>/dev/null; reap_orphans' EXIT

if [ "$#" -eq 0 ]; then which=(core host); else which=("$@"); fi
summary=()
for target in "${which[@]}"; do
  case "$target" in
    core|host) ;;
    *) echo "usage: $0 [core] [host]" >&2; exit 2 ;;
  esac
  out="$here/StrykerOutput/$target"
  rm -rf "$out"
  log="$(mktemp)"
  start=$(date +%s)
  dotnet stryker --config-file "stryker-$target.json" --output "$out" 2>&1 | tee "$log"
  secs=$(( $(date +%s) - start ))
  counts=$(grep -E '^(Killed|Survived|Timeout|NoCoverage|Errors|No coverage): *[0-9]+' "$log" | tr -s ' ' | paste -sd ' ' -)
  score=$(grep -oE 'final mutation score is [0-9.]+ %' "$log" | tail -1 | grep -oE '[0-9.]+ %' || echo '? %')
  summary+=("$target: score $score ($counts) in ${secs}s; report $out/reports/mutation-report.html")
  rm -f "$log"
done

echo
echo "== mutation scores (conformance scenarios on the reference target) =="
printf '%s\n' "${summary[@]}"
