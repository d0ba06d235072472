# Shared helpers for the service scripts: sourced, not run. Each script starts one server on
# 127.0.0.1, on a fixed non-default port, with its data under $SONDE_CI_WORK (throwaway).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SONDE_CI_WORK=${SONDE_CI_WORK:-$ROOT/.ci/work}
mkdir -p "$SONDE_CI_WORK"
SONDE_CI_WORK=$(cd "$SONDE_CI_WORK" && pwd)

# Waits until `$@` succeeds, for at most $WAIT_SECONDS (default 60); the server's log on failure.
wait_until() {
    local log=$1; shift
    local tries=$(( ${WAIT_SECONDS:-60} * 5 ))
    for _ in $(seq "$tries"); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    echo "service did not answer in time; last lines of $log:" >&2
    tail -n 30 "$log" >&2 || true
    return 1
}

# True when a process whose pid is in file $1 is alive.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Ends the process whose pid is in file $1 (and only it), then removes the file.
stop_pid() {
    local file=$1
    if pid_alive "$file"; then
        local pid; pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

# TCP port open on 127.0.0.1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
