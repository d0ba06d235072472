#!/usr/bin/env bash
# Probe latency vs reference clients (see README.md). Starts the CI services if they are not up.
# Usage: bash Benchmarks/probes/run.sh [--rounds N] [--sonde PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
export SONDE_CI_WORK=${SONDE_CI_WORK:-$PWD/.ci/work}
for service in postgres redis clickhouse websocket; do bash ".ci/services/$service.sh" start >/dev/null; done
[ -x .build/debug/sonde ] || swift build --product sonde
python3 Benchmarks/probes/bench.py "$@"
