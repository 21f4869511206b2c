"""The 同步 tab: keys, the peer offices, batches in and out (with drag and drop), receipts, open conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import UnionDeskError
from db.sync.export import UNSEALED
from db.sync.overview import OfficeSync
from desktop.documents.pdf.forms import FORMS
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, show_error
from desktop.ui.printing.print_dialog import PrintRequest
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.sync.data import load
from desktop.ui.sync.export_dialog import ExportBatchDialog
from desktop.ui.sync.key_bar import KeyBar
from desktop.ui.sync.list_model import KEY_ROLE, ListModel
from desktop.ui.sync.models import BatchesModel, ConflictsModel, OfficesModel
from desktop.ui.sync.transfer import BatchTransfer
from desktop.ui.sync.widgets import section, table_view

BATCH_SUFFIX = ".ubatch"
T = TypeVar("T")


class SyncTab(RegistryTab):
    """同步: where the exchange with every peer office stands, and the ways to move batches and settle conflicts.

    Signals:
        print_requested(object): a :class:`PrintRequest` of a batch receipt, for the window's print actions.
        registries_changed(): records changed here (an import, a settled conflict): other tabs must reload.
    """

    print_requested = Signal(object)
    registries_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("同步")
        self.can_write = context.actor.can("records.write")
        self.export_dialog: ExportBatchDialog | None = None
        self.key_bar = KeyBar(context, self)
        self.transfer = BatchTransfer(context, self)
        self.offices = OfficesModel(self)
        self.batches = BatchesModel(self)
        self.conflicts = ConflictsModel(self)
        self.office_table = table_view("office_table", self.offices)
        self.batch_table = table_view("batch_table", self.batches)
        self.conflict_table = table_view("conflict_table", self.conflicts)
        self._build_buttons()
        self.log = QPlainTextEdit()
        self.log.setObjectName("results")
        self.log.setReadOnly(True)
        self.log.setAcceptDrops(False)
        self.log.viewport().setAcceptDrops(False)
        self.log.setPlaceholderText(self.tr("导入、导出的结果显示在这里。"))
        self._build_layout()
        self.setAcceptDrops(True)
        self.key_bar.message.connect(self.show_message)
        self.key_bar.trusted.connect(lambda _code: self.refresh())
        self.transfer.message.connect(self.show_message)
        self.transfer.imported.connect(self._imported)
        self.transfer.exported.connect(self.refresh)
        self.transfer.busy_changed.connect(lambda _busy: self._update_buttons())
        self.batch_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.conflict_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.conflict_table.doubleClicked.connect(self._conflict_activated)
        self._update_buttons()

    def _build_buttons(self) -> None:
        self.import_button = self._button("import_batches", self.tr("导入批次…"), self.choose_import)
        self.export_button = self._button("export_batch", self.tr("导出批次…"), self.open_export)
        self.receipt_button = self._button("print_receipt", self.tr("打印交接单"), self.print_receipt)
        self.settle_button = self._button("settle_conflict", self.tr("处理冲突…"), self.settle_selected)
        if self.can_write:
            self.import_button.setToolTip(self.tr("选择一个或多个批次文件（.ubatch）导入；也可以把文件拖到本页。"))
            self.export_button.setToolTip(self.tr("把本单位的变动写成批次文件，发给对方单位。"))
        else:
            for button in (self.import_button, self.export_button):
                button.setToolTip(self.tr("只有录入员和管理员可以导入、导出批次。"))
            self.settle_button.setToolTip(self.tr("只有录入员和管理员可以处理冲突。"))
        self.receipt_button.setToolTip(self.tr("预览并打印所选批次的交接单。"))

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        hint = QLabel(self.tr("提示：也可以把批次文件（.ubatch）拖到本页导入。"))
        hint.setObjectName("drop_hint")
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        actions.addSpacing(12)
        actions.addWidget(hint)
        actions.addStretch(1)
        self.office_title = QLabel()
        self.batch_title = QLabel()
        self.conflict_title = QLabel()
        lists = QSplitter(Qt.Orientation.Horizontal)
        lists.setChildrenCollapsible(False)
        lists.addWidget(section(self.batch_title, self.batch_table, [self.receipt_button]))
        lists.addWidget(section(self.conflict_title, self.conflict_table, [self.settle_button]))
        lists.setSizes([716, 624])  # both lists whole on a 1366-pixel screen
        results_title = QLabel(self.tr("<b>导入导出结果</b>"))
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.setChildrenCollapsible(False)
        parts.addWidget(section(self.office_title, self.office_table, []))
        parts.addWidget(lists)
        parts.addWidget(section(results_title, self.log, []))
        # a district follows many offices, a sub-district one: the space goes to the offices or the lists
        parts.setSizes([260, 230, 90] if self.context.is_district else [110, 380, 90])
        self.splitter = parts
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_bar)
        layout.addLayout(actions)
        layout.addWidget(parts, 1)

    # ----- RegistryTab ------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            state = load(self.context.store)
        except UnionDeskError as exc:
            self.show_message(self.tr("无法读取同步记录：{0}").format(describe(exc)))
            return
        _replace_rows(self.office_table, self.offices, state.offices)
        _replace_rows(self.batch_table, self.batches, state.batches)
        _replace_rows(self.conflict_table, self.conflicts, state.conflicts)
        self.office_title.setText(self.tr("<b>单位</b>（{0} 个）").format(len(state.offices)))
        self.batch_title.setText(self.tr("<b>批次</b>（最近 {0} 个）").format(len(state.batches)))
        self.conflict_title.setText(self.tr("<b>待处理冲突</b>（{0} 个）").format(len(state.conflicts)))
        self.key_bar.show_fingerprint()
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.transfer.busy
        self.import_button.setEnabled(self.can_write and idle)
        self.export_button.setEnabled(self.can_write and idle and bool(self.recipients()))
        self.receipt_button.setEnabled(self.selected_key(self.batch_table) is not None)
        self.settle_button.setEnabled(self.can_write and self.selected_key(self.conflict_table) is not None)

    def show_message(self, text: str) -> None:
        self.log.appendPlainText(f"{dt.datetime.now():%H:%M}  {text}")
        self.status_message.emit(text)

    def selected_key(self, table: QTableView) -> str | None:
        rows = table.selectionModel().selectedRows()
        return str(rows[0].data(KEY_ROLE)) if rows else None

    # ----- import -----------------------------------------------------------------------------------
    def choose_import(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("导入批次"), str(Path.home()),
                                                      self.tr("同步批次 (*.ubatch)"))
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> None:
        """Import the batch files among ``paths``; anything else is refused, naming the files."""
        others = [path for path in paths if path.suffix.lower() != BATCH_SUFFIX or not path.is_file()]
        if others:
            QMessageBox.warning(self, self.tr("不是批次文件"),
                                self.tr("只能导入同步批次文件（.ubatch），以下文件没有导入：\n{0}")
                                .format("\n".join(path.name or str(path) for path in others)))
        batches = [path for path in paths if path not in others]
        if not batches:
            return
        if not self.can_write:
            QMessageBox.information(self, self.tr("导入批次"), self.tr("只有录入员和管理员可以导入批次。"))
            return
        self.transfer.import_files(batches)

    def import_dropped(self, mime: QMimeData) -> None:
        self.import_files([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        event.acceptProposedAction()
        self.import_dropped(event.mimeData())

    def _imported(self) -> None:
        self.refresh()
        self.registries_changed.emit()

    # ----- export -----------------------------------------------------------------------------------
    def recipients(self) -> list[OfficeSync]:
        """Whom this office sends batches to: a district its sub-districts, a sub-district its district."""
        wanted = "subdistrict" if self.context.is_district else "district"
        return [office for office in self.offices.rows() if office.level == wanted]

    def open_export(self) -> ExportBatchDialog:
        dialog = ExportBatchDialog(self.recipients(), self.selected_key(self.office_table), self,
                                   may_unseal=self.context.actor.can(UNSEALED))
        dialog.accepted.connect(lambda: self.transfer.export(dialog.choice) if dialog.choice else None)
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # ----- receipts and conflicts -------------------------------------------------------------------
    def print_receipt(self) -> None:
        uuid = self.selected_key(self.batch_table)
        if uuid is not None:
            self.print_requested.emit(PrintRequest(FORMS["batch-receipt"], (uuid,), None, 1))

    def _conflict_activated(self, index: QModelIndex) -> None:
        self.conflict_table.selectRow(index.row())
        self.settle_selected()

    def settle_selected(self) -> None:
        """The conflict dialog for the selected conflict (read-only for a user who may not write)."""
        uuid = self.selected_key(self.conflict_table)
        if uuid is None:
            return
        from desktop.ui.sync.conflict_dialog import ConflictDialog

        try:
            dialog = ConflictDialog(self.context, uuid, self)
        except UnionDeskError as error:  # settled or gone meanwhile (another window, an import)
            show_error(self, error, self.tr("无法打开这条冲突"))
            self.refresh()
            return
        settled = dialog.exec() == QDialog.DialogCode.Accepted
        message = dialog.result_message
        dialog.deleteLater()
        if settled:
            self.refresh()
            self.registries_changed.emit()
            self.show_message(message or self.tr("冲突已处理。"))


def _replace_rows(table: QTableView, model: ListModel[T], rows: list[T]) -> None:
    """New rows, keeping the selected record selected."""
    key = table.selectionModel().selectedRows()
    kept = str(key[0].data(KEY_ROLE)) if key else None
    model.set_rows(rows)
    position = model.position_of(kept) if kept is not None else None
    if position is not None:
        table.selectRow(position)
