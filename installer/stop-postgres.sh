#!/usr/bin/env bash
# 停止测试用的临时 PostgreSQL / stop the throwaway server of installer/start-postgres.sh and delete its data.
#
#   bash installer/stop-postgres.sh [--keep]     # --keep: stop, but keep the data folder
#
# Same environment as start-postgres.sh (UNIONDESK_PG_PORT, UNIONDESK_PG_DIR, UNIONDESK_PG_BIN).
# Idempotent: nothing running and nothing left is fine.
set -euo pipefail

PORT="${UNIONDESK_PG_PORT:-54329}"
BASE="${UNIONDESK_PG_DIR:-/tmp/uniondesk-pg-$PORT}"
DATA="$BASE/data"
keep=0
[ "${1:-}" = --keep ] && keep=1

say() { printf '[postgres] %s\n' "$*" >&2; }

if [ ! -d "$DATA" ]; then
    say "没有运行中的测试服务器 / no test server in $BASE"
    exit 0
fi

BIN="${UNIONDESK_PG_BIN:-$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$BIN" ] && command -v pg_ctl >/dev/null; then
    BIN="$(dirname "$(command -v pg_ctl)")"
fi

if [ "$(id -u)" = 0 ]; then
    as_owner() { runuser -u postgres -- "$@"; }
else
    as_owner() { "$@"; }
fi

if [ -n "$BIN" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "停止服务器 / stopping the server on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
fi
if [ "$keep" = 0 ]; then
    rm -rf "$BASE"
    say "已删除 / removed $BASE"
fi
