#!/usr/bin/env bash
# `sonde check --rounds N` on 50 HTTP targets (every 10 ms) against one local nginx: wall time and
# peak RSS for N = 125, 250, 500, 1000, so growth with rounds shows (the issue asks for linear).
#   SONDE_BIN=.build-release/release/sonde Benchmarks/scale/rounds.sh    (needs nginx, GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
sonde=${SONDE_BIN:-.build-release/release/sonde}
work=$(mktemp -d /tmp/sonde-rounds-XXXX)
port=${ROUNDS_PORT:-18081}
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$port; location / { return 200 "ok\n"; } } }
NGINX
nginx -c "$work/nginx.conf"
trap 'kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT
{
    echo "environment: rounds"
    echo "targets:"
    for i in $(seq 1 50); do
        printf '  - { name: svc-%02d, http: "http://127.0.0.1:%s/%d", interval: 10ms, timeout: 2s }\n' "$i" "$port" "$i"
    done
} > "$work/rounds.yml"
printf '%-8s %10s %12s %14s\n' rounds seconds "peak RSS MB" "ms per round"
for rounds in 125 250 500 1000; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$sonde" check "$work/rounds.yml" --rounds "$rounds" --no-history >/dev/null || true
    read -r seconds kb < "$work/time"
    awk -v r="$rounds" -v s="$seconds" -v kb="$kb" 'BEGIN { printf "%-8d %10.2f %12.1f %14.2f\n", r, s, kb / 1024, s * 1000 / r }'
done
