#!/usr/bin/env bash
# Prints, per target and measured in one run, the whole suite's wall time batched (many programs per runtime process)
# and one process per program, the floor (every program run bare, CPU / cores: measure-floor.sh), the ratio of the fastest correct
# mode to the floor (goal <= 1.25) and how many scenarios' traces differ between the modes (must be 0).
# Usage: tests/perf/measure-batching.sh [targets=workerd,node,node26,deno,bun]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureBatching.cs" -- "${1:-workerd,node,node26,deno,bun}"
