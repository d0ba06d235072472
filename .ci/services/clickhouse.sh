#!/usr/bin/env bash
# ClickHouse HTTP interface on 127.0.0.1:58123 (native TCP on 59000), user `sonde` / password
# `sonde-ch-secret`; `default` keeps its empty password. Debian's clickhouse-server (18.16) has no
# service we can point at a work dir, so it runs from a minimal config of our own, in the background.
# Usage: bash .ci/services/clickhouse.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=58123
DIR=$SONDE_CI_WORK/clickhouse
LOG=$DIR/server.log
PID=$DIR/clickhouse.pid

ready() { curl -fsS "http://127.0.0.1:$PORT/ping" 2>/dev/null | grep -q Ok; }

start() {
    if ready; then echo "clickhouse already running on 127.0.0.1:$PORT"; return 0; fi
    command -v clickhouse-server >/dev/null || { echo "clickhouse-server is not installed (apt-get install clickhouse-server)" >&2; exit 1; }
    mkdir -p "$DIR/data" "$DIR/tmp" "$DIR/user_files"
    cat >"$DIR/config.xml" <<CONF
<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>$LOG</log><errorlog>$DIR/server.err.log</errorlog><console>0</console></logger>
    <http_port>$PORT</http_port>
    <tcp_port>59000</tcp_port>
    <listen_host>127.0.0.1</listen_host>
    <path>$DIR/data/</path>
    <tmp_path>$DIR/tmp/</tmp_path>
    <user_files_path>$DIR/user_files/</user_files_path>
    <users_config>$DIR/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>104857600</mark_cache_size>
    <uncompressed_cache_size>104857600</uncompressed_cache_size>
    <mlock_executable>false</mlock_executable>
</yandex>
CONF
    cat >"$DIR/users.xml" <<CONF
<?xml version="1.0"?>
<yandex>
    <profiles><default></default></profiles>
    <quotas><default></default></quotas>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile><quota>default</quota>
        </default>
        <sonde>
            <password>sonde-ch-secret</password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile><quota>default</quota>
        </sonde>
    </users>
</yandex>
CONF
    if ! pid_alive "$PID"; then
        # nohup + setsid: the server outlives this script and the shell that ran it.
        setsid nohup clickhouse-server --config-file="$DIR/config.xml" >>"$DIR/console.log" 2>&1 </dev/null &
        echo $! >"$PID"
    fi
    WAIT_SECONDS=${WAIT_SECONDS:-120} wait_until "$DIR/console.log" ready
    echo "clickhouse on 127.0.0.1:$PORT"
}

stop() { stop_pid "$PID"; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
