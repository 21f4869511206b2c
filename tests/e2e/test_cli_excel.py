"""``uniondesk export-xlsx`` / ``import-xlsx`` / ``template-xlsx`` as a script uses them (design §4)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from db.validation import make_id_number
from tests.e2e.test_cli import OFFICE, assert_one_line_error, digest, run

REGISTRIES = ("members", "stations", "contests", "entries", "aid-cases", "aid-payments")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    assert run("--db", str(path), "init", *OFFICE).returncode == 0
    assert run("--db", str(path), "demo", "--members", "150").returncode == 0
    return path


@pytest.mark.slow
def test_every_registry_exports_and_comes_back_unchanged(demo_db: Path, tmp_path: Path) -> None:
    for name in REGISTRIES:
        sheet = tmp_path / f"{name}.xlsx"
        exported = run("--db", str(demo_db), "export-xlsx", name, str(sheet))
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout.startswith("已导出 ")
        before = digest(demo_db)
        again = run("--db", str(demo_db), "import-xlsx", name, str(sheet), "--dry-run")
        assert again.returncode == 0, again.stdout + again.stderr
        assert "新增 0 行，更新 0 行" in again.stdout and "错误 0 行" in again.stdout, again.stdout
        assert "试运行" in again.stdout
        assert digest(demo_db) == before  # a dry run writes nothing


def test_a_roster_imports_row_by_row(demo_db: Path, tmp_path: Path) -> None:
    good = make_id_number("110101", dt.date(1991, 6, 1), 41)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    book = Workbook()
    book.active.append(["姓名", "身份证号码", "入会日期", "手机"])
    book.active.append(["周新", good, "2024-05-01", "13700000001"])
    book.active.append(["吴错", bad, "2024-05-01", "13700000002"])
    roster = tmp_path / "新会员.xlsx"
    book.save(roster)
    dry = run("--db", str(demo_db), "import-xlsx", "members", str(roster), "--dry-run")
    assert dry.returncode == 1
    assert "第2行  新增  周新" in dry.stdout
    assert "第3行  错误  吴错" in dry.stdout and "B3 身份证号：" in dry.stdout
    assert dry.stderr.strip().splitlines()[-1] == "错误：有 1 行未通过检查，未导入"
    real = run("--db", str(demo_db), "import-xlsx", "members", str(roster))
    assert "已导入：新增 1 行，更新 0 行" in real.stdout
    with sqlite3.connect(demo_db) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM members WHERE name IN ('周新', '吴错')")}
    assert names == {"周新"}


def test_export_is_masked_unless_asked(demo_db: Path, tmp_path: Path) -> None:
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    assert run("--db", str(demo_db), "export-xlsx", "members", str(masked)).returncode == 0
    assert run("--db", str(demo_db), "export-xlsx", "members", str(full), "--full").returncode == 0
    headers = [c.value for c in next(load_workbook(masked).active.iter_rows(max_row=1))]
    column = headers.index("身份证号")
    masked_ids = [r[column] for r in load_workbook(masked).active.iter_rows(min_row=2, values_only=True)]
    full_ids = [r[column] for r in load_workbook(full).active.iter_rows(min_row=2, values_only=True)]
    assert all("*" in n for n in masked_ids) and not any("*" in n for n in full_ids)
    with sqlite3.connect(demo_db) as conn:
        audited = conn.execute("SELECT count(*) FROM audit_entries WHERE action = 'export_xlsx'").fetchone()[0]
    assert audited == 2


def test_a_template_and_bad_input(demo_db: Path, tmp_path: Path) -> None:
    template = tmp_path / "模板.xlsx"
    result = run("--db", str(demo_db), "template-xlsx", "aid-payments", str(template))
    assert result.returncode == 0 and template.exists()
    garbage = tmp_path / "假的.xlsx"
    garbage.write_bytes(b"%PDF-1.4 not a workbook")
    assert_one_line_error(run("--db", str(demo_db), "import-xlsx", "members", str(garbage)), "假的.xlsx")
    assert_one_line_error(run("--db", str(demo_db), "import-xlsx", "members", str(tmp_path / "无.xlsx")))
    missing_folder = tmp_path / "没有的文件夹" / "x.xlsx"
    assert_one_line_error(run("--db", str(demo_db), "export-xlsx", "members", str(missing_folder)))
