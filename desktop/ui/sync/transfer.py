"""导入批次 and 导出批次 as background jobs: progress and cancel, the results told, held batches asked about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from db.sync.export import ExportResult, export_batch, outbox_dir
from db.sync.merge import ImportResult
from desktop.ui.aid.compliance_dialog import import_check, import_note
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, show_error
from desktop.ui.sync.export_dialog import ExportChoice
from desktop.ui.sync.import_job import ImportJob, ImportOutcome
from desktop.ui.worker import Progress


class BatchTransfer(QObject):
    """Runs imports and exports of batch files in the context's job runner, one at a time.

    Signals:
        message(str): a line for the results log and the status bar.
        imported(): an import changed the database (rows, held batches or conflicts).
        exported(): a batch was written.
        busy_changed(bool): a transfer started (True) or ended (False).
    """

    message = Signal(str)
    imported = Signal()
    exported = Signal()
    busy_changed = Signal(bool)

    def __init__(self, context: AppContext, widget: QWidget) -> None:
        super().__init__(widget)
        self.context, self.widget = context, widget
        self.busy = False

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # ----- import -----------------------------------------------------------------------------------
    def import_files(self, paths: list[Path], accept_gap: bool = False) -> None:
        if self.busy or not paths:
            return
        context = self.context
        job = ImportJob(context.store, context.actor, paths, accept_gap,
                        self.tr("第{0}/{1}个文件：{2}\n已处理 {3:,} / {4:,} 行"), check=import_check(context))
        self._set_busy(True)
        context.runner.start(job, title=self.tr("正在导入批次……"), parent=self.widget,
                             on_done=lambda outcome: self._imported(outcome, accept_gap),
                             on_error=lambda error: self._import_failed(job.outcome, error),
                             on_cancel=lambda: self._import_cancelled(job.outcome))

    def _report(self, outcome: ImportOutcome) -> None:
        for result in outcome.results:
            self.message.emit(result.message)
        if outcome.changed:
            note = import_note(outcome.flagged)  # what arrived that the district's rules flag (来件核查)
            if note is not None:
                self.message.emit(note)
            self.imported.emit()

    def _imported(self, outcome: ImportOutcome, accept_gap: bool) -> None:
        self._set_busy(False)
        self._report(outcome)
        if outcome.rejected is not None:
            path, reason = outcome.rejected
            self.message.emit(self.tr("{0}：未导入。{1}").format(path.name, reason))
            before = self.tr("\n\n在它之前的批次已导入，见导入结果。") if outcome.results else ""
            QMessageBox.warning(self.widget, self.tr("批次未导入"),
                                self.tr("文件 {0} 未导入：\n{1}\n\n数据库没有因这个文件改变。{2}")
                                .format(path.name, reason, before))
        held = [result for result in outcome.results if result.status == "held"]
        if held and not accept_gap and self._accept_gap(held):
            self.import_files([result.path for result in held], accept_gap=True)

    def _accept_gap(self, held: list[ImportResult]) -> bool:
        lines = "\n".join(result.message for result in held)
        answer = QMessageBox.question(
            self.widget, self.tr("缺少批次"),
            self.tr("{0}\n\n缺少的批次补齐后，这些批次会自动导入。\n是否接受缺批，仍然导入？").format(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _import_failed(self, outcome: ImportOutcome, error: BaseException) -> None:
        self._set_busy(False)
        self._report(outcome)
        self.message.emit(self.tr("导入失败：{0}").format(describe(error)))
        show_error(self.widget, error, self.tr("无法导入批次"))

    def _import_cancelled(self, outcome: ImportOutcome) -> None:
        self._set_busy(False)
        self._report(outcome)
        if outcome.results:
            self.message.emit(self.tr("已取消：以上批次已导入，正在导入的批次没有导入。"))
        else:
            self.message.emit(self.tr("已取消，数据库没有改变。"))

    # ----- export -----------------------------------------------------------------------------------
    def export(self, choice: ExportChoice) -> None:
        if self.busy:
            return
        context = self.context
        stage = self.tr("正在写入批次：{0:,} / {1:,} 行")

        def job(progress: Progress) -> ExportResult:
            def report(_stage: str, done: int, total: int) -> None:
                progress(stage.format(done, total), done, total)

            return export_batch(context.store, context.actor, choice.folder, to=choice.recipient,
                                full=choice.full, unsealed=choice.unsealed, reason=choice.reason, progress=report)

        self._set_busy(True)
        context.runner.start(job, title=self.tr("正在导出批次……"), parent=self.widget,
                             on_done=self._exported, on_error=self._export_failed,
                             on_cancel=self._export_cancelled)

    def _exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        kind = self.tr("全量") if result.kind == "full" else self.tr("增量")
        sealed = self.tr("已加密") if result.sealed else self.tr("未加密")
        self.message.emit(self.tr("已导出第{0}批（{1}，{2}）给 {3}，共 {4:,} 行：{5}")
                          .format(result.seq, kind, sealed, result.recipient, result.rows, result.path))
        outbox = outbox_dir(result.recipient)
        if result.path.parent.resolve() != outbox.resolve():
            self.message.emit(self.tr("发件箱中留有一份：{0}").format(outbox / result.path.name))
        self.exported.emit()

    def _export_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.emit(self.tr("导出失败：{0}").format(describe(error)))
        show_error(self.widget, error, self.tr("无法导出批次"))

    def _export_cancelled(self) -> None:
        self._set_busy(False)
        self.message.emit(self.tr("已取消导出，数据库没有改变。"))
