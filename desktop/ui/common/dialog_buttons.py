"""How a dialog that submits is laid out: its body, the line that says what went wrong, and OK/Cancel below —
OK runs the dialog's submit (which accepts, or leaves the dialog open on a refusal), Cancel closes it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout


def lay_out_submit(dialog: QDialog, body: QLayout, error: QLabel, texts: tuple[str, str],
                   submit: Callable[[], object]) -> QPushButton:
    """``body``, ``error`` and OK/Cancel (their ``texts``, translated in the dialog's own context) in
    ``dialog``; OK runs ``submit``. Returns the OK button."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(texts[0])
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts[1])
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(body)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return ok_button
