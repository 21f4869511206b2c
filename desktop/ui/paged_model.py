"""A table model over a query too large to load: rows come a page at a time, by keyset (STYLE.md §1).

The model knows the row count of the current query, keeps a bounded number of pages in memory (least
recently used first out), and loads the page a view asks for from its neighbour's keyset cursor — the
page after a known page, or before it, or counted back from the end; only a jump into the unknown
middle (dragging the scroll bar) uses an offset. Scrolling to the end of a million rows therefore never
holds more than ``MAX_PAGES`` pages. A header click re-runs the query with a new sort, never sorts here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE = 200
MAX_PAGES = 40
UUID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class PageSource(Protocol):
    """The query behind a paged model, with its filter and sort already chosen."""

    def count(self) -> int: ...

    def fetch(self, after: Any | None, backwards: bool, limit: int) -> Sequence[Any]:
        """Rows after the cursor ``after`` (from the start when None) in the sort order, or before
        it going backwards (from the end when None), nearest first."""
        ...

    def fetch_at(self, offset: int, limit: int) -> Sequence[Any]: ...

    def cursor(self, row: Any) -> Any: ...

    def uuid(self, row: Any) -> str: ...

    def reload(self, uuid: str) -> Any | None:
        """The current version of one row, or None if it no longer belongs to the query."""
        ...


@dataclass(frozen=True)
class Column:
    """A column: header text, what to display, the native value for sorting, and the sort key name."""

    header: str
    display: Callable[[Any], str]
    sort_key: str | None = None
    align_right: bool = False


class PagedTableModel(QAbstractTableModel):
    """Rows of a :class:`PageSource`, loaded on demand a page at a time."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._source: PageSource | None = None
        self._total = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.queries = 0  # pages fetched: lets tests see that a view never loads everything

    # ----- query ------------------------------------------------------------------------------------
    def set_source(self, source: PageSource) -> None:
        self.beginResetModel()
        self._source = source
        self._pages.clear()
        self._total = source.count()
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def loaded_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    # ----- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.columns[section].header
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell too narrow to show it
            return column.display(row) or None
        if role == UUID_ROLE:
            assert self._source is not None
            return self._source.uuid(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ----- rows -------------------------------------------------------------------------------------
    def row_at(self, position: int) -> Any | None:
        if not 0 <= position < self._total:
            return None
        page_no, offset = divmod(position, PAGE)
        page = self._page(page_no)
        return page[offset] if offset < len(page) else None

    def uuid_at(self, position: int) -> str | None:
        row = self.row_at(position)
        return None if row is None or self._source is None else self._source.uuid(row)

    def position_of(self, uuid: str) -> int | None:
        """The row number of a loaded row with this uuid (None if it is not in a loaded page)."""
        assert self._source is not None
        for page_no, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if self._source.uuid(row) == uuid:
                    return page_no * PAGE + offset
        return None

    def refresh_row(self, uuid: str) -> bool:
        """Reload one row after an edit and tell the views about that row only."""
        position = self.position_of(uuid)
        if position is None or self._source is None:
            return False
        fresh = self._source.reload(uuid)
        if fresh is None:
            return False
        page_no, offset = divmod(position, PAGE)
        self._pages[page_no][offset] = fresh
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))
        return True

    def _page(self, page_no: int) -> list[Any]:
        if page_no in self._pages:
            self._pages.move_to_end(page_no)
            return self._pages[page_no]
        rows = self._load(page_no)
        self._pages[page_no] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _load(self, page_no: int) -> list[Any]:
        source = self._source
        assert source is not None
        self.queries += 1
        last_page = (self._total - 1) // PAGE
        size = min(PAGE, self._total - page_no * PAGE)
        before, after = self._pages.get(page_no - 1), self._pages.get(page_no + 1)
        if page_no == 0:
            return list(source.fetch(None, False, size))
        if before and len(before) == PAGE:
            return list(source.fetch(source.cursor(before[-1]), False, size))
        if after:
            return list(reversed(source.fetch(source.cursor(after[0]), True, size)))
        if page_no == last_page:
            return list(reversed(source.fetch(None, True, size)))
        return list(source.fetch_at(page_no * PAGE, size))
