#!/usr/bin/env python3
"""Probe latency against reference clients, measured in the same run on 127.0.0.1.

For each kind, `sonde check --rounds N` probes one target N times and reports the median (p50)
of the latency the probe reports; a reference client measures the same operation right after:

  redis       PING round trip       vs `redis-cli --latency` (its average: it prints no median)
  postgres    SELECT 1 query time   vs `psql` with `\\timing`: the first query of a new session (as the
                                    probe's is), and N queries in one warm session (medians)
  websocket   send -> echo reply    vs Python `websockets` client (median of N round trips)
  clickhouse  SELECT 1 over HTTP    vs `curl` time_total - time_connect (median of N requests)
  tcp         connect               vs Python socket.create_connection, and asyncio.open_connection
                                    (an event-loop client, as NIO is) (medians of N connects)

The ratio is sonde / reference: 1.0 means the probe reports what the reference client sees.
Needs the CI services (.ci/services/*.sh start). Usage: bench.py [--rounds N] [--sonde PATH]
"""
import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

PG_URL = "postgres://sonde:sonde-pg-secret@127.0.0.1:55432/sonde"
REDIS_URL = "redis://:sonde-redis-secret@127.0.0.1:56379"
CH_URL = "http://127.0.0.1:58123"
WS_URL = "ws://127.0.0.1:58765/echo"


def sonde_p50(sonde, target_yaml, rounds):
    """Runs `sonde check` on one target and returns its p50 latency (ms) and failures."""
    config = f"interval: 10ms\ntimeout: 3s\ntargets:\n{target_yaml}"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.yml")
        out = os.path.join(tmp, "out.json")
        with open(path, "w") as f:
            f.write(config)
        subprocess.run([sonde, "check", path, "--rounds", str(rounds), "--no-history", "--json", out],
                       stdout=subprocess.DEVNULL, check=False)
        with open(out) as f:
            target = json.load(f)["targets"][0]
    if target["failures"]:
        sys.exit(f"sonde reported {target['failures']} failures for {target['name']}: {target['reason']}")
    return target["p50_ms"]


def redis_reference(seconds):
    out = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "56379", "-a", "sonde-redis-secret", "--no-auth-warning",
         "--latency", "--raw", "-i", str(seconds)],
        capture_output=True, text=True, check=True).stdout.split()
    # min max avg samples
    return float(out[2])


def psql_fresh_reference(rounds):
    """The first SELECT 1 of a new session each time, as the probe runs it."""
    env = dict(os.environ, PGPASSWORD="sonde-pg-secret")
    samples = []
    for _ in range(rounds):
        out = subprocess.run(
            ["psql", "-X", "-q", "-c", "\\timing on", "-c", "SELECT 1",
             "host=127.0.0.1 port=55432 user=sonde dbname=sonde sslmode=disable"],
            capture_output=True, text=True, check=True, env=env).stdout
        samples.append(float(re.search(r"Time: ([0-9.]+) ms", out).group(1)))
    return statistics.median(samples)


def psql_reference(rounds):
    script = "\\timing on\n" + "SELECT 1;\n" * rounds
    env = dict(os.environ, PGPASSWORD="sonde-pg-secret")
    out = subprocess.run(
        ["psql", "-X", "-q", "host=127.0.0.1 port=55432 user=sonde dbname=sonde sslmode=disable"],
        input=script, capture_output=True, text=True, check=True, env=env).stdout
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return statistics.median(times)


async def websocket_reference(rounds):
    from websockets.asyncio.client import connect
    samples = []
    async with connect(WS_URL, compression=None) as ws:
        for i in range(rounds):
            started = time.perf_counter()
            await ws.send(f"bench-{i}")
            await ws.recv()
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def clickhouse_reference(rounds):
    samples = []
    for _ in range(rounds):
        out = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-w", "%{time_connect} %{time_total}",
             "-H", "X-ClickHouse-User: sonde", "-H", "X-ClickHouse-Key: sonde-ch-secret",
             CH_URL + "/?query=SELECT%201"],
            capture_output=True, text=True, check=True).stdout.split()
        samples.append((float(out[1]) - float(out[0])) * 1000)
    return statistics.median(samples)


def tcp_reference(rounds):
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        s = socket.create_connection(("127.0.0.1", 55432))
        samples.append((time.perf_counter() - started) * 1000)
        s.close()
    return statistics.median(samples)


async def tcp_asyncio_reference(rounds):
    """An event-loop client, as NIO is: connect through asyncio's selector loop."""
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        _, writer = await asyncio.open_connection("127.0.0.1", 55432)
        samples.append((time.perf_counter() - started) * 1000)
        writer.close()
        await writer.wait_closed()
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--sonde", default=".build/debug/sonde")
    args = parser.parse_args()
    n, sonde = args.rounds, args.sonde

    rows = []
    rows.append(("redis PING", sonde_p50(sonde, f"  - name: cache\n    redis: {REDIS_URL}\n", n),
                 redis_reference(3), "redis-cli --latency (avg)"))
    pg = sonde_p50(sonde, f"  - name: db\n    postgres: {PG_URL}\n    tls: disable\n", n)
    rows.append(("postgres SELECT 1", pg, psql_fresh_reference(min(n, 100)), "psql \\timing, 1st query of a session (median)"))
    rows.append(("postgres SELECT 1", pg, psql_reference(n), "psql \\timing, warm session (median)"))
    rows.append(("websocket round trip",
                 sonde_p50(sonde, f"  - name: ws\n    websocket: {WS_URL}\n    send: bench\n    expect: {{ reply: bench }}\n", n),
                 asyncio.run(websocket_reference(n)), "python websockets (median)"))
    rows.append(("clickhouse SELECT 1",
                 sonde_p50(sonde, f"  - name: ch\n    clickhouse: {CH_URL}\n    user: sonde\n    password: sonde-ch-secret\n", n),
                 clickhouse_reference(min(n, 200)), "curl total-connect (median)"))
    tcp = sonde_p50(sonde, "  - name: port\n    tcp: 127.0.0.1:55432\n", n)
    rows.append(("tcp connect", tcp, tcp_reference(n), "python blocking socket (median)"))
    rows.append(("tcp connect", tcp, asyncio.run(tcp_asyncio_reference(n)), "python asyncio open_connection (median)"))

    print(f"rounds: {n}, sonde: {sonde}")
    print(f"{'operation':<22} {'sonde p50 ms':>12} {'reference ms':>12} {'ratio':>6}  reference")
    for name, ours, ref, how in rows:
        print(f"{name:<22} {ours:>12.3f} {ref:>12.3f} {ours / ref:>6.2f}  {how}")


if __name__ == "__main__":
    main()
