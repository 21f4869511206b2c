"""处理同步冲突: the district settles real conflicts made by importing two sub-districts' batches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import members
from db.models import AidCase
from db.sync import settle
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.sync.conflict_dialog import ConflictDialog
from desktop.ui.sync.conflict_table import DIFF_TINT, INCOMING, LOCAL, RESULT
from desktop.ui.worker import JobRunner
from tests.sync_peers import DISTRICT, DISTRICT_NAME, Peer, make_peer
from tests.unit.db.sync.test_aid_one_file import file_at, import_both, moved, the_conflict
from tests.unit.db.sync.test_merge import member_row, person
from tests.unit.db.sync.test_settle import conflicts, same_person

Button = QMessageBox.StandardButton
DialogFactory = Callable[[str], ConflictDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, district: Peer, runner: JobRunner, cjk_font: str | None) -> Iterator[DialogFactory]:
    """Opens (shows, not modally) the dialog of a conflict in the district's database, as its admin."""
    context = AppContext(district.store, district.admin, OfficeInfo(DISTRICT, DISTRICT_NAME, "district"), runner)

    def build(uuid: str) -> ConflictDialog:
        dialog = ConflictDialog(context, uuid)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield build


class Questions:
    """What QMessageBox.exec was asked, and the ``reply`` it gives."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.reply = Button.Yes


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    seen = Questions()

    def answer(box: QMessageBox) -> int:
        assert box.standardButton(box.defaultButton()) == Button.No  # settling is never the default
        seen.asked.append(box.text())
        return int(seen.reply.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return seen


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    return warned


def button(dialog: ConflictDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def visible_choices(dialog: ConflictDialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton)
            if b.objectName().startswith("choice_") and b.isVisible()]


def cell(dialog: ConflictDialog, key: str, column: int) -> QModelIndex:
    return dialog.model.index(dialog.model.row_of(key), column)


def text(dialog: ConflictDialog, key: str, column: int) -> str:
    return str(cell(dialog, key, column).data())


def click(qtbot: QtBot, dialog: ConflictDialog, index: QModelIndex) -> None:
    viewport = dialog.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=dialog.table.visualRect(index).center())


# ------------------------------------------------------------------------------------------------ showing

def test_both_sides_side_by_side_with_the_differences_marked(
        open_dialog: DialogFactory, sub: Peer, other: Peer, district: Peer) -> None:
    _, _, uuid = same_person(sub, other, district)
    dialog = open_dialog(uuid)
    assert dialog.windowTitle() == "处理同步冲突"
    heading = dialog.findChild(QLabel, "heading")
    explanation = dialog.findChild(QLabel, "explanation")
    assert heading is not None and explanation is not None
    assert heading.text() == "同一人在两个单位在会：会员“王秀兰”"
    assert "东华门街道工会也有在会记录" in explanation.text() and explanation.wordWrap()
    header = dialog.model.headerData
    assert str(header(LOCAL, Qt.Orientation.Horizontal)).startswith("本单位现有\n属于东华门街道工会")
    assert str(header(INCOMING, Qt.Orientation.Horizontal)).startswith("来件（东四街道工会第1批）\n属于东四街道工会")
    assert (text(dialog, "name", LOCAL), text(dialog, "name", INCOMING)) == ("王秀英", "王秀兰")
    assert (text(dialog, "phone", LOCAL), text(dialog, "phone", INCOMING)) == ("13900139000", "13800138000")
    phone = cell(dialog, "phone", INCOMING)
    assert phone.data(Qt.ItemDataRole.BackgroundRole) == QBrush(DIFF_TINT)
    assert isinstance(phone.data(Qt.ItemDataRole.FontRole), QFont) and phone.data(Qt.ItemDataRole.FontRole).bold()
    assert cell(dialog, "employer", INCOMING).data(Qt.ItemDataRole.BackgroundRole) is None
    # equal rows are hidden while 仅显示不同 is on (the default, as the sides differ)
    employer, name = dialog.model.row_of("employer"), dialog.model.row_of("name")
    assert dialog.only_differences.isChecked()
    assert dialog.table.isRowHidden(employer) and not dialog.table.isRowHidden(name)
    dialog.only_differences.click()
    assert not dialog.table.isRowHidden(employer)
    assert visible_choices(dialog) == ["保留本地", "采用来件", "两者都保留", "逐项合并"]
    assert not button(dialog, "merge_ok").isVisible() and dialog.table.isColumnHidden(RESULT)
    count_note = dialog.findChild(QLabel, "count_note")
    assert count_note is not None and not count_note.isVisible()  # one local row only


def test_a_missing_parent_conflict_offers_retry_and_discard_only(
        open_dialog: DialogFactory, sub: Peer, other: Peer, district: Peer, monkeypatch: pytest.MonkeyPatch) -> None:
    same_person(sub, other, district)
    (child,) = [c for c in conflicts(district) if c.kind == "missing_parent"]
    dialog = open_dialog(child.uuid)
    assert visible_choices(dialog) == ["重新合并", "放弃来件"]
    assert dialog.model.headerData(LOCAL, Qt.Orientation.Horizontal) == "本单位没有这条记录"
    assert not dialog.only_differences.isChecked()  # nothing to compare with: every field is shown
    warned = warnings(monkeypatch)
    button(dialog, "choice_retry").click()  # its member is still kept aside
    assert len(warned) == 1 and "仍未收到" in warned[0]
    assert dialog.isVisible() and dialog.result_message == ""
    assert [c.status for c in conflicts(district)] == ["open", "open"]


def test_a_settled_conflict_is_shown_read_only(
        open_dialog: DialogFactory, sub: Peer, other: Peer, district: Peer) -> None:
    _, _, uuid = same_person(sub, other, district)
    settle.settle(district.store, district.admin, uuid, "keep_both")
    dialog = open_dialog(uuid)
    note = dialog.findChild(QLabel, "note")
    assert note is not None and note.isVisible() and "已经处理过" in note.text()
    assert visible_choices(dialog) == []
    assert button(dialog, "cancel").text() == "关闭"


@pytest.fixture
def third(tmp_path: Path, district: Peer) -> Iterator[Peer]:
    """A third sub-district the district trusts."""
    peer = make_peer(tmp_path, "110101002", "景山街道工会", "subdistrict")
    district.trust(peer)
    yield peer
    peer.store.close()


def test_two_local_members_are_mentioned_and_both_would_be_transferred(
        open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer, district: Peer,
        third: Peer) -> None:
    _, _, first = same_person(sub, other, district)
    settle.settle(district.store, district.admin, first, "keep_both")
    members.register(third.store, third.clerk, person(1, name="王秀芳", phone="13700137000"))
    district.import_(third.send(district, 1, third.rows())[0])
    (uuid,) = [c.uuid for c in conflicts(district, "open") if c.kind == "same_person"]
    dialog = open_dialog(uuid)
    count_note = dialog.findChild(QLabel, "count_note")
    assert count_note is not None and count_note.isVisible()
    assert count_note.text() == "本单位有 2 条在会记录，下表显示第一条。"
    questions.reply = Button.No
    button(dialog, "choice_keep_incoming").click()
    assert "本单位现有的 2 条在会记录将全部记为转出" in questions.asked[0]
    assert [c.kind for c in conflicts(district, "open")].count("same_person") == 1


# ------------------------------------------------------------------------------------------------ settling

def test_keep_local_asks_then_transfers_the_incoming_member_out(
        open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    dialog = open_dialog(uuid)
    button(dialog, "choice_keep_local").click()
    assert len(questions.asked) == 1 and "东四街道工会的“王秀兰”将记为转出" in questions.asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "东四街道工会的“王秀兰”记为转出" in dialog.result_message
    assert [c.status for c in conflicts(district)] == ["settled", "settled"]  # its join event went in with it
    assert member_row(district, mine.uuid)["status"] == "transferred_out"
    assert member_row(district, twin.uuid)["status"] == "active"


def test_answering_no_changes_nothing(
        open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    questions.reply = Button.No
    dialog = open_dialog(uuid)
    button(dialog, "choice_keep_incoming").click()
    assert len(questions.asked) == 1 and "东华门街道工会的“王秀英”将记为转出" in questions.asked[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert [c.status for c in conflicts(district)] == ["open", "open"]
    assert member_row(district, twin.uuid)["status"] == "active"
    assert all(member["uuid"] != mine.uuid for member in district.rows()["members"])


def test_an_error_is_shown_and_the_dialog_stays_open(
        open_dialog: DialogFactory, sub: Peer, other: Peer, district: Peer, monkeypatch: pytest.MonkeyPatch) -> None:
    mine, _, uuid = same_person(sub, other, district)
    dialog = open_dialog(uuid)
    settle.settle(district.store, district.admin, uuid, "keep_both")  # someone else, meanwhile
    warned = warnings(monkeypatch)
    button(dialog, "choice_keep_both").click()  # keeping both asks nothing
    assert warned == ["同步冲突：已由他人处理，请刷新"]
    assert dialog.isVisible() and dialog.result_message == ""
    assert member_row(district, mine.uuid)["status"] == "active"  # as the first settlement left it
    assert visible_choices(dialog) == []  # it now says it was settled
    note = dialog.findChild(QLabel, "note")
    assert note is not None and "已经处理过" in note.text()


# ------------------------------------------------------------------------------------------------ merging

def test_merge_takes_the_incoming_phone_picked_by_a_click(
        qtbot: QtBot, open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer,
        district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    dialog = open_dialog(uuid)
    button(dialog, "choice_merge").click()
    assert button(dialog, "merge_ok").isVisible() and not dialog.table.isColumnHidden(RESULT)
    assert visible_choices(dialog) == []
    assert text(dialog, "phone", RESULT) == "13900139000"  # local until picked
    click(qtbot, dialog, cell(dialog, "phone", INCOMING))
    assert dialog.model.picks() == {"phone": "incoming"}
    assert text(dialog, "phone", RESULT) == "13800138000（来件）"
    assert cell(dialog, "phone", INCOMING).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    click(qtbot, dialog, cell(dialog, "member_no", INCOMING))  # not pickable: stays local
    assert dialog.model.picks() == {"phone": "incoming"}
    button(dialog, "merge_ok").click()
    assert len(questions.asked) == 1 and "将改用来件的手机号码" in questions.asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = member_row(district, twin.uuid)
    assert (kept["phone"], kept["name"], kept["status"]) == ("13800138000", "王秀英", "active")
    assert member_row(district, mine.uuid)["status"] == "transferred_out"


def test_merge_picks_by_keyboard_and_back_forgets_the_picks(
        qtbot: QtBot, open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer,
        district: Peer) -> None:
    _, twin, uuid = same_person(sub, other, district)
    dialog = open_dialog(uuid)
    button(dialog, "choice_merge").click()
    dialog.table.setCurrentIndex(cell(dialog, "name", LOCAL))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    assert dialog.model.picks() == {"name": "incoming"}
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.picks() == {}
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.picks() == {"name": "incoming"}
    qtbot.keyClick(dialog.table, Qt.Key.Key_Left)
    assert dialog.model.picks() == {}
    dialog.table.setCurrentIndex(cell(dialog, "phone", LOCAL))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    button(dialog, "merge_back").click()
    assert dialog.model.picks() == {} and visible_choices(dialog)[-1] == "逐项合并"
    button(dialog, "choice_merge").click()
    dialog.table.setCurrentIndex(cell(dialog, "name", LOCAL))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    button(dialog, "merge_ok").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = member_row(district, twin.uuid)
    assert (kept["name"], kept["phone"]) == ("王秀兰", "13900139000")


# ------------------------------------------------------------------------------------ 一人多档 (hardship files)

def _one_file(sub: Peer, other: Peer, district: Peer) -> tuple[str, str, str]:
    """王秀兰 filed at 东四 and again at 东华门 after she moved: the district's import keeps 东四's file aside."""
    mine, twin = moved(sub, other)
    import_both(sub, other, district)
    return mine.case_no, twin.case_no, the_conflict(district).uuid


def test_one_person_filed_in_two_offices_shows_both_files_side_by_side(
        open_dialog: DialogFactory, sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = _one_file(sub, other, district)
    dialog = open_dialog(uuid)
    heading = dialog.findChild(QLabel, "heading")
    assert heading is not None and heading.text() == f"一人多档：困难职工档案“{mine}”"
    explanation = dialog.findChild(QLabel, "explanation")
    assert explanation is not None and "在东华门街道工会也有未关闭的困难职工档案" in explanation.text()
    assert (text(dialog, "case_no", LOCAL), text(dialog, "case_no", INCOMING)) == (twin, mine)
    assert str(dialog.model.headerData(LOCAL, Qt.Orientation.Horizontal)).startswith("本单位现有\n属于东华门街道工会")
    assert visible_choices(dialog) == ["保留本地", "采用来件", "两者都保留"]
    assert not dialog.only_differences.isChecked()  # two files compared whole
    assert not dialog.table.isRowHidden(dialog.model.row_of("category"))
    assert "来件的记录注销" in button(dialog, "choice_keep_local").toolTip()
    assert "其他单位现有的记录注销" in button(dialog, "choice_keep_incoming").toolTip()
    assert "以后导入不再" in button(dialog, "choice_keep_both").toolTip()
    assert text(dialog, "bank_account", LOCAL) == "6222020200112233445"  # the district's admin sees in full


def test_keeping_the_district_file_asks_then_closes_the_incoming_one(
        open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = _one_file(sub, other, district)
    dialog = open_dialog(uuid)
    questions.reply = Button.No
    button(dialog, "choice_keep_incoming").click()
    assert questions.asked == [f"东华门街道工会的“{twin}”将注销（关闭），东四街道工会报来的“{mine}”保留。"
                               "\n\n确定要这样处理吗？"]
    assert [c.status for c in conflicts(district) if c.kind == "cross_office"] == ["open"]
    questions.reply = Button.Yes
    button(dialog, "choice_keep_local").click()
    assert f"东四街道工会报来的困难职工档案“{mine}”将注销（关闭），东华门街道工会的“{twin}”保留。" in questions.asked[1]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_message == "已以东华门街道工会的记录为准，东四街道工会的记录已注销。"
    with district.store.transaction() as session:
        closed = session.scalars(select(AidCase).where(AidCase.case_no == mine)).one()
    assert file_at(district, closed.uuid)["status"] == "cancelled"


def test_keeping_both_files_is_settled_without_a_question(
        open_dialog: DialogFactory, questions: Questions, sub: Peer, other: Peer, district: Peer) -> None:
    _, _, uuid = _one_file(sub, other, district)
    dialog = open_dialog(uuid)
    button(dialog, "choice_keep_both").click()
    assert questions.asked == [] and dialog.result() == QDialog.DialogCode.Accepted
    assert "两者都保留" in dialog.result_message
    assert [c.status for c in conflicts(district) if c.kind == "cross_office"] == ["settled"]
