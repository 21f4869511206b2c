"""The hardship file form (档案信息): every declared field of a file in its groups, the member chosen by ID
number (the name shown), the per-capita income computed and the category suggested while a person chooses,
saved through db.aid.cases (one household, one file: the refusal under the ID number), each refusal under
its field; undo of a change saved in this session (the shared record flow, common/record_form). Every
sensitive field (ID and bank numbers, health, disability, incomes) is masked for every role (design §7): a
user allowed full values asks for them with 显示完整信息 (all, or one field from its menu; each view audited
by db.aid.privacy.reveal), a clerk changes one with its 修改 button (cleared, typed anew)."""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from db.aid import cases, privacy, reads
from db.aid import settings as aid_settings
from desktop.ui.aid import saving
from desktop.ui.aid.fields_panel import AidCaseFields
from desktop.ui.aid.form_widgets import AidFormWidgets
from desktop.ui.common.full_values import FullValues
from desktop.ui.common.record_form import RecordFlow
from desktop.ui.common.undo import SavedChange
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may

WRITE = "records.write"


class AidCaseForm(AidFormWidgets, RecordFlow):
    """The form panel of one hardship file.

    Signals:
        saved(str): the uuid of a file the form wrote (opened, changed, or a change undone).
        dirty_changed(bool): the form got (True) or lost (False) unsaved changes.
    """

    saved = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        writable = context.actor.can("records.write")
        self._context = context
        self._settings = aid_settings.AidSettings()
        fields = AidCaseFields(lambda number: reads.member_by_id_number(context.store, context.actor, number),
                               self._dibao_line, cases.today)
        super().__init__(writable, fields, parent)
        self.init_flow(writable)
        # full values are never shown unasked (common/full_values); the per-capita income follows them
        self.full_values = FullValues(self.header.reveal_button, self.header.reveal_menu, self.fields_panel,
                                      context.actor.can(privacy.FULL), self._reveal, self.header.show_error,
                                      self.fields_panel.update_derived)
        self.reveal_button = self.header.reveal_button
        case_no = self.fields["case_no"].editor
        assert isinstance(case_no, QLineEdit)
        case_no.setPlaceholderText(self.tr("不填则自动编号"))
        self.fields_panel.edited.connect(lambda _name: self.update_dirty())
        self.fields_panel.masking_changed.connect(self.apply_state)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.new()

    def _dibao_line(self, year: int) -> int | None:
        """The 低保 line of ``year``, read with each file shown (an administrator may have changed it)."""
        return self._settings.line_for(year)

    @property
    def case(self) -> SimpleNamespace | None:
        """The file shown (:func:`saving.case_record`), None for a new one."""
        case: SimpleNamespace | None = self.record
        return case

    def new(self) -> None:
        """An empty form: saving it opens a new file (申请)."""
        self.display(None)
        if self.isVisible():
            self.fields["member_id_number"].editor.setFocus()

    # ----- RecordFlow ----------------------------------------------------------------------------------
    def record_fields(self) -> AidCaseFields:
        return self.fields_panel

    def read_record(self, uuid: str) -> dict[str, Any]:
        return cases.case_details(self._context.store, uuid)

    def write(self) -> tuple[SavedChange | None, Any]:
        values = self.fields_panel.values()
        if self.case is None:
            return saving.create(self._context, values)
        return saving.update(self._context, self.case, values, self.fields_panel.edited_names())

    def delete(self) -> bool:
        """A file is never deleted: it is closed by the workflow's 注销 and kept (the reason shown)."""
        if self.case is not None:
            self.show_error(self.delete_button.toolTip())
        return False

    def delete_record(self, record: SimpleNamespace) -> tuple[SavedChange, int]:
        raise NotImplementedError("a hardship file is closed by the workflow, never deleted")

    def record_name(self, record: SimpleNamespace | None) -> str:
        return self.tr("档案 {no}").format(no=record.case_no) if record is not None else self.tr("新档案")

    def show_error(self, message: str | None) -> None:
        self.header.show_error(message)

    def show_dirty(self, dirty: bool) -> None:
        self.action_bar.show_dirty(self._writable and self._open(), dirty)

    def _open(self) -> bool:
        return self.case is None or self.case.closed_on is None

    # ----- showing --------------------------------------------------------------------------------
    def display(self, found: dict[str, Any] | None) -> None:
        self._settings = aid_settings.read(self._context.store)
        case = self.record = saving.case_record(found) if found is not None else None
        self.fields_panel.show_record(case, False)  # masked for every role until asked (design §7)
        self.header.show_error(None)
        self.header.show_case(case)
        self.apply_state()
        self.scroll_area.verticalScrollBar().setValue(0)

    def apply_state(self) -> None:
        """Which fields and buttons can be used: the actor's rights, the masking, and an open file."""
        if not self._writable:
            why_not = only_who_may(WRITE, self.tr("修改档案"))
        else:
            why_not = "" if self._open() else self.tr("档案已撤档，不能再修改")
        self.fields_panel.apply_state(self._writable and self._open(), why_not)
        self.action_bar.apply_state(self._writable)
        self.full_values.update(self.case is not None)
        self.update_dirty()

    # ----- full values ----------------------------------------------------------------------------
    def _reveal(self, names: Sequence[str]) -> dict[str, Any]:
        """The full values of ``names`` of the file shown, one audited view each (db.aid.privacy.reveal)."""
        case = self.case
        assert case is not None
        store, actor, spec = self._context.store, self._context.actor, self.fields_panel.spec
        values = {}
        for name in names:
            value = privacy.reveal(store, actor, case.uuid, name)
            values[name] = saving.as_yuan(value) if spec.field(name).kind == "money" else value
        return values

    def reveal(self, names: Sequence[str] | None = None) -> bool:
        """Show the full values of ``names`` (default: every masked field), one audited view each."""
        return self.full_values.reveal(names)
