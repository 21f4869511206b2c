"""核查… / 来件核查… in the 困难帮扶 tab: the window lists what db.aid.compliance finds (at a district with the
sending office's name, from real batches), a double click opens the record's file in the tab, 复制 puts the
list on the clipboard as tab-separated text; a sub-district kept by the book sees that nothing was found."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.aid import payments
from db.aid import settings as aid_settings
from db.auth import APPROVER, CLERK, Actor
from db.store import data_dir
from desktop.ui.aid.compliance_dialog import ComplianceCheck, ComplianceDialog, import_check, import_note
from desktop.ui.aid.tab import AidTab
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.sync.transfer import BatchTransfer
from desktop.ui.worker import JobRunner
from tests.sync_peers import DISTRICT, DISTRICT_NAME, Peer, linked_district
from tests.unit.db.aid.conftest import Today, add_member, open_case, today, walk  # noqa: F401 - fixture
from tests.unit.db.aid.test_aid_compliance import FILED_ON
from tests.unit.db.aid.test_aid_payments import pay

SHOTS = Path(os.environ.get("AID_UI_SHOTS", "/tmp/aid-ui-shots"))


def _tab(qtbot: QtBot, context: AppContext) -> AidTab:
    tab = AidTab(context)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.refresh()
    return tab


def _window(tab: AidTab) -> ComplianceDialog:
    check = tab.findChild(ComplianceCheck)
    assert check is not None
    check.button.click()
    assert check.window is not None and check.window.isVisible()
    return check.window


def _shot(widget: ComplianceDialog, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"check-{name}.png"))


def test_the_district_sees_what_arrived_breaking_its_rules_and_opens_each_file(
        qtbot: QtBot, sub: Peer, other: Peer, district: Peer, today: Today, runner: JobRunner,  # noqa: F811
        cjk_font: str | None) -> None:
    checker = Actor("clerk2", "录入员乙", frozenset({CLERK}), sub.code)
    approver = Actor("approver", "审核人", frozenset({APPROVER}), sub.code)
    case = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 1))
    walk(sub.store, case.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    paid = payments.record_payment(sub.store, sub.clerk, case.uuid, pay("800", on=FILED_ON))
    second = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 2))
    walk(sub.store, second.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    rows = sub.rows()
    rows["aid_case_steps"] = [r for r in rows["aid_case_steps"]
                              if not (r["case_uuid"] == second.uuid and r["step"] == "filed")]
    aid_settings.set_payment_cap(district.store, district.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    district.import_(sub.send(district, 1, rows)[0])

    context = AppContext(district.store, district.admin, OfficeInfo(DISTRICT, DISTRICT_NAME, "district"), runner)
    tab = _tab(qtbot, context)
    check = tab.findChild(ComplianceCheck)
    assert check is not None and check.button.text() == "来件核查…" and check.button.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SHOTS / "check-tab-district.png"))
    window = _window(tab)
    window.resize(1366, 560)
    assert window.windowTitle() == "来件核查" and window.count.text() == "共2条需要核实"
    table = window.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "街道", "记录", "档案编号", "内容", "姓名（身份证号）", "问题"]
    assert [[table.item(r, c).text() for c in (0, 1, 2, 5)] for r in range(table.rowCount())] == [
        [sub.name, "帮扶记录", case.case_no, "超过生活救助单笔限额500.00元，没有超限审批理由"],
        [sub.name, "档案", second.case_no, "档案为在档或解困脱困，但没有审批环节"]]
    assert window.findings[0].record_uuid == paid.uuid
    assert "*" in table.item(0, 4).text()  # the ID number masked
    _shot(window, "district")
    # a double click on a row opens its file in the tab
    rect = table.visualItemRect(table.item(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form.current_uuid() == second.uuid
    window.open_row(0)
    assert tab.form.current_uuid() == case.uuid
    # 复制: a header and a line a finding, tab-separated
    window.copy_button.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "街道\t记录\t档案编号\t内容\t姓名（身份证号）\t问题" and len(lines) == 3
    assert lines[2].split("\t")[:3] == [sub.name, "档案", second.case_no]
    # the 街道 filter: the other sub-district has nothing
    assert window.office is not None
    window.office.setCurrentIndex(window.office.findData(other.code))
    assert window.findings == [] and window.count.text() == "没有发现不合规定的记录"
    assert not window.copy_button.isEnabled()


def test_a_sub_district_kept_by_the_book_is_told_nothing_was_found(qtbot: QtBot, sub: Peer, today: Today,  # noqa: F811
                                                                   runner: JobRunner,
                                                                   cjk_font: str | None) -> None:
    checker = Actor("clerk2", "录入员乙", frozenset({CLERK}), sub.code)
    approver = Actor("approver", "审核人", frozenset({APPROVER}), sub.code)
    case = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 1))
    walk(sub.store, case.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    payments.record_payment(sub.store, sub.clerk, case.uuid, pay("800", on=FILED_ON))
    tab = _tab(qtbot, AppContext(sub.store, sub.clerk, OfficeInfo(sub.code, sub.name, "subdistrict"), runner))
    check = tab.findChild(ComplianceCheck)
    assert check is not None and check.button.text() == "核查…"
    window = _window(tab)
    assert window.windowTitle() == "帮扶核查" and window.office is None
    assert window.table.columnCount() == 5 and window.table.rowCount() == 0
    assert window.count.text() == "没有发现不合规定的记录"
    _shot(window, "subdistrict")
    # a cap set afterwards: the window read again shows the payment
    aid_settings.set_payment_cap(sub.store, sub.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    window.refresh_button.click()
    assert window.table.rowCount() == 1 and window.table.item(0, 1).text() == case.case_no


@pytest.fixture
def home_district(tmp_path: Path, sub: Peer, other: Peer) -> Iterator[Peer]:
    """The district whose computer imports: its keys in this test's data folder (where the import job looks)."""
    peer = linked_district(tmp_path / "home", sub, other, data=data_dir())
    yield peer
    peer.store.close()


def test_a_batch_import_at_the_district_says_how_many_records_to_check(
        qtbot: QtBot, sub: Peer, home_district: Peer, today: Today, runner: JobRunner) -> None:  # noqa: F811
    checker = Actor("clerk2", "录入员乙", frozenset({CLERK}), sub.code)
    approver = Actor("approver", "审核人", frozenset({APPROVER}), sub.code)
    case = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 1))
    walk(sub.store, case.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    payments.record_payment(sub.store, sub.clerk, case.uuid, pay("800", on=FILED_ON))
    district = home_district
    aid_settings.set_payment_cap(district.store, district.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    widget = QWidget()
    qtbot.addWidget(widget)
    context = AppContext(district.store, district.admin, OfficeInfo(DISTRICT, DISTRICT_NAME, "district"), runner)
    transfer = BatchTransfer(context, widget)
    said: list[str] = []
    transfer.message.connect(said.append)
    transfer.import_files([sub.send(district, 1, sub.rows())[0]])
    qtbot.waitUntil(lambda: not runner.is_busy() and not transfer.busy, timeout=20_000)
    assert said[-1] == "来件核查：有1条困难帮扶记录不符合本库的帮扶设置或规定，请在“困难帮扶”中点“来件核查…”查看。"
    # nothing to check: nothing said; a sub-district is not told
    aid_settings.set_payment_cap(district.store, district.admin, "生活救助", per_payment_fen=None, per_year_fen=None)
    check = import_check(context)
    assert check is not None and check() == 0 and import_note(0) is None
    assert import_check(AppContext(sub.store, sub.admin, OfficeInfo(sub.code, sub.name, "subdistrict"), runner)) is None
