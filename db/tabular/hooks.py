"""What a registry adds to the generic spreadsheet import and export (:mod:`db.tabular`): the hooks a
registry's ``tabular.py`` overrides — its natural key, the checks between fields, the references it resolves,
the changes an import may not make, the columns it derives for an export, and what a new or changed record
brings with it (a member's joining event, a station's services).

Status changes stay with the use cases that record them: a member's 转出/退会 and a hardship file's approval
are never made by a spreadsheet, so a changed 状态 is an error naming the cell, and new records start as
在会 / 申请.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select, tuple_
from sqlalchemy.orm import Session

from db import listing, masking
from db.auth import Actor
from db.fields import Field, Masked
from db.models import RegistryRow
from db.registry import RegistrySpec
from db.tabular import rows as stored_rows
from db.tabular.rows import in_chunks

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict, SheetPlan, SheetSource

Cell = Callable[["RowVerdict", str, str], None]
Key = tuple[Any, ...]
Row = dict[str, Any]
Children = list[tuple[type[RegistryRow], list[dict[str, Any]]]]
CHUNK = 500
SEPARATORS = str.maketrans({c: "、" for c in ",，;；/ \n"})


def is_masked_value(value: Any) -> bool:
    """Whether a cleaned cell stands for a masked value (an export's ``110101********1234``)."""
    return type(value) is Masked


class TabularHooks:
    """The shared behaviour; a registry's ``tabular.py`` overrides what differs."""

    natural: tuple[str, ...] = ()  # values' attrs of the natural key (after resolve)
    extra_columns: tuple[str, ...] = ()  # stored columns the derived ones are computed from

    def __init__(self, registry: RegistrySpec) -> None:
        self.registry = registry

    def clean_field(self, fld: Field, raw: Any) -> Any:
        return fld.clean(raw)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        """Checks between the fields of one row; raise ValidationError naming the field's label."""

    def summary(self, values: Mapping[str, Any]) -> str:
        return " ".join(self._key_part(attr, values.get(attr)) for attr in self.natural
                        if values.get(attr) is not None)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """Turn the names of other records (a contest, a member, a file) into their uuids."""

    def file_keys(self, values: Mapping[str, Any]) -> list[Key]:
        keys: list[Key] = []
        if values.get("uuid"):
            keys.append(("uuid", values["uuid"]))
        natural = self.natural_key(values)
        if natural is not None:
            keys.append(("key", *natural))
        return keys

    def natural_key(self, values: Mapping[str, Any]) -> Key | None:
        key = tuple(values.get(attr) for attr in self.natural)
        if not key or any(part is None or is_masked_value(part) for part in key):
            return None
        return key

    def key_text(self, key: Key) -> str:
        if key[0] == "uuid":
            return f"系统编号 {key[1]}"
        labels = [_label(self.registry, attr) for attr in self.natural]
        parts = [self._key_part(attr, value) for attr, value in zip(self.natural, key[1:], strict=True)]
        return "，".join(f"{label} {part}" for label, part in zip(labels, parts, strict=True))

    def _key_part(self, attr: str, value: Any) -> str:
        """A value of the natural key as a report shows it: an ID number masked (reports are shared)."""
        masks = _masks(self.registry)
        return shown(masks[attr](value) if attr in masks and isinstance(value, str) else value)

    def match(self, session: Session, verdicts: Sequence[RowVerdict]) -> dict[int, dict[str, Any]]:
        """The stored row of each verdict (by id()), by 系统编号 first, then by the natural key."""
        model = self.registry.model
        found: dict[int, dict[str, Any]] = {}
        with_uuid = [v for v in verdicts if v.values.get("uuid")]
        by_uuid = _fetch(session, self.registry, model.uuid, [v.values["uuid"] for v in with_uuid])
        for verdict in with_uuid:
            if (row := by_uuid.get((verdict.values["uuid"],))) is not None:
                found[id(verdict)] = row
        rest = [(v, k) for v in verdicts if id(v) not in found and (k := self.natural_key(v.values))]
        if rest and self.natural:
            columns = [getattr(model, attr) for attr in self.natural]
            by_key = _fetch(session, self.registry, columns, [k for _, k in rest])
            for verdict, key in rest:
                if (row := by_key.get(key)) is not None:
                    found[id(verdict)] = row
        return found

    def same(self, old: Any, new: Any) -> bool:
        if isinstance(old, float) and isinstance(new, float):
            return math.isclose(old, new, rel_tol=1e-9, abs_tol=1e-9)
        return bool(old == new)

    # A registry whose 状态 moves only by its use cases: the status of a new record, and why not otherwise.
    initial_status: str | None = None
    new_status_message = ""
    status_change_message = ""

    def check_new(self, verdict: RowVerdict, cell: Cell) -> None:
        """Rules of a row that creates a record."""
        if self.initial_status and verdict.values.get("status") not in (None, self.initial_status):
            cell(verdict, "status", self.new_status_message)

    def check_update(self, verdict: RowVerdict, stored: dict[str, Any], cell: Cell) -> None:
        """Rules of a row that changes a record (``verdict.values`` holds the changed fields only)."""
        if self.initial_status and "status" in verdict.values:
            cell(verdict, "status", self.status_change_message)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """Uniqueness beyond the key, against the database (and other rows of the file)."""

    # --- export and application ---------------------------------------------------------------------

    @property
    def derives(self) -> bool:
        """Whether :meth:`derive` fills columns (an export then reads rows, not plain columns)."""
        return type(self).derive is not TabularHooks.derive

    def derive(self, session: Session, rows: list[Row]) -> None:
        """Fill the derived columns (a looked-up name, a computed sum) of a chunk of stored rows."""

    def search_conditions(self, word: str, pattern: str, *, full_ids: bool) -> list[ColumnElement[bool]]:
        """Where else the registry's list finds a search ``word`` (``pattern``: it as a LIKE substring), beyond
        its own ``search`` columns: a name or number of a record it refers to. An ID number is found by a
        part of it only as :func:`db.masking.id_run_searchable` allows (``full_ids``: the user sees them)."""
        del word, pattern, full_ids
        return []

    def flag_condition(self, session: Session, flag: str) -> ColumnElement[bool]:
        """The condition of a named filter of the registry's list (:attr:`db.listing.ListFilter.flags`): what
        no equality on one column states (a station not yet rated, one that needs attention). ``session``
        is the list's own, for a condition that must read first. ValueError for a name the registry lacks."""
        del session
        raise ValueError(f"{self.registry.name} has no list filter {flag!r}")

    def view_count(self, session: Session, view: Any) -> int | None:
        """How many rows the registry's list shows with ``view`` (its filter), or None: the whole registry.
        The generic list's filter (:class:`db.listing.ListFilter`) is understood here; a registry with a list
        of its own overrides this."""
        if not isinstance(view, listing.ListFilter) or view == listing.ListFilter():
            return None
        return listing.count(session, self.registry, view)

    def view_rows(self, session: Session, view: Any, sort: Any, columns: list[Any],
                  chunk: int) -> Iterator[list[Row]] | None:
        """Chunks of the ``columns`` of the rows the list shows with ``view``, in its order; None: the whole
        registry in uuid order."""
        if not isinstance(view, listing.ListFilter) or view == listing.ListFilter():
            return None
        order = sort if isinstance(sort, listing.ListSort) else listing.ListSort()
        return _listed_rows(session, self.registry, view, order, columns, chunk)

    def extra_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        """Further sheets of an export (title, columns): a station's service logs."""
        return []

    def extra_sheet_rows(self, session: Session, index: int) -> Iterator[list[Row]]:
        """Chunks of the rows of extra sheet ``index``."""
        del session, index
        return iter(())

    def import_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        """Further sheets an import reads besides the registry's own (title, columns): a stations
        workbook's service logs and inspections. Their rows only add records."""
        return []

    def template_columns(self, fields: tuple[Field, ...]) -> tuple[Field, ...]:
        """The columns of the registry's own sheet in its blank template, of its writable ``fields``."""
        return fields

    def template_sheets(self) -> list[tuple[str, tuple[Field, ...], str]]:
        """The further sheets of the registry's blank template (title, columns, a hint on how its rows are
        filled): none unless a registry offers them (:meth:`importable_sheets` lists those it reads)."""
        return []

    def importable_sheets(self) -> list[tuple[str, tuple[Field, ...], str]]:
        """The further sheets an import reads, without the columns it never writes (系统编号, read-only)."""
        return [(title, tuple(f for f in fields if not f.readonly and f.attr != "uuid"), "")
                for title, fields in self.import_sheets()]

    def plan_sheets(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict],
                    sheets: Sequence[SheetSource]) -> list[SheetPlan]:
        """The verdicts of the further sheets' rows, given those of the registry's own sheet."""
        del session, actor, verdicts, sheets
        return []

    def apply_sheets(self, session: Session, actor: Actor, sheets: Sequence[SheetPlan], seq: int) -> dict[str, int]:
        """Write the further sheets' new rows, in the import's transaction after the registry's own;
        ``{sheet title: rows added}``."""
        del session, actor, sheets, seq
        return {}

    def new_records(self, session: Session, actor: Actor, records: list[dict[str, Any]],
                    rows: Sequence[RowVerdict]) -> Children:
        """Complete the new records of an import (numbers, search columns, status) and return the child rows
        they bring (a joining event, services)."""
        del session, actor, records, rows
        return []

    def updated(self, session: Session, record: Any, values: Mapping[str, Any]) -> None:
        """After an import changed ``record``: what follows from its changed ``values``."""


