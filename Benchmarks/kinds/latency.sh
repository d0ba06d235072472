#!/usr/bin/env bash
# Latency Sonde reports for dns and icmp targets beside the reference clients (dig, ping), in one run.
# dig prints whole milliseconds only, so dig is timed by batch: `dig -f FILE` runs ROUNDS queries in
# one process; (wall(ROUNDS) - wall(1)) / (ROUNDS - 1) is its cost per query, process start taken out.
# Usage: bash Benchmarks/kinds/latency.sh [ROUNDS]   (needs dnsmasq, dig, ping; a built .build/debug/sonde or SONDE=path)
set -euo pipefail
ROUNDS=${1:-50}
SONDE=${SONDE:-$(cd "$(dirname "$0")/../.." && pwd)/.build/debug/sonde}
WORK=$(mktemp -d)
PORT=45354
trap 'kill $(cat "$WORK/dnsmasq.pid") 2>/dev/null || true; rm -rf "$WORK"' EXIT
/usr/sbin/dnsmasq --keep-in-foreground --no-resolv --no-hosts --bind-interfaces --user=root --listen-address=127.0.0.1 \
    --port=$PORT --pid-file= --log-facility="$WORK/log" --local=/sonde.test/ --address=/api.sonde.test/10.0.0.1 &
echo $! >"$WORK/dnsmasq.pid"
until dig +short +tries=1 +time=1 -p $PORT @127.0.0.1 api.sonde.test >/dev/null 2>&1; do sleep 0.1; done
cat >"$WORK/sonde.yml" <<CONF
interval: 100ms
targets:
  - { name: dns, dns: api.sonde.test, server: "127.0.0.1:$PORT" }
  - { name: icmp, icmp: 127.0.0.1, count: 5, spacing: 20ms }
CONF
for _ in $(seq "$ROUNDS"); do echo "-p $PORT @127.0.0.1 api.sonde.test A +noall +answer +tries=1 +time=2"; done >"$WORK/batch"
head -1 "$WORK/batch" >"$WORK/one"
wall() { python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(["dig","-f",sys.argv[1]],stdout=subprocess.DEVNULL,check=True); print(time.perf_counter()-t)' "$1"; }
one=(); many=()   # three of each, interleaved; the medians count
for _ in 1 2 3; do one+=("$(wall "$WORK/one")"); many+=("$(wall "$WORK/batch")"); done
answered=$(dig -f "$WORK/batch" | grep -c '10\.0\.0\.1' || true)
"$SONDE" check --no-history --rounds "$ROUNDS" --json - "$WORK/sonde.yml" >"$WORK/sonde.json" || true
python3 - "$WORK/sonde.json" "$ROUNDS" "$answered" "${one[*]}" "${many[*]}" <<'PY'
import json, statistics, sys
targets = {t["name"]: t for t in json.load(open(sys.argv[1]))["targets"]}
n, answered = int(sys.argv[2]), int(sys.argv[3])
one, many = (statistics.median(map(float, a.split())) for a in sys.argv[4:6])
for t in targets.values():
    print(f"sonde {t['name']}: p50 {t['p50_ms']:.3f} ms, p95 {t['p95_ms']:.3f} ms over {t['rounds']} rounds")
dig_ms = (many - one) / (n - 1) * 1000
print(f"dig -f dns: {n} queries in {many*1000:.1f} ms, 1 in {one*1000:.1f} ms: {dig_ms:.3f} ms a query ({answered}/{n} answered)")
print(f"dns ratio, sonde p50 / dig per query: {targets['dns']['p50_ms'] / dig_ms:.2f}")
PY
ping -q -c $((ROUNDS * 5)) -i 0.02 127.0.0.1 | tail -1 | sed 's/^/ping icmp: /'
