"""The head and the foot of a registry's record form: the header (the record's title, its status, its last
change, a read-only note and what went wrong that belongs to no field) and the buttons' plain parts. Each
registry's header says its own texts (its ``tr`` context) and adds its own notes and widgets."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.reference import label
from desktop.ui.messages import error_label

HINT_STYLE = "color: palette(mid);"
NOTE_STYLE = "background: #fff3e0; color: #6d4c00; padding: 4px; border-radius: 3px;"
GREY = "#616161"


def local_time(at: dt.datetime) -> str:
    """A stored UTC time as the clerk's local minute."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def status_html(kind: str, status: str, colours: Mapping[str, str]) -> str:
    """A status's label (reference list ``kind``) in bold, in its colour (grey when it has none)."""
    colour = colours.get(status, GREY)
    return f'<b style="color: {colour}">{html.escape(label(kind, status))}</b>'


def note_label(name: str, style: str, *, wraps: bool = True) -> QLabel:
    note = QLabel()
    note.setObjectName(name)
    note.setStyleSheet(style)
    note.setWordWrap(wraps)
    return note


def form_button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


class RecordHeader(QWidget):
    """Which record a form shows, its status and last change, a note for a read-only role, and a form-wide
    error. A subclass gives the read-only note its text, then calls :meth:`lay_out` with its own widgets.
    ``wraps``: whether the title and the notes break into lines (a member's header keeps them on one)."""

    def __init__(self, writable: bool, parent: QWidget | None = None, *, title_wraps: bool = True,
                 notes_wrap: bool = True) -> None:
        super().__init__(parent)
        self._writable = writable
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # names are text, never markup
        self.title_label.setWordWrap(title_wraps)
        font = self.title_label.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.last_modified_label = note_label("last_modified", HINT_STYLE, wraps=notes_wrap)
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("read_only_note")
        self.read_only_note.setWordWrap(notes_wrap)
        self.read_only_note.setVisible(not writable)
        self.form_error = error_label("error_form")

    def lay_out(self, top: list[QWidget], notes: list[QWidget]) -> None:
        """The title, then ``top`` (the status among them) on one line; the last change, ``notes``, the
        read-only note and the error below."""
        line = QHBoxLayout()
        line.addWidget(self.title_label, 1)
        for widget in top:
            line.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        for widget in (self.last_modified_label, *notes, self.read_only_note, self.form_error):
            layout.addWidget(widget)

    def show_error(self, message: str | None) -> None:
        self.form_error.setText(message or "")
        self.form_error.setVisible(bool(message))


class SaveButtons(QWidget):
    """删除, 放弃修改 and 保存 under a record form, save and cancel enabled only when there is something
    unsaved. A subclass gives them their texts (:meth:`name_buttons`, in its own ``tr`` context) and lays them
    out, its registry's steps with them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delete_button = form_button("delete", "")
        self.cancel_button = form_button("cancel", "")
        self.save_button = form_button("save", "")
        self.save_button.setDefault(True)

    def name_buttons(self, delete: str, cancel: str, save: str) -> None:
        for button, text in ((self.delete_button, delete), (self.cancel_button, cancel), (self.save_button, save)):
            button.setText(text)

    def save_row(self) -> QHBoxLayout:
        """删除 on the left, 放弃修改 and 保存 on the right."""
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def lay_out_row(self) -> None:
        """The bar is the row of :meth:`save_row` alone."""
        row = self.save_row()
        row.setContentsMargins(0, 0, 0, 0)
        self.setLayout(row)

    def buttons(self) -> list[QPushButton]:
        """Every button, in tab order."""
        return [self.delete_button, self.cancel_button, self.save_button]

    def show_dirty(self, writable: bool, dirty: bool) -> None:
        self.save_button.setEnabled(writable and dirty)
        self.cancel_button.setEnabled(writable and dirty)
