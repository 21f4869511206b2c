"""年度复核 in the 困难帮扶 tab (issue 14 item 3): the files due a year on, 开始复核 drawing a recorded, reproducible
home-visit sample of at least 30%, each file's outcome recorded (a refusal under its field, nothing written),
the reviews shown on the file's 流程 page; a user without the right to write sees why nothing can be done."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.aid import review
from db.aid import settings as aid_settings
from db.auth import Actor
from db.models import AidCase, AidReview, AidReviewRound, AuditEntry
from db.store import Store
from desktop.ui.aid.review_dialog import OutcomeDialog, ReviewDialog
from desktop.ui.aid.tab import AidTab
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, open_case, walk

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
FILES = 4


@pytest.fixture
def filed(ui_store: Store, today: Today) -> list[str]:
    """Four files 在档 since 2025-03-10 (due for review in 2026), and today a year on."""
    aid_settings.set_dibao_line(ui_store, ADMIN, 2025, 110_000)
    uuids = []
    for n in range(1, FILES + 1):
        case = open_case(ui_store, CLERK, add_member(ui_store, CLERK, n))
        walk(ui_store, case.uuid, "filed", clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
        today.move(-7)  # every file filed on the same day
        uuids.append(case.uuid)
    today.move(7 + 365)
    return uuids


def counts(store: Store) -> tuple[int | None, ...]:
    with store.transaction() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (
            AidReviewRound, AidReview, AuditEntry)) + tuple(
            session.scalars(select(AidCase.rev).order_by(AidCase.uuid)))


def _dialog(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner) -> ReviewDialog:
    dialog = ReviewDialog(make_context(store, actor, runner))
    qtbot.addWidget(dialog)
    dialog.hooks.agree = lambda _title, _text, _yes: True
    dialog.told = []  # type: ignore[attr-defined]
    dialog.hooks.inform = lambda _title, text: dialog.told.append(text)  # type: ignore[attr-defined]
    dialog.year.setValue(2026)
    return dialog


def _answer(values: dict[str, str], accepted: list[bool]) -> object:
    """What the clerk does in 登记复核结果: fills the fields and presses OK (the dialog may refuse)."""
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, OutcomeDialog)
        for name, text in values.items():
            editor = dialog.fields[name].editor
            if isinstance(editor, QComboBox):
                editor.setCurrentText(text)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            else:
                assert isinstance(editor, QLineEdit)
                editor.setText(text)
        dialog.submit()
        accepted.append(dialog.result() == QDialog.DialogCode.Accepted)
        dialog.errors = {n: dialog.field_error(n) for n in dialog.fields}  # type: ignore[attr-defined]
        return dialog.result()
    return run


def test_a_clerk_starts_the_round_and_the_sample_is_recorded_and_reproducible(
        qtbot: QtBot, ui_store: Store, filed: list[str], runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, CLERK, runner)
    assert dialog.due_table.rowCount() == FILES and not dialog.due_table.isHidden()
    assert "2026年应复核 4 份" in dialog.summary.text() and "随机抽取 2 户" in dialog.summary.text()
    assert dialog.start_button.isEnabled()
    before = counts(ui_store)
    dialog.seed.setText("12a")  # no number: refused under the seed, nothing written
    assert not dialog.start()
    assert "整数" in dialog.seed_error.text() and not dialog.seed_error.isHidden()
    assert counts(ui_store) == before
    dialog.seed.setText("12345")
    assert dialog.start()
    assert "抽中 2 户入户复核（≥30%）" in dialog.summary.text() and "抽样种子 12345" in dialog.summary.text()
    assert dialog.told == ["已开始2026年的年度复核：抽中 2 户入户复核（≥30%），抽样种子 12345。"]  # type: ignore[attr-defined]
    table = dialog.reviews_table
    assert table.rowCount() == FILES and dialog.due_table.isHidden() and not dialog.start_button.isVisible()
    shown = [cell(table, r, 2) for r in range(FILES)]
    assert shown == ["入户", "入户", "材料", "材料"]
    drawn = review.draw_sample(12345, filed)  # anyone can redo the draw from the recorded seed
    assert dialog.round is not None and sorted(dialog.round.sample) == sorted(drawn)
    assert [cell(table, r, 3) for r in range(FILES)] == ["待复核"] * FILES

    # a second round of the year is refused by the use case (the dialog offers none: it shows the round)
    dialog.year.setValue(2025)
    assert "2025年没有需要复核的在档档案" in dialog.summary.text() and not dialog.start_button.isEnabled()


def test_outcomes_recorded_refusals_under_their_field(qtbot: QtBot, ui_store: Store, filed: list[str],
                                                      runner: JobRunner) -> None:
    review.start_review_round(ui_store, CLERK, 2026, seed=7)
    dialog = _dialog(qtbot, ui_store, CLERK, runner)
    assert not dialog.record_button.isEnabled() and "请先" in dialog.record_button.toolTip()
    dialog.reviews_table.selectRow(0)
    assert dialog.record_button.isEnabled()
    chosen = dialog.selected()
    assert chosen is not None

    before = counts(ui_store)
    accepted: list[bool] = []
    dialog.hooks.open_dialog = _answer({"outcome": "解困脱困", "note": "收入" * 31}, accepted)  # type: ignore[assignment]
    assert not dialog.record_outcome() and accepted == [False]
    assert counts(ui_store) == before
    dialog.hooks.open_dialog = _answer({"outcome": "调整类别", "note": "人均收入低于低保线"},  # type: ignore[assignment]
                                       accepted)
    assert not dialog.record_outcome()
    assert counts(ui_store) == before

    seen: dict[str, str] = {}

    def recategorize(d: QDialog) -> int:
        assert isinstance(d, OutcomeDialog)
        result = _answer({"outcome": "调整类别", "category_after": "深度困难", "note": "人均收入低于低保线"},
                         accepted)(d)  # type: ignore[operator]
        seen.update(d.errors)  # type: ignore[attr-defined]
        return int(result)

    dialog.hooks.open_dialog = recategorize
    assert dialog.record_outcome(), seen
    row = dialog.reviews_table
    assert [cell(row, 0, c) for c in (3, 4, 5)] == ["调整类别", "2026-03-10", "clerk"]
    assert not dialog.record_button.isEnabled() and "已于 2026-03-10 复核" in dialog.record_button.toolTip()
    with ui_store.transaction() as session:
        case = session.get(AidCase, chosen.case_uuid)
        assert case is not None and case.category == "深度困难" and str(case.next_review_on) == "2027-03-10"

    # 解困脱困 closes the file through the workflow; the reason at most 60 characters
    dialog.reviews_table.selectRow(1)
    second = dialog.selected()
    assert second is not None
    dialog.hooks.open_dialog = _answer({"outcome": "解困脱困", "note": "子女就业，家庭收入已超过标准"},  # type: ignore[assignment]
                                       accepted)
    assert dialog.record_outcome()
    assert cell(dialog.reviews_table, 1, 3) == "解困脱困"
    with ui_store.transaction() as session:
        closed = session.get(AidCase, second.case_uuid)
        assert closed is not None and closed.status == "relieved"

    # the file's own page lists its review
    tab = AidTab(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(tab)
    tab.refresh()
    tab.steps.show_case(chosen.case_uuid)
    reviews = tab.steps.reviews
    assert not reviews.isHidden() and reviews.table.rowCount() == 1
    assert [cell(reviews.table, 0, c) for c in range(6)][:5] == [
        "2026", visit_text_of(chosen), "调整类别（深度困难）", "2026-03-10", "clerk"]
    waiting = next(u for u in filed if u not in (chosen.case_uuid, second.case_uuid))
    tab.steps.show_case(waiting)
    assert tab.steps.reviews.table.rowCount() == 1 and cell(tab.steps.reviews.table, 0, 2) == "待复核"


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def visit_text_of(row: review.ReviewRow) -> str:
    return "入户" if row.home_visit else "材料"


def test_the_outcome_dialog_refusals_name_their_field(qtbot: QtBot, ui_store: Store, filed: list[str],
                                                      runner: JobRunner) -> None:
    del filed
    started = review.start_review_round(ui_store, CLERK, 2026, seed=7)
    dialog = OutcomeDialog(make_context(ui_store, CLERK, runner), started.reviews[0])
    qtbot.addWidget(dialog)
    assert not dialog.fields["category_after"].editor.isEnabled()  # only for 调整类别
    dialog.fields["outcome"].set_value("调整类别")
    assert dialog.fields["category_after"].editor.isEnabled()
    dialog.submit()
    assert dialog.field_error("note") == "请填写复核意见"
    dialog.fields["note"].set_value("核实")
    dialog.submit()
    assert "必须选择新的困难类别" in dialog.field_error("category_after")
    dialog.fields["outcome"].set_value("解困脱困")
    dialog.fields["note"].set_value("字" * 61)
    dialog.submit()
    assert "最多60个字" in dialog.field_error("note")
    dialog.fields["note"].set_value("收入提高")
    dialog.fields["reviewed_on"].set_value("2026-01-01")  # before the round began
    dialog.submit()
    assert "不能早于本轮复核的发起日期" in dialog.field_error("reviewed_on")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_user_who_may_not_write_sees_why(qtbot: QtBot, ui_store: Store, filed: list[str],
                                          runner: JobRunner) -> None:
    del filed
    dialog = _dialog(qtbot, ui_store, APPROVER, runner)
    assert not dialog.start_button.isEnabled() and "只有" in dialog.start_button.toolTip()
    assert "开始年度复核" in dialog.start_button.toolTip()
    review.start_review_round(ui_store, CLERK, 2026, seed=1)
    dialog.show_year()
    dialog.reviews_table.selectRow(0)
    assert not dialog.record_button.isEnabled() and "登记复核结果" in dialog.record_button.toolTip()


def test_the_tab_opens_the_review_window(qtbot: QtBot, ui_store: Store, filed: list[str], runner: JobRunner,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    del filed
    tab = AidTab(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(tab)
    opened: list[ReviewDialog] = []

    def shown(self: ReviewDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(ReviewDialog, "exec", shown)
    tab.review_button.click()
    assert len(opened) == 1 and opened[0].year.value() == 2026 and opened[0].due_table.rowCount() == FILES
