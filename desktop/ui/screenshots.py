"""``uniondesk gui --screenshot DIR``: every tab, and each tab's extra states, as PNG files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.registry_tab import RegistryTab


def save_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        assert isinstance(tab, RegistryTab)
        states: list[tuple[str, object]] = [("", lambda: None), *tab.screenshot_states()]
        for suffix, enter in states:
            assert callable(enter)
            _enter(enter)
            what = tab.registry or type(tab).__name__.removesuffix("Tab").lower()
            name = f"{index + 1:02d}-{what}{suffix}.png"
            path = folder / name
            window.grab().save(str(path))
            saved.append(path)
    return saved


def _enter(enter: Callable[[], object]) -> None:
    enter()
    QApplication.processEvents()
