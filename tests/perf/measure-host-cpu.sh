#!/usr/bin/env bash
# Prints, per runtime and measured in one run, the CPU time (user + system) of one program through the bridge
# (targets/hosts/node-host.mjs with the driver, a three-line program and its settle wait) against the runtime's bare
# start-up on an empty module, and their ratio. With enough runs in flight to hide the settle wait, one process per
# program cannot beat N x this CPU time / cores, so a ratio above 1.25 is a floor the suite's 1.25 goal cannot meet
# without batching (docs/performance.md, "Where it misses").
# Usage: tests/perf/measure-host-cpu.sh [runs=20]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
runs="${1:-20}"
modules="$root/targets/node_modules"
source "$here/runtime-cpu.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root"/targets/driver/*.mjs "$root/targets/hosts/node-host.mjs" "$work/"
echo "export default { requests: [], concurrent: false, settleTurns: 3, settleMs: 100 };" > "$work/plan.mjs"
cat > "$work/program.mjs" <<'JS'
import { AsyncLocalStorage } from 'node:async_hooks';
const als = new AsyncLocalStorage();
export default { async test() { await als.run(1, async () => { await null; console.log('store', als.getStore()); }); } };
JS
echo "export default {};" > "$work/empty.mjs"
cd "$work"

echo "runs: $runs, cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %12s %8s\n' runtime "bare (ms)" "bridge (ms)" ratio
for runtime in node node26 deno bun; do
  runtime_command "$runtime"
  if [[ ! -x "${cmd[0]}" ]]; then printf '%-8s unavailable: %s\n' "$runtime" "${cmd[0]}"; continue; fi
  "${cmd[@]}" node-host.mjs > "$work/check.txt" 2>&1 || true
  grep -q '^@@trace end' "$work/check.txt" || { printf '%-8s the bridge did not complete: %s\n' "$runtime" "$(head -c 300 "$work/check.txt")"; continue; }
  bare="$(cpu_ms "${cmd[@]}" empty.mjs)"
  bridge="$(cpu_ms "${cmd[@]}" node-host.mjs)"
  printf '%-8s %12s %12s %8s\n' "$runtime" "$bare" "$bridge" "$(awk -v a="$bare" -v b="$bridge" 'BEGIN { printf "%.2f", b / a }')"
done
echo "after: load average: $(cut -d' ' -f1-3 /proc/loadavg)"
