"""The main window: one tab per registry, a menu and toolbar routed to the current tab, a status bar."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from desktop.ui.about import show_about, window_title
from desktop.ui.context import AppContext
from desktop.ui.excel.actions import ExcelActions
from desktop.ui.messages import show_error
from desktop.ui.permissions import only_who_may
from desktop.ui.printing.actions import PrintActions
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.settings import GEOMETRY, WINDOW_STATE, Settings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sync.tab import SyncTab
from desktop.ui.users_dialog import UsersDialog
from desktop.ui.worker import Progress

DEMO_MEMBERS_DEFAULT = 2000
DEMO_MEMBERS_MAX = 200_000


class MainWindow(QMainWindow):
    """UnionDesk's main window."""

    def __init__(self, context: AppContext, settings: Settings, tabs: list[RegistryTab],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.setWindowTitle(window_title(context.office.name))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for tab in tabs:
            self.tabs.addTab(tab, tab.title)
            tab.counts_changed.connect(self._show_counts)
            tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.setCentralWidget(self.tabs)
        self._build_status_bar()
        self._build_actions()
        self._restore_layout()
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(self.tabs.currentIndex())

    # ----- layout -----------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        ctx = self.context
        self.office_label = QLabel(self.tr("单位：{0}（{1}）").format(ctx.office.name, ctx.office.code))
        self.user_label = QLabel(self.tr("用户：{0}（{1}）").format(ctx.actor.display_name, ctx.roles_text()))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar = self.statusBar()
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.office_label)
        bar.addPermanentWidget(self.user_label)

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: object, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        tab = self.current_tab
        self.new_action = self._action(self.tr("新增"), QKeySequence.StandardKey.New, lambda: tab().new_record(), "new")
        self.save_action = self._action(self.tr("保存"), QKeySequence.StandardKey.Save, lambda: tab().save(), "save")
        self.delete_action = self._action(self.tr("删除"), QKeySequence.StandardKey.Delete,
                                          lambda: tab().delete_selected(), "delete")
        self.undo_action = self._action(self.tr("撤销上次保存"), QKeySequence.StandardKey.Undo,
                                        lambda: tab().undo(), "undo")
        self.find_action = self._action(self.tr("查找"), QKeySequence.StandardKey.Find,
                                        lambda: tab().focus_search(), "find")
        self.refresh_action = self._action(self.tr("刷新"), QKeySequence.StandardKey.Refresh,
                                           lambda: tab().refresh(), "refresh")
        self.quit_action = self._action(self.tr("退出"), QKeySequence.StandardKey.Quit, self.close, "quit")
        self.excel = ExcelActions(self)
        self.printing = PrintActions(self)
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addActions(self.excel.actions())
        file_menu.addSeparator()
        file_menu.addActions(self.printing.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit_menu.setToolTipsVisible(True)  # a disabled action says who may use it
        for action in (self.new_action, self.save_action, self.delete_action, self.undo_action,
                       self.find_action, self.refresh_action):
            edit_menu.addAction(action)
        self.users_action = self._action(self.tr("用户管理…"), None, self.manage_users, "manage_users")
        self.users_action.setEnabled(self.context.actor.can("users.manage"))
        self.settings_action = self._action(self.tr("设置…"), None, self.open_settings, "settings")
        self.demo_action = self._action(self.tr("生成演示数据…"), None, self.generate_demo, "demo_data")
        # the demo accounts have a published password, so only an admin may add them
        self.demo_action.setEnabled(self.context.actor.can("store.manage"))
        self.verify_certificate_action = self._action(self.tr("验证证书…"), None, self.verify_certificate,
                                                      "verify_certificate")
        tools_menu = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools_menu.setObjectName("tools_menu")
        for action in (self.verify_certificate_action, self.users_action, self.settings_action, self.demo_action):
            tools_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于"), None, self._about, "about"))
        toolbar = QToolBar(self.tr("常用"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.save_action, self.delete_action, self.undo_action,
                       self.refresh_action, self.excel.import_action, self.excel.export_action,
                       self.printing.print_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, RegistryTab):
                printing = self.printing.tab_menu_action(widget)
                widget.add_tab_actions([self.excel.import_action, self.excel.export_action,
                                        *([printing] if printing is not None else [])])
            if isinstance(widget, SyncTab):
                widget.print_requested.connect(self.printing.generate)
                widget.registries_changed.connect(self._registries_changed)
        self.file_menu = file_menu
        self.tools_menu = tools_menu

    def current_tab(self) -> RegistryTab:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, RegistryTab)
        return widget

    def _restore_layout(self) -> None:
        geometry = self.settings.bytes_value(GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        state = self.settings.bytes_value(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        last = self.settings.last_tab()
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)

    # ----- slots ------------------------------------------------------------------------------------
    @Slot(int, int)
    def _show_counts(self, shown: int, total: int) -> None:
        if self.sender() is not self.tabs.currentWidget():
            return
        text = self.tr("共 {0:,} 条").format(total) if shown == total else \
            self.tr("显示 {0:,} / 共 {1:,} 条").format(shown, total)
        self.count_label.setText(text)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        self.settings.set_last_tab(index)
        tab = self.current_tab()
        # a tab without a registry (同步) has no records to add, save, delete, find, import or print
        has_records = bool(tab.registry)
        self.find_action.setEnabled(has_records)
        self._allow_writing(tab, has_records)
        if not has_records:
            self.count_label.clear()
        self.excel.tab_changed(tab)
        self.printing.tab_changed(tab)
        tab.refresh()

    def _allow_writing(self, tab: RegistryTab, has_records: bool) -> None:
        """新增, 保存, 删除 and 撤销上次保存 only for who may write the tab's records; for anyone else they
        are disabled and say who may."""
        may = self.context.actor.can(tab.write_permission)
        allowed = has_records and may and not tab.no_form_reason
        doing = {self.new_action: self.tr("新增{0}"), self.save_action: self.tr("保存{0}"),
                 self.delete_action: self.tr("删除{0}"), self.undo_action: self.tr("撤销{0}的修改")}
        for action, text in doing.items():
            action.setEnabled(allowed)
            if has_records and tab.no_form_reason:  # nobody may type here yet: say why, not who may
                action.setToolTip(tab.no_form_reason)
            elif has_records and not may:
                action.setToolTip(only_who_may(tab.write_permission, text.format(tab.title)))
            else:
                action.setToolTip("")

    @Slot()
    def _registries_changed(self) -> None:
        """Records changed on one tab (a batch imported, a conflict settled): the other tabs reload."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, RegistryTab) and tab is not self.sender():
                tab.records_changed()

    def manage_users(self) -> None:
        dialog = UsersDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def verify_certificate(self) -> None:
        """验证证书…: anyone may check a certificate (it reads keys, writes nothing)."""
        from desktop.ui.contests.verify_dialog import VerifyCertificateDialog

        dialog = VerifyCertificateDialog(self.context.store, self)
        dialog.exec()
        dialog.deleteLater()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def generate_demo(self) -> None:
        """Ask how many members, then fill the (empty) registries with demo data in the background."""
        members, ok = QInputDialog.getInt(self, self.tr("生成演示数据"),
                                          self.tr("演示会员人数（只能填入空的台账）："),
                                          DEMO_MEMBERS_DEFAULT, 1, DEMO_MEMBERS_MAX, 100)
        if not ok:
            return
        from db.demo import fill_demo  # the demo pools load only when asked for

        store = self.context.store

        def job(progress: Progress) -> dict[str, int]:
            return fill_demo(store, members, progress=progress)

        self.demo_action.setEnabled(False)
        self.context.runner.start(job, title=self.tr("正在生成演示数据……"), on_done=self._demo_done,
                                  on_error=self._demo_failed, on_cancel=self._demo_cancelled, parent=self)

    def _demo_done(self, counts: dict[str, int]) -> None:
        self.demo_action.setEnabled(self.context.actor.can("store.manage"))
        self.current_tab().refresh()
        self.statusBar().showMessage(
            self.tr("演示数据已生成：共 {0:,} 行（会员 {1:,} 人）").format(sum(counts.values()),
                                                                  counts.get("members", 0)), 15000)

    def _demo_failed(self, error: BaseException) -> None:
        self.demo_action.setEnabled(self.context.actor.can("store.manage"))
        show_error(self, error, self.tr("无法生成演示数据"))

    def _demo_cancelled(self) -> None:
        self.demo_action.setEnabled(self.context.actor.can("store.manage"))
        self.statusBar().showMessage(self.tr("已取消生成演示数据，台账没有改变。"), 5000)

    def _about(self) -> None:
        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, RegistryTab) and not tab.can_close():
                self.tabs.setCurrentIndex(index)
                event.ignore()
                return
        if self.context.runner.is_busy():
            self.context.runner.cancel_all()
            self.context.runner.wait(10_000)
        self.settings.set_bytes(GEOMETRY, self.saveGeometry())
        self.settings.set_bytes(WINDOW_STATE, self.saveState())
        self.settings.sync()
        event.accept()
