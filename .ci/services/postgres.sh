#!/usr/bin/env bash
# PostgreSQL 127.0.0.1:55432, role `sonde` / password `sonde-pg-secret`, database `sonde`, SSL on
# with a self-signed certificate (so `tls: require` works and `verify-full` fails for a reason).
# Usage: bash .ci/services/postgres.sh start|stop
source "$(dirname "$0")/common.bash"
PORT=55432
DIR=$SONDE_CI_WORK/postgres
DATA=$DIR/data
LOG=$DIR/server.log
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "postgresql is not installed (apt-get install postgresql)" >&2; exit 1; }

# initdb and postgres refuse to run as root: run them as the `postgres` user when we are root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root, the `postgres` user must reach the data directory; a checkout under /root is out of its
# reach, so the cluster then lives in /tmp instead (throwaway either way).
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$DIR" && chown postgres "$DIR"
    if ! runuser -u postgres -- test -w "$DIR"; then
        DIR=/tmp/sonde-ci-postgres-$PORT
        mkdir -p "$DIR" && chown postgres "$DIR"
    fi
    DATA=$DIR/data
    LOG=$DIR/server.log
fi

ready() { as_owner "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

start() {
    if ready; then echo "postgres already running on 127.0.0.1:$PORT"; return 0; fi
    mkdir -p "$DIR"
    if [ ! -f "$DATA/PG_VERSION" ]; then
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log"
        as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=sonde-ci" \
            -keyout "$DATA/server.key" -out "$DATA/server.crt" 2>/dev/null
        chmod 600 "$DATA/server.key"
        cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
ssl = on
fsync = off
CONF
    fi
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w start >/dev/null
    wait_until "$LOG" ready
    as_owner "$BIN/psql" -q -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE sonde LOGIN PASSWORD ''sonde-pg-secret'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sonde')\gexec
SELECT 'CREATE DATABASE sonde OWNER sonde'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'sonde')\gexec
SQL
    echo "postgres on 127.0.0.1:$PORT (data $DATA)"
}

stop() {
    if [ -f "$DATA/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true; fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
