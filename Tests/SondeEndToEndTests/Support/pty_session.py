#!/usr/bin/env python3
"""Drives a terminal program in a pseudo-terminal for Sonde's end-to-end tests.

  pty_session.py --cols 100 --rows 30 --steps STEPS_JSON -- COMMAND ARGS...

STEPS_JSON is a list of steps, run in order:
  {"wait_for": "TEXT", "timeout": 10}   until TEXT is on the screen (fails the run if not)
  {"wait_gone": "TEXT", "timeout": 10}  until TEXT is no longer on the screen
  {"keys": "?"}                         write bytes to the terminal (JSON escapes: "\\t", "\\u001b", "\\r")
  {"resize": [COLS, ROWS]}              resize the terminal (SIGWINCH)
  {"snapshot": "NAME"}                  keep the screen as it is now under NAME
  {"signal": "TERM"}                    send a signal to the program
  {"wait_exit": 5}                      until the program exits

Prints one JSON object: ok, failure (the step that failed), screens (NAME -> text), exit_status
(code, or -signal), restored (rmcup and cnorm seen after the last frame) and cooked (the
terminal's termios has ICANON and ECHO back on after the program ended). Needs pyte.
"""
import argparse, fcntl, json, os, pty, select, signal, struct, sys, termios, time

import pyte


class Screen(pyte.Screen):
    """pyte without the two xterm scroll commands ncurses uses (CSI S and CSI T, parm_index and
    parm_rindex in terminfo): added here so the screen reads as xterm shows it."""

    def _margins(self):
        return self.margins or pyte.screens.Margins(0, self.lines - 1)

    def scroll_up(self, count=1, *args, **kwargs):
        saved = self.cursor.y
        self.cursor.y = self._margins().bottom
        for _ in range(count or 1):
            self.index()
        self.cursor.y = saved

    def scroll_down(self, count=1, *args, **kwargs):
        saved = self.cursor.y
        self.cursor.y = self._margins().top
        for _ in range(count or 1):
            self.reverse_index()
        self.cursor.y = saved


pyte.Stream.csi = dict(pyte.Stream.csi, S="scroll_up", T="scroll_down")


class Session:
    def __init__(self, cmd, cols, rows, env):
        self.screen = Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        self.status = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env)
            try:
                os.execvp(cmd[0], cmd)
            except OSError as error:
                sys.stderr.write(f"exec failed: {error}\n")
                os._exit(127)
        self.resize(cols, rows, notify=False)

    def resize(self, cols, rows, notify=True):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen.resize(rows, cols)
        if notify:
            os.kill(self.pid, signal.SIGWINCH)

    def pump(self, seconds):
        """Reads output for up to `seconds`; returns early when the program has exited."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            readable, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if readable:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if data:
                    self.output += data
                    self.stream.feed(data)
            self.reap()
            if self.status is not None and not readable:
                return

    def reap(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_until(self, predicate, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            self.pump(0.1)
        return predicate()

    def cooked(self):
        attrs = termios.tcgetattr(self.fd)
        lflag = attrs[3]
        return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=100)
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--steps", required=True)
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
    env.update(dict(item.split("=", 1) for item in args.env))
    session = Session(cmd, args.cols, args.rows, env)
    screens, failure = {}, None
    try:
        failure = run_steps(session, json.loads(args.steps), screens)
    except Exception as error:  # reported, so the test says what broke instead of failing to decode
        failure = {"error": f"{type(error).__name__}: {error}"}
        screens["at_failure"] = session.text()
    finish(session, screens, failure)


def run_steps(session, steps, screens):
    failure = None
    for step in steps:
        if "wait_for" in step:
            if not session.wait_until(lambda: step["wait_for"] in session.text(), step.get("timeout", 10)):
                failure = step
        elif "wait_gone" in step:
            if not session.wait_until(lambda: step["wait_gone"] not in session.text(), step.get("timeout", 10)):
                failure = step
        elif "keys" in step:
            os.write(session.fd, step["keys"].encode())
            session.pump(0.05)
        elif "resize" in step:
            session.resize(*step["resize"])
            session.pump(0.05)
        elif "snapshot" in step:
            session.pump(0.05)
            screens[step["snapshot"]] = session.text()
        elif "signal" in step:
            os.kill(session.pid, getattr(signal, "SIG" + step["signal"].upper()))
        elif "wait_exit" in step:
            if not session.wait_until(lambda: session.status is not None, step["wait_exit"]):
                failure = step
        if failure:
            screens["at_failure"] = session.text()
            break
    return failure


def finish(session, screens, failure):
    if session.status is None:
        session.pump(0.2)
    cooked = session.cooked() if session.status is not None else None
    if session.status is None:
        os.kill(session.pid, signal.SIGKILL)
        os.waitpid(session.pid, 0)
    tail = bytes(session.output[-4096:])
    print(json.dumps({
        "ok": failure is None,
        "failure": failure,
        "screens": screens,
        "exit_status": session.status,
        "restored": {"rmcup": b"\x1b[?1049l" in tail, "cnorm": b"\x1b[?25h" in tail},
        "cooked": cooked,
        "bytes": len(session.output),
    }))


if __name__ == "__main__":
    main()
