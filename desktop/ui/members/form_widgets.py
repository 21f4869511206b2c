"""The member form's widgets and their layout: the header, the fields and history in a scroll area, and the
buttons below; and where the form shows an error. What the form does is ``MemberForm``."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from db import members
from db.errors import ValidationError
from db.store import Store
from desktop.ui.members.action_bar import MemberActionBar
from desktop.ui.members.fields_panel import FieldsPanel
from desktop.ui.members.header import MemberHeader
from desktop.ui.members.history_view import MemberHistoryView
from desktop.ui.messages import describe

READ_ONLY_STYLE = 'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: palette(window); }'


class MemberFormWidgets(QWidget):
    """The widgets of the member form, laid out, with the names the member tab and the tests reach for."""

    def __init__(self, store: Store, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(READ_ONLY_STYLE)
        self.header = MemberHeader(writable)
        self.fields_panel = FieldsPanel(store)
        self.history = MemberHistoryView()
        self.scroll_area = self._scroll_area(self.fields_panel, self.history)
        self.action_bar = MemberActionBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.action_bar)
        chain = [*self.fields_panel.focus_chain(), *self.action_bar.buttons()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._name_parts()

    @staticmethod
    def _scroll_area(*parts: QWidget) -> QScrollArea:
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 4, 0)
        for part in parts:
            body_layout.addWidget(part)
        body_layout.addStretch(1)
        scroll_area = QScrollArea()
        scroll_area.setWidgetResizable(True)
        scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        scroll_area.setWidget(body)
        return scroll_area

    def _name_parts(self) -> None:
        header, panel, history, actions = self.header, self.fields_panel, self.history, self.action_bar
        self.title_label, self.status_label = header.title_label, header.status_label
        self.last_modified_label, self.read_only_note = header.last_modified_label, header.read_only_note
        self.form_error = header.form_error
        self.fields, self.unmask_buttons = panel.fields, panel.unmask_buttons
        self.open_duplicate_button = panel.open_duplicate_button
        self.history_table, self.honours_table = history.history_table, history.honours_table
        self.step_buttons, self.honour_button = actions.step_buttons, actions.honour_button
        self.delete_button, self.cancel_button = actions.delete_button, actions.cancel_button
        self.save_button = actions.save_button

    def focus_field(self, name: str) -> None:
        """Scroll to a field's editor and put the cursor in it."""
        editor = self.fields[name].editor
        self.scroll_area.ensureWidgetVisible(editor)
        editor.setFocus()

    def show_refusal(self, error: Exception) -> None:
        """Why a save was refused: under the field it names (scrolled to), or as one sentence at the top."""
        if isinstance(error, members.DuplicateMember):
            self.fields_panel.show_duplicate(error)
        elif isinstance(error, ValidationError) and (name := self.fields_panel.show_validation(error)):
            self.focus_field(name)
        else:
            self.header.show_error(error.message if isinstance(error, ValidationError) else describe(error))
