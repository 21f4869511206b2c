"""One way to run long work off the GUI thread (STYLE.md §3).

``JobRunner.start(fn, ...)`` runs ``fn(progress)`` in a single background thread — one at a time, so
SQLite writes stay serial — shows a progress dialog with a cancel button when the work takes a moment,
and hands the result or the error back on the GUI thread. ``fn`` reports with
``progress(stage, done, total)``; after the user presses cancel that call raises ``Cancelled``, which
unwinds the job's transaction. Workers never touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[str, int, int], None]
SHOW_AFTER_MS = 400
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the user pressed cancel."""


class _Signals(QObject):
    progress = Signal(str, int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._fn, self._signals, self._cancel = fn, signals, cancel

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self._signals.progress.emit(stage, done, total)

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class Job(QObject):
    """One running job and its progress dialog.

    Signals:
        finished(): after the done, error or cancel callback ran.
    """

    finished = Signal()

    def __init__(self, title: str, parent: QWidget | None, cancellable: bool,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 on_cancel: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self.signals = _Signals()
        self.signals.progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog(title, self.tr("取消") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(0)

    @Slot()
    def cancel(self) -> None:
        self.cancel_event.set()
        self.dialog.setLabelText(self.tr("正在取消……"))

    @Slot(str, int, int)
    def _show_progress(self, stage: str, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            return
        self.dialog.setLabelText(stage)
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()

    @Slot(object)
    def _done(self, result: object) -> None:
        self._close()
        self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._close()
        self._on_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))
        self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._close()
        if self._on_cancel is not None:
            self._on_cancel()
        self.finished.emit()


class JobRunner(QObject):
    """Runs jobs one at a time in one background thread.

    Signals:
        busy_changed(bool): a job started (True) or the last one ended (False).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[Job] = []

    def start(self, fn: Callable[[Progress], Any], *, title: str, on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], parent: QWidget | None = None,
              cancellable: bool = True, on_cancel: Callable[[], None] | None = None) -> Job:
        job = Job(title, parent, cancellable, on_done, on_error, on_cancel)
        self._running.append(job)
        job.finished.connect(lambda: self._forget(job))
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Task(fn, job.signals, job.cancel_event))
        return job

    def _forget(self, job: Job) -> None:
        self._running.remove(job)
        job.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for job in self._running:
            job.cancel_event.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the background thread is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class _WarmUp(QRunnable):
    def __init__(self, steps: tuple[Callable[[], object], ...]) -> None:
        super().__init__()
        self._steps = steps

    def run(self) -> None:
        for step in self._steps:
            try:
                step()
            except Exception:  # noqa: BLE001 - only a head start: the work is done again when needed
                log.warning("warming up %s failed", getattr(step, "__qualname__", step), exc_info=True)


def warm_up(*steps: Callable[[], object]) -> None:
    """Run ``steps`` once in a background thread, silently: loading what a click would otherwise wait for
    (e.g. pinyin's dictionaries before the first save). Not for the database: that is the JobRunner's."""
    QThreadPool.globalInstance().start(_WarmUp(steps))
