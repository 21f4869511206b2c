"""打印: which form, for the selected members or the list shown, with full ID numbers or masked ones."""

from __future__ import annotations

from dataclasses import dataclass

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

from db.members.listing import MemberFilter
from desktop.documents.pdf.forms import FORMS, Form
from desktop.ui.context import AppContext
from desktop.ui.messages import error_label

# the forms of the member tab; the batch receipt belongs to a sync batch, not to members
MEMBER_FORMS = ("member-form", "member-cards", "roster")
# the labels of desktop.documents.pdf.forms.FORMS, for lupdate; translated at run time by form_label()
_LABELS = (QT_TRANSLATE_NOOP("PrintForms", "入会申请登记表"), QT_TRANSLATE_NOOP("PrintForms", "会员证"),
           QT_TRANSLATE_NOOP("PrintForms", "会员花名册"), QT_TRANSLATE_NOOP("PrintForms", "批次交接单"))


def form_label(form: Form) -> str:
    """The form's label in the language of the UI."""
    return QCoreApplication.translate("PrintForms", form.label)


@dataclass(frozen=True)
class MemberChoice:
    """What the member tab offers to print: the selected members, and the filter and size of its list."""

    uuids: tuple[str, ...]
    member_filter: MemberFilter
    list_count: int


@dataclass(frozen=True)
class PrintRequest:
    """One form to generate: for ``uuids`` or for the members ``member_filter`` finds (``count`` of them)."""

    form: Form
    uuids: tuple[str, ...] | None
    member_filter: MemberFilter | None
    count: int
    full_ids: bool = False

    @staticmethod
    def of(form: Form, choice: MemberChoice, full_ids: bool = False) -> PrintRequest:
        if form.needs == "list":
            return PrintRequest(form, None, choice.member_filter, choice.list_count, full_ids)
        return PrintRequest(form, choice.uuids, None, len(choice.uuids), full_ids)


class PrintOptionsDialog(QDialog):
    """Chooses the form and whether full ID numbers are printed; 预览 or 打印… then generates it.

    Signals:
        requested(object, bool): the :class:`PrintRequest`, and True for 打印… (print after generating).
    """

    requested = Signal(object, bool)

    def __init__(self, context: AppContext, choice: MemberChoice, form_name: str = "roster",
                 print_now: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.choice = context, choice
        self.setWindowTitle(self.tr("打印"))
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form")
        for name in MEMBER_FORMS:
            self.form_combo.addItem(form_label(FORMS[name]), name)
        self.form_combo.setCurrentIndex(max(self.form_combo.findData(form_name), 0))
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope")
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
        full = self.full_box.isEnabled() and self.full_box.isChecked()
        return PrintRequest.of(self.form(), self.choice, full)

    def _form_changed(self) -> None:
        if self.form().needs == "list":
            text = self.tr("当前列表的 {0:,} 名会员").format(self.choice.list_count)
            problem = self.tr("当前列表没有会员。") if not self.choice.list_count else ""
        else:
            text = self.tr("选中的 {0:,} 名会员").format(len(self.choice.uuids))
            problem = self.tr("请先在列表中选择会员（按住 Ctrl 或 Shift 可选多人）。") if not self.choice.uuids else ""
        self.scope_label.setText(text)
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.preview_button.setEnabled(not problem)
        self.print_button.setEnabled(not problem)

    def _choose(self, print_now: bool) -> None:
        # the buttons are disabled while the choice has nothing to print
        self.requested.emit(self.request(), print_now)
        self.accept()
