"""How every registry's record form is laid out and where it shows a refusal: its header on top, its fields
(and what follows them, a history) in a scroll area, its buttons below; read-only editors on the window's
colour; a refused save under the field it names, scrolled to, or as one sentence in the header."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from db.errors import ValidationError
from desktop.ui.common.record_fields import RecordFields
from desktop.ui.messages import describe

READ_ONLY_STYLE = 'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: palette(window); }'


class RecordFormLayout(QWidget):
    """The widgets of a record form, laid out by :meth:`lay_out`. ``header`` shows a sentence
    (``show_error``); ``fields_panel`` is the form's :class:`RecordFields`."""

    header: Any
    fields_panel: RecordFields
    action_bar: QWidget
    scroll_area: QScrollArea

    def lay_out(self, header: QWidget, parts: list[QWidget], action_bar: QWidget) -> None:
        """``header`` on top, ``parts`` (the fields first) in a scroll area, ``action_bar`` below."""
        self.setStyleSheet(READ_ONLY_STYLE)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 4, 0)
        for part in parts:
            body_layout.addWidget(part)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(header)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(action_bar)

    @staticmethod
    def chain_tab_order(chain: list[QWidget]) -> None:
        """Tab goes through ``chain`` in order (fields top to bottom, then the buttons)."""
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_field(self, name: str) -> None:
        """Scroll to a field's editor and put the cursor in it."""
        editor = self.fields_panel.fields[name].editor
        self.scroll_area.ensureWidgetVisible(editor)
        editor.setFocus()

    def show_refusal(self, error: Exception) -> None:
        """Why a save was refused: under the field it names (scrolled to), or as one sentence at the top."""
        if isinstance(error, ValidationError) and (name := self.fields_panel.show_validation(error)):
            self.focus_field(name)
        else:
            self.header.show_error(error.message if isinstance(error, ValidationError) else describe(error))
