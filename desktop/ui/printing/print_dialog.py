"""打印: which of the tab's forms, for the selected records or the list shown (a station's log: which month),
with full numbers or masked ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.pdf.forms import FORMS, STATION_NEEDS, Form
from desktop.ui.context import AppContext
from desktop.ui.messages import error_label

# the forms of the member tab; the batch receipt belongs to a sync batch, not to members
MEMBER_FORMS = ("member-form", "member-cards", "roster")
# the labels of desktop.documents.pdf.forms.FORMS, for lupdate; translated at run time by form_label()
_LABELS = (QT_TRANSLATE_NOOP("PrintForms", "入会申请登记表"), QT_TRANSLATE_NOOP("PrintForms", "会员证"),
           QT_TRANSLATE_NOOP("PrintForms", "会员花名册"), QT_TRANSLATE_NOOP("PrintForms", "批次交接单"),
           QT_TRANSLATE_NOOP("PrintForms", "暖心驿站信息卡"), QT_TRANSLATE_NOOP("PrintForms", "暖心驿站服务台账"),
           QT_TRANSLATE_NOOP("PrintForms", "暖心驿站检查记录"), QT_TRANSLATE_NOOP("PrintForms", "暖心驿站名册"),
           QT_TRANSLATE_NOOP("PrintForms", "获奖证书"), QT_TRANSLATE_NOOP("PrintForms", "技能竞赛成绩单"),
           QT_TRANSLATE_NOOP("PrintForms", "技能竞赛签到表"), QT_TRANSLATE_NOOP("PrintForms", "全部获奖证书"),
           QT_TRANSLATE_NOOP("PrintForms", "困难职工档案表"), QT_TRANSLATE_NOOP("PrintForms", "困难职工帮扶审批表"),
           QT_TRANSLATE_NOOP("PrintForms", "困难职工公示名单"), QT_TRANSLATE_NOOP("PrintForms", "送温暖签领表"))
LIST_NEEDS = frozenset({"list", "station-list"})  # forms of the list shown; the others print chosen records
# forms that print the chosen records, or all of their kind when none is chosen (the 公示名单: every file in 公示)
ALL_WHEN_NONE = frozenset({"aid-publicity"})
AID_NEEDS = frozenset({"aid-cases", "aid-publicity", "campaigns"})  # forms with a hardship file's sensitive data
MONTHS_OFFERED = 24


def form_label(form: Form) -> str:
    """The form's label in the language of the UI."""
    return QCoreApplication.translate("PrintForms", form.label)


@dataclass(frozen=True)
class TabChoice:
    """What a registry tab offers to print: its declared forms, the selected records, its list's filter and
    size."""

    forms: tuple[str, ...]
    uuids: tuple[str, ...]
    list_filter: Any  # the tab's filter: a MemberFilter on the member tab, a ListFilter elsewhere
    list_count: int
    members: bool = False  # the member tab: its scope is counted in members


@dataclass(frozen=True)
class PrintRequest:
    """One form to generate: for ``uuids`` or for the members ``member_filter`` finds (``count`` of them)."""

    form: Form
    uuids: tuple[str, ...] | None
    member_filter: Any | None
    count: int
    full_ids: bool = False
    list_filter: Any | None = None
    month: str | None = None

    @staticmethod
    def of(form: Form, choice: TabChoice, full_ids: bool = False, month: str | None = None) -> PrintRequest:
        if form.needs == "list":
            return PrintRequest(form, None, choice.list_filter, choice.list_count, full_ids)
        if form.needs == "station-list":
            return PrintRequest(form, None, None, choice.list_count, full_ids, list_filter=choice.list_filter)
        if form.needs in ALL_WHEN_NONE and not choice.uuids:
            return PrintRequest(form, None, None, 0, full_ids)
        return PrintRequest(form, choice.uuids, None, len(choice.uuids), full_ids, month=month)


