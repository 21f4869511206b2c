"""Printing from the main window: choose a form, generate it in the background, preview, print, save as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from db.auth import Actor
from db.errors import PermissionDenied
from db.store import Store
from desktop.documents.pdf import fonts
from desktop.documents.pdf.forms import Form
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.printing.preview import PdfPreview
from desktop.ui.printing.print_dialog import PrintOptionsDialog
from desktop.ui.settings import Settings

from .conftest import OFFICE, WindowFactory

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
PAGES = 3


class FakeForms:
    """Stands in for the form modules: records each render call and draws PAGES numbered pages."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.error: Exception | None = None

    def render(self, form: Form, _store: Store, actor: Actor, out: Any, **options: Any) -> int:
        self.calls.append({"form": form.name, "actor": actor.username, **options})
        if self.error is not None:
            raise self.error
        pdf = canvas.Canvas(out, pagesize=A4)
        font = fonts.register()
        for page in range(PAGES):
            progress = options.get("progress")
            if progress is not None:
                progress("正在排版……", page, PAGES)
            pdf.setFont(font, 28)
            pdf.drawString(72, 760, f"{form.label} 第 {page + 1} 页")
            pdf.setFont(font, 12)
            pdf.drawString(72, 720, "张三  110101199001011234  东四街道工会")
            pdf.rect(60, 60, 475, 640)
            pdf.showPage()
        pdf.save()
        return PAGES


@pytest.fixture
def forms(monkeypatch: pytest.MonkeyPatch) -> FakeForms:
    fake = FakeForms()

    def render(form: Form, store: Store, actor: Actor, out: Any, **options: Any) -> int:
        return fake.render(form, store, actor, out, **options)

    monkeypatch.setattr(Form, "render", render)
    return fake


def members_tab(window: MainWindow) -> MembersTab:
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    return tab


def select_rows(tab: MembersTab, *rows: int) -> list[str]:
    tab.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        tab.table.selectionModel().select(tab.model.index(row, 0), flags)
    return [uuid for uuid in map(tab.model.uuid_at, rows) if uuid]


def options(dialog: PrintOptionsDialog | None) -> PrintOptionsDialog:
    assert isinstance(dialog, PrintOptionsDialog)
    return dialog


def preview_of(qtbot: QtBot, window: MainWindow, dialog: PrintOptionsDialog | None) -> PdfPreview:
    """Press 预览 and wait for the preview the background job opens."""
    options(dialog).preview_button.click()
    qtbot.waitUntil(lambda: bool(window.printing.previews), timeout=10_000)
    preview = window.printing.previews[-1]
    qtbot.waitExposed(preview)
    return preview


def test_the_preview_shows_pages_and_zooms(qtbot: QtBot, window_factory: WindowFactory, demo_store: Store,
                                          forms: FakeForms) -> None:
    window = window_factory(demo_store, CLERK)
    preview = preview_of(qtbot, window, window.printing.open_options("roster"))
    assert preview.page_label.text() == "1 / 3"
    assert preview.windowTitle().startswith("会员花名册（400 名会员）")
    assert not preview.previous_action.isEnabled()
    preview.next_action.trigger()
    qtbot.waitUntil(lambda: preview.page_label.text() == "2 / 3")
    preview.next_action.trigger()
    qtbot.waitUntil(lambda: preview.page_label.text() == "3 / 3")
    assert not preview.next_action.isEnabled()
    preview.previous_action.trigger()
    qtbot.waitUntil(lambda: preview.page_label.text() == "2 / 3")
    preview.activateWindow()
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: preview.page_label.text() == "1 / 3")
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: preview.page_label.text() == "2 / 3")
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    fitted = preview.effective_zoom()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25)
    assert preview.zoom_label.text() == f"{fitted * 1.25:.0%}"
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(fitted)
    preview.fit_width_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.effective_zoom() > fitted  # an A4 page in a landscape-ish window: width is the larger fit
    preview.close()


