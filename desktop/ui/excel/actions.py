"""The main window's Excel actions (文件 menu, toolbar, the tabs' buttons): import, export, blank template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from db.registry import registries
from desktop.ui.messages import show_error
from desktop.ui.permissions import only_who_may
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.worker import Progress

if TYPE_CHECKING:
    from desktop.ui.excel.export_dialog import ExportDialog
    from desktop.ui.excel.import_wizard import ImportWizard
    from desktop.ui.main_window import MainWindow

STATUS_MS = 15_000


class ExcelActions(QObject):
    """导入Excel…（Ctrl+I）, 导出Excel…（Ctrl+E）and 下载空白模板… of a main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_action = self._action(self.tr("导入Excel…"), "Ctrl+I", self.open_import, "import_excel")
        self.import_action.setEnabled(window.context.actor.can("records.write"))
        self.export_action = self._action(self.tr("导出Excel…"), "Ctrl+E", self.open_export, "export_excel")
        self.template_action = self._action(self.tr("下载空白模板…"), None, self.save_template, "excel_template")

    def _action(self, text: str, shortcut: str | None, slot: object, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action, self.template_action]

    def tab_changed(self, tab: RegistryTab) -> None:
        """Import and export work on the current tab's registry; a tab without one (同步) has neither."""
        may = self.window.context.actor.can("records.write")
        self.import_action.setEnabled(bool(tab.registry) and may)
        self.import_action.setToolTip(only_who_may("records.write", self.tr("导入Excel")) if tab.registry and not may
                                      else self.import_action.text())
        self.export_action.setEnabled(bool(tab.registry))

    def current_registry(self) -> str:
        return self.window.current_tab().registry or "members"

    # ----- import -----------------------------------------------------------------------------------
    def open_import(self) -> ImportWizard:
        from desktop.ui.excel.import_wizard import ImportWizard  # openpyxl loads when first asked for

        window = self.window
        wizard = ImportWizard(window.context, window.settings, self.current_registry(), window)
        wizard.imported.connect(self._imported)
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def _imported(self, registry: str, written: dict[str, int]) -> None:
        self.window.current_tab().records_changed()
        label = registries()[registry].label if registry in registries() else registry
        self.window.statusBar().showMessage(self.tr("{0}已导入：新增 {1:,} 行，更新 {2:,} 行").format(
            label, written.get("new", 0), written.get("update", 0)), STATUS_MS)

    # ----- export -----------------------------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        from desktop.ui.excel.export_dialog import ExportDialog, ListView

        window = self.window
        tab = window.current_tab()
        shown = tab.export_view()
        view = ListView(tab.registry, *shown) if shown is not None and tab.registry else None
        dialog = ExportDialog(window.context, window.settings, self.current_registry(), view, window)
        dialog.exported.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # ----- template ---------------------------------------------------------------------------------
    def save_template(self) -> None:
        """下载空白模板: ask which registry and where, then write the empty sheet with its headers."""
        from desktop.documents.excel.template import write_template

        window = self.window
        names = list(registries())
        labels = [registries()[name].label for name in names]
        current = names.index(self.current_registry()) if self.current_registry() in names else 0
        label, ok = QInputDialog.getItem(window, self.tr("下载空白模板"), self.tr("台账："), labels, current, False)
        if not ok:
            return
        registry = names[labels.index(label)]
        suggested = str(Path(window.settings.last_excel_dir()) / self.tr("{0}导入模板.xlsx").format(label))
        path, _filter = QFileDialog.getSaveFileName(window, self.tr("保存模板"), suggested,
                                                    self.tr("Excel 文件 (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        window.settings.set_last_excel_dir(str(target.parent))

        def job(_progress: Progress) -> Path:
            write_template(registry, target)
            return target

        window.context.runner.start(
            job, title=self.tr("正在保存模板……"), parent=window,
            on_done=lambda saved: window.statusBar().showMessage(self.tr("已保存模板到 {0}").format(saved), STATUS_MS),
            on_error=lambda error: show_error(window, error, self.tr("无法保存模板")))
