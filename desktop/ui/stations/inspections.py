"""A station's inspections (检查) as a page of the station tab: the inspections in date order with the "六有"
passed, the score and the follow-up's state, the selected one in full below, and the buttons that record an
inspection (新增检查…), correct one (修改检查…, or a double-click) and complete a follow-up (完成整改…)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from db.stations import cases, inspections
from db.stations.rules import six_missing
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.stations.inspection_dialog import FollowUpDialog, InspectionDialog
from desktop.ui.stations.pages import ALERT, Cell, PageHooks, allow, fill_table, make_table, selected_row, why_not

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def six_text(row: Mapping[str, Any]) -> str:
    """``6/6``, or ``5/6，缺：完备设施``: how many "六有" checks an inspection passed and which it did not."""
    missing = [translate(CONTEXT, name) for name in six_missing(row)]
    passed = translate("StationInspections", "{n}/6").format(n=6 - len(missing))
    return passed if not missing else translate("StationInspections", "{passed}，缺：{missing}").format(
        passed=passed, missing=translate("StationInspections", "、").join(missing))  # English: ", "


def follow_up_open(row: Mapping[str, Any]) -> bool:
    """Whether an inspection asked for a follow-up (a text or a due date) not yet done."""
    return row["follow_up_done_on"] is None and bool(row["follow_up"] or row["follow_up_due_on"])


def follow_up_cell(row: Mapping[str, Any], today: dt.date) -> Cell:
    """The follow-up's state: none, done on a day, open, or overdue (in red: it marks the station)."""
    done, due = row["follow_up_done_on"], row["follow_up_due_on"]
    if done is not None:
        return translate("StationInspections", "已完成（{day}）").format(day=done.isoformat())
    if not follow_up_open(row):
        return translate("StationInspections", "无需整改")
    if due is None:
        return translate("StationInspections", "未完成（未定期限）")
    if due < today:
        return translate("StationInspections", "已逾期（期限 {due}）").format(due=due.isoformat()), ALERT
    return translate("StationInspections", "未完成（期限 {due}）").format(due=due.isoformat())


