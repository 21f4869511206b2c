"""The background-work helper: results come back on the GUI thread, cancel unwinds the work."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.demo import fill_demo
from db.models import Member
from db.store import Store
from desktop.ui.worker import JobRunner, Progress, warm_up


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, runner: JobRunner) -> None:
    seen: dict[str, object] = {}
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]

    def work(progress: Progress) -> int:
        seen["worker_thread"] = QThread.currentThread() is not gui_thread
        for i in range(5):
            progress("计算", i + 1, 5)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["done_on_gui"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.start(work, title="测试", on_done=done, on_error=lambda e: seen.setdefault("error", e))
    assert seen == {"worker_thread": True, "result": 42, "done_on_gui": True}


def test_errors_come_back_as_exceptions(qtbot: QtBot, runner: JobRunner) -> None:
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise ValueError("坏数据")

    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.start(work, title="测试", on_done=lambda _r: None, on_error=errors.append)
    assert [str(e) for e in errors] == ["坏数据"]


def test_cancelled_demo_leaves_the_database_unchanged(qtbot: QtBot, runner: JobRunner, ui_store: Store) -> None:
    outcome: list[str] = []
    started = threading.Event()

    def work(progress: Progress) -> object:
        def report(stage: str, done: int, total: int) -> None:
            started.set()
            progress(stage, done, total)
        return fill_demo(ui_store, members=20000, seed=2, progress=report)

    with qtbot.waitSignal(runner.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        job = runner.start(work, title="演示数据", on_done=lambda _r: outcome.append("done"),
                           on_error=lambda e: outcome.append(f"error {e}"),
                           on_cancel=lambda: outcome.append("cancelled"))
        assert started.wait(30)
        job.cancel()
    assert outcome == ["cancelled"]
    with ui_store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0



def test_warm_up_runs_its_steps_off_the_gui_thread_and_goes_on_after_a_failure(
        caplog: pytest.LogCaptureFixture) -> None:
    threads: list[bool] = []

    def fails() -> None:
        raise OSError("字典文件读不出")

    warm_up(fails, lambda: threads.append(threading.current_thread() is threading.main_thread()))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert threads == [False]
    assert any("warming up" in record.getMessage() for record in caplog.records)


def test_pinyin_is_loaded_after_start_before_the_first_save(tmp_path: Path) -> None:
    """In a fresh process (pypinyin not yet imported): the start-up warm-up loads it, off the click."""
    script = """
import sys
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from desktop.ui.app import warm_up_after_start
app = QApplication([])
assert "pypinyin" not in sys.modules
warm_up_after_start()
QThreadPool.globalInstance().waitForDone(60_000)
print("pypinyin" in sys.modules)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    assert done.stdout.split() == ["True"]
