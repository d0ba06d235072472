#!/usr/bin/env bash
# Latency Sonde reports for an https target over HTTP/2 beside `curl --http2 -w %{time_total}`,
# in one run, against the same nginx (listen ... ssl http2) on 127.0.0.1 with a certificate
# made here. Both open a fresh connection (TCP, TLS, h2) per request.
# Usage: bash Benchmarks/kinds/http2.sh [ROUNDS]   (needs nginx, openssl, curl;
#        a built .build/debug/sonde or SONDE=path)
set -euo pipefail
ROUNDS=${1:-50}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SONDE=${SONDE:-$ROOT/.build/debug/sonde}
WORK=$(mktemp -d)
PORT=${PORT:-$((40000 + RANDOM % 10000))}
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=h2.sonde.test \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
cat >"$WORK/nginx.conf" <<CONF
daemon off;
master_process off;
pid $WORK/nginx.pid;
error_log stderr notice;
events { worker_connections 64; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$PORT ssl http2;
    ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;
    location = /health { default_type application/json; return 200 '{"status":"healthy"}'; }
  }
}
CONF
: >"$WORK/nginx.log"
nginx -p "$WORK" -e stderr -c "$WORK/nginx.conf" 2>"$WORK/nginx.log" &
NGINX=$!
trap 'kill $NGINX 2>/dev/null || true; rm -rf "$WORK"' EXIT
until grep -q getrlimit "$WORK/nginx.log"; do kill -0 $NGINX || { cat "$WORK/nginx.log"; exit 1; }; sleep 0.1; done
cat >"$WORK/sonde.yml" <<CONF
interval: 100ms
targets:
  - { name: h2, http: "https://127.0.0.1:$PORT/health", ca: "$WORK/cert.pem" }
CONF
"$SONDE" check --no-history --rounds "$ROUNDS" --json - "$WORK/sonde.yml" >"$WORK/sonde.json"
for _ in $(seq "$ROUNDS"); do
    curl -s -o /dev/null --http2 --cacert "$WORK/cert.pem" -w '%{time_total} %{http_version}\n' "https://127.0.0.1:$PORT/health"
done >"$WORK/curl.txt"
python3 - "$WORK/sonde.json" "$WORK/curl.txt" <<'PY'
import json, statistics, sys
sonde = json.load(open(sys.argv[1]))["targets"][0]
lines = [line.split() for line in open(sys.argv[2])]
versions = sorted({v for _, v in lines})
curl = statistics.median(float(t) * 1000 for t, _ in lines)
print(f"sonde https (http_version {sonde['http_version']}): p50 {sonde['p50_ms']:.3f} ms, p95 {sonde['p95_ms']:.3f} ms over {sonde['rounds']} rounds")
print(f"curl --http2 (http_version {','.join(versions)}): median time_total {curl:.3f} ms over {len(lines)}")
print(f"ratio sonde p50 / curl median: {sonde['p50_ms'] / curl:.2f}")
PY
