"""The dialogs of the 送温暖 window: a campaign's fields (新建活动… / 修改…) with its target groups as check
boxes and its caps in yuan (a new one's from the office's settings), and a recipient added from one of three
sources — a hardship file 在档 (found by 档案编号 or 姓名), a member (found as in the contest dialogs; the
new-employment-form members suggested for that group) or a non-member by name and ID number — with the cash
and/or the gift. Each OK runs its use case; a refusal (the person already visited in this campaign, a cap, a
file not 在档) is shown under the field it names, the dialog stays open and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import listing, reference
from db.aid import campaigns
from db.aid import cases as aid_cases
from db.aid.fields import AID_CASES, CAMPAIGN_TABLE, VISIT_TABLE
from db.errors import ValidationError
from db.fields import Field
from db.masking import masked_text
from db.members import listing as member_list
from db.members.listing import NEW_FORMS, MemberFilter, MemberRow, MemberSort
from db.store import Store
from desktop.ui.aid.fields_panel import yuan
from desktop.ui.common.field_editors import FieldEditor, align_captions
from desktop.ui.messages import error_label
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import fill_table, make_table, selected_row

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
FOUND_LIMIT = 50  # people listed for one search: a clerk narrows the text rather than scrolls further
SEPARATOR = "、"
_CAMPAIGN = ("name", "year", "festival", "starts_on", "ends_on", "target_groups", "visit_cap_fen",
             "yearly_cap_fen", "remarks")
_VISIT = ("group", "amount_fen", "gift", "visited_on", "visitor")
_PERSON = ("name", "id_number")  # a non-member's
# the refusals of add_recipient about the person chosen (from a file or a member): shown under the sources
_PERSON_LABELS = (campaigns.RECIPIENT_LABEL, "困难职工档案", "会员")
FILES, MEMBERS, OTHERS = range(3)

Submit = Callable[[dict[str, Any]], None]


def _money_text(fen: int | None) -> str:
    """Fen as a clerk types yuan: 3000.00 (no thousands separator in an editor)."""
    return "" if fen is None else yuan(fen).replace(",", "")


class GroupBoxes(QWidget):
    """慰问对象类别 as one check box per group (the reference list's order); its value is the groups ticked,
    joined by 、 as the declaration stores them."""

    def __init__(self, groups: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, group in enumerate(groups):
            box = QCheckBox(group)
            box.setObjectName(f"group_{n}")
            self.boxes[group] = box
            grid.addWidget(box, n // 2, n % 2)

    def value(self) -> str:
        return SEPARATOR.join(g for g, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: str | None) -> None:
        chosen = set((value or "").split(SEPARATOR))
        for group, box in self.boxes.items():
            box.setChecked(group in chosen)


class CampaignDialog(FieldDialog):
    """新建送温暖活动 / 修改活动: 活动名称, 年度, 节日, 开始/结束日期, 慰问对象类别 (check boxes), the two caps in
    元 and 备注. ``values`` prefill it (a new campaign: this year and the office's caps); OK runs ``submit``
    with every field as typed (the use case cleans and checks them)."""

    def __init__(self, title: str, values: Mapping[str, Any], submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._submit_values = submit
        self.groups = GroupBoxes(reference.values("festival_group"))
        fields = [CAMPAIGN_TABLE.field(name) for name in _CAMPAIGN]
        box = self.group("送温暖活动", fields, {"target_groups": self.groups})
        align_captions(self.captions)
        self.columns.addWidget(box)
        for name, field in self.fields.items():
            value = values.get(name)
            if name == "target_groups":
                self.groups.set_value(value)
            elif name.endswith("_fen"):
                field.set_value(_money_text(value))
            else:
                field.set_value(value)
        self.fields["visit_cap_fen"].editor.setToolTip(self.tr("新活动默认使用帮扶设置中的上限"))
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        got = {name: f.value() for name, f in self.fields.items() if name != "target_groups"}
        got = {name: value.strip() if isinstance(value, str) else value for name, value in got.items()}
        return {**{k: v or None for k, v in got.items()}, "target_groups": self.groups.value() or None}

    def run(self) -> None:
        self._submit_values(self.values())


class RecipientDialog(FieldDialog):
    """添加慰问对象: the person from one of three pages (困难职工档案 在档 / 会员 / 非会员), then 慰问对象类别 (the
    campaign's groups; a file implies 困难职工, a new-employment-form member 新就业形态劳动者), 慰问金 in 元,
    慰问品, 慰问日期 and 慰问人. OK runs ``submit`` with ``case_uuid``, ``member_uuid`` or ``name`` and
    ``id_number``, and those values."""

    def __init__(self, store: Store, campaign: Mapping[str, Any], submit: Submit, *, full_ids: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加慰问对象：{name}").format(name=campaign["name"]), parent)
        self._store, self._submit_values, self._full_ids = store, submit, full_ids
        self.campaign_groups: list[str] = str(campaign["target_groups"]).split(SEPARATOR)
        self.files: list[dict[str, Any]] = []
        self.members: list[MemberRow] = []
        self.sources = QTabWidget()
        self.sources.setObjectName("sources")
        self.sources.addTab(self._files_page(), self.tr("困难职工档案（在档）"))
        self.sources.addTab(self._members_page(), self.tr("会员"))
        self.sources.addTab(self._others_page(), self.tr("非会员"))
        person_error = error_label("error_person", hidden=True)
        self.person_field = FieldEditor(Field("person", campaigns.RECIPIENT_LABEL), self.sources, person_error)
        picker = QGroupBox(self.tr("慰问对象"))
        column = QVBoxLayout(picker)
        column.addWidget(self.sources, 1)
        column.addWidget(person_error)
        visit = QVBoxLayout()
        # the group's title is looked up with the declared labels (FieldDialog.group): marked for pyside6-lupdate
        title = str(QT_TRANSLATE_NOOP("RegistryFields", "慰问"))
        visit.addWidget(self.group(title, [VISIT_TABLE.field(name) for name in _VISIT]))
        visit.addStretch(1)
        align_captions(self.captions)
        group_combo = self.fields["group"].editor
        assert isinstance(group_combo, QComboBox)
        self.group_combo = group_combo
        group_combo.clear()
        group_combo.addItems(["", *self.campaign_groups])  # only the campaign's groups
        group_combo.setToolTip(self.tr("留空则按来源：困难职工档案为困难职工，新就业形态会员为新就业形态劳动者"))
        self.fields["amount_fen"].editor.setToolTip(self.tr("元，最多两位小数；慰问金和慰问品至少填写一项"))
        self.fields["visited_on"].set_value(_visit_day(campaign))
        self.columns.addWidget(picker, 3)
        self.columns.addLayout(visit, 2)
        self.sources.currentChanged.connect(self._source_changed)
        group_combo.currentTextChanged.connect(self._group_changed)
        self.setMinimumWidth(960)
        self.search_files()
        self._source_changed(FILES)

    # ----- the three pages -------------------------------------------------------------------------
    def _files_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.file_search = QLineEdit()
        self.file_search.setObjectName("file_search")
        self.file_search.setPlaceholderText(self.tr("档案编号、姓名或身份证号；只列在档的档案"))
        self.file_search.setClearButtonEnabled(True)
        self.file_table = make_table("found_files", [self.tr("档案编号"), self.tr("姓名"), self.tr("困难类别"),
                                                     self.tr("主要致困原因")])
        self.file_table.setMinimumHeight(220)
        self.file_table.doubleClicked.connect(lambda _index: self.submit())
        self.file_note = QLabel()
        self.file_note.setObjectName("file_note")
        layout.addWidget(self.file_search)
        layout.addWidget(self.file_table, 1)
        layout.addWidget(self.file_note)
        self.file_search.textChanged.connect(lambda _text: self.search_files())
        return page

    def _members_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.member_search = QLineEdit()
        self.member_search.setObjectName("member_search")
        self.member_search.setPlaceholderText(self.tr("姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号"))
        self.member_search.setClearButtonEnabled(True)
        self.new_forms_only = QCheckBox(self.tr("只列新就业形态劳动者（快递员、外卖送餐员、网约车司机等）"))
        self.new_forms_only.setObjectName("new_forms_only")
        self.member_table = make_table("found_members", [self.tr("姓名"), self.tr("性别"), self.tr("身份证号"),
                                                         self.tr("就业形态"), self.tr("工作单位")])
        self.member_table.setMinimumHeight(200)
        self.member_table.doubleClicked.connect(lambda _index: self.submit())
        self.member_table.itemSelectionChanged.connect(self._member_chosen)
        self.member_note = QLabel()
        self.member_note.setObjectName("member_note")
        layout.addWidget(self.member_search)
        layout.addWidget(self.new_forms_only)
        layout.addWidget(self.member_table, 1)
        layout.addWidget(self.member_note)
        self.member_search.textChanged.connect(lambda _text: self.search_members())
        self.new_forms_only.toggled.connect(lambda _on: self.search_members())
        return page

    def _others_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = self.group("非会员", [VISIT_TABLE.field(name) for name in _PERSON])
        for name in _PERSON:  # both required for a non-member
            label = self.captions[list(self.fields).index(name)]
            label.setText(label.text().rstrip("*") + "*")
        note = QLabel(self.tr("不是本会会员的慰问对象：填写姓名和身份证号（校验位和出生日期都会检查）。"))
        note.setWordWrap(True)
        layout.addWidget(box)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # ----- searching ---------------------------------------------------------------------------------
    def search_files(self) -> None:
        """The files 在档 the text finds (all of them, the first 50, while it is empty)."""
        text = self.file_search.text().strip()
        found = listing.read_page(self._store, AID_CASES, listing.ListFilter(text=text, equals=(("status", "filed"),)),
                                  listing.ListSort("case_no"), limit=FOUND_LIMIT + 1)
        more = len(found) > FOUND_LIMIT
        self.files = found[:FOUND_LIMIT]
        fill_table(self.file_table, [(row["case_no"], row.get("member_name") or "", row.get("category") or "",
                                      row.get("main_cause") or "") for row in self.files])
        if self.files:
            self.file_table.selectRow(0)
        if not self.files:
            note = self.tr("没有找到在档的困难职工档案") if text else self.tr("还没有在档的困难职工档案")
        elif more:
            note = self.tr("只列出前{n}份，请输入更多内容缩小范围").format(n=FOUND_LIMIT)
        else:
            note = self.tr("找到{n}份在档档案").format(n=len(self.files))
        self.file_note.setText(note)

    def search_members(self) -> None:
        """The members 在会 the text finds; with 只列新就业形态劳动者 ticked, those of a new employment form (all of
        them while the text is empty: the people the group suggests)."""
        text = self.member_search.text().strip()
        only_new = self.new_forms_only.isChecked()
        flt = MemberFilter(text=text, status="active", employment_form=NEW_FORMS if only_new else None)
        found = [] if not text and not only_new else member_list.read_page(
            self._store, flt, MemberSort("name"), limit=FOUND_LIMIT + 1)
        more = len(found) > FOUND_LIMIT
        self.members = found[:FOUND_LIMIT]
        fill_table(self.member_table, [
            (row.name, row.gender or "", row.id_number if self._full_ids else masked_text("id_number", row.id_number),
             row.employment_form or "", row.employer or "") for row in self.members])
        if self.members:
            self.member_table.selectRow(0)
        if not text and not only_new:
            note = self.tr("输入姓名、拼音首字母或身份证号查找会员")
        elif not self.members:
            note = self.tr("没有找到在会会员；非会员请在“非会员”页填写")
        elif more:
            note = self.tr("只列出前{n}人，请输入更多内容缩小范围").format(n=FOUND_LIMIT)
        else:
            note = self.tr("找到{n}人").format(n=len(self.members))
        self.member_note.setText(note)

    def chosen_file(self) -> dict[str, Any] | None:
        row = selected_row(self.file_table)
        return self.files[row] if row is not None else None

    def chosen_member(self) -> MemberRow | None:
        row = selected_row(self.member_table)
        return self.members[row] if row is not None else None

    # ----- the group follows the source --------------------------------------------------------------
    def _suggest_group(self, group: str) -> None:
        if group in self.campaign_groups:
            self.group_combo.setCurrentText(group)

    def _source_changed(self, index: int) -> None:
        if index == FILES:
            self._suggest_group(campaigns.HARDSHIP)
        elif index == MEMBERS:
            self._member_chosen()
        self.person_field.show_error(None)

    def _member_chosen(self) -> None:
        member = self.chosen_member()
        if member is not None and member.employment_form in reference.allowed("new_employment_forms"):
            self._suggest_group(campaigns.NEW_FORMS)

    def _group_changed(self, group: str) -> None:
        """新就业形态劳动者 chosen: the member page lists them (the members that group suggests)."""
        if group == campaigns.NEW_FORMS and not self.new_forms_only.isChecked():
            self.new_forms_only.setChecked(True)

    # ----- OK ----------------------------------------------------------------------------------------
    def person_error(self) -> str:
        """The refusal shown under the sources (empty when none)."""
        error = self.person_field.error
        return error.text() if error.isVisibleTo(self) else ""

    def submit(self) -> None:
        self.person_field.show_error(None)
        super().submit()

    def _named(self, name: str) -> FieldEditor | None:
        if name in _PERSON_LABELS:
            return self.person_field
        return super()._named(name)

    def person(self) -> dict[str, Any]:
        """The person as the page shown names them."""
        index = self.sources.currentIndex()
        if index == FILES:
            case = self.chosen_file()
            if case is None:
                raise ValidationError(campaigns.RECIPIENT_LABEL,
                                      translate("AidCampaigns", "请先查找并选择一份在档的困难职工档案"))
            return {"case_uuid": case["uuid"]}
        if index == MEMBERS:
            member = self.chosen_member()
            if member is None:
                raise ValidationError(campaigns.RECIPIENT_LABEL, translate("AidCampaigns", "请先查找并选择一名会员"))
            return {"member_uuid": member.uuid}
        return {name: self.text(name) or None for name in _PERSON}

    def run(self) -> None:
        visit = {name: self.fields[name].value() for name in _VISIT}
        visit = {name: (value.strip() if isinstance(value, str) else value) or None for name, value in visit.items()}
        self._submit_values({**self.person(), **visit})


def _visit_day(campaign: Mapping[str, Any]) -> str:
    """Today, or the campaign's last day once it is over (a visit is never after today nor outside its days)."""
    today = aid_cases.today()
    ends = campaign["ends_on"]
    day = min(today, ends) if isinstance(ends, dt.date) else today
    return day.isoformat()


class RecipientEditDialog(FieldDialog):
    """修改慰问对象: the person as recorded (姓名, 身份证号 masked unless the role may see it, 来源: another person
    is another visit) and what the visit holds — 慰问对象类别 (the campaign's groups), 慰问金 in 元, 慰问品,
    慰问日期 and 慰问人 — filled in from ``recipient``. OK runs ``submit`` with those five values as typed; a
    refusal (a cap, the campaign's days or groups) stays under its field and nothing is written."""

    def __init__(self, campaign: Mapping[str, Any], recipient: campaigns.Recipient, submit: Submit, *,
                 full_ids: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改慰问对象：{name}").format(name=recipient.name), parent)
        self._submit_values = submit
        number = recipient.id_number or ""
        shown = number if full_ids or not number else masked_text("id_number", number)
        person = QGroupBox(self.tr("慰问对象"))
        person_layout = QVBoxLayout(person)
        who = QLabel(self.tr("{name}　{number}\n来源：{source}").format(name=recipient.name, number=shown,
                                                                        source=recipient.source))
        who.setObjectName("recipient_person")
        person_layout.addWidget(who)
        note = QLabel(self.tr("要换成另一人，请移除本条后重新添加。"))
        note.setWordWrap(True)
        person_layout.addWidget(note)
        if recipient.payment_uuid:
            paid = QLabel(self.tr("慰问金已同时记入其困难职工档案的帮扶记录（送温暖慰问），修改或移除时一并更改。"))
            paid.setObjectName("payment_note")
            paid.setWordWrap(True)
            person_layout.addWidget(paid)
        person_layout.addStretch(1)
        visit = self.group("慰问", [VISIT_TABLE.field(name) for name in _VISIT])
        align_captions(self.captions)
        group_combo = self.fields["group"].editor
        assert isinstance(group_combo, QComboBox)
        groups = str(campaign["target_groups"]).split(SEPARATOR)
        group_combo.clear()
        group_combo.addItems(["", *groups, *([recipient.group] if recipient.group not in groups else [])])
        self.fields["amount_fen"].editor.setToolTip(self.tr("元，最多两位小数；慰问金和慰问品至少填写一项"))
        for name, value in before_edit(recipient).items():
            self.fields[name].set_value(value)
        self.columns.addWidget(person, 2)
        self.columns.addWidget(visit, 3)
        self.setMinimumWidth(720)

    def run(self) -> None:
        visit = {name: self.fields[name].value() for name in _VISIT}
        self._submit_values({name: (value.strip() if isinstance(value, str) else value) or None
                             for name, value in visit.items()})


def before_edit(recipient: campaigns.Recipient) -> dict[str, Any]:
    """What a visit holds, as its edit dialog shows it and an 撤销 of the edit gives it back (money in 元)."""
    return {"group": recipient.group, "amount_fen": _money_text(recipient.amount_fen) if recipient.amount_fen else "",
            "gift": recipient.gift or "", "visited_on": recipient.visited_on.isoformat(),
            "visitor": recipient.visitor or ""}
