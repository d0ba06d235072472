#!/usr/bin/env bash
# HTTP probe figures, side by side in one run (see Benchmarks/README.md):
#  (a) probes per second with fresh connections: Sonde vs prometheus-blackbox-exporter driven by wrk,
#      both against the same local nginx;
#  (b) the median latency Sonde measures for a loopback GET vs curl's time_total for the same URL.
# Needs: nginx, prometheus-blackbox-exporter, wrk, curl (apt). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-8}
COUNT=${COUNT:-300}
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$WORK"' EXIT

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
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  server { listen 127.0.0.1:58080; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon on;'
URL=http://127.0.0.1:58080/health

cat > "$WORK/blackbox.yml" <<CONF
modules:
  http_2xx:
    prober: http
    timeout: 3s
    http: { preferred_ip_protocol: ip4 }
CONF
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address=127.0.0.1:59115 >"$WORK/bb.log" 2>&1 &
echo $! > "$WORK/bb.pid"
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:59115/metrics && break; sleep 0.1; done
curl -sf "http://127.0.0.1:59115/probe?target=$URL&module=http_2xx" | grep -q '^probe_success 1' \
    || { echo "blackbox_exporter cannot probe $URL"; exit 1; }

echo "== (a) throughput, ${DURATION}s, concurrency $CONCURRENCY"
BB=$(wrk -t2 -c"$CONCURRENCY" -d"${DURATION}s" "http://127.0.0.1:59115/probe?target=$URL&module=http_2xx" | awk '/Requests\/sec/ {print $2}')
echo "blackbox_exporter probes_per_second=$BB"
SONDE=$("$BENCH" throughput "$URL" --concurrency "$CONCURRENCY" --duration "$DURATION")
echo "sonde $SONDE"
SONDE_PPS=$(sed -n 's/.*probes_per_second=\([0-9.]*\).*/\1/p' <<<"$SONDE")
echo "ratio sonde/blackbox_exporter = $(python3 -c "print(f'{$SONDE_PPS / $BB:.2f}')")"

echo "== (b) loopback latency, $COUNT sequential requests"
CURL_MEDIAN=$(for _ in $(seq "$COUNT"); do curl -s -o /dev/null -w '%{time_total}\n' "$URL"; done \
    | python3 -c "import sys,statistics; print(f'{statistics.median(float(l)*1000 for l in sys.stdin):.3f}')")
echo "curl median_time_total_ms=$CURL_MEDIAN"
SONDE=$("$BENCH" latency "$URL" --count "$COUNT")
echo "sonde $SONDE"
SONDE_MEDIAN=$(sed -n 's/.*median_total_ms=\([0-9.]*\).*/\1/p' <<<"$SONDE")
echo "ratio sonde/curl = $(python3 -c "print(f'{$SONDE_MEDIAN / $CURL_MEDIAN:.2f}')")"
