"""Fixtures of the UI tests: a SQLite database with demo data, the Qt application set up as the app does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import offices
from db.aid import cases as aid_cases
from db.auth import Actor
from db.demo import fill_demo
from db.store import Store
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.fonts import application_font, register_embedded_font
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.settings import Settings
from desktop.ui.wheel_guard import install_wheel_guard
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import START, Today

OFFICE = OfficeInfo("110101006", "东四街道工会", "subdistrict")


@pytest.fixture(scope="session", autouse=True)
def wheel_guard(qapp: QApplication) -> None:
    """The wheel guard, installed on the application as ``make_application`` does."""
    install_wheel_guard(qapp)


@pytest.fixture(scope="session")
def cjk_font(qapp: QApplication) -> str | None:
    family = register_embedded_font()
    qapp.setFont(application_font(family))
    return family


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Iterator[Today]:
    """The day the hardship use cases take for today (``db.aid.cases._today``): START until a test moves it."""
    holder = Today(START)
    monkeypatch.setattr(aid_cases, "_today", lambda: holder.day)
    yield holder


@pytest.fixture
def ui_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "office.sqlite", create=True)
    offices.initialize(store, OFFICE.code, OFFICE.name)
    yield store
    store.close()


@pytest.fixture
def demo_store(ui_store: Store) -> Store:
    fill_demo(ui_store, members=400, seed=3)
    return ui_store


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.cancel_all()
    jobs.wait(10_000)


def make_context(store: Store, actor: Actor, runner: JobRunner) -> AppContext:
    return AppContext(store, actor, OFFICE, runner)


WindowFactory = Callable[[Store, Actor], MainWindow]


@pytest.fixture
def window_factory(qtbot: QtBot, settings: Settings, runner: JobRunner,
                   cjk_font: str | None) -> Iterator[WindowFactory]:
    """Builds shown main windows on a store for an actor; closes them without questions afterwards."""
    windows: list[MainWindow] = []

    def build(store: Store, actor: Actor) -> MainWindow:
        context = make_context(store, actor, runner)
        window = MainWindow(context, settings, [MembersTab(context)])
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:  # a failed test must not leave a question that blocks closing
        tab = window.current_tab()
        assert isinstance(tab, MembersTab)
        tab.form.cancel()
        window.close()
        window.deleteLater()
