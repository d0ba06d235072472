#!/usr/bin/env python3
"""Drives a terminal program in a pseudo-terminal for Sonde's end-to-end tests.

  pty_session.py --cols 100 --rows 30 --steps STEPS_JSON -- COMMAND ARGS...

STEPS_JSON is a list of steps, run in order:
  {"wait_for": "TEXT", "timeout": 10}   until TEXT is on the screen (fails the run if not)
  {"wait_gone": "TEXT", "timeout": 10}  until TEXT is no longer on the screen
  {"wait_for_regex": "RE", "timeout": 10} until RE (multiline) matches the screen's text
  {"keys": "?"}                         write bytes to the terminal (JSON escapes: "\\t", "\\u001b", "\\r")
  {"resize": [COLS, ROWS]}              resize the terminal (SIGWINCH)
  {"snapshot": "NAME"}                  keep the screen as it is now under NAME
  {"signal": "TERM"}                    send a signal to the program
  {"wait_exit": 5}                      until the program exits

Prints one JSON object: ok, failure (the step that failed), screens (NAME -> text), exit_status
(code, or -signal), restored (the last rmcup comes after the last text or erase written, and a
cnorm after it too; after_rmcup: what followed it), cooked (the terminal's termios has ICANON
and ECHO back on after the program ended) and colors (which colour SGR kinds were written at all:
basic 30-37/40-47/90-97/100-107, indexed 38;5/48;5, rgb 38;2/48;2). Needs pyte.
"""
import argparse, fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

import pyte


class Screen(pyte.Screen):
    """pyte with three xterm commands ncurses uses that pyte lacks: the scrolls CSI S and CSI T
    (parm_index and parm_rindex in terminfo) and CSI n b, which repeats the last character drawn
    (rep: ncurses sends "-" and CSI 77 b for a border of 78 dashes in an ASCII locale). Added here
    so the screen reads as xterm shows it."""

    last_drawn = None

    def draw(self, data):
        super().draw(data)
        if data:
            self.last_drawn = data[-1]

    def repeat_last(self, count=1, *args, **kwargs):
        if self.last_drawn is not None:
            self.draw(self.last_drawn * (count or 1))

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


pyte.Stream.csi = dict(pyte.Stream.csi, S="scroll_up", T="scroll_down", b="repeat_last")


class Session:
    def __init__(self, cmd, cols, rows, env):
        self.screen = Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        self.status = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # swift test sets NO_COLOR=1 for its own output; the program only gets it when a
            # test asks (--env NO_COLOR=1), else no test could see colours.
            os.environ.pop("NO_COLOR", None)
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
        elif "wait_for_regex" in step:
            pattern = re.compile(step["wait_for_regex"], re.M)
            if not session.wait_until(lambda: pattern.search(session.text()) is not None, step.get("timeout", 10)):
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
        elif "write_file" in step:
            # In place, as `echo >` or an editor saving without a rename does.
            with open(step["write_file"], "w") as file:
                file.write(step["contents"])
            session.pump(0.05)
        elif "wait_exit" in step:
            if not session.wait_until(lambda: session.status is not None, step["wait_exit"]):
                failure = step
        if failure:
            screens["at_failure"] = session.text()
            break
    return failure


# One terminal output token: a CSI sequence, an OSC string, a charset or other ESC sequence, a
# control byte, or a run of printable bytes.
TOKEN = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+].|\x1b.|[\x00-\x1f\x7f]|[^\x00-\x1f\x7f\x1b]+", re.S)
RMCUP, CNORM = b"\x1b[?1049l", b"\x1b[?25h"
# CSI finals that change what the screen shows (erase, insert, delete, scroll); cursor moves do not.
ERASING = set(b"JKXP@LMST")


def last_drawing(output):
    """Where the last text or erase written ends: a restore must come after it."""
    end = 0
    for token in TOKEN.finditer(output):
        text = token.group()
        if text[:1] != b"\x1b" and text[0] >= 0x20 or text.startswith(b"\x1b[") and text[-1] in ERASING:
            end = token.end()
    return end


def colors(output):
    """Which kinds of colour SGR the program wrote (39/49, the default colours, do not count)."""
    seen = {"basic": False, "indexed": False, "rgb": False}
    for match in re.finditer(rb"\x1b\[([0-9;:]*)m", output):
        params = [int(p) if p.isdigit() else 0 for p in re.split(rb"[;:]", match.group(1))]
        i = 0
        while i < len(params):
            p = params[i]
            if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
                seen["basic"] = True
            elif p in (38, 48) and i + 1 < len(params):
                kind = params[i + 1]
                seen["indexed" if kind == 5 else "rgb" if kind == 2 else "basic"] |= kind in (5, 2)
                i += 2 if kind == 5 else 4 if kind == 2 else 0
            i += 1
    return seen


def restored(output):
    drawn = last_drawing(output)
    rmcup = output.rfind(RMCUP)
    return {
        "rmcup": rmcup >= drawn and rmcup >= 0,
        "cnorm": output.rfind(CNORM) >= drawn and CNORM in output,
        "after_rmcup": repr(output[rmcup:][:200]) if rmcup >= 0 else None,
        "last_drawing_at": drawn, "rmcup_at": rmcup,
    }


def finish(session, screens, failure):
    if session.status is None:
        session.pump(0.2)
    cooked = session.cooked() if session.status is not None else None
    if session.status is None:
        os.kill(session.pid, signal.SIGKILL)
        os.waitpid(session.pid, 0)
    output = bytes(session.output)
    print(json.dumps({
        "ok": failure is None,
        "failure": failure,
        "screens": screens,
        "exit_status": session.status,
        "restored": restored(output),
        "colors": colors(output),
        "cooked": cooked,
        "bytes": len(session.output),
        # Desktop notifications and bells the program wrote for its alert channel.
        "notifications": {"osc9": output.count(b"\x1b]9;"), "osc777": output.count(b"\x1b]777;notify;"), "bel": output.count(b"\x07")},
    }))


if __name__ == "__main__":
    main()
