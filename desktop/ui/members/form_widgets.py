"""The member form's widgets and their layout: the header, the fields and history in a scroll area, and the
buttons below; and where the form shows an error. What the form does is ``MemberForm``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from db import members
from db.store import Store
from desktop.ui.common.form_layout import RecordFormLayout
from desktop.ui.members.action_bar import MemberActionBar
from desktop.ui.members.fields_panel import FieldsPanel
from desktop.ui.members.header import MemberHeader
from desktop.ui.members.history_view import MemberHistoryView


class MemberFormWidgets(RecordFormLayout):
    """The widgets of the member form, laid out, with the names the member tab and the tests reach for."""

    header: MemberHeader
    fields_panel: FieldsPanel
    action_bar: MemberActionBar

    def __init__(self, store: Store, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = MemberHeader(writable)
        self.fields_panel = FieldsPanel(store)
        self.history = MemberHistoryView()
        self.action_bar = MemberActionBar()
        self.lay_out(self.header, [self.fields_panel, self.history], self.action_bar)
        self.chain_tab_order([*self.fields_panel.focus_chain(), *self.action_bar.buttons()])
        self._name_parts()

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

    def show_refusal(self, error: Exception) -> None:
        """Why a save was refused: a duplicate ID number under its field with its holder, else as any form."""
        if isinstance(error, members.DuplicateMember):
            self.fields_panel.show_duplicate(error)  # with a button to open the member who holds the number
        else:
            super().show_refusal(error)
