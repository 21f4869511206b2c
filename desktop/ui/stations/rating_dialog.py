"""The dialog of a yearly star assessment (评星): year, stars, reason and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from db.stations.fields import RATING_TABLE
from desktop.ui.common.field_editors import align_captions
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import star_text


@dataclass(frozen=True)
class Assessment:
    """What the clerk entered for a star assessment (the use case checks it)."""

    year: int
    stars: int | str  # "" when none was chosen: the use case names the field
    reason: str
    assessed_on: str


class RatingDialog(FieldDialog):
    """Asks for the year (this year), the stars 1–5 (the station's as they are, if rated), the reason
    (required) and the date (today) of a station's star assessment; OK runs ``submit`` with them."""

    def __init__(self, station: Mapping[str, Any], submit: Callable[[Assessment], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("评星：{name}").format(name=station["name"]), parent)
        self._submit_assessment = submit
        today = dt.date.today()
        self.year_spin = QSpinBox()
        year = RATING_TABLE.field("year")
        self.year_spin.setRange(int(year.low or 2000), today.year)  # a year to come is not assessed yet
        self.year_spin.setValue(today.year)
        self.stars_combo = QComboBox()
        self.stars_combo.addItem(self.tr("（请选择）"), None)
        for stars in range(1, 6):
            self.stars_combo.addItem(self.tr("{stars}星  {drawn}").format(stars=stars, drawn=star_text(stars)), stars)
        if station.get("stars"):
            self.stars_combo.setCurrentIndex(self.stars_combo.findData(station["stars"]))
        names = ("year", "stars", "reason", "assessed_on")
        box = self.group(str(QT_TRANSLATE_NOOP("RegistryFields", "评星")), [RATING_TABLE.field(n) for n in names],
                         extra={"year": self.year_spin, "stars": self.stars_combo})
        self.columns.addWidget(box)
        reason = next(c for c in self.captions if c.buddy() is self.fields["reason"].editor)
        reason.setText(reason.text() + "*")  # not declared required (a proposal's is written), but here it is
        align_captions(self.captions)
        self.fields["assessed_on"].set_value(today)
        self.setMinimumWidth(460)

    def run(self) -> None:
        self._submit_assessment(Assessment(self.year_spin.value(), self.stars_combo.currentData() or "",
                                           self.text("reason"), self.text("assessed_on")))
