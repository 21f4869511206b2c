"""What a registry is (design §2), declared once in its package and read by every layer.

A :class:`RegistrySpec` is one registry as a clerk meets it by name — on the command line (``members``,
``entries``), as an Excel sheet, as a list: its main table's fields in the order of the paper form, the list's
columns, what search looks in, the form's groups, the forms it prints and the hooks its spreadsheet import
adds to the generic planner. Its child tables (a member's status history, a station's logs) are
:class:`TableSpec` s with fields of their own, so that a synced row of any table is checked, and a conflict
shown, with the same labels and rules.

The packages declare; this module only knows where they are (:data:`_PACKAGES`): adding a registry is a
package with a ``fields.py`` that exports ``SPECS`` and ``TABLES``, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from db.errors import ValidationError
from db.fields import Field
from db.models import RegistryRow

if TYPE_CHECKING:
    from db.tabular.hooks import TabularHooks

UUID_FIELD = Field("uuid", "系统编号", limit=36, synonyms=("系统ID", "记录编号（系统）"))
_PACKAGES = ("db.members.fields", "db.stations.fields", "db.contests.fields", "db.aid.fields")


ColumnsProblem = tuple[int, str, str]  # (row index, field label, what is wrong)
ColumnsCheck = Callable[[Mapping[str, Sequence[Any]]], "ColumnsProblem | None"]
# (connection, incoming rows as the batch has them, the stored row each replaces or None): the first row that
# may not be written given what is stored (a score of published results), as (row index, field label, why)
StoredCheck = Callable[[Any, Sequence[Mapping[str, Any]], Sequence["Mapping[str, Any] | None"]],
                       "ColumnsProblem | None"]


@dataclass(frozen=True)
class Clash:
    """An incoming row that would give one person a second open record across offices (一人多档): the row of
    the rule's ``subject`` table it belongs to (itself, or its parent), the stored subject rows of other offices
    it clashes with, and who the person is (for the explanation; ID numbers masked)."""

    subject: str
    others: tuple[str, ...]
    who: str


class AcrossOffices:
    """A registry's rule that a person has one open record across the offices of a district (a hardship
    file: 一户一档), checked by a batch import against what other offices have here. A row that breaks it is
    kept aside as a conflict a person settles side by side: both ``subject`` rows shown, one kept open (the
    other closed by :meth:`retire`) or both. Declared on a :class:`TableSpec` as ``across_offices``
    ("module:Class"), so that the generic sync code names no registry."""

    label: str = ""  # the conflict's name (一人多档)
    subject: str = ""  # the table whose rows are shown side by side and closed (aid_cases)
    closed: str = "关闭"  # what closing a subject row is called (注销)

    def clashes(self, conn: Any, rows: Sequence[Mapping[str, Any]]) -> list[Clash | None]:
        """For each incoming row (as the batch has it, parents already merged): its clash, or None."""
        raise NotImplementedError

    def is_open(self, row: Mapping[str, Any]) -> bool:
        """Whether a subject row (as stored) still counts for the rule."""
        raise NotImplementedError

    def retire(self, session: Any, actor: Any, row: Any, reason: str) -> list[str]:
        """Close the subject ``row`` (a model object) as a person settled it, inside the settlement's
        transaction; returns the uuids of the rows it added (a history step). The caller stamps ``row``'s rev."""
        raise NotImplementedError


@dataclass(frozen=True)
class TableSpec:
    """A table of a registry: its model, its Chinese name and its fields (those a person reads or types).

    ``check_columns`` holds the rules between the fields of stored rows that arrive from elsewhere (a synced
    batch), given a chunk column by column (``{attr: values}``); it returns the first row that breaks one.
    :func:`row_by_row` makes one of a rule that checks one row (raising ValidationError naming the field).
    ``check_stored`` holds the rules of such rows against what this database holds (runs in the merge's
    transaction, parents merged first, for the rows that would be written): a use case's refusal that a
    batch must not get round (scores changed on published results). ``across_offices`` names the table's
    :class:`AcrossOffices` rule: a row that gives a person a second open record under another office is
    kept aside as a conflict, not refused.
    """

    model: type[RegistryRow]
    label: str
    fields: tuple[Field, ...]
    check_columns: ColumnsCheck | None = None
    check_stored: StoredCheck | None = None
    across_offices: str = ""  # "module:Class" of its AcrossOffices rule (一人多档), imported when first asked

    @property
    def table_name(self) -> str:
        return str(self.model.__table__.name)  # type: ignore[attr-defined]

    def field(self, attr: str) -> Field:
        for item in self.fields:
            if item.attr == attr:
                return item
        raise KeyError(attr)

    def across_rule(self) -> AcrossOffices | None:
        """The table's rule of one open record per person across offices, or None."""
        return _across(self.across_offices) if self.across_offices else None

    def stored_fields(self) -> tuple[Field, ...]:
        """The fields that are columns of the table (not derived or looked up)."""
        columns = self.model.__table__.columns  # type: ignore[attr-defined]
        return tuple(f for f in self.fields if f.attr in columns and f.attr != "uuid")


