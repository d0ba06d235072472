#!/usr/bin/env bash
# Regenerates packaging/order/sonde.order, the link order of the static binary's code (docs/design.md,
# "Code pages"): every function the dashboard executes, found by running it under callgrind.
#   packaging/order/generate.sh [UNSTRIPPED_SONDE]      (default .build-static/release/sonde)
#   SONDE_ORDER_KEEP=dir packaging/order/generate.sh    also keep callgrind's files there
#   SONDE_ORDER_FRESH=1 packaging/order/generate.sh     forget the names of the file there now
#                                                       (kept by default if the binary has them)
# Needs valgrind, tmux and python3; takes ~15-25 minutes (everything runs ~50x slower under
# callgrind). Not run by CI: the checked-in file is used, and names it lists that a newer build no
# longer has are ignored by the link (--no-warn-symbol-ordering), so a stale file costs memory, not
# a build. Regenerate after changes to what the dashboard runs (or to Swift, NIO, Foundation), then
# rebuild with packaging/build-static.sh and compare with Benchmarks/tui/run.sh.
#
# The runs, in tier order (each tier adds only what the tiers before it did not run):
#   idle      sonde watch --no-history on `sonde demo --serve`: start, first frames, probe rounds,
#             p (pause, resume), q. This is the dashboard Benchmarks/tui measures.
#   keys      the same with the keys: moving, Tab, Enter/Esc, ?, /, t, r, d, s, S, D, +, -.
#   history   sonde watch with a history file (the default), time travel keys.
#   demo      sonde demo (the simulated staging in the same process).
#   many      sonde watch on 250 targets (Benchmarks/scale's kind of config, smaller).
#   commands  sonde check, --version, --help, validate.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build-static/release/sonde}
out=${SONDE_ORDER_OUT:-packaging/order/sonde.order}
[ -x "$bin" ] || { echo "no $bin: build it first (packaging/build-static.sh)" >&2; exit 1; }
for tool in valgrind tmux python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
work=$(mktemp -d /tmp/sonde-order-XXXX)
sock="sonde-order-$$"
server=""
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    if [ -n "${SONDE_ORDER_KEEP:-}" ]; then mkdir -p "$SONDE_ORDER_KEEP"; cp "$work"/*.out "$SONDE_ORDER_KEEP"/ 2>/dev/null || true; fi
    if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# valgrind 3.19 cannot read Swift's DWARF 5; the symbol table is all it needs.
strip --strip-debug -o "$work/sonde" "$bin"
sonde="$work/sonde"
export TERM=xterm-256color LANG=C.UTF-8
callgrind=(valgrind --tool=callgrind --demangle=no --dump-instr=no --dump-line=no
           --compress-strings=no --fair-sched=yes --log-file="$work/valgrind-%p.log")

# The staging, served natively by the same binary.
"$sonde" demo --serve > "$work/demo.yml" &
server=$!
for _ in $(seq 50); do grep -q '^targets:' "$work/demo.yml" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/demo.yml" | head -n 1)

screen() { tmux -L "$sock" capture-pane -p -t order 2>/dev/null || true; }
running() { tmux -L "$sock" has-session -t order 2>/dev/null; }
wait_text() { # text, seconds: until the screen shows it
    local i
    for i in $(seq "$2"); do screen | grep -qF -- "$1" && return 0; running || return 1; sleep 1; done
    echo "   (no \"$1\" on the screen after $2 s)" >&2
}
keys() { # pause between keys, keys...: tmux key names
    local pause=$1 key; shift
    for key in "$@"; do tmux -L "$sock" send-keys -t order -- "$key"; sleep "$pause"; done
}
quit() { # waits for the process (and callgrind's file) to end
    local i
    tmux -L "$sock" send-keys -t order q
    for i in $(seq 120); do running || return 0; sleep 1; done
    echo "   (did not quit in 120 s; ended)" >&2
    tmux -L "$sock" kill-server
}
start() { # name, sonde arguments...: the dashboard under callgrind in a 160x48 tmux pane
    local name=$1; shift
    echo "== $name: sonde $*"
    tmux -L "$sock" new-session -d -s order -x 160 -y 48 \
        "$(printf '%q ' "${callgrind[@]}" --callgrind-out-file="$work/$name.out" "$sonde" "$@")"
}

start idle watch "$work/demo.yml" --no-history
wait_text "backend" 180
sleep 60                       # probe rounds (2 s apart natively, slower here), journeys, redraws
keys 15 p p
sleep 20
quit

start keys watch "$work/demo.yml" --no-history
wait_text "backend" 180
sleep 20
keys 4 j j k Tab Tab BTab Enter
sleep 10
keys 4 + - Escape '?'
sleep 5
keys 4 Escape / b a Escape t t r d s s s s S Escape D Escape p p
sleep 10
quit

start history watch "$work/demo.yml" --history "$work/history.sqlite"
wait_text "backend" 180
sleep 40
keys 6 '[' '[' ']' '{' '}' L g
keys 2 - 1 m Enter
sleep 6
keys 4 Escape
sleep 5
quit

start demo demo
wait_text "backend" 180
sleep 40
quit

# Many targets: 250 on the staging's HTTP server.
{
    echo "environment: many"
    echo "targets:"
    for i in $(seq 1 250); do
        printf '  - { name: svc-%03d, http: "http://127.0.0.1:%s/backend/health", interval: 10s, timeout: 5s }\n' "$i" "$port"
    done
} > "$work/many.yml"
start many watch "$work/many.yml" --no-history
wait_text "svc-" 240
sleep 60
keys 4 j j Enter Escape
quit

echo "== commands"
"${callgrind[@]}" --callgrind-out-file="$work/commands.out" "$sonde" check "$work/demo.yml" --no-history >/dev/null || true
for args in --version --help "validate $work/demo.yml" "check --help"; do
    # shellcheck disable=SC2086
    "${callgrind[@]}" --callgrind-out-file="$work/commands-${args//[^a-z]/}.out" "$sonde" $args >/dev/null 2>&1 || true
done
cat "$work"/commands-*.out >> "$work/commands.out"

if grep -l 'unhandled instruction\|Giving up' "$work"/valgrind-*.log >/dev/null 2>&1; then
    echo "warning: valgrind could not run everything:" >&2
    grep -h 'unhandled instruction\|Giving up' "$work"/valgrind-*.log | sort | uniq -c >&2
fi
echo "== $out"
# The names of the file there now that the binary still has and these runs missed are kept
# (SONDE_ORDER_FRESH=1: only these runs).
keep=()
if [ -z "${SONDE_ORDER_FRESH:-}" ] && [ -f "$out" ]; then keep=(--keep "$out"); fi
python3 packaging/order/order.py "${keep[@]}" "$out" "$sonde" \
    "idle:$work/idle.out" "keys:$work/keys.out" "history:$work/history.out" \
    "demo:$work/demo.out" "many:$work/many.out" "commands:$work/commands.out"
