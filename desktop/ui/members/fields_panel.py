"""The member's fields as the clerk works with them: shown (sensitive numbers masked, and then the birth date
as its year), checked as they are typed, birth date and gender read from a resident ID number, and compared
with what was shown."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from db import members
from db.errors import ValidationError
from db.masking import BIRTH_DATES, masked_birth_date
from db.members.fields import MEMBERS
from db.members.rules import LABELS, RESIDENT_ID
from db.models import Member
from db.store import Store
from db.validation import mask_id_number, mask_phone, parse_id_number
from desktop.ui.common.field_editors import CONTEXT, FieldEditor, align_captions, field_group
from desktop.ui.hints import date_hint
from desktop.ui.members.field_checks import field_problem, new_member_value

FIELD_BY_LABEL = {text: name for name, text in LABELS.items()}
FIELDS = tuple(name for _, names in MEMBERS.form_groups for name in names)
SENSITIVE: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "phone": mask_phone}
# Shown as its year while the ID number is masked (it would give the hidden digits back), opened with it.
MASKED_WITH = dict.fromkeys(BIRTH_DATES & set(FIELDS), "id_number")
DERIVED = ("birth_date", "gender")  # read from a resident ID number


class FieldsPanel(QWidget):
    """Every field of one member, in their groups, with what the clerk may do to each.

    Signals:
        edited(str): the clerk (or the ID number) changed a field; not sent while the panel fills itself.
            Sent after the field is checked and before birth date and gender are read from an ID number.
        masking_changed(): a masked number was opened for re-entry, or masked again.
        open_member_requested(str): the clerk asked to open the member who already holds the ID number.
    """

    edited = Signal(str)
    masking_changed = Signal()
    open_member_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._member: Member | None = None
        self._masked: set[str] = set()  # sensitive fields shown masked (and read-only unless unmasked)
        self._baseline: dict[str, Any] = {}
        self._loading = False
        self._duplicate_uuid: str | None = None
        self.fields: dict[str, FieldEditor] = {}
        self.unmask_buttons = {name: self._unmask_button(name) for name in SENSITIVE}
        self.open_duplicate_button = QPushButton(self.tr("打开该会员"))
        self.open_duplicate_button.setObjectName("open_duplicate")
        self.open_duplicate_button.clicked.connect(self._open_duplicate)
        self.open_duplicate_button.hide()
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        captions = []
        for key, names in MEMBERS.form_groups:
            title = QCoreApplication.translate(CONTEXT, key)
            box, fields, group_captions = field_group(title, [MEMBERS.field(n) for n in names], self.unmask_buttons,
                                                      {"id_number": self.open_duplicate_button})
            layout.addWidget(box)
            captions += group_captions
            for field in fields:
                self.fields[field.name] = field
                field.on_change(partial(self._changed, field.name))
        align_captions(captions)

    def focus_chain(self) -> list[QWidget]:
        """The editors and their buttons, top to bottom, for the form's tab order."""
        chain: list[QWidget] = []
        for name in FIELDS:
            chain.append(self.fields[name].editor)
            if name in self.unmask_buttons:
                chain.append(self.unmask_buttons[name])
            if name == "id_number":
                chain.append(self.open_duplicate_button)
        return chain

    def _unmask_button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("修改"))
        button.setObjectName(f"unmask_{name}")
        button.setCheckable(True)
        button.setToolTip(self.tr("清空后重新录入完整的号码"))
        button.toggled.connect(lambda checked, n=name: self._unmask(n, checked))
        return button

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self.check(name)
        self.edited.emit(name)  # first: the form applies what the ID type allows before the number is read
        if name in ("id_type", "id_number"):
            self._derive_from_id()

    # ----- what is shown --------------------------------------------------------------------------
    def show_member(self, member: Member | None, full_view: bool) -> None:
        """Show a member (None: an empty form with the defaults); numbers masked unless ``full_view``."""
        self._member = member
        self._masked = {name for name in SENSITIVE
                        if member is not None and getattr(member, name) and not full_view}
        self._masked |= {name for name, number in MASKED_WITH.items()
                         if number in self._masked and getattr(member, name)}
        self.fill({name: self._shown(member, name) for name in FIELDS})
        self._baseline = {name: self.fields[name].value() for name in FIELDS}

    def _shown(self, member: Member | None, name: str) -> Any:
        if member is None:
            return new_member_value(name)
        if name in self._masked:
            return self._masked_text(name)
        return getattr(member, name)

    def _masked_text(self, name: str) -> str:
        value = getattr(self._member, name)
        return SENSITIVE[name](value) if name in SENSITIVE else masked_birth_date(value)

    def fill(self, shown: dict[str, Any]) -> None:
        """Put values into the editors without treating them as typed; clears the error lines."""
        self._loading = True
        try:
            for button in self.unmask_buttons.values():
                button.setChecked(False)
            for name in FIELDS:
                self.fields[name].set_value(shown.get(name))
                self.fields[name].show_error(None)
        finally:
            self._loading = False
        self.hide_duplicate()

    def revert(self) -> None:
        """Back to the values shown when the member was opened."""
        self.fill(self._baseline)

    def is_dirty(self) -> bool:
        return any(self.fields[name].value() != self._baseline.get(name) for name in FIELDS)

    def values(self) -> dict[str, Any]:
        """The values to save: every field but the numbers still masked."""
        return {name: self.fields[name].value() for name in FIELDS if not self.is_masked(name)}

    def edited_names(self) -> list[str]:
        """The fields to save whose value differs from what was shown."""
        return [name for name, value in self.values().items() if value != self._baseline[name]]

    def is_resident_id(self) -> bool:
        return (self.fields["id_type"].value() or RESIDENT_ID) == RESIDENT_ID

    def apply_state(self, writable: bool) -> None:
        """Which editors can be used: from the actor's rights, the masking and the ID type."""
        resident = self.is_resident_id()
        for name in FIELDS:
            self.fields[name].set_editable(writable and not self.is_masked(name)
                                           and not (resident and name in DERIVED))
        birth_date = self.fields["birth_date"].editor
        assert isinstance(birth_date, QLineEdit)
        birth_date.setPlaceholderText(self.tr("由身份证号自动读出") if resident else date_hint())
        for name, toggle in self.unmask_buttons.items():
            toggle.setVisible(writable and name in self._masked)

    # ----- masking --------------------------------------------------------------------------------
    def is_masked(self, name: str) -> bool:
        return name in self._masked and not self.unmask_buttons[MASKED_WITH.get(name, name)].isChecked()

    def _unmask(self, name: str, checked: bool) -> None:
        if self._loading or self._member is None:
            return
        self._loading = True
        try:  # cleared for re-entry: no "必须填写" before the clerk has typed
            for opened in (name, *(n for n, number in MASKED_WITH.items() if number == name and n in self._masked)):
                self.fields[opened].set_value("" if checked else self._masked_text(opened))
                self.fields[opened].show_error(None)
        finally:
            self._loading = False
        self.masking_changed.emit()
        if checked:
            self.fields[name].editor.setFocus()

    # ----- checking -------------------------------------------------------------------------------
    def check(self, name: str) -> None:
        """Show what is wrong with a field the clerk just changed (and with the number when its type changed)."""
        self.fields[name].show_error(self.problem(name))
        if name == "id_number":
            self.hide_duplicate()
        if name == "id_type" and self.fields["id_number"].value():
            self.fields["id_number"].show_error(self.problem("id_number"))

    def check_all(self) -> str | None:
        """Show what is wrong with every field; returns the first field with a problem, or None."""
        problems = {name: problem for name in FIELDS if (problem := self.problem(name))}
        for name in FIELDS:
            self.fields[name].show_error(problems.get(name))
        return next(iter(problems), None)

    def problem(self, name: str) -> str | None:
        """What is wrong with a field's value on its own, or None (a masked number is not checked)."""
        if self.is_masked(name):
            return None
        return field_problem(name, self.fields[name].value(), self.fields["id_type"].value())

    def show_validation(self, error: ValidationError) -> str | None:
        """Show a refusal under the field it names; returns that field, or None when it names none."""
        name = FIELD_BY_LABEL.get(error.field, error.field)
        if name not in self.fields:
            return None
        self.fields[name].show_error(error.reason)
        return name

    def _derive_from_id(self) -> None:
        """Fill birth date and gender from a valid resident ID number, and warn of a duplicate at once."""
        if not self.is_resident_id() or self.is_masked("id_number"):
            return
        try:
            info = parse_id_number(self.fields["id_number"].value())
        except ValidationError:
            return
        self.fields["birth_date"].set_value(info.birth_date)
        self.fields["gender"].set_value(info.gender)
        member = self._member
        if member is not None and info.number == member.id_number:
            return
        try:
            members.check_id_number_free(self._store, info.number, member.uuid if member is not None else None)
        except members.DuplicateMember as exc:
            self.show_duplicate(exc)

    # ----- a duplicate ID number ------------------------------------------------------------------
    def show_duplicate(self, error: members.DuplicateMember) -> None:
        self.fields["id_number"].show_error(error.reason)
        self._duplicate_uuid = error.existing_uuid
        self.open_duplicate_button.show()

    def hide_duplicate(self) -> None:
        self._duplicate_uuid = None
        self.open_duplicate_button.hide()

    def _open_duplicate(self) -> None:
        if self._duplicate_uuid is not None:
            self.open_member_requested.emit(self._duplicate_uuid)

