"""The 同步 tab as a clerk at the district (or a sub-district) uses it, with real offices, keys and batches."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from db import members, offices
from db.auth import ADMIN, CLERK, Actor
from db.models import AuditEntry, Member, SyncBatch
from db.store import Store, data_dir
from db.sync.export import outbox_dir
from desktop.documents.pdf.forms import Form
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.settings import Settings
from desktop.ui.sync.list_model import KEY_ROLE
from desktop.ui.sync.models import OfficesModel
from desktop.ui.sync.tab import SyncTab
from desktop.ui.worker import JobRunner
from tests.conftest import OFFICE_CODE, OFFICE_NAME
from tests.sync_peers import DISTRICT, OTHER, Peer, linked_district, make_peer
from tests.unit.db.sync.test_merge import person

Batches = list[tuple[Path, str]]


@pytest.fixture
def district(tmp_path: Path, sub: Peer, other: Peer) -> Iterator[Peer]:
    """The district whose computer runs the window: its keys in this test's data folder."""
    peer = linked_district(tmp_path, sub, other, data=data_dir())
    yield peer
    peer.store.close()


OpenWindow = Callable[[Peer, Actor], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, settings: Settings, runner: JobRunner, cjk_font: str | None) -> Iterator[OpenWindow]:
    """A main window of ``peer``'s office with the member and the sync tab, the sync tab current."""
    windows: list[MainWindow] = []

    def build(peer: Peer, actor: Actor) -> MainWindow:
        context = AppContext(peer.store, actor, OfficeInfo(peer.code, peer.name, peer.level), runner)
        window = MainWindow(context, settings, [MembersTab(context), SyncTab(context)])
        window.tabs.setCurrentIndex(1)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    runner.wait(10_000)
    for window in windows:
        members_tab = window.tabs.widget(0)
        assert isinstance(members_tab, MembersTab)
        members_tab.form.cancel()
        window.close()
        window.deleteLater()


def sync_tab(window: MainWindow) -> SyncTab:
    tab = window.current_tab()
    assert isinstance(tab, SyncTab)
    return tab


def admin(peer: Peer) -> Actor:
    return Actor("admin", "管理员", frozenset({ADMIN}), peer.code)


def clerk(peer: Peer) -> Actor:
    return Actor("clerk", "录入员", frozenset({CLERK}), peer.code)


def member_count(peer: Peer) -> int:
    with peer.store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)


def batch_count(peer: Peer, **where: str) -> int:
    with peer.store.transaction() as session:
        query = select(func.count()).select_from(SyncBatch).filter_by(**where)
        return int(session.scalar(query) or 0)


def send(sender: Peer, to: Peer, count: int, people: int = 1, first: int = 0) -> Batches:
    """``count`` chained batches from ``sender``, ``people`` new members (from ``person(first)`` on) before each."""
    sent: Batches = []
    prev = None
    for n in range(count):
        for k in range(people):
            members.register(sender.store, sender.clerk, person(first + 10 * n + k))
        path, prev = sender.send(to, n + 1, sender.rows(), prev=prev)
        sent.append((path, prev))
    return sent


def office_cell(tab: SyncTab, code: str, column: int) -> str:
    row = tab.offices.position_of(code)
    assert row is not None, code
    return str(tab.offices.index(row, column).data())


def wait_idle(qtbot: QtBot, tab: SyncTab) -> None:
    qtbot.waitUntil(lambda: not tab.context.runner.is_busy() and not tab.transfer.busy, timeout=20_000)


