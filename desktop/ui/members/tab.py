"""The member tab (会员): the generic registry tab (desktop/ui/common/list_tab) with the member planner's
list, the member form and the filters only members have."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QWidget

from db import reference
from db.members.fields import MEMBERS
from db.members.listing import NEW_FORMS, MemberFilter
from desktop.ui.common.list_tab import FormListTab
from desktop.ui.context import AppContext
from desktop.ui.members.form import MemberForm
from desktop.ui.members.table_model import MemberTableModel


class MembersTab(FormListTab):
    """会员: the generic registry tab over the member planner's list, with the member form beside it, and what
    only members have: the status, employment-form and base-union filters."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        form = MemberForm(context)
        super().__init__(context, MEMBERS, MemberTableModel(context), form, parent,
                         title=QCoreApplication.translate("MembersTab", "会员"))
        self.form: MemberForm = form
        self.model: MemberTableModel
        self.table.setObjectName("member_table")
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(self.tr("查找：姓名、拼音首字母（如 zs）、身份证号或后4位、手机号、会员编号"))
        self.status_filter = self.add_filter("status_filter", self.tr("全部状态"),
                                             list(reference.labels("member_status").items()))
        forms = [(NEW_FORMS, self.tr("新就业形态（全部）"))] + [(f, f) for f in reference.values("employment_form")]
        self.form_filter = self.add_filter("form_filter", self.tr("全部就业形态"), forms)
        self.union_filter = self.add_filter("union_filter", self.tr("全部基层工会"),
                                            [(u, u) for u in self.model.base_unions()])
        self.office_filter: QComboBox | None = None
        if self.context.is_district:
            self.office_filter = self.add_filter("office_filter", self.tr("全部街道"), self.model.offices())
        self.form.saved.connect(self._saved)
        self.form.open_member_requested.connect(self.show_member)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.form.escape)  # asks before it throws work away

    # ----- the list shown ------------------------------------------------------------------------------------
    def current_filter(self) -> MemberFilter:
        office = self.office_filter.currentData() if self.office_filter is not None else None
        return MemberFilter(text=self.search.text(), status=self.status_filter.currentData(),
                            employment_form=self.form_filter.currentData(),
                            base_union=self.union_filter.currentData(), office_code=office)

    # ----- selection and form ---------------------------------------------------------------------
    def record_selected(self, uuid: str) -> None:
        if uuid != self.form.current_uuid() and self.form.confirm_discard():
            self.form.load(uuid)

    def open_record(self, uuid: str) -> None:
        if uuid != self.form.current_uuid():
            if not self.form.confirm_discard():
                return
            self.form.load(uuid)
        self.form.setFocus()
        self.form.focusNextChild()

    @Slot(str)
    def show_member(self, uuid: str) -> None:
        """Open a member in the form (e.g. the existing holder of a duplicate ID number)."""
        if self.form.confirm_discard():
            self.form.load(uuid)
            self.show_row(uuid)

    @Slot(str)
    def _saved(self, uuid: str) -> None:
        if not self.model.refresh_row(uuid):
            self.model.set_view(self.current_filter(), self.model.sort_order)
            self.show_row(uuid)
        self._emit_counts(recount=True)
        description = self.form.last_change_description()
        if description:
            self.status_message.emit(description)

    # ----- RegistryTab ------------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.form.confirm_discard():
            self.table.clearSelection()
            self.form.new()

    def screenshot_states(self) -> list[tuple[str, object]]:
        def with_record() -> None:
            self.table.selectRow(0)

        def searching() -> None:
            self.search.setText("zs")
            self.apply_filters()
            self.table.selectRow(0)

        return [("-form", with_record), ("-search", searching)]
