"""复核记录: a file's yearly reviews (db.aid.review.case_reviews) under its steps on the 流程 page — the year,
入户 or 材料, the outcome (the new category of 调整类别), the opinion, when and by whom; hidden while it has none."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from db.aid import review
from desktop.ui.aid import texts
from desktop.ui.aid.review_dialog import visit_text
from desktop.ui.context import AppContext
from desktop.ui.stations.pages import fill_table, make_table


class AidCaseReviews(QGroupBox):
    """The reviews of one file, the latest year first."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("年度复核"))
        self.setObjectName("case_reviews")
        self.context = context
        self.reviews: list[review.CaseReview] = []
        self.table = make_table("case_reviews_table", [
            self.tr("年度"), self.tr("入户/材料"), self.tr("复核结果"), self.tr("复核日期"), self.tr("复核人"),
            self.tr("复核意见")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.hide()

    def show_case(self, uuid: str | None) -> None:
        self.reviews = review.case_reviews(self.context.store, uuid) if uuid is not None else []
        outcomes = texts.labels("aid_review_outcome")
        rows = []
        for r in self.reviews:
            outcome = outcomes.get(r.outcome or "", self.tr("待复核"))
            if r.category_after:
                outcome += self.tr("（{category}）").format(category=r.category_after)
            rows.append([str(r.year), visit_text(r.home_visit), outcome,
                         r.reviewed_on.isoformat() if r.reviewed_on else "", r.reviewed_by or "", r.note or ""])
        fill_table(self.table, rows)
        self.setVisible(bool(rows))