def test_save_as_pdf_writes_the_bytes_shown(qtbot: QtBot, window_factory: WindowFactory, demo_store: Store,
                                            forms: FakeForms, settings: Settings, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(demo_store, CLERK)
    preview = preview_of(qtbot, window, window.printing.open_options("roster"))
    target = tmp_path / "花名册"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    saved = preview.save_pdf()
    assert saved == tmp_path / "花名册.pdf"
    assert saved.read_bytes() == preview.data and preview.data.startswith(b"%PDF")
    assert not (tmp_path / "花名册.pdf.part").exists()
    assert settings.last_pdf_dir() == str(tmp_path)
    preview.close()


def printed_pages(path: Path) -> int:
    document = QPdfDocument()
    document.load(str(path))
    count = document.pageCount()
    document.close()
    return count


@pytest.mark.parametrize(("page_range", "expected"), [(None, PAGES), ((2, 3), 2)])
def test_print_paints_the_chosen_pages_on_the_printer(qtbot: QtBot, window_factory: WindowFactory,
                                                      demo_store: Store, forms: FakeForms, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      page_range: tuple[int, int] | None, expected: int) -> None:
    window = window_factory(demo_store, CLERK)
    preview = preview_of(qtbot, window, window.printing.open_options("roster"))
    output = tmp_path / "printed.pdf"
    chosen: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        chosen.append((dialog.minPage(), dialog.maxPage()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        if page_range is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*page_range)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview.print_action.trigger()
    qtbot.waitUntil(lambda: not preview.is_printing(), timeout=20_000)
    assert chosen == [(1, PAGES)]
    assert preview.status_label.text() == f"已送出 {expected} 页打印。"
    assert output.read_bytes().startswith(b"%PDF")
    assert printed_pages(output) == expected
    preview.close()


def test_the_member_form_prints_the_selected_members(qtbot: QtBot, window_factory: WindowFactory,
                                                     demo_store: Store, forms: FakeForms) -> None:
    window = window_factory(demo_store, CLERK)
    tab = members_tab(window)
    uuids = select_rows(tab, 1, 3)
    assert len(uuids) == 2 and tab.selected_uuids() == uuids
    window.printing.member_form_action.trigger()
    dialog = window.findChild(PrintOptionsDialog)
    assert dialog is not None and dialog.form_combo.currentData() == "member-form"
    assert "选中的 2 名会员" in dialog.scope_label.text()
    preview = preview_of(qtbot, window, dialog)
    assert forms.calls[-1]["form"] == "member-form"
    assert list(forms.calls[-1]["uuids"]) == uuids
    assert forms.calls[-1]["member_filter"] is None and forms.calls[-1]["full_ids"] is False
    assert preview.windowTitle().startswith("入会申请登记表（2 名会员）")
    preview.close()


def test_member_forms_need_a_selection(window_factory: WindowFactory, demo_store: Store, forms: FakeForms,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(demo_store, CLERK)
    members_tab(window).table.clearSelection()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text))
    window.printing.cards_action.trigger()
    assert told and told[0].startswith("请先选择会员")
    assert window.findChild(PrintOptionsDialog) is None and not forms.calls
    dialog = options(window.printing.open_options(None))  # the 文件 menu's dialog offers the roster instead
    assert dialog.form_combo.currentData() == "roster" and dialog.preview_button.isEnabled()
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("member-cards"))
    assert not dialog.preview_button.isEnabled() and "请先在列表中选择会员" in dialog.error.text()
    dialog.reject()


def test_the_roster_prints_the_list_the_tab_shows(qtbot: QtBot, window_factory: WindowFactory,
                                                  demo_store: Store, forms: FakeForms) -> None:
    window = window_factory(demo_store, CLERK)
    tab = members_tab(window)
    tab.search.setText("zs")
    tab.apply_filters()
    shown = tab.model.total()
    assert 0 < shown < 400
    dialog = options(window.printing.open_options("roster"))
    assert f"当前列表的 {shown:,} 名会员" == dialog.scope_label.text()
    preview = preview_of(qtbot, window, dialog)
    assert forms.calls[-1]["member_filter"] == tab.current_filter()
    assert forms.calls[-1]["member_filter"].text == "zs" and forms.calls[-1]["uuids"] is None
    preview.close()


def test_full_ids_are_offered_to_an_admin_only(qtbot: QtBot, window_factory: WindowFactory, demo_store: Store,
                                               forms: FakeForms) -> None:
    clerk_dialog = options(window_factory(demo_store, CLERK).printing.open_options("roster"))
    assert not clerk_dialog.full_box.isEnabled()
    assert "管理员" in clerk_dialog.full_box.toolTip()
    clerk_dialog.reject()
    window = window_factory(demo_store, ADMIN)
    admin_dialog = options(window.printing.open_options("roster"))
    assert admin_dialog.full_box.isEnabled()
    admin_dialog.full_box.setChecked(True)
    preview_of(qtbot, window, admin_dialog).close()
    assert forms.calls[-1]["full_ids"] is True and forms.calls[-1]["actor"] == "admin"


def test_a_refused_form_shows_the_reason_and_no_preview(qtbot: QtBot, window_factory: WindowFactory,
                                                        demo_store: Store, forms: FakeForms,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(demo_store, CLERK)
    forms.error = PermissionDenied("没有查看完整身份证号的权限")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    options(window.printing.open_options("roster")).preview_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert warned == ["没有查看完整身份证号的权限"]
    assert not window.printing.previews and window.findChild(PdfPreview) is None
    assert window.printing.print_action.isEnabled()


def test_ctrl_p_chooses_a_form_then_opens_the_print_dialog(qtbot: QtBot, window_factory: WindowFactory,
                                                           demo_store: Store, forms: FakeForms,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(demo_store, CLERK)
    assert window.printing.print_action.shortcut().toString() == "Ctrl+P"
    texts = [action.text() for action in window.file_menu.actions()]
    assert {"打印…", "打印预览…"} <= set(texts)
    buttons = {b.objectName() for b in members_tab(window).findChildren(QToolButton)}
    assert "tab_print_forms" in buttons
    asked: list[int] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: asked.append(dialog.maxPage()) or 0)
    window.printing.print_action.trigger()
    dialog = window.findChild(PrintOptionsDialog)
    assert dialog is not None and dialog.print_button.isDefault()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: asked == [PAGES], timeout=10_000)
    preview = window.printing.previews[-1]
    assert not preview.is_printing()  # the print dialog was cancelled; the preview stays open
    preview.close()


def test_the_real_roster_of_the_list_opens_in_the_preview(qtbot: QtBot, window_factory: WindowFactory,
                                                          demo_store: Store) -> None:
    window = window_factory(demo_store, CLERK)
    tab = members_tab(window)
    tab.search.setText("zs")
    tab.apply_filters()
    preview = preview_of(qtbot, window, window.printing.open_options("roster"))
    assert preview.data.startswith(b"%PDF") and preview.page_count() >= 1
    assert preview.page_label.text() == f"1 / {preview.page_count()}"
    assert f"（{tab.model.total():,} 名会员）" in preview.windowTitle()
    preview.close()
