"""导出 Excel: which registry, the list shown or all of it, masked or full numbers, and where to save."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db import listing
from db.registry import registries
from desktop.documents.excel.export import export_registry
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label, show_error
from desktop.ui.settings import Settings
from desktop.ui.worker import Progress


@dataclass(frozen=True)
class ListView:
    """What a registry tab shows: its registry, filter, order and how many rows that is."""

    registry: str
    filter: Any
    sort: Any
    count: int


def default_file_name(registry_name: str, today: dt.date | None = None) -> str:
    """会员名册-20261124.xlsx"""
    day = today or dt.date.today()
    return f"{registries()[registry_name].label}名册-{day:%Y%m%d}.xlsx"


class ExportDialog(QDialog):
    """The export dialog; 导出 writes the file in the JobRunner and closes the dialog when it is written.

    Signals:
        exported(str): the sentence that says how many rows went to which file.
    """

    exported = Signal(str)

    def __init__(self, context: AppContext, settings: Settings, registry_name: str = "members",
                 view: ListView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.settings, self.view = context, settings, view
        self._busy = False
        self.setWindowTitle(self.tr("导出 Excel"))
        self.registry_combo = QComboBox()
        self.registry_combo.setObjectName("registry")
        for name, registry in registries().items():
            self.registry_combo.addItem(registry.label, name)
        self.registry_combo.setCurrentIndex(max(self.registry_combo.findData(registry_name), 0))
        count = view.count if view is not None else 0
        self.current_radio = QRadioButton(self.tr("当前列表（{0:,} 条）").format(count))
        self.current_radio.setObjectName("scope_current")
        self.all_radio = QRadioButton(self.tr("全部"))
        self.all_radio.setObjectName("scope_all")
        scope = QButtonGroup(self)
        scope.addButton(self.current_radio)
        scope.addButton(self.all_radio)
        self.full_box = QCheckBox(self.tr("导出完整的敏感信息"))
        self.full_box.setObjectName("full_values")
        if not context.actor.can("sensitive.full"):
            self.full_box.setEnabled(False)
            self.full_box.setToolTip(self.tr("只有审核人和管理员可以导出完整的证件号码和电话；"
                                             "导出的号码中间几位以 * 隐藏。"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.browse_button = QPushButton(self.tr("浏览…"))
        self.browse_button.setObjectName("browse")
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("导出"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._layout()
        self.browse_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.registry_combo.currentIndexChanged.connect(self._registry_changed)
        self._default_path = ""
        self._registry_changed()

    def _layout(self) -> None:
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.current_radio)
        scope_row.addWidget(self.all_radio)
        scope_row.addStretch(1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("台账"), self.registry_combo)
        form.addRow(self.tr("范围"), scope_row)
        form.addRow("", self.full_box)
        form.addRow(self.tr("保存到"), path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def registry_name(self) -> str:
        return str(self.registry_combo.currentData())

    def _registry_changed(self) -> None:
        # what "full" unmasks, from the registry's declaration: ID and phone numbers, health, income, bank cards
        sensitive = "、".join(f.label for f in registries()[self.registry_name()].sensitive)
        self.full_box.setText(self.tr("导出完整的敏感信息（{0}）").format(sensitive) if sensitive
                              else self.tr("导出完整的敏感信息（此台账没有）"))
        self.full_box.setVisible(bool(sensitive))
        has_view = self.view is not None and self.registry_name() == self.view.registry
        self.current_radio.setEnabled(has_view)
        (self.current_radio if has_view else self.all_radio).setChecked(True)
        # the count is of the list shown on the tab, which is another registry's when the combo names another
        self.current_radio.setText(self.tr("当前列表（{0:,} 条）").format(self.view.count) if has_view and self.view
                                   else self.tr("当前列表"))
        self.all_radio.setText(self._all_text())
        default = str(Path(self.settings.last_excel_dir()) / default_file_name(self.registry_name()))
        if not self.path_edit.text() or self.path_edit.text() == self._default_path:
            self.path_edit.setText(default)
        self._default_path = default

    def _all_text(self) -> str:
        """全部 with the registry's count, so that the clerk sees what "all" means before choosing it."""
        try:
            total = listing.read_count(self.context.store, registries()[self.registry_name()], listing.ListFilter())
        except Exception:  # noqa: BLE001 - a count the dialog cannot read leaves the bare word, the export says why
            return self.tr("全部")
        return self.tr("全部（{0:,} 条）").format(total)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.path_edit.text(),
                                                    self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export(self) -> None:
        """导出: write the file in the background; close when it is written, stay open on an error."""
        text = self.path_edit.text().strip()
        if self._busy:
            return
        if not text:
            self.error.setText(self.tr("请选择保存的位置。"))
            return
        path = Path(text)
        store, actor, registry = self.context.store, self.context.actor, self.registry_name()
        view = self.view if self.current_radio.isChecked() and self.current_radio.isEnabled() else None
        full = self.full_box.isEnabled() and self.full_box.isChecked()

        def job(progress: Progress) -> int:
            return export_registry(store, actor, registry, path, view=view.filter if view else None,
                                   sort=view.sort if view else None, full_values=full, progress=progress)

        self._busy = True
        self.error.clear()
        self.export_button.setEnabled(False)
        self.context.runner.start(job, title=self.tr("正在导出……"), on_done=lambda n: self._done(path, n),
                                  on_error=self._failed, on_cancel=self._cancelled, parent=self)

    def _done(self, path: Path, rows: int) -> None:
        self._idle()
        self.settings.set_last_excel_dir(str(path.parent))
        self.exported.emit(self.tr("已导出 {0:,} 行到 {1}").format(rows, path))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        self.error.setText(describe(error))
        show_error(self, error, self.tr("无法导出"))

    def _cancelled(self) -> None:
        self._idle()
        self.error.setText(self.tr("已取消导出。"))

    def _idle(self) -> None:
        self._busy = False
        self.export_button.setEnabled(True)

    def reject(self) -> None:
        if not self._busy:  # the job's dialog offers cancel; the file is written whole or not at all
            super().reject()
