"""The print preview: a generated PDF shown page by page, printed through Qt or saved as a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QToolBar, QVBoxLayout, QWidget

from db.errors import UnionDeskError
from desktop.documents.files import atomic_path
from desktop.ui.messages import show_error
from desktop.ui.printing.paper import a4_printer, chosen_pages, print_pages
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner, Progress

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0
STATUS_MS = 15_000


def save_atomically(data: bytes, target: Path) -> None:
    """Write ``target`` whole or not at all (:func:`desktop.documents.files.atomic_path`)."""
    with atomic_path(target) as part:
        part.write_bytes(data)


class PdfPreview(QDialog):
    """A non-modal window over the bytes of one generated PDF: 上一页/下一页, zoom, 打印…, 另存为PDF…, 关闭.

    The PDF lives in memory only (it may hold full ID numbers); printing runs in the JobRunner.
    """

    def __init__(self, data: bytes, title: str, file_stem: str, runner: JobRunner, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data, self.file_stem, self.runner, self.settings = data, file_stem, runner, settings
        self._printer: QPrinter | None = None  # kept alive while its job paints on it
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.setWindowTitle(self.tr("{0} — {1} 页").format(title, self.document.pageCount()))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.viewport().installEventFilter(self)
        self.navigator = self.view.pageNavigator()
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.status_label.setContentsMargins(8, 2, 8, 2)
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self._page_changed(self.navigator.currentPage())
        self._show_zoom()
        self._size_to_screen()

    # ----- layout -----------------------------------------------------------------------------------
    def _action(self, text: str, name: str, slot: object, *keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        key = QKeySequence
        self.previous_action = self._action(self.tr("上一页"), "previous_page", self.previous_page,
                                            key(Qt.Key.Key_PageUp))
        self.next_action = self._action(self.tr("下一页"), "next_page", self.next_page, key(Qt.Key.Key_PageDown))
        self.fit_width_action = self._action(self.tr("适合宽度"), "fit_width", self.fit_width)
        self.fit_page_action = self._action(self.tr("适合页面"), "fit_page", self.fit_page)
        self.zoom_in_action = self._action(self.tr("放大"), "zoom_in", self.zoom_in, key.StandardKey.ZoomIn,
                                           key("Ctrl+="))
        self.zoom_out_action = self._action(self.tr("缩小"), "zoom_out", self.zoom_out, key.StandardKey.ZoomOut)
        self.print_action = self._action(self.tr("打印…"), "print", self.print_document, key.StandardKey.Print)
        self.save_action = self._action(self.tr("另存为PDF…"), "save_pdf", self.save_pdf, key.StandardKey.Save)
        self.close_action = self._action(self.tr("关闭"), "close", self.close)
        bar = QToolBar(self)
        bar.setObjectName("preview_toolbar")
        bar.addAction(self.previous_action)
        bar.addWidget(self.page_label)
        bar.addAction(self.next_action)
        bar.addSeparator()
        for action in (self.fit_width_action, self.fit_page_action, self.zoom_out_action):
            bar.addAction(action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addSeparator()
        for action in (self.print_action, self.save_action, self.close_action):
            bar.addAction(action)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setContentsMargins(6, 0, 6, 0)
        self.toolbar = bar

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(980, screen.width() - 40), max(400, screen.height() - 80))

    # ----- pages ------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())

    @Slot()
    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    @Slot()
    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        self.page_label.setText(self.tr("{0} / {1}").format(page + 1, self.page_count()))
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page + 1 < self.page_count())

    # ----- zoom -------------------------------------------------------------------------------------
    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @Slot()
    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    @Slot()
    def zoom_in(self) -> None:
        self._zoom_to(self.effective_zoom() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom_to(self.effective_zoom() / ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(factor, ZOOM_MAX)))

    def effective_zoom(self) -> float:
        """The scale the view shows (QPdfView reports 1.0 while it fits the page to the window)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page())
        pixels_per_point = self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        port = self.view.viewport().size()
        width = (port.width() - margins.left() - margins.right()) / (points.width() * pixels_per_point)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (port.height() - margins.top() - margins.bottom()) / (points.height() * pixels_per_point)
        return min(width, height)

    @Slot()
    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.effective_zoom():.0%}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms; a resized view changes the scale of a fitted page."""
        if watched is self.view.viewport():
            if isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
                return True
            if event.type() == QEvent.Type.Resize:
                self._show_zoom()
        return super().eventFilter(watched, event)

    # ----- print ------------------------------------------------------------------------------------
    @Slot()
    def print_document(self) -> None:
        """打印…: the system's print dialog (pages, printer), then the pages painted in the background."""
        if self._printer is not None or self.page_count() == 0:
            return
        printer = a4_printer(self.document.pagePointSize(0))
        printer.setDocName(self.file_stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        pages = chosen_pages(printer, self.page_count(), self.current_page())
        if not pages:
            text = self.tr("所选页码不在本文档中（共 {0} 页），没有打印。").format(self.page_count())
            self.status_label.setText(text)
            return
        data = self.data

        def job(progress: Progress) -> int:
            return print_pages(data, printer, pages, progress)

        self._printer = printer
        self.print_action.setEnabled(False)
        self.runner.start(job, title=self.tr("正在打印……"), parent=self, on_done=self._printed,
                          on_error=self._print_failed, on_cancel=self._print_cancelled)

    def _print_ended(self, text: str) -> None:
        self._printer = None
        self.print_action.setEnabled(True)
        self.status_label.setText(text)

    def _printed(self, sheets: int) -> None:
        self._print_ended(self.tr("已送出 {0} 页打印。").format(sheets))

    def _print_failed(self, error: BaseException) -> None:
        self._print_ended("")
        show_error(self, error, self.tr("无法打印"))

    def _print_cancelled(self) -> None:
        self._print_ended(self.tr("已取消打印。"))

    def is_printing(self) -> bool:
        return self._printer is not None

    # ----- save -------------------------------------------------------------------------------------
    @Slot()
    def save_pdf(self) -> Path | None:
        """另存为PDF…: the same bytes as shown, written whole or not at all."""
        name = f"{self.file_stem}-{dt.date.today():%Y%m%d}.pdf"
        suggested = str(Path(self.settings.last_pdf_dir()) / name)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为PDF"), suggested,
                                                    self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return None
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        try:
            save_atomically(self.data, target)
        except UnionDeskError as error:
            show_error(self, error, self.tr("无法保存 PDF"))
            return None
        self.settings.set_last_pdf_dir(str(target.parent))
        self.status_label.setText(self.tr("已保存到 {0}").format(target))
        return target

    def done(self, result: int) -> None:
        if self.is_printing():  # the job paints on this window's printer; cancel it from its progress dialog
            self.status_label.setText(self.tr("正在打印，请等打印完成或取消后再关闭。"))
            return
        super().done(result)
