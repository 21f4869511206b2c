"""Copies of a SQLite database through SQLite's online backup API, with automatic rotation."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from db.errors import StoreError

KEEP_BACKUPS = 20


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a database for reading without creating or changing anything beside it.

    A plain ``mode=ro`` open of a WAL-mode file creates empty -wal/-shm files; with no -wal file present
    there is nothing to recover, so the file is opened as immutable instead.
    """
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True)


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def copy_database(source: Path, dest: Path) -> Path:
    """Copy ``source`` into ``dest`` page by page; a consistent copy even while the source is in use.

    The copy is written beside ``dest`` and renamed over it, so a failed copy never leaves a half file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = connect_read_only(source)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                out.close()
        finally:
            src.close()
        os.replace(partial, dest)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"复制数据库失败（{dest}）：{exc}") from exc
    return dest


def backup_file(db_path: Path, folder: Path, reason: str) -> Path:
    """A timestamped backup of ``db_path`` in ``folder``; keeps the newest ``KEEP_BACKUPS``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = copy_database(db_path, folder / f"{db_path.stem}-{stamp}-{reason}.sqlite")
    old = sorted(folder.glob(f"{db_path.stem}-*.sqlite"))[:-KEEP_BACKUPS]
    for path in old:
        path.unlink(missing_ok=True)
    return dest


def integrity_problems(path: Path) -> list[str]:
    try:
        conn = connect_read_only(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows
