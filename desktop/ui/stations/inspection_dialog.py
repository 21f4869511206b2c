"""The dialogs of a station's inspections: a new inspection (新增检查) with every field of the declaration,
and the completion of its follow-up (完成整改)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from db.stations.fields import INSPECTION_TABLE, SIX_CHECKS
from desktop.ui.common.field_editors import CONTEXT, FieldEditor, align_captions
from desktop.ui.messages import error_label
from desktop.ui.stations.field_dialog import FieldDialog

# the group titles are translated in FieldDialog.group (RegistryFields); NOOP so that pyside6-lupdate lists them
_GROUPS = (
    (str(QT_TRANSLATE_NOOP("RegistryFields", "检查")), ("inspected_on", "inspector", "score")),
    (str(QT_TRANSLATE_NOOP("RegistryFields", "开放时间与药品")), ("posted_hours", "actual_hours", "medicine_expiry")),
    (str(QT_TRANSLATE_NOOP("RegistryFields", "发现问题与整改")),
     ("findings", "follow_up", "follow_up_due_on", "follow_up_done_on")),
)


class InspectionDialog(FieldDialog):
    """Every field of an inspection of one station (INSPECTION_TABLE): the date (today), the inspector, the
    six "六有" checks, posted hours (the station's) and actual hours, medicine expiry, score, findings and the
    follow-up; OK runs ``submit`` with the values by attribute. Given a stored ``inspection`` (its row), the
    dialog corrects it: its values are filled in instead of the defaults."""

    def __init__(self, station: Mapping[str, Any], submit: Callable[[dict[str, Any]], None],
                 parent: QWidget | None = None, inspection: Mapping[str, Any] | None = None) -> None:
        title = self.tr("新增检查：{name}") if inspection is None else self.tr("修改检查：{name}")
        super().__init__(title.format(name=station["name"]), parent)
        self._submit_values = submit
        (title, names), (hours_title, hours), (follow_title, follow) = _GROUPS
        left = QVBoxLayout()
        left.addWidget(self.group(title, [INSPECTION_TABLE.field(n) for n in names]))
        left.addWidget(self._six_checks())
        left.addWidget(self.group(hours_title, [INSPECTION_TABLE.field(n) for n in hours]))
        left.addStretch(1)
        align_captions(self.captions)  # one caption column on each side
        right = QVBoxLayout()
        right.addWidget(self.group(follow_title, [INSPECTION_TABLE.field(n) for n in follow]))
        right.addStretch(1)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        self._fill_defaults(station)
        if inspection is not None:
            for attr, editor in self.fields.items():
                editor.set_value(inspection.get(attr))
        self.setMinimumWidth(720)

    def _six_checks(self) -> QGroupBox:
        """The six checks, two to a line, each captioned by its name; checked means passed."""
        box = QGroupBox(QCoreApplication.translate(CONTEXT, "六有"))
        grid = QGridLayout(box)
        for index, check in enumerate(SIX_CHECKS):
            editor = QCheckBox(QCoreApplication.translate(CONTEXT, check.label))
            editor.setObjectName(check.attr)
            # Passed by default: most checks pass, and marking one failed proposes a mark-down of the
            # station, so a failure should be a deliberate click, not a box the clerk forgot to tick.
            editor.setChecked(True)
            editor.setToolTip(self.tr("勾选表示达标；取消勾选即记为未达标，将提议降星"))
            grid.addWidget(editor, index // 2, index % 2)
            self.fields[check.attr] = FieldEditor(check, editor, error_label(f"error_{check.attr}", hidden=True))
        return box

    def _fill_defaults(self, station: Mapping[str, Any]) -> None:
        self.fields["inspected_on"].set_value(dt.date.today())
        self.fields["posted_hours"].set_value(station.get("opening_hours"))
        actual = self.fields["actual_hours"].editor
        assert isinstance(actual, QLineEdit)
        actual.setPlaceholderText(self.tr("检查时实际开放的时间"))
        actual.setToolTip(self.tr("与公示开放时间不同，将提议降星"))
        score = self.fields["score"].editor
        assert isinstance(score, QLineEdit)
        score.setPlaceholderText(self.tr("0–100"))

    def run(self) -> None:
        self._submit_values(self.values())


class FollowUpDialog(FieldDialog):
    """The completion of an inspection's follow-up: the day it was done (today) and what was done (the
    follow-up text as recorded, to amend); OK runs ``submit(done_on, note)``."""

    def __init__(self, station_name: str, inspection: Mapping[str, Any], submit: Callable[[str, str | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("完成整改：{name}").format(name=station_name), parent)
        self._submit_done = submit
        due = inspection.get("follow_up_due_on")
        title = self.tr("{day}检查的整改（期限 {due}）").format(
            day=inspection["inspected_on"].isoformat(), due=due.isoformat() if due else self.tr("未定"))
        box = self.group("整改", [INSPECTION_TABLE.field("follow_up_done_on"), INSPECTION_TABLE.field("follow_up")])
        box.setTitle(title)
        self.columns.addWidget(box)
        align_captions(self.captions)
        self.fields["follow_up_done_on"].set_value(dt.date.today())
        self.fields["follow_up"].set_value(inspection.get("follow_up"))
        note = self.fields["follow_up"].editor
        assert isinstance(note, QPlainTextEdit)
        note.setPlaceholderText(self.tr("整改了什么，如：已更换过期药品"))
        self.setMinimumWidth(460)

    def run(self) -> None:
        self._submit_done(self.text("follow_up_done_on"), self.text("follow_up") or None)
