#!/usr/bin/env bash
# UnionDesk: run all tests, the way a newcomer and CI do (README's second command).
#
#   bash installer/run-tests.sh [pytest arguments]
#
# Installs what is missing (Debian packages for headless Qt, the PostgreSQL server, .venv), starts a
# throwaway PostgreSQL on 127.0.0.1 so the database tests run on both backends, runs pytest, stops it.
# Set UNIONDESK_TEST_PG_URL yourself to use another server; UNIONDESK_NO_PG=1 runs SQLite only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen

if [ "${UNIONDESK_NO_PG:-0}" = 1 ]; then
    bash installer/setup.sh --system-packages
else
    bash installer/setup.sh --system-packages --with-postgresql
    if [ -z "${UNIONDESK_TEST_PG_URL:-}" ]; then
        trap 'bash installer/stop-postgres.sh >/dev/null 2>&1 || true' EXIT
        UNIONDESK_TEST_PG_URL="$(bash installer/start-postgres.sh)"
        export UNIONDESK_TEST_PG_URL
    fi
    echo "[tests] PostgreSQL: $UNIONDESK_TEST_PG_URL"
fi

status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" = 5 ]; then
    echo "[tests] 没有运行任何测试 / no tests ran" >&2
fi
exit "$status"
