"""The member form (会员信息) beside the member table: every field of a member, checked as the clerk types,
the status steps and honours, the history, and undo of what the form saved in this session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from db import members
from db.models import Member
from desktop.ui.common.undo import SavedChange, UndoStack
from desktop.ui.context import AppContext
from desktop.ui.members import prompts, saving
from desktop.ui.members.action_bar import can_step
from desktop.ui.members.form_widgets import MemberFormWidgets
from desktop.ui.messages import describe


class MemberForm(MemberFormWidgets):
    """The form panel of one member: shows, checks as the clerk types, saves; runs status steps and honours.

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
        self._context = context
        self._writable = writable
        self._full_view = context.actor.can("sensitive.full")
        self._member: Member | None = None
        self._dirty = False
        self._undo = UndoStack()
        self._last_message: str | None = None
        # How a dialog is run; tests replace it to fill in and accept the dialog without a modal loop.
        self.open_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self._connect()
        self.new()

    def _connect(self) -> None:
        self.fields_panel.edited.connect(self._edited)
        self.fields_panel.masking_changed.connect(self._apply_state)
        self.fields_panel.open_member_requested.connect(self.open_member_requested)
        for kind, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self.change_status(k))
        self.honour_button.clicked.connect(self.add_honour)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)

    # ----- the public API -------------------------------------------------------------------------
    def current_uuid(self) -> str | None:
        return self._member.uuid if self._member is not None else None

    def is_dirty(self) -> bool:
        return self.fields_panel.is_dirty()

    def last_change_description(self) -> str | None:
        """What the form last wrote (a save, status step, honour, deletion or undo), for the status bar."""
        return self._last_message

    def undo_description(self) -> str | None:
        """What ``undo_last`` would take back, or None when there is nothing to undo."""
        top = self._undo.top()
        return top.description if top is not None else None

    def load(self, uuid: str) -> None:
        """Show a member (by uuid)."""
        try:
            found = members.details(self._context.store, uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show(None)
            self.header.show_error(describe(exc))
            return
        self._show(found)

    def new(self) -> None:
        """An empty form for 入会: saving it registers a new member."""
        self._show(None)
        if self.isVisible():
            self.fields["name"].editor.setFocus()

    def cancel(self) -> None:
        """Revert to the values shown when the member was opened."""
        self.fields_panel.revert()
        self._apply_state()

    def escape(self) -> bool:
        """Esc: revert, after the clerk agreed to throw away what was typed (a clean form just reverts);
        False when the clerk chose to go on editing."""
        if self.is_dirty() and not prompts.agree_to_discard(self, self._member):
            return False
        self.cancel()
        return True

    def confirm_discard(self) -> bool:
        """True when the caller may move on: nothing unsaved, or saved, or the clerk chose not to save."""
        if not self.is_dirty():
            return True
        answer = prompts.ask_to_save(self, self._member)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.cancel()
            return True
        return False

    def save(self) -> bool:
        """Register (new form) or update the member; False, with the reason shown, when it is refused."""
        if not self._writable:
            return False
        self.header.show_error(None)
        self.fields_panel.hide_duplicate()
        first_problem = self.fields_panel.check_all()
        if first_problem is not None:
            self.focus_field(first_problem)
            return False
        try:
            entry, member = self._write()
        except Exception as exc:  # noqa: BLE001 - shown to the clerk under its field or as one sentence
            self.show_refusal(exc)
            return False
        if entry is None:  # nothing to write: the values differed only in spelling (spaces, full-width)
            self.load(member.uuid)
        else:
            self._wrote(member.uuid, member.rev, entry)
        return True

    # status steps, honours and deletion: the buttons, and callable by the tab
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
        self._wrote(member.uuid, stepped.rev, saving.step_taken(self._context, member, kind))
        return True

    def add_honour(self) -> bool:
        """Ask for an honour of the member and record it (unsaved edits of the form are kept)."""
        member = self._member
        if member is None or not self._writable:
            return False
        honour_uuid = prompts.record_honour(self._context, member, self.open_dialog, self)
        if honour_uuid is None:
            return False
        self._remember(saving.honour_added(self._context, member, honour_uuid))
        self._refresh_history(member.uuid)
        self.saved.emit(member.uuid)
        return True

    def delete(self) -> bool:
        """Mark the member deleted after the clerk confirms."""
        member = self._member
        if member is None or not self._writable:
            return False
        if not prompts.agree_to_delete(self, member):
            return False
        try:
            deleted = members.soft_delete(self._context.store, self._context.actor, member.uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.header.show_error(describe(exc))
            return False
        self._remember(saving.deleted(self._context, member), deleted.rev)
        self._show(None)
        self.saved.emit(member.uuid)
        return True

    def undo_last(self) -> bool:
        """Take back the latest change this form saved (Ctrl+Z); False when none or when it is refused."""
        if self._undo.top() is None or not self._writable:
            return False
        if self.is_dirty() and not prompts.agree_to_discard_for_undo(self):
            return False
        entry = self._undo.pop()
        try:
            still_there = self._undo.take_back(entry)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.header.show_error(self.tr("无法撤销“{what}”：{reason}").format(what=entry.description,
                                                                          reason=describe(exc)))
            return False
        self._last_message = self.tr("已撤销：{what}").format(what=entry.description)
        if still_there:
            self.load(entry.uuid)
        else:
            self._show(None)
        self.saved.emit(entry.uuid)
        return True

    # ----- writing --------------------------------------------------------------------------------
    def _write(self) -> tuple[SavedChange | None, Member]:
        values = self.fields_panel.values()
        if self._member is None:
            return saving.register(self._context, values)
        return saving.update(self._context, self._member, values, self.fields_panel.edited_names())

    def _remember(self, entry: SavedChange, rev: int | None = None) -> None:
        self._undo.push(entry, rev)
        self._last_message = entry.description

    def _wrote(self, uuid: str, rev: int, entry: SavedChange) -> None:
        self._remember(entry, rev)
        self.load(uuid)
        self.saved.emit(uuid)

    # ----- showing --------------------------------------------------------------------------------
    def _show(self, found: members.MemberDetails | None) -> None:
        member = self._member = found.member if found is not None else None
        self.fields_panel.show_member(member, self._full_view)
        self.header.show_error(None)
        self.header.show_member(member)
        self.history.show_member(found)
        self._apply_state()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _refresh_history(self, uuid: str) -> None:
        try:
            self.history.show_member(members.details(self._context.store, uuid))
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.header.show_error(describe(exc))

    def _apply_state(self) -> None:
        """Which fields and buttons can be used, from the actor's rights, the ID type and the status."""
        self.fields_panel.apply_state(self._writable)
        self.action_bar.apply_state(self._writable, self._member)
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.action_bar.show_dirty(self._writable, dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # ----- checking as the clerk types ------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if name in ("id_type", "id_number"):
            self._apply_state()  # the ID type decides whether birth date and gender are typed or read
        else:
            self._update_dirty()
