"""The English translation: the main window comes out in English, and the .ts file is complete."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QToolBar,
)
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.settings import LANGUAGES, Settings
from desktop.ui.translations import install_qt_translations, install_translator
from desktop.ui.worker import JobRunner

from .conftest import make_context

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "uniondesk_en.ts"
CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), "110101006")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# {0}, {name}, {0:,}, %1, %n, %L1
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, "en")
    assert translator is not None, "resources/i18n/uniondesk_en.qm is missing: run installer/build-translations.sh"
    yield translator
    qapp.removeTranslator(translator)  # the other tests expect the Chinese source texts
    translator.deleteLater()


@pytest.fixture
def english_window(qtbot: QtBot, english: QTranslator, demo_store: Store, settings: Settings,
                   runner: JobRunner, cjk_font: str | None) -> Iterator[MainWindow]:
    context = make_context(demo_store, CLERK, runner)
    tab = MembersTab(context)
    window = MainWindow(context, settings, [tab])
    window.show()
    qtbot.waitExposed(window)
    yield window
    tab.form.cancel()
    window.close()
    window.deleteLater()


def test_english_is_one_of_the_languages() -> None:
    assert "en" in LANGUAGES
    assert resources.files("resources.i18n").joinpath("uniondesk_en.qm").is_file()


def test_main_window_menus_and_toolbar_are_english(english_window: MainWindow) -> None:
    menus = [action.text() for action in english_window.menuBar().actions()]
    assert {"&File", "&Edit", "&Help"} <= set(menus)
    toolbar = english_window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    tools = [action.text() for action in toolbar.actions() if not action.isSeparator()]
    assert {"New", "Save", "Delete", "Undo last save", "Refresh"} <= set(tools)
    edit_menu = english_window.menuBar().actions()[menus.index("&Edit")].menu()
    assert isinstance(edit_menu, QMenu)
    assert "Find" in [action.text() for action in edit_menu.actions()]
    for text in menus + tools + [toolbar.windowTitle(), english_window.windowTitle().split(" — ")[-1]]:
        assert not CJK.search(text), text
    assert english_window.windowTitle() == "东四街道工会 — UnionDesk Trade-Union Registry"  # the office's own name


def test_members_tab_table_and_form_are_english(english_window: MainWindow) -> None:
    tab = english_window.current_tab()
    assert isinstance(tab, MembersTab)
    assert english_window.tabs.tabText(english_window.tabs.currentIndex()) == "Members"
    headers = [str(tab.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
               for column in range(tab.model.columnCount())]
    assert {"Member no.", "Name", "ID number", "Grass-roots union", "Employment form"} <= set(headers)
    assert not any(CJK.search(header) for header in headers), headers
    captions = {label.text().rstrip("*") for label in tab.form.findChildren(QLabel)}
    assert {"Name", "ID number", "Member no.", "Joined on", "Grass-roots union", "Employment form"} <= captions
    groups = {box.title() for box in tab.form.findChildren(QGroupBox)}
    assert {"Identity", "Work", "Membership"} <= groups
    assert english_window.count_label.text() == "400 records"


def test_chinese_stays_the_source_language(english: QTranslator) -> None:
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
    assert install_translator(QApplication.instance(), "zh_CN") is None  # type: ignore[arg-type]


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(context.findtext("name", ""), message)
            for context in root.iter("context") for message in context.iter("message")]


def test_every_message_is_translated() -> None:
    messages = _messages()
    assert messages
    problems = []
    for context, message in messages:
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in {"vanished", "obsolete"}:
            continue  # no longer in the source; lrelease leaves it out
        source = message.findtext("source", "")
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.iter("numerusform")]
        else:
            texts = [translation.text or ""]
        if kind == "unfinished" or not all(text.strip() for text in texts):
            problems.append(f"[{context}] {source!r}: not translated")
            continue
        for text in texts:
            missing = [p for p in PLACEHOLDER.findall(source) if p not in text]
            if missing:
                problems.append(f"[{context}] {source!r} → {text!r}: lost {missing}")
            if "&" in source.replace("&&", "") and "&" not in text:
                problems.append(f"[{context}] {source!r} → {text!r}: lost the accelerator")
    assert not problems, "run installer/build-translations.sh and translate:\n" + "\n".join(problems)


# ----- Qt's own dialogs -----------------------------------------------------------------------------------
@pytest.fixture
def qt_chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed = install_qt_translations(qapp, "zh_CN")
    yield installed
    for translator in installed:  # the other tests expect Qt's English source texts
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_qt_message_box_buttons_are_chinese(qt_chinese: list[QTranslator], qtbot: QtBot) -> None:
    assert qt_chinese, "qtbase_zh_CN.qm is missing from PySide6's translations folder"
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "问题",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = [box.button(button).text() for button in (QMessageBox.StandardButton.Yes,
                                                      QMessageBox.StandardButton.Cancel)]
    assert texts == ["是(&Y)", "取消"]


def test_qt_file_dialog_is_chinese(qt_chinese: list[QTranslator], qtbot: QtBot, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "选择文件", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    texts = [button.text() for button in box.buttons()]
    assert len(texts) == 2 and all(CJK.search(text) for text in texts), texts  # 打开, 取消
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and all(CJK.search(text) for text in labels), labels  # 查看：, 文件名称：, 文件类型：


def test_the_application_starts_with_qt_in_its_language(tmp_path: Path) -> None:
    """``make_application`` as ``uniondesk gui`` runs it, in a process of its own (it sets up the one
    application): Qt's buttons speak the chosen language, the wheel guard and the display name are set."""
    script = """
import json
from PySide6.QtWidgets import QMessageBox
from desktop.ui.app import make_application
from desktop.ui.wheel_guard import WheelGuard
app, settings, _ = make_application()
box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
print(json.dumps({"language": settings.language(), "yes": box.button(QMessageBox.StandardButton.Yes).text(),
                  "guards": len(app.findChildren(WheelGuard)), "name": app.applicationDisplayName()}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    started = json.loads(done.stdout.splitlines()[-1])
    assert started == {"language": "zh_CN", "yes": "是(&Y)", "guards": 1, "name": "UnionDesk 街道工会台账"}
