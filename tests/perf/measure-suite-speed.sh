#!/usr/bin/env bash
# Prints the whole suite's time on the reference target against a process target (default workerd), measured
# in one run, and their ratio (goal: reference <= 0.5x workerd).
# Usage: tests/perf/measure-suite-speed.sh [target=workerd] [rounds=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureSuiteSpeed.cs" -- "${1:-workerd}" "${2:-3}"
