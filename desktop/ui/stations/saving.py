"""What the station form writes through the station use cases (db.stations.cases), and the SavedChange each
write leaves: its description for the status bar and the undo action, and the command that takes it back."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication

from db.errors import ValidationError
from db.models import Station
from db.stations import cases
from db.stations.fields import STATIONS
from desktop.ui.common.undo import SavedChange, save_edits
from desktop.ui.context import AppContext

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def station_record(details: dict[str, Any]) -> SimpleNamespace:
    """A station as the form shows it (its columns and ``services``, the names it offers), read as attributes
    like a record."""
    return SimpleNamespace(**details["station"], services=list(details["services"]))


def step_title(kind: str) -> str:
    """The name of a status step as buttons and dialogs show it."""
    titles = {"open": translate("StationSteps", "投入运行"), "pause": translate("StationSteps", "暂停"),
              "resume": translate("StationSteps", "恢复运行"), "close": translate("StationSteps", "撤销")}
    return titles[kind]


def create(context: AppContext, values: dict[str, Any], status: str) -> tuple[SavedChange, Station]:
    """Register a new station (in ``status``: 筹建 or 运行) from the form's values, services included."""
    store, actor = context.store, context.actor
    station = cases.create_station(store, actor, {**values, "status": status})
    description = translate("StationChanges", "登记驿站“{name}”").format(name=station.name)
    uuid = station.uuid

    def take_back(known: int | None) -> Station:  # the new station goes again, unless it was changed since
        if known is not None and cases.station_details(store, uuid)["station"]["rev"] != known:
            raise ValidationError(STATIONS.label, translate("StationUndo", "登记之后又被修改过，不能撤销"))
        return cases.soft_delete(store, actor, uuid)

    return SavedChange(uuid, description, take_back), station


def update(context: AppContext, before: SimpleNamespace, values: dict[str, Any],
           edited: list[str]) -> tuple[SavedChange | None, Any]:
    """Save the ``edited`` fields of a station, services too (None: nothing changed once the values were
    cleaned)."""
    what = "、".join(STATIONS.field(name).label for name in edited)
    description = translate("StationChanges", "修改驿站“{name}”的{fields}").format(name=before.name, fields=what)
    store, actor, uuid = context.store, context.actor, before.uuid
    return save_edits(before, {name: values[name] for name in edited}, description, lambda changes, rev:
                      cases.update_station(store, actor, uuid, changes, expected_rev=rev))


def run_step(context: AppContext, uuid: str, kind: str, on: str, reason: str | None) -> Station:
    """Record one status step (投入运行, 暂停, 恢复运行, 撤销) of a station."""
    return cases.change_status(context.store, context.actor, uuid, kind, on, reason)


def step_taken(context: AppContext, before: SimpleNamespace, kind: str) -> SavedChange:
    """The step is taken back by undoing the station's latest step (db.stations.cases.undo_status_step); an
    opening that gave the station its 建成日期 takes that date back with it."""
    description = translate("StationChanges", "驿站“{name}”{step}").format(name=before.name, step=step_title(kind))
    store, actor, uuid = context.store, context.actor, before.uuid
    clear_built_on = kind == "open" and before.built_on is None
    return SavedChange(uuid, description, lambda known: cases.undo_status_step(
        store, actor, uuid, expected_rev=known, clear_built_on=clear_built_on))


def deleted(context: AppContext, station: SimpleNamespace) -> tuple[SavedChange, int]:
    """Mark a station deleted; undo brings it back."""
    store, actor, uuid = context.store, context.actor, station.uuid
    gone = cases.soft_delete(store, actor, uuid)
    description = translate("StationChanges", "删除驿站“{name}”").format(name=station.name)
    return SavedChange(uuid, description, lambda _known: cases.undelete(store, actor, uuid)), gone.rev


def today() -> str:
    return dt.date.today().isoformat()
