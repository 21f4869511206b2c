"""The station form and tab as a clerk uses them: typing a station with its services, a duplicate code refused
under 编号, edits, deletions and status steps taken back, a pause that needs its reason, Esc, read-only users."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.auth import Actor
from db.errors import NotFound
from db.models import Station, StationEvent
from db.reference import values
from db.stations import cases
from db.store import Store
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.stations.form import StationForm
from desktop.ui.stations.prompts import StepDialog
from desktop.ui.stations.tab import StationsTab
from desktop.ui.tabs import registry_tabs
from desktop.ui.worker import JobRunner

OFFICE = OfficeInfo("110101006", "东四街道工会", "subdistrict")
SAVED = {"code": "NX-006-001", "name": "东四快递小哥驿站", "address": "东四北大街100号", "host_type": "企业",
         "phone": "13800138000", "built_on": "2020-01-10"}
Build = Callable[[Actor], AppContext]


@pytest.fixture
def make_context(sqlite_store: Store) -> Iterator[Build]:
    runners: list[JobRunner] = []

    def build(actor: Actor) -> AppContext:
        runners.append(JobRunner())
        return AppContext(sqlite_store, actor, OFFICE, runners[-1])

    yield build
    for runner in runners:
        runner.wait()


@pytest.fixture
def tab(qtbot: QtBot, make_context: Build, clerk: Actor) -> StationsTab:
    made = StationsTab(make_context(clerk))
    qtbot.addWidget(made)
    made.refresh()
    return made


@pytest.fixture
def form(qtbot: QtBot, make_context: Build, clerk: Actor) -> StationForm:
    made = StationForm(make_context(clerk))
    qtbot.addWidget(made)
    return made


def line(form: StationForm, name: str) -> QLineEdit:
    editor = form.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


def error_text(form: StationForm, name: str) -> str:
    label = form.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text()


def stations(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Station)) or 0)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make every question box answer ``button``; returns the texts of the questions asked."""
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def step_driver(reason: str = "", on: str | None = None, seen: list[str] | None = None) -> Callable[[QDialog], int]:
    """Stands in for the clerk in a status-step dialog: fills it in and presses OK (a refused step is then
    cancelled, its message kept in ``seen``)."""
    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, StepDialog)
        dialog.reason_edit.setText(reason)
        if on is not None:
            dialog.date_edit.setText(on)
        dialog.ok_button.click()
        if dialog.result() != QDialog.DialogCode.Accepted:
            if seen is not None:
                seen.append(dialog.error_label.text())
            dialog.reject()
        return dialog.result()
    return drive


def saved_station(store: Store, clerk: Actor, form: StationForm) -> str:
    uuid = cases.create_station(store, clerk, SAVED).uuid
    form.load(uuid)
    return uuid


def test_a_station_typed_in_the_tab_is_saved_with_its_services_and_listed(
        qtbot: QtBot, tab: StationsTab, sqlite_store: Store) -> None:
    form = tab.form
    assert tab.no_form_reason == "" and tab.model.total() == 0
    assert "编号" in tab.search.placeholderText() and "负责人" in tab.search.placeholderText()
    assert form.services_box.checked() == values("station_services")  # a new station offers the "八可"
    qtbot.keyClicks(line(form, "code"), "NX-006-007")
    line(form, "name").setText("朝阳门环卫驿站")  # keyClicks cannot type Chinese
    host = form.fields["host_type"].editor
    assert isinstance(host, QComboBox)
    host.setCurrentText("社区")
    qtbot.keyClicks(line(form, "phone"), "13900139000")
    qtbot.keyClicks(line(form, "built_on"), "2021-06-01")
    form.fields["has_sign"].editor.click()
    form.services_box.boxes["饭可加热"].setChecked(False)
    form.services_box.boxes["阅读"].setChecked(True)
    form.services_box.add_edit.setText("法律咨询")
    form.services_box.add_button.click()
    assert form.is_dirty() and form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved):
        tab.save()
    details = cases.station_details(sqlite_store, form.current_uuid() or "")
    station = details["station"]
    assert (station["code"], station["name"], station["host_type"], station["phone"], station["status"]) == (
        "NX-006-007", "朝阳门环卫驿站", "社区", "13900139000", "running")
    assert station["has_sign"] is True and station["has_rules"] is False
    assert details["services"] == [*(s for s in values("station_services") if s != "饭可加热"), "阅读", "法律咨询"]
    assert tab.model.total() == 1 and tab.model.row_at(0)["code"] == "NX-006-007"  # type: ignore[index]
    assert "运行" in form.status_label.text() and not form.is_dirty()
    assert form.services_box.boxes["法律咨询"].isChecked()  # a name of its own stays in the list
    assert form.last_change_description() == "登记驿站“朝阳门环卫驿站”"


