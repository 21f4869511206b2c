"""The warm-station tab (暖心驿站): the shared tab with pages beside the list (desktop/ui/common/panel_tab) over
the stations' list and its filters, the station form and its 台账, 检查 and 评星 pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolButton, QWidget

from db.listing import ListFilter
from db.stations.fields import STATIONS
from desktop.ui.common.panel_tab import PanelTab
from desktop.ui.context import AppContext
from desktop.ui.stations.filters import StationFilters
from desktop.ui.stations.form import StationForm
from desktop.ui.stations.inspections import StationInspections
from desktop.ui.stations.log_grid import StationLogGrid
from desktop.ui.stations.ratings import StationRatings
from desktop.ui.stations.table_model import StationTableModel
from desktop.ui.stations.year_view import YearTotalsDialog, all_stations_title


class StationsTab(PanelTab):
    """暖心驿站: the stations' list, searched and filtered (:class:`StationFilters`: ⚠ marks, stars, 六有, 需关注),
    with the station form and its 台账, 检查 and 评星 pages beside it, and the year view of all stations."""

    show_method = "show_station"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, STATIONS, StationTableModel(context), StationForm(context),
                         QCoreApplication.translate("StationsTab", "驿站信息"), parent,
                         title=QCoreApplication.translate("StationsTab", "暖心驿站"))
        self.form: StationForm
        self.model: StationTableModel
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
        self.log_grid = StationLogGrid(context)
        self.inspections = StationInspections(context)
        self.ratings = StationRatings(context)
        self.add_panel(QCoreApplication.translate("StationsTab", "台账"), self.log_grid)
        self.add_panel(QCoreApplication.translate("StationsTab", "检查"), self.inspections)
        self.add_panel(QCoreApplication.translate("StationsTab", "评星"), self.ratings)

    def open_year_totals(self) -> None:
        """The year view of all stations (a district: of every office)."""
        self.totals_dialog = YearTotalsDialog(self.context, None, self)
        self.totals_dialog.open()

    def current_filter(self) -> ListFilter:
        return self.filters.current()

    def screenshot_states(self) -> list[tuple[str, object]]:
        return self.panel_states(("-form", self.form), ("-log", self.log_grid), ("-inspections", self.inspections),
                                 ("-ratings", self.ratings))
