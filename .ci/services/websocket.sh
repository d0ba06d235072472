#!/usr/bin/env bash
# The WebSocket peer (Tests/Support/ws_peer.py, Python `websockets`) on 127.0.0.1:58765 (ws) and
# 58766 (wss, a self-signed certificate for 127.0.0.1 and localhost in $DIR/cert.pem).
# Usage: bash .ci/services/websocket.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=58765
TLS_PORT=58766
DIR=$SONDE_CI_WORK/websocket
LOG=$DIR/peer.log
PID=$DIR/peer.pid

start() {
    if port_open "$PORT" && port_open "$TLS_PORT"; then echo "websocket peer already running on 127.0.0.1:$PORT"; return 0; fi
    # An older peer without the TLS port: replace it.
    stop_pid "$PID"
    python3 -c "import websockets.asyncio.server" 2>/dev/null || { echo "python websockets >= 13 is missing (pip install websockets)" >&2; exit 1; }
    mkdir -p "$DIR"
    if [ ! -f "$DIR/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$DIR/key.pem" -out "$DIR/cert.pem" 2>/dev/null
    fi
    setsid nohup python3 "$ROOT/Tests/Support/ws_peer.py" --port "$PORT" \
        --tls-port "$TLS_PORT" --cert "$DIR/cert.pem" --key "$DIR/key.pem" >>"$LOG" 2>&1 </dev/null &
    echo $! >"$PID"
    wait_until "$LOG" port_open "$PORT"
    wait_until "$LOG" port_open "$TLS_PORT"
    echo "websocket peer on 127.0.0.1:$PORT (wss on $TLS_PORT)"
}

stop() { stop_pid "$PID"; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
