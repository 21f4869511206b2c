"""The skill-contest tab (技能竞赛): the generic registry list of contests (common/list_tab) with search and the
year, level, status and (district) office filters, and beside it a set of panels about the selected contest:
the contest form first, then what others add (add_panel: entrants, the score grid …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QTabWidget, QWidget

from db import offices, reference
from db.contests.fields import CONTESTS
from db.contests.reads import contest_years
from db.contests.tabular import year_flag
from db.listing import ListFilter
from desktop.ui.common.list_tab import FormListTab
from desktop.ui.common.table_model import SpecTableModel
from desktop.ui.contests.form import ContestForm
from desktop.ui.context import AppContext


class ContestsTab(FormListTab):
    """技能竞赛: the contests' list, searched and filtered, with panels about the selected contest beside it.

    A panel added by :meth:`add_panel` has ``show_contest(uuid: str | None) -> None`` (None: no contest, or a
    new one being typed) and a signal ``changed = Signal(str)`` sent with a contest's uuid after it wrote."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        form = ContestForm(context)
        self.panels = QTabWidget()
        self.panels.setObjectName("contest_panels")
        self.panels.addTab(form, QCoreApplication.translate("ContestsTab", "竞赛信息"))
        names = offices.office_names(context.store) if context.is_district else None
        super().__init__(context, CONTESTS, SpecTableModel(context, CONTESTS, names), self.panels, parent,
                         title=QCoreApplication.translate("ContestsTab", "技能竞赛"))
        self.form: ContestForm = form
        self.model: SpecTableModel
        self._added: list[Any] = []
        self._shown_in: dict[int, str | None] = {}  # panel id → the contest it shows (read when it is seen)
        self._contest: str | None = None
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
        self.form.saved.connect(self._saved)
        self.panels.currentChanged.connect(lambda _index: self._show_panels(self._contest))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.form.escape)  # asks before it throws work away

    def add_panel(self, title: str, widget: QWidget) -> None:
        """Another page about the selected contest beside the form (its entrants, its score grid …)."""
        self.panels.addTab(widget, title)
        self._added.append(widget)
        widget.changed.connect(self._panel_changed)  # type: ignore[attr-defined]
        self._shown_in[id(widget)] = None
        widget.show_contest(None)  # type: ignore[attr-defined]
        self._show_panels(self.form.current_uuid())

    def _show_panels(self, uuid: str | None, stale: bool = False) -> None:
        """The panels follow contest ``uuid``; only the one in sight reads it now, the others when they are
        brought into sight. ``stale``: read again."""
        self._contest = uuid
        if stale:
            self._shown_in = dict.fromkeys(self._shown_in, "")
        for panel in self._added:
            if panel is self.panels.currentWidget() and self._shown_in[id(panel)] != uuid:
                self._shown_in[id(panel)] = uuid
                panel.show_contest(uuid)  # type: ignore[attr-defined]

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
        self._fill_years()
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
        """A panel wrote about a contest: its row and counts again, and the form unless it holds typed work."""
        self._refresh(uuid)
        if uuid == self.form.current_uuid() and not self.form.is_dirty():
            self.form.load(uuid)
        self._show_panels(self._contest, stale=True)
        self._shown_in[id(self.sender())] = self._contest  # the panel that wrote shows it already

    # ----- RegistryTab ------------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.form.confirm_discard():
            self.table.clearSelection()
            self.panels.setCurrentWidget(self.form)
            self.form.new()
            self._show_panels(None)

    def records_changed(self) -> None:
        self._fill_years()  # an import or sync may bring contests of another year
        super().records_changed()

    def screenshot_states(self) -> list[tuple[str, object]]:
        def with_record(panel: QWidget) -> Callable[[], None]:
            def enter() -> None:
                self.table.selectRow(0)
                self.panels.setCurrentWidget(panel)
            return enter

        return [("-form", with_record(self.form))]
