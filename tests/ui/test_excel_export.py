"""Export to Excel from the main window: what the member list shows, masked unless allowed; the template."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from db import listing
from db.auth import Actor
from db.registry import registry
from db.store import Store
from desktop.ui.excel.export_dialog import ExportDialog, default_file_name
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.settings import Settings

from .conftest import OFFICE, WindowFactory

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)


def members_tab(window: MainWindow) -> MembersTab:
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    return tab


def column_values(path: Path, header: str) -> list[str]:
    """The non-empty values under ``header`` in the first sheet of ``path``."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    for index, row in enumerate(rows):
        if header in row:
            column = row.index(header)
            return [str(r[column]) for r in rows[index + 1:] if column < len(r) and r[column] not in (None, "")]
    raise AssertionError(f"no column {header} in {path}")


def run_export(qtbot: QtBot, window: MainWindow, dialog: ExportDialog, path: Path) -> str:
    messages: list[str] = []
    dialog.exported.connect(messages.append)
    dialog.path_edit.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    window.context.runner.wait(10_000)
    return messages[0]


def test_export_of_the_member_tab_writes_only_what_the_list_shows(
        qtbot: QtBot, window_factory: WindowFactory, demo_store: Store, tmp_path: Path) -> None:
    window = window_factory(demo_store, CLERK)
    tab = members_tab(window)
    tab.search.setText("zs")
    tab.apply_filters()
    shown = tab.model.total()
    assert 0 < shown < 400
    expected = sorted(tab.model.row_at(i).name for i in range(shown))  # type: ignore[union-attr]
    dialog = window.excel.open_export()
    assert dialog.registry_combo.currentText() == "会员"
    assert dialog.current_radio.isChecked() and dialog.current_radio.isEnabled()
    assert f"{shown:,}" in dialog.current_radio.text()
    assert Path(dialog.path_edit.text()).name == default_file_name("members")
    target = tmp_path / "会员.xlsx"
    message = run_export(qtbot, window, dialog, target)
    assert message == f"已导出 {shown:,} 行到 {target}"
    assert sorted(column_values(target, "姓名")) == expected
    assert all("*" in number for number in column_values(target, "身份证号"))  # a clerk gets masked numbers
    assert message in window.statusBar().currentMessage()


def test_export_of_all_members_ignores_the_filter(qtbot: QtBot, window_factory: WindowFactory,
                                                  demo_store: Store, tmp_path: Path) -> None:
    window = window_factory(demo_store, ADMIN)
    tab = members_tab(window)
    tab.search.setText("zs")
    tab.apply_filters()
    dialog = window.excel.open_export()
    dialog.all_radio.setChecked(True)
    dialog.full_box.setChecked(True)
    target = tmp_path / "全部.xlsx"
    message = run_export(qtbot, window, dialog, target)
    assert message.startswith("已导出 400 行")
    numbers = column_values(target, "身份证号")
    assert len(numbers) == 400 and not any("*" in n for n in numbers)


def test_full_values_are_offered_to_an_admin_only(window_factory: WindowFactory, demo_store: Store) -> None:
    clerk_dialog = window_factory(demo_store, CLERK).excel.open_export()
    assert not clerk_dialog.full_box.isEnabled()
    assert "管理员" in clerk_dialog.full_box.toolTip()
    clerk_dialog.reject()
    admin_dialog = window_factory(demo_store, ADMIN).excel.open_export()
    assert admin_dialog.full_box.isEnabled()
    admin_dialog.reject()


def test_other_registries_export_all_their_rows(window_factory: WindowFactory, demo_store: Store) -> None:
    dialog = window_factory(demo_store, CLERK).excel.open_export()
    dialog.registry_combo.setCurrentIndex(dialog.registry_combo.findData("stations"))
    assert not dialog.current_radio.isEnabled() and dialog.all_radio.isChecked()
    stations = listing.read_count(demo_store, registry("stations"), listing.ListFilter())
    assert stations > 0 and dialog.all_radio.text() == f"全部（{stations:,} 条）"  # what "all" means, counted
    assert Path(dialog.path_edit.text()).name == default_file_name("stations")
    dialog.reject()


def test_the_file_menu_and_the_member_tab_offer_import_and_export(window_factory: WindowFactory,
                                                                  demo_store: Store) -> None:
    window = window_factory(demo_store, CLERK)
    texts = [action.text() for action in window.file_menu.actions()]
    assert {"导入Excel…", "导出Excel…", "下载空白模板…"} <= set(texts)
    assert window.excel.import_action.shortcut().toString() == "Ctrl+I"
    assert window.excel.export_action.shortcut().toString() == "Ctrl+E"
    buttons = {b.objectName() for b in members_tab(window).findChildren(QToolButton)}
    assert {"tab_import_excel", "tab_export_excel"} <= buttons
    assert isinstance(window.file_menu, QMenu)


def test_a_read_only_user_cannot_import(window_factory: WindowFactory, demo_store: Store) -> None:
    window = window_factory(demo_store, Actor("viewer", "查看", frozenset(), OFFICE.code))
    assert not window.excel.import_action.isEnabled()


def test_the_blank_template_is_saved_where_chosen(qtbot: QtBot, window_factory: WindowFactory, demo_store: Store,
                                                  settings: Settings, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(demo_store, CLERK)
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("会员", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    window.excel.template_action.trigger()
    qtbot.waitUntil(lambda: "已保存模板" in window.statusBar().currentMessage(), timeout=10_000)
    assert target.is_file()
    assert "姓名" in [cell for row in openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)
                    for cell in row]
    assert settings.last_excel_dir() == str(tmp_path)
