"""The dialogs of a station's pages, on one pattern: declared fields with the red line under each, and an OK
that runs the use case; a refusal is shown under the field it names and the dialog stays open, nothing
written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.errors import ValidationError
from db.fields import Field
from desktop.ui.common.dialog_buttons import lay_out_submit
from desktop.ui.common.field_editors import CONTEXT, FieldEditor, field_group
from desktop.ui.messages import describe, error_label


class FieldDialog(QDialog):
    """A dialog of declared fields whose OK runs :meth:`run` (a use case). A ValidationError appears under
    the field it names (by label or attribute), any other error under the fields; the dialog then stays
    open. The body is laid out by subclasses in :attr:`columns`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, FieldEditor] = {}
        self.captions: list[QLabel] = []
        self.columns = QHBoxLayout()
        self.error_label = error_label(hidden=True)
        self.ok_button = lay_out_submit(self, self.columns, self.error_label, (self.tr("确定"), self.tr("取消")),
                                        self.submit)

    def group(self, title: str, fields: Sequence[Field], extra: dict[str, QWidget] | None = None) -> QGroupBox:
        """A titled group of ``fields`` with their editors (an editor in ``extra`` replaces the declared one)."""
        box, editors, captions = field_group(QCoreApplication.translate(CONTEXT, title), fields, {}, {})
        layout = box.layout()
        assert isinstance(layout, QFormLayout)
        for editor in editors:
            if editor.name in (extra or {}):
                replacement = (extra or {})[editor.name]
                replacement.setObjectName(editor.name)
                holder = editor.editor.parentWidget()
                row = holder.layout() if holder is not None else None
                assert row is not None
                row.replaceWidget(editor.editor, replacement)  # the row is a QVBoxLayout holding the line
                editor.editor.hide()  # at once: deleteLater leaves it drawn until the event loop runs
                editor.editor.deleteLater()
                editor.editor = replacement
                captions[editors.index(editor)].setBuddy(replacement)
            self.fields[editor.name] = editor
        self.captions += captions
        return box

    def text(self, name: str) -> str:
        """What the clerk typed in the text field ``name``, without the spaces around it."""
        editor = self.fields[name].editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def values(self) -> dict[str, Any]:
        """Every field's value: texts stripped, check boxes as True/False."""
        return {name: value.strip() if isinstance(value, str) else value
                for name, value in ((n, f.value()) for n, f in self.fields.items())}

    def run(self) -> None:
        raise NotImplementedError

    def submit(self) -> None:
        for field in self.fields.values():
            field.show_error(None)
        self.error_label.hide()
        try:
            self.run()
        except ValidationError as exc:
            named = self._named(exc.field)
            if named is None:
                self._show_general(describe(exc))
            else:
                named.show_error(exc.reason)
                named.editor.setFocus()
            return
        except Exception as exc:  # noqa: BLE001 - every failure becomes the clerk's one-line message
            self._show_general(describe(exc))
            return
        self.accept()

    def field_error(self, name: str) -> str:
        """The error shown under field ``name`` (empty when none): what a clerk reads."""
        field = self.fields[name]
        return field.error.text() if field.error.isVisibleTo(self) else ""

    def _named(self, name: str) -> FieldEditor | None:
        for field in self.fields.values():
            if name in (field.name, field.field.label):
                return field
        return None

    def _show_general(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
