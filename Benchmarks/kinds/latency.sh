#!/usr/bin/env bash
# Latency Sonde reports for dns and icmp targets beside the reference clients (dig, ping), in one run.
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
"$SONDE" check --no-history --rounds "$ROUNDS" --json - "$WORK/sonde.yml" >"$WORK/sonde.json"
python3 - "$WORK/sonde.json" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1]))["targets"]:
    print(f"sonde {t['name']}: p50 {t['p50_ms']:.3f} ms, p95 {t['p95_ms']:.3f} ms over {t['rounds']} rounds")
PY
# dig prints whole milliseconds only; its own wall time per query (a new process each) is an upper bound.
dig_ms=$(for _ in $(seq "$ROUNDS"); do dig -p $PORT @127.0.0.1 api.sonde.test +noall +stats | sed -n 's/.*Query time: \([0-9]*\) msec.*/\1/p'; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "dig dns: median Query time ${dig_ms} ms (whole milliseconds)"
ping -q -c $((ROUNDS * 5)) -i 0.02 127.0.0.1 | tail -1 | sed 's/^/ping icmp: /'
