"""A registry tab (design §8): a search box and filters over a paged table of the registry's declared list,
with a form beside it when the registry has one. Each registry's tab is an instance of :class:`ListTab` plus
only what is its own; :class:`SpecListTab` is the whole tab of a registry that adds nothing yet — search,
filters by its declared value lists, sort by header, district office filter, import, export and print from
the window's actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import offices, reference
from db.listing import ListFilter
from db.registry import RegistrySpec
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.common.table_model import SpecTableModel
from desktop.ui.context import AppContext
from desktop.ui.paged_model import PagedTableModel
from desktop.ui.registry_tab import RegistryTab

SEARCH_DELAY_MS = 120  # typing several characters fast reads the list once, not once per key


class ListTab(RegistryTab):
    """The shape every registry tab shares: filter bar (search box, filter combos, the tab's actions), table,
    and an optional form panel beside it. Subclasses say what the filter is (:meth:`current_filter`) and what
    a row opens (:meth:`open_record`)."""

    def __init__(self, context: AppContext, spec: RegistrySpec, model: PagedTableModel,
                 form: QWidget | None = None, parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.context, self.spec, self.model, self.form = context, spec, model, form
        self.registry = spec.name
        self.title = title or QCoreApplication.translate(CONTEXT, spec.tab or spec.label)
        self._registry_total = 0
        self.filter_bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName(f"{spec.name}_search".replace("-", "_"))
        self.search.setClearButtonEnabled(True)
        self.filter_bar.addWidget(self.search, 3)
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        if form is not None:
            self.splitter = QSplitter()
            self.splitter.addWidget(self.table)
            self.splitter.addWidget(form)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.splitter.setSizes([600, 400])  # the list gets the larger share, whatever the form's size hint
            layout.addWidget(self.splitter)
        else:
            layout.addWidget(self.table)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._size_columns()  # the list is first read when the window shows the tab (refresh)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName(f"{self.spec.name}_table".replace("-", "_"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows for printing forms and cards; a form shows the row clicked last
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(24)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setStretchLastSection(False)  # a narrow last column stays narrow
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.activated.connect(self._activated)
        return table

    def add_filter(self, name: str, everything: str, items: Sequence[tuple[Any, str]]) -> QComboBox:
        """A filter combo on the bar (``everything`` first, meaning no filter); changing it reads the list again."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        self.filter_bar.addWidget(combo, 1)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths = getattr(self.model, "column_widths", None)
        for column, width in enumerate(widths() if widths else []):
            header.resizeSection(column, width)

    # ----- the list shown ------------------------------------------------------------------------------------
    def current_filter(self) -> Any:
        """What the list shows now (the registry's own filter type)."""
        raise NotImplementedError

    @Slot()
    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_view(self.current_filter(), self.model.sort_order)  # type: ignore[attr-defined]
        self._emit_counts()

    def _emit_counts(self, recount: bool = False) -> None:
        if recount or not self._registry_total:
            self._registry_total = self.model.count_all()  # type: ignore[attr-defined]
        self.counts_changed.emit(self.model.total(), self._registry_total)

    # ----- selection ----------------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            uuid = self.model.uuid_at(indexes[0].row())
            if uuid:
                self.record_selected(uuid)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        uuid = self.model.uuid_at(index.row())
        if uuid:
            self.open_record(uuid)

    def record_selected(self, uuid: str) -> None:
        """A row was selected (the form follows the selection)."""

    def open_record(self, uuid: str) -> None:
        """Enter or a double click on a row."""

    def selected_uuids(self) -> list[str]:
        """The uuids of the selected rows, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [uuid for uuid in map(self.model.uuid_at, rows) if uuid]

    def show_row(self, uuid: str) -> None:
        position = self.model.position_of(uuid)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

    # ----- RegistryTab ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self.apply_filters()

    def records_changed(self) -> None:
        self._registry_total = 0
        self.apply_filters()

    def export_view(self) -> tuple[Any, Any, int] | None:
        return self.current_filter(), self.model.sort_order, self.model.total()  # type: ignore[attr-defined]

    def action_row(self) -> QHBoxLayout:
        """A second row under the filter bar for the tab's own actions (a tab with more than one line holds
        at 1366 px, in English too), left-aligned."""
        row = QHBoxLayout()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)
        return row

    def add_tab_actions(self, actions: list[QAction]) -> None:
        """导入, 导出 and 打印 beside the filters; export and print take the filters the list shows."""
        for action in actions:
            button = QToolButton()
            button.setObjectName(f"tab_{action.objectName()}")
            button.setDefaultAction(action)
            if action.menu() is not None:
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                button.setMinimumWidth(button.sizeHint().width() + 12)  # room for the menu's arrow
            self.filter_bar.addWidget(button)


class FormListTab(ListTab):
    """A registry tab whose rows open in a record form beside the list (``form``: a :class:`RecordFlow` widget):
    the window's 保存, 删除, 撤销上次保存 and closing go to the form, which asks before it throws typed work away."""

    form: Any

    def save(self) -> None:
        self.form.save()

    def delete_selected(self) -> None:
        if self.form.current_uuid():
            self.form.delete()

    def undo(self) -> None:
        self.form.undo_last()

    def can_close(self) -> bool:
        return bool(self.form.confirm_discard())


class SpecListTab(ListTab):
    """The tab of a registry that adds nothing of its own yet: its declared list, searched and filtered.

    Records are added and changed by Excel import and sync until the registry gets its form; 新增, 保存,
    删除 and 撤销 are disabled by the main window, saying so (:attr:`RegistryTab.no_form_reason`).
    """

    def __init__(self, context: AppContext, spec: RegistrySpec, parent: QWidget | None = None) -> None:
        names = offices.office_names(context.store) if context.is_district else None
        super().__init__(context, spec, SpecTableModel(context, spec, names), None, parent)
        self.no_form_reason = self.tr("{0}的录入表单尚未提供：请用“导入Excel”或同步批次录入").format(self.title)
        # every declared search field: a looked-up one (a file's member) is searched through the registry's hooks
        self.search.setPlaceholderText(self.tr("查找：{0}").format("、".join(spec.field(a).label for a in spec.search)))
        self.value_filters: list[tuple[str, QComboBox]] = []
        for listed in spec.list_columns:
            field = spec.field(listed.attr)
            if field.kind in ("coded", "choice") and field.choices and not field.sensitive:
                items = (list(reference.labels(field.choices).items()) if field.kind == "coded"
                         else [(v, v) for v in reference.values(field.choices)])
                label = self.tr("全部{0}").format(_translated(field.label))
                self.value_filters.append((field.attr, self.add_filter(f"{field.attr}_filter", label, items)))
        self.office_filter: QComboBox | None = None
        if names is not None:
            self.office_filter = self.add_filter("office_filter", self.tr("全部街道"), sorted(names.items()))

    def current_filter(self) -> ListFilter:
        equals = tuple((attr, combo.currentData()) for attr, combo in self.value_filters
                       if combo.currentData() is not None)
        office = self.office_filter.currentData() if self.office_filter is not None else None
        return ListFilter(text=self.search.text(), equals=equals, office_code=office)


def _translated(label: str) -> str:
    return QCoreApplication.translate(CONTEXT, label)
