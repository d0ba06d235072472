#!/usr/bin/env bash
# The dashboard holding a fleet: N HTTP targets against one local nginx, in a 160x48 pty, with
# htop in the same run as the reference for an idle terminal program.
#   Benchmarks/scale/run.sh [SECONDS]       (needs: nginx, python3 with pyte, htop)
#   SONDE_BIN=path/to/release/sonde Benchmarks/scale/run.sh   to measure a binary already built
# Figures per size: CPU % of one core, peak RSS, bytes/s to the terminal (Benchmarks/Support/ptymeter.py), key-to-screen
# latency (median and max of 10 presses of '?') and the time q takes to end the process.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
meter=${TTYMETER:-Benchmarks/Support/ptymeter.py}
here=Benchmarks/scale
if [ -z "${SONDE_BIN:-}" ]; then
    swift build -c release --product sonde --scratch-path .build-release >/dev/null
    SONDE_BIN=.build-release/release/sonde
fi
sonde=$SONDE_BIN
work=$(mktemp -d /tmp/sonde-scale-XXXX)
port=${SCALE_PORT:-18080}

cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    server { listen 127.0.0.1:$port; location / { return 200 "ok\n"; } }
}
NGINX
nginx -c "$work/nginx.conf"
trap 'kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT

config() { # targets, interval
    {
        echo "environment: scale"
        echo "targets:"
        for i in $(seq 1 "$1"); do
            printf '  - { name: svc-%05d, http: "http://127.0.0.1:%s/health/%d", interval: %s, timeout: 2s }\n' "$i" "$port" "$i" "$2"
        done
    } > "$work/scale-$1.yml"
    echo "$work/scale-$1.yml"
}

measure() { # label, ptymeter options..., -- command
    local label=$1; shift
    printf '%-34s ' "$label"
    python3 "$meter" --cols 160 --rows 48 --warmup 5 --seconds "$seconds" --json "$@"
}

echo "== ${seconds}s at 160x48 after 5s warm-up =="
measure "htop" -- htop
for spec in 200:1s 1000:1s 3000:1s 10000:10s; do
    n=${spec%%:*}; every=${spec##*:}
    file=$(config "$n" "$every")
    measure "sonde watch $n targets every $every" -- "$sonde" watch "$file" --no-history
    printf '%-34s ' "  keys and quit"
    python3 "$here/keys.py" --cols 160 --rows 48 --ready Services --warmup 5 -- "$sonde" watch "$file" --no-history
done
