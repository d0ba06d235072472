#!/usr/bin/env python3
"""Time from a failing result to the webhook request that reports it, through the real binary.

`python3 Benchmarks/alerts/latency.py --sonde .build/release/sonde --cycles 20 [--group-wait 0s]`

A local HTTP target flips between 200 and 503; `sonde agent` probes it every 250 ms with a
`down` rule (for: 1, recover: 1) and a webhook channel to a local receiver. For each of the
cycles the target goes down, the receiver takes the firing POST, the target comes back and the
receiver takes the resolved POST. The failing result's end (started_at + latency from the history
file) is matched with the firing request's arrival: median, p90 and max in ms.
"""
import argparse, json, os, signal, sqlite3, statistics, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--sonde", default=".build/release/sonde")
parser.add_argument("--cycles", type=int, default=20)
parser.add_argument("--group-wait", default="0s")
args = parser.parse_args()

state = {"down": False}
arrivals = []  # (time, status)
arrived = threading.Condition()


class Target(BaseHTTPRequestHandler):
    def do_GET(self):
        code = 503 if state["down"] else 200
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *a):
        pass


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        at = time.time()
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        with arrived:
            arrivals.append((at, body.get("status")))
            arrived.notify_all()

    def log_message(self, *a):
        pass


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_for(status, count, timeout=15):
    deadline = time.monotonic() + timeout
    with arrived:
        while sum(1 for _, s in arrivals if s == status) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(f"no {status} notification #{count} within {timeout}s")
            arrived.wait(left)


target, receiver = serve(Target), serve(Receiver)
work = tempfile.mkdtemp(prefix="sonde-alert-latency-")
config = os.path.join(work, "sonde.yml")
history = os.path.join(work, "history.db")
with open(config, "w") as f:
    f.write(f"""environment: bench
targets:
  - name: svc
    http: http://127.0.0.1:{target.server_port}/
    interval: 250ms
    timeout: 1s
alerts:
  group_wait: {args.group_wait}
  rules:
    - {{ name: down, when: down, for: 1, recover: 1, notify: [hook] }}
  channels:
    hook: {{ webhook: "http://127.0.0.1:{receiver.server_port}/alerts" }}
""")
agent = subprocess.Popen([args.sonde, "agent", config, "--history", history], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    time.sleep(1.0)  # a baseline of up results before the first outage (not synchronisation: any length works)
    for cycle in range(1, args.cycles + 1):
        state["down"] = True
        wait_for("firing", cycle)
        state["down"] = False
        wait_for("resolved", cycle)
finally:
    agent.send_signal(signal.SIGTERM)
    agent.wait(timeout=10)

rows = sqlite3.connect(history).execute("SELECT started_at, latency_ms, status FROM result WHERE target = 'svc' ORDER BY started_at").fetchall()
firsts = [start + (latency or 0) / 1000 for (start, latency, status), prev in zip(rows[1:], rows) if status == "down" and prev[2] != "down"]
firing = [at for at, status in arrivals if status == "firing"]
delays = []
for at in firing:
    before = [end for end in firsts if end <= at]
    if before:
        delays.append((at - before[-1]) * 1000)
delays.sort()
print(json.dumps({
    "cycles": args.cycles, "group_wait": args.group_wait, "notifications": len(arrivals),
    "median_ms": round(statistics.median(delays), 2), "p90_ms": round(delays[int(len(delays) * 0.9) - 1], 2),
    "max_ms": round(delays[-1], 2), "min_ms": round(delays[0], 2),
}))
