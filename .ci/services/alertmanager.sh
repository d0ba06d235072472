#!/usr/bin/env bash
# Prometheus Alertmanager (Debian prometheus-alertmanager) on 127.0.0.1:59093, no clustering,
# one receiver that sends nowhere: the alert tests post alerts and read them back through its API.
# Usage: bash .ci/services/alertmanager.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=59093
DIR=$SONDE_CI_WORK/alertmanager
LOG=$DIR/alertmanager.log
PID=$DIR/alertmanager.pid

ready() { curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null; }

start() {
    if ready; then echo "alertmanager already running on 127.0.0.1:$PORT"; return 0; fi
    command -v prometheus-alertmanager >/dev/null || { echo "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)" >&2; exit 1; }
    mkdir -p "$DIR/data"
    cat >"$DIR/alertmanager.yml" <<CONF
route:
  receiver: sink
  group_wait: 1s
  group_interval: 1s
receivers:
  - name: sink
CONF
    setsid nohup prometheus-alertmanager --config.file="$DIR/alertmanager.yml" --storage.path="$DIR/data" \
        --web.listen-address="127.0.0.1:$PORT" --cluster.listen-address="" >>"$LOG" 2>&1 </dev/null &
    echo $! >"$PID"
    wait_until "$LOG" ready
    echo "alertmanager on 127.0.0.1:$PORT"
}

stop() { stop_pid "$PID"; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