def row_by_row(check_row: Callable[[Mapping[str, Any]], None]) -> ColumnsCheck:
    """A columns check that applies ``check_row`` to each row in turn (for tables of a few thousand rows)."""

    def check(columns: Mapping[str, Sequence[Any]]) -> ColumnsProblem | None:
        keys = list(columns)
        for index, values in enumerate(zip(*(columns[k] for k in keys), strict=True)):
            try:
                check_row(dict(zip(keys, values, strict=True)))
            except ValidationError as exc:
                return index, exc.field, exc.reason
        return None

    return check


@dataclass(frozen=True)
class ListColumn:
    """A column of the registry's list: the field it shows, its width in pixels, whether a header click sorts."""

    attr: str
    width: int = 100
    sortable: bool = True


@dataclass(frozen=True)
class RegistrySpec:
    """A registry as one table (a sheet, a list): ``name`` as on the command line, ``label`` for people.

    ``fields`` are the sheet's columns in order (ending with 系统编号); ``sheet_title`` names an exported
    sheet; ``list_columns`` and ``search`` describe its list; ``form_groups`` the form's titled groups of
    fields; ``forms`` the printed forms (by command-line name) that take its records; ``tabular`` returns
    the hooks its spreadsheet import adds (imported when first asked, so that a spec stays a declaration).
    """

    name: str
    label: str
    table: TableSpec
    sheet_title: str
    fields: tuple[Field, ...] = ()
    list_columns: tuple[ListColumn, ...] = ()
    search: tuple[str, ...] = ()
    form_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    forms: tuple[str, ...] = ()
    children: tuple[TableSpec, ...] = ()
    tabular_hooks: str = ""  # "module:Class" of its TabularHooks
    tab: str = ""  # the title of the registry's tab in the main window (design §8); "": no tab

    @property
    def model(self) -> type[RegistryRow]:
        return self.table.model

    @property
    def table_name(self) -> str:
        return self.table.table_name

    def field(self, attr: str) -> Field:
        for item in self.fields:
            if item.attr == attr:
                return item
        raise KeyError(attr)

    @property
    def writable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.readonly and f.attr != "uuid")

    @property
    def sensitive(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sensitive)

    def hooks(self) -> TabularHooks:
        return _hooks(self.name)


@cache
def _declared() -> tuple[tuple[RegistrySpec, ...], tuple[TableSpec, ...]]:
    specs: list[RegistrySpec] = []
    tables: list[TableSpec] = []
    for name in _PACKAGES:
        module = import_module(name)
        specs.extend(module.SPECS)
        tables.extend(module.TABLES)
    return tuple(specs), tuple(tables)


def registries() -> dict[str, RegistrySpec]:
    """Every registry by its command-line name, in the order of the tabs."""
    return {spec.name: spec for spec in _declared()[0]}


def tabbed() -> list[RegistrySpec]:
    """The registries with a tab of their own, in the order of the tabs."""
    return [spec for spec in _declared()[0] if spec.tab]


def registry(name: str) -> RegistrySpec:
    """The registry called ``name`` on the command line; ValueError with the valid names otherwise."""
    found = registries().get(name)
    if found is None:
        raise ValueError(f"没有名为“{name}”的台账，可选：{'、'.join(registries())}")
    return found


def table_specs() -> dict[str, TableSpec]:
    """Every table of every registry (main and child tables) by table name."""
    return {table.table_name: table for table in _declared()[1]}


def table_label(name: str) -> str:
    """The Chinese name of table ``name``, or the name itself for a table not declared (a newer program's)."""
    table = table_specs().get(name)
    return table.label if table is not None else _OTHER_TABLES.get(name, name)


_OTHER_TABLES = {"offices": "单位", "sync_conflicts": "同步冲突"}


@cache
def _across(path: str) -> AcrossOffices:
    module_name, _, class_name = path.partition(":")
    rule: AcrossOffices = getattr(import_module(module_name), class_name)()
    return rule


@cache
def _hooks(name: str) -> TabularHooks:
    module_name, _, class_name = registry(name).tabular_hooks.partition(":")
    hooks: TabularHooks = getattr(import_module(module_name), class_name)(registry(name))
    return hooks
