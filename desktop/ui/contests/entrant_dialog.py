"""The dialogs of a contest's entrants page: a member entered through the member search (姓名, 拼音首字母,
身份证号), a non-member entered by name and a valid ID number, and an entrant's team, employer and notes
changed. Each OK runs its use case; a refusal (the person already entered, a bad ID number) is shown under
the field it names, the dialog stays open and nothing is written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.contests.entrants import EntrantRow
from db.contests.fields import ENTRY_TABLE
from db.errors import ValidationError
from db.fields import Field
from db.masking import masked_text
from db.members import listing as member_list
from db.members.listing import MemberFilter, MemberRow, MemberSort
from db.store import Store
from desktop.ui.common.field_editors import FieldEditor, align_captions
from desktop.ui.messages import error_label
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import fill_table, make_table, selected_row

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
FOUND_LIMIT = 50  # members listed for one search: a clerk narrows the text rather than scrolls further
# the refusals of add_entrant that are about the person chosen: shown under the member search
_PERSON_LABELS = ("姓名", "身份证号", "会员")
_NOTES = ("employer", "team", "eligibility_notes")

Submit = Callable[[dict[str, Any]], None]


def _fields(names: Sequence[str]) -> list[Field]:
    return [ENTRY_TABLE.field(name) for name in names]


class MemberEntrantDialog(FieldDialog):
    """添加会员参赛: a search over the members (name, pinyin initials such as ``zs``, ID number or its last
    4 characters, phone, member number) and the list of those found; the member chosen is entered with the
    工作单位 (the member's unless typed), 代表队 and 资格说明 below. OK runs ``submit`` with ``member_uuid``
    and those values."""

    def __init__(self, store: Store, contest_name: str, submit: Submit, *, full_ids: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加会员参赛：{name}").format(name=contest_name), parent)
        self._store, self._submit_values, self._full_ids = store, submit, full_ids
        self.found: list[MemberRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(self.tr("姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号"))
        self.search.setClearButtonEnabled(True)
        self.members = make_table("found_members", [
            self.tr("姓名"), self.tr("性别"), self.tr("身份证号"), self.tr("工作单位"), self.tr("会员编号")])
        self.members.setMinimumHeight(200)
        self.members.doubleClicked.connect(lambda _index: self.submit())
        self.found_note = QLabel()
        self.found_note.setObjectName("found_note")
        person_error = error_label("error_member", hidden=True)
        self.member_field = FieldEditor(Field("member_uuid", "会员"), self.search, person_error)
        picker = QGroupBox(self.tr("查找会员"))
        column = QVBoxLayout(picker)
        column.addWidget(self.search)
        column.addWidget(self.members, 1)
        column.addWidget(self.found_note)
        column.addWidget(person_error)
        notes = QVBoxLayout()
        notes.addWidget(self.group("参赛信息", _fields(_NOTES)))
        notes.addStretch(1)
        align_captions(self.captions)
        self.fields["employer"].editor.setToolTip(self.tr("留空则用会员档案中的工作单位"))
        self.fields["team"].editor.setToolTip(self.tr("留空则同工作单位"))
        self.columns.addWidget(picker, 3)
        self.columns.addLayout(notes, 2)
        self.search.textChanged.connect(lambda _text: self.search_members())
        self.setMinimumWidth(900)
        self.search_members()
        self.search.setFocus()

    def search_members(self) -> None:
        """List the members the search text finds (by name's pinyin), the first of them selected."""
        text = self.search.text().strip()
        self.found = [] if not text else member_list.read_page(
            self._store, MemberFilter(text=text), MemberSort("name"), limit=FOUND_LIMIT + 1)
        more = len(self.found) > FOUND_LIMIT
        self.found = self.found[:FOUND_LIMIT]
        fill_table(self.members, [
            (row.name, row.gender or "", row.id_number if self._full_ids else masked_text("id_number", row.id_number),
             row.employer or "", row.member_no) for row in self.found])
        if self.found:
            self.members.selectRow(0)
        if not text:
            note = self.tr("输入姓名、拼音首字母或身份证号查找会员")
        elif not self.found:
            note = self.tr("没有找到会员；非会员请用“添加非会员…”")
        elif more:
            note = self.tr("只列出前{n}人，请输入更多内容缩小范围").format(n=FOUND_LIMIT)
        else:
            note = self.tr("找到{n}人").format(n=len(self.found))
        self.found_note.setText(note)

    def chosen(self) -> MemberRow | None:
        row = selected_row(self.members)
        return self.found[row] if row is not None else None

    def member_error(self) -> str:
        """The refusal shown under the member search (empty when none)."""
        error = self.member_field.error
        return error.text() if error.isVisibleTo(self) else ""

    def submit(self) -> None:
        self.member_field.show_error(None)
        super().submit()

    def _named(self, name: str) -> FieldEditor | None:
        return self.member_field if name in _PERSON_LABELS else super()._named(name)

    def run(self) -> None:
        member = self.chosen()
        if member is None:
            raise ValidationError("会员", translate("ContestEntrants", "请先查找并选择一名会员"))
        self._submit_values({"member_uuid": member.uuid, **{k: v or None for k, v in self.values().items()}})


class NonMemberEntrantDialog(FieldDialog):
    """添加非会员参赛: 姓名, 身份证号 (checked: its check digit and birth date), 性别 (the ID number's when left
    empty), 工作单位, 代表队 and 资格说明; OK runs ``submit`` with them."""

    def __init__(self, contest_name: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加非会员参赛：{name}").format(name=contest_name), parent)
        self._submit_values = submit
        person = self.group("参赛人员", _fields(("name", "id_number", "gender")))
        notes = self.group("参赛信息", _fields(_NOTES))
        for name in ("name", "id_number"):  # required here, though optional on an imported row
            label = self.captions[[f.name for f in self.fields.values()].index(name)]
            label.setText(label.text().rstrip("*") + "*")
        align_captions(self.captions)
        self.fields["gender"].editor.setToolTip(self.tr("留空则按身份证号确定"))
        column = QVBoxLayout()
        column.addWidget(person)
        column.addWidget(notes)
        self.columns.addLayout(column)
        self.setMinimumWidth(520)

    def run(self) -> None:
        self._submit_values({k: v or None for k, v in self.values().items()})


class EditEntrantDialog(FieldDialog):
    """修改参赛选手: 工作单位, 代表队, 资格说明 and, when the contest's tie-breaks use it, 用时（秒）; OK runs
    ``submit`` with the values changed (nothing changed: the dialog just closes)."""

    def __init__(self, entrant: EntrantRow, with_time: bool, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改参赛选手：{no} {name}").format(no=entrant.entry_no, name=entrant.name), parent)
        self._submit_values = submit
        names = (*_NOTES, "completion_seconds") if with_time else _NOTES
        box = self.group("参赛信息", _fields(names))
        align_captions(self.captions)
        self.columns.addWidget(box)
        self._before = {"employer": entrant.employer, "team": entrant.team,
                        "eligibility_notes": entrant.eligibility_notes,
                        "completion_seconds": entrant.completion_seconds}
        for name, field in self.fields.items():
            field.set_value(self._before[name])
        self.setMinimumWidth(480)

    def changes(self) -> dict[str, Any]:
        """What the clerk changed, by attribute (emptied: None)."""
        def text(value: Any) -> str:
            return "" if value is None else str(value)

        return {name: value or None for name, value in self.values().items()
                if text(value) != text(self._before[name])}

    def before(self) -> dict[str, Any]:
        """The values before the edit, of the fields the dialog shows (what an undo writes back)."""
        return {name: self._before[name] for name in self.fields}

    def run(self) -> None:
        changes = self.changes()
        if changes:
            self._submit_values(changes)
