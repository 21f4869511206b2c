"""``uniondesk print FORM … -o OUT.pdf`` as a script or a clerk uses it (design §4): a PDF and one line saying
how many pages, or one "错误：" line and exit 1 — and then no file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_cli import OFFICE, assert_one_line_error, run

MEMBERS = 80


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("print") / "office.sqlite"
    assert run("--db", str(path), "init", *OFFICE).returncode == 0
    assert run("--db", str(path), "demo", "--members", str(MEMBERS)).returncode == 0
    return path


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _members(db: Path, limit: int) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT uuid, name, id_number FROM members WHERE deleted = 0 ORDER BY member_no "
                            "LIMIT ?", (limit,)).fetchall()


def test_print_roster(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "花名册.pdf"
    result = run("--db", str(demo_db), "print", "roster", "-o", str(out))
    assert result.returncode == 0, result.stderr
    match = re.fullmatch(r"已生成 (\d+) 页：(.+)", result.stdout.strip())
    assert match and Path(match.group(2)) == out and int(match.group(1)) >= 2
    text = _text(out)
    assert "会员花名册" in text and "东四街道工会" in text
    uuid, name, id_number = _members(demo_db, 1)[0]
    assert name in text and id_number not in text and f"{id_number[:6]}********{id_number[-4:]}" in text


def test_print_member_forms_by_id_and_with_full_numbers(demo_db: Path, tmp_path: Path) -> None:
    chosen = _members(demo_db, 2)
    out = tmp_path / "forms.pdf"
    args = [arg for uuid, _, _ in chosen for arg in ("--id", uuid)]
    result = run("--db", str(demo_db), "print", "member-form", *args, "--full-ids", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已生成 2 页：{out}"
    text = _text(out)
    for _, name, id_number in chosen:
        assert name in text and id_number in text


def test_print_member_forms_of_a_search(demo_db: Path, tmp_path: Path) -> None:
    _, name, _ = _members(demo_db, 1)[0]
    out = tmp_path / "search.pdf"
    result = run("--db", str(demo_db), "print", "member-form", "--search", name, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert name in _text(out)


def test_print_batch_receipt(demo_db: Path, tmp_path: Path) -> None:
    sha = hashlib.sha256(b"batch").hexdigest()
    with sqlite3.connect(demo_db) as conn:
        conn.execute("INSERT INTO sync_batches (uuid, direction, sender_code, recipient_code, seq, kind, sha256, "
                     "upto_sync_seq, created_at, status, counts, file_name) VALUES "
                     "(?, 'out', '110101006', '110101000', 3, 'delta', ?, 0, ?, 'written', ?, 'b.ubatch')",
                     ("batch-0003", sha, dt.datetime(2025, 1, 2, 3, 4).isoformat(sep=" "),
                      json.dumps({"members": 42})))
    out = tmp_path / "receipt.pdf"
    result = run("--db", str(demo_db), "print", "batch-receipt", "--id", "batch-0003", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", "", _text(out))
    assert "批次交接单" in text and "第3批" in text and "会员42" in text and sha[:8] in text


@pytest.mark.parametrize(("args", "fragment"), [
    (["print", "no-such-form"], "没有名为“no-such-form”的表单"),
    (["print", "certificate", "--id", "no-such-entry"], "找不到"),
    (["print", "member-form", "--id", "no-such-member"], "no-such-member"),
    (["print", "batch-receipt"], "批次"),
    (["print", "batch-receipt", "--id", "no-such-batch"], "找不到批次"),
])
def test_bad_requests_are_one_line_and_leave_no_file(demo_db: Path, tmp_path: Path, args: list[str],
                                                      fragment: str) -> None:
    out = tmp_path / "x.pdf"
    assert_one_line_error(run("--db", str(demo_db), *args, "-o", str(out)), fragment)
    assert list(tmp_path.iterdir()) == []


def _station(db: Path) -> tuple[str, str, str, str]:
    """uuid, code, name, phone of the first running station with logs (by code)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT uuid, code, name, phone FROM stations s WHERE deleted = 0 AND status = 'running' "
                            "AND EXISTS (SELECT 1 FROM station_logs l WHERE l.station_uuid = s.uuid) "
                            "ORDER BY code LIMIT 1").fetchone()


def test_print_station_card(demo_db: Path, tmp_path: Path) -> None:
    uuid, code, name, phone = _station(demo_db)
    out = tmp_path / "驿站信息卡.pdf"
    result = run("--db", str(demo_db), "print", "station-card", "--id", uuid, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已生成 1 页：{out}"
    text = re.sub(r"\s+", "", _text(out))
    assert "暖心驿站信息卡" in text and code in text and name in text and phone not in text
    with sqlite3.connect(demo_db) as conn:
        changes = conn.execute("SELECT changes FROM audit_entries WHERE action = 'print_pdf' ORDER BY id DESC "
                               "LIMIT 1").fetchone()[0]
    assert json.loads(changes)["form"] == "station-card"


def test_print_station_log_of_a_month_and_a_roster_search(demo_db: Path, tmp_path: Path) -> None:
    uuid, code, name, _ = _station(demo_db)
    with sqlite3.connect(demo_db) as conn:
        month = conn.execute("SELECT max(on_date) FROM station_logs WHERE station_uuid = ?", (uuid,)).fetchone()[0][:7]
    out = tmp_path / "台账.pdf"
    result = run("--db", str(demo_db), "print", "station-log", "--id", uuid, "--month", month, "-o", str(out))
    assert result.returncode == 0, result.stderr
    year, number = month.split("-")
    assert f"{year}年{int(number)}月" in re.sub(r"\s+", "", _text(out))
    roster = tmp_path / "名册.pdf"
    result = run("--db", str(demo_db), "print", "station-roster", "--search", code, "-o", str(roster))
    assert result.returncode == 0, result.stderr
    assert name in _text(roster) and "共 1 个驿站" in _text(roster)


def test_print_station_log_needs_a_well_formed_month(demo_db: Path, tmp_path: Path) -> None:
    uuid, *_ = _station(demo_db)
    out = tmp_path / "台账.pdf"
    assert_one_line_error(run("--db", str(demo_db), "print", "station-log", "--id", uuid, "-o", str(out)),
                          "月份", "--month")
    assert_one_line_error(run("--db", str(demo_db), "print", "station-log", "--id", uuid, "--month", "2025-13",
                              "-o", str(out)), "月份", "2025-13")
    assert_one_line_error(run("--db", str(demo_db), "print", "station-card", "-o", str(out)), "--id")
    assert not out.exists()


def _contest(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT uuid, name FROM contests WHERE deleted = 0 AND published_at IS NOT NULL "
                            "ORDER BY ends_on LIMIT 1").fetchone()


def test_print_a_contest_s_results_list_sign_in_sheet_and_certificates(demo_db: Path, tmp_path: Path) -> None:
    uuid, name = _contest(demo_db)
    for form, heading in (("contest-results", "成绩单"), ("contest-sign-in", "签到表"),
                          ("contest-certificates", "荣 誉 证 书")):
        out = tmp_path / f"{form}.pdf"
        result = run("--db", str(demo_db), "print", form, "--id", uuid, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert re.fullmatch(rf"已生成 \d+ 页：{re.escape(str(out))}", result.stdout.strip())
        assert heading in _text(out)
    missing = tmp_path / "missing.pdf"
    result = run("--db", str(demo_db), "print", "contest-results", "-o", str(missing))
    assert_one_line_error(result, "--id")
    assert not missing.exists()
