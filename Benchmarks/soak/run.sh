#!/usr/bin/env bash
# Soak: 200 targets every 200 ms through the real engine against a local nginx for 10 minutes.
# Prints RSS and open descriptors every 10 s, then the growth after the first minute and the
# scheduling lag percentiles. Needs nginx (apt). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${MINUTES:-10}
TARGETS=${TARGETS:-200}
INTERVAL_MS=${INTERVAL_MS:-200}
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# SONDE_BENCH=path/to/release/sonde-bench measures a binary already built.
BENCH=${SONDE_BENCH:-}
if [ -z "$BENCH" ]; then
    swift build -c release --product sonde-bench --scratch-path .build-release >/dev/null 2>&1
    BENCH=.build-release/release/sonde-bench
fi
mkdir -p "$WORK/www"
echo '{"status":"healthy"}' > "$WORK/www/health"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  server { listen 127.0.0.1:58081; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon on;'
"$BENCH" soak http://127.0.0.1:58081/health \
    --targets "$TARGETS" --interval-ms "$INTERVAL_MS" --minutes "$MINUTES"
