"""First run on a new database: the office, the first administrator, and demo data if wanted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from desktop.ui.messages import error_label


@dataclass(frozen=True)
class FirstRunAnswers:
    office_code: str
    office_name: str
    level: str
    parent_code: str | None
    admin_username: str
    admin_name: str
    admin_password: str
    demo_members: int  # 0: no demo data


class FirstRunDialog(QDialog):
    """Collects :class:`FirstRunAnswers`; with ``ask_office`` False only the administrator is asked."""

    def __init__(self, ask_office: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers: FirstRunAnswers | None = None
        self.ask_office = ask_office
        self.setWindowTitle(self.tr("欢迎使用 UnionDesk 街道工会台账"))
        form = QFormLayout()
        self.office_code = QLineEdit("110101006")
        self.office_name = QLineEdit("东四街道工会")
        self.level = QComboBox()
        self.level.addItem(self.tr("街道工会"), "subdistrict")
        self.level.addItem(self.tr("区总工会"), "district")
        self.parent_code = QLineEdit("110101")
        if ask_office:
            form.addRow(self.tr("单位代码"), self.office_code)
            form.addRow(self.tr("单位名称"), self.office_name)
            form.addRow(self.tr("级别"), self.level)
            form.addRow(self.tr("上级单位代码"), self.parent_code)
        self.admin_username = QLineEdit("admin")
        self.admin_name = QLineEdit(self.tr("管理员"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("管理员用户名"), self.admin_username)
        form.addRow(self.tr("管理员姓名"), self.admin_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一次密码"), self.password_again)
        self.demo = QCheckBox(self.tr("生成演示数据（所有台账），会员人数："))
        self.demo_members = QSpinBox()
        self.demo_members.setRange(100, 1_000_000)
        self.demo_members.setSingleStep(1000)
        self.demo_members.setValue(5000)
        if ask_office:
            form.addRow(self.demo, self.demo_members)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始使用"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr("这是一个新的数据库。请填写本单位和第一个管理员账号。") if ask_office
                       else self.tr("数据库里还没有用户。请创建第一个管理员账号。"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self.answers = self._collect()
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def _collect(self) -> FirstRunAnswers:
        if self.password.text() != self.password_again.text():
            raise ValidationError(self.tr("密码"), self.tr("两次输入不一致"))
        if len(self.password.text()) < 6:
            raise ValidationError(self.tr("密码"), self.tr("至少6位"))
        if not self.admin_username.text().strip():
            raise ValidationError(self.tr("管理员用户名"), self.tr("必须填写"))
        level = str(self.level.currentData())
        return FirstRunAnswers(
            office_code=self.office_code.text().strip(), office_name=self.office_name.text().strip(),
            level=level, parent_code=(self.parent_code.text().strip() or None) if level == "subdistrict" else None,
            admin_username=self.admin_username.text().strip(), admin_name=self.admin_name.text().strip(),
            admin_password=self.password.text(),
            demo_members=self.demo_members.value() if self.demo.isChecked() else 0,
        )
