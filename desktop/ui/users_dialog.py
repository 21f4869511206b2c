"""User management for an admin: list the users, add one, reset a password, change roles (design §7).

Every change goes through :mod:`db.users`, which checks the permission; the dialogs only collect the
input and show the Chinese message of a refused change in a red label, staying open so it can be fixed.
Sub-dialogs are run through ``run_dialog`` (``QDialog.exec`` by default), so tests can drive them
without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import users
from db.auth import ROLE_LABELS, ROLES
from db.errors import PermissionDenied, ValidationError
from db.users import UserSummary
from desktop.ui.context import AppContext
from desktop.ui.messages import error_label


def run_modal(dialog: QDialog) -> int:
    return dialog.exec()


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ActionDialog(QDialog):
    """A small form whose OK runs ``apply``; a refused change shows its message and keeps the dialog open."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        raise NotImplementedError

    def submit(self) -> bool:
        """Run the change; True and accept() when it went through, False with the message shown otherwise."""
        try:
            self.apply()
        except (ValidationError, PermissionDenied) as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.accept()
        return True

    def _check_same(self, first: QLineEdit, second: QLineEdit) -> None:
        if first.text() != second.text():
            raise ValidationError(self.tr("密码"), self.tr("两次输入的密码不一致"))

    def _role_boxes(self, checked: frozenset[str]) -> dict[str, QCheckBox]:
        boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for role in ROLES:
            box = QCheckBox(ROLE_LABELS[role])
            box.setObjectName(f"role_{role}")
            box.setChecked(role in checked)
            boxes[role] = box
            row.addWidget(box)
        row.addStretch(1)
        self.form.addRow(self.tr("角色"), row)
        return boxes

    @staticmethod
    def _roles(boxes: dict[str, QCheckBox]) -> frozenset[str]:
        return frozenset(role for role, box in boxes.items() if box.isChecked())


class AddUserDialog(ActionDialog):
    """添加用户: username, name, password twice, roles."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加用户"))
        self.context = context
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = password_field()
        self.password_again = password_field()
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("密码"), self.password)
        self.form.addRow(self.tr("再次输入密码"), self.password_again)
        self.role_boxes = self._role_boxes(frozenset({"clerk"}))

    def apply(self) -> None:
        self._check_same(self.password, self.password_again)
        users.create_user(self.context.store, self.context.actor, self.username.text(), self.display_name.text(),
                          self.password.text(), self._roles(self.role_boxes))


class ResetPasswordDialog(ActionDialog):
    """重置密码: a new password, twice."""

    def __init__(self, context: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("重置密码 — {0}").format(username))
        self.context = context
        self.username = username
        self.password = password_field()
        self.password_again = password_field()
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再次输入新密码"), self.password_again)

    def apply(self) -> None:
        self._check_same(self.password, self.password_again)
        users.reset_password(self.context.store, self.context.actor, self.username, self.password.text())


class RolesDialog(ActionDialog):
    """修改角色: role checkboxes and whether the account is active."""

    def __init__(self, context: AppContext, user: UserSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改角色 — {0}").format(user.username))
        self.context = context
        self.username = user.username
        self.role_boxes = self._role_boxes(user.roles)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setObjectName("active")
        self.active.setChecked(user.active)
        self.form.addRow(self.tr("状态"), self.active)

    def apply(self) -> None:
        users.set_roles(self.context.store, self.context.actor, self.username, self._roles(self.role_boxes),
                        self.active.isChecked())


class UsersDialog(QDialog):
    """The users of this office in a table, with buttons to add one, reset a password and change roles."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.run_dialog: Callable[[QDialog], int] = run_modal
        self.rows: list[UserSummary] = []
        self.setWindowTitle(self.tr("用户管理"))
        self.resize(640, 420)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = error_label()
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.roles_button = QPushButton(self.tr("修改角色…"))
        close_button = QPushButton(self.tr("关闭"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.roles_button.clicked.connect(self.change_roles)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.roles_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.allowed = context.actor.can("users.manage")
        if not self.allowed:
            self.error.setText(self.tr("用户“{0}”没有“管理用户”的权限。").format(context.actor.display_name))
        self.reload()

    # ----- table ------------------------------------------------------------------------------------
    def reload(self, selected: str | None = None) -> None:
        """Read the users again; select ``selected`` (a username) or keep the current selection."""
        selected = selected or self.selected_username()
        if self.allowed:
            self.rows = users.list_users(self.context.store, self.context.actor)
        else:
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            roles = "、".join(ROLE_LABELS[r] for r in ROLES if r in row.roles)
            values = (row.username, row.display_name, roles, self.tr("启用") if row.active else self.tr("停用"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 3 and not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(index, column, item)
            if row.username == selected:
                self.table.selectRow(index)
        self._update_buttons()

    def selected_user(self) -> UserSummary | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes or not 0 <= indexes[0].row() < len(self.rows):
            return None
        return self.rows[indexes[0].row()]

    def selected_username(self) -> str | None:
        user = self.selected_user()
        return user.username if user else None

    def select_user(self, username: str) -> None:
        for index, row in enumerate(self.rows):
            if row.username == username:
                self.table.selectRow(index)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected_user() is not None
        self.add_button.setEnabled(self.allowed)
        self.reset_button.setEnabled(self.allowed and chosen)
        self.roles_button.setEnabled(self.allowed and chosen)

    # ----- actions ----------------------------------------------------------------------------------
    def add_user(self) -> None:
        dialog = AddUserDialog(self.context, self)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.reload(selected=dialog.username.text().strip())
        dialog.deleteLater()

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = ResetPasswordDialog(self.context, user.username, self)
        self.run_dialog(dialog)
        dialog.deleteLater()

    def change_roles(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = RolesDialog(self.context, user, self)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.reload(selected=user.username)
        dialog.deleteLater()
