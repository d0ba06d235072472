#!/usr/bin/env bash
# The WebSocket peer (Tests/Support/ws_peer.py, Python `websockets`) on 127.0.0.1:58765.
# Usage: bash .ci/services/websocket.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=58765
DIR=$SONDE_CI_WORK/websocket
LOG=$DIR/peer.log
PID=$DIR/peer.pid

start() {
    if port_open "$PORT"; then echo "websocket peer already running on 127.0.0.1:$PORT"; return 0; fi
    python3 -c "import websockets" 2>/dev/null || { echo "python websockets is missing (pip install websockets)" >&2; exit 1; }
    mkdir -p "$DIR"
    setsid nohup python3 "$ROOT/Tests/Support/ws_peer.py" --port "$PORT" >>"$LOG" 2>&1 </dev/null &
    echo $! >"$PID"
    wait_until "$LOG" port_open "$PORT"
    echo "websocket peer on 127.0.0.1:$PORT"
}

stop() { stop_pid "$PID"; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
