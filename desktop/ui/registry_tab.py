"""What the main window expects of a registry tab; each registry's tab subclasses it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class RegistryTab(QWidget):
    """A registry's page in the main window. The window routes its menu and toolbar actions here.

    Signals:
        counts_changed(int, int): rows shown by the current search and filters, rows in the registry.
        status_message(str): a short message for the status bar.
    """

    counts_changed = Signal(int, int)
    status_message = Signal(str)

    title = ""
    registry = ""  # the registry's name as in the command line (``members``), for import and export
    write_permission = "records.write"  # what 新增, 保存, 删除 and 撤销上次保存 need (db.auth)
    no_form_reason = ""  # why records cannot be typed on this tab at all (no form yet), shown on those actions

    def focus_search(self) -> None:
        """Ctrl+F."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def save(self) -> None:
        """Ctrl+S."""

    def delete_selected(self) -> None:
        """Delete."""

    def undo(self) -> None:
        """Ctrl+Z: undo the last saved change."""

    def refresh(self) -> None:
        """F5."""

    def records_changed(self) -> None:
        """Records were added or changed outside the tab (an import): show them and recount."""
        self.refresh()

    def export_view(self) -> tuple[object, object, int] | None:
        """(filter, sort, rows shown) of the list as shown, for 导出 of "the list as shown"; None: none."""
        return None

    def add_tab_actions(self, actions: list[QAction]) -> None:
        """Offer window actions (导入, 导出) on the tab itself; a tab without a place for them ignores them."""

    def can_close(self) -> bool:
        """False when the user chose to keep editing unsaved changes."""
        return True

    def screenshot_states(self) -> list[tuple[str, object]]:
        """(file name suffix, callable that puts the tab in that state) for ``gui --screenshot``."""
        return []
