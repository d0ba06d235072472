#!/usr/bin/env python3
"""A WebSocket peer (Python `websockets`) that says what trace context the upgrade request carried.

On every connection it sends one message first, {"traceparent": "<the header, or empty>"}, then
echoes. Listens on 127.0.0.1, on a free port unless --port says; prints "listening on PORT" once
ready, so a test starts it on port 0 without racing another server for a fixed port.
"""
import argparse
import asyncio
import json

from websockets.asyncio.server import serve


async def handler(websocket):
    header = websocket.request.headers.get("traceparent", "")
    await websocket.send(json.dumps({"traceparent": header}))
    async for message in websocket:
        await websocket.send(message)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    async with serve(handler, "127.0.0.1", args.port, ping_interval=None, compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"listening on {port}", flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
