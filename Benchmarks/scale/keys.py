#!/usr/bin/env python3
"""Keypress-to-screen latency and time to quit of a dashboard in a COLSxROWS pty.

  keys.py --cols 160 --rows 48 --ready Services --warmup 5 --presses 10 -- COMMAND ARGS...

Waits for READY on screen and WARMUP seconds more, then presses '?' (help opens: "Keys" shows)
and Esc (it closes) PRESSES times, timing each from the write to the screen showing the effect;
then presses q and times until the process exits. The pty is drained all the time, so a slow
reader never holds the program back. Prints JSON: median and max key latency, quit time.
"""
import argparse, fcntl, json, os, pty, select, signal, statistics, struct, termios, time

import pyte


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=160)
    parser.add_argument("--rows", type=int, default=48)
    parser.add_argument("--ready", default="Services")
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    screen = pyte.Screen(args.cols, args.rows)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8"})
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))

    def pump(until, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            readable, _, _ = select.select([fd], [], [], 0.005)
            if readable:
                try:
                    stream.feed(os.read(fd, 1 << 16))
                except OSError:
                    return False
            if until is not None and until():
                return True
        return until is None

    def shows(text):
        return lambda: any(text in line for line in screen.display)

    result = {"ready": pump(shows(args.ready), 30)}
    pump(None, args.warmup)
    latencies = []
    for _ in range(args.presses):
        start = time.monotonic()
        os.write(fd, b"?")
        if not pump(shows("Keys"), 5):
            latencies.append(None)
            break
        latencies.append((time.monotonic() - start) * 1000)
        os.write(fd, b"\x1b")
        pump(lambda: not shows("Keys")(), 5)
        pump(None, 0.1)
    done = [l for l in latencies if l is not None]
    result["key_median_ms"] = round(statistics.median(done), 1) if done else None
    result["key_max_ms"] = round(max(done), 1) if done else None
    result["key_missed"] = len(latencies) - len(done)
    start = time.monotonic()
    os.write(fd, b"q")
    exited = None
    while time.monotonic() - start < 5:
        try:
            stream.feed(os.read(fd, 1 << 16)) if select.select([fd], [], [], 0.005)[0] else None
        except OSError:
            pass
        done_pid, _ = os.waitpid(pid, os.WNOHANG)
        if done_pid == pid:
            exited = (time.monotonic() - start) * 1000
            break
    if exited is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    result["quit_ms"] = round(exited, 1) if exited is not None else None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
