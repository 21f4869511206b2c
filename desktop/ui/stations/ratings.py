"""A station's stars (评星) as a page of the station tab: the stars it holds, its assessments newest first
with the mark-downs that inspections proposed, and the buttons that assess (评星…) and confirm or dismiss a
proposal (确认降星 / 驳回)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.auth import Actor
from db.models import StationRating
from db.stations import cases, inspections
from db.store import Store
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.stations.pages import ALERT, PageHooks, allow, fill_table, make_table, selected_row, star_text, why_not
from desktop.ui.stations.rating_dialog import Assessment, RatingDialog

Decision = Callable[[Store, Actor, str], StationRating]  # inspections.confirm_rating or inspections.dismiss_rating


class StationRatings(QWidget):
    """The stars of one station and its assessments (newest first), and what a clerk does with them.

    Signals:
        changed(str): the uuid of the station after a rating was assessed, confirmed or dismissed (its stars
            in the list and the form should be read again).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.hooks = PageHooks(self)
        self.station: dict[str, Any] | None = None
        self.ratings: list[dict[str, Any]] = []
        self.stars_label = QLabel()
        self.stars_label.setObjectName("current_stars")
        font = self.stars_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.stars_label.setFont(font)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending")
        self.pending_label.setStyleSheet(f"color: {ALERT.name()}")
        self.error_label = error_label(hidden=True)
        self.table = make_table("ratings", [self.tr("年度"), self.tr("星级"), self.tr("评定日期"), self.tr("状态"),
                                            self.tr("理由")])
        self.reason_label = QLabel()
        self.reason_label.setObjectName("rating_reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assess_button = QPushButton(self.tr("评星…"))
        self.assess_button.setObjectName("assess_stars")
        self.confirm_button = QPushButton(self.tr("确认降星"))
        self.confirm_button.setObjectName("confirm_rating")
        self.dismiss_button = QPushButton(self.tr("驳回"))
        self.dismiss_button.setObjectName("dismiss_rating")
        self._lay_out()
        self.assess_button.clicked.connect(self.assess)
        self.confirm_button.clicked.connect(self.confirm)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.show_station(None)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.stars_label)
        top.addStretch(1)
        top.addWidget(self.assess_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)

    # ----- showing ------------------------------------------------------------------------------------
    def show_station(self, uuid: str | None, current: str | None = None) -> None:
        """Show the stars and assessments of station ``uuid`` (None: none chosen), the rating ``current``
        (by default the first waiting for a decision, else none) selected."""
        self.error_label.hide()
        self.station, self.ratings = None, []
        if uuid is not None:
            try:
                details = cases.station_details(self._context.store, uuid)
            except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
                self._show_error(describe(exc))
            else:
                self.station, self.ratings = details["station"], details["ratings"]
        self._show_stars()
        fill_table(self.table, [
            (str(r["year"]), star_text(r["stars"]), r["assessed_on"].isoformat(),
             self.tr("已确认") if r["confirmed"] else (self.tr("待确认（检查提议）"), ALERT), r["reason"] or "")
            for r in self.ratings])
        pending = [r["uuid"] for r in self.ratings if not r["confirmed"]]
        wanted = current if current in [r["uuid"] for r in self.ratings] else (pending[0] if pending else None)
        if wanted is not None:
            self.table.selectRow([r["uuid"] for r in self.ratings].index(wanted))
        self.pending_label.setText(self.tr("有{n}条检查提议的降星待确认或驳回").format(n=len(pending)))
        self.pending_label.setVisible(bool(pending))
        self._selection_changed()

    def _show_stars(self) -> None:
        stars = self.station["stars"] if self.station is not None else None
        if self.station is None:
            self.stars_label.setText("")
        elif stars:
            drawn = star_text(stars)
            self.stars_label.setText(self.tr("当前星级：{drawn}（{stars}星）").format(drawn=drawn, stars=stars))
        else:
            self.stars_label.setText(self.tr("当前星级：未评星"))

    def selected(self) -> dict[str, Any] | None:
        """The rating selected in the table."""
        row = selected_row(self.table)
        return self.ratings[row] if row is not None else None

    def _selection_changed(self) -> None:
        rating = self.selected()
        self.reason_label.setText("" if rating is None else self.tr("理由：{reason}").format(
            reason=rating["reason"] or self.tr("（未填）")))
        allow(self.assess_button, why_not(self._context, self.station, self.tr("评星")),
              self.tr("登记该驿站的年度评星"))
        for button, doing, tip in ((self.confirm_button, self.tr("确认降星"), self.tr("按所选检查提议改变星级")),
                                   (self.dismiss_button, self.tr("驳回降星提议"), self.tr("驳回所选提议，星级不变"))):
            why = why_not(self._context, self.station, doing, in_service=False)
            if why is None and (rating is None or rating["confirmed"]):
                why = self.tr("请先选择一条待确认的检查提议")
            allow(button, why, tip)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ----- writing ------------------------------------------------------------------------------------
    def assess(self) -> bool:
        """Ask for a star assessment of the station and record it (the station's stars become it)."""
        station = self.station
        if station is None or not self.assess_button.isEnabled():
            return False
        done: list[str] = []

        def submit(entered: Assessment) -> None:
            rating = inspections.assess_stars(self._context.store, self._context.actor, station["uuid"], entered.year,
                                              entered.stars, entered.reason, entered.assessed_on)
            done.append(rating.uuid)

        dialog = RatingDialog(station, submit, self)
        self.hooks.run(dialog)
        if not done:
            return False
        self._wrote(station["uuid"], done[0])
        return True

    def confirm(self) -> bool:
        """After a question, make the selected proposal the station's stars."""
        station, rating = self.station, self.selected()
        if station is None or rating is None or not self.confirm_button.isEnabled():
            return False
        text = self.tr("确认将驿站“{name}”的星级由{old}星降为{new}星吗？\n{reason}").format(
            name=station["name"], old=station["stars"] or "-", new=rating["stars"], reason=rating["reason"] or "")
        if not self.hooks.agree(self.tr("确认降星"), text, self.tr("确认降星")):
            return False
        return self._run(station["uuid"], rating["uuid"], inspections.confirm_rating)

    def dismiss(self) -> bool:
        """After a question, turn the selected proposal down: the stars stay."""
        station, rating = self.station, self.selected()
        if station is None or rating is None or not self.dismiss_button.isEnabled():
            return False
        text = self.tr("驳回这条降星提议吗？驿站“{name}”的星级保持{old}星。").format(
            name=station["name"], old=station["stars"] or "-")
        if not self.hooks.agree(self.tr("驳回降星提议"), text, self.tr("驳回")):
            return False
        return self._run(station["uuid"], rating["uuid"], inspections.dismiss_rating)

    def _run(self, station_uuid: str, rating_uuid: str, decide: Decision) -> bool:
        """Confirm or dismiss a proposal; a refusal is shown above the table, the page as it was."""
        try:
            decide(self._context.store, self._context.actor, rating_uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show_error(describe(exc))
            return False
        self._wrote(station_uuid, rating_uuid)
        return True

    def _wrote(self, station_uuid: str, selected: str) -> None:
        self.show_station(station_uuid, current=selected)
        self.changed.emit(station_uuid)
