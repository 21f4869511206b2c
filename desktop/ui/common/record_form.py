"""What every registry's form does with one record, whatever its fields: show it, tell whether it was changed,
ask before typed work is thrown away (Esc, moving on), save it (checked first, each refusal under its field),
delete it after a question, and take back what it saved in this session (Ctrl+Z) — one flow for every form.

:class:`RecordFlow` is mixed into a registry's form widget, which lays out its :class:`RecordFields` panel, a
header (``show_error``), a scroll area and a bar with 保存/放弃修改/删除, declares the signals ``saved(str)``
and ``dirty_changed(bool)``, and says how its records are read, written and deleted (the abstract methods)."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common import ask
from desktop.ui.common.record_fields import RecordFields
from desktop.ui.common.undo import SavedChange, UndoStack
from desktop.ui.messages import describe

translate = QCoreApplication.translate


class RecordFlow:
    """The shared flow of a record form (a mixin of a QWidget subclass; see the module docstring)."""

    record: Any = None

    def init_flow(self, writable: bool) -> None:
        self._writable = writable
        self._dirty = False
        self._undo = UndoStack()
        self._last_message: str | None = None

    # ----- what a registry's form says --------------------------------------------------------------
    @abstractmethod
    def record_fields(self) -> RecordFields:
        """The form's fields panel."""

    @abstractmethod
    def read_record(self, uuid: str) -> Any:
        """What :meth:`show` takes for the record ``uuid`` (the record with what the form shows beside it)."""

    @abstractmethod
    def display(self, found: Any) -> None:
        """Show what :meth:`read_record` returned (None: an empty form for a new record); sets ``record``."""

    @abstractmethod
    def write(self) -> tuple[SavedChange | None, Any]:
        """Create or update the record from the fields; (the change to remember or None, the record)."""

    @abstractmethod
    def delete_record(self, record: Any) -> tuple[SavedChange, int]:
        """Mark ``record`` deleted; (the change to remember, its revision after)."""

    @abstractmethod
    def record_name(self, record: Any) -> str:
        """The record in a question (“王芳”; a new one: 新会员)."""

    def delete_question(self, record: Any) -> tuple[str, str]:
        """(title, text) of the question before ``record`` is deleted."""
        text = translate("RecordForm", "删除“{name}”吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。")
        return translate("RecordForm", "删除"), text.format(name=self.record_name(record))

    @abstractmethod
    def apply_state(self) -> None:
        """Which fields and buttons can be used now."""

    @abstractmethod
    def show_error(self, message: str | None) -> None:
        """A sentence about the whole form (not one field), or none."""

    @abstractmethod
    def show_refusal(self, error: Exception) -> None:
        """Why a save was refused: under the field it names, or as one sentence."""

    @abstractmethod
    def focus_field(self, name: str) -> None: ...

    @abstractmethod
    def show_dirty(self, dirty: bool) -> None:
        """Enable 保存 and 放弃修改 when there is something unsaved."""

    # ----- the public API -------------------------------------------------------------------------
    def current_uuid(self) -> str | None:
        return self.record.uuid if self.record is not None else None

    def is_dirty(self) -> bool:
        return self.record_fields().is_dirty()

    def last_change_description(self) -> str | None:
        """What the form last wrote (a save, a step, a deletion or undo), for the status bar."""
        return self._last_message

    def undo_description(self) -> str | None:
        """What ``undo_last`` would take back, or None when there is nothing to undo."""
        top = self._undo.top()
        return top.description if top is not None else None

    def load(self, uuid: str) -> None:
        """Show a record (by uuid)."""
        try:
            found = self.read_record(uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.display(None)
            self.show_error(describe(exc))
            return
        self.display(found)

    def cancel(self) -> None:
        """Revert to the values shown when the record was opened."""
        self.record_fields().revert()
        self.apply_state()

    def escape(self) -> bool:
        """Esc: revert, after the clerk agreed to throw away what was typed (a clean form just reverts);
        False when the clerk chose to go on editing."""
        if self.is_dirty() and not self.agree_to_discard():
            return False
        self.cancel()
        return True

    def confirm_discard(self) -> bool:
        """True when the caller may move on: nothing unsaved, or saved, or the clerk chose not to save."""
        if not self.is_dirty():
            return True
        answer = self.ask_to_save()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.cancel()
            return True
        return False

    def save(self) -> bool:
        """Create (an empty form) or update the record; False, with the reason shown, when it is refused."""
        if not self._writable:
            return False
        self.show_error(None)
        self.before_save()
        first_problem = self.record_fields().check_all()
        if first_problem is not None:
            self.focus_field(first_problem)
            return False
        try:
            entry, record = self.write()
        except Exception as exc:  # noqa: BLE001 - shown to the clerk under its field or as one sentence
            self.show_refusal(exc)
            return False
        if entry is None:  # nothing to write: the values differed only in spelling (spaces, full-width)
            self.load(record.uuid)
        else:
            self.wrote(record.uuid, record.rev, entry)
        return True

    def before_save(self) -> None:
        """What a registry's form clears before it checks and saves (a warning of its own)."""

    def delete(self) -> bool:
        """Mark the record deleted after the clerk confirms."""
        record = self.record
        if record is None or not self._writable:
            return False
        if not self.agree_to_delete(record):
            return False
        try:
            entry, rev = self.delete_record(record)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.show_error(describe(exc))
            return False
        self.remember(entry, rev)
        self.display(None)
        self.saved.emit(record.uuid)  # type: ignore[attr-defined]
        return True

    def undo_last(self) -> bool:
        """Take back the latest change this form saved (Ctrl+Z); False when none or when it is refused."""
        if self._undo.top() is None or not self._writable:
            return False
        if self.is_dirty() and not self.agree_to_discard_for_undo():
            return False
        entry = self._undo.pop()
        try:
            still_there = self._undo.take_back(entry)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.show_error(translate("RecordForm", "无法撤销“{what}”：{reason}").format(
                what=entry.description, reason=describe(exc)))
            return False
        self._last_message = translate("RecordForm", "已撤销：{what}").format(what=entry.description)
        if still_there:
            self.load(entry.uuid)
        else:
            self.display(None)
        self.saved.emit(entry.uuid)  # type: ignore[attr-defined]
        return True

    # ----- after a write --------------------------------------------------------------------------
    def remember(self, entry: SavedChange, rev: int | None = None) -> None:
        self._undo.push(entry, rev)
        self._last_message = entry.description

    def wrote(self, uuid: str, rev: int, entry: SavedChange) -> None:
        self.remember(entry, rev)
        self.load(uuid)
        self.saved.emit(uuid)  # type: ignore[attr-defined]

    def update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.show_dirty(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)  # type: ignore[attr-defined]

    # ----- questions (a registry's form may word them its own way) ----------------------------------------
    def ask_to_save(self) -> QMessageBox.StandardButton:
        return ask.ask_to_save(self._widget(), self.record_name(self.record))

    def agree_to_delete(self, record: Any) -> bool:
        title, text = self.delete_question(record)
        return ask.agree_to_delete(self._widget(), title, text)

    def agree_to_discard(self) -> bool:
        name = self.record_name(self.record)
        text = (translate("RecordForm", "放弃正在录入的“{name}”吗？已填写的内容不会保存。") if self.record is None
                else translate("RecordForm", "放弃对“{name}”的修改吗？")).format(name=name)
        buttons = [(ask.Button.Discard, translate("RecordForm", "放弃修改")),
                   (ask.Button.Cancel, translate("RecordForm", "继续编辑"))]
        answer = ask.ask(self._widget(), translate("RecordForm", "放弃修改"), text, buttons, ask.Button.Cancel)
        return answer == ask.Button.Discard

    def agree_to_discard_for_undo(self) -> bool:
        text = translate("RecordForm", "撤销会放弃表单中尚未保存的修改。继续吗？")
        buttons = [(ask.Button.Discard, translate("RecordForm", "放弃修改并撤销")),
                   (ask.Button.Cancel, translate("RecordForm", "取消"))]
        answer = ask.ask(self._widget(), translate("RecordForm", "撤销上次保存"), text, buttons, ask.Button.Cancel)
        return answer == ask.Button.Discard

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
