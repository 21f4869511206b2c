"""The member tab (会员): search and filters over a paged table, and the member form beside it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
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

from db import reference
from db.members.listing import NEW_FORMS, MemberFilter
from desktop.ui.context import AppContext
from desktop.ui.members.form import MemberForm
from desktop.ui.members.table_model import MemberTableModel
from desktop.ui.registry_tab import RegistryTab

SEARCH_DELAY_MS = 120  # typing several characters fast runs one query, not one per key


class MembersTab(RegistryTab):
    """会员: find members as you type, filter, sort by header, edit in the form beside the table."""

    registry = "members"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("会员")
        self.model = MemberTableModel(context, self)
        self.form = MemberForm(context, self)
        self._build_filters()
        self.table = QTableView()
        self.table.setObjectName("member_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows for printing forms and cards; the form shows the row clicked last
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._open_row)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_query)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.form.saved.connect(self._saved)
        self.form.open_member_requested.connect(self.show_member)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.form.escape)  # asks before it throws work away
        self._registry_total = 0
        self._size_columns()  # the first query runs when the window shows the tab (refresh)

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找：姓名、拼音首字母（如 zs）、身份证号或后4/6位、手机号、会员编号"))
        self.status_filter = self._combo("status_filter", self.tr("全部状态"),
                                         list(reference.labels("member_status").items()))
        forms = [(NEW_FORMS, self.tr("新就业形态（全部）"))] + [(f, f) for f in reference.values("employment_form")]
        self.form_filter = self._combo("form_filter", self.tr("全部就业形态"), forms)
        self.union_filter = self._combo("union_filter", self.tr("全部基层工会"),
                                        [(u, u) for u in self.model.base_unions()])
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for combo in (self.status_filter, self.form_filter, self.union_filter):
            bar.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.run_query)
        self.office_filter: QComboBox | None = None
        if self.context.is_district:
            self.office_filter = self._combo("office_filter", self.tr("全部街道"), self.model.offices())
            bar.addWidget(self.office_filter, 1)
            self.office_filter.currentIndexChanged.connect(self.run_query)
        self.filter_bar = bar

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate(self.model.column_widths()):
            header.resizeSection(column, width)

    # ----- query ------------------------------------------------------------------------------------
    def current_filter(self) -> MemberFilter:
        office = self.office_filter.currentData() if self.office_filter is not None else None
        return MemberFilter(text=self.search.text(), status=self.status_filter.currentData(),
                            employment_form=self.form_filter.currentData(),
                            base_union=self.union_filter.currentData(), office_code=office)

    @Slot()
    def run_query(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_filter(), self.model.sort_order)
        self._emit_counts()

    def _emit_counts(self, recount: bool = False) -> None:
        if recount or not self._registry_total:
            self._registry_total = self.model.count_all()
        self.counts_changed.emit(self.model.total(), self._registry_total)

    # ----- selection and form ---------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        uuid = self.model.uuid_at(indexes[0].row())
        if uuid and uuid != self.form.current_uuid():
            if not self.form.confirm_discard():
                return
            self.form.load(uuid)

    def selected_uuids(self) -> list[str]:
        """The uuids of the selected rows, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [uuid for uuid in map(self.model.uuid_at, rows) if uuid]

    @Slot(QModelIndex)
    def _open_row(self, index: QModelIndex) -> None:
        uuid = self.model.uuid_at(index.row())
        if uuid:
            if uuid != self.form.current_uuid():
                if not self.form.confirm_discard():
                    return
                self.form.load(uuid)
            self.form.setFocus()
            self.form.focusNextChild()

    @Slot(str)
    def show_member(self, uuid: str) -> None:
        """Open a member in the form (e.g. the existing holder of a duplicate ID number)."""
        if self.form.confirm_discard():
            self.form.load(uuid)
            self._select(uuid)

    def _select(self, uuid: str) -> None:
        position = self.model.position_of(uuid)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

    @Slot(str)
    def _saved(self, uuid: str) -> None:
        if not self.model.refresh_row(uuid):
            self.model.set_query(self.current_filter(), self.model.sort_order)
            self._select(uuid)
        self._emit_counts(recount=True)
        description = self.form.last_change_description()
        if description:
            self.status_message.emit(description)

    # ----- RegistryTab ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        if self.form.confirm_discard():
            self.table.clearSelection()
            self.form.new()

    def save(self) -> None:
        self.form.save()

    def delete_selected(self) -> None:
        if self.form.current_uuid():
            self.form.delete()

    def undo(self) -> None:
        self.form.undo_last()

    def refresh(self) -> None:
        self.run_query()

    def records_changed(self) -> None:
        self._registry_total = 0
        self.run_query()

    def add_tab_actions(self, actions: list[QAction]) -> None:
        """导入, 导出 and 打印 beside the filters; export and print take the filters the list shows."""
        for action in actions:
            button = QToolButton()
            button.setObjectName(f"tab_{action.objectName()}")
            button.setDefaultAction(action)
            if action.menu() is not None:
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.filter_bar.addWidget(button)

    def can_close(self) -> bool:
        return self.form.confirm_discard()

    def screenshot_states(self) -> list[tuple[str, object]]:
        def with_record() -> None:
            self.table.selectRow(0)

        def searching() -> None:
            self.search.setText("zs")
            self.run_query()
            self.table.selectRow(0)

        return [("-form", with_record), ("-search", searching)]
