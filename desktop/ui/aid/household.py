"""家庭成员: a hardship file's household as a sub-table (姓名, 关系, 性别, 身份证号, 年龄, 健康状况, 月收入,
单位或学校), rows added, changed and removed through db.aid.cases (an ID number checked, the birth date and
gender read from it, the age shown; a person in another open file refused: one household, one file). ID
numbers, health and income are masked for every role (design §7); a user allowed full values asks for the
chosen person's with 显示完整信息 (db.aid.privacy.reveal: one audited view per value)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import masking, reference
from db.aid import cases, privacy
from db.aid.fields import HOUSEHOLD_TABLE
from desktop.ui.aid.dialogs import OpenDialog, RecordDialog, ask
from desktop.ui.aid.saving import as_yuan
from desktop.ui.common.ask import agree_to_delete
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.context import AppContext
from desktop.ui.hints import date_hint
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may

WRITE = "records.write"
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
COLUMNS = ("name", "relation", "gender", "id_number", "age", "health", "monthly_income_fen", "employer_or_school")
_EDITED = ("name", "relation", "id_number", "gender", "birth_date", "health", "monthly_income_fen",
           "employer_or_school")


def _label(name: str) -> str:
    """A column's header: the declared label in the user's language (the registry's labels' context)."""
    if name == "age":
        return translate("AidHousehold", "年龄")
    return translate(CONTEXT, HOUSEHOLD_TABLE.field(name).label)


class PersonDialog(RecordDialog):
    """One household member's values; OK adds or changes the row through ``submit(values)``. A masked
    value is left empty and means “unchanged”."""

    def __init__(self, title: str, shown: dict[str, Any], submit: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._submit = submit
        self._shown = shown
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        for name in _EDITED:
            field = HOUSEHOLD_TABLE.field(name)
            caption = translate(CONTEXT, field.label) + ("*" if field.required else "")
            if field.kind == "choice":
                combo = self.choice(name, caption, [(v, v) for v in ["", *reference.values(field.choices or "")]])
                combo.setCurrentText(str(shown.get(name) or ""))
                self.editors[name] = combo
            else:
                hint = date_hint() if field.kind == "date" else ""
                if name == "id_number" and shown.get("masked"):
                    hint = self.tr("已隐藏；不修改请留空")
                self.editors[name] = self.line(name, caption, str(shown.get(name) or ""), hint)
        self.editors["birth_date"].setToolTip(self.tr("有身份证号时由身份证号得出"))

    def values(self) -> dict[str, Any]:
        typed = {name: (e.currentText() if isinstance(e, QComboBox) else e.text()).strip()
                 for name, e in self.editors.items()}
        return {name: value for name, value in typed.items()
                if value != str(self._shown.get(name) or "") or not self._shown}

    def run(self) -> Any:
        return self._submit(self.values())


class AidHousehold(QWidget):
    """The household page of one file.

    Signals:
        changed(str): the uuid of the file after a household member was added, changed or removed.
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.full = context.actor.can(privacy.FULL)  # may ask for full values; never shown unasked
        self.revealed: dict[str, dict[str, Any]] = {}  # person uuid → the full values asked for
        self.writable = context.actor.can(WRITE)
        self.uuid: str | None = None
        self.people: list[dict[str, Any]] = []
        self.open: bool = False
        # How a dialog or question is run; tests replace them.
        self.open_dialog: OpenDialog = lambda dialog: dialog.exec()
        self.confirm: Callable[[str], bool] = lambda text: agree_to_delete(self, self.tr("移除家庭成员"), text)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("household_table")
        self.table.setHorizontalHeaderLabels([_label(n) for n in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.error = error_label("household_error", hidden=True)
        self.add_button = QPushButton(self.tr("添加…"))
        self.add_button.setObjectName("add_person")
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setObjectName("edit_person")
        self.edit_button.clicked.connect(self.edit_person)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setObjectName("remove_person")
        self.remove_button.clicked.connect(self.remove_person)
        self.reveal_button = QPushButton(self.tr("显示完整信息"))
        self.reveal_button.setObjectName("reveal_person")
        self.reveal_button.clicked.connect(self.reveal_person)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_case(self, uuid: str | None) -> None:
        """Show file ``uuid``'s household (None: a file not yet saved has none)."""
        if uuid != self.uuid:
            self.revealed = {}  # asked for one file: another file starts masked
        self.uuid = uuid
        self.error.hide()
        details = cases.case_details(self.context.store, uuid) if uuid is not None else None
        self.people = details["household"] if details is not None else []
        self.open = details is not None and details["case"]["closed_on"] is None
        self.table.setRowCount(len(self.people))
        for r, person in enumerate(self.people):
            for c, name in enumerate(COLUMNS):
                self.table.setItem(r, c, QTableWidgetItem(self._cell(person, name)))
        self._buttons()

    def _cell(self, person: dict[str, Any], name: str) -> str:
        value = person.get(name)
        if value is None or value == "":
            return ""
        if name == "age":
            return str(value)
        field = HOUSEHOLD_TABLE.field(name)
        full = self.revealed.get(person["uuid"], {})
        if field.sensitive and name not in full:
            return masking.masked_text(field.kind, value)
        return str(as_yuan(value)) if field.kind == "money" else str(value)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) and self.table.selectedItems() else None

    def _buttons(self) -> None:
        may = self.writable and self.open
        chosen = may and self.selected() is not None
        self.add_button.setEnabled(may)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        person = self.selected()
        if not self.full:
            why_not = only_who_may(privacy.FULL, self.tr("查看完整信息"))
        elif person is None:
            why_not = self.tr("请先选择一位家庭成员")
        elif not self._hidden(person):
            why_not = self.tr("没有隐藏的信息")
        else:
            why_not = ""
        self.reveal_button.setEnabled(not why_not)
        self.reveal_button.setToolTip(why_not or self.tr(
            "显示所选成员的身份证号、健康状况和收入；每次查看都记入审计日志"))
        why = only_who_may(WRITE, self.tr("登记家庭成员")) if not self.writable else (
            "" if self.open else self.tr("保存档案后添加家庭成员；撤档的档案不能修改"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setToolTip(why)

    # ----- full values ------------------------------------------------------------------------------
    def _hidden(self, person: dict[str, Any]) -> list[str]:
        """The person's sensitive fields with a value not yet asked for."""
        full = self.revealed.get(person["uuid"], {})
        return [f.attr for f in privacy.sensitive_fields(household=True)
                if person.get(f.attr) not in (None, "") and f.attr not in full]

    def reveal_person(self) -> bool:
        """The chosen person's full values, one audited view each (db.aid.privacy.reveal)."""
        person = self.selected()
        if person is None or self.uuid is None or not self.full:
            return False
        row = self.table.currentRow()
        try:
            for name in self._hidden(person):
                value = privacy.reveal(self.context.store, self.context.actor, self.uuid, name,
                                       household_uuid=person["uuid"])
                self.revealed.setdefault(person["uuid"], {})[name] = value
        except Exception as exc:  # noqa: BLE001 - shown to the user as one sentence
            self.error.setText(describe(exc))
            self.error.show()
            return False
        for c, name in enumerate(COLUMNS):
            self.table.setItem(row, c, QTableWidgetItem(self._cell(person, name)))
        self._buttons()
        return True

    # ----- writing ----------------------------------------------------------------------------------
    def _shown(self, person: dict[str, Any]) -> dict[str, Any]:
        """What the change dialog shows: full values, or the sensitive ones left empty (unchanged)."""
        shown = {name: person.get(name) for name in _EDITED}
        shown["monthly_income_fen"] = as_yuan(person.get("monthly_income_fen"))
        shown["birth_date"] = person["birth_date"].isoformat() if person.get("birth_date") else None
        full = self.revealed.get(person["uuid"], {})
        hidden = [name for name in _EDITED if HOUSEHOLD_TABLE.field(name).sensitive and name not in full]
        if "id_number" in hidden:
            hidden.append("birth_date")  # the birth date would give the hidden digits back
        for name in hidden:
            shown[name] = None
        shown["masked"] = "id_number" in hidden
        return shown

    def add_person(self) -> bool:
        if self.uuid is None:
            return False
        store, actor, uuid = self.context.store, self.context.actor, self.uuid
        dialog = PersonDialog(self.tr("添加家庭成员"), {},
                              lambda values: cases.add_household_member(store, actor, uuid, values), self)
        return self._done(ask(dialog, self.open_dialog))

    def edit_person(self) -> bool:
        person = self.selected()
        if person is None or not (self.writable and self.open):
            return False
        store, actor = self.context.store, self.context.actor
        dialog = PersonDialog(self.tr("修改家庭成员：{0}").format(person["name"]), self._shown(person),
                              lambda values: cases.update_household_member(store, actor, person["uuid"], values), self)
        return self._done(ask(dialog, self.open_dialog))

    def remove_person(self) -> bool:
        person = self.selected()
        if person is None or not self.confirm(self.tr("把“{0}”从家庭成员中移除吗？").format(person["name"])):
            return False
        try:
            cases.remove_household_member(self.context.store, self.context.actor, person["uuid"])
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.error.setText(describe(exc))
            self.error.show()
            return False
        return self._done(True)

    def _done(self, result: Any) -> bool:
        if result is None or result is False or self.uuid is None:
            return False
        uuid = self.uuid
        self.show_case(uuid)
        self.changed.emit(uuid)
        return True


