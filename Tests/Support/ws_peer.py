#!/usr/bin/env python3
"""A WebSocket peer for Sonde's tests and benchmarks, on Python `websockets` (asyncio API).

One path per scenario, so a single server covers them all:
  /greeting         sends {"type": "connect", ...} first, then echoes
  /echo             echoes every message
  /auth             like /echo, but only with `Authorization: Bearer sonde-ws-token` (else HTTP 401)
  /reject/500       refuses the upgrade with HTTP 500 (any /reject/NNN works)
  /silent-handshake accepts the TCP connection and never answers the upgrade request
  /silent           completes the upgrade, then never sends anything
  /close/1011       completes the upgrade, then closes with code 1011 (any /close/NNNN works)
Subprotocols `sonde.v1` and `chat` are accepted when the client offers them.
With --tls-port, --cert and --key, the same scenarios are served over TLS (wss) on that port too.

Usage: python3 ws_peer.py [--port 58765] [--tls-port 58766 --cert cert.pem --key key.pem]
(port 0 takes a free port; the ports are printed as "ws_peer listening on PLAIN [TLS]")
"""
import argparse
import asyncio
import http
import json
import ssl

from websockets.asyncio.server import serve

TOKEN = "sonde-ws-token"
SUBPROTOCOLS = ["sonde.v1", "chat"]


async def process_request(connection, request):
    path = request.path
    if path.startswith("/reject/"):
        code = int(path.rsplit("/", 1)[1])
        return connection.respond(http.HTTPStatus(code), f"rejected by ws_peer with {code}\n")
    if path == "/silent-handshake":
        # Never answer: a client without its own deadline waits here forever.
        await asyncio.Event().wait()
    if path == "/auth" and request.headers.get("Authorization") != f"Bearer {TOKEN}":
        return connection.respond(http.HTTPStatus.UNAUTHORIZED, "missing or wrong bearer token\n")
    return None


def select_subprotocol(connection, offered):
    for name in offered:
        if name in SUBPROTOCOLS:
            return name
    return None


async def echo(websocket):
    async for message in websocket:
        await websocket.send(message)


async def handler(websocket):
    path = websocket.request.path
    if path == "/greeting":
        await websocket.send(json.dumps({"type": "connect", "server": "ws_peer"}))
        await echo(websocket)
    elif path in ("/echo", "/auth"):
        await echo(websocket)
    elif path == "/silent":
        await asyncio.Event().wait()
    elif path.startswith("/close/"):
        await websocket.close(code=int(path.rsplit("/", 1)[1]), reason="closed by ws_peer")
    else:
        await websocket.close(code=1008, reason=f"unknown path {path}")


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=58765)
    parser.add_argument("--tls-port", type=int)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--client-ca", help="with TLS, require a client certificate signed by this CA")
    args = parser.parse_args()
    options = dict(
        process_request=process_request, select_subprotocol=select_subprotocol,
        open_timeout=None, ping_interval=None, compression=None,
    )
    servers = [await serve(handler, "127.0.0.1", args.port, **options)]
    if args.tls_port is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        if args.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(args.client_ca)
        servers.append(await serve(handler, "127.0.0.1", args.tls_port, ssl=context, **options))
    # Port 0 takes a free port: a test reads the ports (plain, then TLS) from this line.
    ports = " ".join(str(server.sockets[0].getsockname()[1]) for server in servers)
    print(f"ws_peer listening on {ports}", flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(main())
