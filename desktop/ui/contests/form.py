"""The contest form (竞赛信息): every declared field of a contest in its groups — the basic facts, the scoring
rule (weights, pass mark, judges, dropped extremes, the tie-break chain), the award quotas and titles, and the
publishing marks — saved through db.contests.cases, each refusal under its field; undo of what it saved in this
session. A published contest's rule shows read-only with a note why (the shared record flow, common/record_form)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from db.contests.reads import contest_details
from desktop.ui.common.record_form import RecordFlow
from desktop.ui.common.undo import SavedChange
from desktop.ui.contests import saving
from desktop.ui.contests.fields_panel import ContestFields
from desktop.ui.contests.form_widgets import ContestFormWidgets
from desktop.ui.context import AppContext


class ContestForm(ContestFormWidgets, RecordFlow):
    """The form panel of one contest.

    Signals:
        saved(str): the uuid of a contest the form wrote (registered, changed, deleted, or a change undone).
        dirty_changed(bool): the form got (True) or lost (False) unsaved changes.
    """

    saved = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        writable = context.actor.can("records.write")
        super().__init__(writable, parent)
        self.init_flow(writable)
        self._context = context
        self.fields_panel.edited.connect(lambda _name: self.update_dirty())
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.new()

    @property
    def contest(self) -> SimpleNamespace | None:
        """The contest shown (its columns and ``entrants`` as attributes), None for a new one."""
        contest: SimpleNamespace | None = self.record
        return contest

    def new(self) -> None:
        """An empty form: saving it registers a new contest."""
        self.display(None)
        if self.isVisible():
            self.fields["name"].editor.setFocus()

    # ----- RecordFlow: how contests are read, written, deleted and asked about ------------------------------
    def record_fields(self) -> ContestFields:
        return self.fields_panel

    def read_record(self, uuid: str) -> dict[str, Any]:
        return contest_details(self._context.store, uuid)

    def write(self) -> tuple[SavedChange | None, Any]:
        values = self.fields_panel.values()
        if self.contest is None:
            return saving.create(self._context, values)
        return saving.update(self._context, self.contest, values, self.fields_panel.edited_names())

    def delete_record(self, record: SimpleNamespace) -> tuple[SavedChange, int]:
        return saving.deleted(self._context, record)

    def record_name(self, record: SimpleNamespace | None) -> str:
        return record.name if record is not None else self.tr("新竞赛")

    def show_error(self, message: str | None) -> None:
        self.header.show_error(message)

    def show_dirty(self, dirty: bool) -> None:
        self.action_bar.show_dirty(self._writable, dirty)

    # ----- showing --------------------------------------------------------------------------------
    def display(self, found: dict[str, Any] | None) -> None:
        contest = self.record = saving.contest_record(found) if found is not None else None
        self.fields_panel.show_record(contest, full_view=True)  # a contest has no sensitive field
        self.header.show_error(None)
        self.header.show_contest(contest)
        self.apply_state()
        self.scroll_area.verticalScrollBar().setValue(0)

    def apply_state(self) -> None:
        """Which fields and buttons can be used, from the actor's rights and whether results are published."""
        self.fields_panel.apply_state(self._writable)
        self.action_bar.apply_state(self._writable, self.contest)
        self.update_dirty()
