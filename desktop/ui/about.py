"""What the program calls itself: the name the title bar ends with (once), and the 关于 box with the version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.version import app_version


def program_name() -> str:
    """``UnionDesk 街道工会台账``, in the chosen language."""
    return QCoreApplication.translate("About", "UnionDesk 街道工会台账")


def name_application(app: QApplication) -> None:
    """Names the application; call after the translators are installed. The display name is what the
    platform appends to every window title that does not already end with it (Linux, Windows)."""
    app.setApplicationName("UnionDesk")  # also the folder of the settings: never translated
    app.setOrganizationName("UnionDesk")
    app.setApplicationDisplayName(program_name())


def window_title(office_name: str) -> str:
    """``东四街道工会 — UnionDesk 街道工会台账``: it ends with the display name, so the platform adds nothing."""
    return f"{office_name} — {program_name()}"


def about_text() -> str:
    text = QCoreApplication.translate("About",
                                      "{program}\n版本 {version}\n\n会员、暖心驿站、技能竞赛、困难帮扶的离线台账。")
    return text.format(program=program_name(), version=app_version())


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "关于 {program}").format(program=program_name()),
                      about_text())
