"""送温暖活动: the window the hardship tab's 「送温暖活动…」 button opens (db.aid.campaigns; the campaigns have no tab
of their own). On the left the campaigns (名称, 年度, 节日, 日期, 状态, 人数, 慰问金) with 新建活动…; on the right the
campaign chosen: its facts with 修改…, its totals per group, its recipients (ID numbers masked unless the role
may see them in full) and 添加对象… / 修改… (or a double click) / 移除 / 撤销 (Ctrl+Z: the last addition, edit or
removal of a recipient taken back, the rules checked again) / 结束登记 / 打印签领表…. A closed campaign is
read-only and says why; so is the window of a user who may not write. Every refusal is a message naming the
rule, nothing written. The window follows the tab: :meth:`CampaignsDialog.records_changed` reads it all again
after an import or a sync, and ``changed`` tells the tab when a visit wrote a 送温暖慰问 payment in a file."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.aid import campaigns
from db.aid import cases as aid_cases
from db.aid import settings as aid_settings
from db.aid.campaigns import CampaignRow, CampaignTotals, Recipient
from db.masking import masked_text
from desktop.documents.pdf.forms import FORMS
from desktop.ui.aid.campaign_dialogs import CampaignDialog, RecipientDialog, RecipientEditDialog, before_edit
from desktop.ui.aid.fields_panel import yuan
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label, show_error
from desktop.ui.permissions import only_who_may
from desktop.ui.printing.preview import PdfPreview
from desktop.ui.printing.print_dialog import PrintOptionsDialog, PrintRequest, TabChoice, form_label
from desktop.ui.settings import Settings
from desktop.ui.stations.pages import PageHooks, allow, fill_table, make_table, selected_row
from desktop.ui.worker import Progress

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
WRITE = "records.write"
FORM = "campaign-receipts"


def _dates(starts: Any, ends: Any, short: bool = False) -> str:
    """2025-01-10 至 2025-03-31; ``short`` leaves out the end's year when it is the start's (the list's column)."""
    end = ends.isoformat()[5:] if short and starts.year == ends.year else ends.isoformat()
    return translate("AidCampaigns", "{start} 至 {end}").format(start=starts.isoformat(), end=end)


@dataclass(frozen=True)
class Undo:
    """What 撤销 takes back: the words of its tooltip, the campaign and visit it concerns, and the use case."""

    what: str
    campaign_uuid: str
    visit_uuid: str
    run: Callable[[], Any]


class CampaignsDialog(QDialog):
    """The 送温暖 campaigns of the office and the one chosen (see the module). ``hooks`` run its dialogs and
    questions (tests replace them); :attr:`previews` holds the 签领表 previews it opened; :attr:`undo_stack`
    the recipients' changes 撤销 takes back, newest last.

    Signals:
        changed(str): the uuid of a campaign after one of its recipients was written (a file's 帮扶记录 may
        have changed with it).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("送温暖活动"))
        self.context = context
        self.settings = settings or Settings()
        self.hooks = PageHooks(self)
        self.rows: list[CampaignRow] = []
        self.details: dict[str, Any] | None = None
        self.previews: list[PdfPreview] = []
        self.undo_stack: list[Undo] = []
        self._printing = False
        self.full_ids = False  # design §7: the recipients' list masks ID numbers for every role
        splitter = QSplitter()
        splitter.addWidget(self._campaigns_box())
        splitter.addWidget(self._campaign_side())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1320, 700)  # fits 1366×768 with the taskbar
        splitter.setSizes([600, 720])
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.refresh()

    def _campaigns_box(self) -> QWidget:
        self.list = make_table("campaigns", [self.tr("活动名称"), self.tr("年度"), self.tr("节日"), self.tr("活动日期"),
                                             self.tr("状态"), self.tr("人数"), self.tr("慰问金（元）")])
        self.list.itemSelectionChanged.connect(self._campaign_chosen)
        self.new_button = self._button("new_campaign", self.tr("新建活动…"), self.new_campaign)
        left = QGroupBox(self.tr("活动"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        left_layout.addLayout(row)
        return left

    def _facts_box(self) -> QWidget:
        self.title_label = QLabel()
        self.title_label.setObjectName("campaign_title")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("campaign_facts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = self._button("edit_campaign", self.tr("修改…"), self.edit_campaign)
        self.state_label = QLabel()
        self.state_label.setObjectName("campaign_state")
        self.state_label.setWordWrap(True)
        facts = QGroupBox(self.tr("活动信息"))
        facts_layout = QVBoxLayout(facts)
        facts_layout.addWidget(self.title_label)
        facts_layout.addWidget(self.facts_label)
        facts_layout.addWidget(self.state_label)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        facts_layout.addLayout(edit_row)
        return facts

    def _campaign_side(self) -> QWidget:
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        totals = QGroupBox(self.tr("按类别合计"))
        QVBoxLayout(totals).addWidget(self.totals_label)
        top = QHBoxLayout()
        top.addWidget(self._facts_box(), 3)
        top.addWidget(totals, 2)

        self.recipients = make_table("recipients", [
            self.tr("姓名"), self.tr("类别"), self.tr("身份证号"), self.tr("慰问金（元）"), self.tr("慰问品"),
            self.tr("日期"), self.tr("慰问人"), self.tr("来源")])
        self.recipients.itemSelectionChanged.connect(self._set_buttons)
        self.recipients.doubleClicked.connect(lambda _index: self.edit_recipient())
        self.add_button = self._button("add_recipient", self.tr("添加对象…"), self.add_recipient)
        self.edit_recipient_button = self._button("edit_recipient", self.tr("修改…"), self.edit_recipient)
        self.remove_button = self._button("remove_recipient", self.tr("移除"), self.remove_selected)
        self.undo_button = self._button("undo_recipient", self.tr("撤销"), self.undo)
        self.close_button = self._button("close_campaign", self.tr("结束登记"), self.close_campaign)
        self.print_button = self._button("print_receipts", self.tr("打印签领表…"), self.print_receipts)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_recipient_button, self.remove_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.close_button, self.print_button):
            actions.addWidget(button)
        self.error_label = error_label(hidden=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.recipients, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.error_label)
        return right

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ----- reading ---------------------------------------------------------------------------------
    def refresh(self, current: str | None = None) -> None:
        """The list again (``current`` chosen, else the one chosen before, else the first)."""
        keep = current or self.current_uuid()
        self.rows = campaigns.campaign_rows(self.context.store)
        self.list.blockSignals(True)
        fill_table(self.list, [(r.name, str(r.year), r.festival, _dates(r.starts_on, r.ends_on, short=True),
                                self.tr("已结束") if r.closed_on else self.tr("登记中"), str(r.count),
                                yuan(r.amount_fen)) for r in self.rows])
        self.list.blockSignals(False)
        uuids = [r.uuid for r in self.rows]
        if uuids:
            self.list.selectRow(uuids.index(keep) if keep in uuids else 0)
        self._campaign_chosen()

    def records_changed(self) -> None:
        """The tab's data changed (an Excel import, a batch import or a sync): everything read again, the
        campaign and recipient chosen kept where they still are."""
        recipient = self.selected_recipient()
        self.refresh()
        if recipient is not None:
            self._select_recipient(recipient.uuid)

    def _select_recipient(self, uuid: str) -> None:
        uuids = [r.uuid for r in self.recipient_rows()]
        if uuid in uuids:
            self.recipients.selectRow(uuids.index(uuid))

    def current_uuid(self) -> str | None:
        row = selected_row(self.list)
        return self.rows[row].uuid if row is not None and row < len(self.rows) else None

    def select_campaign(self, uuid: str) -> None:
        self.list.selectRow([r.uuid for r in self.rows].index(uuid))

    def _campaign_chosen(self) -> None:
        uuid = self.current_uuid()
        self.error_label.hide()
        self.details = campaigns.campaign_details(self.context.store, uuid) if uuid else None
        self._show_details()

    def _show_details(self) -> None:
        details = self.details
        if details is None:
            self.title_label.setText(self.tr("还没有送温暖活动") if not self.rows else "")
            self.facts_label.setText(self.tr("点“新建活动…”登记一次送温暖活动（如2027年春节送温暖）。"))
            self.state_label.clear()
            self.totals_label.clear()
            fill_table(self.recipients, [])
            self._set_buttons()
            return
        c = details["campaign"]
        self.title_label.setText(c["name"])
        facts = self.tr("{year}年度 · {festival} · {dates}\n慰问对象：{groups}\n"
                        "每次慰问金上限 {visit} 元；每人每年上限 {yearly} 元").format(
            year=c["year"], festival=c["festival"], dates=_dates(c["starts_on"], c["ends_on"]),
            groups=c["target_groups"], visit=yuan(c["visit_cap_fen"]), yearly=yuan(c["yearly_cap_fen"]))
        if c.get("remarks"):
            facts += "\n" + self.tr("备注：{0}").format(c["remarks"])
        self.facts_label.setText(facts)
        self.state_label.setText(self._state_text(c))
        self.totals_label.setText(self._totals_text(details["totals"]))
        fill_table(self.recipients, [self._recipient_cells(r) for r in self.recipient_rows()])
        self._set_buttons()

    def _state_text(self, campaign: Mapping[str, Any]) -> str:
        if campaign["closed_on"] is not None:
            return self.tr("已于{day}结束登记：签领表已定，名单和活动信息只能查看。").format(
                day=campaign["closed_on"].isoformat())
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, self.tr("登记送温暖活动")) + self.tr("；您只能查看。")
        return self.tr("登记中")

    def _totals_text(self, totals: CampaignTotals) -> str:
        lines = [self.tr("{group}：{n} 人，{amount} 元").format(group=g.group, n=g.count, amount=yuan(g.amount_fen))
                 for g in totals.groups]
        lines.append(self.tr("合计：{n} 人，慰问金 {amount} 元，慰问品 {gifts} 份").format(
            n=totals.count, amount=yuan(totals.amount_fen), gifts=totals.gifts))
        return "\n".join(lines)

    def _recipient_cells(self, r: Recipient) -> list[str]:
        number = r.id_number or ""
        shown = number if self.full_ids or not number else masked_text("id_number", number)
        return [r.name, r.group, shown, yuan(r.amount_fen) if r.amount_fen else "", r.gift or "",
                r.visited_on.isoformat(), r.visitor or "", r.source]

    def recipient_rows(self) -> list[Recipient]:
        return list(self.details["recipients"]) if self.details else []

    def selected_recipient(self) -> Recipient | None:
        row = selected_row(self.recipients)
        rows = self.recipient_rows()
        return rows[row] if row is not None and row < len(rows) else None

    def totals_text(self) -> str:
        return self.totals_label.text()

    # ----- what may be done now ----------------------------------------------------------------------
    def why_not(self, doing: str) -> str | None:
        """Why a write button is off (its tooltip), or None when it may be used."""
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, doing)
        if self.details is None:
            return self.tr("请先在左侧选择一个活动")
        closed = self.details["campaign"]["closed_on"]
        if closed is not None:
            return self.tr("本活动已于{day}结束登记，不能再{doing}").format(day=closed.isoformat(), doing=doing)
        return None

    def _set_buttons(self) -> None:
        may_write = self.context.actor.can(WRITE)
        allow(self.new_button, None if may_write else only_who_may(WRITE, self.tr("新建送温暖活动")),
              self.tr("登记一次送温暖活动：名称、日期、慰问对象类别和慰问金上限"))
        allow(self.edit_button, self.why_not(self.tr("修改活动信息")),
              self.tr("修改活动名称、日期、慰问对象类别和上限"))
        allow(self.add_button, self.why_not(self.tr("添加慰问对象")),
              self.tr("从在档的困难职工档案、会员或非会员（姓名和身份证号）中添加慰问对象"))
        why = self.why_not(self.tr("修改慰问对象"))
        if why is None and self.selected_recipient() is None:
            why = self.tr("请先在名单中选择要修改的慰问对象")
        allow(self.edit_recipient_button, why,
              self.tr("修改选中慰问对象的类别、慰问金、慰问品、日期和慰问人（也可双击）"))
        why = self.why_not(self.tr("移除慰问对象"))
        if why is None and self.selected_recipient() is None:
            why = self.tr("请先在名单中选择要移除的慰问对象")
        allow(self.remove_button, why, self.tr("把选中的慰问对象从本活动名单中移除"))
        if not self.context.actor.can(WRITE):
            why = only_who_may(WRITE, self.tr("撤销"))
        else:
            why = None if self.undo_stack else self.tr("没有可撤销的添加、修改或移除")
        tip = self.tr("撤销{what}（Ctrl+Z）").format(what=self.undo_stack[-1].what) if self.undo_stack else ""
        allow(self.undo_button, why, tip)
        why = self.why_not(self.tr("结束登记"))
        allow(self.close_button, why, self.tr("名单确定后结束登记；之后本活动只能查看和打印"))
        why = self.tr("请先在左侧选择一个活动") if self.details is None else (
            self.tr("正在生成签领表……") if self._printing else None)
        allow(self.print_button, why, self.tr("打印本活动的签领表（身份证号隐藏中间几位）"))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ----- the campaign ------------------------------------------------------------------------------
    def new_campaign(self) -> bool:
        """新建活动…: this year and the office's caps filled in; the new campaign chosen once saved."""
        if not self.new_button.isEnabled():
            return False
        store, actor = self.context.store, self.context.actor
        caps = aid_settings.campaign_caps(store)
        prefill = {"year": aid_cases.today().year, "visit_cap_fen": caps.visit_cap_fen,
                   "yearly_cap_fen": caps.yearly_cap_fen}
        created: list[str] = []

        def submit(values: dict[str, Any]) -> None:
            created.append(campaigns.create_campaign(store, actor, values).uuid)

        self.hooks.run(CampaignDialog(self.tr("新建送温暖活动"), prefill, submit, self))
        if created:
            self.refresh(created[0])
        return bool(created)

    def edit_campaign(self) -> bool:
        """修改…: the campaign's fields; what its recipients rely on is checked by the use case."""
        if self.details is None or not self.edit_button.isEnabled():
            return False
        store, actor = self.context.store, self.context.actor
        campaign = self.details["campaign"]
        saved: list[str] = []

        def submit(values: dict[str, Any]) -> None:
            saved.append(campaigns.update_campaign(store, actor, campaign["uuid"], values,
                                                   expected_rev=campaign["rev"]).uuid)

        title = self.tr("修改活动：{name}").format(name=campaign["name"])
        self.hooks.run(CampaignDialog(title, campaign, submit, self))
        if saved:
            self.refresh(saved[0])
        return bool(saved)

    def close_campaign(self) -> bool:
        """结束登记 after the clerk agrees: the list is final, the campaign read-only."""
        if self.details is None or not self.close_button.isEnabled():
            return False
        campaign = self.details["campaign"]
        totals: CampaignTotals = self.details["totals"]
        question = self.tr("结束“{name}”的登记吗？现有 {n} 名慰问对象、慰问金 {amount} 元。结束后不能再添加、"
                           "移除或修改，只能查看和打印签领表。").format(name=campaign["name"], n=totals.count,
                                                             amount=yuan(totals.amount_fen))
        if not self.hooks.agree(self.tr("结束登记"), question, self.tr("结束登记")):
            return False
        try:
            campaigns.close_campaign(self.context.store, self.context.actor, campaign["uuid"])
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show_error(describe(exc))
            return False
        self.refresh(campaign["uuid"])
        return True

    # ----- recipients --------------------------------------------------------------------------------
    def add_recipient(self) -> bool:
        """添加对象…: a file 在档, a member or a non-member, with cash and/or a gift; a refusal stays in the dialog."""
        if self.details is None or not self.add_button.isEnabled():
            return False
        store, actor = self.context.store, self.context.actor
        campaign = self.details["campaign"]
        added: list[str] = []

        def submit(values: dict[str, Any]) -> None:
            added.append(campaigns.add_recipient(store, actor, campaign["uuid"], values).uuid)

        self.hooks.run(RecipientDialog(store, campaign, submit, full_ids=self.full_ids, parent=self))
        if not added:
            return False
        visit_uuid = added[0]
        self._wrote(campaign["uuid"], visit_uuid)
        name = next((r.name for r in self.recipient_rows() if r.uuid == visit_uuid), "")
        self._push(self.tr("添加 {name}").format(name=name), campaign["uuid"], visit_uuid,
                   lambda: campaigns.remove_recipient(store, actor, visit_uuid))
        return True

    def edit_recipient(self) -> bool:
        """修改… (or a double click): what the visit holds; the rules of an addition checked by the use case."""
        recipient = self.selected_recipient()
        if recipient is None or self.details is None or not self.edit_recipient_button.isEnabled():
            return False
        store, actor = self.context.store, self.context.actor
        campaign = self.details["campaign"]
        saved: list[str] = []

        def submit(values: dict[str, Any]) -> None:
            saved.append(campaigns.update_recipient(store, actor, recipient.uuid, values,
                                                    expected_rev=recipient.rev).uuid)

        self.hooks.run(RecipientEditDialog(campaign, recipient, submit, full_ids=self.full_ids, parent=self))
        if not saved:
            return False
        self._wrote(campaign["uuid"], recipient.uuid)
        before = before_edit(recipient)
        self._push(self.tr("修改 {name}").format(name=recipient.name), campaign["uuid"], recipient.uuid,
                   lambda: campaigns.update_recipient(store, actor, recipient.uuid, before))
        return True

    def remove_selected(self) -> bool:
        """移除 the recipient chosen, after the clerk agrees."""
        recipient = self.selected_recipient()
        if recipient is None or self.details is None or not self.remove_button.isEnabled():
            return False
        campaign = self.details["campaign"]
        question = self.tr("把 {name}（{group}）从“{campaign}”的名单中移除吗？").format(
            name=recipient.name, group=recipient.group, campaign=campaign["name"])
        if not self.hooks.agree(self.tr("移除慰问对象"), question, self.tr("移除")):
            return False
        store, actor = self.context.store, self.context.actor
        try:
            campaigns.remove_recipient(store, actor, recipient.uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show_error(describe(exc))
            return False
        self._wrote(campaign["uuid"])
        self._push(self.tr("移除 {name}").format(name=recipient.name), campaign["uuid"], recipient.uuid,
                   lambda: campaigns.restore_recipient(store, actor, recipient.uuid))
        return True

    # ----- 撤销 ---------------------------------------------------------------------------------------
    def _push(self, what: str, campaign_uuid: str, visit_uuid: str, run: Callable[[], Any]) -> None:
        self.undo_stack.append(Undo(what, campaign_uuid, visit_uuid, run))
        self._set_buttons()

    def undo(self) -> bool:
        """撤销 (Ctrl+Z): the last addition, edit or removal of a recipient taken back, in its campaign; the
        rules are checked again now (a refusal says why and the change stays as it is)."""
        if not self.undo_stack or not self.context.actor.can(WRITE):
            return False
        last = self.undo_stack.pop()
        try:
            last.run()
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.refresh(last.campaign_uuid)
            self._show_error(self.tr("无法撤销{what}：{why}").format(what=last.what, why=describe(exc)))
            return False
        self._wrote(last.campaign_uuid, last.visit_uuid)
        return True

    def _wrote(self, campaign_uuid: str, visit_uuid: str | None = None) -> None:
        """After a recipient was written: the campaign read again, the visit chosen, the tab told."""
        self.refresh(campaign_uuid)
        if visit_uuid is not None:
            self._select_recipient(visit_uuid)
        self.changed.emit(campaign_uuid)

    # ----- 签领表 -------------------------------------------------------------------------------------
    def print_receipts(self) -> bool:
        """打印签领表…: the print options (full ID numbers for a role that may see them), then the 签领表 drawn in
        the background and shown in the preview (打印… and 另存为PDF… there), as every print is."""
        if self.details is None or not self.print_button.isEnabled():
            return False
        choice = TabChoice((FORM,), (self.details["campaign"]["uuid"],), None, 1)
        dialog = PrintOptionsDialog(self.context, choice, FORM, False, self)
        chosen: list[tuple[PrintRequest, bool]] = []
        dialog.requested.connect(lambda request, now: chosen.append((request, now)))
        self.hooks.run(dialog)
        if not chosen:
            return False
        self.generate(*chosen[0])
        return True

    def generate(self, request: PrintRequest, print_now: bool = False) -> None:
        store, actor = self.context.store, self.context.actor
        name = self.details["campaign"]["name"] if self.details else ""

        def job(progress: Progress) -> bytes:
            out = io.BytesIO()
            request.form.render(store, actor, out, uuids=request.uuids, full_ids=request.full_ids, progress=progress)
            return out.getvalue()

        self._printing = True
        self._set_buttons()
        self.context.runner.start(job, title=self.tr("正在生成签领表……"), parent=self,
                                  on_done=lambda data: self._generated(data, name, print_now),
                                  on_error=self._failed, on_cancel=self._cancelled)

    def _idle(self) -> None:
        self._printing = False
        self._set_buttons()

    def _generated(self, data: bytes, name: str, print_now: bool) -> None:
        self._idle()
        label = form_label(FORMS[FORM])
        preview = PdfPreview(data, self.tr("{0}（{1}）").format(label, name), f"{label}-{name}", self.context.runner,
                             self.settings, self)
        preview.setObjectName("print_preview")
        self.previews.append(preview)
        preview.destroyed.connect(lambda: self.previews.remove(preview) if preview in self.previews else None)
        preview.show()
        if print_now:
            preview.print_document()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        show_error(self, error, self.tr("无法打印"))

    def _cancelled(self) -> None:
        self._idle()
        self._show_error(self.tr("已取消生成签领表。"))
