"""A registry out to an .xlsx file (``uniondesk export-xlsx``, the 导出 button): one sheet, styled header,
frozen first row, column widths, an autofilter; the stations add sheets of their service logs, inspections,
star ratings and status history.

Cells: ID, phone and bank numbers are text (masked unless the user may and asks for full values, and then a
birth date beside an ID number shows only its year: :mod:`db.masking`); dates are dates (``yyyy-mm-dd``);
money is yuan with two decimals. Text a spreadsheet could run as a formula (it starts with ``= + - @``, a tab
or a line break) is written as a string cell marked *quote prefix*, as Excel itself stores a typed ``'=…``:
never evaluated, still text when re-edited, and read back exactly as stored. That holds for every column
whatever its kind: a status, a star rating or a rank that arrived as text (a batch from another office is
not a spreadsheet we checked) is text on the way out too. Control characters and CR go out as Excel's
``_x000D_`` escapes (raw in XML, a CR would come back as LF).

Speed: openpyxl's write-only mode streams rows to disk, and serialising cells is nearly all of the time.
So an ordinary row goes to ``ws.append`` as plain values — dates get openpyxl's own ``yyyy-mm-dd``, a
styled cell costs about as much again as a plain one — and only money columns (one reused styled cell each)
and the rare dangerous text (a fresh cell) are cells. Values are converted a column of a chunk at a time, and
the text of a column of a chunk is searched as one string, so that a clean chunk costs a few C-level calls.

The file appears only when complete: it is written next to the target as ``*.xlsx.part`` and renamed onto
it, so a cancel or a full disk never leaves half a file nor destroys an earlier export of that name.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter

from db import masking, reference
from db.auth import Actor
from db.fields import Field
from db.registry import RegistrySpec, registry
from db.store import Store
from db.tabular import rows as tabular_rows
from desktop.documents.excel import layout
from desktop.documents.files import atomic_path

Progress = Callable[[str, int, int], None]
Columns = tabular_rows.Columns
Convert = Callable[[Any], Any]

STAGE = "导出"
EXTRA_STAGE = "导出{0}"  # a further sheet's stage: 导出驿站检查
# What makes Excel, WPS or LibreOffice read a cell's text as a formula (CSV/DDE injection).
FORMULA_STARTS = frozenset("=+-@\t\r\n")
# Kinds whose cells hold text (or nothing) on every row; any other column is searched for text only when a
# chunk of it holds some (an unknown code, a number that arrived as text).
_FREE_TEXT_KINDS = frozenset({"text", "choice", "id_number", "mobile", "phone", "bank", "credit"})
# Characters XML cannot carry (control characters) or would not keep (CR becomes LF when read), and text that
# looks like Excel's escape of them (``_x000D_``): written as Excel's ``_xHHHH_`` escapes, which Excel and
# calamine (our importer) decode, so that the text comes back exactly as stored.
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f]")
# Searched in a whole column of a chunk joined by "\n" (fast: literal prefix, one character class); a hit
# sends that column through the cell-by-cell check. "#" as in error codes (#N/A) that must stay text.
_DANGEROUS_START = re.compile(r"\n[=+\-@\t\r\n#]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def export_registry(store: Store, actor: Actor, registry_name: str, path: Path, *,
                    view: Any = None, sort: Any = None,
                    full_values: bool = False, progress: Progress | None = None) -> int:
    """Write the registry's rows (for members: the member list's filter and order) to ``path``.

    Returns the rows written. ID, phone and bank numbers are masked unless ``full_values`` (PermissionDenied
    for a role that may not, before anything is written). ``progress(stage, done, total)`` is called per
    chunk and may raise to cancel; a total of 0 means unknown. Raises UnionDeskError when the file cannot be
    written. The export is recorded in the audit trail (before the file appears under its name).
    """
    table = registry(registry_name)
    tabular_rows.check_full_values(actor, full_values)
    path = Path(path)
    report: Progress = progress or _no_progress
    with atomic_path(path) as part:
        wb = Workbook(write_only=True)
        try:
            written = _write_workbook(wb, store, table, view, sort, full_values, report)
            wb.save(part)
        finally:
            _discard_streams(wb)
        # before the file appears: an export nobody can trace must not exist
        tabular_rows.record_export(store, actor, table, written, full=full_values, file_name=path.name)
    return written


def _write_workbook(wb: Workbook, store: Store, table: RegistrySpec, view: Any, sort: Any, full: bool,
                    report: Progress) -> int:
    """The registry's sheet (and the registry's further sheets), read in one transaction; returns the rows
    written on the first."""
    wb.properties.creator = "UnionDesk"
    with store.transaction() as session:
        total = tabular_rows.count(session, table, view)
        report(STAGE, 0, total)
        chunks = tabular_rows.iter_columns(session, table, view, sort)
        written = _write_sheet(wb, table.sheet_title, table.fields, chunks, full,
                               lambda done: report(STAGE, done, total))
        hooks = table.hooks()
        for index, (title, extra_fields) in enumerate(hooks.extra_sheets()):
            stage = EXTRA_STAGE.format(title)
            report(stage, 0, 0)
            extra = tabular_rows.rows_to_columns(hooks.extra_sheet_rows(session, index),
                                                 [f.attr for f in extra_fields])
            _write_sheet(wb, title, extra_fields, extra, full, _unknown_total(report, stage))
    return written


def _unknown_total(report: Progress, stage: str) -> Callable[[int], None]:
    """The progress of a sheet whose row count is not counted first (a further sheet)."""
    return lambda done: report(stage, done, 0)


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    return None


def _write_sheet(wb: Workbook, title: str, fields: Sequence[Field], chunks: Iterable[Columns], full: bool,
                 report: Callable[[int], None]) -> int:
    """One sheet: header, then every row of ``chunks``; returns the data rows written."""
    ws = wb.create_sheet(title)
    layout.set_columns(ws, fields)  # column settings go out with the first row: before it
    ws.freeze_panes = "A2"
    header = []
    for field in fields:
        cell = WriteOnlyCell(ws, field.label)
        layout.style_header(cell, field)
        header.append(cell)
    ws.row_dimensions[1].height = layout.HEADER_HEIGHT
    ws.append(header)
    masks = {} if full else masking.column_masks(fields)
    columns = [_Column(ws, field, masks.get(field.attr)) for field in fields]
    number_cells = [(i, column.number_cell) for i, column in enumerate(columns) if column.number_cell]
    written = 0
    for chunk in chunks:
        # columns → converted columns → rows (a C-level zip)
        cell_columns = [column.cells(chunk[field.attr]) for column, field in zip(columns, fields, strict=True)]
        for row in zip(*cell_columns, strict=True):
            ws.append(_with_number_cells(row, number_cells) if number_cells else row)
        written += len(cell_columns[0])
        report(written)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{written + 1}"
    return written


def _with_number_cells(row: tuple[Any, ...], number_cells: list[tuple[int, Any]]) -> list[Any]:
    """The row with its money (score) numbers in their column's styled cell.

    One cell per column, its value replaced on each row: ``ws.append`` serialises the row before it returns.
    """
    values = list(row)
    for i, cell in number_cells:
        value = values[i]
        if type(value) is float or type(value) is int:  # text that arrived in a number column stays text
            cell.value = value
            values[i] = cell
    return values


class _Column:
    """One column of a sheet: its cell values a chunk at a time, converted column-wise (no per-cell dispatch)."""

    def __init__(self, ws: Any, field: Field, masked: Convert | None) -> None:
        self.ws = ws
        self.convert = masked or _converter(field)
        self.free_text = field.kind in _FREE_TEXT_KINDS
        self.number_cell: Any = None
        if field.kind in ("money", "score") and not masked:
            self.number_cell = WriteOnlyCell(ws)
            self.number_cell.number_format = layout.NUMBER_FORMATS[field.kind]

    def cells(self, values: Sequence[Any]) -> Sequence[Any]:
        """The cell values of the column's stored ``values`` (of one chunk)."""
        convert = self.convert
        if convert is not None:
            values = [None if value is None else convert(value) for value in values]
        if self.free_text:
            texts: Iterable[str] = filter(None, values)
        else:
            if str not in set(map(type, values)):  # C-level: a column of numbers or dates costs next to nothing
                return values
            texts = [value for value in values if isinstance(value, str) and value]
        text = "\n" + "\n".join(texts)
        if _DANGEROUS_START.search(text) or _CONTROL.search(text) or "_x" in text:
            values = [_safe_text(self.ws, value) if isinstance(value, str) and value else value for value in values]
        return values


