"""The station form's widgets and their layout: the header (name, code, status, or the first status of a new
station), the fields and the status history in a scroll area, and the buttons below."""

from __future__ import annotations

import html
from collections.abc import Callable
from types import SimpleNamespace

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.reference import label
from db.stations.rules import CREATE_STATUSES, STEPS, steps_from
from desktop.ui.common.form_header import RecordHeader, SaveButtons, form_button, local_time, status_html
from desktop.ui.common.form_layout import RecordFormLayout
from desktop.ui.common.full_values import reveal_button
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.fields_panel import StationFields
from desktop.ui.stations.history_view import StationHistoryView
from desktop.ui.stations.saving import step_title

WRITE = "records.write"
STATUS_COLOURS = {"planning": "#1565c0", "running": "#2e7d32", "paused": "#ef6c00", "closed": "#616161"}


class StationHeader(RecordHeader):
    """Which station the form shows and its status (or the status a new one starts in), and what went wrong
    that belongs to no field."""

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(writable, parent, title_wraps=False)
        self.new_status_label = QLabel(self.tr("登记为"))
        self.new_status = QComboBox()
        self.new_status.setObjectName("new_status")
        for status in CREATE_STATUSES:
            self.new_status.addItem(label("station_status", status), status)
        self.new_status.setToolTip(self.tr("新登记的驿站为筹建或运行；暂停、撤销请在保存后办理"))
        self.new_status_label.setBuddy(self.new_status)
        self.read_only_note.setText(self.tr("只读：您没有录入和修改台账的权限，只能查看驿站信息。"))
        self.reveal_button, self.reveal_menu = reveal_button()  # the form wires it (common/full_values)
        self.lay_out([self.reveal_button, self.status_label, self.new_status_label, self.new_status], [])

    def show_station(self, station: SimpleNamespace | None) -> None:
        """Name, code, status and last change (None: a new station, whose first status is chosen here)."""
        new = station is None and self._writable
        self.new_status_label.setVisible(new)
        self.new_status.setVisible(new)
        self.new_status.setCurrentIndex(self.new_status.findData("running"))
        if station is None:
            self.status_label.setText("")
            if self._writable:
                self.title_label.setText(self.tr("登记驿站（新驿站）"))
                self.last_modified_label.setText(self.tr("填写后按“保存”；服务项目默认勾选“八可”。"))
            else:
                self.title_label.setText(self.tr("未选择驿站"))
                self.last_modified_label.setText(self.tr("在左侧列表中选择一个驿站查看。"))
            return
        self.title_label.setText(station.name)
        status = status_html("station_status", station.status, STATUS_COLOURS)
        self.status_label.setText(self.tr("编号 {code} · {status}").format(code=html.escape(station.code),
                                                                         status=status))
        self.last_modified_label.setText(self.tr("最后修改：第 {rev} 版 · {at} · {by}").format(
            rev=station.rev, at=local_time(station.updated_at), by=station.updated_by))

    def chosen_status(self) -> str:
        return str(self.new_status.currentData())


class StationActionBar(SaveButtons):
    """The status steps on one line; delete, cancel and save below. Enabled by the actor's rights, the
    station's status and unsaved edits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_buttons = {kind: form_button(f"step_{kind}", self.tr("{step}…").format(step=step_title(kind)))
                             for kind in STEPS}
        self.name_buttons(self.tr("删除"), self.tr("放弃修改"), self.tr("保存"))
        steps = QHBoxLayout()
        for button in self.step_buttons.values():
            steps.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(steps)
        layout.addLayout(self.save_row())

    def buttons(self) -> list[QPushButton]:
        return [*self.step_buttons.values(), *super().buttons()]

    def apply_state(self, writable: bool, station: SimpleNamespace | None) -> None:
        allowed = steps_from(station.status) if station is not None and writable else ()
        for kind, button in self.step_buttons.items():
            button.setEnabled(kind in allowed)
            if not writable:
                button.setToolTip(only_who_may(WRITE, self.tr("办理驿站{step}").format(step=step_title(kind))))
            elif station is None:
                button.setToolTip(self.tr("保存新驿站后才能办理"))
            elif kind not in allowed:
                button.setToolTip(self._why_not(kind, station.status))
            else:
                button.setToolTip(self.tr("办理驿站{step}，记入状态变动").format(step=step_title(kind)))
        self.delete_button.setEnabled(writable and station is not None)
        tips = {self.delete_button: self.tr("删除驿站"), self.cancel_button: self.tr("修改驿站"),
                self.save_button: self.tr("保存驿站")}
        for button, doing in tips.items():
            button.setToolTip("" if writable else only_who_may(WRITE, doing))
        if writable:
            self.cancel_button.setToolTip(self.tr("恢复为打开时的内容（Esc）"))

    def _why_not(self, kind: str, status: str) -> str:
        allowed = "、".join(label("station_status", s) for s in STEPS[kind].allowed_from)
        return self.tr("驿站当前为{now}，{allowed}的驿站才能{step}").format(
            now=label("station_status", status), allowed=allowed, step=step_title(kind))


class StationFormWidgets(RecordFormLayout):
    """The widgets of the station form, laid out, with the names the tab and the tests reach for."""

    header: StationHeader
    fields_panel: StationFields
    action_bar: StationActionBar

    def __init__(self, writable: bool, service_choices: Callable[[], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = StationHeader(writable)
        self.fields_panel = StationFields(service_choices)
        self.history = StationHistoryView()
        self.action_bar = StationActionBar()
        self.lay_out(self.header, [self.fields_panel, self.history], self.action_bar)
        self.fields, self.unmask_buttons = self.fields_panel.fields, self.fields_panel.unmask_buttons
        self.services_box, self.history_table = self.fields_panel.services_box, self.history.table
        self.step_buttons, self.delete_button = self.action_bar.step_buttons, self.action_bar.delete_button
        self.cancel_button, self.save_button = self.action_bar.cancel_button, self.action_bar.save_button
        self.title_label, self.status_label = self.header.title_label, self.header.status_label
        self.read_only_note, self.form_error = self.header.read_only_note, self.header.form_error

    def set_tab_order(self) -> None:
        """Fields top to bottom, then the buttons (again after the checklist got its names)."""
        self.chain_tab_order([self.header.new_status, *self.fields_panel.focus_chain(), *self.action_bar.buttons()])
