"""Tests of db.store (and the db.backups it drives): open, refuse, migrate, back up, restore, check.

Where a test applies to both backends it takes ``db_url``/``store`` (SQLite, and PostgreSQL when
UNIONDESK_TEST_PG_URL is set); file matters (refusing damaged files, backups, restore) are SQLite only.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from db import backups, migrations, offices
from db.auth import Actor
from db.errors import PermissionDenied, StoreError
from db.models import AuditEntry, Base, Counter, Station
from db.store import DB_FILE_NAME, Store

OFFICE_CODE, OFFICE_NAME = "110101006", "东四街道工会"
PAGE_GARBAGE = random.Random(20241124).randbytes(1 << 16)

# --- helpers ------------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    """SQLite's companion files of ``path`` that exist (WAL, shared memory, rollback journal)."""
    return [p.name for p in (path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")) if p.exists()]


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


def make_database(path: Path) -> Path:
    """An initialised UnionDesk database file at head, with one station, closed."""
    store = Store.open(path, create=True)
    try:
        offices.initialize(store, OFFICE_CODE, OFFICE_NAME)
        add_station(store, Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE_CODE), "S001", "朝阳门驿站")
    finally:
        store.close()
    return path


def add_station(store: Store, actor: Actor, code: str, name: str) -> str:
    with store.transaction(actor) as session:
        station = Station(code=code, name=name)
        session.add(station)
    return station.uuid


def station_names(store: Store) -> list[str]:
    with store.transaction() as session:
        return sorted(session.scalars(select(Station.name)))


def page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def overwrite_page(path: Path, pageno: int) -> None:
    """Replace page ``pageno`` (1-based) of the SQLite file by random bytes, in place."""
    size = page_size(path)
    with path.open("r+b") as fh:
        fh.seek((pageno - 1) * size)
        fh.write(PAGE_GARBAGE[:size])


def schema_leaf_pages(path: Path) -> list[int]:
    """The child pages of sqlite_schema's root (page 1), read from the b-tree header (sqlite.org/fileformat)."""
    data = path.read_bytes()
    size = page_size(path)
    page = data[:size]
    header = 100  # page 1 starts with the 100-byte database header
    assert page[header] == 0x05, "the schema of a UnionDesk database should need more than one page"
    cells = int.from_bytes(page[header + 3:header + 5], "big")
    rightmost = int.from_bytes(page[header + 8:header + 12], "big")
    children = []
    for i in range(cells):
        offset = int.from_bytes(page[header + 12 + 2 * i:header + 14 + 2 * i], "big")
        children.append(int.from_bytes(page[offset:offset + 4], "big"))
    return [*children, rightmost]


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])
    finally:
        conn.close()


def set_revision(target: str, revision: str) -> None:
    url = target if "://" in target else f"sqlite:///{target}"
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": revision})
    engine.dispose()


# --- creating and opening -----------------------------------------------------------------------------


def test_new_database_is_at_head_and_passes_its_checks(db_url: str) -> None:
    store = Store.open(db_url, create=True)
    try:
        with store.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.known_revisions()[0]
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert store.check() == []
    finally:
        store.close()


def test_initialized_store_passes_its_checks(store: Store) -> None:
    assert store.check() == []


def test_reopening_at_head_keeps_the_data_and_makes_no_backup(db_url: str, clerk: Actor) -> None:
    first = Store.open(db_url, create=True)
    offices.initialize(first, OFFICE_CODE, OFFICE_NAME)
    add_station(first, clerk, "S001", "朝阳门驿站")
    first.close()
    again = Store.open(db_url)
    try:
        assert station_names(again) == ["朝阳门驿站"]
        assert again.check() == []
    finally:
        again.close()
    if "://" not in db_url:
        assert not backups.backup_dir(Path(db_url)).exists()


def test_sqlite_url_opens_the_same_file(tmp_path: Path) -> None:
    path = make_database(tmp_path / "office.sqlite")
    store = Store.open(f"sqlite:///{path}")
    try:
        assert store.path == path
        assert station_names(store) == ["朝阳门驿站"]
    finally:
        store.close()


