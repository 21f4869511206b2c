"""The dialogs of a contest's results page: the draw (抽签) that parts a tie within the first three places, an
appeal (登记申诉) and its decision (处理申诉), and the reopening of published results (重新开放) with its reason.
Each runs a use case on OK; a refusal shows under the field it names and the dialog stays open, nothing
written (the stations' FieldDialog pattern)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from db.contests.fields import APPEAL_TABLE, CONTESTS, ENTRY_TABLE
from db.contests.results import ResultRow
from db.errors import ValidationError
from desktop.ui.common.field_editors import align_captions
from desktop.ui.messages import error_label
from desktop.ui.stations.field_dialog import FieldDialog

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
NOTE_STYLE = "color: palette(mid);"
# group titles, translated in FieldDialog.group (RegistryFields); NOOP so that pyside6-lupdate lists them
APPEAL_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "申诉"))
DECISION_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "处理"))
REOPEN_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "重新开放"))


def points(value: int | None) -> str:
    """A score in hundredths as the clerk reads it: 8550 → 85.50 (exact: no float)."""
    return "" if value is None else f"{value // 100}.{value % 100:02d}"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class DrawDialog(FieldDialog):
    """录入抽签: for each tie within the first three places, its entrants with a box for their draw number
    (抽签顺序, the smaller first). OK checks that every box holds a distinct whole number within its tie and
    runs ``submit({entry uuid: draw})`` with the numbers that changed."""

    def __init__(self, ties: Sequence[Sequence[ResultRow]], submit: Callable[[dict[str, int]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("录入抽签"), parent)
        self._ties = [list(group) for group in ties]
        self._submit_draws = submit
        self.boxes: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        column = QFormLayout()
        intro = _note(self.tr("以下选手总成绩及同分排序各项都相同，前三名不能并列：请按现场抽签结果填写抽签顺序，"
                              "号小者名次在前。"))
        column.addRow(intro)
        for group in self._ties:
            box = QGroupBox(self.tr("并列第{rank}名（总成绩 {total}）").format(
                rank=group[0].rank, total=points(group[0].total)))
            rows = QFormLayout(box)
            for row in group:
                edit = QLineEdit("" if row.draw is None else str(row.draw))
                edit.setObjectName(f"draw_{row.entry_no}")
                edit.setPlaceholderText(self.tr("抽签号，如 1"))
                error = error_label(f"error_draw_{row.entry_no}", hidden=True)
                caption = QLabel(self.tr("{no} {name}").format(no=row.entry_no, name=row.name))
                caption.setBuddy(edit)
                rows.addRow(caption, edit)
                rows.addRow("", error)
                self.boxes[row.uuid], self.errors[row.uuid] = edit, error
            column.addRow(box)
        self.columns.addLayout(column)
        self.setMinimumWidth(420)

    def draws(self) -> dict[str, int]:
        """The draw typed for each entrant; raises ValidationError (naming the entrant's box) for a box that
        is empty or not a whole number from 1, or a number given twice within one tie."""
        field = ENTRY_TABLE.field("draw_no")
        typed: dict[str, int] = {}
        for group in self._ties:
            seen: dict[int, ResultRow] = {}
            for row in group:
                try:
                    value = field.clean(self.boxes[row.uuid].text())
                except ValidationError as exc:
                    raise ValidationError(row.uuid, exc.reason) from None
                if value is None:
                    raise ValidationError(row.uuid, self.tr("必须填写"))
                if value in seen:
                    raise ValidationError(row.uuid, self.tr("与{no} {name}的抽签号相同").format(
                        no=seen[value].entry_no, name=seen[value].name))
                seen[value] = row
                typed[row.uuid] = value
        return typed

    def run(self) -> None:
        typed = self.draws()
        drawn = {row.uuid: row.draw for group in self._ties for row in group}
        self._submit_draws({uuid: value for uuid, value in typed.items() if drawn[uuid] != value})

    def submit(self) -> None:
        """A draw that is missing, not a whole number or given twice shows under its entrant's box."""
        for error in self.errors.values():
            error.hide()
        try:
            self.draws()
        except ValidationError as exc:
            self.errors[exc.field].setText(exc.reason)
            self.errors[exc.field].show()
            self.boxes[exc.field].setFocus()
            return
        super().submit()

    def draw_error(self, uuid: str) -> str:
        """The error shown under an entrant's box (empty when none)."""
        error = self.errors[uuid]
        return error.text() if error.isVisibleTo(self) else ""


class AppealDialog(FieldDialog):
    """登记申诉: which entrant (参赛证号 and name), the day (today), who filed it (the entrant by default) and
    what it says; OK runs ``submit(entry uuid, {"filed_on", "filed_by", "content"})``."""

    def __init__(self, entrants: Sequence[ResultRow], submit: Callable[[str, dict[str, Any]], None],
                 parent: QWidget | None = None, chosen: str | None = None) -> None:
        super().__init__(self.tr("登记申诉"), parent)
        self._submit_appeal = submit
        self.entrant = QComboBox()
        for row in sorted(entrants, key=lambda r: r.entry_no):
            self.entrant.addItem(self.tr("{no} {name}").format(no=row.entry_no, name=row.name), row.uuid)
        if chosen is not None and self.entrant.findData(chosen) >= 0:
            self.entrant.setCurrentIndex(self.entrant.findData(chosen))
        self._names = {row.uuid: row.name for row in entrants}
        names = ("entry_uuid", "filed_on", "filed_by", "content")
        box = self.group(APPEAL_GROUP, [APPEAL_TABLE.field(name) for name in names], extra={"entry_uuid": self.entrant})
        self.columns.addWidget(box)
        align_captions(self.captions)
        self.fields["filed_on"].set_value(dt.date.today())
        self._filled_by = self._names.get(self.entrant.currentData(), "")
        self.fields["filed_by"].set_value(self._filled_by)
        self.entrant.currentIndexChanged.connect(self._entrant_changed)
        content = self.fields["content"].editor
        assert isinstance(content, QPlainTextEdit)
        content.setPlaceholderText(self.tr("申诉的事项和理由，如：实操第2号评委评分有误"))
        self.setMinimumWidth(480)

    def _entrant_changed(self) -> None:
        """The filer follows the entrant chosen, unless the clerk typed another (a team leader, a parent)."""
        if self.text("filed_by") in ("", self._filled_by):
            self._filled_by = self._names.get(self.entrant.currentData(), "")
            self.fields["filed_by"].set_value(self._filled_by)

    def run(self) -> None:
        uuid = self.entrant.currentData()
        if uuid is None:
            raise ValidationError(APPEAL_TABLE.field("entry_uuid").label, self.tr("请选择参赛选手"))
        self._submit_appeal(uuid, {name: self.text(name) for name in ("filed_on", "filed_by", "content")})


class DecideAppealDialog(FieldDialog):
    """处理申诉: the appeal as filed, then the outcome and the day it was decided (today); OK runs
    ``submit(outcome, decided_on)``."""

    def __init__(self, appeal: Mapping[str, Any], submit: Callable[[str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("处理申诉"), parent)
        self._submit_decision = submit
        filed = _note(self.tr("{no} {name}，{day}由{who}提出：{content}").format(
            no=appeal["entry_no"], name=appeal["name"], day=appeal["filed_on"].isoformat(), who=appeal["filed_by"],
            content=appeal["content"]))
        filed.setObjectName("appeal_filed")
        filed.setStyleSheet("")  # what was filed is the matter itself, not a hint
        box = self.group(DECISION_GROUP, [dataclasses.replace(APPEAL_TABLE.field("outcome"), required=True),
                                dataclasses.replace(APPEAL_TABLE.field("decided_on"), required=True)])
        layout = QFormLayout()
        layout.addRow(filed)
        layout.addRow(box)
        self.columns.addLayout(layout)
        align_captions(self.captions)
        self.fields["decided_on"].set_value(dt.date.today())
        outcome = self.fields["outcome"].editor
        assert isinstance(outcome, QPlainTextEdit)
        outcome.setPlaceholderText(self.tr("如：申诉成立，经复核更正实操成绩；或：申诉不成立，维持原成绩"))
        self.setMinimumWidth(480)

    def run(self) -> None:
        self._submit_decision(self.text("outcome"), self.text("decided_on"))


class ReopenDialog(FieldDialog):
    """重新开放: why published results are opened again (required, kept with the contest and with every
    change audited until they are published again); OK runs ``submit(reason)``."""

    def __init__(self, contest_name: str, submit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重新开放成绩：{name}").format(name=contest_name), parent)
        self._submit_reason = submit
        note = _note(self.tr("重新开放后可以更正成绩；更正前后的成绩连同这里填写的原因都记入审计记录。"
                             "更正完毕请再次公布成绩，仍获奖者的证书编号不变。"))
        field = dataclasses.replace(CONTESTS.field("reopen_reason"), required=True, readonly=False)
        box = self.group(REOPEN_GROUP, [field])
        layout = QFormLayout()
        layout.addRow(note)
        layout.addRow(box)
        self.columns.addLayout(layout)
        align_captions(self.captions)
        reason = self.fields["reopen_reason"].editor
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlaceholderText(self.tr("如：申诉成立，第2号评委对0003号选手的评分误录"))
        self.setMinimumWidth(480)

    def run(self) -> None:
        self._submit_reason(self.text("reopen_reason"))