def _listed_rows(session: Session, registry: RegistrySpec, view: listing.ListFilter, sort: listing.ListSort,
                 columns: list[Any], chunk: int) -> Iterator[list[Row]]:
    """The rows of the generic list as shown, a page at a time."""

    def page(after: Any) -> tuple[list[str], Any]:
        found = listing.page(session, registry, view, sort, after, limit=chunk)
        return [row["uuid"] for row in found.rows], found.next_cursor

    return stored_rows.rows_by_pages(session, registry, columns, page)


def _label(registry: RegistrySpec, attr: str) -> str:
    try:
        return registry.field(attr).label
    except KeyError:
        return attr


@functools.cache
def _masks(registry: RegistrySpec) -> dict[str, masking.Mask]:
    return masking.column_masks(registry.fields)


def shown(value: Any) -> str:
    """A key's value as a message shows it."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _fetch(session: Session, registry: RegistrySpec, columns: Any, keys: Sequence[Key | str]) -> dict[Key, dict]:
    """Stored rows (with derived columns) whose ``columns`` equal one of ``keys``, by key tuple."""
    multi = isinstance(columns, list)
    target: ColumnElement[Any] = tuple_(*columns) if multi else columns
    names = [c.key for c in columns] if multi else [columns.key]
    unique = sorted({tuple(k) if isinstance(k, tuple) else (k,) for k in keys}, key=repr)
    result: dict[Key, dict] = {}
    for start in range(0, len(unique), CHUNK):
        part = unique[start:start + CHUNK]
        condition = target.in_(part if multi else [k[0] for k in part])
        for row in stored_rows.fetch(session, registry, condition):
            result[tuple(row[name] for name in names)] = row
    return result


def check_unique_numbers(session: Session, verdicts: Sequence[RowVerdict], attr: str, label: str, column: Any,
                          owner: Any, cell: Cell, *where: ColumnElement[bool]) -> None:
    """A number (会员编号, 证书编号) that another record holds, or an earlier row of the file, is an error."""
    wanted = [(v, v.values[attr]) for v in verdicts if v.values.get(attr)]
    taken = dict(in_chunks(session, lambda part: select(column, owner).where(column.in_(part), *where),
                            [number for _, number in wanted]))
    first: dict[str, int] = {}
    for verdict, number in wanted:
        holder = taken.get(number)
        if holder is not None and holder != verdict.uuid:
            cell(verdict, attr, f"{label} {number} 已被使用")
        elif number in first:
            cell(verdict, attr, f"{label} {number} 与第{first[number]}行重复")
        else:
            first[number] = verdict.row_no
