#!/usr/bin/env bash
# Prints how much the harness adds to a process target: N scenario programs through the target in parallel,
# against N bare start-ups of the runtime on an empty worker divided by the cores (goal: ratio <= 1.25).
# Usage: tests/perf/measure-process-overhead.sh [target=workerd] [N=64]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureProcessOverhead.cs" -- "${1:-workerd}" "${2:-64}"