def _converter(field: Field) -> Convert | None:
    """Stored value → cell value for one column, decided once; None where the stored value is the cell's.
    A value of the wrong type (text in a number column) is left as it is, to be written as text."""
    kind = field.kind
    if kind == "coded":
        labels = reference.labels(field.choices or "")
        return lambda value: labels.get(value, value)
    if kind == "bool":
        return lambda value: "是" if value else "否"
    if kind in ("money", "score"):
        return _hundredths
    return None


def _hundredths(value: Any) -> Any:
    """Fen → yuan, hundredths → points: the shortest repr of value / 100 is the exact amount."""
    try:
        return value / 100
    except TypeError:
        return value


def _safe_text(ws: Any, value: str) -> Any:
    """A text cell's value safe to write: no formula, no error code, nothing XML loses."""
    dangerous = value[0] in FORMULA_STARTS or value in ERROR_CODES
    if _NEEDS_ESCAPE.search(value):
        value = excel_escape(value)
    return literal_text_cell(ws, value) if dangerous else value


def put_text(ws: Any, row: int, column: int, text: str) -> Any:
    """Write ``text`` into a cell of an ordinary (not write-only) sheet as text that no spreadsheet runs,
    with what XML loses escaped; returns the cell."""
    cell = ws.cell(row=row, column=column, value=excel_escape(text) if _NEEDS_ESCAPE.search(text) else text)
    if text[:1] in FORMULA_STARTS or text in ERROR_CODES:
        cell.data_type = "s"  # openpyxl typed "=…" as a formula
        cell.quotePrefix = True
    return cell


def excel_escape(text: str) -> str:
    """``text`` with control characters (CR too) as Excel's ``_xHHHH_`` escapes, and a literal ``_xHHHH_``
    protected by escaping its underscore (``_x005F_``), as Excel writes them."""
    return _NEEDS_ESCAPE.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def literal_text_cell(ws: Any, text: str) -> Any:
    """A cell holding ``text`` as text that no spreadsheet evaluates: a string cell with quote prefix."""
    cell = WriteOnlyCell(ws)
    cell.value = text  # openpyxl types "=…" as a formula…
    cell.data_type = "s"  # …so say it is a string
    cell.quotePrefix = True
    return cell


def _discard_streams(wb: Workbook) -> None:
    """Remove the temporary files of a write-only workbook's sheets, which a failed export leaves behind.

    openpyxl streams each sheet to a file in the system's temporary folder and removes it only when the
    workbook is saved (or the program exits); a long-running program cancelling exports should not pile
    them up. ``_writer`` is openpyxl's (private) stream of the sheet.
    """
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None or not os.path.exists(writer.out):
            continue
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
