"""A contest's score sheet (成绩表) as an .xlsx/.csv file: read for :func:`db.contests.score_sheets.import_scores`
(the first visible sheet, its first row the header), and written from the grid as a sheet to fill in and import
back (参赛证号 kept as text, scores as numbers with two decimals; no text can run as a formula)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from db.contests.score_sheets import ScoreGrid, scores_table
from desktop.documents.excel.export import put_text
from desktop.documents.excel.reader import Cell, open_table


def read_score_sheet(path: Path) -> list[list[Cell]]:
    """The rows of the file's first visible sheet from its first non-empty row (the header) on."""
    table = open_table(path)
    rows = table.rows
    table.release()
    while rows and all(cell is None for cell in rows[0]):
        rows.pop(0)
    return rows


def write_score_sheet(path: Path, grid: ScoreGrid) -> None:
    """The grid's entrants and scores as a sheet that :func:`read_score_sheet` and the import read back."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "成绩表"
    lines: list[list[Any]] = scores_table(grid)
    for row, line in enumerate(lines, 1):
        for column, value in enumerate(line, 1):
            if isinstance(value, str):
                put_text(sheet, row, column, value)  # a name or employer that starts with = stays text
            else:
                sheet.cell(row, column, value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        row[0].number_format = "@"  # 0001 stays 0001
        for cell in row[3:]:
            if isinstance(cell.value, float):
                cell.number_format = "0.00"
    for letter, width in zip("ABC", (10, 10, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D2"
    book.save(path)
