"""Placeholder text is a hint, never something a clerk could take for a value (DESIGN §8).

An empty field showing a grey ``2024-03-05`` looks filled in; a required date left "filled" that way is
then refused on saving, or worse, believed. So a placeholder names an example as an example (``例：…``) or
says what to type, and is drawn lighter than any value (``hint_palette``, installed for the application).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

DATE_EXAMPLE = "2024-03-05"
HINT_SHARE = 0.38  # how much of the text colour a hint keeps (the rest is the background's)


def example(value: str) -> str:
    """``例：2024-03-05``: an example value, worded so that it cannot be read as the field's value."""
    return QCoreApplication.translate("Hints", "例：{0}").format(value)


def date_hint() -> str:
    """The placeholder of a date typed by hand."""
    return example(DATE_EXAMPLE)


def hint_palette(palette: QPalette) -> QPalette:
    """``palette`` with placeholder text a light tint of the text colour on the background, in every
    colour group: visibly lighter than any value (Qt's default is the text at half opacity)."""
    changed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        text = palette.color(group, QPalette.ColorRole.Text)
        base = palette.color(group, QPalette.ColorRole.Base)
        changed.setColor(group, QPalette.ColorRole.PlaceholderText, _mix(text, base, HINT_SHARE))
    return changed


def install_hint_palette(app: QApplication) -> None:
    app.setPalette(hint_palette(app.palette()))


def _mix(ink: QColor, paper: QColor, share: float) -> QColor:
    def channel(a: int, b: int) -> int:
        return round(a * share + b * (1 - share))

    return QColor(channel(ink.red(), paper.red()), channel(ink.green(), paper.green()),
                  channel(ink.blue(), paper.blue()))