class StationInspections(QWidget):
    """The inspections of one station, oldest first, and what a clerk does with them.

    Signals:
        changed(str): the uuid of the station after an inspection was recorded or a follow-up completed
            (its stars page and the list's attention marks should be read again).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.hooks = PageHooks(self)
        self.station: dict[str, Any] | None = None
        self.inspections: list[dict[str, Any]] = []
        self.table = make_table("inspections", [
            self.tr("检查日期"), self.tr("检查人"), self.tr("六有"), self.tr("得分"), self.tr("整改")])
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("inspection_detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选择一次检查，在这里查看全部内容"))
        self.error_label = error_label(hidden=True)
        self.add_button = QPushButton(self.tr("新增检查…"))
        self.add_button.setObjectName("add_inspection")
        self.edit_button = QPushButton(self.tr("修改检查…"))
        self.edit_button.setObjectName("edit_inspection")
        self.complete_button = QPushButton(self.tr("完成整改…"))
        self.complete_button.setObjectName("complete_follow_up")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.complete_button)
        buttons.addStretch(1)
        self.delete_button = QPushButton(self.tr("删除检查…"))
        self.delete_button.setObjectName("delete_inspection")
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 2)
        self.add_button.clicked.connect(self.add_inspection)
        self.edit_button.clicked.connect(self.edit_inspection)
        self.table.doubleClicked.connect(self.edit_inspection)
        self.complete_button.clicked.connect(self.complete_follow_up)
        self.delete_button.clicked.connect(self.delete_inspection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.show_station(None)

    # ----- showing ------------------------------------------------------------------------------------
    def show_station(self, uuid: str | None, current: str | None = None) -> None:
        """Show the inspections of station ``uuid`` (None: none chosen), the inspection ``current`` (by
        default the latest) selected."""
        self.error_label.hide()
        self.station, self.inspections = None, []
        if uuid is not None:
            try:
                details = cases.station_details(self._context.store, uuid)
            except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
                self._show_error(describe(exc))
            else:
                self.station, self.inspections = details["station"], details["inspections"]
        today = dt.date.today()
        fill_table(self.table, [
            (row["inspected_on"].isoformat(), row["inspector"] or "", six_text(row),
             "" if row["score"] is None else str(row["score"]), follow_up_cell(row, today))
            for row in self.inspections])
        uuids = [row["uuid"] for row in self.inspections]
        if uuids:
            self.table.selectRow(uuids.index(current) if current in uuids else len(uuids) - 1)
        self._selection_changed()

    def selected(self) -> dict[str, Any] | None:
        """The inspection selected in the table."""
        row = selected_row(self.table)
        return self.inspections[row] if row is not None else None

    def _selection_changed(self) -> None:
        inspection = self.selected()
        self.detail.setPlainText("" if inspection is None else self._describe(inspection))
        allow(self.add_button, why_not(self._context, self.station, self.tr("新增检查")),
              self.tr("记录一次对该驿站的检查"))
        why = why_not(self._context, self.station, self.tr("修改检查"), in_service=False)
        if why is None and inspection is None:
            why = self.tr("请先选择一次检查")
        allow(self.edit_button, why, self.tr("更正所选检查误录的内容（修改前后的内容记入审计记录）"))
        why = why_not(self._context, self.station, self.tr("完成整改"), in_service=False)
        if why is None and (inspection is None or not follow_up_open(inspection)):
            why = self.tr("请先选择一次整改未完成的检查")
        allow(self.complete_button, why, self.tr("登记所选检查的整改完成日期"))
        why = why_not(self._context, self.station, self.tr("删除检查"), in_service=False)
        if why is None and inspection is None:
            why = self.tr("请先选择一次检查")
        allow(self.delete_button, why, self.tr("删除误录的检查（连同它尚未确认的降星提议）"))

    def _describe(self, row: Mapping[str, Any]) -> str:
        """The selected inspection in full: every field, a line each."""
        def day(value: dt.date | None) -> str:
            return value.isoformat() if value else self.tr("（未填）")

        posted, actual = row["posted_hours"] or self.tr("（未填）"), row["actual_hours"] or self.tr("（未填）")
        lines = [
            self.tr("检查日期：{day}　检查人：{who}　得分：{score}").format(
                day=day(row["inspected_on"]), who=row["inspector"] or "",
                score="" if row["score"] is None else row["score"]),
            self.tr("六有：{six}").format(six=six_text(row)),
            self.tr("开放时间：公示 {posted}，实际 {actual}").format(posted=posted, actual=actual),
            self.tr("药品有效期：{day}").format(day=day(row["medicine_expiry"])),
            self.tr("发现问题：{text}").format(text=row["findings"] or self.tr("无")),
            self.tr("整改情况：{text}").format(text=row["follow_up"] or self.tr("无")),
            self.tr("整改期限：{due}　完成日期：{done}").format(
                due=day(row["follow_up_due_on"]),
                done=row["follow_up_done_on"].isoformat() if row["follow_up_done_on"] else self.tr("未完成")),
        ]
        return "\n".join(lines)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ----- writing ------------------------------------------------------------------------------------
    def add_inspection(self) -> bool:
        """Ask for an inspection of the station and record it; say whether it proposes marking down."""
        station = self.station
        if station is None or not self.add_button.isEnabled():
            return False
        done: list[inspections.InspectionRecorded] = []

        def submit(values: dict[str, Any]) -> None:
            context = self._context
            done.append(inspections.record_inspection(context.store, context.actor, station["uuid"], values))

        dialog = InspectionDialog(station, submit, self)
        self.hooks.run(dialog)
        if not done:
            return False
        self.show_station(station["uuid"], current=done[0].inspection.uuid)
        self.changed.emit(station["uuid"])
        self._tell_mark_down(station, done[0])
        return True

    def edit_inspection(self) -> bool:
        """Correct the selected inspection through its dialog; say whether the correction proposes marking
        the station down."""
        station, inspection = self.station, self.selected()
        if station is None or inspection is None or not self.edit_button.isEnabled():
            return False
        done: list[inspections.InspectionRecorded] = []

        def submit(values: dict[str, Any]) -> None:
            context = self._context
            done.append(inspections.update_inspection(context.store, context.actor, inspection["uuid"], values))

        self.hooks.run(InspectionDialog(station, submit, self, inspection=inspection))
        if not done:
            return False
        self.show_station(station["uuid"], current=inspection["uuid"])
        self.changed.emit(station["uuid"])
        self._tell_mark_down(station, done[0])
        return True

    def _tell_mark_down(self, station: Mapping[str, Any], recorded: inspections.InspectionRecorded) -> None:
        if not recorded.reasons:
            return
        reasons = "；".join(recorded.reasons)
        if recorded.proposal is not None:
            text = self.tr("本次检查提议将星级由{old}星降为{new}星：{reasons}，请在“评星”页确认或驳回。").format(
                old=station["stars"], new=recorded.proposal.stars, reasons=reasons)
        elif station["stars"] is None:
            text = self.tr("本次检查未达标：{reasons}。驿站尚未评星，不提议降星。").format(reasons=reasons)
        else:
            text = self.tr("本次检查未达标：{reasons}。驿站已是1星，不再提议降星；是否撤销由负责人决定。").format(
                reasons=reasons)
        self.hooks.inform(self.tr("检查未达标"), text)

    def complete_follow_up(self) -> bool:
        """Ask for the day the selected inspection's follow-up was done (and what was done) and record it."""
        station, inspection = self.station, self.selected()
        if station is None or inspection is None or not self.complete_button.isEnabled():
            return False
        done: list[str] = []

        def submit(done_on: str, note: str | None) -> None:
            inspections.complete_follow_up(self._context.store, self._context.actor, inspection["uuid"], done_on, note)
            done.append(inspection["uuid"])

        dialog = FollowUpDialog(station["name"], inspection, submit, self)
        self.hooks.run(dialog)
        if not done:
            return False
        self.show_station(station["uuid"], current=inspection["uuid"])
        self.changed.emit(station["uuid"])
        return True

    def delete_inspection(self) -> bool:
        """Delete the selected inspection, entered by mistake, after the clerk agrees."""
        station, inspection = self.station, self.selected()
        if station is None or inspection is None or not self.delete_button.isEnabled():
            return False
        question = self.tr("删除{day}{who}的检查记录吗？它尚未确认的降星提议一并撤回。").format(
            day=inspection["inspected_on"].isoformat(), who=inspection["inspector"] or "")
        if not self.hooks.agree(self.tr("删除检查"), question, self.tr("删除")):
            return False
        try:
            inspections.delete_inspection(self._context.store, self._context.actor, inspection["uuid"])
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show_error(describe(exc))
            return False
        self.show_station(station["uuid"])
        self.changed.emit(station["uuid"])
        return True
