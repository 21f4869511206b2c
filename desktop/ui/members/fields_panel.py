"""The member's fields as the clerk works with them: shown (sensitive numbers masked, and then the birth date
as its year), checked as they are typed, birth date and gender read from a resident ID number, and compared
with what was shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from db import members
from db.errors import ValidationError
from db.members.fields import MEMBERS
from db.members.rules import RESIDENT_ID
from db.models import Member
from db.store import Store
from db.validation import parse_id_number
from desktop.ui.common.record_fields import RecordFields
from desktop.ui.hints import date_hint
from desktop.ui.members.field_checks import field_problem, new_member_value

FIELDS = tuple(name for _, names in MEMBERS.form_groups for name in names)
DERIVED = ("birth_date", "gender")  # read from a resident ID number


class FieldsPanel(RecordFields):
    """Every field of one member (the generic record fields), and what only members have: birth date and
    gender read from a resident ID number, other documents typed by hand, and a duplicate ID number found
    as it is typed.

    Signals:
        open_member_requested(str): the clerk asked to open the member who already holds the ID number.
    """

    open_member_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        self._store = store
        self._duplicate_uuid: str | None = None
        self.open_duplicate_button = QPushButton(QCoreApplication.translate("FieldsPanel", "打开该会员"))
        self.open_duplicate_button.setObjectName("open_duplicate")
        self.open_duplicate_button.hide()
        super().__init__(MEMBERS, {"id_number": self.open_duplicate_button}, parent)
        self.open_duplicate_button.clicked.connect(self._open_duplicate)

    def chain_after(self, name: str) -> list[QWidget]:
        return [self.open_duplicate_button] if name == "id_number" else []

    def after_edit(self, name: str) -> None:
        if name in ("id_type", "id_number"):
            self._derive_from_id()

    # ----- what is shown --------------------------------------------------------------------------
    def show_member(self, member: Member | None) -> None:
        """Show a member (None: an empty form with the defaults), the numbers masked (design §7: a full value
        is asked for, see common/full_values)."""
        self.show_record(member, False)

    def new_value(self, name: str) -> Any:
        return new_member_value(name)

    def fill(self, shown: dict[str, Any]) -> None:
        super().fill(shown)
        self.hide_duplicate()

    def is_resident_id(self) -> bool:
        return (self.fields["id_type"].value() or RESIDENT_ID) == RESIDENT_ID

    def editable(self, name: str) -> bool:
        return not (self.is_resident_id() and name in DERIVED)

    def apply_state(self, writable: bool) -> None:
        """Which editors can be used: from the actor's rights, the masking and the ID type."""
        super().apply_state(writable)
        birth_date = self.fields["birth_date"].editor
        assert isinstance(birth_date, QLineEdit)
        birth_date.setPlaceholderText(self.tr("由身份证号自动读出") if self.is_resident_id() else date_hint())

    # ----- checking -------------------------------------------------------------------------------
    def check(self, name: str) -> None:
        """Show what is wrong with a field the clerk just changed (and with the number when its type changed)."""
        super().check(name)
        if name == "id_number":
            self.hide_duplicate()
        if name == "id_type" and self.fields["id_number"].value():
            self.fields["id_number"].show_error(self.problem("id_number"))

    def problem(self, name: str) -> str | None:
        """What is wrong with a field's value on its own, or None (a masked number is not checked)."""
        if self.is_masked(name):
            return None
        return field_problem(name, self.fields[name].value(), self.fields["id_type"].value())

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
        member = self.record
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
