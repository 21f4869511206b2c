"""Qt Linguist translations (``resources/i18n/uniondesk_<lang>.qm``); Chinese is the source language."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

SOURCE_LANGUAGE = "zh_CN"


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Install the translation for ``language``; the caller keeps the translator alive."""
    if language == SOURCE_LANGUAGE:
        return None
    qm = resources.files("resources.i18n").joinpath(f"uniondesk_{language}.qm")
    translator = QTranslator(app)
    if not qm.is_file() or not translator.load(qm.read_bytes()):
        return None
    app.installTranslator(translator)
    return translator
