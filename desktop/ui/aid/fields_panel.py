"""A hardship file's declared fields (common/record_fields) with what the clerk sees while typing: the member's
name under the ID number it is chosen by, the household's per-capita monthly income computed from the yearly
income and the household's size, the category the income suggests under the category a person chooses, and
the minor causes (up to three, never the main one) picked from a menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolButton, QWidget

from db import reference
from db.aid.fields import AID_CASES
from db.aid.reads import MemberFound
from db.aid.rules import per_capita_fen, suggest_category
from db.errors import ValidationError
from desktop.ui.common.form_header import HINT_STYLE
from desktop.ui.common.record_fields import RecordFields

translate = QCoreApplication.translate
SEPARATOR = "、"
MINOR_LIMIT = 3
# design §7: every sensitive field of the form (ID and bank numbers, health, disability, incomes) is shown
# masked to every role; a full value is asked for (db.aid.privacy.reveal, audited) or typed anew (修改)
MASKED = tuple(name for _, names in AID_CASES.form_groups for name in names if AID_CASES.field(name).sensitive)


def yuan(fen: int) -> str:
    """Fen as yuan the way the office writes them: 1,100.00."""
    return f"{fen / 100:,.2f}"


def _hint() -> QLabel:
    note = QLabel()
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setStyleSheet(HINT_STYLE)
    # one line that never widens the form (a wrapped hint under an editor is squeezed); its tooltip holds it all
    note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return note


def suggestion_text(per_capita: int | None, line: int | None, year: int) -> str:
    """“建议：深度困难（人均 520.00 元 < 低保线 1,100.00 元）”, or why there is no suggestion."""
    if per_capita is None:
        return translate("AidFields", "填写家庭收入和人口后给出建议类别")
    if not line:
        return translate("AidFields", "未设置{year}年低保标准（设置→帮扶设置）").format(year=year)
    category = suggest_category(per_capita, line)
    if category == "深度困难":
        return translate("AidFields", "建议：深度困难（人均 {pc} 元 < 低保线 {line} 元）").format(
            pc=yuan(per_capita), line=yuan(line))
    if category is not None:
        return translate("AidFields", "建议：{category}（人均 {pc} 元 < 低保线两倍 {line} 元）").format(
            category=category, pc=yuan(per_capita), line=yuan(2 * line))
    return translate("AidFields", "人均 {pc} 元 ≥ 低保线两倍 {line} 元：无建议类别").format(
        pc=yuan(per_capita), line=yuan(2 * line))


class AidCaseFields(RecordFields):
    """Every field of one hardship file in the declared groups, with the member's name, the per-capita
    income, the suggested category and the minor-cause menu shown beside them.

    ``find_member`` looks a member of the office up by ID number; ``dibao_line`` gives the 低保 line (fen a
    month) of a year, or None."""

    def __init__(self, find_member: Callable[[str], MemberFound | None], dibao_line: Callable[[int], int | None],
                 today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        self.member_label = _hint()
        self.member_label.setObjectName("member_name")
        self.per_capita_label = _hint()
        self.per_capita_label.setObjectName("per_capita")
        self.suggestion_label = _hint()
        self.suggestion_label.setObjectName("suggestion")
        self.causes_button = QToolButton()
        self.causes_button.setObjectName("choose_minor_causes")
        self.causes_button.setText(translate("AidFields", "选择次要原因…"))
        self.causes_button.setToolTip(translate("AidFields", "最多三项，不能与主要致困原因相同"))
        self.causes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.causes_menu = QMenu(self.causes_button)
        self.cause_actions: dict[str, QAction] = {}
        for cause in reference.values("aid_cause"):
            action = self.causes_menu.addAction(cause)
            action.setCheckable(True)
            action.toggled.connect(lambda _on, c=cause: self._cause_toggled(c))
            self.cause_actions[cause] = action
        self.causes_button.setMenu(self.causes_menu)
        self._find_member, self._dibao_line, self._today = find_member, dibao_line, today
        self.found: MemberFound | None = None
        super().__init__(AID_CASES, below={"member_id_number": self.member_label, "category": self.suggestion_label,
                                           "household_size": self.per_capita_label,
                                           "minor_causes": self.causes_button}, parent=parent, masked=MASKED)

    def apply_state(self, writable: bool, why_not: str = "") -> None:
        """As :meth:`RecordFields.apply_state`, and the minor-cause menu with it: off for a user who may not
        change the file (``why_not``: why, its tooltip) or while the field is masked."""
        super().apply_state(writable)
        usable = writable and not self.is_masked("minor_causes")
        self.causes_button.setEnabled(usable)
        self.causes_button.setToolTip(translate("AidFields", "最多三项，不能与主要致困原因相同") if usable
                                      else why_not or translate("AidFields", "档案不能修改"))

    def chain_after(self, name: str) -> list[QWidget]:
        return [self.causes_button] if name == "minor_causes" else []

    def show_record(self, record: Any, full_view: bool) -> None:
        super().show_record(record, full_view)
        self.found = MemberFound(record.member_uuid, record.member_name) if record is not None else None
        self.update_derived()

    def after_edit(self, name: str) -> None:
        if name == "member_id_number":
            self._look_up_member()
        if name in ("member_id_number", "household_income_fen", "household_size", "minor_causes"):
            self.update_derived()

    # ----- the member -----------------------------------------------------------------------------
    def _look_up_member(self) -> None:
        text = self.fields["member_id_number"].value().strip()
        self.found = self._find_member(text) if text and self.problem("member_id_number") is None else None

    def member_text(self) -> str:
        if self.is_masked("member_id_number") and self.record is not None:
            return translate("AidFields", "姓名：{name}").format(name=self.record.member_name or "")
        if self.found is not None:
            return translate("AidFields", "姓名：{name}").format(name=self.found.name)
        typed = self.fields["member_id_number"].value().strip()
        if typed and self.problem("member_id_number") is None:
            return translate("AidFields", "不是本单位的会员，请先登记会员")
        return translate("AidFields", "输入本单位会员的身份证号，显示姓名")

    # ----- income and category ----------------------------------------------------------------------
    def per_capita(self) -> int | None:
        """家庭月人均收入 (fen) from the typed yearly income and household size; None until both are valid."""
        try:
            income = AID_CASES.field("household_income_fen").clean(self.fields["household_income_fen"].value())
            size = AID_CASES.field("household_size").clean(self.fields["household_size"].value())
        except ValidationError:
            return None
        if income is None or size is None:
            return None
        return per_capita_fen(income, size)

    def update_derived(self) -> None:
        """The member's name, the per-capita income and the suggested category, from what is typed now."""
        self.member_label.setText(self.member_text())
        per_capita = self.per_capita()
        self.per_capita_label.setText(
            translate("AidFields", "家庭月人均收入：{pc} 元").format(pc=yuan(per_capita)) if per_capita is not None
            else translate("AidFields", "家庭月人均收入 = 年度总收入 ÷ 12 ÷ 家庭人口"))
        year = self.opened_year()
        self.suggestion_label.setText(suggestion_text(per_capita, self._dibao_line(year), year))
        for note in (self.member_label, self.per_capita_label, self.suggestion_label):
            note.setToolTip(note.text())
        chosen = set(self.minor_causes())
        for cause, action in self.cause_actions.items():
            action.blockSignals(True)
            action.setChecked(cause in chosen)
            action.blockSignals(False)

    def opened_year(self) -> int:
        """The year whose 低保 line judges the file: the year it was opened (申请), this year for a new one."""
        steps = getattr(self.record, "steps", None) or []
        first = steps[0]["on_date"] if steps else None
        return first.year if first is not None else self._today().year

    # ----- the minor causes -------------------------------------------------------------------------------
    def minor_causes(self) -> list[str]:
        text = self.fields["minor_causes"].value()
        return [c.strip() for c in text.replace("，", SEPARATOR).replace(",", SEPARATOR).split(SEPARATOR)
                if c.strip()]

    def _cause_toggled(self, cause: str) -> None:
        chosen = [c for c in self.minor_causes() if c != cause]
        if self.cause_actions[cause].isChecked():
            chosen.append(cause)
        self.fields["minor_causes"].set_value(SEPARATOR.join(chosen))  # edited → checked, as typed

    def problem(self, name: str) -> str | None:
        if name == "case_no" and self.record is None and not self.fields[name].value().strip():
            return None  # a new file without a number is given the next one (db.aid.cases.next_case_no)
        found = super().problem(name)
        if found is not None or self.is_masked(name):
            return found
        if name == "minor_causes":
            causes = self.minor_causes()
            if len(causes) > MINOR_LIMIT:
                return translate("AidFields", "最多{n}项").format(n=MINOR_LIMIT)
            if self.fields["main_cause"].value() and self.fields["main_cause"].value() in causes:
                return translate("AidFields", "不能与主要致困原因相同")
        return None
