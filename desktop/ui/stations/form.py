"""The station form (驿站信息): every declared field of a station (六有 as check boxes, the services as a
checklist), its status and the steps it may take now, its status history, and undo of what the form saved in
this session — the shared record flow (common/record_form) with what only stations have."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from db import privacy
from db.stations import cases
from db.stations.fields import STATIONS
from db.stations.rules import steps_from
from desktop.ui.common.full_values import FullValues
from desktop.ui.common.record_form import RecordFlow
from desktop.ui.common.undo import SavedChange
from desktop.ui.context import AppContext
from desktop.ui.stations import prompts, saving
from desktop.ui.stations.fields_panel import StationFields
from desktop.ui.stations.form_widgets import StationFormWidgets


class StationForm(StationFormWidgets, RecordFlow):
    """The form panel of one station.

    Signals:
        saved(str): the uuid of a station the form wrote (registered, changed, a status step, deleted, or a
            change undone).
        dirty_changed(bool): the form got (True) or lost (False) unsaved changes.
    """

    saved = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        writable = context.actor.can("records.write")
        super().__init__(writable, lambda: cases.service_choices(context.store), parent)
        self.init_flow(writable)
        self._context = context
        self.full_values = FullValues(self.header.reveal_button, self.header.reveal_menu, self.fields_panel,
                                      context.actor.can(privacy.FULL), self._reveal, self.header.show_error)
        # How a dialog is run; tests replace it to fill in and accept the dialog without a modal loop.
        self.open_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.fields_panel.edited.connect(lambda _name: self.update_dirty())
        self.fields_panel.masking_changed.connect(self.apply_state)
        for kind, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self.change_status(k))
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.new()

    @property
    def station(self) -> SimpleNamespace | None:
        """The station shown (its columns and services as attributes), None for a new one."""
        station: SimpleNamespace | None = self.record
        return station

    def new(self) -> None:
        """An empty form: saving it registers a new station."""
        self.display(None)
        if self.isVisible():
            self.fields["code"].editor.setFocus()

    def change_status(self, kind: str) -> bool:
        """Ask for the date and reason of a status step (投入运行, 暂停, 恢复运行, 撤销) and record it; unsaved
        edits are saved or thrown away first, as the clerk says."""
        before = self.station
        if (before is None or not self._writable or kind not in steps_from(before.status)
                or not self.confirm_discard()):
            return False
        before = self.station  # saved just now, perhaps
        assert before is not None

        def submit(on: str, reason: str | None) -> Any:
            return saving.run_step(self._context, before.uuid, kind, on, reason)

        stepped = prompts.record_step(kind, before.name, submit, self.open_dialog, self)
        if stepped is None:
            return False
        self.wrote(before.uuid, stepped.rev, saving.step_taken(self._context, before, kind))
        return True

    # ----- RecordFlow: how stations are read, written, deleted and asked about ------------------------------
    def record_fields(self) -> StationFields:
        return self.fields_panel

    def read_record(self, uuid: str) -> dict[str, Any]:
        return cases.station_details(self._context.store, uuid)

    def write(self) -> tuple[SavedChange | None, Any]:
        values = self.fields_panel.values()
        if self.station is None:
            return saving.create(self._context, values, self.header.chosen_status())
        return saving.update(self._context, self.station, values, self.fields_panel.edited_names())

    def delete_record(self, record: SimpleNamespace) -> tuple[SavedChange, int]:
        return saving.deleted(self._context, record)

    def record_name(self, record: SimpleNamespace | None) -> str:
        return record.name if record is not None else self.tr("新驿站")

    def delete_question(self, record: SimpleNamespace) -> tuple[str, str]:
        return prompts.delete_question(record.name, record.code)

    def show_error(self, message: str | None) -> None:
        self.header.show_error(message)

    def show_dirty(self, dirty: bool) -> None:
        self.action_bar.show_dirty(self._writable, dirty)

    # ----- showing --------------------------------------------------------------------------------
    def display(self, found: dict[str, Any] | None) -> None:
        station = self.record = saving.station_record(found) if found is not None else None
        self.fields_panel.show_record(station, False)  # masked; a full value is asked for (full_values)
        self.header.show_error(None)
        self.header.show_station(station)
        self.history.show_history(found["history"] if found is not None else [])
        self.set_tab_order()  # the checklist's boxes are new for every station
        self.apply_state()
        self.scroll_area.verticalScrollBar().setValue(0)

    def apply_state(self) -> None:
        """Which fields and buttons can be used, from the actor's rights, the masking and the status."""
        self.fields_panel.apply_state(self._writable)
        self.action_bar.apply_state(self._writable, self.station)
        self.full_values.update(self.station is not None)
        self.update_dirty()

    def _reveal(self, attrs: Sequence[str]) -> Mapping[str, Any]:
        station = self.station
        assert station is not None
        return privacy.reveal(self._context.store, self._context.actor, STATIONS, station.uuid, attrs)
