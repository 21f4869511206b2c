"""The import wizard as a clerk drives it: choose a roster, check the columns, preview, import (or not)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db import members
from db.auth import Actor
from db.models import Member
from db.store import Store
from db.tabular.plan import VERDICT_LABELS
from db.validation import make_id_number
from desktop.cli import main as cli_main
from desktop.ui.excel.import_wizard import FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, ImportWizard
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner

from .conftest import OFFICE, WindowFactory, make_context

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
EXISTING_ID = make_id_number("110101", dt.date(1980, 5, 6), 11)
NEW_IDS = [make_id_number("110102", dt.date(1990, 1, 2 + i), 21 + 2 * i) for i in range(3)]
_GOOD = make_id_number("110105", dt.date(1985, 3, 4), 7)
BAD_ID = _GOOD[:17] + ("1" if _GOOD[17] == "0" else "0")  # a wrong check digit


@pytest.fixture
def store(ui_store: Store) -> Store:
    members.register(ui_store, CLERK, {"name": "王建国", "id_number": EXISTING_ID, "phone": "13800000001",
                                       "joined_on": dt.date(2015, 3, 1)})
    return ui_store


def write_roster(path: Path, rows: list[list[object]], headers: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "会员"
    sheet.append(["东四街道工会会员名册"])
    sheet.append(headers or ["姓名", "公民身份号码", "手机号码", "入会日期"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "名册.xlsx", [
        ["张三", NEW_IDS[0], "13900000001", dt.date(2024, 1, 5)],
        ["李四", NEW_IDS[1], "13900000002", dt.date(2024, 2, 5)],
        ["赵六", BAD_ID, "13900000009", dt.date(2024, 3, 5)],  # sheet row 5: bad check digit
        ["王五", NEW_IDS[2], "13900000003", dt.date(2024, 4, 5)],
        ["王建国", EXISTING_ID, "13800000099", dt.date(2015, 3, 1)],  # the phone changed
    ])


@pytest.fixture
def wizard(qtbot: QtBot, store: Store, settings: Settings, runner: JobRunner,
           cjk_font: str | None) -> Iterator[ImportWizard]:
    shown = ImportWizard(make_context(store, CLERK, runner), settings, "members")
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    runner.wait(10_000)
    shown.close()
    shown.deleteLater()


def next_page(qtbot: QtBot, wizard: ImportWizard, page: int) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == page and not wizard.is_busy(), timeout=10_000)


def count_members(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def phone_of(store: Store, id_number: str) -> str | None:
    with store.transaction() as session:
        return session.scalar(select(Member.phone).where(Member.id_number == id_number))


def to_preview(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    assert wizard.file_page.registry_combo.currentText() == "会员"
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)


def test_the_wizard_imports_good_rows_and_leaves_out_the_bad_one(
        qtbot: QtBot, wizard: ImportWizard, roster: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard.file_page.path_edit.setText(str(roster))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    assert [combo.currentText() for combo in page.combos] == ["姓名", "身份证号", "手机号码", "入会日期"]
    assert page.table.item(0, 2).text() == "张三"  # a sample of the column
    assert page.table.item(1, 2).text() == NEW_IDS[0][:6] + "********" + NEW_IDS[0][-4:]  # masked for a clerk
    assert page.error.text() == ""
    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert preview.summary.text() == "新增 3 行，更新 1 行，无变化 0 行，错误 1 行（错误行不会导入）"
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findText("仅错误"))
    assert preview.model.rowCount() == 1
    error_row = preview.model.row_at(0)
    assert error_row.row_no == 5
    assert "B5" in str(preview.model.data(preview.model.index(0, 3)))
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findText("仅更新"))
    assert preview.model.rowCount() == 1
    assert "138****0099" in str(preview.model.data(preview.model.index(0, 3))) or \
        "13800000099" in str(preview.model.data(preview.model.index(0, 3)))
    asked: list[str] = []
    told: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text))
    imported: list[object] = []
    wizard.imported.connect(lambda name, counts: imported.append((name, counts)))
    before = count_members(store)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(imported), timeout=10_000)
    assert asked == ["将导入 4 行（新增 3，更新 1），错误的 1 行不导入。继续？"]
    assert told == ["已导入：新增 3 行，更新 1 行"]
    assert imported == [("members", {"new": 3, "update": 1})]
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert count_members(store) == before + 3
    assert all(phone_of(store, number) for number in NEW_IDS)
    assert phone_of(store, BAD_ID) is None
    assert phone_of(store, EXISTING_ID) == "13800000099"


def test_cancel_on_the_preview_writes_nothing(qtbot: QtBot, wizard: ImportWizard, roster: Path,
                                              store: Store) -> None:
    before = count_members(store)
    to_preview(qtbot, wizard, roster)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert count_members(store) == before
    assert phone_of(store, EXISTING_ID) == "13800000001"


def test_a_required_column_left_unmapped_blocks_the_next_step(qtbot: QtBot, wizard: ImportWizard,
                                                             roster: Path) -> None:
    wizard.file_page.path_edit.setText(str(roster))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    id_combo = page.findChild(QComboBox, "target_1")
    assert id_combo is not None
    id_combo.setCurrentIndex(0)  # （不导入）
    assert not next_button.isEnabled()
    assert "身份证号" in page.error.text() and page.error.isVisible()
    assert page.error.styleSheet()  # red
    id_combo.setCurrentIndex(id_combo.findData("id_number"))
    assert next_button.isEnabled() and page.error.text() == ""


def test_a_field_chosen_for_two_columns_blocks_the_next_step(qtbot: QtBot, wizard: ImportWizard,
                                                             roster: Path) -> None:
    wizard.file_page.path_edit.setText(str(roster))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    page.combos[2].setCurrentIndex(page.combos[2].findData("name"))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "姓名" in page.error.text()


def test_a_garbage_file_is_refused_and_the_wizard_stays_on_the_first_page(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    garbage = tmp_path / "名册.xlsx"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 500)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    wizard.file_page.path_edit.setText(str(garbage))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert wizard.currentId() == FILE_PAGE
    assert warned[0] and "Error" not in warned[0] and "程序内部错误" not in warned[0]
    assert wizard.file_page.error.text() == warned[0]
    assert wizard.source is None


def test_a_clean_file_with_nothing_to_import_cannot_be_imported(qtbot: QtBot, wizard: ImportWizard,
                                                                tmp_path: Path) -> None:
    path = write_roster(tmp_path / "无变化.xlsx", [["王建国", EXISTING_ID, "13800000001", dt.date(2015, 3, 1)]])
    to_preview(qtbot, wizard, path)
    assert wizard.preview_page.summary.text() == "新增 0 行，更新 0 行，无变化 1 行，错误 0 行"
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_saved_mapping_is_used_next_time(qtbot: QtBot, wizard: ImportWizard, roster: Path, store: Store,
                                           settings: Settings, runner: JobRunner) -> None:
    wizard.file_page.path_edit.setText(str(roster))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    assert page.saved_note.text() == "已按表头自动对应，请核对。"
    page.combos[2].setCurrentIndex(0)  # the phone column is not imported
    page.save_box.setChecked(True)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    again = ImportWizard(make_context(store, CLERK, runner), settings, "members")
    again.show()
    qtbot.waitExposed(again)
    again.file_page.path_edit.setText(str(roster))
    next_page(qtbot, again, MAPPING_PAGE)
    assert again.mapping_page.saved_note.text() == "已使用上次保存的对应关系。"
    assert [c.currentText() for c in again.mapping_page.combos] == ["姓名", "身份证号", "（不导入）", "入会日期"]
    again.reject()
    again.deleteLater()


def test_the_error_rows_can_be_saved_as_a_list(qtbot: QtBot, wizard: ImportWizard, roster: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    to_preview(qtbot, wizard, roster)
    target = tmp_path / "错误.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    wizard.preview_page.errors_button.click()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,记录,说明" and len(lines) == 2
    assert lines[1].startswith("5,") and "B5" in lines[1]


def test_enter_goes_on_and_escape_cancels(qtbot: QtBot, wizard: ImportWizard, roster: Path) -> None:
    wizard.file_page.path_edit.setText(str(roster))
    wizard.file_page.path_edit.setFocus()
    qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE and not wizard.is_busy(), timeout=10_000)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.result() == QWizard.DialogCode.Rejected and not wizard.isVisible()


def test_an_import_from_the_main_window_refreshes_the_member_list(
        qtbot: QtBot, window_factory: WindowFactory, store: Store, roster: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(store, CLERK)
    assert window.count_label.text() == "共 1 条"
    wizard = window.excel.open_import()
    assert wizard.file_page.registry_combo.currentData() == "members"
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    to_preview(qtbot, wizard, roster)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.count_label.text() == "共 4 条", timeout=10_000)
    assert "已导入" in window.statusBar().currentMessage()


def member_revisions(store: Store) -> list[tuple[str, int]]:
    with store.transaction() as session:
        return [(uuid, rev) for uuid, rev in session.execute(select(Member.uuid, Member.rev).order_by(Member.uuid))]


def test_the_member_tab_s_own_masked_export_comes_back_unchanged_as_on_the_command_line(
        qtbot: QtBot, window_factory: WindowFactory, demo_store: Store, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    window = window_factory(demo_store, CLERK)
    export = window.excel.open_export()  # 文件 → 导出Excel, as a clerk: masked numbers
    exported = tmp_path / "会员.xlsx"
    said: list[str] = []
    export.exported.connect(said.append)
    export.path_edit.setText(str(exported))
    export.export_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    window.context.runner.wait(10_000)
    total = len(member_revisions(demo_store))
    assert said == [f"已导出 {total:,} 行到 {exported}"]
    before = member_revisions(demo_store)
    wizard = window.excel.open_import()
    wizard.file_page.path_edit.setText(str(exported))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    assert page.combos[-1].currentData() == "uuid" and page.combos[-1].currentText() == "系统编号"
    assert page.error.text() == ""
    next_page(qtbot, wizard, PREVIEW_PAGE)
    assert wizard.preview_page.summary.text() == f"新增 0 行，更新 0 行，无变化 {total:,} 行，错误 0 行"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    finish.click()
    assert wizard.currentId() == PREVIEW_PAGE and not wizard.is_busy()
    assert member_revisions(demo_store) == before  # 导入 wrote nothing
    counts = wizard.plan.counts if wizard.plan else {}
    wizard.reject()
    capsys.readouterr()
    assert cli_main(["--db", str(demo_store.path), "import-xlsx", "members", str(exported)]) == 0
    report = capsys.readouterr().out.splitlines()
    assert report == ["合计：" + "，".join(f"{VERDICT_LABELS[k]} {n} 行" for k, n in counts.items())]
    assert member_revisions(demo_store) == before


def collective_roster(path: Path, births: list[dt.date]) -> Path:
    """A 集中入会 list as an employer sends it: no 入会日期 column."""
    numbers = [make_id_number("110105", birth, 31 + 2 * i) for i, birth in enumerate(births)]
    return write_roster(path, [[f"职工{i}", "男", number, f"1370000000{i}", "顺丰速运"]
                               for i, number in enumerate(numbers)],
                        headers=["姓名", "性别", "身份证号码", "手机号码", "工作单位"])


def test_a_roster_without_a_joining_date_takes_one_date_for_every_row(
        qtbot: QtBot, wizard: ImportWizard, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = collective_roster(tmp_path / "集中入会.xlsx", [dt.date(1990, 1, 2), dt.date(1991, 3, 4)])
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    joined = page.findChild(QDateEdit, "fill_joined_on")
    assert joined is not None and joined.isVisible() and page.uniform.isVisible()
    assert joined.date().toPython() == dt.date.today()  # the day of the joining event is usually today
    assert page.error.text() == "" and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    joined.setDate(QDate(2026, 12, 1))
    page.combos[4].setCurrentIndex(page.combos[4].findData("joined_on"))  # a column for it hides the value
    assert not joined.isVisibleTo(page) and not page.uniform.isVisibleTo(page)
    page.combos[4].setCurrentIndex(page.combos[4].findData("employer"))
    assert joined.isVisibleTo(page) and joined.date() == QDate(2026, 12, 1)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    assert wizard.preview_page.summary.text() == "新增 2 行，更新 0 行，无变化 0 行，错误 0 行"
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    imported: list[object] = []
    wizard.imported.connect(lambda _name, counts: imported.append(counts))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(imported), timeout=10_000)
    assert imported == [{"new": 2, "update": 0}]
    with store.transaction() as session:
        rows = session.execute(select(Member.name, Member.joined_on, Member.employer)
                               .where(Member.name.like("职工%")).order_by(Member.name)).all()
    assert [tuple(row) for row in rows] == [("职工0", dt.date(2026, 12, 1), "顺丰速运"),
                                            ("职工1", dt.date(2026, 12, 1), "顺丰速运")]


def test_a_date_for_every_row_is_checked_on_every_row(qtbot: QtBot, wizard: ImportWizard, tmp_path: Path) -> None:
    path = collective_roster(tmp_path / "集中入会.xlsx", [dt.date(1990, 1, 2), dt.date(2020, 6, 1)])
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    page = wizard.mapping_page
    joined = page.findChild(QDateEdit, "fill_joined_on")
    assert joined is not None
    joined.setDate(QDate(2019, 9, 1))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    plan = wizard.plan
    assert plan is not None and plan.counts["new"] == 1 and plan.counts["error"] == 1
    error = next(row for row in plan.rows if row.verdict == "error")
    assert error.row_no == 4 and error.messages == ("第4行 入会日期：入会日期应晚于出生日期",)


def test_a_choice_for_every_row_starts_unpicked(qtbot: QtBot, runner: JobRunner, store: Store, settings: Settings,
                                              tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["档案编号", "帮扶类型", "金额（元）", "发放日期"])
    sheet.append(["K-1", "生活救助", 500, dt.date(2026, 1, 5)])
    path = tmp_path / "帮扶.xlsx"
    book.save(path)
    shown = ImportWizard(make_context(store, CLERK, runner), settings, "aid-payments")
    shown.show()
    qtbot.waitExposed(shown)
    shown.file_page.path_edit.setText(str(path))
    next_page(qtbot, shown, MAPPING_PAGE)
    page = shown.mapping_page
    method = page.findChild(QComboBox, "fill_method")
    assert method is not None and method.isVisible() and method.currentText() == "（请选择）"
    assert "发放方式" in page.error.text() and not shown.button(QWizard.WizardButton.NextButton).isEnabled()
    method.setCurrentIndex(1)
    assert page.error.text() == "" and shown.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.given() == {"method": method.currentText()}
    shown.reject()
    shown.deleteLater()


def _stations_workbook(path: Path, log_rows: list[list[object]]) -> Path:
    """A stations workbook as the export writes it: the stations, then their month logs and an inspection."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "暖心驿站"
    sheet.append(["编号", "名称", "建成日期"])
    sheet.append(["NX-006-101", "东四快递驿站", dt.date(2020, 1, 10)])
    logs = book.create_sheet("驿站服务台账")
    logs.append(["驿站编号", "驿站名称", "周期", "日期", "服务人次", "快递员", "外卖送餐员"])
    for row in log_rows:
        logs.append(row)
    inspections = book.create_sheet("驿站检查")
    inspections.append(["驿站编号", "驿站名称", "检查日期", "检查人", "得分"])
    inspections.append(["NX-006-101", "东四快递驿站", dt.date(2023, 3, 1), "王检查", 90])
    book.save(path)
    return path


