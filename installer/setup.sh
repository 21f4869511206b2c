#!/usr/bin/env bash
# UnionDesk 开发环境安装 / developer setup (also used by CI, see .ci/run).
#
#   bash installer/setup.sh                      # .venv + pip install -e '.[test]'
#   bash installer/setup.sh --system-packages    # first: Debian packages for headless Qt, xvfb, poppler, fonts
#   bash installer/setup.sh --with-postgresql    # with --system-packages: also the PostgreSQL server (tests)
#   bash installer/setup.sh --demo               # then: the demo database (东四街道工会, 20000 members)
#
# Idempotent: packages already installed are skipped, and pip runs only when pyproject.toml changed since
# the last successful install (pip's own download cache, ~/.cache/pip or $PIP_CACHE_DIR, stays enabled).
# Environment: PYTHON (interpreter for a new .venv, default: first of python3, python3.13…3.11 that is ≥3.11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.uniondesk-install-stamp"

# Runtime libraries of PySide6's wheels, found with `ldd` on Qt/lib/*.so and Qt/plugins/platforms/*.so
# (offscreen for tests, xcb under xvfb for screenshots); ICU is bundled in the wheel.
QT_PACKAGES=(
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1 zlib1g libzstd1
)
OTHER_PACKAGES=(xvfb xauth poppler-utils fonts-wqy-microhei fontconfig ca-certificates)
PG_PACKAGES=(postgresql)

system_packages=0
with_postgresql=0
demo=0

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] 错误 / error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --system-packages) system_packages=1 ;;
        --with-postgresql) with_postgresql=1 ;;
        --demo) demo=1 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "未知选项 / unknown option: $1" ;;
    esac
    shift
done

install_system_packages() {
    local wanted=("${QT_PACKAGES[@]}" "${OTHER_PACKAGES[@]}")
    if [ "$with_postgresql" = 1 ]; then
        wanted+=("${PG_PACKAGES[@]}")
    fi
    if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
        say "没有 apt-get：请用本系统的包管理器安装 / no apt-get: install the equivalents of:"
        say "  ${wanted[*]}"
        return 0
    fi
    local missing=() pkg
    for pkg in "${wanted[@]}"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "系统软件包已齐全 / system packages already installed"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            say "需要管理员权限，请以 root 运行 / needs root, please run:"
            say "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
            return 0
        fi
    fi
    say "安装系统软件包 / installing system packages: ${missing[*]}"
    local log
    log="$(mktemp)"
    # `apt-get update` only when something is missing: the lists are then fresh for this install, and a
    # machine that has everything needs no network at all.
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
        || ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            -o Dpkg::Use-Pty=0 "${missing[@]}" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        rm -f "$log"
        die "apt-get 失败 / apt-get failed"
    fi
    rm -f "$log"
}

find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

install_python() {
    if [ ! -x "$VENV/bin/python" ]; then
        local python
        python="$(find_python)" || die "需要 Python ≥ 3.11 / Python ≥ 3.11 not found (set PYTHON=…)"
        say "创建虚拟环境 / creating .venv with $python ($("$python" -V 2>&1))"
        "$python" -m venv "$VENV" \
            || die "无法创建 .venv / venv failed (Debian: apt-get install python3-venv)"
    fi
    "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die ".venv 的 Python 低于 3.11，请删除 .venv 后重试 / .venv's Python is older than 3.11: delete .venv"

    local want
    want="$("$VENV/bin/python" -c 'import sys; print(sys.version)' | head -n 1) $(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/uniondesk" ] \
        && "$VENV/bin/python" -c 'import db, desktop' 2>/dev/null; then
        say "Python 依赖已是最新 / Python packages up to date"
        return 0
    fi
    say "安装 Python 依赖 / pip install -e '.[test]' (几分钟 / a few minutes the first time)"
    rm -f "$STAMP"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install -q -e "$ROOT[test]" \
        || die "pip install 失败 / pip install failed"
    # the editable install runs from site-packages' metadata; the build's egg-info beside the sources is
    # a leftover that does not belong in the project's top level
    rm -rf "$ROOT"/*.egg-info
    printf '%s\n' "$want" >"$STAMP"
}

create_demo() {
    local target err
    target="$("$VENV/bin/python" -c 'from db.store import default_target; print(default_target())')"
    err="$(mktemp)"
    say "演示数据库 / demo database: $target"
    if "$VENV/bin/uniondesk" init --office-code 110101006 --office-name 东四街道工会 2>"$err"; then
        rm -f "$err"
        say "生成演示数据 / generating demo data (20000 members)"
        "$VENV/bin/uniondesk" demo --members 20000 || die "uniondesk demo 失败 / failed"
    elif "$VENV/bin/uniondesk" check >/dev/null 2>&1; then
        rm -f "$err"
        say "演示数据库已存在，跳过 / demo database already exists, skipped"
    else
        cat "$err" >&2
        rm -f "$err"
        die "uniondesk init 失败 / failed"
    fi
}

cd "$ROOT"
if [ "$system_packages" = 1 ]; then
    install_system_packages
elif [ "$with_postgresql" = 1 ]; then
    die "--with-postgresql 需与 --system-packages 一起使用 / use it with --system-packages"
fi
install_python
if [ "$demo" = 1 ]; then
    create_demo
fi
say "完成 / done"
