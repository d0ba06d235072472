#!/usr/bin/env bash
# The dashboard over a real SSH connection, against htop over the same sshd in the same run.
#   Benchmarks/ssh/run.sh [SECONDS]          (root or not; needs openssh-server, openssh-client, htop, python3 with pyte)
#   SONDE_BIN=dist/sonde Benchmarks/ssh/run.sh   the binary to run on the "bastion" (default dist/sonde)
# An sshd of its own on 127.0.0.1 (a free port, keys made for the run, nothing in ~/.ssh touched),
# every session through relay.py, which counts the encrypted bytes that cross the connection.
# Figures: wire bytes/s of sonde demo and of htop at 80x24 and 160x48; the time from a dropped
# connection (ssh client killed) to the remote sonde's exit and what is left running; and the
# screen under TERM=xterm, xterm-256color, screen-256color, tmux-256color, linux and vt100 at 80x24.
# Exit 1 when a check fails (a process left, a slow exit, a garbled or unrestored screen).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
here=$(pwd)/Benchmarks/ssh
meter=${TTYMETER:-$(pwd)/Benchmarks/Support/ptymeter.py}
sonde=$(realpath "${SONDE_BIN:-dist/sonde}")
[ -x "$sonde" ] || { echo "no $sonde: build it (packaging/build-static.sh) or set SONDE_BIN" >&2; exit 1; }
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "no sshd: apt-get install openssh-server" >&2; exit 1; }
command -v htop >/dev/null || { echo "no htop: apt-get install htop" >&2; exit 1; }

work=$(mktemp -d /tmp/sonde-ssh.XXXXXX)
sshd_pid=""
cleanup() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
user=$(id -un)
# UsePAM no makes OpenSSH refuse an account whose password is locked ('!' in shadow, as root's or a
# CI user's often is) even for a key; with PAM the key is enough. An sshd that is not root cannot
# use PAM (and cannot read shadow, so it sees no lock). SONDE_SSH_USEPAM=no|yes overrides.
usepam=${SONDE_SSH_USEPAM:-$([ "$(id -u)" = 0 ] && echo yes || echo no)}
cat > "$work/sshd_config" <<CFG
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM $usepam
AcceptEnv LANG SONDE_DROP_MARK
LogLevel ERROR
CFG
mkdir -p /run/sshd 2>/dev/null || true
"$sshd" -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done

# ssh options for every session: this run's key, no known_hosts, each connection through the relay
# (which logs to $1). Sets the array ssh_args; the remote command follows it.
ssh_to() {
    ssh_args=(ssh -tt -F /dev/null -i "$work/user_key" -o IdentitiesOnly=yes -o StrictHostKeyChecking=no
        -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o SendEnv=LANG
        -o "ProxyCommand=python3 $here/relay.py 127.0.0.1 $port $1" -p "$port" "$user@127.0.0.1")
}
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

wire() { # label, cols, rows, remote command...
    local label=$1 cols=$2 rows=$3; shift 3
    local log="$work/wire-$RANDOM.log" start
    start=$(date +%s.%N)
    local meter_out
    ssh_to "$log"
    meter_out=$(LANG=C.UTF-8 python3 "$meter" --cols "$cols" --rows "$rows" --warmup 5 --seconds "$seconds" --json \
        --term xterm-256color -- "${ssh_args[@]}" "$@")
    local rate
    rate=$(python3 "$here/wire_rate.py" "$log" "$(echo "$start + 5" | bc)" "$(echo "$start + 5 + $seconds" | bc)")
    printf '%-30s wire down %8s B/s  up %6s B/s   pty %s\n' "$label" ${rate} "$meter_out"
    echo "$rate" | cut -d' ' -f1 > "$work/rate-$(echo "$label" | tr -c 'a-z0-9' '_')"
}

echo "== wire bytes/s over SSH, ${seconds}s after 5s of warm-up, xterm-256color, same sshd, same run"
for size in "80 24" "160 48"; do
    set -- $size
    wire "sonde demo ${1}x${2}" "$1" "$2" "$sonde" demo
    wire "htop ${1}x${2}" "$1" "$2" htop
    s=$(cat "$work/rate-sonde_demo_${1}x${2}_"); h=$(cat "$work/rate-htop_${1}x${2}_")
    echo "   ratio sonde/htop at ${1}x${2}: $(python3 -c "print(round($s / $h, 2))")"
done

echo "== dropped connection: ssh client killed under the dashboard (5 runs)"
for i in 1 2 3 4 5; do
    mark="drop-$RANDOM$RANDOM"
    ssh_to "$work/wire-drop.log"
    out=$(LANG=C.UTF-8 TERM=xterm-256color python3 "$here/drop.py" --pidfile "$work/remote.pid" --marker "$mark" -- \
        "${ssh_args[@]}" env SONDE_DROP_MARK="$mark" sh -c "'echo \$\$ > $work/remote.pid; exec $sonde demo'")
    echo "   $out"
    python3 - "$out" <<'PY' || failures=$((failures + 1))
import json, sys
r = json.loads(sys.argv[1])
ok = r.get("exit_ms") is not None and r["exit_ms"] < 1000 and not r["left_running"]
print("   ok" if ok else "   FAIL: the remote sonde did not exit within a second, or left a process")
sys.exit(0 if ok else 1)
PY
    rm -f "$work/remote.pid"
done

echo "== terminals at 80x24 over SSH (colours the program sent, borders, geometry against xterm-256color)"
for term in xterm-256color xterm screen-256color tmux-256color linux vt100; do
    ssh_to "$work/wire-term.log"
    out=$(LANG=C.UTF-8 python3 "$here/term_check.py" --term "$term" --frame-out "$work/screen-$term.txt" -- \
        "${ssh_args[@]}" "$sonde" demo)
    echo "$out" > "$work/term-$term.json"
    python3 - "$work" "$term" <<'PY' || failures=$((failures + 1))
import json, sys
work, term = sys.argv[1], sys.argv[2]
r = json.load(open(f"{work}/term-{term}.json"))
ref = json.load(open(f"{work}/term-xterm-256color.json"))
want = {"xterm": {"8", "16"}, "linux": {"8", "16"}, "vt100": set()}.get(term, {"8", "16", "256"})
problems = []
if r["first_frame_s"] is None: problems.append("no frame")
if not set(r["colours"]) <= want: problems.append(f"sent colours {r['colours']} beyond what {term} has")
if term != "vt100" and not r["colours"]: problems.append("no colour at all")
if r["stray_escapes"]: problems.append("escape sequences shown as text")
if r["frame"] != ref["frame"]: problems.append("borders differ from xterm-256color's")
if not r["quit_ok"] or not r["terminal_restored"]: problems.append("q did not quit and restore")
print(f"   {term:16} colours {','.join(r['colours']) or 'none':10} borders {r['borders']:5} first frame {r['first_frame_s']}s  "
      + ("ok" if not problems else "FAIL: " + "; ".join(problems)))
sys.exit(1 if problems else 0)
PY
done
if [ -n "${SONDE_SSH_SCREENS:-}" ]; then mkdir -p "$SONDE_SSH_SCREENS"; cp "$work"/screen-*.txt "$SONDE_SSH_SCREENS/"; fi

echo
if [ "$failures" = 0 ]; then echo "ssh: every check passed"; else echo "ssh: $failures checks failed"; exit 1; fi
