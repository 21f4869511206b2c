"""A table out of a spreadsheet file: one sheet of an .xlsx/.xls (python-calamine) or a .csv, as plain values.

Cells come out as ``str``, ``float`` (every number, integral or not: the importer decides), ``bool``,
``datetime.date`` (a date, or a date-time at midnight), ``datetime.datetime`` and ``None`` (an empty or
blank cell). Row ``i`` of a table is row ``i + 1`` of the sheet and column ``j`` is Excel column ``j``,
even when the sheet's data starts further down or right: calamine trims that, the table puts it back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, PasswordError, SheetVisibleEnum

from db.errors import UnionDeskError
from desktop.documents.excel.safety import EncryptedFile, UnsafeFile, check_file

Cell = str | float | bool | dt.date | dt.datetime | None


@dataclass
class Table:
    """One sheet of a file: its name, the names of all sheets, and its rows (read lazily, see :meth:`iter_rows`)."""

    path: Path
    sheet_name: str
    sheet_names: list[str]
    row_count: int
    _sheet: CalamineSheet | None = field(default=None, repr=False)
    _start: tuple[int, int] = (0, 0)
    _encoding: str = "utf-8-sig"
    _released: bool = False

    def release(self) -> None:
        """Free the sheet's cells (a 100,000-row sheet holds some 130 MB); reading again reopens the file."""
        if self._sheet is not None:
            self._sheet, self._released = None, True

    def iter_rows(self) -> Iterator[list[Cell]]:
        """Every row from the sheet's first, as lists of normalised cells (rows may differ in length)."""
        if self._released:
            again = open_table(self.path, self.sheet_name)  # checked again: the file may have changed
            self._sheet, self._start, self._released = again._sheet, again._start, False
        if self._sheet is None:
            yield from _csv_rows(self.path, self._encoding)
            return
        pad: list[Cell] = [None] * self._start[1]  # calamine starts at row 0 but at the first used column
        for raw in self._sheet.iter_rows():
            yield pad + [normalise(value) for value in raw]

    def head(self, count: int) -> list[list[Cell]]:
        """The first ``count`` rows (for finding the header row)."""
        rows: list[list[Cell]] = []
        for row in self.iter_rows():
            if len(rows) >= count:
                break
            rows.append(row)
        return rows

    @property
    def rows(self) -> list[list[Cell]]:
        """All rows as a list: convenient for small tables; a big one is better walked with iter_rows."""
        return list(self.iter_rows())


def normalise(value: Any) -> Cell:
    """A calamine cell as one of the table's value types."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool | float | dt.date):  # datetime is a date
        if isinstance(value, dt.datetime) and value.time() == dt.time():
            return value.date()
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return None if value is None else str(value)


def open_table(path: Path, sheet: str | None = None) -> Table:
    """The sheet called ``sheet`` (else the first visible sheet) of the file at ``path``, checked first."""
    kind = check_file(path)
    if kind == "csv":
        return _open_csv(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        name = _choose_sheet(path, workbook, sheet)
        data = workbook.get_sheet_by_name(name)
    except PasswordError:
        raise EncryptedFile(path) from None
    except CalamineError as exc:
        raise UnsafeFile(path, f"无法读取：{exc}") from None
    start = data.start
    height = (start[0] + data.height) if start is not None else 0
    return Table(path, name, names, height, data, start or (0, 0))


def _choose_sheet(path: Path, workbook: CalamineWorkbook, sheet: str | None) -> str:
    names = list(workbook.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise UnionDeskError(f"工作簿中没有名为“{sheet}”的工作表，可选：{'、'.join(names)}")
        return sheet
    for meta in workbook.sheets_metadata:
        if meta.visible == SheetVisibleEnum.Visible:
            return meta.name
    if names:
        return names[0]
    raise UnsafeFile(path, "工作簿中没有工作表")


def _open_csv(path: Path) -> Table:
    encoding = _csv_encoding(path)
    count = sum(1 for _ in _csv_rows(path, encoding))
    return Table(path, path.stem, [path.stem], count, None, (0, 0), encoding)


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else GB18030 (Chinese Excel's CSV)."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="")
        try:
            while decoder.read(1024 * 1024):
                pass
            return encoding
        except UnicodeDecodeError:
            continue
        finally:
            decoder.close()
    raise UnsafeFile(path, "CSV文件的编码无法识别，请另存为UTF-8编码")


def _csv_rows(path: Path, encoding: str) -> Iterator[list[Cell]]:
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(8192)
        handle.seek(0)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
        for row in csv.reader(handle, dialect):
            yield [cell if cell.strip() else None for cell in row]
