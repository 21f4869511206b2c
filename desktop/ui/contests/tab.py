"""The skill-contest tab (技能竞赛): the generic registry list of contests (common/list_tab) with search and the
year, level, status and (district) office filters, and beside it a set of panels about the selected contest:
the contest form first, then what others add (add_panel: entrants, the score grid …)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from db import offices, reference
from db.contests.fields import CONTESTS
from db.contests.reads import contest_years
from db.contests.tabular import year_flag
from db.listing import ListFilter
from desktop.ui.common.panel_tab import PanelTab
from desktop.ui.common.table_model import SpecTableModel
from desktop.ui.contests.entrants import ContestEntrants
from desktop.ui.contests.form import ContestForm
from desktop.ui.contests.results_page import ContestResults
from desktop.ui.contests.score_grid import ContestScoreGrid
from desktop.ui.context import AppContext


class ContestsTab(PanelTab):
    """技能竞赛: the contests' list, searched and filtered, with the contest form and the pages about the
    selected contest beside it (:meth:`add_panel`: entrants, the score grid …; their method is
    ``show_contest``)."""

    show_method = "show_contest"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        names = offices.office_names(context.store) if context.is_district else None
        super().__init__(context, CONTESTS, SpecTableModel(context, CONTESTS, names), ContestForm(context),
                         QCoreApplication.translate("ContestsTab", "竞赛信息"), parent,
                         title=QCoreApplication.translate("ContestsTab", "技能竞赛"))
        self.form: ContestForm
        self.model: SpecTableModel
        self.search.setPlaceholderText(self.tr("查找：竞赛名称、工种、地点"))
        self.search.setToolTip(self.search.placeholderText())
        self.year_filter = self.add_filter("contest_year_filter", self.tr("全部年度"), [])
        self._fill_years()
        levels = [(level, level) for level in reference.values("contest_level")]
        self.level_filter = self.add_filter("contest_level_filter", self.tr("全部级别"), levels)
        statuses = list(reference.labels("contest_status").items())
        self.status_filter = self.add_filter("contest_status_filter", self.tr("全部状态"), statuses)
        self.office_filter: QComboBox | None = None
        if names is not None:
            self.office_filter = self.add_filter("office_filter", self.tr("全部街道"), sorted(names.items()))
        self.entrants = ContestEntrants(context)
        self.add_panel(QCoreApplication.translate("ContestsTab", "参赛选手"), self.entrants)
        self.scores = ContestScoreGrid(context)
        self.add_panel(QCoreApplication.translate("ContestsTab", "成绩录入"), self.scores)
        self.results = ContestResults(context)
        self.add_panel(QCoreApplication.translate("ContestsTab", "成绩与奖项"), self.results)
        # the pages are where a contest is worked (a score grid of 5 judges, certificate numbers): they get the
        # larger share; the list still shows each contest's name, trade and level
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([470, 880])

    # ----- the list shown ------------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        """The years contests start in, newest first (again after a save: a new year may have come)."""
        chosen = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        while self.year_filter.count() > 1:
            self.year_filter.removeItem(1)
        for year in contest_years(self.context.store):
            self.year_filter.addItem(self.tr("{0}年").format(year), year)
        if chosen is not None:
            if self.year_filter.findData(chosen) < 0:
                self.year_filter.addItem(self.tr("{0}年").format(chosen), chosen)
            self.year_filter.setCurrentIndex(self.year_filter.findData(chosen))
        self.year_filter.blockSignals(False)

    def current_filter(self) -> ListFilter:
        equals = tuple((attr, combo.currentData()) for attr, combo in
                       (("level", self.level_filter), ("status", self.status_filter))
                       if combo.currentData() is not None)
        year = self.year_filter.currentData()
        office = self.office_filter.currentData() if self.office_filter is not None else None
        return ListFilter(text=self.search.text(), equals=equals, office_code=office,
                          flags=(year_flag(year),) if year is not None else ())

    def before_refresh(self) -> None:
        self._fill_years()  # a saved contest may start in a year not listed yet

    # ----- RegistryTab ------------------------------------------------------------------------------
    def records_changed(self) -> None:
        self._fill_years()  # an import or sync may bring contests of another year
        super().records_changed()

    def screenshot_states(self) -> list[tuple[str, object]]:
        return self.panel_states(("-form", self.form), ("-entrants", self.entrants),
                                 ("-scores", self.scores), ("-results", self.results))