def test_a_new_station_may_start_in_planning(qtbot: QtBot, form: StationForm, sqlite_store: Store) -> None:
    assert form.header.new_status.isVisibleTo(form) and form.header.chosen_status() == "running"
    form.header.new_status.setCurrentIndex(form.header.new_status.findData("planning"))
    qtbot.keyClicks(line(form, "code"), "NX-1")
    line(form, "name").setText("筹建中驿站")
    assert form.save()
    assert cases.station_details(sqlite_store, form.current_uuid() or "")["station"]["status"] == "planning"
    assert form.step_buttons["open"].isEnabled() and not form.step_buttons["pause"].isEnabled()
    assert not form.header.new_status.isVisibleTo(form)


def test_a_duplicate_code_is_refused_under_its_field_and_nothing_is_written(
        qtbot: QtBot, form: StationForm, sqlite_store: Store, clerk: Actor) -> None:
    cases.create_station(sqlite_store, clerk, SAVED)
    qtbot.keyClicks(line(form, "code"), SAVED["code"])
    line(form, "name").setText("另一驿站")
    assert not form.save()
    assert "已被驿站“东四快递小哥驿站”使用" in error_text(form, "code")
    assert stations(sqlite_store) == 1 and form.current_uuid() is None and form.is_dirty()


def test_a_field_error_shows_as_it_is_typed(qtbot: QtBot, form: StationForm) -> None:
    qtbot.keyClicks(line(form, "area_sqm"), "abc")
    assert error_text(form, "area_sqm")
    line(form, "name").setText("x")
    assert not form.save()


def test_an_edit_is_saved_and_taken_back_services_too(form: StationForm, sqlite_store: Store,
                                                      clerk: Actor) -> None:
    uuid = saved_station(sqlite_store, clerk, form)
    line(form, "name").setText("东四驿站（新址）")
    form.services_box.boxes["冷可取暖"].setChecked(False)
    assert form.save()
    details = cases.station_details(sqlite_store, uuid)
    assert details["station"]["name"] == "东四驿站（新址）" and "冷可取暖" not in details["services"]
    assert form.undo_description() == "修改驿站“东四快递小哥驿站”的名称、服务项目"
    assert form.undo_last()
    details = cases.station_details(sqlite_store, uuid)
    assert details["station"]["name"] == "东四快递小哥驿站"
    assert sorted(details["services"]) == sorted(values("station_services"))  # a name brought back comes last
    assert line(form, "name").text() == "东四快递小哥驿站" and form.services_box.boxes["冷可取暖"].isChecked()
    assert form.last_change_description() == "已撤销：修改驿站“东四快递小哥驿站”的名称、服务项目"


def test_a_deletion_asks_first_and_is_taken_back(monkeypatch: pytest.MonkeyPatch, form: StationForm,
                                                 sqlite_store: Store, clerk: Actor) -> None:
    uuid = saved_station(sqlite_store, clerk, form)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not form.delete()
    assert "NX-006-001" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert form.delete()
    with pytest.raises(NotFound):
        cases.station_details(sqlite_store, uuid)
    assert form.current_uuid() is None
    assert form.undo_last()
    assert cases.station_details(sqlite_store, uuid)["station"]["deleted"] is False
    assert form.current_uuid() == uuid


def test_a_new_station_is_taken_back(qtbot: QtBot, form: StationForm, sqlite_store: Store) -> None:
    qtbot.keyClicks(line(form, "code"), "NX-2")
    line(form, "name").setText("新驿站甲")
    assert form.save()
    assert form.undo_last()
    assert form.current_uuid() is None
    with sqlite_store.transaction() as session:
        assert session.scalars(select(Station)).one().deleted


def test_a_pause_with_its_reason_is_recorded_shown_and_taken_back(form: StationForm, sqlite_store: Store,
                                                                  clerk: Actor) -> None:
    uuid = saved_station(sqlite_store, clerk, form)
    assert form.step_buttons["pause"].isEnabled() and not form.step_buttons["resume"].isEnabled()
    form.open_dialog = step_driver(reason="装修", on="2024-03-01")
    form.step_buttons["pause"].click()
    details = cases.station_details(sqlite_store, uuid)
    assert details["station"]["status"] == "paused"
    assert "暂停" in form.status_label.text()
    table = form.history_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == ["2024-03-01", "暂停", "运行 → 暂停", "装修"]
    assert form.step_buttons["resume"].isEnabled() and not form.step_buttons["pause"].isEnabled()
    assert form.undo_last()
    assert cases.station_details(sqlite_store, uuid)["station"]["status"] == "running"
    assert form.history_table.rowCount() == 0 and "运行" in form.status_label.text()


def test_a_pause_without_a_reason_is_refused_in_the_dialog(form: StationForm, sqlite_store: Store,
                                                          clerk: Actor) -> None:
    uuid = saved_station(sqlite_store, clerk, form)
    seen: list[str] = []
    form.open_dialog = step_driver(reason="", seen=seen)
    assert not form.change_status("pause")
    assert seen and "原因" in seen[0]
    assert cases.station_details(sqlite_store, uuid)["station"]["status"] == "running"
    with sqlite_store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(StationEvent)) == 0


