#!/usr/bin/env bash
# PostgreSQL server binaries (initdb, pg_ctl, postgres) from Debian, for tests/test_dbt_postgres.py,
# which starts its own throwaway server. Installs only; does not start the distribution's cluster.
# Idempotent. Prints the directory holding pg_ctl.
set -euo pipefail

find_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        if [[ -x "$d/pg_ctl" && -x "$d/initdb" ]]; then echo "$d"; fi
    done | sort -V | tail -n 1
}

bindir="$(find_bindir)"
if [[ -z "$bindir" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "ensure_postgres: PostgreSQL is not installed and we are not root (run: apt-get install postgresql)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # policy-rc.d 101: do not start the packaged cluster's service during the install
    policy=/usr/sbin/policy-rc.d
    created_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy"
        chmod +x "$policy"
        created_policy=1
    fi
    apt-get install -y -qq postgresql > /dev/null || { [[ $created_policy -eq 1 ]] && rm -f "$policy"; exit 1; }
    if [[ $created_policy -eq 1 ]]; then rm -f "$policy"; fi
    bindir="$(find_bindir)"
fi
if [[ -z "$bindir" ]]; then
    echo "ensure_postgres: pg_ctl not found under /usr/lib/postgresql/*/bin after installing postgresql" >&2
    exit 1
fi
echo "$bindir"
