"""A registry tab whose selected record is shown beside the list in pages (a QTabWidget): its form first, then
further panels about the same record (a station's log, inspections and stars; a contest's entrants …).

A panel is a widget with a method that shows a record (``show_station(uuid)``; None: no record, or a new one
being typed) and a signal ``changed = Signal(str)`` sent with the record's uuid after it wrote. Only the page
in sight reads its record: arrowing down the list reads the form and one panel, not every page; a page
brought into sight reads the record then. After any write, the row, the counts and the other pages follow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from db.registry import RegistrySpec
from desktop.ui.common.list_tab import FormListTab
from desktop.ui.context import AppContext
from desktop.ui.paged_model import PagedTableModel

_STALE = "\0"  # what a page "shows" once its record must be read again (never a uuid)


class PanelTab(FormListTab):
    """The list, and beside it the record's form and panels (:meth:`add_panel`); the window's actions go to
    the form (:class:`FormListTab`). ``show_method`` names the panels' method that shows a record."""

    show_method = "show_record"

    def __init__(self, context: AppContext, spec: RegistrySpec, model: PagedTableModel, form: Any, form_title: str,
                 parent: QWidget | None = None, title: str | None = None) -> None:
        self.panels = QTabWidget()
        self.panels.setObjectName(f"{spec.name}_panels")
        self.panels.addTab(form, form_title)
        super().__init__(context, spec, model, self.panels, parent, title=title)
        self.form = form
        self._added: list[Any] = []
        self._shown_in: dict[int, str | None] = {}  # page id → the record it shows
        self._current: str | None = None
        self.form.saved.connect(self._saved)
        self.panels.currentChanged.connect(lambda _index: self._show_panels(self._current))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.form.escape)  # asks before it throws work away

    def add_panel(self, title: str, widget: QWidget) -> None:
        """Another page about the selected record beside the form."""
        self.panels.addTab(widget, title)
        self._added.append(widget)
        widget.changed.connect(self._panel_changed)  # type: ignore[attr-defined]
        self._shown_in[id(widget)] = None
        self._show(widget, None)
        self._show_panels(self.form.current_uuid())

    def _show(self, panel: QWidget, uuid: str | None) -> None:
        getattr(panel, self.show_method)(uuid)

    def _show_panels(self, uuid: str | None, stale: bool = False) -> None:
        """The pages follow record ``uuid``; only the one in sight reads it now. ``stale``: read again."""
        self._current = uuid
        if stale:
            self._shown_in = dict.fromkeys(self._shown_in, _STALE)
        for panel in self._added:
            if panel is self.panels.currentWidget() and self._shown_in[id(panel)] != uuid:
                self._shown_in[id(panel)] = uuid
                self._show(panel, uuid)

    # ----- selection and form ---------------------------------------------------------------------
    def record_selected(self, uuid: str) -> None:
        if uuid != self.form.current_uuid() and self.form.confirm_discard():
            self.form.load(uuid)
            self._show_panels(self.form.current_uuid())

    def open_record(self, uuid: str) -> None:
        if uuid != self.form.current_uuid():
            if not self.form.confirm_discard():
                return
            self.form.load(uuid)
            self._show_panels(self.form.current_uuid())
        self.panels.setCurrentWidget(self.form)
        self.form.setFocus()
        self.form.focusNextChild()

    def before_refresh(self) -> None:
        """What the tab reads again before its list after a write (a filter's choices)."""

    def _refresh(self, uuid: str) -> None:
        self.before_refresh()
        if not self.model.refresh_row(uuid):
            self.model.set_view(self.current_filter(), self.model.sort_order)  # type: ignore[attr-defined]
            self.show_row(uuid)
        self._emit_counts(recount=True)

    @Slot(str)
    def _saved(self, uuid: str) -> None:
        self._refresh(uuid)
        self._show_panels(self.form.current_uuid(), stale=True)
        description = self.form.last_change_description()
        if description:
            self.status_message.emit(description)

    @Slot(str)
    def _panel_changed(self, uuid: str) -> None:
        """A panel wrote: the row and counts again, the form unless it holds typed work, the other pages."""
        self._refresh(uuid)
        if uuid == self.form.current_uuid() and not self.form.is_dirty():
            self.form.load(uuid)
        self._show_panels(self._current, stale=True)
        self._shown_in[id(self.sender())] = self._current  # the panel that wrote shows it already

    # ----- RegistryTab ------------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.form.confirm_discard():
            self.table.clearSelection()
            self.panels.setCurrentWidget(self.form)
            self.form.new()
            self._show_panels(None)

    def panel_states(self, *pages: tuple[str, QWidget]) -> list[tuple[str, object]]:
        """Screenshot states: the first row selected with each of ``pages`` (suffix, page) in sight."""
        def with_record(panel: QWidget) -> Callable[[], None]:
            def enter() -> None:
                self.table.selectRow(0)
                self.panels.setCurrentWidget(panel)
            return enter

        return [(suffix, with_record(page)) for suffix, page in pages]