def test_a_database_never_created_is_refused_and_nothing_is_created(db_url: str) -> None:
    with pytest.raises(StoreError, match="不存在|尚未初始化"):
        Store.open(db_url)
    if "://" in db_url:
        engine = create_engine(db_url, poolclass=NullPool)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
        engine.dispose()
    else:
        assert not Path(db_url).exists()


def test_missing_file_is_refused_and_its_folder_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "uniondesk.sqlite"
    with pytest.raises(StoreError, match="不存在"):
        Store.open(path)
    assert not path.parent.exists()


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="无法连接数据库"):
        Store.open("postgresql+psycopg://postgres@127.0.0.1:1/uniondesk?connect_timeout=5")


def test_newer_schema_revision_is_refused_on_every_backend(db_url: str) -> None:
    make = Store.open(db_url, create=True)
    offices.initialize(make, OFFICE_CODE, OFFICE_NAME)
    make.close()
    set_revision(db_url, "9999")
    for create in (False, True):
        with pytest.raises(StoreError, match="更新版本.*9999"):
            Store.open(db_url, create=create)
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
    engine.dispose()


# --- files that must be refused and left exactly as they were ------------------------------------------


def _text_file(folder: Path) -> Path:
    path = folder / DB_FILE_NAME
    path.write_text("姓名,身份证号\n张三,110101199003071234\n", encoding="utf-8")
    return path


def _empty_file(folder: Path) -> Path:
    path = folder / DB_FILE_NAME
    path.touch()
    return path


def _foreign_sqlite(folder: Path) -> Path:
    path = folder / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三', '13800138000')")
    conn.commit()
    conn.close()
    return path


def _truncated(folder: Path) -> Path:
    path = make_database(folder / DB_FILE_NAME)
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size * 2 // 5)
    return path


