"""Starting the desktop application: font, language, the database (first run, login), the main window.

``run`` is the ``uniondesk gui`` command. With ``screenshot_dir`` it renders every tab to PNG files,
prints the time to the first painted window, and exits (used for the README and for visual checks).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from db import offices, users
from db.auth import Actor
from db.errors import StoreError, UnionDeskError
from db.store import Store, default_target
from desktop.ui.about import name_application
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.first_run import FirstRunAnswers, FirstRunDialog
from desktop.ui.fonts import application_font, register_embedded_font
from desktop.ui.hints import install_hint_palette
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import describe
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.settings import Settings
from desktop.ui.translations import install_qt_translations, install_translator
from desktop.ui.wheel_guard import install_wheel_guard
from desktop.ui.worker import JobRunner, warm_up

STARTED = time.perf_counter()
SCREENSHOT_SIZE = (1366, 768)


def make_application() -> tuple[QApplication, Settings, QTranslator | None]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setFont(application_font(register_embedded_font()))
    settings = Settings()
    translator = install_translator(app, settings.language())
    install_qt_translations(app, settings.language())
    name_application(app)  # after the translators: the display name is in the chosen language
    install_wheel_guard(app)
    install_hint_palette(app)
    return app, settings, translator


def run(db: str | None, screenshot_dir: Path | None = None) -> int:
    app, settings, _translator = make_application()
    target = db or default_target()
    lock = _lock_database(target)
    if lock is False:
        QMessageBox.warning(None, "UnionDesk", "这个数据库已经在另一个 UnionDesk 窗口中打开。请切换到那个窗口。")
        return 1
    try:
        store = _open_store(target, screenshot_dir is not None)
    except UnionDeskError as exc:
        if screenshot_dir is not None:
            print(f"错误：{exc.message}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "无法打开数据库", exc.message)
        return 1
    if store is None:
        return 0
    runner = JobRunner()
    try:
        return _run_session(app, store, settings, runner, screenshot_dir)
    finally:
        runner.cancel_all()
        runner.wait()
        store.close()


def _lock_database(target: str) -> QLockFile | bool | None:
    """A lock beside a database file, so a second window on the same file is refused."""
    if "://" in target:
        return None
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(200) else False


def _open_store(target: str, headless: bool) -> Store | None:
    """The store at ``target``; on a missing file, the first-run dialog creates it (None if cancelled)."""
    if "://" in target or Path(target).exists():
        return Store.open(target)
    if headless:
        raise StoreError(f"数据库文件不存在：{target}")
    dialog = FirstRunDialog(ask_office=True)
    if not dialog.exec() or dialog.answers is None:
        return None
    return _create_database(target, dialog.answers)


def _create_database(target: str, answers: FirstRunAnswers) -> Store:
    store = Store.open(target, create=True)
    try:
        offices.initialize(store, answers.office_code, answers.office_name, answers.level, answers.parent_code)
        offices.create_first_admin(store, answers.admin_username, answers.admin_name, answers.admin_password)
    except UnionDeskError:
        store.close()
        Path(target).unlink(missing_ok=True)
        raise
    if answers.demo_members:
        _fill_demo_with_progress(store, answers.demo_members)
    return store


def _fill_demo_with_progress(store: Store, members: int) -> None:
    from db.demo import fill_demo

    runner = JobRunner()
    outcome: list[object] = []
    app = QApplication.instance()
    runner.start(lambda progress: fill_demo(store, members=members, progress=progress),
                 title="正在生成演示数据……", on_done=outcome.append, on_error=outcome.append,
                 on_cancel=lambda: outcome.append(None))
    while not outcome:
        assert app is not None
        app.processEvents()
        runner.wait(20)
    if isinstance(outcome[0], BaseException):
        QMessageBox.warning(None, "演示数据", describe(outcome[0]))


def _office(store: Store) -> OfficeInfo:
    office = offices.this_office_summary(store)
    return OfficeInfo(office.code, office.name, office.level)


def _login(store: Store, office: OfficeInfo, settings: Settings) -> Actor | None:
    if not users.any_user(store):
        dialog = FirstRunDialog(ask_office=False)
        if not dialog.exec() or dialog.answers is None:
            return None
        answers = dialog.answers
        offices.create_first_admin(store, answers.admin_username, answers.admin_name, answers.admin_password)
        settings.set_last_user(answers.admin_username)
    login = LoginDialog(store, office.name, settings.last_user())
    if not login.exec() or login.actor is None:
        return None
    settings.set_last_user(login.actor.username)
    return login.actor


def _run_session(app: QApplication, store: Store, settings: Settings, runner: JobRunner,
                 screenshot_dir: Path | None) -> int:
    office = _office(store)
    if screenshot_dir is not None:
        # Rendering for docs needs nobody's password: a read-only actor that sees masked values only,
        # in a window of the size the docs show, whose settings are not the user's.
        actor: Actor | None = Actor("screenshot", "截图", frozenset(), office.code)
        screenshot_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings(QSettings(str(screenshot_dir / ".screenshot-settings.ini"), QSettings.Format.IniFormat))
    else:
        actor = _login(store, office, settings)
    if actor is None:
        return 0
    context = AppContext(store, actor, office, runner)
    window = MainWindow(context, settings, _registry_tabs(context))
    if screenshot_dir is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    painted_ms = (time.perf_counter() - STARTED) * 1000
    warm_up_after_start()
    if screenshot_dir is not None:
        from desktop.ui.screenshots import save_screenshots

        print(f"首次绘制用时：{painted_ms:.0f} ms")
        for path in save_screenshots(window, screenshot_dir):
            print(path)
        window.close()
        (screenshot_dir / ".screenshot-settings.ini").unlink(missing_ok=True)
        return 0
    return app.exec()


def warm_up_after_start() -> None:
    """Once the window is painted, load in the background what the first clicks would wait for."""
    from db.pinyin import warm_up as load_pinyin  # the first saved member's name (over a second)

    warm_up(load_pinyin)


def _registry_tabs(context: AppContext) -> list[RegistryTab]:
    from desktop.ui.sync.tab import SyncTab
    from desktop.ui.tabs import registry_tabs

    return [*registry_tabs(context), SyncTab(context)]
