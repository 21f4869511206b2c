"""Fixtures shared by the whole test tree.

* Qt runs headless (``QT_QPA_PLATFORM=offscreen``), set before anything can import Qt.
* Every test gets its own data folder (``UNIONDESK_HOME``, not yet created) and no ``UNIONDESK_DB``, so no
  test can touch the real data folder of the person running the tests.
* ``db_url`` runs a test once per backend: SQLite (a file in ``tmp_path``) always; PostgreSQL when
  ``UNIONDESK_TEST_PG_URL`` names a server (``installer/start-postgres.sh`` starts one), in a database of
  this pytest process, with an emptied ``public`` schema for every test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from db import offices
from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.store import DB_FILE_NAME, Store

# the offices of the sync tests (fixtures sub, other, district) for the unit and UI tests alike
pytest_plugins = ["tests.sync_peers"]

OFFICE_CODE = "110101006"
OFFICE_NAME = "东四街道工会"
PG_URL_ENV = "UNIONDESK_TEST_PG_URL"

_PG_URL = os.environ.get(PG_URL_ENV, "").strip()

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgresql,
            pytest.mark.skipif(not _PG_URL, reason=f"{PG_URL_ENV} is not set (installer/start-postgres.sh)"),
        ],
    ),
]


@pytest.fixture(autouse=True)
def uniondesk_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's data folder (``UNIONDESK_HOME``), not created yet, as on a first run.

    It lies outside ``tmp_path`` so that a test can check that nothing but what it expects appears there.
    """
    home = tmp_path_factory.mktemp("home") / "UnionDesk"
    monkeypatch.setenv("UNIONDESK_HOME", str(home))
    monkeypatch.delenv("UNIONDESK_DB", raising=False)
    return home


def _pg_admin_engine(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str]:
    """A database of this pytest process alone on the server of ``UNIONDESK_TEST_PG_URL``.

    Two test runs against one server (two developers, or an editor's test runner beside a terminal) would
    otherwise drop each other's schema and cut each other's connections. Without the right to create a
    database, the named database itself is used.
    """
    base = make_url(_PG_URL)
    name = f"{base.database or 'uniondesk_test'}_{os.getpid()}"
    engine = _pg_admin_engine(_PG_URL)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    except DBAPIError:
        engine.dispose()
        yield _PG_URL
        return
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def reset_postgresql(url: str) -> None:
    """Empty the PostgreSQL database at ``url``: a fresh ``public`` schema, no leftover sessions."""
    engine = _pg_admin_engine(url)
    try:
        with engine.connect() as conn:
            # A session an earlier test left open (idle in a transaction) would block the DROP forever.
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ))
            conn.execute(text("SET lock_timeout = '10s'"))
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where this test's (not yet created) database is: a file path for SQLite, a URL for PostgreSQL."""
    if request.param == "postgresql":
        url: str = request.getfixturevalue("pg_session_url")
        reset_postgresql(url)
        return url
    return str(tmp_path / DB_FILE_NAME)


def open_initialized(target: str) -> Store:
    store = Store.open(target, create=True)
    try:
        offices.initialize(store, OFFICE_CODE, OFFICE_NAME)
    except BaseException:
        store.close()
        raise
    return store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A new database of 东四街道工会 (110101006) on each backend, migrated to head."""
    opened = open_initialized(db_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """Like ``store``, SQLite only: for what exists only for a database file (backup, restore, pragmas)."""
    opened = open_initialized(str(tmp_path / DB_FILE_NAME))
    yield opened
    opened.close()


@pytest.fixture
def admin() -> Actor:
    return Actor("admin", "管理员", frozenset({ADMIN}), OFFICE_CODE)


@pytest.fixture
def clerk() -> Actor:
    return Actor("clerk", "录入员", frozenset({CLERK}), OFFICE_CODE)


@pytest.fixture
def approver() -> Actor:
    return Actor("approver", "审核人", frozenset({APPROVER}), OFFICE_CODE)
