"""Errors shown to the clerk: one clear message in Chinese, never a traceback."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from db.errors import UnionDeskError

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b00020"


def describe(error: BaseException) -> str:
    """The sentence a clerk reads for ``error``."""
    if isinstance(error, UnionDeskError):
        return error.message
    if isinstance(error, DBAPIError):
        reason = str(error.orig or error).splitlines()[0]
        if "malformed" in reason or "not a database" in reason:
            return f"数据库文件已损坏（{reason}）。请用“文件 → 恢复”从备份恢复。"
        if "locked" in reason:
            return "数据库正被另一个程序使用，请稍后再试。"
        return f"数据库错误：{reason}"
    if isinstance(error, OSError):
        if error.errno == 28:  # ENOSPC
            return "磁盘已满，操作没有完成，数据没有改变。请清理磁盘后重试。"
        return f"文件操作失败：{error.strerror or error}（{error.filename or ''}）"
    log.error("unexpected error\n%s", "".join(traceback.format_exception(error)))
    return f"程序内部错误：{type(error).__name__}: {error}"


def show_error(parent: QWidget | None, error: BaseException, title: str = "无法完成") -> None:
    QMessageBox.warning(parent, title, describe(error))


def error_label(name: str = "error", *, hidden: bool = False, reserve: bool = False) -> QLabel:
    """The red, word-wrapped line of plain text in which a dialog or field says what is wrong.

    With ``reserve`` the label keeps the height of one line while it is empty or hidden: an error that
    appears under a field then moves nothing below it, and the clerk's next click lands in the field aimed
    at. Use it under the fields of a form."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    if reserve:
        label.setText("字")  # one line of text as the label lays it out (a pixel more than the line spacing)
        label.setMinimumHeight(label.heightForWidth(10_000))
        label.clear()
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        label.setSizePolicy(policy)
    label.setVisible(not hidden)
    return label
