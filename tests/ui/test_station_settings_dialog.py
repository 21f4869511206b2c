"""驿站设置 as an administrator meets it from the settings dialog: the extra services added, renamed and
removed, the minimum areas per star level changed and saved, bad values refused in the dialog, and the button
disabled (saying who may) for a clerk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.stations import cases
from db.stations import settings as station_settings
from db.store import Store
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.stations.settings_dialog import StationSettingsDialog
from desktop.ui.worker import JobRunner

from .conftest import OFFICE, make_context

ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)


def _dialog(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner) -> StationSettingsDialog:
    dialog = StationSettingsDialog(make_context(store, actor, runner))
    qtbot.addWidget(dialog)
    return dialog


def _ok(dialog: StationSettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_dialog_shows_the_defaults(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, ADMIN, runner)
    assert dialog.service_names() == ["阅读", "维修", "爱心互助"]
    assert [spin.value() for spin in dialog.min_area] == [12, 15, 20, 25, 30]
    assert not dialog.remove_button.isEnabled()  # nothing chosen yet


def test_an_admin_adds_renames_removes_and_changes_areas(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, ADMIN, runner)
    dialog.new_service.setText("理发")  # QTest types ASCII only
    qtbot.keyClick(dialog.new_service, Qt.Key.Key_Return)
    assert dialog.service_names() == ["阅读", "维修", "爱心互助", "理发"] and dialog.new_service.text() == ""
    dialog.services.setCurrentRow(1)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    dialog.services.item(0).setText("图书阅读")  # what a double-click and typing do
    dialog.min_area[4].setValue(36)
    dialog.min_area[0].setValue(10)
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = station_settings.read(ui_store)
    assert saved.services_extra == ("图书阅读", "爱心互助", "理发")
    assert saved.min_area == (10, 15, 20, 25, 36)
    assert cases.service_choices(ui_store)[8:] == ["图书阅读", "爱心互助", "理发"]


def test_a_name_of_the_eight_or_twice_is_refused_at_once(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, ADMIN, runner)
    dialog.new_service.setText("冷可取暖")
    assert not dialog.add_service()
    assert "八可" in dialog.error.text() and dialog.service_names() == ["阅读", "维修", "爱心互助"]
    dialog.new_service.setText("维修")
    assert not dialog.add_service() and "重复" in dialog.error.text()
    dialog.new_service.setText("法律咨询")
    assert dialog.add_service() and dialog.error.text() == ""


def test_bad_values_keep_the_dialog_open_with_the_message(qtbot: QtBot, ui_store: Store,
                                                          runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, ADMIN, runner)
    dialog.min_area[3].setValue(18)  # 4★ below 3★'s 20
    _ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "4星驿站的最小面积（18平方米）不能小于3星驿站的（20平方米）" in dialog.error.text()
    dialog.services.item(0).setText("维修")  # renamed into a duplicate
    dialog.min_area[3].setValue(22)
    _ok(dialog)
    assert "重复" in dialog.error.text()
    assert station_settings.read(ui_store) == station_settings.defaults()


def test_a_clerk_sees_the_values_but_cannot_change_them(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = _dialog(qtbot, ui_store, CLERK, runner)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "只有管理员可以修改驿站设置" in ok.toolTip()
    assert not dialog.add_button.isEnabled() and not dialog.min_area[0].isEnabled()
    dialog.services.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()


def _settings_dialog(qtbot: QtBot, settings: Settings, store: Store, actor: Actor,
                     runner: JobRunner) -> SettingsDialog:
    dialog = SettingsDialog(settings, make_context(store, actor, runner))
    qtbot.addWidget(dialog)
    return dialog


def test_the_settings_dialog_opens_station_settings_for_an_admin(qtbot: QtBot, ui_store: Store, settings: Settings,
                                                                 runner: JobRunner) -> None:
    dialog = _settings_dialog(qtbot, settings, ui_store, ADMIN, runner)
    assert dialog.stations_button.isEnabled() and dialog.stations_button.text() == "驿站设置…"
    opened: list[QDialog] = []

    def run(sub: QDialog) -> int:
        assert isinstance(sub, StationSettingsDialog)
        sub.min_area[4].setValue(40)
        opened.append(sub)
        sub.submit()
        return sub.result()

    dialog.run_dialog = run
    assert dialog.station_settings()
    assert len(opened) == 1 and station_settings.read(ui_store).min_area[4] == 40


def test_the_settings_dialog_says_why_a_clerk_cannot(qtbot: QtBot, ui_store: Store, settings: Settings,
                                                     runner: JobRunner) -> None:
    dialog = _settings_dialog(qtbot, settings, ui_store, CLERK, runner)
    assert not dialog.stations_button.isEnabled()
    assert dialog.stations_button.toolTip() == "只有管理员可以修改驿站设置"