def _garbage_in_schema(folder: Path) -> Path:
    """Random bytes over a page of the schema table in the middle of the file (not its first page)."""
    path = make_database(folder / DB_FILE_NAME)
    leaves = schema_leaf_pages(path)
    overwrite_page(path, leaves[len(leaves) // 2])
    return path


def _garbage_over_revision(folder: Path) -> Path:
    path = make_database(folder / DB_FILE_NAME)
    overwrite_page(path, root_page(path, "alembic_version"))
    return path


def _newer_revision(folder: Path) -> Path:
    path = make_database(folder / DB_FILE_NAME)
    set_revision(str(path), "9999")
    return path


def _directory(folder: Path) -> Path:
    path = folder / DB_FILE_NAME
    path.mkdir()
    (path / "note.txt").write_text("not a database", encoding="utf-8")
    return path


Maker = Callable[[Path], Path]

# (maker, expected message, refused even when creating a new database is allowed)
REFUSED: dict[str, tuple[Maker, str, bool]] = {
    "text": (_text_file, "不是 UnionDesk 数据库文件", True),
    "empty": (_empty_file, "不是 UnionDesk 数据库文件", False),  # an empty file may become a database
    "foreign-sqlite": (_foreign_sqlite, "不是 UnionDesk 的数据库文件", True),
    "truncated": (_truncated, "已损坏", True),
    "garbage-in-schema": (_garbage_in_schema, "已损坏", True),
    "garbage-over-revision": (_garbage_over_revision, "已损坏", True),
    "newer-revision": (_newer_revision, "更新版本", True),
    "directory": (_directory, "文件夹", True),
}

def refusal_cases(*, with_create: bool) -> list[object]:
    cases: list[object] = []
    for name, (maker, message, refused_on_create) in REFUSED.items():
        for create in (False, True) if with_create else (False,):
            if create and not refused_on_create:
                continue
            cases.append(pytest.param(maker, message, create,
                                      id=f"{name}-create" if create else name))
    return cases


def _snapshot(path: Path) -> dict[str, str]:
    """Every file in the folder of ``path`` (recursively) with its hash: any write or new file shows."""
    folder = path.parent
    return {str(p.relative_to(folder)): (sha256(p) if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize(("maker", "message", "create"), refusal_cases(with_create=True))
def test_unusable_file_is_refused_with_a_chinese_message_and_left_unchanged(
    tmp_path: Path, maker: Maker, message: str, create: bool
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    path = maker(folder)
    before = sha256(path) if path.is_file() else None
    with pytest.raises(StoreError, match=message) as refused:
        Store.open(path, create=create)
    assert str(path) in str(refused.value)  # says which file
    if before is not None:
        assert sha256(path) == before
    assert not backups.backup_dir(path).exists()


@pytest.mark.parametrize(("maker", "message", "create"),
                         refusal_cases(with_create=False))
def test_refusing_a_file_leaves_no_new_file_beside_it(
    tmp_path: Path, maker: Maker, message: str, create: bool
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    path = maker(folder)
    before = _snapshot(path)
    with pytest.raises(StoreError, match=message):
        Store.open(path, create=create)
    assert _snapshot(path) == before
    assert side_files(path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads files whatever their mode says (CI runs as root)")
def test_unreadable_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = make_database(tmp_path / DB_FILE_NAME)
    before = sha256(path)
    path.chmod(0)
    try:
        with pytest.raises(StoreError, match="无法读取"):
            Store.open(path)
    finally:
        path.chmod(0o600)
    assert sha256(path) == before
    assert side_files(path) == []


def test_damaged_data_page_is_refused_on_open_or_reported_by_check(tmp_path: Path) -> None:
    # Opening cannot afford a full integrity check of a large database, so a damaged page outside the
    # schema may go unnoticed on open; but then check() must say so, never crash.
    path = make_database(tmp_path / DB_FILE_NAME)
    overwrite_page(path, root_page(path, "audit_entries"))
    try:
        store = Store.open(path)
    except StoreError:
        return
    try:
        assert store.check() != []
    finally:
        store.close()


# --- migrations on open --------------------------------------------------------------------------------

PROBE_MIGRATION = '''"""probe: a second revision, only for tests"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))
    FAIL


def downgrade() -> None:
    op.drop_table("probe")
'''


@pytest.fixture
def newer_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """Turn this program into one whose migrations have a revision 0013 beyond the real head 0012.

    No older revision than the head exists yet, so a real "pending migration" cannot be made by going back;
    instead the migration scripts are copied and one more revision (creating a table ``probe``) is added,
    and db.migrations is pointed at the copy. The store then meets a real pending migration and runs it
    through Alembic, exactly as after an upgrade of the program. With ``failing`` the new migration raises
    after creating its table.
    """
    real_head = migrations.known_revisions()[0]
    assert real_head == "0012", "update PROBE_MIGRATION's down_revision to the new head"

    def install(failing: bool) -> None:
        scripts = tmp_path / "migrations"
        source = Path(migrations.__file__).parent
        shutil.copytree(source, scripts, ignore=shutil.ignore_patterns("__pycache__", "__init__.py",
                                                                       "__main__.py"))
        body = PROBE_MIGRATION.replace("FAIL", 'raise RuntimeError("probe migration failed")'
                                       if failing else "pass")
        (scripts / "versions" / "0013_probe.py").write_text(body, encoding="utf-8")
        monkeypatch.setattr(migrations, "SCRIPT_LOCATION", str(scripts))
        migrations.known_revisions.cache_clear()
        assert migrations.known_revisions()[0] == "0013"

    yield install
    migrations.known_revisions.cache_clear()


def _tables_and_revision(path: Path) -> tuple[set[str], str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    return tables, revision


def test_pending_migration_is_run_after_a_backup(tmp_path: Path, newer_program: Callable[[bool], None]) -> None:
    path = make_database(tmp_path / DB_FILE_NAME)
    newer_program(False)
    store = Store.open(path)
    try:
        tables, revision = _tables_and_revision(path)
        assert revision == "0013" and "probe" in tables
        assert station_names(store) == ["朝阳门驿站"]
    finally:
        store.close()
    made = sorted(backups.backup_dir(path).glob("*.sqlite"))
    assert len(made) == 1 and "before-0013" in made[0].name
    tables, revision = _tables_and_revision(made[0])
    assert revision == "0012" and "probe" not in tables  # taken before the migration ran


def test_failed_migration_leaves_the_database_at_its_old_revision(
    tmp_path: Path, newer_program: Callable[[bool], None]
) -> None:
    path = make_database(tmp_path / DB_FILE_NAME)
    newer_program(True)
    with pytest.raises((RuntimeError, StoreError), match="probe migration failed"):
        Store.open(path)
    tables, revision = _tables_and_revision(path)
    assert revision == "0012" and "probe" not in tables
    assert len(list(backups.backup_dir(path).glob("*.sqlite"))) == 1


# --- backup and restore (SQLite files) -----------------------------------------------------------------


def test_backup_is_a_self_contained_copy_with_the_same_rows(
    sqlite_store: Store, clerk: Actor, tmp_path: Path
) -> None:
    add_station(sqlite_store, clerk, "S001", "朝阳门驿站")
    dest = tmp_path / "copies" / "copy.sqlite"
    assert sqlite_store.backup(dest) == dest
    assert dest.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file is all
    assert side_files(dest) == []
    copy = Store.open(dest)
    try:
        assert row_counts(copy) == row_counts(sqlite_store)
        assert station_names(copy) == ["朝阳门驿站"]
        assert copy.check() == []
    finally:
        copy.close()


def test_backup_without_destination_goes_to_the_backup_folder(sqlite_store: Store) -> None:
    assert sqlite_store.path is not None
    made = sqlite_store.backup()
    assert made.parent == backups.backup_dir(sqlite_store.path)
    assert made.name.startswith("uniondesk-") and made.suffix == ".sqlite"
    assert backups.integrity_problems(made) == []


def test_backups_rotate_keeping_the_newest(sqlite_store: Store) -> None:
    made = [sqlite_store.backup() for _ in range(backups.KEEP_BACKUPS + 3)]
    assert sqlite_store.path is not None
    kept = sorted(backups.backup_dir(sqlite_store.path).glob("*.sqlite"))
    assert len(kept) == backups.KEEP_BACKUPS
    assert kept == sorted(made[3:])
    assert not any(p.exists() for p in made[:3])


def test_restore_brings_back_the_old_content_and_keeps_a_safety_backup(
    sqlite_store: Store, clerk: Actor
) -> None:
    add_station(sqlite_store, clerk, "S001", "朝阳门驿站")
    saved = sqlite_store.backup()
    add_station(sqlite_store, clerk, "S002", "建国门驿站")
    safety = sqlite_store.restore(saved)

    assert station_names(sqlite_store) == ["朝阳门驿站"]
    assert sqlite_store.check() == []
    assert safety.exists() and safety != saved
    assert "before-restore" in safety.name
    kept = Store.open(safety)
    try:
        assert station_names(kept) == ["建国门驿站", "朝阳门驿站"]
    finally:
        kept.close()
    assert sqlite_store.path is not None
    sqlite_store.close()
    reopened = Store.open(sqlite_store.path)
    try:
        assert station_names(reopened) == ["朝阳门驿站"]
        # the store works on after a restore: writes land in the restored content
        add_station(reopened, clerk, "S003", "东直门驿站")
        assert station_names(reopened) == ["东直门驿站", "朝阳门驿站"]
        assert reopened.check() == []
    finally:
        reopened.close()


def _corrupt_backup(folder: Path) -> Path:
    path = make_database(folder / "damaged.sqlite")
    overwrite_page(path, root_page(path, "audit_entries"))
    return path


def _text_backup(folder: Path) -> Path:
    path = folder / "notes.sqlite"
    path.write_text("这不是备份", encoding="utf-8")
    return path


def _newer_backup(folder: Path) -> Path:
    path = make_database(folder / "newer.sqlite")
    set_revision(str(path), "9999")
    return path


def _missing_backup(folder: Path) -> Path:
    return folder / "missing.sqlite"


@pytest.mark.parametrize("maker", [_corrupt_backup, _text_backup, _newer_backup, _missing_backup],
                         ids=["damaged-page", "text", "newer-revision", "missing"])
def test_restore_of_an_unusable_file_is_refused_and_changes_nothing(
    sqlite_store: Store, clerk: Actor, tmp_path: Path, maker: Maker
) -> None:
    add_station(sqlite_store, clerk, "S001", "朝阳门驿站")
    folder = tmp_path / "incoming"
    folder.mkdir()
    source = maker(folder)
    counts = row_counts(sqlite_store)
    assert sqlite_store.path is not None
    backup_folder = backups.backup_dir(sqlite_store.path)
    backups_before = sorted(backup_folder.glob("*")) if backup_folder.exists() else []

    with pytest.raises(StoreError):
        sqlite_store.restore(source)

    assert row_counts(sqlite_store) == counts
    assert station_names(sqlite_store) == ["朝阳门驿站"]
    assert sqlite_store.check() == []
    after = sorted(backup_folder.glob("*")) if backup_folder.exists() else []
    assert after == backups_before  # refused before any safety backup was made


def test_backup_and_restore_refuse_a_server_database(store: Store, tmp_path: Path) -> None:
    if store.is_sqlite:
        pytest.skip("a SQLite store has a file to copy")
    with pytest.raises(StoreError, match="SQLite"):
        store.backup(tmp_path / "copy.sqlite")
    with pytest.raises(StoreError, match="SQLite"):
        store.restore(tmp_path / "copy.sqlite")


# --- integrity checks, audit trail and transactions (both backends) ------------------------------------


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_entries SET changes = '{\"name\": \"改过\"}' WHERE id = (SELECT min(id) FROM audit_entries)",
        "UPDATE audit_entries SET actor = 'nobody' WHERE id = (SELECT max(id) FROM audit_entries)",
        "DELETE FROM audit_entries WHERE id = (SELECT min(id) + 1 FROM audit_entries)",
    ],
    ids=["changes-of-first", "actor-of-last", "deleted-entry"],
)
def test_check_reports_a_tampered_audit_trail(store: Store, clerk: Actor, tamper: str) -> None:
    for number, name in enumerate(["朝阳门驿站", "建国门驿站", "东直门驿站"]):
        add_station(store, clerk, f"S00{number}", name)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one() >= 3
    assert store.check() == []
    with store.engine.begin() as conn:
        conn.execute(text(tamper))
    problems = store.check()
    assert len(problems) == 1 and "审计" in problems[0]


def test_writes_keep_the_audit_chain_valid(store: Store, clerk: Actor) -> None:
    uuid = add_station(store, clerk, "S001", "朝阳门驿站")
    with store.transaction(clerk) as session:
        station = session.get(Station, uuid)
        assert station is not None
        station.name = "朝阳门外驿站"
    with store.transaction(clerk) as session:
        station = session.get(Station, uuid)
        assert station is not None
        station.deleted = True
    with store.transaction() as session:
        station = session.get(Station, uuid)
        assert station is not None and station.rev == 3 and station.deleted
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.row_uuid == uuid)
                                       .order_by(AuditEntry.id)))
    assert actions == ["create", "update", "delete"]
    assert store.check() == []


def test_physical_delete_of_a_registry_row_is_refused(store: Store, clerk: Actor) -> None:
    uuid = add_station(store, clerk, "S001", "朝阳门驿站")
    counts = row_counts(store)
    with pytest.raises(PermissionDenied, match="不能物理删除"), store.transaction(clerk) as session:
        station = session.get(Station, uuid)
        assert station is not None
        session.delete(station)
    assert row_counts(store) == counts
    assert station_names(store) == ["朝阳门驿站"]


class Boom(Exception):
    pass


def test_a_transaction_that_raises_writes_nothing(store: Store, clerk: Actor) -> None:
    add_station(store, clerk, "S001", "朝阳门驿站")
    counts = row_counts(store)
    with store.transaction() as session:
        seq_before = session.scalar(select(Counter.value).where(Counter.name == "sync_seq"))
    with pytest.raises(Boom), store.transaction(clerk) as session:
        session.add(Station(code="S002", name="建国门驿站"))
        session.flush()  # the row, its audit entry and the counter are in the database now…
        assert session.scalar(select(func.count()).select_from(Station)) == 2
        raise Boom  # …and must all go
    assert row_counts(store) == counts
    with store.transaction() as session:
        assert session.scalar(select(Counter.value).where(Counter.name == "sync_seq")) == seq_before
    assert station_names(store) == ["朝阳门驿站"]
    assert store.check() == []


def test_a_failing_statement_rolls_back_the_whole_use_case(store: Store, clerk: Actor) -> None:
    add_station(store, clerk, "S001", "朝阳门驿站")
    counts = row_counts(store)
    with pytest.raises(IntegrityError), store.transaction(clerk) as session:
        session.add(Station(code="S002", name="建国门驿站"))
        session.flush()
        session.add(Station(code="S001", name="重复编号的驿站"))  # unique code: refused by the database
        session.flush()
    assert row_counts(store) == counts
    assert station_names(store) == ["朝阳门驿站"]
    assert store.check() == []
