#!/usr/bin/env bash
# Latency Sonde reports for a grpc target beside a reference Python grpcio client, in one run,
# against the same grpcio health server (Tests/Support/grpc_health_peer.py) on 127.0.0.1.
# Sonde opens a fresh connection per probe, so the reference does too (a new channel per call);
# the warm figure (one channel, many calls) is shown for scale.
# Usage: bash Benchmarks/kinds/grpc.sh [ROUNDS]   (needs python3 with grpcio and grpcio-health-checking;
#        a built .build/debug/sonde or SONDE=path)
set -euo pipefail
ROUNDS=${1:-50}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SONDE=${SONDE:-$ROOT/.build/debug/sonde}
WORK=$(mktemp -d)
mkfifo "$WORK/in"
# The peer exits when its stdin closes: hold the fifo open on fd 3 for the run.
python3 -u "$ROOT/Tests/Support/grpc_health_peer.py" --serve bench <"$WORK/in" >"$WORK/peer.log" 2>&1 &
PEER=$!
exec 3>"$WORK/in"
trap 'exec 3>&-; kill $PEER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until grep -q "listening on" "$WORK/peer.log"; do kill -0 $PEER || { cat "$WORK/peer.log"; exit 1; }; sleep 0.1; done
PORT=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$WORK/peer.log")
cat >"$WORK/sonde.yml" <<CONF
interval: 100ms
targets:
  - { name: grpc, grpc: "127.0.0.1:$PORT", service: bench }
CONF
"$SONDE" check --no-history --rounds "$ROUNDS" --json - "$WORK/sonde.yml" >"$WORK/sonde.json"
python3 - "$WORK/sonde.json" "$PORT" "$ROUNDS" <<'PY'
import json, statistics, sys, time
import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

sonde = json.load(open(sys.argv[1]))["targets"][0]
port, rounds = sys.argv[2], int(sys.argv[3])
request = health_pb2.HealthCheckRequest(service="bench")

def fresh():
    started = time.perf_counter()
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        health_pb2_grpc.HealthStub(channel).Check(request, timeout=2)
    return (time.perf_counter() - started) * 1000

fresh()  # the first channel pays grpcio's one-time set-up
cold = statistics.median(fresh() for _ in range(rounds))
time.sleep(0.1)
with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
    stub = health_pb2_grpc.HealthStub(channel)
    stub.Check(request, timeout=2)
    warm = []
    for _ in range(rounds):
        started = time.perf_counter()
        stub.Check(request, timeout=2)
        warm.append((time.perf_counter() - started) * 1000)
print(f"sonde grpc: p50 {sonde['p50_ms']:.3f} ms, p95 {sonde['p95_ms']:.3f} ms over {sonde['rounds']} rounds (fresh connection each)")
print(f"python grpcio, new channel per call: median {cold:.3f} ms over {rounds}")
print(f"python grpcio, one warm channel: median {statistics.median(warm):.3f} ms over {rounds}")
print(f"ratio sonde p50 / grpcio new-channel median: {sonde['p50_ms'] / cold:.2f}")
PY