def test_the_wizard_imports_a_stations_workbook_with_its_logs_and_inspections(
        qtbot: QtBot, store: Store, settings: Settings, runner: JobRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.models import StationInspection, StationLog
    path = _stations_workbook(tmp_path / "驿站.xlsx", [
        ["NX-006-101", "东四快递驿站", "月", dt.date(2023, 1, 1), 8, 5, 3],
        ["NX-006-101", "东四快递驿站", "月", dt.date(2023, 2, 1), None, 4, None]])
    wizard = ImportWizard(make_context(store, CLERK, runner), settings, "stations")
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert preview.summary.text().splitlines() == [
        "暖心驿站：新增 1 行，更新 0 行，无变化 0 行，错误 0 行",
        "驿站服务台账：新增 2 行，无变化 0 行，错误 0 行",
        "驿站检查：新增 1 行，无变化 0 行，错误 0 行"]
    assert preview.model.rowCount() == 4
    assert preview.model.data(preview.model.index(1, 0)) == "驿站服务台账 2"
    assert preview.isComplete()
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text))
    imported: list[object] = []
    wizard.imported.connect(lambda _name, counts: imported.append(counts))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(imported), timeout=10_000)
    assert told == ["已导入：新增 1 行，更新 0 行\n驿站服务台账：新增 2 行\n驿站检查：新增 1 行"]
    with store.transaction() as session:
        assert sorted(session.scalars(select(StationLog.visits_total))) == [4, 8]
        assert session.scalar(select(func.count()).select_from(StationInspection)) == 1
    runner.wait(10_000)
    wizard.close()
    wizard.deleteLater()


