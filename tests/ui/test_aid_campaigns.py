"""The 送温暖 window (desktop/ui/aid/campaigns.py) as the office runs a campaign: a clerk creates it (the caps
from the 帮扶设置), adds a hardship file 在档, a new-employment-form member (suggested for that group) and a
non-member, sees a second visit of the same person and a cap refused in the dialog (naming the rule, nothing
written), reads the totals per group, removes one after agreeing, closes the campaign (then read-only and
saying why) and prints its 签领表 (a PDF with the names, ID numbers masked). An approver only looks, and
sees the ID numbers in full; an administrator sets the default caps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from db import members
from db.aid import campaigns
from db.aid import settings as aid_settings
from db.auth import Actor
from db.store import Store
from db.validation import mask_id_number
from desktop.ui.aid.campaign_dialogs import MEMBERS, OTHERS, CampaignDialog, RecipientDialog
from desktop.ui.aid.campaigns import CampaignsDialog
from desktop.ui.aid.settings_dialog import AidSettingsDialog
from desktop.ui.aid.tab import AidTab
from desktop.ui.printing.print_dialog import PrintOptionsDialog
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, open_case, person, walk
from tests.unit.db.aid.test_aid_campaigns import snapshot
from tests.unit.documents.pdf.test_certificate import POPPLER
from tests.unit.documents.pdf.test_engine import pdf_text

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
SPRING = {"name": "2025年春节送温暖", "year": 2025, "festival": "元旦春节", "starts_on": "2025-01-10",
          "ends_on": "2025-03-31", "target_groups": "困难职工、新就业形态劳动者、劳模"}
STRANGER_ID = person(90)

Fill = Callable[[QDialog], None]


@pytest.fixture
def office(ui_store: Store, today: Today) -> Store:
    """A file 在档 (职工1), a file just applied for (职工2) and a courier (快递员, a new employment form)."""
    case = open_case(ui_store, CLERK, add_member(ui_store, CLERK, 1))
    walk(ui_store, case.uuid, "filed", clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
    open_case(ui_store, CLERK, add_member(ui_store, CLERK, 2))  # 申请: not yet 在档
    members.register(ui_store, CLERK, {"name": "快递员张", "id_number": person(3), "joined_on": "2020-05-01",
                                       "employer": "顺丰速运东四营业部", "employment_form": "快递员"})
    return ui_store


def _window(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, settings: Settings) -> CampaignsDialog:
    window = CampaignsDialog(make_context(store, actor, runner), settings)
    qtbot.addWidget(window)
    return window


def _ok(dialog: QDialog, fill: Fill) -> int:
    """Fill ``dialog`` and press OK; the dialog's verdict (Rejected while it refused and stays open)."""
    fill(dialog)
    dialog.submit()  # type: ignore[attr-defined]
    return dialog.result()


