#!/usr/bin/env bash
# Prints, per target and measured in one run, the programs per second of a seeded differential exploration against
# workerd (tools/Conformance.Explore: generation, runs, stability re-runs and minimisation), with the load average.
# Goal: 20 programs per second or more against workerd on a 2-core machine. Quick: a few hundred programs per target.
# Usage: tests/perf/measure-explore.sh [targets=reference,workerd,node,node26,deno,bun] [N=200] [seed=20261201]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec dotnet run --configuration Release "$here/MeasureExplore.cs" -- "${1:-reference,workerd,node,node26,deno,bun}" "${2:-200}" "${3:-20261201}"
