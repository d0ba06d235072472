#!/usr/bin/env python3
"""Drops an SSH connection under a running dashboard and times the remote process's exit.
Runs SSH_COMMAND in a pseudo-terminal; the remote side must write its pid to PIDFILE before
exec'ing sonde (sh -c 'echo $$ > PIDFILE; exec sonde demo'). Once the dashboard has drawn
(TEXT on screen), the ssh client is killed with SIGKILL (no goodbye to the server, as when a
laptop's lid closes on a dying link the client side goes first), and the remote pid is polled every
millisecond until it has exited (gone or a zombie). Prints JSON: exit_ms, and the processes
still running that carry MARKER in their environment (none expected).
  drop.py --pidfile F --marker M [--text Services] -- ssh -tt ...
"""
import argparse, json, os, pty, select, signal, time

def state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f: return f.read().rsplit(")", 1)[1].split()[0]
    except OSError: return None

def with_marker(marker):
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit(): continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                if marker.encode() in f.read() and state(int(name)) not in (None, "Z"): found.append(int(name))
        except OSError: pass
    return found

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pidfile", required=True); ap.add_argument("--marker", required=True)
    ap.add_argument("--text", default="Services"); ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    import pyte, fcntl, struct, termios
    screen = pyte.Screen(80, 24); stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic(); drawn = False
    while time.monotonic() - start < 20 and not drawn:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: data = os.read(fd, 65536)
            except OSError: break
            stream.feed(data)
            drawn = any(a.text in line for line in screen.display)
    result = {"drawn": drawn}
    try: remote = int(open(a.pidfile).read())
    except (OSError, ValueError): remote = None
    result["remote_pid"] = remote
    if drawn and remote:
        os.kill(pid, signal.SIGKILL); dropped = time.monotonic()
        while state(remote) not in (None, "Z") and time.monotonic() - dropped < 10: time.sleep(0.001)
        gone = state(remote) in (None, "Z")
        result["exit_ms"] = round((time.monotonic() - dropped) * 1000, 1) if gone else None
    else:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    result["left_running"] = with_marker(a.marker)
    print(json.dumps(result))

if __name__ == "__main__":
    main()
