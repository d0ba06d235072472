#!/usr/bin/env bash
# The same target probed by prometheus-blackbox-exporter and by a Sonde agent, both scraped by
# one Prometheus in the same run; prints both probe_duration_seconds (median and mean over the
# run) and Sonde's as a ratio of blackbox's. Everything on 127.0.0.1.
#
#   bash Benchmarks/metrics/blackbox-compare.sh [SECONDS]   (default 60; needs prometheus,
#   prometheus-blackbox-exporter, python3, curl, and a built sonde: swift build --product sonde)
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
sonde=${SONDE:-$root/.build/debug/sonde}
blackbox=$(command -v prometheus-blackbox-exporter || true)
for tool in prometheus python3 curl; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -n "$blackbox" ] || { echo "needs prometheus-blackbox-exporter (apt-get install prometheus-blackbox-exporter)" >&2; exit 2; }
[ -x "$sonde" ] || { echo "needs $sonde (swift build --product sonde, or SONDE=path)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # URL: polled with a deadline, as the servers start on their own time
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "nothing answered at $1" >&2; exit 1
}

target_port=$(free_port); blackbox_port=$(free_port); prometheus_port=$(free_port)
mkdir -p "$work/site" && echo ok > "$work/site/ok.txt"
python3 -m http.server "$target_port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 & pids+=($!)
target="http://127.0.0.1:$target_port/ok.txt"
wait_for "$target"

cat > "$work/blackbox.yml" <<YAML
modules:
  http_2xx: { prober: http, timeout: 3s, http: { preferred_ip_protocol: ip4 } }
YAML
"$blackbox" --config.file="$work/blackbox.yml" --web.listen-address="127.0.0.1:$blackbox_port" >"$work/blackbox.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$blackbox_port/metrics"

cat > "$work/sonde.yml" <<YAML
environment: bench
location: here
interval: 1s
targets:
  - { name: web, http: "$target", trace: false }
YAML
"$sonde" agent "$work/sonde.yml" --metrics 127.0.0.1:0 --no-history 2>"$work/agent.log" & pids+=($!)
for _ in $(seq 1 100); do grep -q '/metrics' "$work/agent.log" 2>/dev/null && break; sleep 0.2; done
agent=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/agent.log" | head -1)
[ -n "$agent" ] || { echo "the agent said no address:"; cat "$work/agent.log"; exit 1; } >&2

cat > "$work/prometheus.yml" <<YAML
global: { scrape_interval: 1s, scrape_timeout: 900ms }
scrape_configs:
  - job_name: sonde
    static_configs: [{ targets: ["$agent"] }]
  - job_name: blackbox
    metrics_path: /probe
    params: { module: [http_2xx], target: ["$target"] }
    static_configs: [{ targets: ["127.0.0.1:$blackbox_port"] }]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$prometheus_port/-/ready"

echo "probing $target for ${seconds}s (both every 1s) ..." >&2
sleep "$seconds"   # a measurement window, not synchronisation
query() { curl -fsS "http://127.0.0.1:$prometheus_port/api/v1/query" --data-urlencode "query=$1" |
  python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "nan")'; }
window="${seconds}s"
bb_median=$(query "quantile_over_time(0.5, probe_duration_seconds{job=\"blackbox\"}[$window])")
bb_mean=$(query "avg_over_time(probe_duration_seconds{job=\"blackbox\"}[$window])")
sd_median=$(query "quantile_over_time(0.5, probe_duration_seconds{job=\"sonde\",target=\"web\"}[$window])")
sd_mean=$(query "avg_over_time(probe_duration_seconds{job=\"sonde\",target=\"web\"}[$window])")
samples=$(query "count_over_time(probe_duration_seconds{job=\"sonde\",target=\"web\"}[$window])")
python3 - "$bb_median" "$bb_mean" "$sd_median" "$sd_mean" "$samples" <<'PY'
import sys
bb_med, bb_mean, sd_med, sd_mean, n = map(float, sys.argv[1:])
print(f"blackbox_exporter probe_duration_seconds: median_ms={bb_med*1000:.3f} mean_ms={bb_mean*1000:.3f}")
print(f"sonde agent       probe_duration_seconds: median_ms={sd_med*1000:.3f} mean_ms={sd_mean*1000:.3f} samples={int(n)}")
print(f"ratio sonde/blackbox: median={sd_med/bb_med:.2f}x mean={sd_mean/bb_mean:.2f}x")
PY
