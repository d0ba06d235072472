#!/usr/bin/env python3
"""Measures a terminal program in a pseudo-terminal of a fixed size, as the person in front of it
would feel it: bytes written to the terminal per second, CPU % of one core (the program and its
children), peak RSS, and how it ended (quit key or signal, exit status, terminal restored).

  ptymeter.py [--cols 160 --rows 48] [--warmup 2] [--seconds 10] [--keys T:KEYS]... [--resize T:COLSxROWS]...
              [--quit q | --signal TERM] [--term xterm-256color] [--screen FILE] [--json] -- COMMAND ARGS...

Bytes and CPU are counted after --warmup seconds, for --seconds. --keys sends KEYS (Python escapes
such as \\e or \\t work) T seconds after the start. At the end it sends --quit (default q), or
--signal, and waits up to 3 s. The pty and screen are the end-to-end tests' own
(Tests/SondeEndToEndTests/Support/pty_session.py, needs pyte), so "restored" means what it means
there: the last rmcup and cnorm come after the last thing drawn.
"""
import argparse, json, os, signal, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../Tests/SondeEndToEndTests/Support"))
import pty_session  # noqa: E402


def tree(pid):
    """pid and every live descendant, from /proc/PID/task/*/children."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def cpu_seconds(pid):
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), None)
    except OSError:
        return None


def parse_events(keys, resizes):
    events = []
    for item in keys:
        at, text = item.split(":", 1)
        events.append((float(at), "keys", text.replace("\\e", "\\x1b").encode("latin-1").decode("unicode_escape").encode("latin-1")))
    for item in resizes:
        at, size = item.split(":", 1)
        cols, rows = size.lower().split("x")
        events.append((float(at), "resize", (int(cols), int(rows))))
    return sorted(events, key=lambda event: event[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cols", type=int, default=160)
    ap.add_argument("--rows", type=int, default=48)
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--keys", action="append", default=[])
    ap.add_argument("--resize", action="append", default=[])
    ap.add_argument("--quit", default="q")
    ap.add_argument("--signal", help="end with this signal (TERM, HUP, INT) instead of the quit key")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--screen", help="write the last screen before quitting here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")

    env = {"TERM": a.term, "LANG": os.environ.get("LANG", "C.UTF-8")}
    session = pty_session.Session(cmd, a.cols, a.rows, env)
    events = parse_events(a.keys, a.resize)
    start = time.monotonic()
    # Bytes and CPU are counted in the window [warmup, warmup + seconds].
    measure_at, end = start + a.warmup, start + a.warmup + a.seconds
    window_start = bytes_start = cpu_start = None
    while session.status is None and time.monotonic() < end:
        now = time.monotonic()
        if window_start is None and now >= measure_at:
            window_start, bytes_start, cpu_start = now, len(session.output), cpu_seconds(session.pid)
        while events and now - start >= events[0][0]:
            _, kind, value = events.pop(0)
            if kind == "keys":
                os.write(session.fd, value)
            else:
                session.resize(*value)
        wake = min([end] + ([measure_at] if window_start is None else []) + ([start + events[0][0]] if events else []))
        session.pump(max(0.01, wake - time.monotonic()))
    if window_start is None:  # ended during the warm-up
        window_start, bytes_start, cpu_start = time.monotonic(), len(session.output), 0
    window = time.monotonic() - window_start
    measured = len(session.output) - bytes_start
    cpu = cpu_seconds(session.pid) - cpu_start
    peak = peak_rss_kb(session.pid)
    screen = session.text()

    ended_early = session.status is not None
    if not ended_early:
        if a.signal:
            os.kill(session.pid, getattr(signal, "SIG" + a.signal.upper().removeprefix("SIG")))
        else:
            os.write(session.fd, a.quit.encode())
        session.wait_until(lambda: session.status is not None, 3)
    if session.status is None:
        os.kill(session.pid, signal.SIGKILL)
        os.waitpid(session.pid, 0)
    restored = pty_session.restored(bytes(session.output))
    result = {
        "bytes_total": len(session.output),
        "bytes_per_s": round(measured / window, 1) if window > 0 else None,
        "cpu_percent": round(100 * cpu / window, 2) if window > 0 and not ended_early else None,
        "peak_rss_mb": round(peak / 1024, 1) if peak else None,
        "ended_early": ended_early,
        "quit_ok": session.status == 0,
        "exit_status": session.status,
        "terminal_restored": restored["rmcup"] and restored["cnorm"],
    }
    if a.screen:
        with open(a.screen, "w") as f:
            f.write(screen + "\n")
    if a.json:
        print(json.dumps(result))
    else:
        print(screen)
        print(result)


if __name__ == "__main__":
    main()
