"""The main window's print actions (文件 menu, toolbar, the member tab's 打印 menu): choose, generate, preview."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.documents.pdf.forms import FORMS
from desktop.ui.common.list_tab import ListTab
from desktop.ui.members.tab import MembersTab
from desktop.ui.messages import show_error
from desktop.ui.printing.print_dialog import ALL_WHEN_NONE, PrintOptionsDialog, PrintRequest, TabChoice, form_label
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.worker import Progress

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.printing.preview import PdfPreview

STATUS_MS = 15_000


class PrintActions(QObject):
    """打印…（Ctrl+P）and 打印预览… of a main window, and the member tab's 打印 menu of the three member forms.

    Every form is generated in the JobRunner (progress and cancel), then shown in a :class:`PdfPreview`.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.previews: list[PdfPreview] = []
        self._busy, self._printable = False, True
        self.print_action = self._action(self.tr("打印…"), QKeySequence.StandardKey.Print,
                                         lambda: self.open_options(print_now=True), "print")
        self.preview_action = self._action(self.tr("打印预览…"), None, lambda: self.open_options(None), "print_preview")
        self.member_form_action = self._action(self.tr("入会申请登记表（选中会员）"), None,
                                               lambda: self.open_options("member-form"), "print_member_form")
        self.cards_action = self._action(self.tr("会员证（选中会员）"), None,
                                         lambda: self.open_options("member-cards"), "print_member_cards")
        self.roster_action = self._action(self.tr("会员花名册（当前列表）"), None,
                                          lambda: self.open_options("roster"), "print_roster")
        self.menu = QMenu(self.tr("打印"), window)
        self.menu.setObjectName("print_menu")
        self.menu.addActions(self.form_actions())
        self.tab_action = QAction(self.tr("打印"), window)
        self.tab_action.setObjectName("print_forms")
        self.tab_action.setMenu(self.menu)

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | None, slot: object, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        """The 文件 menu's entries."""
        return [self.print_action, self.preview_action]

    def form_actions(self) -> list[QAction]:
        return [self.member_form_action, self.cards_action, self.roster_action]

    def tab_changed(self, tab: RegistryTab) -> None:
        """打印… and 打印预览… offer the forms the tab's registry declares (同步 prints receipts itself)."""
        self._printable = self.prints(tab)
        reason = "" if self._printable or not tab.registry else self.tr("{0}暂无可打印的表格").format(tab.title)
        for action in self.actions():
            action.setToolTip(reason)
        self._set_busy(self._busy)

    @staticmethod
    def forms_of(tab: RegistryTab) -> tuple[str, ...]:
        """The printed forms the tab's registry declares and the catalogue has."""
        return tuple(name for name in tab.spec.forms if name in FORMS) if isinstance(tab, ListTab) else ()

    @classmethod
    def prints(cls, tab: RegistryTab) -> bool:
        return bool(cls.forms_of(tab))

    def tab_menu_action(self, tab: RegistryTab) -> QAction | None:
        """The 打印 button of a tab: its forms in a menu (the member tab's keeps its own names)."""
        if isinstance(tab, MembersTab):
            return self.tab_action
        names = self.forms_of(tab)
        if not names:
            return None
        menu = QMenu(self.tr("打印"), self.window)
        for name in names:
            entry = menu.addAction(form_label(FORMS[name]))
            entry.setObjectName(f"print_{name}")
            entry.triggered.connect(lambda _checked=False, n=name: self.open_options(n))
        action = QAction(self.tr("打印"), self.window)
        action.setObjectName(f"print_forms_{tab.registry}")
        action.setMenu(menu)
        return action

    # ----- choose -----------------------------------------------------------------------------------
    def member_choice(self) -> TabChoice | None:
        """What the current tab offers to print; None on a tab without printed forms."""
        tab = self.window.current_tab()
        if not isinstance(tab, ListTab) or not self.forms_of(tab):
            return None
        return TabChoice(self.forms_of(tab), tuple(tab.selected_uuids()), tab.current_filter(), tab.model.total(),
                         members=isinstance(tab, MembersTab))

    def open_options(self, form_name: str | None = None, print_now: bool = False) -> PrintOptionsDialog | None:
        """The options dialog for ``form_name`` (a form chosen from the tab's menu) or for any member form."""
        window = self.window
        choice = self.member_choice()
        if choice is None:
            QMessageBox.information(window, self.tr("打印"), self.tr("此页签没有可打印的表单。"))
            return None
        if form_name is not None and FORMS[form_name].needs == "members" and not choice.uuids:
            QMessageBox.information(window, self.tr("打印"),
                                    self.tr("请先选择会员。\n在列表中点选会员；按住 Ctrl 或 Shift 可选多人。"))
            return None
        if form_name is None:  # a record's form when records are chosen, else the list's
            lists = [n for n in choice.forms if FORMS[n].needs in ("list", "station-list", *ALL_WHEN_NONE)]
            records = [n for n in choice.forms if n not in lists]
            form_name = (records or lists)[0] if choice.uuids else (lists or records)[0]
        dialog = PrintOptionsDialog(window.context, choice, form_name, print_now, window)
        dialog.requested.connect(self.generate)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # ----- generate ---------------------------------------------------------------------------------
    def generate(self, request: PrintRequest, print_now: bool = False) -> None:
        """Draw the form in the background; show it in a preview (and its print dialog for 打印…)."""
        context = self.window.context
        store, actor = context.store, context.actor

        def job(progress: Progress) -> bytes:
            out = io.BytesIO()
            request.form.render(store, actor, out, uuids=request.uuids, member_filter=request.member_filter,
                                full_ids=request.full_ids, progress=progress, list_filter=request.list_filter,
                                month=request.month)
            return out.getvalue()

        self._set_busy(True)
        title = self.tr("正在生成{0}……").format(form_label(request.form))
        context.runner.start(job, title=title, parent=self.window,
                             on_done=lambda data: self._generated(request, data, print_now),
                             on_error=self._failed, on_cancel=self._cancelled)

    def _set_busy(self, busy: bool) -> None:
        """One form at a time: the actions wait while a form is being drawn."""
        self._busy = busy
        for action in self.actions():
            action.setEnabled(not busy and self._printable)
        for action in self.form_actions():
            action.setEnabled(not busy)

    def _idle(self) -> None:
        self._set_busy(False)

    def _generated(self, request: PrintRequest, data: bytes, print_now: bool) -> None:
        from desktop.ui.printing.preview import PdfPreview  # QtPdf loads when first asked for

        self._idle()
        window = self.window
        label = form_label(request.form)
        if request.form.needs == "batch" or (request.form.needs in ALL_WHEN_NONE and request.uuids is None):
            title = label
        elif request.form.needs in ("members", "list"):
            title = self.tr("{0}（{1:,} 名会员）").format(label, request.count)
        elif request.form.needs == "contests":
            title = self.tr("{0}（{1:,} 项竞赛）").format(label, request.count)
        elif request.month:
            title = self.tr("{0}（{1}）").format(label, request.month)
        else:
            title = self.tr("{0}（{1:,} 条）").format(label, request.count)
        preview = PdfPreview(data, title, label, window.context.runner, window.settings, window)
        preview.setObjectName("print_preview")
        self.previews.append(preview)
        preview.destroyed.connect(lambda: self.previews.remove(preview) if preview in self.previews else None)
        preview.show()
        if print_now:
            QTimer.singleShot(0, preview.print_document)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        show_error(self.window, error, self.tr("无法打印"))

    def _cancelled(self) -> None:
        self._idle()
        self.window.statusBar().showMessage(self.tr("已取消生成。"), STATUS_MS)
