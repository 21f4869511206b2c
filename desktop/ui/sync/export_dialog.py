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

from db.sync.export import outbox_dir
from db.sync.overview import OfficeSync
from desktop.ui.messages import ERROR_STYLE, error_label


@dataclass(frozen=True)
class ExportChoice:
    """What the person chose: the recipient's code, a full batch or not, the extra folder, unsealed or not."""

    recipient: str
    full: bool
    folder: Path | None
    unsealed: bool


class ExportBatchDialog(QDialog):
    """Chooses the recipient (default ``selected``), 全量, and a folder; offers 不加密导出 only when the
    recipient's key is not trusted, and only after a confirmation. ``choice`` is set when accepted."""

    def __init__(self, recipients: list[OfficeSync], selected: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出批次"))
        self.recipients = {office.code: office for office in recipients}
        self.choice: ExportChoice | None = None
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipient")
        for office in recipients:
            self.recipient_combo.addItem(self.tr("{0}（{1}）").format(office.name, office.code), office.code)
        self.recipient_combo.setCurrentIndex(max(self.recipient_combo.findData(selected), 0))
        self.key_label = QLabel()
        self.key_label.setObjectName("key_state")
        self.key_label.setWordWrap(True)
        self.unsealed_box = QCheckBox(self.tr("不加密导出（拿到文件的人都能读取其中的数据；会记入审计记录）"))
        self.unsealed_box.setObjectName("unsealed")
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
        form.addRow(self.tr("类型"), self.full_box)
        form.addRow(self.tr("另存到"), folder_row)
        form.addRow("", self.outbox_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.recipient_combo.currentIndexChanged.connect(self._recipient_changed)
        self._recipient_changed()
        self.resize(560, self.sizeHint().height())

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
        if unsealed and not self.unsealed_box.isChecked():
            self._fail(self.tr("对方公钥尚未信任：请先信任对方公钥，或勾选“不加密导出”。"))
            return
        text = self.folder_edit.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is not None and folder.exists() and not folder.is_dir():
            self._fail(self.tr("“{0}”不是文件夹。").format(text))
            return
        if unsealed and not self._confirm_unsealed(office):
            return
        self.choice = ExportChoice(office.code, self.full_box.isChecked(), folder, unsealed)
        super().accept()

    def _confirm_unsealed(self, office: OfficeSync) -> bool:
        answer = QMessageBox.question(
            self, self.tr("不加密导出"),
            self.tr("批次将不加密：U盘丢失时，拿到文件的人能读取其中所有人员的信息。\n"
                    "确定不加密导出给{0}吗？").format(office.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
