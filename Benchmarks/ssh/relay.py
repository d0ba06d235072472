#!/usr/bin/env python3
"""An ssh ProxyCommand that relays stdin/stdout to HOST:PORT and logs what crosses the connection:
every 0.2 s a line "unix_time bytes_from_server bytes_to_server" (cumulative) in LOG. These are the
encrypted bytes on the wire, so the figure counts SSH's own framing and MACs, as a bastion link does.
  ssh -o ProxyCommand="python3 relay.py 127.0.0.1 2222 /tmp/wire.log" ...
"""
import os, select, socket, sys, time

host, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sock = socket.create_connection((host, port))
down = up = 0
last = 0.0
with open(log, "a", buffering=1) as out:
    def note(force=False):
        global last
        now = time.time()
        if force or now - last >= 0.2:
            out.write(f"{now:.3f} {down} {up}\n"); last = now
    fds = [0, sock.fileno()]
    while fds:
        ready, _, _ = select.select(fds, [], [], 0.2)
        for fd in ready:
            if fd == 0:
                data = os.read(0, 65536)
                if not data:
                    sock.shutdown(socket.SHUT_WR); fds.remove(0); continue
                sock.sendall(data); up += len(data)
            else:
                data = sock.recv(65536)
                if not data:
                    fds = []; break
                os.write(1, data); down += len(data)
        note()
    note(force=True)
