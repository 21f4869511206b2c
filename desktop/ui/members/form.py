"""The member form (会员信息) beside the member table: every field of a member, checked as the clerk types,
the status steps and honours, the history, and undo of what the form saved in this session."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from db import members, privacy
from db.members.fields import MEMBERS
from db.models import Member
from desktop.ui.common.full_values import FullValues
from desktop.ui.common.record_form import RecordFlow
from desktop.ui.common.undo import SavedChange
from desktop.ui.context import AppContext
from desktop.ui.members import prompts, saving
from desktop.ui.members.action_bar import can_step
from desktop.ui.members.fields_panel import FieldsPanel
from desktop.ui.members.form_widgets import MemberFormWidgets
from desktop.ui.messages import describe


class MemberForm(MemberFormWidgets, RecordFlow):
    """The form panel of one member: the shared record flow (common/record_form) with the member fields, and
    what only members have: status steps, honours, the history, a duplicate ID number's holder.

    Signals:
        saved(str): the uuid of a member the form wrote (registered, changed, status step, honour,
            deleted, or a change undone).
        open_member_requested(str): the clerk asked to open the member who already holds a typed ID number.
        dirty_changed(bool): the form got (True) or lost (False) unsaved changes.
    """

    saved = Signal(str)
    open_member_requested = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        writable = context.actor.can("records.write")
        super().__init__(context.store, writable, parent)
        self.init_flow(writable)
        self._context = context
        self.full_values = FullValues(self.header.reveal_button, self.header.reveal_menu, self.fields_panel,
                                      context.actor.can(privacy.FULL), self._reveal, self.header.show_error)
        # How a dialog is run; tests replace it to fill in and accept the dialog without a modal loop.
        self.open_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self._connect()
        self.new()

    def _connect(self) -> None:
        self.fields_panel.edited.connect(self._edited)
        self.fields_panel.masking_changed.connect(self.apply_state)
        self.fields_panel.open_member_requested.connect(self.open_member_requested)
        for kind, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self.change_status(k))
        self.honour_button.clicked.connect(self.add_honour)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)

    @property
    def _member(self) -> Member | None:
        member: Member | None = self.record
        return member

    def new(self) -> None:
        """An empty form for 入会: saving it registers a new member."""
        self.display(None)
        if self.isVisible():
            self.fields["name"].editor.setFocus()

    # status steps and honours: the buttons, and callable by the tab
    def transfer_out(self) -> bool:
        return self.change_status("transfer_out")

    def transfer_in(self) -> bool:
        return self.change_status("transfer_in")

    def leave(self) -> bool:
        return self.change_status("leave")

    def record_death(self) -> bool:
        return self.change_status("death")

    def restore(self) -> bool:
        return self.change_status("restore")

    def change_status(self, kind: str) -> bool:
        """Ask for the date, other union and reason of a status step and record it."""
        if not can_step(kind, self._writable, self._member) or not self.confirm_discard():
            return False
        member = self._member
        assert member is not None
        stepped = prompts.record_status_step(self._context, member, kind, self.open_dialog, self)
        if stepped is None:
            return False
        self.wrote(member.uuid, stepped.rev, saving.step_taken(self._context, member, kind))
        return True

    def add_honour(self) -> bool:
        """Ask for an honour of the member and record it (unsaved edits of the form are kept)."""
        member = self._member
        if member is None or not self._writable:
            return False
        honour_uuid = prompts.record_honour(self._context, member, self.open_dialog, self)
        if honour_uuid is None:
            return False
        self.remember(saving.honour_added(self._context, member, honour_uuid))
        self._refresh_history(member.uuid)
        self.saved.emit(member.uuid)
        return True

    # ----- RecordFlow: how members are read, written, deleted and asked about ----------------------
    def record_fields(self) -> FieldsPanel:
        return self.fields_panel

    def read_record(self, uuid: str) -> members.MemberDetails:
        return members.details(self._context.store, uuid)

    def write(self) -> tuple[SavedChange | None, Member]:
        values = self.fields_panel.values()
        if self._member is None:
            return saving.register(self._context, values)
        return saving.update(self._context, self._member, values, self.fields_panel.edited_names())

    def delete_record(self, record: Member) -> tuple[SavedChange, int]:
        deleted = members.soft_delete(self._context.store, self._context.actor, record.uuid)
        return saving.deleted(self._context, record), deleted.rev

    def record_name(self, record: Member | None) -> str:
        return record.name if record is not None else self.tr("新会员")

    def ask_to_save(self) -> QMessageBox.StandardButton:
        return prompts.ask_to_save(self, self._member)

    def agree_to_delete(self, record: Member) -> bool:
        return prompts.agree_to_delete(self, record)

    def agree_to_discard(self) -> bool:
        return prompts.agree_to_discard(self, self._member)

    def agree_to_discard_for_undo(self) -> bool:
        return prompts.agree_to_discard_for_undo(self)

    def before_save(self) -> None:
        self.fields_panel.hide_duplicate()

    def show_error(self, message: str | None) -> None:
        self.header.show_error(message)

    def show_dirty(self, dirty: bool) -> None:
        self.action_bar.show_dirty(self._writable, dirty)

    # ----- showing --------------------------------------------------------------------------------
    def display(self, found: members.MemberDetails | None) -> None:
        member = self.record = found.member if found is not None else None
        self.fields_panel.show_member(member)
        self.header.show_error(None)
        self.header.show_member(member)
        self.history.show_member(found)
        self.apply_state()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _refresh_history(self, uuid: str) -> None:
        try:
            self.history.show_member(members.details(self._context.store, uuid))
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.header.show_error(describe(exc))

    def apply_state(self) -> None:
        """Which fields and buttons can be used, from the actor's rights, the ID type and the status."""
        self.fields_panel.apply_state(self._writable)
        self.action_bar.apply_state(self._writable, self._member)
        self.full_values.update(self._member is not None)
        self.update_dirty()

    def _reveal(self, attrs: Sequence[str]) -> Mapping[str, Any]:
        member = self._member
        assert member is not None
        return privacy.reveal(self._context.store, self._context.actor, MEMBERS, member.uuid, attrs)

    def reveal(self, names: Sequence[str] | None = None) -> bool:
        """Show the full values of ``names`` (default: every masked field), one audited read."""
        return self.full_values.reveal(names)

    # ----- checking as the clerk types ------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if name in ("id_type", "id_number"):
            self.apply_state()  # the ID type decides whether birth date and gender are typed or read
        else:
            self.update_dirty()
