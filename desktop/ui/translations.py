"""Translations: ours (Qt Linguist, ``resources/i18n/uniondesk_<lang>.qm``; Chinese is the source language)
and Qt's own, so that file dialogs, the print dialog and the buttons of message boxes (是/否/取消) speak the
chosen language too (DESIGN §8)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

SOURCE_LANGUAGE = "zh_CN"
# Qt's catalogues of the widgets we use: QMessageBox, QFileDialog, QPrintDialog, QDialogButtonBox… are all
# in qtbase (qt_<lang>.qm only points to qtbase and the modules we do not ship)
QT_CATALOGUES = ("qtbase",)
# Qt's catalogue lags behind Qt's source for a few labels (an accelerator was added to them later), which
# then show in English: (context, source text) → the text
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "zh_CN": {("QFileDialog", "&Look in:"): "查找范围(&L)：", ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
              ("QPrintSettingsOutput", "Page &Set:"): "页面集(&S)："},
}
_KEEP: dict[int, bytes] = {}  # the .qm bytes of installed translators


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Install our translation for ``language``; the caller keeps the translator alive."""
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


def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Install Qt's own translations for ``language`` (from the Qt that PySide6 ships); the translators
    installed, none when Qt has no catalogue for the language (English is Qt's source language)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for catalogue in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(f"{catalogue}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.deleteLater()
    if installed and language in QT_GAPS:
        gaps = QtCatalogueGaps(QT_GAPS[language], app)
        app.installTranslator(gaps)
        installed.append(gaps)
    return installed


class QtCatalogueGaps(QTranslator):
    """The few texts Qt's own catalogue of a language lacks; every other text is left to the others."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QApplication) -> None:
        super().__init__(parent)
        self._texts = texts

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        del disambiguation, n  # the gaps have neither
        return self._texts.get((context, source_text))  # None: a null string, so Qt asks the next translator

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False
