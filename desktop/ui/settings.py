"""Settings of the desktop application, declared once with defaults and read through typed accessors.

Stored with QSettings (per user, outside the database); tests pass a QSettings on a temporary file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"zh_CN": "中文", "en": "English"}


@dataclass(frozen=True)
class Setting:
    key: str
    default: object
    label: str


LANGUAGE = Setting("ui/language", "zh_CN", "界面语言")
GEOMETRY = Setting("window/geometry", QByteArray(), "窗口位置和大小")
WINDOW_STATE = Setting("window/state", QByteArray(), "工具栏和停靠窗口")
LAST_TAB = Setting("window/last_tab", 0, "上次打开的页签")
LAST_USER = Setting("login/last_user", "", "上次登录的用户")
LAST_EXCEL_DIR = Setting("excel/last_dir", "", "上次导入或导出 Excel 的文件夹")
LAST_PDF_DIR = Setting("print/last_pdf_dir", "", "上次另存 PDF 的文件夹")


class Settings:
    """Typed access to the application's settings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings("UnionDesk", "UnionDesk")

    def _get(self, setting: Setting) -> object:
        return self._store.value(setting.key, setting.default)

    def _set(self, setting: Setting, value: object) -> None:
        self._store.setValue(setting.key, value)

    def language(self) -> str:
        value = str(self._get(LANGUAGE))
        return value if value in LANGUAGES else str(LANGUAGE.default)

    def set_language(self, code: str) -> None:
        self._set(LANGUAGE, code)

    def bytes_value(self, setting: Setting) -> QByteArray:
        value = self._get(setting)
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_bytes(self, setting: Setting, value: QByteArray) -> None:
        self._set(setting, value)

    def last_tab(self) -> int:
        try:
            return int(self._get(LAST_TAB))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0

    def set_last_tab(self, index: int) -> None:
        self._set(LAST_TAB, index)

    def last_user(self) -> str:
        return str(self._get(LAST_USER) or "")

    def set_last_user(self, username: str) -> None:
        self._set(LAST_USER, username)

    def last_excel_dir(self) -> str:
        """The folder of the last Excel file opened or saved; the home folder before the first one."""
        return str(self._get(LAST_EXCEL_DIR) or "") or str(Path.home())

    def set_last_excel_dir(self, folder: str) -> None:
        self._set(LAST_EXCEL_DIR, folder)

    def last_pdf_dir(self) -> str:
        """The folder of the last PDF saved from the print preview; the home folder before the first one."""
        return str(self._get(LAST_PDF_DIR) or "") or str(Path.home())

    def set_last_pdf_dir(self, folder: str) -> None:
        self._set(LAST_PDF_DIR, folder)

    def sync(self) -> None:
        self._store.sync()
