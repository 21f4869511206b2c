"""The hardship file form's widgets and their layout: the header (档案编号 and member, status, who filed it and
the last change, a closed file's retention date, what went wrong that belongs to no field), the fields in a
scroll area, and 删除/放弃修改/保存 below."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from desktop.ui.aid import texts
from desktop.ui.aid.fields_panel import AidCaseFields
from desktop.ui.common.form_header import NOTE_STYLE, RecordHeader, SaveButtons, local_time, note_label
from desktop.ui.common.form_layout import RecordFormLayout
from desktop.ui.common.full_values import reveal_button
from desktop.ui.permissions import only_who_may

WRITE = "records.write"
STATUS_COLOURS = {"applied": "#1565c0", "verified": "#6a1b9a", "reviewed": "#6a1b9a", "publicized": "#e65100",
                  "filed": "#2e7d32", "relieved": "#616161", "cancelled": "#616161"}


def status_html(status: str) -> str:
    return texts.status_html(status, STATUS_COLOURS)


class AidCaseHeader(RecordHeader):
    """Which file the form shows, its status and last change, a closed file's note, and a form-wide error."""

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(writable, parent)
        self.closed_note = note_label("closed_note", NOTE_STYLE)
        self.closed_note.hide()
        self.read_only_note.setText(self.tr("只读：您没有录入和修改台账的权限，只能查看档案。"))
        # 显示完整信息: the masked values in full (all, or one from the menu), each view audited (the form wires it)
        self.reveal_button, self.reveal_menu = reveal_button()
        self.lay_out([self.reveal_button, self.status_label], [self.closed_note])

    def show_case(self, case: SimpleNamespace | None) -> None:
        self.closed_note.setVisible(case is not None and case.closed_on is not None)
        if case is None:
            self.status_label.setText("")
            if self._writable:
                self.title_label.setText(self.tr("建立困难职工档案（申请）"))
                self.last_modified_label.setText(self.tr(
                    "按身份证号选择本单位会员；一户一档：已有未撤档档案的职工或其家庭成员不能再建档。"
                    "档案编号不填则自动编号。"))
            else:
                self.title_label.setText(self.tr("未选择档案"))
                self.last_modified_label.setText(self.tr("在左侧列表中选择一个档案查看。"))
            return
        self.title_label.setText(f"{case.case_no} · {case.member_name or ''}")
        self.status_label.setText(status_html(case.status))
        self.last_modified_label.setText(self.tr("建档人 {filer} · 最后修改：第 {rev} 版 · {at} · {by}").format(
            filer=case.filed_by, rev=case.rev, at=local_time(case.updated_at), by=case.updated_by))
        if case.closed_on is not None:
            text = self.tr("已于 {on} 撤档（{reason}），不能再修改。").format(on=case.closed_on.isoformat(),
                                                                   reason=case.closed_reason or "")
            if case.may_anonymise_from is not None:
                text += self.tr("可于 {day} 起匿名化（保存期满）。").format(day=case.may_anonymise_from.isoformat())
            self.closed_note.setText(text)


class AidActionBar(SaveButtons):
    """删除 (never: a file is closed by 注销) on the left, 放弃修改 and 保存 on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_buttons(self.tr("删除"), self.tr("放弃修改"), self.tr("保存"))
        self.lay_out_row()

    def apply_state(self, writable: bool) -> None:
        self.delete_button.setEnabled(False)
        self.delete_button.setToolTip(self.tr("困难职工档案不能删除：请在“流程”中注销（撤档），档案按规定保存"))
        if not writable:
            for button, doing in ((self.cancel_button, self.tr("修改档案")), (self.save_button, self.tr("保存档案"))):
                button.setToolTip(only_who_may(WRITE, doing))
            return
        self.cancel_button.setToolTip(self.tr("恢复为打开时的内容（Esc）"))
        self.save_button.setToolTip(self.tr("保存档案"))


class AidFormWidgets(RecordFormLayout):
    """The widgets of the file form, laid out, with the names the tab and the tests reach for."""

    header: AidCaseHeader
    fields_panel: AidCaseFields
    action_bar: AidActionBar

    def __init__(self, writable: bool, fields_panel: AidCaseFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = AidCaseHeader(writable)
        self.fields_panel = fields_panel
        self.action_bar = AidActionBar()
        self.lay_out(self.header, [self.fields_panel], self.action_bar)
        self.fields = self.fields_panel.fields
        self.delete_button, self.cancel_button = self.action_bar.delete_button, self.action_bar.cancel_button
        self.save_button = self.action_bar.save_button
        self.form_error = self.header.form_error
        self.chain_tab_order([*self.fields_panel.focus_chain(), *self.action_bar.buttons()])
