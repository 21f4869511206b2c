"""The mouse wheel scrolls the form and the import mapping; it never changes a value it passes over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.store import Store
from desktop.ui.excel.import_wizard import MAPPING_PAGE, ImportWizard
from desktop.ui.members.form import MemberForm
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
NOTCH_DOWN = QPoint(0, -120)


def wheel(widget: QWidget, notches: int = 1) -> None:
    """Turn the wheel down ``notches`` times with the pointer over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    for _ in range(notches):
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(), NOTCH_DOWN,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def form(qtbot: QtBot, ui_store: Store, runner: JobRunner, cjk_font: str | None) -> MemberForm:
    shown = MemberForm(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(shown)
    shown.resize(520, 420)  # smaller than the form: it scrolls
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form_and_leaves_the_value(
        qtbot: QtBot, form: MemberForm) -> None:
    education = form.fields["education"].editor
    assert isinstance(education, QComboBox)
    form.focus_field("name")
    form.scroll_area.ensureWidgetVisible(education)
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = (education.currentIndex(), bar.value())
    wheel(education, 3)
    assert education.currentIndex() == before[0]
    assert not form.is_dirty() and not form.save_button.isEnabled()
    assert bar.value() > before[1]  # the form scrolled instead


def test_a_focused_combo_still_takes_the_wheel(qtbot: QtBot, form: MemberForm) -> None:
    education = form.fields["education"].editor
    assert isinstance(education, QComboBox)
    form.focus_field("education")
    qtbot.waitUntil(education.hasFocus)
    wheel(education)
    assert education.currentIndex() == 1 and form.is_dirty()


def test_the_wheel_gives_no_focus_to_a_value_widget(qtbot: QtBot, form: MemberForm) -> None:
    spin = QSpinBox()
    form.layout().addWidget(spin)
    spin.show()
    combo = form.fields["education"].editor
    for widget in (combo, spin):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Qt's default WheelFocus is taken away
    before = spin.value()
    wheel(spin)
    assert spin.value() == before


def test_the_wheel_over_a_mapping_combo_leaves_the_mapping(
        qtbot: QtBot, ui_store: Store, settings: Settings, runner: JobRunner, tmp_path: Path,
        cjk_font: str | None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "公民身份号码", "手机号码", "入会日期", "工作单位", "备注", "学历", "民族"])
    sheet.append(["张三", "11010519491231002X", "13900000001", dt.date(2024, 1, 5), "顺丰", "", "本科", "汉族"])
    book.save(tmp_path / "名册.xlsx")
    wizard = ImportWizard(make_context(ui_store, CLERK, runner), settings, "members")
    qtbot.addWidget(wizard)
    wizard.resize(880, 300)  # the mapping table scrolls
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(tmp_path / "名册.xlsx"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE and not wizard.is_busy(), timeout=10_000)
    page = wizard.mapping_page
    before = page.mapping()
    phone = page.combos[2]
    wizard.button(QWizard.WizardButton.NextButton).setFocus()
    wheel(phone, 2)
    assert page.mapping() == before and phone.currentData() == "phone"
    runner.wait(10_000)
