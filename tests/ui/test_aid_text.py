"""The hardship tab's words and small habits: in English the household's headers are the declared labels'
translations and the steps, statuses and outcomes go through their translation (context AidValues, by code),
a step's refusal too; a masked choice shows its mask, never as an entry to pick; a user who may not change a
file finds every button that would change it off, saying why; a role that sees ID numbers masked finds a file
by the whole number or the last 4 characters the mask shows, never by more."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from db import reference
from db.aid import cases
from db.aid import settings as aid_settings
from db.auth import Actor
from db.store import Store
from desktop.ui.aid import texts
from desktop.ui.aid.tab import AidTab
from desktop.ui.members.tab import MembersTab
from desktop.ui.translations import install_translator
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, person, walk

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
VIEWER = Actor("viewer", "查看人", frozenset(), OFFICE.code)  # no right at all: reads only
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def case_uuid(ui_store: Store, today: Today) -> str:
    """A file (health and disability filled: masked choices) with a spouse in its household."""
    del today
    aid_settings.set_dibao_line(ui_store, ADMIN, 2025, 110_000)
    case = cases.create_case(ui_store, CLERK, {
        "member_uuid": add_member(ui_store, CLERK, 1), "category": "深度困难", "main_cause": "患重特大疾病",
        "health": "重特大疾病", "disability": "肢体残疾", "household_income_fen": "15600", "household_size": 3}, (
        {"name": "王芳", "relation": "配偶", "id_number": person(5, 1982), "health": "慢性病"},))
    return case.uuid


def _tab(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, uuid: str | None = None) -> AidTab:
    tab = AidTab(make_context(store, actor, runner))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    if uuid is not None:
        tab.open_record(uuid)
        tab.household.show_case(uuid)
        tab.documents.show_case(uuid)
        tab.steps.show_case(uuid)
    return tab


class Marking(QTranslator):
    """Marks every text of the contexts it is given: ``[AidValues]申请`` — which lookup a text went through,
    before the English translation of the new texts exists."""

    def __init__(self, *contexts: str) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        del disambiguation, n
        return f"[{context}]{source}" if context in self.contexts else None  # None: not translated here

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[Marking]:
    translator = Marking("AidValues")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield translator
    qapp.removeTranslator(translator)  # the other tests expect the Chinese source texts
    translator.deleteLater()


# ----- English ------------------------------------------------------------------------------------------
def test_the_household_headers_are_the_declared_labels_in_english(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                                  runner: JobRunner, english: QTranslator) -> None:
    del english
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    table = tab.household.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:4] == ["Name", "Relationship", "Gender", "ID number"]
    assert headers[5:] == ["Health", "Income a month (yuan)", "Employer or school"]
    assert not any(CJK.search(h) for h in headers[:4] + headers[5:]), headers  # 年龄: a new text, not yet in


def test_steps_statuses_and_outcomes_go_through_their_translation(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                                  runner: JobRunner, marking: Marking) -> None:
    del marking
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    steps = tab.steps
    visit = steps.step_buttons["verified"]
    assert visit.text().startswith("[AidValues]入户核查")
    assert not visit.isEnabled() and visit.toolTip().startswith("[AidValues]")  # the papers' refusal
    assert "[AidValues]请先登记已收到" in visit.toolTip()
    assert "[AidValues]注销" in steps.step_buttons["cancelled"].text()
    assert steps.steps_table.item(0, 0).text() == "[AidValues]申请"
    assert "[AidValues]申请" in steps.status.text() and "[AidValues]申请" in tab.form.header.status_label.text()
    assert all(tab.status_filter.itemText(i).startswith("[AidValues]") for i in range(1, tab.status_filter.count()))
    parts = [tab.documents.table.item(r, 0).text() for r, row in enumerate(tab.documents.rows) if row is None]
    assert parts and all(p.startswith("[AidValues]") for p in parts)
    assert all(v.startswith("[AidValues]") for v in texts.labels("aid_objection_outcome").values())
    assert all(v.startswith("[AidValues]") for v in texts.labels("aid_review_outcome").values())


def test_a_clerk_may_not_approve_and_is_told_in_the_users_language(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                                   runner: JobRunner, today: Today,
                                                                   marking: Marking) -> None:
    del marking
    walk(ui_store, case_uuid, "publicized", clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
    today.move(30)
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    approve = tab.steps.step_buttons["filed"]
    assert not approve.isEnabled()
    assert approve.toolTip() == "[AidValues]您没有[AidValues]审批的权限：只有审核人可以[AidValues]审批"
    back = tab.steps.step_buttons["reviewed"]
    assert back.text().startswith("[AidValues]退回审核")


def test_the_tabs_words_agree_with_the_reference_lists() -> None:
    """Without a translation, each coded value reads as db names it (values.json), and every code is there."""
    for name in texts.LISTS:
        assert texts.labels(name) == reference.labels(name), name
        assert set(texts.LISTS[name]()) == set(reference.labels(name)), name


def test_a_refusal_reads_as_the_use_case_words_it(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                  runner: JobRunner, today: Today) -> None:
    """In Chinese the tab's wording of a refused step is the use case's own (but 没有权限: who may)."""
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    from db.aid import workflow

    for choice in workflow.available_steps(ui_store, CLERK, case_uuid):
        if not choice.allowed:
            assert texts.refusal_text(choice, "applied") == choice.why_not
    walk(ui_store, case_uuid, "publicized", clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
    (approve,) = [c for c in workflow.available_steps(ui_store, APPROVER, case_uuid) if c.step == "filed"]
    assert approve.refusal is not None and approve.refusal.rule == "publicity"
    assert texts.refusal_text(approve, "publicized") == approve.why_not
    (by_clerk,) = [c for c in workflow.available_steps(ui_store, CLERK, case_uuid) if c.step == "filed"]
    assert texts.refusal_text(by_clerk, "publicized") == "您没有审批的权限：只有审核人可以审批"
    del tab


# ----- a masked choice ------------------------------------------------------------------------------------
def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize("actor", [CLERK, VIEWER], ids=lambda a: a.username)
def test_a_masked_choice_shows_its_mask_but_never_offers_it(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                            runner: JobRunner, actor: Actor) -> None:
    tab = _tab(qtbot, ui_store, actor, runner, case_uuid)
    health = tab.form.fields["health"].editor
    assert isinstance(health, QComboBox)
    assert health.currentIndex() == -1 and health.placeholderText() == "***"
    assert "***" not in _items(health) and not health.isEnabled()
    if actor is CLERK:  # 修改: cleared for a new choice; the mask is no entry of the list
        button = tab.form.fields_panel.unmask_buttons["health"]
        button.setChecked(True)
        assert health.isEnabled() and health.currentText() == "" and "***" not in _items(health)
        health.setCurrentText("慢性病")
        assert tab.form.fields_panel.values()["health"] == "慢性病"
        button.setChecked(False)  # masked again: shown, not chosen
        assert health.currentIndex() == -1 and health.placeholderText() == "***" and "***" not in _items(health)
        tab.form.fields_panel.revert()
        assert health.currentIndex() == -1 and health.placeholderText() == "***"
    assert not tab.form.save_button.isEnabled()


# ----- read-only roles ------------------------------------------------------------------------------------
WRITING = {"choose_minor_causes", "add_person", "edit_person", "remove_person", "add_document",
           "record_objection", "resolve_objection"}


@pytest.mark.parametrize("actor", [APPROVER, VIEWER], ids=lambda a: a.username)
def test_a_read_only_role_finds_every_button_of_the_file_off_saying_why(qtbot: QtBot, ui_store: Store,
                                                                       case_uuid: str, runner: JobRunner,
                                                                       actor: Actor) -> None:
    tab = _tab(qtbot, ui_store, actor, runner, case_uuid)
    tab.household.table.selectRow(0)
    panels: list[QWidget] = [tab.form, tab.household, tab.documents, tab.steps]
    seen = set()
    editors = {field.editor for field in tab.form.fields.values()}  # the fields: the form's read-only note
    assert not tab.form.header.read_only_note.isHidden()
    for panel in panels:
        for button in panel.findChildren(QAbstractButton):
            if button.isHidden() or not button.text() or button in editors:
                continue
            seen.add(button.objectName())
            if button.objectName() in WRITING:
                assert not button.isEnabled(), button.objectName()
            if not button.isEnabled():
                assert button.toolTip(), f"{button.objectName()} ({button.text()}) is off without saying why"
    assert {"choose_minor_causes", "add_person", "add_document"} <= seen
    assert "只有录入员和管理员可以修改档案" == tab.form.fields_panel.causes_button.toolTip()


# ----- searching by ID number --------------------------------------------------------------------------------
# Every role sees the lists masked (design §7: a full value is asked for in the form, audited), so every role
# searches them as masked: by the whole number or what the mask shows, never by the digits it hides.
@pytest.mark.parametrize("actor", [CLERK, VIEWER, APPROVER, ADMIN], ids=lambda a: a.username)
def test_the_list_searches_id_numbers_as_the_role_sees_them(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                            runner: JobRunner, actor: Actor) -> None:
    tab = _tab(qtbot, ui_store, actor, runner)
    number = person(1)
    for typed, found in ((number, True), (number[-4:], True), (number[-6:], False), (number[:10], False)):
        tab.search.setText(typed)
        tab.apply_filters()
        assert not tab.current_filter().full_ids
        assert (tab.model.total() == 1) == found, typed
    assert not tab.export_view()[0].full_ids  # the export and printout search alike  # type: ignore[index]
    del case_uuid


@pytest.mark.parametrize(("actor", "full"), [(CLERK, False), (APPROVER, False)], ids=["clerk", "approver"])
def test_the_members_list_searches_id_numbers_as_the_role_sees_them(qtbot: QtBot, ui_store: Store,
                                                                    runner: JobRunner, actor: Actor,
                                                                    full: bool) -> None:
    add_member(ui_store, CLERK, 3)
    tab = MembersTab(make_context(ui_store, actor, runner))
    qtbot.addWidget(tab)
    tab.refresh()
    number = person(3)
    for typed, found in ((number, True), (number[-4:], True), (number[-6:], full), (number[:8], full)):
        tab.search.setText(typed)
        tab.apply_filters()
        assert (tab.model.total() == 1) == found, typed
    tab.form.cancel()
