#!/usr/bin/env bash
# Prints the reference host's managed memory under the load scenario (features/concurrency/load.feature,
# 1000 concurrent requests): before, peak while the requests are in flight, and after a forced full GC, for
# several runs in one process, and whether each run's after - before stays within the bound (exit 1 if not).
# Usage: tests/perf/measure-load-memory.sh [runs=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureLoadMemory.cs" -- "${1:-3}"
