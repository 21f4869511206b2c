"""流程: the steps a hardship file has taken (who, when, opinion) and the buttons of the steps its status allows
next — only those the current user may take today enabled, the others disabled with why not as their tooltip
(db.aid.workflow.available_steps) — each asking for the opinion and the day; and during the 公示 the
objections raised, recorded and settled (异议成立 sends the file back to 审核)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.aid import cases, workflow
from desktop.ui.aid import texts
from desktop.ui.aid.case_reviews import AidCaseReviews
from desktop.ui.aid.dialogs import OpenDialog, TextDialog, ask
from desktop.ui.aid.form_widgets import status_html
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may, who_may

WRITE = "records.write"


def _table(name: str, headers: list[str], *stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:  # the texts share the width; the short columns fit their contents
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


class AidSteps(QWidget):
    """The workflow page of one file.

    Signals:
        changed(str): the uuid of the file after a step, an objection recorded or settled.
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.uuid: str | None = None
        self.details: dict[str, Any] | None = None
        # How a dialog is run; tests replace it to fill in and accept the dialog without a modal loop.
        self.open_dialog: OpenDialog = lambda dialog: dialog.exec()
        self.title = QLabel()
        self.title.setObjectName("steps_title")
        self.status = QLabel()
        self.status.setObjectName("steps_status")
        self.error = error_label("steps_error", hidden=True)
        self.steps_table = _table("steps_table", [self.tr("环节"), self.tr("办理人"), self.tr("日期"),
                                                  self.tr("意见")], 3)
        self.step_bar = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        self.objections_box = QGroupBox(self.tr("公示异议"))
        self.objections_table = _table("objections_table", [
            self.tr("异议日期"), self.tr("异议内容"), self.tr("登记人"), self.tr("处理结果"), self.tr("处理意见")],
            1, 4)
        self.record_objection_button = QPushButton(self.tr("登记异议…"))
        self.record_objection_button.setObjectName("record_objection")
        self.record_objection_button.clicked.connect(self.record_objection)
        self.resolve_button = QPushButton(self.tr("处理异议…"))
        self.resolve_button.setObjectName("resolve_objection")
        self.resolve_button.clicked.connect(self.resolve_objection)
        self.objections_table.itemSelectionChanged.connect(self._objection_buttons)
        objection_buttons = QHBoxLayout()
        objection_buttons.addStretch(1)
        objection_buttons.addWidget(self.record_objection_button)
        objection_buttons.addWidget(self.resolve_button)
        box = QVBoxLayout(self.objections_box)
        box.addWidget(self.objections_table)
        box.addLayout(objection_buttons)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps_table, 3)
        layout.addLayout(self.step_bar)
        layout.addWidget(self.error)
        layout.addWidget(self.objections_box, 2)
        self.reviews = AidCaseReviews(context)  # the file's 年度复核, hidden while it has none
        layout.addWidget(self.reviews, 1)

    # ----- showing ----------------------------------------------------------------------------------
    def show_case(self, uuid: str | None) -> None:
        """Show file ``uuid``'s steps and objections (None: no file, or a new one being typed)."""
        self.uuid = uuid
        self.error.hide()
        self.details = cases.case_details(self.context.store, uuid) if uuid is not None else None
        self.reviews.show_case(uuid if self.details is not None else None)
        if uuid is None or self.details is None:
            self.title.setText(self.tr("保存档案后在此办理流程：入户核查 → 审核 → 公示 → 审批"))
            self.status.setText("")
            _fill(self.steps_table, [])
            _fill(self.objections_table, [])
            self._set_step_buttons([])
            self.objections_box.hide()
            return
        case = self.details["case"]
        self.title.setText(self.tr("档案 {no} · {name}").format(no=case["case_no"], name=case["member_name"] or ""))
        self.status.setText(status_html(case["status"]))
        _fill(self.steps_table, [[texts.step_title(s["step"]), s["actor"],
                                  s["on_date"].isoformat() if s["on_date"] else s["at"].date().isoformat(),
                                  s["note"] or ""] for s in self.details["steps"]])
        objections = self.details["objections"]
        outcomes = texts.labels("aid_objection_outcome")
        _fill(self.objections_table, [[o["raised_on"].isoformat(), o["content"], o["recorded_by"],
                                       outcomes.get(o["outcome"] or "", self.tr("待处理")),
                                       o["outcome_reason"] or ""] for o in objections])
        self.objections_box.setVisible(case["status"] == "publicized" or bool(objections))
        self._set_step_buttons(workflow.available_steps(self.context.store, self.context.actor, uuid),
                               case["status"])
        self._objection_buttons()

    def _set_step_buttons(self, choices: list[workflow.StepChoice], status: str = "") -> None:
        for button in self.step_buttons.values():
            self.step_bar.removeWidget(button)
            button.hide()  # at once: deleteLater leaves it drawn over the page until the event loop runs
            button.deleteLater()
        self.step_buttons = {}
        for choice in choices:
            title = texts.step_title(choice.step, status)
            button = QPushButton(self.tr("{step}…").format(step=title))
            button.setObjectName(f"step_{choice.step}")
            button.setEnabled(choice.allowed)
            button.setToolTip(texts.refusal_text(choice, status) if not choice.allowed
                              else self.tr("办理“{step}”：填写意见和日期").format(step=title))
            button.clicked.connect(lambda _checked=False, c=choice: self.take_step(c))
            self.step_bar.addWidget(button)
            self.step_buttons[choice.step] = button

    def _open_objection(self) -> dict[str, Any] | None:
        row = self.objections_table.currentRow()
        if self.details is None or not 0 <= row < len(self.details["objections"]):
            return None
        chosen: dict[str, Any] = self.details["objections"][row]
        return chosen if chosen["outcome"] is None else None

    def _objection_buttons(self) -> None:
        writable = self.context.actor.can(WRITE)
        publicized = self.details is not None and self.details["case"]["status"] == "publicized"
        self.record_objection_button.setEnabled(writable and publicized)
        self.record_objection_button.setToolTip(
            only_who_may(WRITE, self.tr("登记公示异议")) if not writable else self.tr("登记公示期间收到的异议"))
        may_settle = writable or self.context.actor.can(workflow.APPROVE)
        self.resolve_button.setEnabled(may_settle and publicized and self._open_objection() is not None)
        self.resolve_button.setToolTip(self.tr("选择一条待处理的异议，填写处理结果和意见") if may_settle else self.tr(
            "只有{who}或{approvers}可以处理公示异议").format(who=who_may(WRITE), approvers=who_may(workflow.APPROVE)))

    # ----- writing ----------------------------------------------------------------------------------
    def _done(self, result: Any) -> bool:
        if result is None or self.uuid is None:
            return False
        uuid = self.uuid
        self.show_case(uuid)
        self.changed.emit(uuid)
        return True

    def _ask(self, dialog: QDialog) -> Any:
        assert isinstance(dialog, TextDialog)
        return ask(dialog, self.open_dialog)

    def take_step(self, choice: workflow.StepChoice) -> bool:
        """Ask for the step's opinion and day, and record it (a refusal stays in the dialog)."""
        if self.uuid is None or not choice.allowed:
            return False
        uuid, store, actor = self.uuid, self.context.store, self.context.actor
        closing = choice.step in ("relieved", "cancelled")
        title = texts.step_title(choice.step, self.details["case"]["status"] if self.details else None)
        caption = self.tr("撤档原因*") if closing else self.tr("{step}意见*").format(step=title)

        def submit(text: str, day: str | None) -> Any:
            return workflow.take_step(store, actor, uuid, choice.step, text, day)

        dialog = TextDialog(self.tr("{step}：档案 {no}").format(step=title, no=self._case_no()), caption,
                            self.tr("最多60字") if closing else self.tr("必须填写"), submit, parent=self)
        return self._done(self._ask(dialog))

    def record_objection(self) -> bool:
        if self.uuid is None:
            return False
        uuid, store, actor = self.uuid, self.context.store, self.context.actor
        dialog = TextDialog(self.tr("登记公示异议：档案 {no}").format(no=self._case_no()), self.tr("异议内容*"),
                            self.tr("谁、何时、对什么提出异议"),
                            lambda text, day: workflow.record_objection(store, actor, uuid, text, day), parent=self)
        return self._done(self._ask(dialog))

    def resolve_objection(self) -> bool:
        objection = self._open_objection()
        if objection is None:
            return False
        store, actor = self.context.store, self.context.actor
        outcomes = list(texts.labels("aid_objection_outcome").items())
        dialog = TextDialog(self.tr("处理公示异议：档案 {no}").format(no=self._case_no()), self.tr("处理意见*"),
                            self.tr("核实情况与结论"),
                            lambda outcome, text, day: workflow.resolve_objection(
                                store, actor, objection["uuid"], outcome, text, day),
                            choices=outcomes, parent=self)
        return self._done(self._ask(dialog))

    def _case_no(self) -> str:
        return str(self.details["case"]["case_no"]) if self.details is not None else ""

    def show_refusal(self, exc: Exception) -> None:
        self.error.setText(describe(exc))
        self.error.show()
