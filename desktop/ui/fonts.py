"""The embedded CJK font, registered with Qt so Chinese renders on machines without Chinese fonts."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase

FONT_FILE = "wqy-microhei.ttc"


def register_embedded_font() -> str | None:
    """Register the shipped font and make it the application's fallback; returns its family name."""
    data = resources.files("resources.fonts").joinpath(FONT_FILE).read_bytes()
    font_id = QFontDatabase.addApplicationFontFromData(data)
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def application_font(family: str | None, point_size: int = 10) -> QFont:
    """The UI font: the system's sans serif, falling back to the embedded CJK font for Chinese."""
    font = QFont()
    font.setPointSize(point_size)
    if family:
        font.setFamilies([font.defaultFamily(), family])
    return font