def test_the_wizard_will_not_import_a_stations_workbook_with_a_refused_log(
        qtbot: QtBot, store: Store, settings: Settings, runner: JobRunner, tmp_path: Path) -> None:
    path = _stations_workbook(tmp_path / "驿站.xlsx", [
        ["NX-006-101", "东四快递驿站", "月", dt.date(2023, 1, 1), 9, 5, 3]])  # 9 ≠ 5 + 3
    wizard = ImportWizard(make_context(store, CLERK, runner), settings, "stations")
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert preview.summary.text().splitlines()[1:] == [
        "驿站服务台账：新增 0 行，无变化 0 行，错误 1 行",
        "驿站检查：新增 1 行，无变化 0 行，错误 0 行",
        "有 1 行错误：各工作表一起导入，请改正后重新导入"]
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findText("仅错误"))
    assert preview.model.rowCount() == 1
    assert preview.model.data(preview.model.index(0, 0)) == "驿站服务台账 2"
    assert preview.model.data(preview.model.index(0, 3)) == "E2 服务人次：应为各类人次之和 8"
    assert not preview.isComplete()
    assert preview.errors_button.isEnabled()
    runner.wait(10_000)
    wizard.close()
    wizard.deleteLater()


def test_the_preview_says_a_contests_results_are_not_imported(
        qtbot: QtBot, store: Store, settings: Settings, runner: JobRunner, tmp_path: Path) -> None:
    """A published contest exported elsewhere arrives unpublished: the preview says so under the counts and on
    the contest's row, and the import may still go ahead."""
    from db import offices
    from db.contests import cases, results, sheets
    from desktop.documents.excel.export import export_registry
    (tmp_path / "home").mkdir()
    home = Store.open(tmp_path / "home" / "office.sqlite", create=True)
    offices.initialize(home, OFFICE.code, OFFICE.name)
    admin = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
    contest = cases.create_contest(home, admin, {
        "name": "敬老杯养老护理员技能大赛", "trade": "养老护理员", "level": "街道级", "starts_on": "2026-04-01",
        "ends_on": "2026-04-01", "judge_count": 1, "quota_first": 1, "quota_second": 0, "quota_third": 0})
    entry = cases.add_entrant(home, admin, contest.uuid, {"name": "选手1", "employer": "甲养老院",
                                                          "id_number": NEW_IDS[0]})
    cases.set_theory_score(home, admin, entry.uuid, 90)
    cases.set_judge_score(home, admin, entry.uuid, 1, 88)
    results.publish(home, admin, contest.uuid)
    path = tmp_path / "竞赛.xlsx"
    export_registry(home, admin, "contests", path, full_values=True)
    home.close()
    wizard = ImportWizard(make_context(store, CLERK, runner), settings, "contests")
    wizard.resize(1280, 720)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert f"参赛选手：竞赛“敬老杯养老护理员技能大赛”{sheets.RESULTS_NOT_READ}" in preview.summary.text().splitlines()
    assert preview.model.data(preview.model.index(0, 3)) == sheets.RESULTS_NOT_READ
    assert preview.isComplete()
    assert wizard.width() <= 1366
    wizard.grab().save(str(tmp_path / "preview.png"))
    runner.wait(10_000)
    wizard.close()
    wizard.deleteLater()
