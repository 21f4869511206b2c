"""The command line as a script or a clerk uses it: one clear line and exit 1 on bad input, never a
traceback, and a database that is never touched when it is refused."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

OFFICE = ["--office-code", "110101006", "--office-name", "东四街道工会"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("错误：")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    assert run("--db", str(path), "init", *OFFICE).returncode == 0
    return path


def test_init_check_and_second_init(db: Path) -> None:
    result = run("--db", str(db), "check")
    assert result.returncode == 0 and "检查通过" in result.stdout
    before = digest(db)
    assert_one_line_error(run("--db", str(db), "init", *OFFICE), "已经初始化")
    assert digest(db) == before


def test_init_with_admin_reads_the_password_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    result = run("--db", str(path), "init", *OFFICE, "--admin", "boss",
                 env={"UNIONDESK_ADMIN_PASSWORD": "secret-1"})
    assert result.returncode == 0, result.stderr
    users = sqlite3.connect(path).execute("SELECT username, roles FROM users").fetchall()
    assert users == [("boss", "admin")]


def test_missing_database_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite"
    assert_one_line_error(run("--db", str(path), "check"), "不存在")
    assert not path.exists()


@pytest.mark.parametrize("content", [b"not a database at all\n" * 10, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_garbage_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    for command in (["check"], ["demo", "--members", "10"], ["backup"]):
        assert_one_line_error(run("--db", str(path), *command))
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite"]


def test_newer_schema_is_refused_untouched(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = digest(db)
    assert_one_line_error(run("--db", str(db), "check"), "更新版本")
    assert digest(db) == before


def test_corrupt_pages_are_found_by_check(db: Path) -> None:
    run("--db", str(db), "backup", str(db.parent / "copy.sqlite"))
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 2: page * 3] = b"\x13" * page  # wreck one page of tables, keep the header and schema
    db.write_bytes(bytes(data))
    result = run("--db", str(db), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_backup_and_restore_round_trip(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    result = run("--db", str(db), "backup", str(copy))
    assert result.returncode == 0 and copy.exists()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE offices SET name = '改过的名字' WHERE code = '110101006'")
    conn.commit()
    conn.close()
    result = run("--db", str(db), "restore", str(copy))
    assert result.returncode == 0, result.stderr
    name = sqlite3.connect(db).execute("SELECT name FROM offices WHERE code='110101006'").fetchone()
    assert name == ("东四街道工会",)
    assert any(p.name.endswith("before-restore.sqlite") for p in (tmp_path / "backups").iterdir())


def test_restore_from_a_broken_file_changes_nothing(db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"garbage")
    before = digest(db)
    assert_one_line_error(run("--db", str(db), "restore", str(broken)))
    assert digest(db) == before


def test_backup_without_a_file_goes_to_the_rotating_folder(db: Path) -> None:
    result = run("--db", str(db), "backup")
    assert result.returncode == 0
    path = Path(result.stdout.strip())
    assert path.parent == db.parent / "backups" and path.exists()


def test_bad_arguments_exit_non_zero_without_a_traceback(db: Path) -> None:
    result = run("--db", str(db), "demo", "--members", "many")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_demo_fills_every_registry_and_the_database_still_checks(db: Path) -> None:
    result = run("--db", str(db), "demo", "--members", "300", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert "演示数据已生成" in result.stdout
    conn = sqlite3.connect(db)
    for table in ("members", "member_events", "stations", "station_services", "station_logs",
                  "station_inspections", "contests", "contest_entries", "judge_scores", "aid_cases",
                  "aid_payments", "aid_household_members", "festival_visits"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == 300
    conn.close()
    assert run("--db", str(db), "check").returncode == 0
    assert_one_line_error(run("--db", str(db), "demo", "--members", "10"))


def test_only_the_gui_command_loads_qt(db: Path, tmp_path: Path) -> None:
    """Scripts run on machines without a display or Qt's libraries: every command but ``gui`` works without
    importing PySide6 (and starts faster for it)."""
    commands = [["demo", "--members", "20"], ["check"], ["template-xlsx", "members", str(tmp_path / "t.xlsx")],
                ["export-xlsx", "members", str(tmp_path / "e.xlsx")],
                ["import-xlsx", "members", str(tmp_path / "e.xlsx"), "--dry-run"],
                ["print", "roster", "-o", str(tmp_path / "r.pdf")], ["conflicts", "list"], ["keys", "create"]]
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"codes = [main(['--db', {str(db)!r}, *argv]) for argv in {commands!r}]\n"
        "print(codes, sorted(name for name in sys.modules if name.split('.')[0] == 'PySide6'), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"{[0] * len(commands)} []"
