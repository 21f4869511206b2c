"""Every row of an incoming batch checked against its table's declaration (design §5, "row validation")
before anything is merged: a trusted office can still send a wrong value — a newer program's status code, a
hand-edited file, a bug — and a value that arrives in a signed batch gets the same checks as one typed into
a form: its kind, value list, length and range (:mod:`db.field_checks`), the rules between the fields of a
row (the table's ``check_columns``), the shape of its uuid and of every reference, and a revision in range.

Runs on a chunk of the batch's JSON values column by column, after :mod:`db.sync.merge_values` has found
every row to have exactly the table's columns, and before they are converted and bound.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table

from db.field_checks import Problem, column_problem, rev_column_problem, uuid_column_problem
from db.fields import Field
from db.registry import table_label, table_specs
from db.sync.batchfile import BatchRejected


class DeclaredChecks:
    """The checks of one table, decided once: its declared fields and rules, its uuid and reference columns."""

    def __init__(self, table: Table) -> None:
        self.name = table.name
        declared = table_specs().get(table.name)
        self.fields: list[Field] = list(declared.stored_fields()) if declared is not None else []
        self.rule = declared.check_columns if declared is not None else None
        self.stored_rule = declared.check_stored if declared is not None else None
        # one open record per person across offices (一人多档): a clash is a conflict, not a rejection
        self.across = declared.across_rule() if declared is not None else None
        # the row's identity and every reference to another row: uuids, or the path of a file, a script…
        self.uuids = [(column.key, bool(column.nullable)) for column in table.columns
                      if column.key == "uuid" or any(fk.column.key == "uuid" for fk in column.foreign_keys)]

    def check(self, columns: Mapping[str, Sequence[Any]], first: int) -> None:
        """Raise BatchRejected naming the table, row and field of the first value that is wrong."""
        for key, nullable in self.uuids:
            self._refuse(uuid_column_problem(columns[key], nullable=nullable), first, _label(key))
        self._refuse(rev_column_problem(columns["rev"]), first, "版本")
        for field in self.fields:
            self._refuse(column_problem(field, columns[field.attr]), first, field.label)
        if self.rule is not None and (found := self.rule(columns)) is not None:
            index, label, reason = found
            self._refuse((index, reason), first, label)

    def check_stored(self, conn: Any, rows: Sequence[Mapping[str, Any]], stored: Sequence[Mapping[str, Any] | None],
                     numbers: Sequence[int]) -> None:
        """Raise BatchRejected for the first of ``rows`` (the batch's rows numbered ``numbers``) that the table's
        rule against the stored rows refuses."""
        if self.stored_rule is not None and rows and (found := self.stored_rule(conn, rows, stored)) is not None:
            index, label, reason = found
            raise BatchRejected(f"{table_label(self.name)}（{self.name}）第 {numbers[index]} 行，{label}：{reason}"
                                "。整个批次未导入，请联系发件单位核对")

    def _refuse(self, problem: Problem | None, first: int, label: str) -> None:
        if problem is not None:
            index, reason = problem
            raise BatchRejected(f"{table_label(self.name)}（{self.name}）第 {first + index} 行，{label}：{reason}"
                                "。发件单位的数据有误，整个批次未导入，请联系发件单位更正后重新发送")


def _label(key: str) -> str:
    return "系统编号" if key == "uuid" else f"关联记录 {key}"
