#!/usr/bin/env bash
# Starts (or stops) a local PostgreSQL server, for running the tests against an external server
# (MULTISESSION_PG_URL) and for the benchmarks; the tests start an embedded one otherwise.
#
#   .ci/postgres.sh          install the Debian package if needed, start a cluster on
#                            127.0.0.1:5432, create role multisession (password multisession,
#                            CREATEDB) and database multisession_test
#   .ci/postgres.sh stop     stop that cluster
#
# Idempotent; runs as root on Debian without systemd (pg_ctlcluster drives the server
# directly). Port, role, password and database can be changed through MULTISESSION_PG_PORT,
# MULTISESSION_PG_USER, MULTISESSION_PG_PASSWORD and MULTISESSION_PG_DB.
set -euo pipefail

PORT="${MULTISESSION_PG_PORT:-5432}"
ROLE="${MULTISESSION_PG_USER:-multisession}"
PASSWORD="${MULTISESSION_PG_PASSWORD:-multisession}"
DB="${MULTISESSION_PG_DB:-multisession_test}"
CLUSTER=main

say() { echo "[postgres] $*"; }

server_version() {
    # The newest server installed by Debian's packages, e.g. 15.
    ls -1 /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1
}

as_postgres() {
    runuser -u postgres -- "$@"
}

install_server() {
    local version
    version="$(server_version)"
    if [[ -n "$version" && -x "/usr/lib/postgresql/$version/bin/postgres" ]] && command -v pg_ctlcluster >/dev/null; then
        say "PostgreSQL $version server already installed"
        return
    fi
    say "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # The package's postinst creates the 'main' cluster; starting it may fail without an
    # init system, which is fine because it is started below.
    apt-get install -y -q postgresql || true
    version="$(server_version)"
    if [[ -z "$version" || ! -x "/usr/lib/postgresql/$version/bin/postgres" ]]; then
        say "PostgreSQL server binaries still missing after apt-get install" >&2
        exit 1
    fi
}

cluster_exists() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'
}

cluster_online() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$CLUSTER" '$1 == v && $2 == c && $4 ~ /online/ { found = 1 } END { exit !found }'
}

cluster_port() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }'
}

start() {
    install_server
    local version
    version="$(server_version)"
    if ! cluster_exists "$version"; then
        say "creating cluster $version/$CLUSTER on port $PORT"
        pg_createcluster --port "$PORT" "$version" "$CLUSTER"
    fi
    if [[ "$(cluster_port "$version")" != "$PORT" ]]; then
        say "setting cluster $version/$CLUSTER to port $PORT"
        pg_conftool "$version" "$CLUSTER" set port "$PORT"
    fi
    if cluster_online "$version"; then
        say "cluster $version/$CLUSTER already running on port $PORT"
    else
        say "starting cluster $version/$CLUSTER on port $PORT"
        # The socket directory lives on tmpfs on some machines and vanishes on reboot.
        install -d -o postgres -g postgres -m 2775 /var/run/postgresql
        pg_ctlcluster "$version" "$CLUSTER" start
    fi
    wait_ready
    create_role_and_database
    say "ready: jdbc:postgresql://127.0.0.1:$PORT/$DB (user $ROLE)"
}

wait_ready() {
    local i
    for i in $(seq 1 60); do
        if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
            return
        fi
        sleep 0.5
    done
    say "server did not accept connections on 127.0.0.1:$PORT within 30 s" >&2
    exit 1
}

psql_admin() {
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"
}

create_role_and_database() {
    if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" == "1" ]]; then
        say "role $ROLE exists; resetting its password"
        psql_admin -c "ALTER ROLE \"$ROLE\" WITH LOGIN CREATEDB PASSWORD '$PASSWORD'"
    else
        say "creating role $ROLE"
        psql_admin -c "CREATE ROLE \"$ROLE\" WITH LOGIN CREATEDB PASSWORD '$PASSWORD'"
    fi
    if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" == "1" ]]; then
        say "database $DB exists"
    else
        say "creating database $DB owned by $ROLE"
        psql_admin -c "CREATE DATABASE \"$DB\" OWNER \"$ROLE\""
    fi
}

stop() {
    local version
    version="$(server_version)"
    if [[ -z "$version" ]] || ! command -v pg_ctlcluster >/dev/null; then
        say "no PostgreSQL server installed; nothing to stop"
        return
    fi
    if cluster_online "$version"; then
        say "stopping cluster $version/$CLUSTER"
        pg_ctlcluster "$version" "$CLUSTER" stop -m fast
    else
        say "cluster $version/$CLUSTER is not running"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
