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


def _collective_roster(path: Path, births: list[dt.date]) -> Path:
    """A 集中入会 list: 姓名, 性别, 身份证号码, 手机号码, 工作单位 — and no 入会日期."""
    book = Workbook()
    book.active.append(["姓名", "性别", "身份证号码", "手机号码", "工作单位"])
    for i, birth in enumerate(births):
        book.active.append([f"职工{i}", "男", make_id_number("110105", birth, 31 + 2 * i), f"1370000000{i}",
                            "顺丰速运"])
    book.save(path)
    return path


def test_set_gives_every_row_the_joining_date_the_roster_lacks(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    assert run("--db", str(db), "init", *OFFICE).returncode == 0
    roster = _collective_roster(tmp_path / "集中入会.xlsx", [dt.date(1990, 1, 2), dt.date(1991, 3, 4)])
    refused = run("--db", str(db), "import-xlsx", "members", str(roster))
    assert_one_line_error(refused, "以下必填项没有对应的列：入会日期", "--set 入会日期=")
    bad = run("--db", str(db), "import-xlsx", "members", str(roster), "--set", "入会日期=2026-02-30")
    assert_one_line_error(bad, "入会日期：日期不存在")
    twice = run("--db", str(db), "import-xlsx", "members", str(roster), "--set", "入会日期=2026-12-01",
                "--set", "工作单位=京东")
    assert_one_line_error(twice, "文件中已有对应的列，不能再统一填写：工作单位")
    done = run("--db", str(db), "import-xlsx", "members", str(roster), "--set", "入会时间=2026-12-01",
               "--set", "所属基层工会=东四联合工会")
    assert done.returncode == 0, done.stderr
    assert "已导入：新增 2 行，更新 0 行" in done.stdout
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT name, joined_on, base_union FROM members ORDER BY name").fetchall()
    assert rows == [("职工0", "2026-12-01", "东四联合工会"), ("职工1", "2026-12-01", "东四联合工会")]


def test_a_set_date_before_a_row_s_birth_is_an_error_of_that_row(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    assert run("--db", str(db), "init", *OFFICE).returncode == 0
    roster = _collective_roster(tmp_path / "集中入会.xlsx", [dt.date(1990, 1, 2), dt.date(2021, 5, 6)])
    result = run("--db", str(db), "import-xlsx", "members", str(roster), "--set", "入会日期=2020-01-01",
                 "--dry-run")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("第2行  新增  职工0")
    assert lines[1].startswith("第3行  错误  职工1") and lines[1].endswith("：第3行 入会日期：入会日期应晚于出生日期")
    assert "合计：新增 1 行，更新 0 行，无变化 0 行，错误 1 行" in result.stdout


def _station_counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]  # type: ignore[return-value]
                     for table in ("stations", "station_logs", "station_inspections"))


def test_a_stations_workbook_brings_its_logs_and_inspections_into_an_empty_database(
        demo_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "驿站.xlsx"  # full phone numbers: a masked one cannot make a new station
    assert run("--db", str(demo_db), "export-xlsx", "stations", str(sheet), "--full").returncode == 0
    empty = tmp_path / "empty.sqlite"
    assert run("--db", str(empty), "init", *OFFICE).returncode == 0
    stations, logs, inspections = _station_counts(demo_db)
    assert logs and inspections
    first = run("--db", str(empty), "import-xlsx", "stations", str(sheet))
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"已导入驿站服务台账：新增 {logs} 行" in first.stdout
    assert f"已导入驿站检查：新增 {inspections} 行" in first.stdout
    assert _station_counts(empty) == (stations, logs, inspections)
    before = digest(empty)
    again = run("--db", str(empty), "import-xlsx", "stations", str(sheet))
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"驿站服务台账合计：新增 0 行，无变化 {logs} 行，错误 0 行" in again.stdout
    assert f"驿站检查合计：新增 0 行，无变化 {inspections} 行，错误 0 行" in again.stdout
    assert digest(empty) == before


def test_a_refused_log_keeps_the_whole_stations_workbook_out(demo_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "驿站.xlsx"
    assert run("--db", str(demo_db), "export-xlsx", "stations", str(sheet), "--full").returncode == 0
    book = load_workbook(sheet)
    logs = book["驿站服务台账"]
    row = [c.value for c in logs[2]]
    row[0] = "NX-000-000"  # a station that exists nowhere
    logs.append(row)
    book.save(sheet)
    empty = tmp_path / "empty.sqlite"
    assert run("--db", str(empty), "init", *OFFICE).returncode == 0
    result = run("--db", str(empty), "import-xlsx", "stations", str(sheet))
    assert result.returncode == 1
    last = logs.max_row
    assert f"驿站服务台账 第{last}行  错误" in result.stdout
    assert f"A{last} 驿站编号：没有编号为 NX-000-000 的驿站" in result.stdout
    assert "已导入" not in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "错误：有 1 行未通过检查，整个文件都没有导入"
    assert _station_counts(empty) == (0, 0, 0)
