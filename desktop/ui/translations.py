"""Qt Linguist translations (``resources/i18n/uniondesk_<lang>.qm``); Chinese is the source language."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

SOURCE_LANGUAGE = "zh_CN"
_KEEP: dict[int, bytes] = {}  # the .qm bytes of installed translators


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Install the translation for ``language``; the caller keeps the translator alive."""
    if language == SOURCE_LANGUAGE:
        return None
    qm = resources.files("resources.i18n").joinpath(f"uniondesk_{language}.qm")
    if not qm.is_file():
        return None
    data = qm.read_bytes()
    translator = QTranslator(app)
    if not translator.load(data):
        return None
    # QTranslator.load(data) keeps a pointer into the bytes, not a copy: they must live as long as it
    _KEEP[id(translator)] = data
    app.installTranslator(translator)
    return translator
