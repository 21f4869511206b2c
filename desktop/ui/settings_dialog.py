"""The settings dialog: the interface language, changing one's own password, and (for an administrator) the
warm-station settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import users
from db.stations.settings import MANAGE as MANAGE_SETTINGS
from desktop.ui.aid.settings_dialog import AidSettingsDialog
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may
from desktop.ui.settings import LANGUAGES, Settings
from desktop.ui.stations.settings_dialog import StationSettingsDialog
from desktop.ui.users_dialog import ActionDialog, password_field, run_modal


class ChangePasswordDialog(ActionDialog):
    """修改我的密码: the old password, the new one twice."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改我的密码"))
        self.context = context
        self.old_password = password_field()
        self.password = password_field()
        self.password_again = password_field()
        self.form.addRow(self.tr("原密码"), self.old_password)
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再次输入新密码"), self.password_again)

    def apply(self) -> None:
        self._check_same(self.password, self.password_again)
        users.change_own_password(self.context.store, self.context.actor, self.old_password.text(),
                                  self.password.text())


class SettingsDialog(QDialog):
    """界面语言 (stored on OK, used from the next start) and a button to change one's own password."""

    def __init__(self, settings: Settings, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.context = context
        self.run_dialog: Callable[[QDialog], int] = run_modal
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.password_button = QPushButton(self.tr("修改我的密码…"))
        self.password_button.setObjectName("change_password")
        self.password_button.clicked.connect(self.change_password)
        self.stations_button = QPushButton(self.tr("驿站设置…"))
        self.stations_button.setObjectName("station_settings")
        self.stations_button.clicked.connect(self.station_settings)
        if not context.actor.can(MANAGE_SETTINGS):  # DESIGN §8: a disabled action says why
            self.stations_button.setEnabled(False)
            self.stations_button.setToolTip(only_who_may(MANAGE_SETTINGS, self.tr("修改驿站设置")))
        self.aid_button = QPushButton(self.tr("帮扶设置…"))
        self.aid_button.setObjectName("aid_settings")
        self.aid_button.clicked.connect(self.aid_settings)
        if not context.actor.can(MANAGE_SETTINGS):
            self.aid_button.setEnabled(False)
            self.aid_button.setToolTip(only_who_may(MANAGE_SETTINGS, self.tr("修改帮扶设置")))
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("密码"), self.password_button)
        form.addRow(self.tr("暖心驿站"), self.stations_button)
        form.addRow(self.tr("困难帮扶"), self.aid_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        code = str(self.language.currentData())
        if code != self.settings.language():
            self.settings.set_language(code)
            self.settings.sync()
            QMessageBox.information(self, self.tr("界面语言"),
                                    self.tr("界面语言已改为“{0}”，下次启动程序时生效。").format(LANGUAGES[code]))
        super().accept()

    def change_password(self) -> bool:
        dialog = ChangePasswordDialog(self.context, self)
        changed = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if changed:
            QMessageBox.information(self, self.tr("修改我的密码"), self.tr("密码已修改，下次登录时请使用新密码。"))
        return changed

    def station_settings(self) -> bool:
        """驿站设置: the extra services and the star criteria; True when they were saved."""
        dialog = StationSettingsDialog(self.context, self)
        saved = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved

    def aid_settings(self) -> bool:
        """帮扶设置: the 低保 lines by year, the 公示's days and the retention years; True when saved."""
        dialog = AidSettingsDialog(self.context, self)
        saved = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved
