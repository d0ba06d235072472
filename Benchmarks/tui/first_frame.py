#!/usr/bin/env python3
"""Time from exec to the first full frame: until TEXT is on the screen of a COLSxROWS pty.

  first_frame.py --cols 160 --rows 48 --text Services [--runs 5] -- COMMAND ARGS...

Prints the median and every run in milliseconds as JSON. Quits the program with q (then SIGKILL).
"""
import argparse, fcntl, json, os, pty, select, signal, statistics, struct, sys, termios, time

import pyte


def once(cmd, cols, rows, text):
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8"})
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    elapsed = None
    while time.monotonic() - start < 15:
        readable, _, _ = select.select([fd], [], [], 0.01)
        if readable:
            try:
                stream.feed(os.read(fd, 65536))
            except OSError:
                break
            if any(text in line for line in screen.display):
                elapsed = (time.monotonic() - start) * 1000
                break
    os.write(fd, b"q")
    time.sleep(0.3)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=160)
    parser.add_argument("--rows", type=int, default=48)
    parser.add_argument("--text", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    runs = [once(cmd, args.cols, args.rows, args.text) for _ in range(args.runs)]
    done = [r for r in runs if r is not None]
    print(json.dumps({"median_ms": round(statistics.median(done), 1) if done else None, "runs_ms": [round(r, 1) if r else None for r in runs]}))


if __name__ == "__main__":
    main()
