"""Opening, creating, checking and backing up a UnionDesk database (design §3).

A store is one SQLite file (or a SQLAlchemy URL, e.g. PostgreSQL). Opening it checks the file without
writing to it first — a missing, unreadable, corrupt or newer-schema database raises ``StoreError`` and is
left untouched — then migrates it to head, after a backup when a migration is pending.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from db import backups, migrations, writes
from db.auth import Actor
from db.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
DB_FILE_NAME = "uniondesk.sqlite"


def data_dir() -> Path:
    """The folder of the database, keys, outbox and backups: ``UNIONDESK_HOME`` or the user data folder."""
    home = os.environ.get("UNIONDESK_HOME")
    return Path(home) if home else Path(user_data_dir("UnionDesk", appauthor=False))


def default_target() -> str:
    return os.environ.get("UNIONDESK_DB") or str(data_dir() / DB_FILE_NAME)


def _is_url(target: str) -> bool:
    return "://" in target


class UnionDeskSession(Session):
    """Session class carrying the write hook (stamps and audit); see :mod:`db.writes`."""


writes.install(UnionDeskSession)


class Store:
    """An open UnionDesk database: hands out one-transaction sessions for use cases."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, class_=UnionDeskSession, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, target: str | Path | None = None, *, create: bool = False) -> Store:
        """Open (or with ``create``, create) the database at a path or URL and migrate it to head."""
        target = str(target) if target is not None else default_target()
        if _is_url(target):
            try:
                url = make_url(target)
            except ArgumentError as exc:
                raise StoreError(f"数据库地址无法识别：{target}") from exc
            if url.get_backend_name() != "sqlite" or not url.database:
                return cls._open_server(target, create=create)
            target = url.database
        return cls._open_file(Path(target), create=create)

    @classmethod
    def _open_file(cls, path: Path, *, create: bool) -> Store:
        revision = _inspect_file(path, create=create)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(f"sqlite+pysqlite:///{path}")
        _configure_sqlite(engine)
        store = cls(engine, path)
        head, _ = migrations.known_revisions()
        if revision is not None and revision != head:
            backups.backup_file(path, backups.backup_dir(path), reason=f"before-{head}")
        if revision != head:
            store._upgrade()
        return store

    @classmethod
    def _open_server(cls, url: str, *, create: bool) -> Store:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError(f"无法连接数据库：{_first_line(exc)}") from exc
        try:
            with engine.connect() as conn:
                revision = migrations.current_revision(conn)
            _check_revision(revision, create=create, where=url)
        except BaseException as exc:
            engine.dispose()  # a refused server database keeps no pooled connection open behind the error
            if isinstance(exc, DBAPIError):
                raise StoreError(f"无法连接数据库：{_first_line(exc)}") from exc
            raise
        store = cls(engine, None)
        if revision != migrations.known_revisions()[0]:
            store._upgrade()
        return store

    def _upgrade(self) -> None:
        """Bring the schema to the newest revision, in one transaction.

        SQLite alters a table by rebuilding it (create, copy, drop the old one, rename): with foreign keys
        enforced, dropping a table that others reference fails once it has rows. So, as Alembic's batch mode
        asks, they are off while the migrations run (a pragma that only takes effect outside a transaction)
        and the whole database is checked against them before the commit."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    migrations.upgrade(conn)
                    if raw is not None:
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            table, rowid, parent, _ = broken[0]
                            raise StoreError(f"数据库升级后数据不一致：{table} 第{rowid}行引用的{parent}不存在")
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")

    @contextlib.contextmanager
    def transaction(self, actor: Actor | None = None, action: str | None = None) -> Iterator[Session]:
        """One use case: a session in one transaction, committed on success, rolled back on error.

        ``actor`` is stamped on every row written and in the audit trail; ``action`` names the audit
        entries (e.g. ``transfer_out``) instead of the plain create/update/delete.
        """
        with self._sessions() as session, session.begin():
            session.info["actor"] = actor
            session.info["action"] = action
            yield session

    def check(self) -> list[str]:
        """Problems found by the integrity checks, in Chinese; an empty list means all is well."""
        try:
            return self._check_structure()
        except DBAPIError as exc:  # a damaged page can make the checks themselves fail
            return [f"数据库文件已损坏：{_first_line(exc.orig or exc)}"]

    def _check_structure(self) -> list[str]:
        problems: list[str] = []
        with self.engine.connect() as conn:
            if self.is_sqlite:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
                if result != ["ok"]:
                    problems.extend(f"完整性检查：{line}" for line in result[:20])
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                problems.extend(f"外键不一致：表 {row[0]} 第 {row[1]} 行引用了不存在的 {row[2]}" for row in fk[:20])
            broken = writes.verify_audit_chain(conn)
            if broken is not None:
                problems.append(f"审计记录链在第 {broken} 条处断开：审计记录可能被改动过")
            revision = migrations.current_revision(conn)
            if revision != migrations.known_revisions()[0]:
                problems.append(f"数据库结构版本 {revision} 不是本程序的最新版本")
        return problems

    def backup(self, dest: Path | None = None) -> Path:
        """Copy the database through SQLite's backup API; without ``dest``, into the rotating backups."""
        path = self._require_file("备份")
        if dest is None:
            return backups.backup_file(path, backups.backup_dir(path), reason="manual")
        return backups.copy_database(path, dest)

    def restore(self, source: Path) -> Path:
        """Replace this database's content by ``source`` (checked first); returns the safety backup."""
        path = self._require_file("恢复")
        _inspect_file(source, create=False)
        problems = backups.integrity_problems(source)
        if problems:
            raise StoreError(f"备份文件已损坏，未恢复：{problems[0]}")
        safety = backups.backup_file(path, backups.backup_dir(path), reason="before-restore")
        self.engine.dispose()
        backups.copy_database(source, path)
        return safety

    def _require_file(self, what: str) -> Path:
        if self.path is None:
            raise StoreError(f"{what}只适用于 SQLite 数据库文件；服务器数据库请用其自带的工具。")
        return self.path

    def close(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # let SQLAlchemy, not pysqlite, decide where transactions begin (SQLAlchemy's pysqlite notes)
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


def _inspect_file(path: Path, *, create: bool) -> str | None:
    """The schema revision of the file at ``path``, read without writing; raises StoreError if unusable."""
    if not path.exists():
        if create:
            return None
        raise StoreError(f"数据库文件不存在：{path}（新建请用 uniondesk init）")
    if path.is_dir():
        raise StoreError(f"这是一个文件夹，不是数据库文件：{path}")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件 {path}：{exc.strerror}") from exc
    if header == b"" and create:
        return None
    if header != SQLITE_HEADER:
        raise StoreError(f"不是 UnionDesk 数据库文件，或文件已损坏：{path}")
    try:
        conn = backups.connect_read_only(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = revision[0] if revision else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"数据库文件已损坏，无法打开：{path}（{exc}）") from exc
    if revision is None and tables:  # another program's database: never write our tables into it
        raise StoreError(f"这不是 UnionDesk 的数据库文件：{path}")
    _check_revision(revision, create=create, where=str(path))
    return revision


def _check_revision(revision: str | None, *, create: bool, where: str) -> None:
    head, known = migrations.known_revisions()
    if revision is None and not create:
        raise StoreError(f"数据库尚未初始化：{where}（请先运行 uniondesk init）")
    if revision is not None and revision not in known:
        raise StoreError(f"数据库由更新版本的 UnionDesk 创建（结构版本 {revision}），请先升级本程序：{where}")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