class Boxes:
    """QMessageBox's statics, patched: what was shown, and the answer to questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.shown: list[tuple[str, str]] = []
        self.asked: list[tuple[str, Any]] = []
        self.answer = answer
        for kind in ("warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, kind, self._shower(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _shower(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    def _question(self, _parent: Any, _title: str, text: str, _buttons: Any = None,
                  default: Any = None) -> QMessageBox.StandardButton:
        self.asked.append((text, default))
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch, QMessageBox.StandardButton.No)


def patch_open_dialog(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> list[str]:
    filters: list[str] = []

    def choose(_parent: Any, _caption: str, _folder: str, file_filter: str) -> tuple[list[str], str]:
        filters.append(file_filter)
        return [str(path) for path in paths], file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    return filters


# ------------------------------------------------------------------------------------------------ import

def test_the_import_button_brings_a_batch_in_and_the_offices_table_shows_it(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    [(batch, _sha)] = send(sub, district, 1, people=2)
    window = open_window(district, clerk(district))
    tab = sync_tab(window)
    assert tab.title == "同步" and window.tabs.tabText(1) == "同步"
    assert office_cell(tab, OFFICE_CODE, OfficesModel.LAST_IN) == ""
    members_tab = window.tabs.widget(0)
    reloaded: list[bool] = []
    monkeypatch.setattr(members_tab, "records_changed", lambda: reloaded.append(True))
    filters = patch_open_dialog(monkeypatch, [batch])
    tab.import_button.click()
    wait_idle(qtbot, tab)
    assert filters == ["同步批次 (*.ubatch)"]
    assert member_count(district) == 2
    assert office_cell(tab, OFFICE_CODE, OfficesModel.LAST_IN).startswith("第1批")
    assert office_cell(tab, OFFICE_CODE, OfficesModel.KEY) == sub.keys.public.fingerprint
    assert "东四街道工会 第1批：新增" in tab.log.toPlainText()
    assert reloaded == [True]  # the member tab shows the new rows
    assert tab.batches.rowCount() == 1 and boxes.shown == [] and boxes.asked == []


def test_dropping_files_imports_the_batches_and_refuses_the_rest_by_name(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, other: Peer, district: Peer, boxes: Boxes,
        tmp_path: Path) -> None:
    [(first, _)] = send(sub, district, 1)
    [(second, _)] = send(other, district, 1, people=3, first=20)
    notes = tmp_path / "名单.xlsx"
    notes.write_bytes(b"not a batch")
    tab = sync_tab(open_window(district, clerk(district)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in (first, notes, second)])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    tab.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(drop)
    wait_idle(qtbot, tab)
    assert len(boxes.shown) == 1 and "名单.xlsx" in boxes.shown[0][1] and first.name not in boxes.shown[0][1]
    assert member_count(district) == 4
    for code in (OFFICE_CODE, OTHER):
        assert office_cell(tab, code, OfficesModel.LAST_IN).startswith("第1批")


def test_a_tampered_batch_is_named_in_the_error_and_changes_nothing(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    [(batch, _)] = send(sub, district, 1)
    data = bytearray(batch.read_bytes())
    data[len(data) // 3] ^= 0x01
    batch.write_bytes(bytes(data))
    tab = sync_tab(open_window(district, clerk(district)))
    patch_open_dialog(monkeypatch, [batch])
    tab.import_button.click()
    wait_idle(qtbot, tab)
    [(kind, text)] = boxes.shown
    assert kind == "warning" and batch.name in text and "数据库没有因这个文件改变" in text
    assert member_count(district) == 0 and batch_count(district) == 0
    assert batch.name in tab.log.toPlainText()
    assert office_cell(tab, OFFICE_CODE, OfficesModel.LAST_IN) == ""


def test_a_held_batch_is_asked_about_and_yes_imports_it(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (one, _), _two, (three, _) = send(sub, district, 3)
    tab = sync_tab(open_window(district, clerk(district)))
    patch_open_dialog(monkeypatch, [three, one])
    tab.import_button.click()
    wait_idle(qtbot, tab)
    [(question, default)] = boxes.asked
    assert "第3批" in question and "是否接受缺批，仍然导入？" in question
    assert default == QMessageBox.StandardButton.No
    assert batch_count(district, status="held") == 1 and member_count(district) == 1
    assert office_cell(tab, OFFICE_CODE, OfficesModel.MISSING) == "缺第2批"

    boxes.answer = QMessageBox.StandardButton.Yes
    patch_open_dialog(monkeypatch, [three])
    tab.import_button.click()
    wait_idle(qtbot, tab)
    assert len(boxes.asked) == 2
    assert batch_count(district, status="held") == 0 and member_count(district) == 3
    assert office_cell(tab, OFFICE_CODE, OfficesModel.LAST_IN).startswith("第3批")
    assert office_cell(tab, OFFICE_CODE, OfficesModel.MISSING) == ""


def test_a_clerk_without_write_permission_sees_everything_but_cannot_import(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes) -> None:
    [(batch, _)] = send(sub, district, 1)
    district.import_(batch)
    reader = Actor("reader", "查看", frozenset(), district.code)
    tab = sync_tab(open_window(district, reader))
    assert office_cell(tab, OFFICE_CODE, OfficesModel.LAST_IN).startswith("第1批")
    for button in (tab.import_button, tab.export_button, tab.key_bar.trust_button):
        assert not button.isEnabled() and "管理员" in button.toolTip()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(batch))])
    tab.import_dropped(mime)
    assert boxes.shown and "只有录入员和管理员可以导入批次" in boxes.shown[-1][1]
    assert not tab.context.runner.is_busy()


def test_the_window_actions_of_registries_are_off_on_the_sync_tab(
        open_window: OpenWindow, district: Peer) -> None:
    window = open_window(district, admin(district))
    for action in (window.new_action, window.save_action, window.delete_action, window.excel.import_action,
                   window.excel.export_action, window.printing.print_action):
        assert not action.isEnabled(), action.objectName()
    window.tabs.setCurrentIndex(0)
    for action in (window.new_action, window.excel.import_action, window.printing.print_action):
        assert action.isEnabled(), action.objectName()


# ------------------------------------------------------------------------------------------------ export

def test_the_export_dialog_writes_a_sealed_batch_to_the_folder_and_the_outbox(
        qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, district: Peer) -> None:
    here = Store.open(tmp_path / "here.sqlite", create=True)
    offices.initialize(here, "110101007", "朝阳门街道工会", "subdistrict")
    me = Peer(here, "110101007", "朝阳门街道工会", "subdistrict", data_dir())
    me.trust(district)
    district.trust(me)
    members.register(here, me.clerk, person(3))
    tab = sync_tab(open_window(me, clerk(me)))
    assert [o.code for o in tab.recipients()] == [DISTRICT]
    tab.export_button.click()
    dialog = tab.export_dialog
    assert dialog is not None and dialog.recipient_combo.currentData() == DISTRICT
    assert not dialog.unsealed_box.isVisibleTo(dialog)
    usb = tmp_path / "U盘"
    dialog.folder_edit.setText(str(usb))
    dialog.accept()
    wait_idle(qtbot, tab)
    [written] = list(usb.iterdir())
    assert written.name.startswith("110101007-1-") and written.suffix == ".ubatch"
    assert (outbox_dir(DISTRICT) / written.name).read_bytes() == written.read_bytes()
    assert office_cell(tab, DISTRICT, OfficesModel.LAST_OUT).startswith("第1批")
    assert "已导出第1批（增量，已加密）" in tab.log.toPlainText()
    assert [r.status for r in district.import_(written)] == ["imported"]  # sealed for the district
    here.close()


def test_exporting_to_an_untrusted_office_needs_an_explicit_confirmed_choice(
        qtbot: QtBot, open_window: OpenWindow, district: Peer, boxes: Boxes) -> None:
    tab = sync_tab(open_window(district, admin(district)))
    jingshan = tab.offices.position_of("110101002")
    assert jingshan is not None
    tab.office_table.selectRow(jingshan)
    dialog = tab.open_export()
    assert dialog.recipient_combo.currentData() == "110101002"
    assert "尚未信任" in dialog.key_label.text() and dialog.unsealed_box.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.isVisible() and "不加密导出" in dialog.error.text()
    dialog.unsealed_box.setChecked(True)
    dialog.accept()  # no reason given
    assert dialog.isVisible() and "请填写不加密导出的理由" in dialog.error.text() and not boxes.asked
    dialog.reason_edit.setText("景山街道的电脑重装，公钥下周才能重新核对")
    dialog.accept()  # the confirmation says No
    assert dialog.isVisible() and len(boxes.asked) == 1
    boxes.answer = QMessageBox.StandardButton.Yes
    dialog.accept()
    wait_idle(qtbot, tab)
    assert [p.name.startswith("110101-1-") for p in outbox_dir("110101002").iterdir()] == [True]
    assert "未加密" in tab.log.toPlainText()
    assert batch_count(district, direction="out", recipient_code="110101002") == 1
    with district.store.transaction() as session:
        [entry] = session.scalars(select(AuditEntry.changes).where(AuditEntry.action == "export_batch"))
    assert json.loads(entry)["reason"] == "景山街道的电脑重装，公钥下周才能重新核对"


def test_a_clerk_may_not_export_unsealed(open_window: OpenWindow, district: Peer, boxes: Boxes) -> None:
    tab = sync_tab(open_window(district, clerk(district)))
    jingshan = tab.offices.position_of("110101002")
    assert jingshan is not None
    tab.office_table.selectRow(jingshan)
    dialog = tab.open_export()
    box = dialog.unsealed_box
    assert box.isVisibleTo(dialog) and not box.isEnabled()
    assert box.toolTip() == "只有管理员可以不加密导出批次"
    assert not dialog.reason_edit.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.isVisible() and "只有管理员可以不加密导出" in dialog.error.text() and not boxes.asked
    assert not outbox_dir("110101002").exists()


# ------------------------------------------------------------------------------------------- conflicts and receipts

def test_open_conflicts_are_listed_and_a_double_click_opens_the_settlement(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, other: Peer, district: Peer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    members.register(sub.store, sub.clerk, person(1))
    members.register(other.store, other.clerk, person(1, name="王秀英"))
    first, _ = sub.send(district, 1, sub.rows())
    second, _ = other.send(district, 1, other.rows())
    district.import_(second, first)
    opened: list[tuple[AppContext, str, Any]] = []

    class FakeDialog:
        def __init__(self, context: AppContext, conflict_uuid: str, parent: Any = None) -> None:
            opened.append((context, conflict_uuid, parent))
            self.result_message = "已保留本地"

        def exec(self) -> int:
            return int(QDialog.DialogCode.Accepted.value)

        def deleteLater(self) -> None:  # noqa: N802 - Qt's name
            pass

    fake = types.ModuleType("desktop.ui.sync.conflict_dialog")
    fake.ConflictDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.sync.conflict_dialog", fake)
    window = open_window(district, clerk(district))
    tab = sync_tab(window)
    members_tab = window.tabs.widget(0)
    reloaded: list[bool] = []
    monkeypatch.setattr(members_tab, "records_changed", lambda: reloaded.append(True))
    model = tab.conflicts
    rows = [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]
    same = next(row for row in rows if row[0] == "同一人在两个单位在会")
    assert same[1:5] == ["会员", person(1)["name"], OFFICE_NAME, "第1批"] and same[5]
    assert office_cell(tab, OFFICE_CODE, OfficesModel.CONFLICTS) == str(len(rows))
    row = rows.index(same)
    double_click(qtbot, tab.conflict_table, row)
    assert opened == [(tab.context, model.index(row, 0).data(KEY_ROLE), tab)]
    assert reloaded == [True]
    assert window.statusBar().currentMessage() == "已保留本地"  # what the dialog says was done


def double_click(qtbot: QtBot, table: QTableView, row: int) -> None:
    table.scrollTo(table.model().index(row, 0))
    center = table.visualRect(table.model().index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_the_receipt_button_prints_the_selected_batch(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for batch, _ in send(sub, district, 2):
        district.import_(batch)
    calls: list[tuple[str, Any]] = []

    def render(form: Form, _store: Store, _actor: Actor, out: Any, **options: Any) -> int:
        calls.append((form.name, options.get("uuids")))
        pdf = canvas.Canvas(out, pagesize=A4)
        pdf.drawString(72, 760, "receipt")
        pdf.showPage()
        pdf.save()
        return 1

    monkeypatch.setattr(Form, "render", render)
    window = open_window(district, clerk(district))
    tab = sync_tab(window)
    assert not tab.receipt_button.isEnabled()
    tab.batch_table.selectRow(1)  # newest first: the first batch
    chosen = tab.batches.row_at(1)
    assert chosen is not None and chosen.seq == 1 and tab.receipt_button.isEnabled()
    tab.receipt_button.click()
    qtbot.waitUntil(lambda: bool(window.printing.previews), timeout=20_000)
    assert calls == [("batch-receipt", (chosen.uuid,))]
    preview = window.printing.previews[0]
    assert preview.windowTitle().startswith("批次交接单") and boxes.shown == []
    preview.close()


def test_a_cancelled_import_rolls_back_and_says_so(
        qtbot: QtBot, open_window: OpenWindow, sub: Peer, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.sync.merge import import_batches
    from desktop.ui.sync import import_job

    [(batch, _)] = send(sub, district, 1, people=3)
    tab = sync_tab(open_window(district, clerk(district)))
    merged: list[int] = []

    def cancelled_midway(store: Store, actor: Actor, paths: list[Path], **options: Any) -> Any:
        progress = options.pop("progress")

        def report(stage: str, done: int, total: int) -> None:
            merged.append(done)
            tab.context.runner.cancel_all()  # the person presses 取消 while rows are being merged
            progress(stage, done, total)

        return import_batches(store, actor, paths, progress=report, **options)

    monkeypatch.setattr(import_job, "import_batches", cancelled_midway)
    patch_open_dialog(monkeypatch, [batch])
    tab.import_button.click()
    wait_idle(qtbot, tab)
    assert merged  # the cancel came inside the import's transaction
    assert "已取消，数据库没有改变" in tab.log.toPlainText()
    assert member_count(district) == 0 and batch_count(district) == 0 and boxes.shown == []


def test_the_key_buttons_export_this_office_key_and_trust_a_peer_after_the_code_is_confirmed(
        open_window: OpenWindow, tmp_path: Path, district: Peer, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from db.sync import keys

    tab = sync_tab(open_window(district, admin(district)))
    own = tab.key_bar.fingerprint_label.text()
    assert own == district.keys.public.fingerprint  # the fixture's trust created the keys
    target = tmp_path / "district.pub.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    tab.key_bar.export_button.click()
    assert keys.read_public(target).fingerprint == own and own in tab.log.toPlainText()

    jingshan = make_peer(tmp_path, "110101002", "景山街道工会", "subdistrict")
    offered = tmp_path / "jingshan.pub.json"
    keys.export_public(jingshan.keys, jingshan.name, offered)
    prompts: list[str] = []

    def confirm_code(_parent: Any, _title: str, label: str, _mode: Any, text: str) -> tuple[str, bool]:
        prompts.append(label)
        return text, True

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(offered), ""))
    monkeypatch.setattr(QInputDialog, "getText", confirm_code)
    assert office_cell(tab, "110101002", OfficesModel.KEY) == "未信任"
    tab.key_bar.trust_button.click()
    assert jingshan.keys.public.fingerprint in prompts[0] and "电话" in prompts[0]
    assert office_cell(tab, "110101002", OfficesModel.KEY) == jingshan.keys.public.fingerprint
    assert boxes.shown == []
    jingshan.store.close()
