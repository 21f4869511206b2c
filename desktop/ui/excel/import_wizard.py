"""导入 Excel: a wizard that reads a roster, lets the clerk check the column mapping, previews every row's
verdict and writes the accepted rows only when asked (design §6: nothing written unless the user accepts).

It imports into an import target (:mod:`desktop.documents.excel.target`): a registry the clerk picks on the
first page, or one target given by the caller (a contest's score sheet, from its score grid) and shown there.

Every step that touches the file or the database runs in the JobRunner; a page's ``validatePage`` starts
the job and returns False, and the job's end moves the wizard on (``proceed``) or leaves the clerk on the
page with the Chinese message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from db.registry import registries
from db.tabular.plan import ImportPlan
from desktop.documents.excel.target import ImportTarget, ReadFile, RegistryTarget
from desktop.ui.context import AppContext
from desktop.ui.excel.mapping_page import MappingPage
from desktop.ui.excel.preview_page import PreviewPage
from desktop.ui.messages import describe, error_label, show_error
from desktop.ui.settings import Settings
from desktop.ui.worker import Job, Progress

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)


class ImportWizard(QWizard):
    """The import wizard: 选择文件 → 核对列 → 预览 → 导入. Holds what the pages share: the source read
    and the plan made.

    ``target``: import into it only (the first page shows it instead of the registry choice).

    Signals:
        imported(str, object): the target's name (a registry's) and the counts written ({"new": n,
            "update": m}, and {sheet title: rows added} for the further sheets of a stations workbook).
    """

    imported = Signal(str, object)

    def __init__(self, context: AppContext, settings: Settings, registry_name: str = "members",
                 parent: QWidget | None = None, *, target: ImportTarget | None = None) -> None:
        super().__init__(parent)
        self.context, self.settings = context, settings
        self.target: ImportTarget | None = target  # the registry chosen on the first page when not given
        self.source: ReadFile | None = None
        self.plan: ImportPlan | None = None
        self._job: Job | None = None
        self._go_on = False
        self._close_when_idle = False
        self.setWindowTitle(self.tr("导入 Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("上一步")),
                             (QWizard.WizardButton.NextButton, self.tr("下一步")),
                             (QWizard.WizardButton.FinishButton, self.tr("导入")),
                             (QWizard.WizardButton.CancelButton, self.tr("取消"))):
            self.setButtonText(button, text)
        self.file_page = FilePage(self, registry_name, fixed=target is not None)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        self.resize(880, 600)

    # ----- jobs -------------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._job is not None

    def run(self, fn: Callable[[Progress], Any], title: str, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` in the JobRunner; ``on_done`` gets its result, a failure is shown (and handed on)."""
        def done(result: object) -> None:
            self._job = None
            if not self._finish_closing():
                on_done(result)

        def failed(error: BaseException) -> None:
            self._job = None
            if not self._finish_closing():
                show_error(self, error, self.tr("无法导入"))
                if on_error is not None:
                    on_error(error)

        def cancelled() -> None:
            self._job = None
            self._finish_closing()

        self._job = self.context.runner.start(fn, title=title, on_done=done, on_error=failed,
                                              on_cancel=cancelled, parent=self)

    def proceed(self) -> None:
        """Go to the next page now that the current page's job is done."""
        self._go_on = True
        self.next()
        self._go_on = False

    def finish(self) -> None:
        """Close the wizard as done once the import is written."""
        self._go_on = True
        self.accept()
        self._go_on = False

    def may_go_on(self) -> bool:
        """True inside ``proceed``: the page's job is done and its result stored."""
        return self._go_on

    def reject(self) -> None:
        if self._job is not None:  # close once the job has unwound, so that nothing is half done
            self._close_when_idle = True
            self._job.cancel()
            return
        super().reject()

    def _finish_closing(self) -> bool:
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()
            return True
        return False


class FilePage(QWizardPage):
    """选择文件: the registry (or the fixed target, shown), the file and (after reading) its sheet."""

    def __init__(self, wizard: ImportWizard, registry_name: str, *, fixed: bool = False) -> None:
        super().__init__()
        self._wizard = wizard
        self._fixed = fixed
        self._read_key: tuple[str, str, str] | None = None
        self.setTitle(self.tr("选择文件"))
        self.setSubTitle(self.tr("选择要导入的 Excel 文件（xlsx、xls 或 csv）。") if fixed else
                         self.tr("选择要导入的台账和 Excel 文件（xlsx、xls 或 csv）。"))
        self.target_label = QLabel(wizard.target.label if wizard.target is not None else "")
        self.target_label.setObjectName("target")
        self.registry_combo = QComboBox()
        self.registry_combo.setObjectName("registry")
        for name, registry in registries().items():
            self.registry_combo.addItem(registry.label, name)
        self.registry_combo.setCurrentIndex(max(self.registry_combo.findData(registry_name), 0))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("点“浏览…”选择文件"))
        self.browse_button = QPushButton(self.tr("浏览…"))
        self.browse_button.setObjectName("browse")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.setToolTip(self.tr("读取文件后可以选择其中的工作表"))
        self.info = QLabel()
        self.info.setObjectName("info")
        self.error = error_label()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        if fixed:
            self.registry_combo.hide()
            form.addRow(self.tr("导入到"), self.target_label)
        else:
            form.addRow(self.tr("台账"), self.registry_combo)
        form.addRow(self.tr("文件"), path_row)
        form.addRow(self.tr("工作表"), self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.browse_button.clicked.connect(self.choose_file)
        self.path_edit.textChanged.connect(self._file_changed)
        self.registry_combo.currentIndexChanged.connect(self._file_changed)

    def registry_name(self) -> str:
        return str(self.registry_combo.currentData())

    def current_target(self) -> ImportTarget:
        """The target given to the wizard, else the registry chosen."""
        if self._fixed and self._wizard.target is not None:
            return self._wizard.target
        return RegistryTarget(self.registry_name())

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的文件"), self._wizard.settings.last_excel_dir(),
            self.tr("表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)"))
        if path:
            self._wizard.settings.set_last_excel_dir(str(Path(path).parent))
            self.path_edit.setText(path)

    def _file_changed(self) -> None:
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.info.clear()
        self.error.clear()
        self.completeChanged.emit()

    def _key(self) -> tuple[str, str, str]:
        return self.registry_name(), self.path_edit.text().strip(), self.sheet_combo.currentText()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self._wizard
        if wizard.may_go_on() or (wizard.source is not None and self._read_key == self._key()):
            return True
        if wizard.is_busy():
            return False
        _registry, path, sheet = self._key()
        store, target = wizard.context.store, self.current_target()
        self.error.clear()

        def job(progress: Progress) -> ReadFile:
            return target.read(store, Path(path), sheet or None, progress)

        wizard.run(job, self.tr("正在读取文件……"), lambda source: self._read(target, source),
                   lambda e: self.error.setText(describe(e)))
        return False

    def _read(self, target: ImportTarget, source: ReadFile) -> None:
        wizard = self._wizard
        wizard.target, wizard.source, wizard.plan = target, source, None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(source.sheet_names)
        self.sheet_combo.setCurrentText(source.sheet_name)
        self.sheet_combo.setEnabled(len(source.sheet_names) > 1)
        self.sheet_combo.blockSignals(False)
        self._read_key = self._key()
        self.info.setText(self.tr("工作表“{0}”：第 {1} 行是表头，约 {2:,} 行数据。").format(
            source.sheet_name, source.header_row, source.row_count))
        wizard.proceed()
