#!/usr/bin/env bash
# The dashboard's terminal cost against htop's, in the same 160x48 pseudo-terminal, same run.
#   Benchmarks/tui/run.sh [SECONDS]        (needs: python3 with pyte, htop)
#   SONDE_BIN=path/to/release/sonde Benchmarks/tui/run.sh   to measure a binary already built
# Without SONDE_BIN it builds a release binary in .build-release (its own folder, so it does not
# hold the shared .build's lock for minutes).
# Figures: bytes/s written to the terminal, CPU %, peak RSS, time to first frame; and the demo
# with probing paused, where nothing changes and the screen should stay quiet.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
meter=${TTYMETER:-Benchmarks/Support/ptymeter.py}
if [ -z "${SONDE_BIN:-}" ]; then
    swift build -c release --product sonde --scratch-path .build-release >/dev/null
    SONDE_BIN=.build-release/release/sonde
fi
sonde=$SONDE_BIN
here=Benchmarks/tui

measure() { # label, ptymeter options..., -- command
    local label=$1; shift
    printf '%-28s ' "$label"
    python3 "$meter" --cols 160 --rows 48 --warmup 5 --seconds "$seconds" --json "$@"
}

echo "== ${seconds}s at 160x48, after 5s of warm-up =="
measure "sonde demo"                      -- "$sonde" demo
measure "htop (default 1.5s delay)"       -- htop
measure "sonde demo, probing paused"      --keys "2:p" -- "$sonde" demo
measure "sonde demo, quit with SIGTERM"   --signal TERM -- "$sonde" demo

# The dashboard alone: the staging served by another process, so its HTTP work is not counted.
config=$(mktemp /tmp/sonde-bench-XXXX.yml)
"$sonde" demo --serve > "$config" &
server=$!
sleep 1
measure "sonde watch --no-history"        -- "$sonde" watch "$config" --no-history
measure "  ... probing paused"            --keys "2:p" -- "$sonde" watch "$config" --no-history
kill -INT "$server"; wait "$server" || true; rm -f "$config"

echo "== time to first frame (median of 5) =="
printf '%-28s ' "sonde demo";  python3 "$here/first_frame.py" --text "HTTP 200" -- "$sonde" demo
printf '%-28s ' "sonde demo (empty frame)";  python3 "$here/first_frame.py" --text "Services" -- "$sonde" demo
printf '%-28s ' "htop";        python3 "$here/first_frame.py" --text "PID" -- htop