def _answer(window: CampaignsDialog, fill: Fill) -> list[QDialog]:
    """The next dialog the window opens is filled with ``fill`` and OK pressed; kept for a look afterwards."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        return _ok(dialog, fill)

    def keep(dialog: QDialog) -> None:  # not deleted: the test reads it afterwards
        window.hooks.open_dialog(dialog)

    window.hooks.open_dialog = run
    window.hooks.run = keep  # type: ignore[method-assign]
    return seen


def _type(dialog: CampaignDialog | RecipientDialog, name: str, text: str) -> None:
    editor = dialog.fields[name].editor
    if isinstance(editor, QComboBox):
        editor.setCurrentText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def _new_spring(dialog: QDialog) -> None:
    assert isinstance(dialog, CampaignDialog)
    for name in ("name", "festival", "starts_on", "ends_on"):
        _type(dialog, name, str(SPRING[name]))
    for box in dialog.groups.boxes.values():
        box.setChecked(box.text() in str(SPRING["target_groups"]))


def _recipient(source: int, *, search: str = "", name: str = "", id_number: str = "", group: str = "",
               amount: str = "", gift: str = "", visitor: str = "王主席") -> Fill:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RecipientDialog)
        dialog.sources.setCurrentIndex(source)
        if group:
            _type(dialog, "group", group)
        if source == MEMBERS and search:
            dialog.member_search.setText(search)
        elif source == OTHERS:
            _type(dialog, "name", name)
            _type(dialog, "id_number", id_number)
        elif search:
            dialog.file_search.setText(search)
        _type(dialog, "amount_fen", amount)
        _type(dialog, "gift", gift)
        _type(dialog, "visitor", visitor)
    return fill


def _cells(window: CampaignsDialog) -> list[list[str]]:
    table = window.recipients
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _three_added(window: CampaignsDialog, today: Today) -> None:
    """A clerk creates the spring campaign and adds a file, a courier and a non-member."""
    assert window.title_label.text() == "还没有送温暖活动"
    assert not window.add_button.isEnabled() and "请先在左侧选择一个活动" in window.add_button.toolTip()

    # 新建活动…: the caps come from the settings (3,000 元 a visit, 6,000 元 a year unless changed)
    seen = _answer(window, _new_spring)
    assert window.new_campaign()
    dialog = seen[0]
    assert isinstance(dialog, CampaignDialog)
    assert dialog.fields["visit_cap_fen"].value() == "3000.00" and dialog.fields["yearly_cap_fen"].value() == "6000.00"
    assert dialog.fields["year"].value() == "2025"
    assert window.title_label.text() == "2025年春节送温暖" and "登记中" in window.state_label.text()
    assert window.list.item(0, 4).text() == "登记中"

    # 添加对象…: a file 在档 found by its member's name, the group implied (困难职工)
    seen = _answer(window, _recipient(0, search="职工1", amount="500"))
    assert window.add_recipient(), seen[0].error_label.text()
    # a member: choosing 新就业形态劳动者 lists the couriers without typing (the members the group suggests)
    seen = _answer(window, _recipient(MEMBERS, group="新就业形态劳动者", amount="300", gift="米面油"))
    assert window.add_recipient()
    member_dialog = seen[0]
    assert isinstance(member_dialog, RecipientDialog)
    assert member_dialog.new_forms_only.isChecked() and [m.name for m in member_dialog.members] == ["快递员张"]
    # a non-member by name and a valid ID number, a gift only
    seen = _answer(window, _recipient(OTHERS, name="李四", id_number=STRANGER_ID, group="劳模", gift="棉被一床"))
    assert window.add_recipient()
    rows = _cells(window)
    assert [(r[0], r[1], r[3], r[4], r[6], r[7]) for r in rows] == [  # by group, as the boxes list them
        ("职工1", "困难职工", "500.00", "", "王主席", "困难职工档案"),
        ("李四", "劳模", "", "棉被一床", "王主席", "非会员"),
        ("快递员张", "新就业形态劳动者", "300.00", "米面油", "王主席", "会员")]
    assert rows[1][2] == mask_id_number(STRANGER_ID) != STRANGER_ID  # a clerk sees ID numbers masked
    assert rows[1][5] == today.day.isoformat()  # today by default


def test_a_clerk_creates_a_campaign_and_adds_a_file_a_member_and_a_non_member(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings, today: Today) -> None:
    window = _window(qtbot, office, CLERK, runner, settings)
    _three_added(window, today)
    assert window.totals_text().splitlines() == [
        "困难职工：1 人，500.00 元", "劳模：1 人，0.00 元", "新就业形态劳动者：1 人，300.00 元",
        "合计：3 人，慰问金 800.00 元，慰问品 2 份"]
    assert [window.list.item(0, c).text() for c in (5, 6)] == ["3", "800.00"]


def test_the_same_person_twice_a_cap_and_a_file_not_filed_are_refused_in_the_dialog(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings, today: Today) -> None:
    window = _window(qtbot, office, CLERK, runner, settings)
    _three_added(window, today)
    # the same person again (the courier, now as a non-member by ID number): refused in the dialog
    before = snapshot(office)
    seen = _answer(window, _recipient(OTHERS, name="快递员张", id_number=person(3), group="劳模", amount="100"))
    assert not window.add_recipient()
    again = seen[0]
    assert isinstance(again, RecipientDialog) and again.result() != QDialog.DialogCode.Accepted
    assert "同一活动每人只慰问一次" in again.person_error() and "2025年春节送温暖" in again.person_error()
    assert snapshot(office) == before
    # above the cap of one visit: refused under 慰问金, naming the cap
    seen = _answer(window, _recipient(OTHERS, name="王五", id_number=person(91), group="劳模", amount="3000.01"))
    assert not window.add_recipient()
    capped = seen[0]
    assert isinstance(capped, RecipientDialog)
    assert "超过本活动每次慰问金上限 3,000.00 元" in capped.field_error("amount_fen")
    assert snapshot(office) == before
    # a member whose file is not 在档 cannot come from the files page: none is listed for 职工2
    seen = _answer(window, _recipient(0, search="职工2", amount="100"))
    assert not window.add_recipient()
    assert "请先查找并选择一份在档的困难职工档案" in seen[0].person_error()  # type: ignore[attr-defined]
    assert snapshot(office) == before
    assert len(_cells(window)) == 3


def test_a_recipient_is_removed_the_campaign_closed_and_its_receipt_list_printed(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, today: Today) -> None:
    window = _window(qtbot, office, CLERK, runner, settings)
    _three_added(window, today)
    # 移除 after asking: a "no" keeps the recipient
    questions: list[str] = []
    window.recipients.selectRow(1)
    window.hooks.agree = lambda _title, text, _yes: questions.append(text) or False  # type: ignore[func-returns-value]
    assert not window.remove_selected() and len(_cells(window)) == 3
    window.hooks.agree = lambda _title, _text, _yes: True
    assert window.remove_selected()
    assert "李四" in questions[0] and [r[0] for r in _cells(window)] == ["职工1", "快递员张"]
    assert window.totals_text().splitlines()[-1] == "合计：2 人，慰问金 800.00 元，慰问品 1 份"

    # 结束登记: then read-only, the buttons saying why
    assert window.close_campaign()
    assert f"已于{today.day.isoformat()}结束登记" in window.state_label.text()
    for button in (window.add_button, window.edit_button, window.close_button):
        assert not button.isEnabled() and "结束登记" in button.toolTip(), button.objectName()
    window.recipients.selectRow(0)
    assert not window.remove_button.isEnabled()
    assert window.list.item(0, 4).text() == "已结束"
    assert window.print_button.isEnabled()

    # 打印签领表…: the options, then the preview; saved as a PDF through the file dialog
    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PrintOptionsDialog)
        assert not dialog.full_box.isEnabled()  # a clerk prints masked ID numbers only
        dialog.preview_button.click()
        return dialog.result()

    window.hooks.open_dialog = preview
    assert window.print_receipts()
    qtbot.waitUntil(lambda: bool(window.previews), timeout=20_000)
    shown = window.previews[0]
    assert shown.page_count() == 1 and "2025年春节送温暖" in shown.windowTitle()
    target = tmp_path / "签领表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
    assert shown.save_pdf() == target and target.read_bytes().startswith(b"%PDF")
    if POPPLER:
        text = pdf_text(target)
        assert "职工1" in text and "快递员张" in text and "李四" not in text
        assert mask_id_number(person(3)) in text and person(3) not in text
    shown.close()


def test_an_approver_looks_only_and_sees_id_numbers_masked_like_everyone(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings) -> None:
    uuid = campaigns.create_campaign(office, CLERK, SPRING).uuid
    campaigns.add_recipient(office, CLERK, uuid, {"name": "李四", "id_number": STRANGER_ID, "group": "劳模",
                                                  "amount_fen": "200"})
    window = _window(qtbot, office, APPROVER, runner, settings)
    assert _cells(window)[0][2] == STRANGER_ID[:6] + "********" + STRANGER_ID[-4:]  # design §7: lists mask
    assert "只有" in window.state_label.text() and "您只能查看" in window.state_label.text()
    for button in (window.new_button, window.add_button, window.edit_button, window.close_button):
        assert not button.isEnabled() and "只有录入员和管理员可以" in button.toolTip(), button.objectName()
    assert window.print_button.isEnabled()
    assert not window.new_campaign() and not window.add_recipient()


def test_a_campaign_is_changed_and_a_bad_change_is_refused_in_the_dialog(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings) -> None:
    campaigns.create_campaign(office, CLERK, SPRING)
    window = _window(qtbot, office, CLERK, runner, settings)
    before = snapshot(office)

    def too_high(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        assert dialog.groups.value() == "困难职工、劳模、新就业形态劳动者"  # the reference list's order
        _type(dialog, "visit_cap_fen", "7000")

    seen = _answer(window, too_high)
    assert not window.edit_campaign()
    assert "不能高于每人每年上限 6,000.00 元" in seen[0].field_error("visit_cap_fen")  # type: ignore[attr-defined]
    assert snapshot(office) == before

    def no_group(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        for box in dialog.groups.boxes.values():
            box.setChecked(False)

    seen = _answer(window, no_group)
    assert not window.edit_campaign()
    assert "必须填写" in seen[0].field_error("target_groups")  # type: ignore[attr-defined]

    def renamed(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        _type(dialog, "name", "2025年春节送温暖（东四）")
        _type(dialog, "visit_cap_fen", "2000")

    _answer(window, renamed)
    assert window.edit_campaign()
    assert window.title_label.text() == "2025年春节送温暖（东四）"
    assert "每次慰问金上限 2,000.00 元" in window.facts_label.text()


def test_an_administrator_sets_the_caps_new_campaigns_start_with(
        qtbot: QtBot, office: Store, runner: JobRunner, settings: Settings) -> None:
    dialog = AidSettingsDialog(make_context(office, ADMIN, runner))
    qtbot.addWidget(dialog)
    assert (dialog.campaign_visit_cap.text(), dialog.campaign_yearly_cap.text()) == ("3000.00", "6000.00")
    dialog.campaign_visit_cap.setText("7000")
    assert not dialog.submit() and "不能高于每人每年上限 6,000.00 元" in dialog.error.text()
    assert aid_settings.campaign_caps(office) == aid_settings.CampaignCaps()
    dialog.campaign_visit_cap.setText("2000.5")
    dialog.campaign_yearly_cap.setText("5000")
    assert dialog.submit()
    assert aid_settings.campaign_caps(office) == aid_settings.CampaignCaps(200_050, 500_000)

    window = _window(qtbot, office, CLERK, runner, settings)
    seen = _answer(window, _new_spring)
    assert window.new_campaign()
    assert seen[0].fields["visit_cap_fen"].value() == "2000.50"  # type: ignore[attr-defined]

    clerk_view = AidSettingsDialog(make_context(office, CLERK, runner))
    qtbot.addWidget(clerk_view)
    assert not clerk_view.campaign_visit_cap.isEnabled()
    assert not clerk_view.buttons.button(clerk_view.buttons.StandardButton.Ok).isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's
def test_the_aid_tab_opens_the_campaigns_window(qtbot: QtBot, office: Store, runner: JobRunner) -> None:
    tab = AidTab(make_context(office, CLERK, runner))
    qtbot.addWidget(tab)
    assert tab.campaigns_button.text() == "送温暖活动…"
    window = tab.open_campaigns()
    assert window.isVisible() and tab.open_campaigns() is window
    window.close()
