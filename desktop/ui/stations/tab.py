"""The warm-station tab (暖心驿站): the generic registry tab (desktop/ui/common/list_tab) over the stations'
list, with the status, host-type and (district) office filters, and beside it a set of panels about the
selected station: the station form first, then what the integrator adds (add_panel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QToolButton, QWidget

from db.listing import ListFilter
from db.stations.fields import STATIONS
from desktop.ui.common.list_tab import FormListTab
from desktop.ui.context import AppContext
from desktop.ui.stations.filters import StationFilters
from desktop.ui.stations.form import StationForm
from desktop.ui.stations.inspections import StationInspections
from desktop.ui.stations.log_grid import StationLogGrid
from desktop.ui.stations.ratings import StationRatings
from desktop.ui.stations.table_model import StationTableModel
from desktop.ui.stations.year_view import YearTotalsDialog, all_stations_title


class StationsTab(FormListTab):
    """暖心驿站: the stations' list, searched and filtered, with panels about the selected station beside it.

    A panel added by :meth:`add_panel` has ``show_station(uuid: str | None) -> None`` (None: no station, or a
    new one being typed) and a signal ``changed = Signal(str)`` sent with a station's uuid after it wrote."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        form = StationForm(context)
        self.panels = QTabWidget()
        self.panels.setObjectName("station_panels")
        self.panels.addTab(form, QCoreApplication.translate("StationsTab", "驿站信息"))
        super().__init__(context, STATIONS, StationTableModel(context), self.panels, parent,
                         title=QCoreApplication.translate("StationsTab", "暖心驿站"))
        self.form: StationForm = form
        self.model: StationTableModel
        self._added: list[Any] = []
        self._shown_in: dict[int, str | None] = {}  # panel id → the station it shows (read when it is seen)
        self._station: str | None = None
        self.table.setObjectName("station_table")
        self.search.setObjectName("station_search")
        self.filters = StationFilters(self)
        self.year_totals_button = QToolButton()
        self.year_totals_button.setObjectName("all_year_totals")
        self.year_totals_button.setText(all_stations_title())
        self.year_totals_button.setToolTip(self.tr("全部驿站各月、各类服务人次的年度合计"))
        self.year_totals_button.clicked.connect(self.open_year_totals)
        self.filter_bar.addWidget(self.year_totals_button)
        self.totals_dialog: YearTotalsDialog | None = None
        self.form.saved.connect(self._saved)
        self.log_grid = StationLogGrid(context)
        self.inspections = StationInspections(context)
        self.ratings = StationRatings(context)
        self.add_panel(QCoreApplication.translate("StationsTab", "台账"), self.log_grid)
        self.add_panel(QCoreApplication.translate("StationsTab", "检查"), self.inspections)
        self.add_panel(QCoreApplication.translate("StationsTab", "评星"), self.ratings)
        self.panels.currentChanged.connect(lambda _index: self._show_panels(self._station))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.form.escape)  # asks before it throws work away

    def add_panel(self, title: str, widget: QWidget) -> None:
        """Another page about the selected station beside the form (its log, its inspections …)."""
        self.panels.addTab(widget, title)
        self._added.append(widget)
        widget.changed.connect(self._panel_changed)  # type: ignore[attr-defined]
        self._shown_in[id(widget)] = None
        widget.show_station(None)  # type: ignore[attr-defined]
        self._show_panels(self.form.current_uuid())

    def open_year_totals(self) -> None:
        """The year view of all stations (a district: of every office)."""
        self.totals_dialog = YearTotalsDialog(self.context, None, self)
        self.totals_dialog.open()

    def _show_panels(self, uuid: str | None, stale: bool = False) -> None:
        """The panels follow station ``uuid``; only the one in sight reads it now, the others when they are
        brought into sight (arrowing down the list reads one panel, not all). ``stale``: read again."""
        self._station = uuid
        if stale:
            self._shown_in = dict.fromkeys(self._shown_in, "")
        for panel in self._added:
            if panel is self.panels.currentWidget() and self._shown_in[id(panel)] != uuid:
                self._shown_in[id(panel)] = uuid
                panel.show_station(uuid)  # type: ignore[attr-defined]

    # ----- the list shown ------------------------------------------------------------------------------------
    def current_filter(self) -> ListFilter:
        return self.filters.current()

    # ----- selection and form ---------------------------------------------------------------------
    def record_selected(self, uuid: str) -> None:
        if uuid != self.form.current_uuid() and self.form.confirm_discard():
            self.form.load(uuid)
            self._show_panels(self.form.current_uuid())

    def open_record(self, uuid: str) -> None:
        if uuid != self.form.current_uuid():
            if not self.form.confirm_discard():
                return
            self.form.load(uuid)
            self._show_panels(self.form.current_uuid())
        self.panels.setCurrentWidget(self.form)
        self.form.setFocus()
        self.form.focusNextChild()

    def _refresh(self, uuid: str) -> None:
        if not self.model.refresh_row(uuid):
            self.model.set_view(self.current_filter(), self.model.sort_order)
            self.show_row(uuid)
        self._emit_counts(recount=True)

    @Slot(str)
    def _saved(self, uuid: str) -> None:
        self._refresh(uuid)
        self._show_panels(self.form.current_uuid(), stale=True)
        description = self.form.last_change_description()
        if description:
            self.status_message.emit(description)

    @Slot(str)
    def _panel_changed(self, uuid: str) -> None:
        """A panel wrote about a station: its row and counts again, and the form unless it holds typed work."""
        self._refresh(uuid)
        if uuid == self.form.current_uuid() and not self.form.is_dirty():
            self.form.load(uuid)
        self._show_panels(self._station, stale=True)  # an inspection's proposal shows on 评星, stars on 检查
        self._shown_in[id(self.sender())] = self._station  # the panel that wrote shows it already

    # ----- RegistryTab ------------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.form.confirm_discard():
            self.table.clearSelection()
            self.panels.setCurrentWidget(self.form)
            self.form.new()
            self._show_panels(None)

    def screenshot_states(self) -> list[tuple[str, object]]:
        def with_record(panel: QWidget) -> Callable[[], None]:
            def enter() -> None:
                self.table.selectRow(0)
                self.panels.setCurrentWidget(panel)
            return enter

        return [("-form", with_record(self.form)), ("-log", with_record(self.log_grid)),
                ("-inspections", with_record(self.inspections)), ("-ratings", with_record(self.ratings))]
