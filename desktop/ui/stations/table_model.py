"""The station list's table model (暖心驿站): the registry's declared columns over the generic list (db.listing),
after a narrow first column marking the stations that need attention (⚠, the reasons as its tooltip), with
stars drawn as ★★★ and, in district mode, the office of each station.

The marks of a page are read with the page (:func:`db.stations.attention.attention` for the page's stations: five
queries for its two hundred rows, never one per row), as of today."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from db import offices
from db.listing import ListFilter, ListSort
from db.stations import attention
from db.stations.fields import STATIONS
from desktop.ui.common.table_model import SpecSource, SpecTableModel, column_widths, value_of
from desktop.ui.context import AppContext
from desktop.ui.paged_model import Column, Index

MARK = "⚠"
MARK_WIDTH = 28
STARS_WIDTH = 76
MARK_COLOUR = QColor("#c0392b")
Rows = Sequence[dict[str, Any]]


def stars_text(value: Any) -> str:
    """3 → ``★★★``; nothing for a station not rated yet."""
    return "★" * int(value) if isinstance(value, int) and value > 0 else ""


class StationSource(SpecSource):
    """The generic list of stations; every page read is handed to ``marked`` so that its marks follow it."""

    def __init__(self, context: AppContext, flt: ListFilter, sort: ListSort, marked: Callable[[Rows], None]) -> None:
        super().__init__(context, STATIONS, flt, sort)
        self._marked = marked

    def fetch(self, after: Any | None, backwards: bool, limit: int) -> Rows:
        rows = super().fetch(after, backwards, limit)
        self._marked(rows)
        return rows

    def fetch_at(self, offset: int, limit: int) -> Rows:
        rows = super().fetch_at(offset, limit)
        self._marked(rows)
        return rows

    def reload(self, uuid: str) -> dict[str, Any] | None:
        row = super().reload(uuid)
        if row is not None:
            self._marked([row])
        return row


class StationTableModel(SpecTableModel):
    """Stations of the current search and filters: ⚠ and its reasons first, then the declared columns (stars as
    ★), then the office in district mode. ``set_view(flt, sort)`` as for any registry's list."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        names = offices.office_names(context.store) if context.is_district else None
        super().__init__(context, STATIONS, names, parent)
        stars = next(i for i, c in enumerate(STATIONS.list_columns) if c.attr == "stars")
        self.columns[stars] = Column(self.columns[stars].header, lambda row: stars_text(value_of(row, "stars")),
                                     self.columns[stars].sort_key)
        self.columns.insert(0, Column("", self._mark))
        self._attention: dict[str, list[str]] = {}

    # ----- the list shown ------------------------------------------------------------------------------
    def set_view(self, flt: ListFilter, sort: ListSort) -> None:
        self.filter, self.sort_order = flt, sort
        self._attention.clear()
        self.set_source(StationSource(self.context, flt, sort, self._read_marks))

    def _read_marks(self, rows: Rows) -> None:
        uuids = [str(row["uuid"]) for row in rows]
        found = attention.attention(self.context.store, stations=uuids) if uuids else {}
        for uuid in uuids:
            if uuid in found:
                self._attention[uuid] = found[uuid]
            else:
                self._attention.pop(uuid, None)

    def attention_of(self, uuid: str) -> list[str]:
        """Why the station needs attention today (empty when it does not, or is not on a page read)."""
        return list(self._attention.get(uuid, ()))

    def _mark(self, row: Any) -> str:
        return MARK if self._attention.get(str(value_of(row, "uuid"))) else ""

    # ----- Qt model -------------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's signature
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("StationTableModel",
                                              "需关注：超过12个月未检查、上月台账未录入、药品过期或将到期、整改逾期")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and role in (
                Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole):
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            uuid = self.uuid_at(index.row())
            reasons = self._attention.get(uuid or "")
            if not reasons:
                return None
            return "\n".join(reasons) if role == Qt.ItemDataRole.ToolTipRole else MARK_COLOUR
        return super().data(index, role)

    def column_widths(self) -> list[int]:
        widths = column_widths(self.spec, self.columns[1:])
        stars = next(i for i, c in enumerate(STATIONS.list_columns) if c.attr == "stars")
        widths[stars] = max(widths[stars], STARS_WIDTH)  # five ★ and the sort arrow
        return [MARK_WIDTH, *widths]


__all__ = ["MARK", "StationSource", "StationTableModel", "stars_text"]
