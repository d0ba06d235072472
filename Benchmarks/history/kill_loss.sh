#!/usr/bin/env bash
# How much history a kill -9 loses, and how many bytes a result costs on disk.
# Runs `sonde check --rounds N` against a local counting HTTP server on 127.0.0.1, kills it with
# SIGKILL at an uneven moment, then compares the requests the server answered with the rows the
# history file holds, and runs PRAGMA integrity_check. Usage: kill_loss.sh [RUNS] [INTERVAL_MS]
set -euo pipefail
RUNS=${1:-10}
INTERVAL_MS=${2:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SONDE=${SONDE:-$ROOT/.build/debug/sonde}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

cat > "$WORK/server.py" <<'PY'
import http.server, sys, threading
count = 0
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global count
        with lock:
            count += 1
            open(sys.argv[2], "w").write(str(count))
        body = b'{"status":"healthy","version":"1"}'
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
PORT=$((20000 + RANDOM % 20000))
python3 "$WORK/server.py" "$PORT" "$WORK/served" 2>/dev/null & SERVER=$!
cat > "$WORK/sonde.yml" <<YML
environment: bench
interval: ${INTERVAL_MS}ms
targets:
  - name: api
    http: http://127.0.0.1:$PORT/health
    version: \$.version
YML
until [ -f "$WORK/served" ] || curl -s "http://127.0.0.1:$PORT/" >/dev/null; do sleep 0.1; done

DB="$WORK/history.sqlite"
# lost_ms: the lost results as time, at the rate the run actually probed (served / time alive).
printf "%4s %8s %8s %6s %8s %s\n" run served stored lost lost_ms integrity
for run in $(seq 1 "$RUNS"); do
  before=$(cat "$WORK/served" 2>/dev/null || echo 0)
  stored_before=$( [ -f "$DB" ] && sqlite3 "$DB" "select count(*) from result" || echo 0)
  "$SONDE" check "$WORK/sonde.yml" --rounds 10000 --history "$DB" >/dev/null 2>&1 & PID=$!
  pause=$(python3 -c "import random; print(round(random.uniform(1.0, 3.0), 3))")
  sleep "$pause"
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true
  served=$(( $(cat "$WORK/served") - before ))
  stored=$(( $(sqlite3 "$DB" "select count(*) from result") - stored_before ))
  integrity=$(sqlite3 "$DB" "pragma integrity_check")
  printf "%4d %8d %8d %6d %8d %s\n" "$run" "$served" "$stored" $((served - stored)) \
    "$(python3 -c "print(round(($served - $stored) * $pause * 1000 / max(1, $served)))")" "$integrity"
done
rows=$(sqlite3 "$DB" "select count(*) from result")
sqlite3 "$DB" "pragma wal_checkpoint(truncate)" >/dev/null
bytes=$(stat -c %s "$DB")
echo "file: $rows results in $bytes bytes = $((bytes / rows)) bytes per result"
