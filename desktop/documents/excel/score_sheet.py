"""A contest's score sheet (成绩表) as an .xlsx/.csv file: an import target of the import wizard
(:class:`ScoreSheetTarget`: columns mapped by label and synonyms, every row checked, saved all or none), read
plainly for :func:`db.contests.score_sheets.import_scores` (the first visible sheet, its first row the header),
and written from the grid as a sheet to fill in and import back (参赛证号 kept as text, scores as numbers with
two decimals; no text can run as a formula)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from db import masking
from db.auth import Actor
from db.contests.score_sheets import (
    SCORE_SHEET,
    ScoreGrid,
    apply_sheet,
    plan_sheet,
    scores_table,
    sheet_fields,
    sheet_problems,
)
from db.errors import ValidationError
from db.fields import Field
from db.registry import RegistrySpec
from db.store import Store
from db.tabular.plan import ImportPlan
from desktop.documents.excel import importer
from desktop.documents.excel.export import put_text
from desktop.documents.excel.mapping import MappingProblems
from desktop.documents.excel.reader import Cell, open_table
from desktop.documents.excel.target import Progress, ReadFile


class ScoreSheetTarget:
    """A contest's score sheet as the import wizard's target: 参赛证号 / 身份证号 / 姓名 (compared only) /
    理论成绩 / 评委1…N / 用时（秒）, mapped by their synonyms (选手编号, 理论分, 1号评委 …); the rows checked by
    :func:`db.contests.score_sheets.plan_sheet` and saved whole by :func:`~db.contests.score_sheets.apply_sheet`."""

    name = SCORE_SHEET

    def __init__(self, contest_uuid: str, contest_name: str, judge_count: int) -> None:
        self.contest_uuid = contest_uuid
        self.label = f"成绩表：{contest_name}"
        self._fields = sheet_fields(judge_count)

    def fields(self) -> Sequence[Field]:
        return self._fields

    def registry(self) -> RegistrySpec | None:
        return None  # no 统一填写: a score is each entrant's own

    def masks(self) -> Mapping[str, masking.Mask]:
        return masking.column_masks(self._fields)  # the 身份证号 column's samples

    def read(self, store: Store, path: Path, sheet: str | None, progress: Progress | None) -> ReadFile:
        return importer.read_sheet(store, self.name, self._fields, path, sheet, progress)

    def problems(self, mapping: dict[int, str], given: Mapping[str, Any]) -> MappingProblems:
        chosen = list(mapping.values())
        return MappingProblems(missing=sheet_problems(chosen),
                               twice=tuple(f.label for f in self._fields if chosen.count(f.attr) > 1),
                               both=tuple(given))

    def plan(self, store: Store, actor: Actor, source: ReadFile, mapping: dict[int, str],
             given: Mapping[str, Any], progress: Progress | None) -> ImportPlan:
        assert isinstance(source, importer.Sheet)
        problems = self.problems(mapping, given)
        if problems:
            raise ValidationError("列对应", "；".join(problems.messages()))
        if progress:
            progress("检查", 0, source.row_count)
        return plan_sheet(store, actor, self.contest_uuid, source.rows(mapping), file_name=source.path.name)

    def apply(self, store: Store, actor: Actor, plan: ImportPlan, progress: Progress | None) -> dict[str, int]:
        if progress:
            progress("导入", 0, 0)
        done = apply_sheet(store, actor, self.contest_uuid, plan)
        return {"update": done.entrants, "cells": done.cells}


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
