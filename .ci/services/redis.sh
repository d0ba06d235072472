#!/usr/bin/env bash
# Redis 127.0.0.1:56379 with `requirepass sonde-redis-secret` and an ACL user
# `probe` / `probe-secret` (for redis://user:password@ URLs).
# Usage: bash .ci/services/redis.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=56379
DIR=$SONDE_CI_WORK/redis
LOG=$DIR/server.log
PID=$DIR/redis.pid

ready() { redis-cli -h 127.0.0.1 -p "$PORT" --no-auth-warning -a sonde-redis-secret ping | grep -q PONG; }

start() {
    if ready; then echo "redis already running on 127.0.0.1:$PORT"; return 0; fi
    command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
    mkdir -p "$DIR"
    cat >"$DIR/redis.conf" <<CONF
bind 127.0.0.1
port $PORT
dir $DIR
pidfile $PID
logfile $LOG
daemonize yes
save ""
appendonly no
requirepass sonde-redis-secret
user probe on >probe-secret ~* &* +@all
CONF
    redis-server "$DIR/redis.conf"
    wait_until "$LOG" ready
    echo "redis on 127.0.0.1:$PORT"
}

stop() { stop_pid "$PID"; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
