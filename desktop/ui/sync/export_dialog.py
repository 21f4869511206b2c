"""导出批次: to whom, delta or full, and an extra folder (a USB stick) besides the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.sync.export import REASON_LIMIT, UNSEALED, outbox_dir
from db.sync.overview import OfficeSync
from desktop.ui.messages import ERROR_STYLE, error_label
from desktop.ui.permissions import only_who_may


@dataclass(frozen=True)
class ExportChoice:
    """What the person chose: the recipient's code, a full batch or not, the extra folder, unsealed or not
    (and then why)."""

    recipient: str
    full: bool
    folder: Path | None
    unsealed: bool
    reason: str | None = None


class ExportBatchDialog(QDialog):
    """Chooses the recipient (default ``selected``), 全量, and a folder; offers 不加密导出 only when the
    recipient's key is not trusted, to an admin (``may_unseal``) who gives a reason, and only after a
    confirmation. ``choice`` is set when accepted."""

    choice: ExportChoice | None

    def __init__(self, recipients: list[OfficeSync], selected: str | None = None,
                 parent: QWidget | None = None, *, may_unseal: bool = False) -> None:
        super().__init__(parent)
        self.may_unseal, self.choice = may_unseal, None
        self.setWindowTitle(self.tr("导出批次"))
        self.recipients = {office.code: office for office in recipients}
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipient")
        for office in recipients:
            self.recipient_combo.addItem(self.tr("{0}（{1}）").format(office.name, office.code), office.code)
        self.recipient_combo.setCurrentIndex(max(self.recipient_combo.findData(selected), 0))
        self.key_label = QLabel()
        self.key_label.setObjectName("key_state")
        self.key_label.setWordWrap(True)
        self.unsealed_box, self.reason_edit = self._unsealing()
        self.full_box = QCheckBox(self.tr("全量：发送本单位的全部记录（对方重建数据时用）"))
        self.full_box.setObjectName("full")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folder")
        self.folder_edit.setPlaceholderText(self.tr("可不填，例如U盘；发件箱总会留一份"))
        browse = QPushButton(self.tr("选择…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outbox")
        self.outbox_label.setWordWrap(True)
        self.error = error_label(hidden=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout()
        form.addRow(self.tr("收件单位"), self.recipient_combo)
        form.addRow("", self.key_label)
        form.addRow("", self.unsealed_box)
        form.addRow(self.tr("理由"), self.reason_edit)
        self.reason_row = form.rowCount() - 1
        form.addRow(self.tr("类型"), self.full_box)
        form.addRow(self.tr("另存到"), folder_row)
        form.addRow("", self.outbox_label)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.recipient_combo.currentIndexChanged.connect(self._recipient_changed)
        self._recipient_changed()
        self.resize(560, self.sizeHint().height())

    def _unsealing(self) -> tuple[QCheckBox, QLineEdit]:
        """不加密导出 and its reason: for an admin only; anyone else is told who may."""
        box = QCheckBox(self.tr("不加密导出（拿到文件的人都能读取其中的数据；会记入审计记录）"))
        box.setObjectName("unsealed")
        box.setEnabled(self.may_unseal)
        if not self.may_unseal:
            box.setToolTip(only_who_may(UNSEALED, self.tr("不加密导出批次")))
        reason = QLineEdit()
        reason.setObjectName("unsealed_reason")
        reason.setPlaceholderText(self.tr("必填：为什么不能等信任对方公钥后再加密导出"))
        reason.setMaxLength(REASON_LIMIT)
        reason.setEnabled(False)
        box.toggled.connect(reason.setEnabled)
        return box, reason

    def recipient(self) -> OfficeSync | None:
        return self.recipients.get(str(self.recipient_combo.currentData()))

    def _recipient_changed(self) -> None:
        office = self.recipient()
        trusted = office is not None and office.key_fingerprint is not None
        if office is None:
            self.key_label.setText(self.tr("没有可以发送批次的单位。"))
        elif trusted:
            self.key_label.setText(self.tr("已信任对方公钥，批次将加密，只有{0}能打开。").format(office.name))
        else:
            self.key_label.setText(self.tr("尚未信任{0}的公钥，批次无法加密。请先用“信任对方公钥…”导入对方的公钥文件"
                                           "并电话核对指纹。").format(office.name))
        self.key_label.setStyleSheet("" if trusted else ERROR_STYLE)
        self.unsealed_box.setVisible(office is not None and not trusted)
        self.form.setRowVisible(self.reason_row, office is not None and not trusted and self.may_unseal)
        self.unsealed_box.setChecked(False)
        self.outbox_label.setText(self.tr("发件箱：{0}").format(outbox_dir(office.code)) if office else "")
        self.error.hide()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择导出文件夹"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        office = self.recipient()
        if office is None:
            self._fail(self.tr("请选择收件单位。"))
            return
        unsealed = office.key_fingerprint is None
        if unsealed and not self.may_unseal:
            self._fail(self.tr("对方公钥尚未信任：请先信任对方公钥。只有管理员可以不加密导出。"))
            return
        if unsealed and not self.unsealed_box.isChecked():
            self._fail(self.tr("对方公钥尚未信任：请先信任对方公钥，或勾选“不加密导出”。"))
            return
        reason = " ".join(self.reason_edit.text().split()) if unsealed else None
        if unsealed and not reason:
            self._fail(self.tr("请填写不加密导出的理由（会记入审计记录）。"))
            self.reason_edit.setFocus()
            return
        text = self.folder_edit.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is not None and folder.exists() and not folder.is_dir():
            self._fail(self.tr("“{0}”不是文件夹。").format(text))
            return
        if unsealed and not self._confirm_unsealed(office):
            return
        self.choice = ExportChoice(office.code, self.full_box.isChecked(), folder, unsealed, reason)
        super().accept()

    def _confirm_unsealed(self, office: OfficeSync) -> bool:
        answer = QMessageBox.question(
            self, self.tr("不加密导出"),
            self.tr("批次将不加密：U盘丢失时，拿到文件的人能读取其中所有人员的信息。\n"
                    "确定不加密导出给{0}吗？").format(office.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
