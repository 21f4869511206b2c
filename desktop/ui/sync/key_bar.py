"""本单位 and its key: who this office is, its key fingerprint, 导出本单位公钥… and 信任对方公钥…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from db.errors import UnionDeskError
from db.sync import keys
from desktop.ui.context import AppContext
from desktop.ui.messages import ERROR_STYLE, show_error
from desktop.ui.sync.data import own_fingerprint


class KeyBar(QWidget):
    """One line: this office (name, code, level), its key fingerprint, and the two key buttons.

    Signals:
        trusted(str): a peer office's public key is now trusted (its code).
        message(str): a line for the results log and the status bar.
    """

    trusted = Signal(str)
    message = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        office = context.office
        level = self.tr("区总工会") if context.is_district else self.tr("街道工会")
        self.office_label = QLabel(self.tr("本单位：<b>{0}</b>（代码 {1}，{2}）")
                                   .format(office.name, office.code, level))
        self.office_label.setObjectName("office")
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(self.font().pointSizeF())
        self.fingerprint_label.setFont(fixed)
        self.export_button = QPushButton(self.tr("导出本单位公钥…"))
        self.export_button.setObjectName("export_key")
        self.export_button.setToolTip(self.tr("把本单位的公钥存成文件交给对方单位；对方核对指纹后信任它。"))
        self.export_button.clicked.connect(self.export_public_key)
        self.trust_button = QPushButton(self.tr("信任对方公钥…"))
        self.trust_button.setObjectName("trust_key")
        if context.actor.can("store.manage"):
            self.trust_button.setToolTip(self.tr("导入对方单位的公钥文件，电话核对指纹后信任它。"))
        else:
            self.trust_button.setEnabled(False)
            self.trust_button.setToolTip(self.tr("只有管理员可以信任对方单位的公钥。"))
        self.trust_button.clicked.connect(self.trust_peer_key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.office_label)
        layout.addSpacing(24)
        layout.addWidget(QLabel(self.tr("本单位公钥指纹：")))
        layout.addWidget(self.fingerprint_label)
        layout.addStretch(1)
        layout.addWidget(self.export_button)
        layout.addWidget(self.trust_button)
        self.show_fingerprint()

    def show_fingerprint(self) -> None:
        fingerprint, problem = own_fingerprint(self.context.office.code)
        if fingerprint is not None:
            self.fingerprint_label.setText(fingerprint)
            self.fingerprint_label.setStyleSheet("")
            self.fingerprint_label.setToolTip(self.tr("对方信任本单位的公钥前，请与对方电话逐组核对。"))
        else:
            self.fingerprint_label.setText(problem or self.tr("尚未创建（导出公钥或批次时自动创建）"))
            self.fingerprint_label.setStyleSheet(ERROR_STYLE if problem else "")
            self.fingerprint_label.setToolTip(problem)

    def export_public_key(self) -> None:
        office = self.context.office
        suggested = str(Path.home() / f"{office.code}.pub.json")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出本单位公钥"), suggested,
                                                    self.tr("公钥文件 (*.json)"))
        if not path:
            return
        try:
            public = keys.export_public(keys.load_or_create(office.code), office.name, Path(path))
        except (keys.KeyFileError, OSError) as exc:
            show_error(self, exc, self.tr("无法导出公钥"))
            return
        self.show_fingerprint()
        self.message.emit(self.tr("已导出本单位公钥到 {0}，指纹 {1}。请交给对方，并电话核对指纹。")
                          .format(path, public.fingerprint))

    def trust_peer_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("信任对方公钥"), str(Path.home()),
                                                    self.tr("公钥文件 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:
            peer = keys.read_public(Path(path))
        except keys.KeyFileError as exc:
            show_error(self, exc, self.tr("无法读取公钥"))
            return
        code, ok = QInputDialog.getText(
            self, self.tr("信任对方公钥"),
            self.tr("这个公钥文件属于：{0}（{1}）\n指纹：{2}\n\n请先与对方电话逐组核对指纹。核对无误后，"
                    "确认对方的单位代码：").format(peer.office_name, peer.office_code, peer.fingerprint),
            QLineEdit.EchoMode.Normal, peer.office_code)
        if not ok or not code.strip():
            return
        try:
            trusted = keys.trust(self.context.store, self.context.actor, Path(path), code.strip())
        except (UnionDeskError, OSError) as exc:
            show_error(self, exc, self.tr("无法信任公钥"))
            return
        self.message.emit(self.tr("已信任{0}（{1}）的公钥，指纹 {2}。")
                          .format(trusted.office_name, trusted.office_code, trusted.fingerprint))
        self.trusted.emit(trusted.office_code)
