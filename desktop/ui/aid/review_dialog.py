"""年度复核 (db.aid.review): a year's files due for review and 开始复核 (the home-visit sample drawn with a
recorded seed, at least 30%); once the round is started its reviews — 入户 or 材料, the outcome, when and by
whom — and 登记复核结果… for one file (继续在档 / 调整类别 with the new category / 解困脱困 with the reason), each
refusal under the field it names, nothing written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import reference
from db.aid import review
from db.aid.fields import REVIEW_TABLE
from desktop.ui.aid import texts
from desktop.ui.aid.dialogs import OpenDialog, today_text
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import PageHooks, fill_table, make_table

WRITE = "records.write"
RECATEGORIZED = reference.label("aid_review_outcome", review.RECATEGORIZED)
RELIEVED = reference.label("aid_review_outcome", review.RELIEVED)
translate = QCoreApplication.translate


def visit_text(home_visit: bool) -> str:
    return translate("AidReview", "入户") if home_visit else translate("AidReview", "材料")


class OutcomeDialog(FieldDialog):
    """One file's review: 复核结果, 调整后类别 (only for 调整类别), 复核意见 (the 撤档原因 for 解困脱困, ≤ 60
    characters) and 复核日期; OK records it through :func:`db.aid.review.record_review`."""

    def __init__(self, context: AppContext, row: review.ReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(translate("AidReview", "登记复核结果：档案 {no} · {name}").format(
            no=row.case_no, name=row.member_name), parent)
        self.context, self.row = context, row
        fields = [REVIEW_TABLE.field(n) for n in ("outcome", "category_after", "note", "reviewed_on")]
        box = self.group(translate("AidReview", "{kind}复核").format(kind=visit_text(row.home_visit)), fields)
        self.columns.addWidget(box)
        self.fields["reviewed_on"].set_value(today_text())
        outcome = self.fields["outcome"].editor
        assert isinstance(outcome, QComboBox)
        outcome.setCurrentText(reference.label("aid_review_outcome", review.CONTINUED))
        outcome.currentTextChanged.connect(self._outcome_changed)
        self.setMinimumWidth(480)
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        outcome = self.fields["outcome"].value()
        category = self.fields["category_after"]
        category.set_editable(outcome == RECATEGORIZED)
        category.editor.setToolTip("" if outcome == RECATEGORIZED
                                   else translate("AidReview", "复核结果为调整类别时选择"))
        if outcome != RECATEGORIZED:
            category.set_value("")
        note = self.fields["note"].editor
        assert isinstance(note, QPlainTextEdit)
        note.setPlaceholderText(translate("AidReview", "即撤档原因，最多60字") if outcome == RELIEVED
                                else translate("AidReview", "入户或查阅材料核实的情况"))

    def run(self) -> None:
        values = self.values()
        review.record_review(self.context.store, self.context.actor, self.row.review_uuid, values["outcome"],
                             values["note"], values["reviewed_on"] or None, values["category_after"] or None)


class ReviewDialog(QDialog):
    """The office's 年度复核 of a year.

    Signals:
        changed(): a round was started or a review recorded (files' categories, review dates or status moved).
    """

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hooks = PageHooks(self)  # tests replace how the outcome dialog runs and the question is answered
        self.writable = context.actor.can(WRITE)
        self.setWindowTitle(self.tr("年度复核"))
        self.round: review.ReviewRound | None = None
        self.due: list[review.DueFile] = []
        this_year = review.today().year
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, this_year)
        self.year.setValue(this_year)
        self.year.setSuffix(self.tr(" 年"))
        self.year_error = error_label("error_year", hidden=True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.seed = QLineEdit()
        self.seed.setObjectName("seed")
        self.seed.setPlaceholderText(self.tr("不填则随机"))
        self.seed.setToolTip(self.tr("抽样种子：同一种子和同一批档案总是抽中同样的档案，可供复查"))
        self.seed_error = error_label("error_seed", hidden=True)
        self.start_button = QPushButton(self.tr("开始复核"))
        self.start_button.setObjectName("start_review")
        self.start_button.clicked.connect(self.start)
        self.due_table = make_table("due_table", [self.tr("档案编号"), self.tr("姓名"), self.tr("困难类别"),
                                                  self.tr("下次复核日期")])
        self.reviews_table = make_table("reviews_table", [
            self.tr("档案编号"), self.tr("姓名"), self.tr("入户/材料"), self.tr("复核结果"), self.tr("复核日期"),
            self.tr("复核人")])
        self.reviews_table.itemSelectionChanged.connect(self._buttons)
        self.reviews_table.doubleClicked.connect(lambda _index: self.record_outcome())
        self.record_button = QPushButton(self.tr("登记复核结果…"))
        self.record_button.setObjectName("record_review")
        self.record_button.clicked.connect(self.record_outcome)
        self.error = error_label("review_error", hidden=True)
        self._lay_out()
        self.resize(760, 520)
        self.year.valueChanged.connect(lambda _year: self.show_year())
        self.show_year()

    def _lay_out(self) -> None:
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("复核年度")))
        top.addWidget(self.year)
        top.addStretch(1)
        self.seed_caption = QLabel(self.tr("抽样种子"))
        top.addWidget(self.seed_caption)
        top.addWidget(self.seed)
        top.addWidget(self.start_button)
        errors = QHBoxLayout()
        errors.addWidget(self.year_error, 1)
        errors.addWidget(self.seed_error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(errors)
        layout.addWidget(self.summary)
        layout.addWidget(self.due_table, 1)
        layout.addWidget(self.reviews_table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        layout.addWidget(close)

    # ----- showing ----------------------------------------------------------------------------------
    def show_year(self) -> None:
        """The chosen year's round, or the files due when none was started."""
        store, actor, year = self.context.store, self.context.actor, self.year.value()
        was = self.selected()
        for label in (self.year_error, self.seed_error, self.error):
            label.hide()
        self.round = review.review_round(store, actor, year)
        started = self.round is not None
        for widget in (self.seed_caption, self.seed, self.start_button, self.due_table):
            widget.setVisible(not started)
        self.reviews_table.setVisible(started)
        self.record_button.setVisible(started)
        if self.round is None:
            self.due = review.due_files(store, actor, year)
            fill_table(self.due_table, [[f.case_no, f.member_name, f.category,
                                         f.next_review_on.isoformat() if f.next_review_on else self.tr("未设")]
                                        for f in self.due])
            count = len(self.due)
            self.summary.setText(self.tr(
                "{year}年应复核 {n} 份在档档案（下次复核日期在{year}年底前或未设）。开始复核后随机抽取 {k} 户"
                "（不少于30%）入户复核，其余查阅材料；种子记录在案，可以复查。").format(
                year=year, n=count, k=review.sample_size(count)) if count
                else self.tr("{year}年没有需要复核的在档档案。").format(year=year))
            why = only_who_may(WRITE, self.tr("开始年度复核")) if not self.writable else (
                "" if count else self.tr("没有需要复核的档案"))
            self.start_button.setEnabled(not why)
            self.start_button.setToolTip(why or self.tr("为{year}年的 {n} 份档案开始复核并抽取入户名单").format(
                year=year, n=count))
            self.seed.setEnabled(not why)
            return
        found = self.round
        done = sum(r.outcome is not None for r in found.reviews)
        self.summary.setText(self.tr(
            "{year}年复核：应复核 {due} 份，抽中 {k} 户入户复核（≥30%），抽样种子 {seed}；{by} 于 {on} 发起。"
            "已登记 {done} 份，待登记 {left} 份。").format(
            year=found.year, due=found.due_count, k=found.sample_count, seed=found.seed, by=found.started_by,
            on=found.started_on.isoformat(), done=done, left=len(found.reviews) - done))
        outcomes = texts.labels("aid_review_outcome")
        fill_table(self.reviews_table, [[r.case_no, r.member_name, visit_text(r.home_visit),
                                         outcomes.get(r.outcome or "", self.tr("待复核")),
                                         r.reviewed_on.isoformat() if r.reviewed_on else "", r.reviewed_by or ""]
                                        for r in found.reviews])
        again = [r.review_uuid for r in found.reviews].index(was.review_uuid) if was is not None and any(
            r.review_uuid == was.review_uuid for r in found.reviews) else None
        if again is not None:  # the file just reviewed stays chosen: its row shows what was recorded
            self.reviews_table.selectRow(again)
        self._buttons()

    def selected(self) -> review.ReviewRow | None:
        row = self.reviews_table.currentRow()
        if self.round is None or not self.reviews_table.selectedItems() or not 0 <= row < len(self.round.reviews):
            return None
        return self.round.reviews[row]

    def _buttons(self) -> None:
        chosen = self.selected()
        if not self.writable:
            why = only_who_may(WRITE, self.tr("登记复核结果"))
        elif chosen is None:
            why = self.tr("请先在列表中选择一份待复核的档案")
        elif chosen.outcome is not None:
            why = self.tr("档案 {no} 已于 {on} 复核").format(no=chosen.case_no, on=chosen.reviewed_on)
        else:
            why = ""
        self.record_button.setEnabled(not why)
        no = chosen.case_no if chosen is not None else ""
        self.record_button.setToolTip(why or self.tr("登记档案 {no} 的复核结果").format(no=no))

    # ----- writing ----------------------------------------------------------------------------------
    def start(self) -> bool:
        """开始复核: ask, then open the round (a refusal under the year or the seed, nothing written)."""
        year, text = self.year.value(), self.seed.text().strip()
        self.year_error.hide()
        self.seed_error.hide()
        seed: int | None = None
        if text:
            if not text.isdigit():
                self.seed_error.setText(self.tr("抽样种子应为0至{top}之间的整数").format(top=review.SEED_LIMIT - 1))
                self.seed_error.show()
                return False
            seed = int(text)
        question = self.tr("开始{year}年的年度复核？每年只复核一轮：将为 {n} 份档案建立复核记录，并抽取 {k} 户"
                           "入户复核。").format(year=year, n=len(self.due), k=review.sample_size(len(self.due)))
        if not self.hooks.agree(self.tr("年度复核"), question, self.tr("开始复核")):
            return False
        try:
            started = review.start_review_round(self.context.store, self.context.actor, year, seed)
        except Exception as exc:  # noqa: BLE001 - shown under the field it names, in one sentence
            seed_label = REVIEW_TABLE.field("seed").label
            target = self.seed_error if getattr(exc, "field", None) == seed_label else self.year_error
            target.setText(getattr(exc, "reason", None) or describe(exc))
            target.show()
            return False
        self.show_year()
        self.changed.emit()
        self.hooks.inform(self.tr("年度复核"), self.tr(
            "已开始{year}年的年度复核：抽中 {k} 户入户复核（≥30%），抽样种子 {seed}。").format(
            year=year, k=started.sample_count, seed=started.seed))
        return True

    def record_outcome(self) -> bool:
        """登记复核结果… for the chosen file; the list again after it is recorded."""
        chosen = self.selected()
        if chosen is None or not self.record_button.isEnabled():
            return False
        dialog = OutcomeDialog(self.context, chosen, self)
        self.hooks.run(dialog)
        if dialog.result() != QDialog.DialogCode.Accepted:
            return False
        self.show_year()
        self.changed.emit()
        return True


def open_review(context: AppContext, parent: QWidget, changed: Callable[[], None],
                open_dialog: OpenDialog | None = None) -> ReviewDialog:
    """The 年度复核 window of the tab: modal; ``changed`` runs after each write."""
    dialog = ReviewDialog(context, parent)
    dialog.changed.connect(changed)
    (open_dialog or (lambda d: d.exec()))(dialog)
    return dialog
