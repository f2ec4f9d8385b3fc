#!/usr/bin/env bash
# Prints, per target and measured in one run, the floor of issue 18 item 11 (every scenario's program run bare on the
# runtime, CPU summed over the cores) against the whole suite through the harness (goal <= 1.25), and the runtime CPU
# per program through the bridge against the same programs bare (goal <= 1.25). docs/performance.md, "The programs' own floor".
# Usage: tests/perf/measure-floor.sh [targets=workerd,node,node22,node24,node26,deno,bun] [scenario id part]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureFloor.cs" -- "${1:-workerd,node,node22,node24,node26,deno,bun}" ${2:+"$2"}
