#!/usr/bin/env python3
"""Runs COMMAND in a pseudo-terminal with TERM set, waits for the dashboard's first full frame
(TEXT on the screen), watches a little longer, quits with q and reports, as JSON: the SGR colour
kinds the program sent (8 / 16 / 256 / rgb), whether box-drawing or ASCII borders are on screen,
the border geometry (to compare across terminals: a garbled screen moves borders), stray escape
text on screen, and whether the terminal was restored as its terminfo says (rmcup, cnorm; the cursor
on the last line where there is no alternate screen).
  term_check.py --term vt100 [--cols 80 --rows 24] [--text Services] [--frame-out FILE] -- COMMAND...
"""
import argparse, fcntl, json, os, pty, re, select, signal, struct, subprocess, sys, termios, time
import pyte

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../Tests/SondeEndToEndTests/Support"))
from pty_session import Screen, last_drawing  # noqa: E402  (Screen: pyte with the CSI S / T scrolls ncurses uses)


def capability(term, name):
    """The terminfo string TERM has for NAME (tput), or b"" when it has none."""
    found = subprocess.run(["tput", "-T", term, name], capture_output=True)
    return found.stdout if found.returncode == 0 else b""


def restored(term, raw, cursor_row, rows):
    """What ncurses' endwin owes this terminal, after the last thing drawn: rmcup (leave the
    alternate screen) and cnorm (cursor shown) where TERM has them. linux has no rmcup and vt100
    neither, so there the dashboard stays on screen and the cursor must be on the last line, where
    the shell's prompt goes on without overwriting it."""
    drawn = last_drawing(raw)
    owed = {name: capability(term, name) for name in ("rmcup", "cnorm")}
    missing = [name for name, seq in owed.items() if seq and raw.rfind(seq) < drawn]
    if not owed["rmcup"] and cursor_row != rows - 1:
        missing.append(f"cursor on row {cursor_row + 1}, not the last")
    return missing

BOX = set("─│┌┐└┘├┤┬┴┼═║╔╗╚╝╭╮╯╰━┃")
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")

def colour_kinds(raw):
    kinds = set()
    for match in SGR.finditer(raw):
        params = [p for p in match.group(1).replace(b":", b";").split(b";") if p]
        i = 0
        while i < len(params):
            p = int(params[i])
            if p in (38, 48) and i + 1 < len(params):
                kinds.add("256" if params[i + 1] == b"5" else "rgb"); i += 3 if params[i + 1] == b"5" else 5; continue
            if 30 <= p <= 37 or 40 <= p <= 47: kinds.add("8")
            elif 90 <= p <= 97 or 100 <= p <= 107: kinds.add("16")
            i += 1
    return sorted(kinds)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--term", required=True); ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24); ap.add_argument("--text", default="Services")
    ap.add_argument("--settle", type=float, default=1.5, help="seconds watched after the first frame")
    ap.add_argument("--frame-out"); ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    screen = Screen(a.cols, a.rows); stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = a.term; os.environ.setdefault("LANG", "C.UTF-8")
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
    raw = bytearray(); first_frame = None; start = time.monotonic()

    def pump(timeout):
        r, _, _ = select.select([fd], [], [], timeout)
        if not r: return True
        try: data = os.read(fd, 65536)
        except OSError: data = b""
        if not data: return False
        raw.extend(data); stream.feed(data); return True

    alive = True
    while alive and time.monotonic() - start < 15:
        alive = pump(0.05)
        if first_frame is None and any(a.text in line for line in screen.display):
            first_frame = time.monotonic(); break
    settle_end = time.monotonic() + a.settle
    while alive and time.monotonic() < settle_end: alive = pump(0.05)
    lines = list(screen.display)
    status = None
    if alive: os.write(fd, b"q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if alive: alive = pump(0.05)
        wp, st = os.waitpid(pid, os.WNOHANG)
        if wp: status = st; break
    if status is None:
        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
    frame = ["".join(c if c in BOX else " " for c in line).rstrip() for line in lines]
    if a.frame_out:
        with open(a.frame_out, "w") as f: f.write("\n".join(lines) + "\n")
    not_restored = restored(a.term, bytes(raw), screen.cursor.y, a.rows)
    text = "\n".join(lines)
    print(json.dumps({
        "term": a.term,
        "first_frame_s": round(first_frame - start, 2) if first_frame else None,
        "colours": colour_kinds(bytes(raw)),
        "borders": "box" if any(c in BOX for c in text) else ("ascii" if "+-" in text or "|" in text else "none"),
        "stray_escapes": bool(re.search(r"\[[0-9;?]+[A-Za-z]|\x1b", text)),
        "frame": frame,
        "quit_ok": status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0,
        "terminal_restored": not not_restored,
        "not_restored": not_restored,
    }))

if __name__ == "__main__":
    main()