class PrintOptionsDialog(QDialog):
    """Chooses the form and whether full ID numbers are printed; 预览 or 打印… then generates it.

    Signals:
        requested(object, bool): the :class:`PrintRequest`, and True for 打印… (print after generating).
    """

    requested = Signal(object, bool)

    def __init__(self, context: AppContext, choice: TabChoice, form_name: str = "roster",
                 print_now: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.choice = context, choice
        self.setWindowTitle(self.tr("打印"))
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form")
        for name in choice.forms:
            self.form_combo.addItem(form_label(FORMS[name]), name)
        self.form_combo.setCurrentIndex(max(self.form_combo.findData(form_name), 0))
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope")
        self.month_combo = QComboBox()  # a station's log is printed a month at a time: the latest first
        self.month_combo.setObjectName("month")
        first = dt.date.today().replace(day=1)
        for back in range(MONTHS_OFFERED):
            year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
            self.month_combo.addItem(f"{year:04d}-{month + 1:02d}")
        self.full_box = QCheckBox(self.tr("打印完整身份证号"))
        self.full_box.setObjectName("full_ids")
        if not context.actor.can("sensitive.full"):
            self.full_box.setEnabled(False)
            self.full_box.setToolTip(self.tr("只有审核人和管理员可以打印完整的身份证号；"
                                             "打印的号码中间几位以 * 隐藏。"))
        self.error = error_label(hidden=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.preview_button = self._button("preview", self.tr("预览"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = self._button("print", self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(self.tr("表单"), self.form_combo)
        form.addRow(self.tr("范围"), self.scope_label)
        form.addRow(self.tr("月份"), self.month_combo)
        self.month_row = form
        form.addRow("", self.full_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # after the buttons are in the dialog: the dialog makes its first button the default otherwise
        (self.print_button if print_now else self.preview_button).setDefault(True)
        self.preview_button.clicked.connect(lambda: self._choose(False))
        self.print_button.clicked.connect(lambda: self._choose(True))
        self.buttons.rejected.connect(self.reject)
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self._form_changed()
        self.resize(420, self.sizeHint().height())

    def _button(self, name: str, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setObjectName(name)
        return button

    def form(self) -> Form:
        return FORMS[str(self.form_combo.currentData())]

    def request(self) -> PrintRequest:
        full = self.full_box.isEnabled() and self.full_box.isChecked() and not self.form().masked_only
        month = self.month_combo.currentText() if self.form().needs == "station-month" else None
        return PrintRequest.of(self.form(), self.choice, full, month)

    def _form_changed(self) -> None:
        needs = self.form().needs
        self.month_row.setRowVisible(self.month_combo, needs == "station-month")
        if self.choice.members:
            text, problem = self._member_scope(needs)
        elif needs in LIST_NEEDS:
            text = self.tr("当前列表的 {0:,} 条").format(self.choice.list_count)
            problem = self.tr("当前列表是空的。") if not self.choice.list_count else ""
        elif needs == "contests":
            text = self.tr("选中的 {0:,} 项竞赛").format(len(self.choice.uuids))
            problem = self.tr("请先在列表中选择竞赛（按住 Ctrl 或 Shift 可选多项）。") if not self.choice.uuids else ""
        elif needs in ALL_WHEN_NONE:
            text = self.tr("选中的 {0:,} 份档案").format(len(self.choice.uuids)) if self.choice.uuids \
                else self.tr("全部正在公示的档案（未选择档案）")
            problem = ""
        elif needs == "station-month":
            text = self.tr("选中的驿站")
            problem = self.tr("请在列表中选择一个驿站。") if len(self.choice.uuids) != 1 else ""
        else:
            text = self.tr("选中的 {0:,} 条").format(len(self.choice.uuids))
            problem = self.tr("请先在列表中选择（按住 Ctrl 或 Shift 可选多条）。") if not self.choice.uuids else ""
        self.scope_label.setText(text)
        if needs in STATION_NEEDS:
            self.full_box.setText(self.tr("打印完整的电话号码"))
        elif needs in AID_NEEDS:
            self.full_box.setText(self.tr("打印完整的证件号码、银行卡号等敏感信息"))
        else:
            self.full_box.setText(self.tr("打印完整身份证号"))
        self.full_box.setVisible(not self.form().masked_only)  # posted in public: never full numbers
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.preview_button.setEnabled(not problem)
        self.print_button.setEnabled(not problem)

    def _member_scope(self, needs: str) -> tuple[str, str]:
        if needs == "list":
            text = self.tr("当前列表的 {0:,} 名会员").format(self.choice.list_count)
            return text, self.tr("当前列表没有会员。") if not self.choice.list_count else ""
        text = self.tr("选中的 {0:,} 名会员").format(len(self.choice.uuids))
        return text, self.tr("请先在列表中选择会员（按住 Ctrl 或 Shift 可选多人）。") if not self.choice.uuids else ""

    def _choose(self, print_now: bool) -> None:
        # the buttons are disabled while the choice has nothing to print
        self.requested.emit(self.request(), print_now)
        self.accept()
