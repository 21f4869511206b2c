"""A record's fields as a clerk works with them, built from the registry's declaration: the titled groups of
kind-driven editors (common/field_editors), each checked as it is typed with the error under it, sensitive
numbers masked unless the user may see them (a 修改 button clears one for re-entry; a birth date beside a
masked ID number shows its year and opens with it), and what was shown kept to tell what the clerk changed.

A registry's form uses :class:`RecordFields` as it is or adds its own rules in a subclass (the member form
reads birth date and gender from a resident ID number)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from db.errors import ValidationError
from db.fields import SENSITIVE_KINDS
from db.masking import BIRTH_DATES, masked_birth_date, masked_text
from db.registry import RegistrySpec
from desktop.ui.common.field_editors import CONTEXT, FieldEditor, align_captions, field_group


class RecordFields(QWidget):
    """Every field of one record of ``spec`` in the declared groups, with what the clerk may do to each.

    Signals:
        edited(str): the clerk changed a field; not sent while the panel fills itself. Sent after the field is
            checked and before :meth:`after_edit`.
        masking_changed(): a masked number was opened for re-entry, or masked again.
    """

    edited = Signal(str)
    masking_changed = Signal()

    def __init__(self, spec: RegistrySpec, below: Mapping[str, QWidget] | None = None,
                 parent: QWidget | None = None, masked: Iterable[str] | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.names = tuple(name for _, names in spec.form_groups for name in names)
        self.by_label = {spec.field(name).label: name for name in self.names}
        numbers = [n for n in self.names if spec.field(n).sensitive and spec.field(n).kind in SENSITIVE_KINDS]
        id_numbers = [n for n in numbers if spec.field(n).kind == "id_number"]
        # shown as its year while the ID number is masked (it would give the hidden digits back), opened with it
        self.masked_with = dict.fromkeys(BIRTH_DATES & set(self.names), id_numbers[0]) if id_numbers else {}
        self.record: Any = None
        self._masked: set[str] = set()  # fields shown masked (and read-only unless opened)
        self._baseline: dict[str, Any] = {}
        self._loading = False
        self.fields: dict[str, FieldEditor] = {}
        # the fields shown masked (``masked``: a registry's choice, e.g. every sensitive field; by default the
        # sensitive numbers), each with its 修改 button that clears it for re-entry
        self.unmask_buttons = {name: self._unmask_button(name) for name in (numbers if masked is None else masked)}
        self._build(below or {})

    def _build(self, below: Mapping[str, QWidget]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        captions = []
        for title, names in self.spec.form_groups:
            box, fields, group_captions = field_group(QCoreApplication.translate(CONTEXT, title),
                                                      [self.spec.field(n) for n in names], self.unmask_buttons,
                                                      below)
            layout.addWidget(box)
            captions += group_captions
            for field in fields:
                self.fields[field.name] = field
                field.on_change(partial(self._changed, field.name))
        align_captions(captions)

    def focus_chain(self) -> list[QWidget]:
        """The editors and their buttons, top to bottom, for the form's tab order."""
        chain: list[QWidget] = []
        for name in self.names:
            chain.append(self.fields[name].editor)
            if name in self.unmask_buttons:
                chain.append(self.unmask_buttons[name])
            chain.extend(self.chain_after(name))
        return chain

    def chain_after(self, name: str) -> list[QWidget]:
        """Widgets of the subclass that follow field ``name`` in the tab order."""
        del name
        return []

    def _unmask_button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(QCoreApplication.translate("RecordFields", "修改"))
        button.setObjectName(f"unmask_{name}")
        button.setCheckable(True)
        button.setToolTip(QCoreApplication.translate("RecordFields", "清空后重新录入完整的号码"))
        button.toggled.connect(lambda checked, n=name: self._unmask(n, checked))
        return button

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self.check(name)
        self.edited.emit(name)
        self.after_edit(name)

    def after_edit(self, name: str) -> None:
        """What follows from the clerk's change of field ``name`` (a subclass's rules)."""

    # ----- what is shown --------------------------------------------------------------------------
    def show_record(self, record: Any, full_view: bool) -> None:
        """Show a record (None: an empty form with the new record's values); numbers masked unless
        ``full_view``."""
        self.record = record
        self._masked = {name for name in self.unmask_buttons
                        if record is not None and getattr(record, name) and not full_view}
        self._masked |= {name for name, number in self.masked_with.items()
                         if number in self._masked and getattr(record, name)}
        self.fill({name: self._shown(record, name) for name in self.names})
        self._baseline = {name: self.fields[name].value() for name in self.names}

    def new_value(self, name: str) -> Any:
        """What the empty form of a new record shows in field ``name``: its declared default."""
        return self.spec.field(name).default

    def _shown(self, record: Any, name: str) -> Any:
        if record is None:
            return self.new_value(name)
        if name in self._masked:
            return self._masked_text(name)
        return getattr(record, name)

    def _masked_text(self, name: str) -> str:
        value = getattr(self.record, name)
        if name in self.unmask_buttons:
            return masked_text(self.spec.field(name).kind, value)
        return masked_birth_date(value)

    def fill(self, shown: dict[str, Any]) -> None:
        """Put values into the editors without treating them as typed; clears the error lines."""
        self._loading = True
        try:
            for button in self.unmask_buttons.values():
                button.setChecked(False)
            for name in self.names:
                if self.is_masked(name):  # the mask itself, whatever ``shown`` holds (a list's value is "")
                    self.fields[name].show_masked(self._masked_text(name))
                else:
                    self.fields[name].set_value(shown.get(name))
                self.fields[name].show_error(None)
        finally:
            self._loading = False

    def revert(self) -> None:
        """Back to the values shown when the record was opened."""
        self.fill(self._baseline)

    def is_dirty(self) -> bool:
        return any(self.fields[name].value() != self._baseline.get(name) for name in self.names)

    def values(self) -> dict[str, Any]:
        """The values to save: every field but those still masked."""
        return {name: self.fields[name].value() for name in self.names if not self.is_masked(name)}

    def edited_names(self) -> list[str]:
        """The fields to save whose value differs from what was shown."""
        return [name for name, value in self.values().items() if value != self._baseline[name]]

    def apply_state(self, writable: bool) -> None:
        """Which editors can be used: from the actor's rights, the masking and :meth:`editable`."""
        for name in self.names:
            self.fields[name].set_editable(writable and not self.is_masked(name) and self.editable(name))
        for name, toggle in self.unmask_buttons.items():
            toggle.setVisible(writable and name in self._masked)

    def editable(self, name: str) -> bool:
        """Whether field ``name`` may be typed now (a subclass's rule, e.g. read from another field)."""
        del name
        return True

    # ----- masking --------------------------------------------------------------------------------
    def is_masked(self, name: str) -> bool:
        button = self.unmask_buttons.get(self.masked_with.get(name, name))
        return name in self._masked and not (button is not None and button.isChecked())

    def show_full(self, name: str, value: Any) -> None:
        """Show the full ``value`` of masked field ``name`` (a value the user asked to see, audited by the
        caller): no longer masked, and taken as what was shown (not an edit)."""
        self._masked.discard(name)
        self._loading = True
        try:
            self.fields[name].set_value(value)
            self.fields[name].show_error(None)
        finally:
            self._loading = False
        self._baseline[name] = self.fields[name].value()
        self.masking_changed.emit()

    def masked_names(self) -> list[str]:
        """The fields shown masked now, in the form's order."""
        return [name for name in self.names if self.is_masked(name)]

    def _unmask(self, name: str, checked: bool) -> None:
        if self._loading or self.record is None:
            return
        self._loading = True
        try:  # cleared for re-entry: no "必须填写" before the clerk has typed
            opened = (name, *(n for n, number in self.masked_with.items() if number == name and n in self._masked))
            for each in opened:
                if checked:
                    self.fields[each].set_value("")
                else:
                    self.fields[each].show_masked(self._masked_text(each))
                self.fields[each].show_error(None)
        finally:
            self._loading = False
        self.masking_changed.emit()
        if checked:
            self.fields[name].editor.setFocus()

    # ----- checking -------------------------------------------------------------------------------
    def check(self, name: str) -> None:
        """Show what is wrong with a field the clerk just changed."""
        self.fields[name].show_error(self.problem(name))

    def check_all(self) -> str | None:
        """Show what is wrong with every field; returns the first field with a problem, or None."""
        problems = {name: problem for name in self.names if (problem := self.problem(name))}
        for name in self.names:
            self.fields[name].show_error(problems.get(name))
        return next(iter(problems), None)

    def problem(self, name: str) -> str | None:
        """What is wrong with a field's value on its own, or None (a masked value is not checked)."""
        if self.is_masked(name):
            return None
        field = self.spec.field(name)
        try:
            cleaned = field.clean(self.fields[name].value())
        except ValidationError as exc:
            return exc.reason
        if cleaned is None and field.default is not None:  # stored NOT NULL: the form keeps it filled
            return QCoreApplication.translate("RecordFields", "必须填写")
        return None

    def show_validation(self, error: ValidationError) -> str | None:
        """Show a refusal under the field it names; returns that field, or None when it names none."""
        name = self.by_label.get(error.field, error.field)
        if name not in self.fields:
            return None
        self.fields[name].show_error(error.reason)
        return name
