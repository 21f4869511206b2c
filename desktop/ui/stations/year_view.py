"""The year view of the service logs (年度汇总): visits of one station, or of all stations, by month and group,
with the totals of each month and of the year (:func:`db.stations.logs.year_totals`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import UnionDeskError
from db.stations import logs, reads
from db.stations.fields import LOG_TABLE
from db.stations.logs import VISIT_GROUPS
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label

FIRST_YEAR = 2000
COLUMNS = (*VISIT_GROUPS, "visits_total")  # the groups, then each month's total


def step_button(arrow: str, tip: str) -> QToolButton:
    """A small arrow button beside a year selector (previous or next year)."""
    button = QToolButton()
    button.setText(arrow)
    button.setToolTip(tip)
    return button


class YearTotalsDialog(QDialog):
    """Visits by month (rows 1月…12月, then the year) and group (columns, then 合计) of one station or, with
    no station, of every station in the database (a district's: all its offices)."""

    def __init__(self, context: AppContext, station_uuid: str | None, parent: QWidget | None = None,
                 year: int | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._station = station_uuid
        self._name = self.tr("全部驿站")
        if station_uuid is not None:
            try:
                self._name = reads.station_card(context.store, station_uuid)["name"]
            except UnionDeskError:
                self._name = self.tr("（已删除的驿站）")
        self.setWindowTitle(self.tr("年度汇总 — {0}").format(self._name))

        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, dt.date.today().year)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(min(year or dt.date.today().year, dt.date.today().year))
        previous_year = step_button("◀", self.tr("上一年"))
        next_year = step_button("▶", self.tr("下一年"))
        previous_year.clicked.connect(lambda: self.year.stepBy(-1))
        next_year.clicked.connect(lambda: self.year.stepBy(1))
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        bar = QHBoxLayout()
        for widget in (previous_year, self.year, next_year):
            bar.addWidget(widget)
        bar.addWidget(self.heading, 1)

        self.table = QTableWidget(13, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        groups = [QCoreApplication.translate("RegistryFields", LOG_TABLE.field(a).label) for a in VISIT_GROUPS]
        self.table.setHorizontalHeaderLabels([*groups, self.tr("合计")])
        self.table.setVerticalHeaderLabels([self.tr("{0}月").format(m) for m in range(1, 13)] + [self.tr("全年")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(
            self.table.fontMetrics().horizontalAdvance("外卖送餐员") + 16)
        self.error = error_label(hidden=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))  # ours, as every dialog's
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 500)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Read the totals of the year selected and fill the table."""
        year = self.year.value()
        self.heading.setText(self.tr("{0} {1}年服务人次").format(self._name, year))
        try:
            totals = logs.year_totals(self._context.store, year, self._station)
        except UnionDeskError as error:
            self.error.setText(describe(error))
            self.error.show()
            return
        self.error.hide()
        for month in range(1, 13):
            for column, attr in enumerate(COLUMNS):
                self._put(month - 1, column, totals[month][attr])
        for column, attr in enumerate(COLUMNS):
            self._put(12, column, sum(totals[m][attr] for m in range(1, 13)), bold=True)

    def _put(self, row: int, column: int, value: int, *, bold: bool = False) -> None:
        item = QTableWidgetItem(f"{value:,}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold or column == len(COLUMNS) - 1:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)


def all_stations_title() -> str:
    """The name of the tab action that opens the year view of every station."""
    return QCoreApplication.translate("YearTotalsDialog", "全部驿站年度汇总")