def test_esc_half_way_asks_before_throwing_the_typing_away(monkeypatch: pytest.MonkeyPatch, tab: StationsTab,
                                                           sqlite_store: Store) -> None:
    form = tab.form
    line(form, "name").setText("半途驿站")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)  # 继续编辑
    assert not form.escape()
    assert asked and "放弃" in asked[0] and line(form, "name").text() == "半途驿站"
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert form.escape()
    assert line(form, "name").text() == "" and not form.is_dirty()
    assert stations(sqlite_store) == 0


def test_moving_to_another_row_asks_and_shows_the_panels_the_station(
        monkeypatch: pytest.MonkeyPatch, tab: StationsTab, sqlite_store: Store, clerk: Actor) -> None:
    first = cases.create_station(sqlite_store, clerk, SAVED).uuid
    second = cases.create_station(sqlite_store, clerk, {**SAVED, "code": "NX-9", "name": "乙"}).uuid
    tab.refresh()
    assert tab.model.row_at(0) is not None  # the page read, as a shown table would
    panel = _Panel()
    tab.add_panel("台账", panel)
    tab.panels.setCurrentWidget(panel)  # a panel reads its station when it is in sight
    assert tab.panels.tabText(0) == "驿站信息" and tab.panels.tabText(tab.panels.count() - 1) == "台账"
    tab.show_row(first)
    assert tab.form.current_uuid() == first and panel.shown[-1] == first
    line(tab.form, "name").setText("改了")
    answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.show_row(second)
    assert tab.form.current_uuid() == first  # the clerk chose to go on editing
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    tab.table.clearSelection()
    tab.show_row(second)
    assert tab.form.current_uuid() == second and panel.shown[-1] == second
    cases.update_station(sqlite_store, clerk, second, {"name": "乙站"})
    panel.changed.emit(second)  # a panel wrote: the row and the form follow
    assert line(tab.form, "name").text() == "乙站"
    tab.new_record()
    tab.panels.setCurrentWidget(panel)
    assert tab.form.current_uuid() is None and panel.shown[-1] is None


def test_a_read_only_user_sees_everything_disabled_and_why(qtbot: QtBot, make_context: Build, clerk: Actor,
                                                          approver: Actor, sqlite_store: Store) -> None:
    uuid = cases.create_station(sqlite_store, clerk, SAVED).uuid
    form = StationForm(make_context(approver))
    qtbot.addWidget(form)
    assert form.title_label.text() == "未选择驿站" and not form.header.new_status.isVisibleTo(form)
    form.load(uuid)
    assert form.read_only_note.isVisibleTo(form) and "没有" in form.read_only_note.text()
    assert line(form, "name").isReadOnly() and line(form, "phone").isReadOnly()
    assert not form.fields["has_sign"].editor.isEnabled() and not form.fields["host_type"].editor.isEnabled()
    boxes: list[QCheckBox] = list(form.services_box.boxes.values())
    assert boxes and not any(box.isEnabled() for box in boxes) and not form.services_box.add_button.isEnabled()
    buttons = [*form.step_buttons.values(), form.delete_button, form.save_button, form.cancel_button]
    assert not any(button.isEnabled() for button in buttons)
    assert "录入员" in form.step_buttons["pause"].toolTip()
    assert not form.save() and not form.change_status("pause")


def test_the_window_types_stations_on_the_stations_tab(qtbot: QtBot, make_context: Build, clerk: Actor,
                                                       settings: Settings) -> None:
    context = make_context(clerk)
    window = MainWindow(context, settings, registry_tabs(context))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i in range(window.tabs.count()) if isinstance(window.tabs.widget(i), StationsTab))
    window.tabs.setCurrentIndex(index)
    assert window.new_action.isEnabled()
    window.close()


class _Panel(QLabel):
    """A panel the integrator might add: remembers which station it was shown."""

    from PySide6.QtCore import Signal as _Signal

    changed = _Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Any] = []

    def show_station(self, uuid: str | None) -> None:
        self.shown.append(uuid)


def test_the_phone_is_masked_for_an_admin_too_until_asked(qtbot: QtBot, make_context: Build, sqlite_store: Store,
                                                          clerk: Actor, admin: Actor) -> None:
    station = cases.create_station(sqlite_store, clerk, SAVED)
    form = StationForm(make_context(admin))
    qtbot.addWidget(form)
    form.load(station.uuid)
    assert line(form, "phone").text() == "138****8000"
    reveal = form.header.reveal_button
    assert reveal.isEnabled() and "审计" in reveal.toolTip()
    reveal.click()
    assert line(form, "phone").text() == "13800138000" and not form.is_dirty()
    clerk_form = StationForm(make_context(clerk))
    qtbot.addWidget(clerk_form)
    clerk_form.load(station.uuid)
    assert not clerk_form.header.reveal_button.isEnabled() and line(clerk_form, "phone").text() == "138****8000"
