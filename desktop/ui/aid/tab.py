"""The hardship tab (困难帮扶): the files' list (common/list_tab) searched by 档案编号, name or ID number and
filtered by 状态, 困难类别 and 需复核, with beside it the file form and its 家庭成员, 材料 and 流程 pages; an approver's
“待我审批” button counts the files waiting for them and opens each (db.aid.workflow.approval_queue)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QToolButton, QWidget

from db import offices, reference
from db.aid import workflow
from db.aid.fields import AID_CASES
from db.aid.rules import APPROVE
from db.aid.tabular import REVIEW_DUE
from db.listing import ListFilter
from desktop.ui.aid import texts
from desktop.ui.aid.campaigns import CampaignsDialog
from desktop.ui.aid.compliance_dialog import ComplianceCheck
from desktop.ui.aid.documents import AidDocuments
from desktop.ui.aid.form import AidCaseForm
from desktop.ui.aid.household import AidHousehold
from desktop.ui.aid.payments import AidMoneyActions, AidPayments
from desktop.ui.aid.review_dialog import open_review
from desktop.ui.aid.steps import AidSteps
from desktop.ui.aid.students import AidStudents
from desktop.ui.common.panel_tab import PanelTab
from desktop.ui.common.table_model import SpecTableModel
from desktop.ui.context import AppContext
from desktop.ui.settings import Settings


class AidTab(PanelTab):
    """困难帮扶: the files' list with the file form and its pages beside it (:meth:`add_panel`: 流程 …; their
    method is ``show_case``)."""

    show_method = "show_case"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        names = offices.office_names(context.store) if context.is_district else None
        super().__init__(context, AID_CASES, SpecTableModel(context, AID_CASES, names), AidCaseForm(context),
                         QCoreApplication.translate("AidTab", "档案信息"), parent,
                         title=QCoreApplication.translate("AidTab", "困难帮扶"))
        self.form: AidCaseForm
        self.model: SpecTableModel
        self.search.setPlaceholderText(self.tr("查找：档案编号、姓名、身份证号"))
        self.search.setToolTip(self.search.placeholderText())
        self.status_filter = self.add_filter("aid_status_filter", self.tr("全部状态"),
                                             list(texts.labels("aid_status").items()))
        self.category_filter = self.add_filter("aid_category_filter", self.tr("全部类别"),
                                               [(c, c) for c in reference.values("aid_category")])
        self.review_filter = self.add_filter("aid_review_filter", self.tr("复核：全部"),
                                             [(REVIEW_DUE, self.tr("今年需复核"))])
        self.review_filter.setToolTip(self.tr("在档且年度复核日期在今年年底前（含已逾期）的档案"))
        self.office_filter: QComboBox | None = None
        if names is not None:
            self.office_filter = self.add_filter("office_filter", self.tr("全部街道"), sorted(names.items()))
        self.queue_button = QToolButton()
        self.queue_button.setObjectName("approval_queue")
        self.queue_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.queue_menu = QMenu(self.queue_button)
        self.queue_button.setMenu(self.queue_menu)
        self.queue_button.setVisible(context.actor.can(APPROVE))
        actions = self.action_row()  # the filters, Excel and print fill the first row
        actions.addWidget(self.queue_button)
        self.money = AidMoneyActions(context, self)
        actions.addWidget(self.money.emergency_button)
        actions.addWidget(self.money.totals_button)
        self.review_button = QToolButton()
        self.review_button.setObjectName("annual_review")
        self.review_button.setText(self.tr("年度复核…"))
        self.review_button.setToolTip(self.tr("今年需复核的档案，随机抽取不少于30%入户复核，登记复核结果"))
        self.review_button.clicked.connect(self.open_review)
        actions.addWidget(self.review_button)
        self.queue: list[workflow.QueueItem] = []
        self.campaigns_button = QPushButton(self.tr("送温暖活动…"))
        self.campaigns_button.setObjectName("campaigns")
        self.campaigns_button.setToolTip(self.tr("两节送温暖：活动、慰问对象、按类别合计和签领表"))
        self.campaigns_button.clicked.connect(lambda _checked=False: self.open_campaigns())
        actions.addWidget(self.campaigns_button)
        actions.addWidget(ComplianceCheck(self).button)
        actions.addStretch(1)
        self.campaigns_window: CampaignsDialog | None = None
        self.household = AidHousehold(context)
        self.add_panel(QCoreApplication.translate("AidTab", "家庭成员"), self.household)
        self.documents = AidDocuments(context)
        self.add_panel(QCoreApplication.translate("AidTab", "材料"), self.documents)
        self.steps = AidSteps(context)
        self.add_panel(QCoreApplication.translate("AidTab", "流程"), self.steps)
        self.payments = AidPayments(context)
        self.add_panel(QCoreApplication.translate("AidTab", "帮扶记录"), self.payments)
        self.students = AidStudents(context)
        self.add_panel(QCoreApplication.translate("AidTab", "金秋助学"), self.students)
        self.update_queue()

    # ----- 待我审批 --------------------------------------------------------------------------------------
    def update_queue(self) -> None:
        """The approver's queue again: its count on the button, its files in the button's menu."""
        if not self.context.actor.can(APPROVE):
            return
        self.queue = workflow.approval_queue(self.context.store, self.context.actor)
        self.queue_button.setText(self.tr("待我审批（{n}）").format(n=len(self.queue)))
        self.queue_button.setToolTip(self.tr("公示期满、没有未处理异议、不是您建档或核查的档案") if self.queue
                                     else self.tr("没有等待您审批的档案"))
        self.queue_menu.clear()
        for item in self.queue:
            action = self.queue_menu.addAction(self.tr("{no} {name}（{category}，公示自 {on}）").format(
                no=item.case_no, name=item.member_name, category=item.category, on=item.publicized_on.isoformat()))
            action.triggered.connect(lambda _checked=False, uuid=item.case_uuid: self.open_queued(uuid))
        self.queue_button.setEnabled(bool(self.queue))

    def open_queued(self, uuid: str) -> None:
        """A queued file in the form, its 流程 page in sight (where 审批 is)."""
        self.open_record(uuid)
        if self.form.current_uuid() == uuid:
            self.show_row(uuid)
            self.panels.setCurrentWidget(self.steps)
            self.steps.show_case(uuid)  # read now: the queue is of today, the page may be of earlier

    # ----- 送温暖活动 ------------------------------------------------------------------------------------
    def open_campaigns(self) -> CampaignsDialog:
        """The 送温暖 window (one at a time, non-modal: the files stay at hand while visits are recorded)."""
        if self.campaigns_window is None:
            found = getattr(self.window(), "settings", None)  # the main window's: where a PDF was saved last
            window = CampaignsDialog(self.context, found if isinstance(found, Settings) else None, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "campaigns_window", None))
            # a visit's 慰问金 may be a 送温暖慰问 payment in a file: the 帮扶记录 page read again
            window.changed.connect(lambda _uuid: self._show_panels(self.form.current_uuid(), stale=True))
            self.campaigns_window = window
        self.campaigns_window.show()
        self.campaigns_window.raise_()
        self.campaigns_window.activateWindow()
        return self.campaigns_window

    # ----- 年度复核 --------------------------------------------------------------------------------------
    def open_review(self) -> None:
        """The 年度复核 window; the list and the file shown again after each review (category, dates, status)."""
        open_review(self.context, self, self.records_changed)

    # ----- the list shown ------------------------------------------------------------------------------------
    def current_filter(self) -> ListFilter:
        equals = tuple((attr, combo.currentData()) for attr, combo in
                       (("status", self.status_filter), ("category", self.category_filter))
                       if combo.currentData() is not None)
        flag = self.review_filter.currentData()
        office = self.office_filter.currentData() if self.office_filter is not None else None
        return ListFilter(text=self.search.text(), equals=equals, office_code=office,
                          flags=(flag,) if flag is not None else ())

    def before_refresh(self) -> None:
        self.update_queue()  # a step may put a file in the queue or take it out

    def records_changed(self) -> None:
        self.update_queue()
        super().records_changed()
        self._show_panels(self.form.current_uuid(), stale=True)  # an import or sync may have moved the file
        if self.campaigns_window is not None:  # the open 送温暖 window follows too
            self.campaigns_window.records_changed()

    def screenshot_states(self) -> list[tuple[str, object]]:
        return self.panel_states(("-form", self.form), ("-household", self.household),
                                 ("-documents", self.documents), ("-steps", self.steps),
                                 ("-payments", self.payments), ("-students", self.students))
