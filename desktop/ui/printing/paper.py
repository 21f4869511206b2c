"""Putting the pages of a PDF on a QPrinter: each page rendered to an image and painted on one sheet.

Runs as a JobRunner job (QPainter may paint on a QPrinter outside the GUI thread; pdfium is guarded by
QtPdf's own lock), with a document of its own so the preview can go on showing pages meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from db.errors import UnionDeskError
from desktop.ui.worker import Cancelled, Progress

POINTS_PER_INCH = 72
# A printer in high-resolution mode reports 600 or 1200 dpi; an A4 page at 1200 dpi is a 560 MB image.
# 300 dpi prints the forms' text and rules sharply at 35 MB a page.
MAX_DPI = 300


def a4_printer(first_page: QSizeF | None = None) -> QPrinter:
    """A high-resolution printer set to A4, turned to landscape when the document's first page is wider
    than high, painting on the whole sheet (the PDF carries its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    landscape = first_page is not None and first_page.width() > first_page.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def chosen_pages(printer: QPrinter, page_count: int, current: int) -> list[int]:
    """The pages (from 0) the user chose in the print dialog: all, a range such as 2-5, or the current one."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [current] if 0 <= current < page_count else []
    ranges = printer.pageRanges()
    if mode == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        return [page for page in range(page_count) if ranges.contains(page + 1)]
    return list(range(page_count))


def open_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A document over ``data``, loaded (a QBuffer loads at once); keep the buffer while the document lives."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise UnionDeskError(QCoreApplication.translate("PrintPaper", "生成的 PDF 无法读取，请重新生成。"))
    return document, buffer


def print_pages(data: bytes, printer: QPrinter, pages: Sequence[int], progress: Progress) -> int:
    """Paint ``pages`` of the PDF ``data`` on ``printer``; returns the number of sheets printed."""
    document, buffer = open_pdf(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise UnionDeskError(QCoreApplication.translate(
                "PrintPaper", "无法开始打印：打印机没有准备好，或输出文件无法写入。"))
        try:
            for done, page in enumerate(pages):
                stage = QCoreApplication.translate("PrintPaper", "正在打印第 {0} 页（共 {1} 页）……")
                progress(stage.format(done + 1, len(pages)), done, len(pages))
                if done:
                    printer.newPage()
                paint_page(painter, printer, document, page)
            progress(QCoreApplication.translate("PrintPaper", "正在打印……"), len(pages), len(pages))
        except Cancelled:
            printer.abort()
            raise
        finally:
            painter.end()
    finally:
        document.close()
        buffer.close()
    return len(pages)


def paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """One PDF page on the sheet: its own size when it fits (A4 on A4 is 1:1), else shrunk to fit, centred."""
    points = document.pagePointSize(page)
    sheet = QRectF(painter.viewport())
    scale = min(sheet.width() / points.width(), sheet.height() / points.height())
    target = QRectF(0, 0, points.width() * scale, points.height() * scale)
    target.moveCenter(sheet.center())
    dpi = min(printer.resolution(), MAX_DPI)
    pixels = QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
    painter.drawImage(target, on_white(document.render(page, pixels)))


def on_white(image: QImage) -> QImage:
    """pdfium leaves the paper transparent; printers and PDF writers handle an opaque image better."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet
