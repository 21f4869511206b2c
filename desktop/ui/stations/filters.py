"""The station list's filters (暖心驿站): 状态, 建设单位类型, 星级 (1–5 ★ or 未评星), 六有 complete or not, 需关注,
and in district mode 街道 — combos on a registry tab's filter bar that together make the list's
:class:`db.listing.ListFilter`. The tab writes ``self.filters = StationFilters(self)`` and
``current_filter()`` returns ``self.filters.current()``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox

from db import offices, reference
from db.listing import ListFilter
from db.stations.tabular import NEEDS_ATTENTION, SIX_COMPLETE, SIX_INCOMPLETE, UNRATED
from desktop.ui.common.list_tab import ListTab


@dataclass(frozen=True)
class Choice:
    """What one item of a filter combo adds to the list's filter: equalities and named filters."""

    equals: tuple[tuple[str, Any], ...] = ()
    flags: tuple[str, ...] = ()


class StationFilters(QObject):
    """The station filters on ``tab``'s filter bar (after its search box); changing one reads the list again
    (ListTab.add_filter). Also gives the search box its hint."""

    def __init__(self, tab: ListTab) -> None:
        super().__init__(tab)
        self.tab = tab
        tab.search.setPlaceholderText(self.tr("查找：编号、名称、地址、建设单位、负责人、名称拼音首字母（如 cym）"))
        tab.search.setToolTip(tab.search.placeholderText())  # the whole hint, when the bar is too narrow for it
        statuses = [(Choice(equals=(("status", code),)), text)
                    for code, text in reference.labels("station_status").items()]
        self.status = tab.add_filter("station_status_filter", self.tr("全部状态"), statuses)
        hosts = [(Choice(equals=(("host_type", kind),)), kind) for kind in reference.values("station_host_type")]
        self.host_type = tab.add_filter("station_host_filter", self.tr("全部建设单位类型"), hosts)
        stars = [(Choice(equals=(("stars", n),)), self.tr("{0}（{1}星）").format("★" * n, n)) for n in range(5, 0, -1)]
        stars.append((Choice(flags=(UNRATED,)), self.tr("未评星")))
        self.stars = tab.add_filter("station_stars_filter", self.tr("全部星级"), stars)
        self.six = tab.add_filter("station_six_filter", self.tr("六有：全部"), [
            (Choice(flags=(SIX_COMPLETE,)), self.tr("六有齐全")),
            (Choice(flags=(SIX_INCOMPLETE,)), self.tr("六有不齐全"))])
        self.attention = tab.add_filter("station_attention_filter", self.tr("需关注：全部"), [
            (Choice(flags=(NEEDS_ATTENTION,)), self.tr("仅需关注的"))])
        self.attention.setToolTip(self.tr("超过12个月未检查、上月台账未录入、药品过期或30天内到期、整改逾期未完成"))
        self.office: QComboBox | None = None
        if tab.context.is_district:
            names = offices.office_names(tab.context.store)
            self.office = tab.add_filter("office_filter", self.tr("全部街道"), sorted(names.items()))
        self._keep_sort_indicator_off_the_mark_column()

    def combos(self) -> list[QComboBox]:
        """The filter combos, in the bar's order."""
        found = [self.status, self.host_type, self.stars, self.six, self.attention]
        return found + ([self.office] if self.office is not None else [])

    def current(self) -> ListFilter:
        """The list's filter: the search box's text and every combo's choice."""
        equals: list[tuple[str, Any]] = []
        flags: list[str] = []
        for combo in (self.status, self.host_type, self.stars, self.six, self.attention):
            choice = combo.currentData()
            if isinstance(choice, Choice):
                equals += choice.equals
                flags += choice.flags
        office = self.office.currentData() if self.office is not None else None
        return ListFilter(text=self.tab.search.text(), equals=tuple(equals), office_code=office, flags=tuple(flags))

    def clear(self) -> None:
        """Every combo back to 全部 (the list is read again once)."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.tab.apply_filters()

    def _keep_sort_indicator_off_the_mark_column(self) -> None:
        """The list starts ordered by its first declared column (编号), which follows the ⚠ column: the
        header's arrow says so (without reading the list now: it is read when the tab is shown)."""
        model_columns = getattr(self.tab.model, "columns", [])
        first = next((i for i, c in enumerate(model_columns) if c.sort_key), 0)
        header = self.tab.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(first, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)


__all__ = ["Choice", "StationFilters"]
