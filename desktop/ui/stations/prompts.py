"""What the station form asks the clerk: the date and reason of a status step (in a small dialog that records
it), and the questions before typed work is thrown away or a station is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from db.models import Station
from db.stations.rules import STEPS
from desktop.ui.hints import date_hint
from desktop.ui.messages import describe, error_label
from desktop.ui.stations.saving import step_title, today

OpenDialog = Callable[[QDialog], int]
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


class StepDialog(QDialog):
    """The date (today by default) and the reason (required to pause or close) of one status step; OK
    records it through ``submit``, and a refusal is shown in the dialog, which stays open."""

    def __init__(self, kind: str, station_name: str, submit: Callable[[str, str | None], Station],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{step}：{name}").format(step=step_title(kind), name=station_name))
        self._submit = submit
        self.station: Station | None = None
        self.date_edit = QLineEdit(today())
        self.date_edit.setObjectName("date")
        self.date_edit.setPlaceholderText(date_hint())
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        required = STEPS[kind].reason_required
        self.reason_edit.setPlaceholderText(self.tr("必须填写") if required else self.tr("可不填"))
        form = QFormLayout()
        form.addRow(self.tr("日期*"), self.date_edit)
        form.addRow(self.tr("原因*") if required else self.tr("原因"), self.reason_edit)
        self.error_label = error_label(hidden=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def _record(self) -> None:
        try:
            self.station = self._submit(self.date_edit.text(), self.reason_edit.text().strip() or None)
        except Exception as exc:  # noqa: BLE001 - every refusal becomes the clerk's one-line message
            self.error_label.setText(describe(exc))
            self.error_label.show()
            return
        self.accept()


def record_step(kind: str, station_name: str, submit: Callable[[str, str | None], Station],
                open_dialog: OpenDialog, parent: QWidget) -> Station | None:
    """Ask for a step's date and reason and record it; the station afterwards, or None when cancelled."""
    dialog = StepDialog(kind, station_name, submit, parent)
    try:
        open_dialog(dialog)
        return dialog.station
    finally:
        dialog.deleteLater()


def delete_question(name: str, code: str) -> tuple[str, str]:
    text = translate("StationPrompts",
                     "删除驿站“{name}”（编号 {code}）吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。")
    return translate("StationPrompts", "删除驿站"), text.format(name=name, code=code)
