"""The generic registry tab (desktop/ui/common/list_tab): every registry that declares a tab gets one, with
its declared columns, search, value-list filters, masking, and the window's Excel actions on its registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.registry import registry, tabbed
from db.store import Store
from desktop.ui.common.list_tab import ListTab
from desktop.ui.main_window import MainWindow
from desktop.ui.tabs import registry_tabs

from .conftest import OFFICE, make_context
from .test_excel_export import column_values, run_export

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)


def _window(qtbot: QtBot, store: Store, actor: Actor, settings: object, runner: object) -> MainWindow:
    context = make_context(store, actor, runner)  # type: ignore[arg-type]
    window = MainWindow(context, settings, registry_tabs(context))  # type: ignore[arg-type]
    window.show()
    qtbot.waitExposed(window)
    return window


def _tab(window: MainWindow, name: str) -> ListTab:
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        if getattr(tab, "registry", "") == name:
            window.tabs.setCurrentIndex(index)
            assert isinstance(tab, ListTab)
            return tab
    raise AssertionError(name)


def test_every_declared_tab_is_there_in_order(qtbot: QtBot, demo_store: Store, settings: object,
                                              runner: object) -> None:
    window = _window(qtbot, demo_store, CLERK, settings, runner)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [spec.tab for spec in tabbed()] == ["会员", "暖心驿站", "技能竞赛", "困难帮扶"]
    window.close()


def test_a_registry_tab_lists_searches_and_filters(qtbot: QtBot, demo_store: Store, settings: object,
                                                   runner: object) -> None:
    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "stations")
    total = tab.model.total()
    assert total > 0 and window.count_label.text() == f"共 {total:,} 条"
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model.columnCount())]
    # the station list's own ⚠ column first, then the declared columns
    assert headers == ["", *(registry("stations").field(c.attr).label for c in registry("stations").list_columns)]
    code = tab.model.row_at(0)["code"]  # type: ignore[index]
    qtbot.keyClicks(tab.search, code)
    qtbot.waitUntil(lambda: tab.model.total() == 1, timeout=3000)
    assert window.count_label.text() == f"显示 1 / 共 {total:,} 条"
    tab.search.clear()
    status: QComboBox = tab.findChild(QComboBox, "station_status_filter")
    status.setCurrentIndex(status.findText("运行"))
    running = tab.model.total()
    assert 0 < running <= total
    assert all(tab.model.data(tab.model.index(r, 1 + [c.attr for c in registry("stations").list_columns]
                                              .index("status"))) == "运行" for r in range(running))
    window.close()


def test_a_clerk_and_an_admin_see_masked_phone_numbers(qtbot: QtBot, demo_store: Store, settings: object,
                                                       runner: object) -> None:
    column = 1 + [c.attr for c in registry("stations").list_columns].index("phone")  # after the ⚠ column
    for actor, masked in ((CLERK, True), (ADMIN, True)):  # design §7: a full value is asked for in the form
        window = _window(qtbot, demo_store, actor, settings, runner)
        tab = _tab(window, "stations")
        phones = [tab.model.data(tab.model.index(r, column)) for r in range(tab.model.total())]
        phones = [p for p in phones if p]
        assert phones and all(("*" in p) is masked for p in phones), actor.username
        window.close()


def test_excel_works_on_a_tab_with_its_own_form(
        qtbot: QtBot, demo_store: Store, settings: object, runner: object, tmp_path: Path) -> None:
    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "contests")  # its own tab now (desktop/ui/contests/tab.py): typing goes to its form
    assert window.new_action.isEnabled() and "录入表单尚未提供" not in window.new_action.toolTip()
    assert window.excel.export_action.isEnabled() and window.excel.import_action.isEnabled()
    assert window.printing.print_action.isEnabled()  # its results list, sign-in sheet and certificates
    tab.search.setText(tab.model.row_at(0)["name"][:4])  # type: ignore[index]
    tab.apply_filters()
    shown = tab.model.total()
    dialog = window.excel.open_export()
    assert dialog.registry_combo.currentData() == "contests"
    assert dialog.current_radio.isEnabled() and f"{shown:,}" in dialog.current_radio.text()
    target = tmp_path / "竞赛.xlsx"
    run_export(qtbot, window, dialog, target)
    assert len(column_values(target, "竞赛名称")) == shown
    window.close()


APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)


def test_hardship_files_show_and_find_their_member(qtbot: QtBot, demo_store: Store, settings: object,
                                                   runner: object) -> None:
    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "aid-cases")
    total = tab.model.total()
    names = [tab.model.row_at(i)["member_name"] for i in range(total)]  # type: ignore[index]
    assert total > 0 and all(names)
    name_column = [c.attr for c in registry("aid-cases").list_columns].index("member_name")
    assert tab.model.data(tab.model.index(0, name_column)) == names[0]
    tab.search.setText(names[0])
    tab.apply_filters()
    assert 0 < tab.model.total() < total or total == 1
    assert names[0] in [tab.model.row_at(i)["member_name"] for i in range(tab.model.total())]  # type: ignore[index]
    tab.search.setText("查无此人")
    tab.apply_filters()
    assert tab.model.total() == 0
    window.close()


def test_an_approver_is_told_who_may_import_and_what_full_export_opens(qtbot: QtBot, demo_store: Store,
                                                                      settings: object, runner: object) -> None:
    window = _window(qtbot, demo_store, APPROVER, settings, runner)
    assert not window.excel.import_action.isEnabled()
    assert "录入员" in window.excel.import_action.toolTip()
    _tab(window, "aid-cases")
    dialog = window.excel.open_export()
    text = dialog.full_box.text()
    assert dialog.full_box.isEnabled() and all(label in text for label in ("身份证号", "健康状况", "银行卡号"))
    dialog.reject()
    members = window.tabs.widget(0)
    assert members.form.header.title_label.text() == "未选择会员"  # type: ignore[attr-defined]
    window.close()


def test_the_current_list_count_belongs_to_the_registry_it_counts(qtbot: QtBot, demo_store: Store,
                                                                 settings: object, runner: object) -> None:
    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "stations")
    dialog = window.excel.open_export()
    assert dialog.current_radio.text() == f"当前列表（{tab.model.total():,} 条）"
    dialog.registry_combo.setCurrentIndex(dialog.registry_combo.findData("members"))
    assert dialog.current_radio.text() == "当前列表" and not dialog.current_radio.isEnabled()
    assert dialog.all_radio.isChecked()
    dialog.reject()
    window.close()


def _printed(qtbot: QtBot, window: MainWindow, dialog: object) -> object:
    from desktop.ui.printing.print_dialog import PrintOptionsDialog

    assert isinstance(dialog, PrintOptionsDialog)
    seen = [id(p) for p in window.printing.previews]  # an earlier preview may close meanwhile
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: any(id(p) not in seen for p in window.printing.previews), timeout=20_000)
    preview = next(p for p in window.printing.previews if id(p) not in seen)
    qtbot.waitExposed(preview)
    return preview


def test_the_station_tab_prints_its_declared_forms(qtbot: QtBot, demo_store: Store, settings: object,
                                                  runner: object) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QToolButton

    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "stations")
    assert window.printing.print_action.isEnabled()
    button = tab.findChild(QToolButton, "tab_print_forms_stations")
    assert button is not None
    assert [a.text() for a in button.defaultAction().menu().actions()] == ["暖心驿站信息卡", "暖心驿站服务台账",
                                                                           "暖心驿站检查记录", "暖心驿站名册"]
    roster = window.printing.open_options("station-roster")
    assert roster.scope_label.text() == f"当前列表的 {tab.model.total():,} 条"  # type: ignore[union-attr]
    preview = _printed(qtbot, window, roster)
    assert preview.windowTitle().startswith(f"暖心驿站名册（{tab.model.total():,} 条）")  # type: ignore[attr-defined]
    preview.close()  # type: ignore[attr-defined]
    log = window.printing.open_options("station-log")
    assert log is not None and not log.preview_button.isEnabled() and "选择一个驿站" in log.error.text()
    log.reject()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(0, 0), flags)
    log = window.printing.open_options("station-log")
    assert log is not None and log.preview_button.isEnabled() and not log.month_combo.isHidden()
    month = log.month_combo.currentText()  # the dialog goes once it has asked for the form
    preview = _printed(qtbot, window, log)
    assert month in preview.windowTitle()  # type: ignore[attr-defined]
    window.close()


def test_the_contest_tab_prints_the_selected_contest_s_papers(qtbot: QtBot, demo_store: Store, settings: object,
                                                              runner: object) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QToolButton

    window = _window(qtbot, demo_store, CLERK, settings, runner)
    tab = _tab(window, "contests")
    button = tab.findChild(QToolButton, "tab_print_forms_contests")
    assert button is not None
    assert [a.text() for a in button.defaultAction().menu().actions()] == ["技能竞赛成绩单", "技能竞赛签到表",
                                                                           "全部获奖证书"]
    certificates = window.printing.open_options("contest-certificates")
    assert certificates is not None and not certificates.preview_button.isEnabled()
    assert "选择竞赛" in certificates.error.text()
    certificates.reject()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(0, 0), flags)
    certificates = window.printing.open_options("contest-certificates")
    assert certificates is not None and certificates.scope_label.text() == "选中的 1 项竞赛"
    preview = _printed(qtbot, window, certificates)  # the demo's contests are published
    assert preview.windowTitle().startswith("全部获奖证书（1 项竞赛）")  # type: ignore[attr-defined]
    window.close()
