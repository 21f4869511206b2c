"""Excel (or CSV) rosters in: read the file, find its header row and columns, plan, then apply.

The same steps serve the import wizard and ``uniondesk import-xlsx``:

1. :func:`read_source` — checks the file (:mod:`.safety`), reads the sheet (:mod:`.reader`), finds the
   header row under any title rows and guesses which column is which field (:mod:`.mapping`), or takes the
   mapping saved for the same headers last time.
2. :func:`plan` — the verdict of every row (:mod:`db.tabular.plan`); nothing is written. A value given
   once for a field no column fills (统一填写, :mod:`.uniform`) becomes a column every row has.
3. :func:`apply` — the accepted rows in one transaction (:mod:`db.tabular.apply`).

A workbook with further sheets the registry reads too (a stations export's 驿站服务台账 and 驿站检查) has
them read by their titles beside the chosen sheet, planned with it and applied with it, whole or not at all.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from db.auth import Actor
from db.errors import ValidationError
from db.fields import Field
from db.registry import RegistrySpec, registry
from db.store import Store
from db.tabular.apply import apply_plan
from db.tabular.plan import VERDICT_LABELS, ImportPlan, RowVerdict, SheetSource, SourceRow, plan_import
from desktop.documents.excel import mapping as columns
from desktop.documents.excel import uniform
from desktop.documents.excel.export import FORMULA_STARTS
from desktop.documents.excel.reader import Table, open_table

Progress = Callable[[str, int, int], None]
SAMPLES = 3


@dataclass
class ChildSheet:
    """A further sheet the registry imports with its own (a stations workbook's 驿站服务台账): found by its
    title, its header row found and its columns named by the declared labels (no mapping to confirm:
    the export wrote them)."""

    title: str
    table: Table
    header_index: int
    mapping: dict[int, str]
    data_start: int

    @property
    def row_count(self) -> int:
        return max(self.table.row_count - self.data_start, 0)


@dataclass
class Sheet:
    """A file read for an import target (a registry, :class:`Source`; a contest's score sheet): its header row
    found and its columns guessed over the target's fields."""

    path: Path
    table: Table
    header_index: int  # 0-based index of the header among the sheet's rows
    headers: list[str]
    mapping: dict[int, str]  # column index → field attr
    saved_mapping: bool
    data_start: int  # 0-based index of the first data row (after a notes row)
    samples: dict[int, list[Any]] = field(default_factory=dict)  # column index → first values

    @property
    def sheet_name(self) -> str:
        return self.table.sheet_name

    @property
    def sheet_names(self) -> list[str]:
        return list(self.table.sheet_names)

    @property
    def header_row(self) -> int:
        """The header's row number as the spreadsheet shows it (1-based)."""
        return self.header_index + 1

    @property
    def row_count(self) -> int:
        return max(self.table.row_count - self.data_start, 0)

    def rows(self, mapping: dict[int, str]) -> Iterator[SourceRow]:
        """(row number, {attr: cell}) of every data row that is not blank; the sheet's cells are let go after."""
        try:
            yield from _rows(self.table, self.data_start, mapping)
        finally:
            self.table.release()


@dataclass
class Source(Sheet):
    """A file read, its header row found and its columns guessed."""

    registry: RegistrySpec = field(kw_only=True)
    children: list[ChildSheet] = field(default_factory=list, kw_only=True)  # further sheets read with it


def read_sheet(store: Store, name: str, fields: Sequence[Field], path: Path, sheet: str | None = None,
               progress: Progress | None = None) -> Sheet:
    """Read ``path`` for an import target called ``name`` whose columns are ``fields``: the header row is the
    one naming most of them, the mapping the one saved for that header row, else guessed by labels and
    synonyms. UnionDeskError (Chinese) on a bad file."""
    if progress:
        progress("读取文件", 0, 0)
    table = open_table(Path(path), sheet)
    head = table.head(40)
    header_index = columns.find_header_row(head, fields)
    headers = ["" if cell is None else str(cell).strip() for cell in (head[header_index] if head else [])]
    data_start = header_index + 1
    if data_start < len(head) and columns.is_notes_row(head[data_start]):
        data_start += 1
    saved = columns.load_mapping(store, name, headers, fields)
    mapping = saved if saved is not None else columns.guess_field_mapping(fields, headers)
    samples = {index: [row[index] for row in head[data_start:data_start + SAMPLES] if index < len(row)]
               for index in range(len(headers))}
    return Sheet(Path(path), table, header_index, headers, mapping, saved is not None, data_start, samples)


def read_source(store: Store, registry_name: str, path: Path, sheet: str | None = None,
                progress: Progress | None = None) -> Source:
    """Read ``path`` for an import into ``registry_name``; raises UnionDeskError (Chinese) on a bad file."""
    target = registry(registry_name)
    read = read_sheet(store, target.name, columns.targets(target), path, sheet, progress)
    return Source(read.path, read.table, read.header_index, read.headers, read.mapping, read.saved_mapping,
                  read.data_start, read.samples, registry=target,
                  children=_child_sheets(target, Path(path), read.table))


def _child_sheets(target: RegistrySpec, path: Path, table: Table) -> list[ChildSheet]:
    """The further sheets of the workbook the registry imports with the one read (a stations export's logs
    and inspections), when that one is not itself one of them."""
    wanted = target.hooks().import_sheets()
    if table.sheet_name in {title for title, _ in wanted}:
        return []
    found = []
    for title, fields in wanted:
        if title not in table.sheet_names:
            continue
        sheet = open_table(path, title)
        head = sheet.head(40)
        header_index = columns.find_header_row(head, fields)
        mapping = columns.guess_field_mapping(fields, head[header_index] if head else [])
        data_start = header_index + 1
        if data_start < len(head) and columns.is_notes_row(head[data_start]):
            data_start += 1
        found.append(ChildSheet(title, sheet, header_index, mapping, data_start))
    return found


def missing_columns(source: Source, mapping: dict[int, str] | None = None,
                    given: Mapping[str, Any] | None = None) -> list[str]:
    """The labels of required fields no column is mapped to and no value is ``given`` for."""
    return columns.unmapped_required(source.registry, source.mapping if mapping is None else mapping,
                                     given or {})


def save_mapping(store: Store, actor: Actor, source: Source, mapping: dict[int, str]) -> None:
    """Remember ``mapping`` for files with the same headers (in this database, for every user)."""
    columns.save_mapping(store, actor, source.registry.name, source.headers, mapping)


def plan(store: Store, actor: Actor, source: Source, mapping: dict[int, str] | None = None,
         progress: Progress | None = None, *, given: Mapping[str, Any] | None = None) -> ImportPlan:
    """The verdict of every data row of ``source`` under ``mapping`` (default: the source's own).

    ``given`` holds one value for every row (field attr → what a cell would hold) of fields no column fills;
    ValidationError if a value is bad, or a required field has neither a column nor a value.
    """
    chosen = source.mapping if mapping is None else mapping
    fixed = uniform.check_values(source.registry, given or {})
    problems = columns.check_mapping(source.registry, chosen, fixed)
    if problems:
        raise ValidationError("列对应", "；".join(problems.messages()))
    letters = {attr: columns.column_letter(index) for index, attr in chosen.items()}
    letters.update(dict.fromkeys(fixed, ""))  # no column: the planner names the row instead of a cell
    sheets = [SheetSource(child.title, _rows(child.table, child.data_start, child.mapping),
                          {attr: columns.column_letter(index) for index, attr in child.mapping.items()})
              for child in source.children]
    try:
        return plan_import(store, actor, source.registry.name, _cells(source, chosen, fixed), letters,
                           total=source.row_count, progress=progress, file_name=source.path.name, sheets=sheets)
    finally:
        source.table.release()  # the plan holds what the import needs; the sheet's cells can go
        for child in source.children:
            child.table.release()


def _cells(source: Source, mapping: dict[int, str], given: Mapping[str, Any]) -> Iterator[SourceRow]:
    """(row number, {attr: cell}) of every data row that is not blank, with the ``given`` values added."""
    for row_no, cells in _rows(source.table, source.data_start, mapping):
        cells.update(given)
        yield row_no, cells


def _rows(table: Table, data_start: int, mapping: dict[int, str]) -> Iterator[SourceRow]:
    """(row number, {attr: cell}) of every data row of ``table`` that is not blank."""
    picks = sorted(mapping.items())
    rows = table.iter_rows()
    for index, row in enumerate(islice(rows, data_start, None), data_start):
        width = len(row)
        cells = {attr: row[col] if col < width else None for col, attr in picks}
        if any(value is not None and value != "" for value in cells.values()):
            yield index + 1, cells


def apply(store: Store, actor: Actor, import_plan: ImportPlan, progress: Progress | None = None) -> dict[str, int]:
    """Write the plan's accepted rows in one transaction; ``{"new": n, "update": m}``."""
    return apply_plan(store, actor, import_plan, progress)


def report_lines(import_plan: ImportPlan, *, all_rows: bool = False) -> list[str]:
    """The row-by-row report of the command line: every row that is not unchanged (or every row)."""
    lines = []
    for row in import_plan.rows:
        if row.verdict == "unchanged" and not all_rows:
            continue
        head = f"第{row.row_no}行  {VERDICT_LABELS[row.verdict]}  {row.summary}".rstrip()
        detail = row_details(row)
        lines.append(f"{head}：{detail}" if detail else head)
    counts = import_plan.counts
    lines.append("合计：" + "，".join(f"{VERDICT_LABELS[k]} {counts[k]} 行" for k in VERDICT_LABELS))
    for sheet in import_plan.sheets:
        for row in sheet.rows:
            if row.verdict == "unchanged" and not all_rows:
                continue
            head = f"{sheet.title} 第{row.row_no}行  {VERDICT_LABELS[row.verdict]}  {row.summary}".rstrip()
            detail = row_details(row)
            lines.append(f"{head}：{detail}" if detail else head)
        lines.append(f"{sheet.title}合计：" + sheet_counts_text(sheet.counts))
        lines.extend(f"{sheet.title}：{note}" for note in sheet.notes)
    if import_plan.blocked:
        lines.append(f"共有 {import_plan.errors} 行未通过检查：本文件的各工作表一起导入，有错误时整个文件都不导入")
    return lines


def sheet_counts_text(counts: Mapping[str, int]) -> str:
    """A further sheet's counts: its rows only add records, so there is no 更新."""
    return "，".join(f"{VERDICT_LABELS[k]} {counts[k]} 行" for k in VERDICT_LABELS if k != "update")


def row_details(row: RowVerdict) -> str:
    """What is said of a row: its errors, or the changes of an update ("字段：旧 → 新") and any note of what
    was not read (a contest's results)."""
    if row.verdict == "error":
        return "；".join(row.messages)
    return "；".join([*(f"{label}：{old or '（空）'} → {new or '（空）'}" for label, (old, new) in row.changes.items()),
                     *row.messages])


def write_error_list(import_plan: ImportPlan, path: Path) -> int:
    """The error rows as a CSV file Excel opens (UTF-8 with BOM): 行号, 记录, 说明; returns how many rows.

    A cell that starts with ``= + - @`` gets a leading apostrophe so that Excel shows it instead of running
    it: the 记录 text comes from the imported file and may be hostile.
    """
    rows: list[tuple[int | str, RowVerdict]] = [
        (row.row_no, row) for row in import_plan.rows if row.verdict == "error"]
    rows += [(f"{sheet.title} {row.row_no}", row) for sheet in import_plan.sheets for row in sheet.rows
             if row.verdict == "error"]  # a further sheet's rows: the sheet named with the row number
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["行号", "记录", "说明"])
        for row_no, row in rows:
            writer.writerow([row_no, _inert(row.summary), _inert(row_details(row))])
    return len(rows)


def _inert(text: str) -> str:
    return "'" + text if text[:1] in FORMULA_STARTS else text
