#!/usr/bin/env bash
# 启动测试用的临时 PostgreSQL / start a throwaway PostgreSQL server for the tests.
#
#   export UNIONDESK_TEST_PG_URL="$(bash installer/start-postgres.sh)"
#   …  bash installer/stop-postgres.sh
#
# Listens on 127.0.0.1 only (password-less "trust" auth, so never on a shared interface), keeps its data in
# a temporary folder, creates the database uniondesk_test, and prints its SQLAlchemy URL on stdout (progress
# goes to stderr). Idempotent: a server already running from the same folder is reused.
# As root it runs the server as the `postgres` user of the Debian package (PostgreSQL refuses root).
# Environment: UNIONDESK_PG_PORT (54329), UNIONDESK_PG_DIR (/tmp/uniondesk-pg-PORT),
#              UNIONDESK_PG_BIN (folder of initdb/pg_ctl; default: newest /usr/lib/postgresql/*/bin, or PATH).
set -euo pipefail

PORT="${UNIONDESK_PG_PORT:-54329}"
BASE="${UNIONDESK_PG_DIR:-/tmp/uniondesk-pg-$PORT}"
DATA="$BASE/data"
DB_NAME=uniondesk_test
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB_NAME"

say() { printf '[postgres] %s\n' "$*" >&2; }
die() { printf '[postgres] 错误 / error: %s\n' "$*" >&2; exit 1; }

pg_bin() {
    if [ -n "${UNIONDESK_PG_BIN:-}" ]; then
        printf '%s\n' "$UNIONDESK_PG_BIN"
        return
    fi
    local newest
    newest="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$newest" ]; then
        printf '%s\n' "$newest"
    elif command -v pg_ctl >/dev/null; then
        dirname "$(command -v pg_ctl)"
    fi
}

BIN="$(pg_bin)"
[ -n "$BIN" ] && [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ] \
    || die "找不到 PostgreSQL 服务器程序 / PostgreSQL server not found (Debian: apt-get install postgresql)"

# The server and its files belong to `postgres` when we are root, to ourselves otherwise.
if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || die "没有 postgres 用户 / no 'postgres' OS user (apt-get install postgresql)"
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER="$(id -un)"
    as_owner() { "$@"; }
fi

if [ -L "$BASE" ]; then
    die "$BASE 是符号链接，拒绝使用 / is a symlink, refused"
fi
mkdir -p "$BASE"
if [ "$(id -u)" = 0 ]; then
    chown "$OWNER": "$BASE"
fi
[ "$(stat -c %U "$BASE")" = "$OWNER" ] || die "$BASE 不属于 $OWNER / is not owned by $OWNER"
chmod 700 "$BASE"
as_owner test -w "$BASE" || die "$OWNER 无法写入 $BASE / cannot write there (set UNIONDESK_PG_DIR)"

if [ ! -f "$DATA/PG_VERSION" ]; then
    say "初始化数据目录 / initdb in $DATA"
    rm -rf "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync \
        >"$BASE/initdb.log" 2>&1 || { cat "$BASE/initdb.log" >&2; die "initdb 失败 / failed"; }
fi

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "复用已在运行的服务器 / reusing the server already running on 127.0.0.1:$PORT"
else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "端口 $PORT 已被其他程序占用 / port $PORT is taken (set UNIONDESK_PG_PORT)"
    fi
    say "启动服务器 / starting the server on 127.0.0.1:$PORT"
    # fsync off: a throwaway server whose data nobody needs after a crash; tests run faster.
    options="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$BASE"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 -o "$options" start >/dev/null \
        || { tail -n 30 "$BASE/server.log" >&2 || true; die "服务器未能启动 / the server did not start"; }
fi

psql=("$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres)
exists="$(PGCONNECT_TIMEOUT=10 "${psql[@]}" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" || die "无法连接服务器 / cannot connect"
if [ "$exists" != 1 ]; then
    say "创建数据库 / creating database $DB_NAME"
    "${psql[@]}" -d postgres -c "CREATE DATABASE $DB_NAME ENCODING 'UTF8' TEMPLATE template0" >/dev/null \
        || die "无法创建数据库 / CREATE DATABASE failed"
fi
printf '%s\n' "$URL"
