"""帮扶设置: the local 低保 line year by year, the days a 公示 lasts before 审批, the years a closed file is
kept, the payment caps by type (per payment and per person a year), the 金秋助学 amount by school level and
the caps a new 送温暖 campaign starts with (db.aid.settings), kept by an administrator. Opened from the settings
dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import reference
from db.aid import settings as aid_settings
from db.aid.fields import AID_CASES, CAMPAIGN_TABLE, PAYMENT_TABLE
from db.errors import ValidationError
from desktop.ui.aid.dialogs import today_text
from desktop.ui.aid.fields_panel import yuan
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may
from desktop.ui.users_dialog import ActionDialog


class AidSettingsDialog(ActionDialog):
    """The 低保 lines as a table (年度, 元/月) with 添加/删除, two spin boxes (公示天数, 保存年限), and two tables
    of amounts in yuan (empty: none): 帮扶限额 (per type: 单笔, 每人每年) and 金秋助学标准 (per school level).

    OK saves through :mod:`db.aid.settings`: each year's line changed, added or removed, then the days and years,
    then each cap and amount changed;
    a refused value shows its message under the form and keeps the dialog open. Someone who may not change
    settings sees the values and cannot press OK (the tooltip says who may)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("帮扶设置"))
        current = aid_settings.read(context.store)
        self.saved_lines = dict(current.dibao_lines)
        self.may_change = context.actor.can(aid_settings.MANAGE)
        lines_box = QGroupBox(self.tr("低保标准（按年度，元/月）"))
        self.lines = QTableWidget(0, 2)
        self.lines.setObjectName("dibao_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("年度"), self.tr("低保标准（元/月）")])
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for year in sorted(current.dibao_lines, reverse=True):
            self.add_line(year, yuan(current.dibao_lines[year]).replace(",", ""))
        self.add_button = QPushButton(self.tr("添加年度"))
        self.add_button.setObjectName("add_line")
        self.add_button.clicked.connect(lambda: self.add_line(self._next_year(), ""))
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.setObjectName("remove_line")
        self.remove_button.clicked.connect(lambda: self.lines.removeRow(self.lines.currentRow()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        note = QLabel(self.tr("档案按建档当年的低保标准给出建议类别；某年没有标准时沿用此前最近一年的。"))
        note.setWordWrap(True)
        box = QVBoxLayout(lines_box)
        box.addWidget(self.lines)
        box.addLayout(buttons)
        box.addWidget(note)
        self.form.addRow(lines_box)
        self.publicity_days = QSpinBox()
        self.publicity_days.setObjectName("publicity_days")
        self.publicity_days.setRange(*aid_settings.PUBLICITY_RANGE)
        self.publicity_days.setSuffix(self.tr(" 天"))
        self.publicity_days.setValue(current.publicity_days)
        self.retention_years = QSpinBox()
        self.retention_years.setObjectName("retention_years")
        self.retention_years.setRange(*aid_settings.RETENTION_RANGE)
        self.retention_years.setSuffix(self.tr(" 年"))
        self.retention_years.setValue(current.retention_years)
        self.retention_years.setToolTip(self.tr("全总规定撤档后至少保存10年"))
        self.form.addRow(self.tr("公示天数"), self.publicity_days)
        self.form.addRow(self.tr("撤档后保存年限"), self.retention_years)
        self._add_money(current)
        self._add_campaign_caps(aid_settings.campaign_caps(context.store))
        self._set_editable()
        self.resize(540, 700)

    def _add_money(self, current: aid_settings.AidSettings) -> None:
        """The caps by payment type and the 金秋助学 amounts by level, as two tabs."""
        self.saved_caps = dict(current.payment_caps)
        self.saved_amounts: dict[str, int | None] = dict(current.student_amounts)
        money_box = QTabWidget()
        money_box.setObjectName("money_settings")
        self.caps = self._money_table("payment_caps", [self.tr("帮扶类型"), self.tr("单笔限额（元）"),
                                                       self.tr("每人每年限额（元）")],
                                      [(kind, current.cap_for(kind).per_payment, current.cap_for(kind).per_year)
                                       for kind in reference.values("aid_payment_kind")])
        self.amounts = self._money_table("student_amounts", [self.tr("就读阶段"), self.tr("资助标准（元）")],
                                         [(level, current.student_amounts.get(level))
                                          for level in reference.values("student_level")])
        money_box.addTab(self._with_note(self.caps, self.tr(
            "留空表示不设限额；超过限额须由审核人审批并填写理由。")), self.tr("帮扶限额"))
        money_box.addTab(self._with_note(self.amounts, self.tr(
            "留空表示该阶段不资助；登记时按此标准确定资助金额。")), self.tr("金秋助学标准"))
        self.form.addRow(money_box)

    def _money_table(self, name: str, headers: list[str], rows: list[tuple[Any, ...]]) -> QTableWidget:
        """A table of amounts in yuan (empty: none) after a first column that is not edited."""
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, (first, *amounts) in enumerate(rows):
            item = QTableWidgetItem(first)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, 0, item)
            for c, fen in enumerate(amounts, start=1):
                table.setItem(r, c, QTableWidgetItem("" if fen is None else yuan(fen).replace(",", "")))
        return table

    @staticmethod
    def _with_note(table: QTableWidget, text: str) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(table)
        note = QLabel(text)
        note.setWordWrap(True)
        box.addWidget(note)
        return page

    def typed_amounts(self, table: QTableWidget) -> list[list[str]]:
        """Each row's cells as typed (the first: the type or level)."""
        def text(r: int, c: int) -> str:
            item = table.item(r, c)
            return item.text().strip() if item is not None else ""
        return [[text(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]

    def add_line(self, year: int, text: str) -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        self.lines.setItem(row, 0, QTableWidgetItem(str(year)))
        self.lines.setItem(row, 1, QTableWidgetItem(text))
        self.lines.setCurrentCell(row, 1)

    def _next_year(self) -> int:
        years = [int(y) for y, _ in self.typed_lines() if y.isdigit()]
        return max(years) + 1 if years else int(today_text()[:4])

    def typed_lines(self) -> list[tuple[str, str]]:
        """(年度, 元/月) as typed, row by row."""
        def text(row: int, column: int) -> str:
            item = self.lines.item(row, column)
            return item.text().strip() if item is not None else ""
        return [(text(row, 0), text(row, 1)) for row in range(self.lines.rowCount())]

    # ----- 送温暖: the caps a new campaign starts with -------------------------------------------------
    def _add_campaign_caps(self, caps: aid_settings.CampaignCaps) -> None:
        box = QGroupBox(self.tr("送温暖慰问金上限（新建活动的默认值，元）"))
        box.setObjectName("campaign_caps")
        form = QFormLayout(box)
        self.campaign_visit_cap = QLineEdit(yuan(caps.visit_cap_fen).replace(",", ""))
        self.campaign_visit_cap.setObjectName("campaign_visit_cap")
        self.campaign_yearly_cap = QLineEdit(yuan(caps.yearly_cap_fen).replace(",", ""))
        self.campaign_yearly_cap.setObjectName("campaign_yearly_cap")
        form.addRow(self.tr("每次慰问金上限"), self.campaign_visit_cap)
        form.addRow(self.tr("每人每年慰问金上限"), self.campaign_yearly_cap)
        note = QLabel(self.tr("已建的活动保留各自的上限；每人每年上限计入当年所有送温暖活动。"))
        note.setWordWrap(True)
        form.addRow(note)
        self.form.addRow(box)
        self.saved_campaign_caps = caps

    def typed_campaign_caps(self) -> aid_settings.CampaignCaps:
        """The two caps as typed (yuan, at most two decimals), checked before anything is saved."""
        fen = []
        for edit, attr in ((self.campaign_visit_cap, "visit_cap_fen"), (self.campaign_yearly_cap, "yearly_cap_fen")):
            field = CAMPAIGN_TABLE.field(attr)  # yuan, at most two decimals, 0.01 to 1,000,000
            value = field.clean(edit.text())
            if value is None:
                raise ValidationError(field.label, self.tr("必须填写"))
            fen.append(value)
        if fen[0] > fen[1]:
            raise ValidationError(aid_settings.VISIT_CAP_LABEL, self.tr("{0} 元不能高于每人每年上限 {1} 元").format(
                yuan(fen[0]), yuan(fen[1])))
        return aid_settings.CampaignCaps(fen[0], fen[1])

    def save_campaign_caps(self, caps: aid_settings.CampaignCaps) -> None:
        if caps != self.saved_campaign_caps:
            aid_settings.set_campaign_caps(self.context.store, self.context.actor, visit_cap_fen=caps.visit_cap_fen,
                                           yearly_cap_fen=caps.yearly_cap_fen)

    def _set_editable(self) -> None:
        if self.may_change:
            return
        for edit in (self.campaign_visit_cap, self.campaign_yearly_cap):
            edit.setEnabled(False)
        for widget in (self.lines, self.add_button, self.remove_button, self.publicity_days, self.retention_years):
            widget.setEnabled(False)
        for table in (self.caps, self.amounts):  # still scrolled and read, not typed in
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setToolTip(only_who_may(aid_settings.MANAGE, self.tr("修改帮扶设置")))
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(False)
        ok.setToolTip(only_who_may(aid_settings.MANAGE, self.tr("修改帮扶设置")))

    def apply(self) -> None:
        """Every year's line checked first (nothing saved while one is wrong), then saved year by year."""
        money = AID_CASES.field("household_income_fen")  # yuan with at most two decimals, as every amount
        campaign_caps = self.typed_campaign_caps()
        lines: dict[int, int] = {}
        for year_text, amount in self.typed_lines():
            if not year_text.isdigit():
                raise ValidationError(self.tr("年度"), self.tr("应为四位数字的年份：{0}").format(year_text))
            year = int(year_text)
            if year in lines:
                raise ValidationError(self.tr("年度"), self.tr("{0}年填写了两次").format(year))
            fen = money.clean(amount)
            if fen is None:
                raise ValidationError(aid_settings.DIBAO_LABEL, self.tr("请填写{0}年的低保标准").format(year))
            lines[year] = fen
        caps, amounts = self._typed_money()
        store, actor = self.context.store, self.context.actor
        for year in sorted(set(self.saved_lines) - set(lines)):
            aid_settings.set_dibao_line(store, actor, year, None)
        for year, fen in sorted(lines.items()):
            if self.saved_lines.get(year) != fen:
                aid_settings.set_dibao_line(store, actor, year, fen)
        aid_settings.save(store, actor, publicity_days=self.publicity_days.value(),
                          retention_years=self.retention_years.value())
        self._save_money(caps, amounts)
        self.save_campaign_caps(campaign_caps)

    def _typed_money(self) -> tuple[dict[str, aid_settings.PaymentCap], dict[str, int | None]]:
        """The caps and amounts as typed, each checked (nothing is saved while one is wrong)."""
        caps: dict[str, aid_settings.PaymentCap] = {}
        for kind, per_payment, per_year in self.typed_amounts(self.caps):
            cap = aid_settings.PaymentCap(self._fen(per_payment, kind, aid_settings.PER_PAYMENT_LABEL),
                                          self._fen(per_year, kind, aid_settings.PER_YEAR_LABEL))
            if cap.per_payment is not None and cap.per_year is not None and cap.per_year < cap.per_payment:
                raise ValidationError(aid_settings.PER_YEAR_LABEL,  # before anything is saved (the use case too)
                                      self.tr("{kind}：每人每年限额不能小于单笔限额").format(kind=kind))
            caps[kind] = cap
        amounts = {level: self._fen(text, level, aid_settings.STUDENT_AMOUNT_LABEL)
                   for level, text in self.typed_amounts(self.amounts)}
        return caps, amounts

    def _save_money(self, caps: dict[str, aid_settings.PaymentCap], amounts: dict[str, int | None]) -> None:
        store, actor = self.context.store, self.context.actor
        for kind, cap in caps.items():
            if self.saved_caps.get(kind, aid_settings.PaymentCap()) != cap:
                try:
                    aid_settings.set_payment_cap(store, actor, kind, per_payment_fen=cap.per_payment,
                                                 per_year_fen=cap.per_year)
                except ValidationError as exc:  # a yearly cap below the one per payment: say which type
                    raise ValidationError(exc.field, f"{kind}：{exc.reason}") from None
                self.saved_caps[kind] = cap
        for level, fen in amounts.items():
            if self.saved_amounts.get(level) != fen:
                aid_settings.set_student_amount(store, actor, level, fen)
                self.saved_amounts[level] = fen

    @staticmethod
    def _fen(text: str, what: str, label: str) -> int | None:
        """Yuan as typed (≤ 2 decimals) to fen; empty: None. A wrong one names the row and the column."""
        if not text:
            return None
        try:
            return PAYMENT_TABLE.field("amount_fen").clean(text)
        except ValidationError as exc:
            raise ValidationError(label, f"{what}：{exc.reason}") from None
