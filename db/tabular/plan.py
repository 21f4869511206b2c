"""An import's plan: the verdict of every row of a table before anything is written (issue: Excel import).

:func:`plan_import` reads rows of raw cell values (``{field attr: cell}``, by the column mapping), cleans
every cell with the same rules as the forms, resolves references (the contest of an entry, the member of a
hardship file, the file of a payment), finds duplicates inside the file, matches each row with a stored
record — by 系统编号 when the sheet came from an export, else by the registry's natural key — and gives it
a verdict: ``new``, ``update`` (with the changed fields, old → new), ``unchanged``, or ``error`` with every
problem named by its cell ("C5 身份证号：校验位错误，应为X"). Nothing is written; :mod:`db.tabular.apply`
writes the accepted rows (new and update) in one transaction.

A masked cell (an export without full values: ``110101********1234``, a birth date ``1997-**-**`` beside
it) stands for "the stored value": it is fine on a row matched by 系统编号 and an error anywhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from db import masking
from db.auth import Actor, require
from db.errors import ValidationError
from db.fields import MASK_CHAR, Masked
from db.registry import RegistrySpec
from db.registry import registry as registry_named
from db.store import Store
from db.tabular.hooks import TabularHooks

Progress = Callable[[str, int, int], None]
SourceRow = tuple[int, dict[str, Any]]
VERDICT_LABELS = {"new": "新增", "update": "更新", "unchanged": "无变化", "error": "错误"}



_PROGRESS_EVERY = 2000
_MATCH_CHUNK = 5000


class Values(MutableMapping[str, Any]):
    """The cleaned values of one row, compact: a plan holds 100,000 of them at once, and a dict of 25
    entries costs four times what this does. The key tuples are shared between rows (:class:`_Compactor`)."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: tuple[str, ...], values: list[Any]) -> None:
        self._keys, self._values = keys, values

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        try:
            self._values[self._keys.index(key)] = value
        except ValueError:
            self._keys = _shared_keys((*self._keys, key))
            self._values.append(value)

    def __delitem__(self, key: str) -> None:
        try:
            index = self._keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        self._keys = _shared_keys(self._keys[:index] + self._keys[index + 1:])
        del self._values[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


_KEY_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _shared_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    return _KEY_TUPLES.setdefault(keys, keys)


class _Compactor:
    """Makes :class:`Values` of row dicts, sharing equal values between rows where they repeat: value-list
    texts, dates, employers and unions recur on thousands of rows of a roster, names and numbers do not
    (sharing those would cost a dict entry each and save nothing)."""

    def __init__(self, repeating: frozenset[str]) -> None:
        self.shared: dict[Any, Any] = {}
        self.repeating = repeating

    def __call__(self, values: dict[str, Any]) -> Values:
        shared, repeating = self.shared, self.repeating
        return Values(_shared_keys(tuple(values)), [
            shared.setdefault(v, v) if k in repeating and type(v) in _SHAREABLE else v for k, v in values.items()])


_SHAREABLE = frozenset({str, dt.date})
# text fields that differ on every row
_UNIQUE_TEXT = frozenset({"name", "member_no", "card_no", "uuid", "remarks", "code", "entry_no", "case_no",
                          "certificate_no", "voucher_no", "address", "second_reward_note", "eligibility_notes"})


@dataclass(slots=True)
class RowVerdict:
    """What the import does with one sheet row; ``values`` are the cleaned stored values of its cells
    (of a changed row: the changed ones only)."""

    row_no: int
    verdict: str = "new"
    summary: str = ""
    messages: tuple[str, ...] = ()
    changes: Mapping[str, tuple[str, str]] = field(default_factory=lambda: _NO_CHANGES)
    values: MutableMapping[str, Any] = field(default_factory=dict)
    uuid: str | None = None  # the stored record matched (update, unchanged)
    rev: int | None = None

    def fail(self, message: str) -> None:
        self.verdict = "error"
        self.messages = (*self.messages, message)


_NO_CHANGES: Mapping[str, tuple[str, str]] = MappingProxyType({})


def _counts(rows: Iterable[RowVerdict]) -> dict[str, int]:
    counts = dict.fromkeys(VERDICT_LABELS, 0)
    for row in rows:
        counts[row.verdict] += 1
    return counts


@dataclass
class SheetSource:
    """A further sheet of the file a registry imports with its own (a station's logs): its rows of raw
    cells by field attr, and each attr's column letter."""

    title: str
    rows: Iterable[SourceRow]
    columns: dict[str, str]


@dataclass
class SheetPlan:
    """The verdicts of a further sheet's rows (new, unchanged or error: its rows add records, never
    change them); ``extra`` holds what applying them needs (the registry's hooks fill and read it)."""

    title: str
    rows: list[RowVerdict]
    columns: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what the preview says of the sheet beside its counts (what is not read)

    @property
    def counts(self) -> dict[str, int]:
        return _counts(self.rows)

    @property
    def accepted(self) -> list[RowVerdict]:
        return [row for row in self.rows if row.verdict in ("new", "update")]


@dataclass
class ImportPlan:
    """The verdicts of every row of one import, and what it needs to be applied.

    With further sheets (``sheets``: a stations workbook's logs and inspections) the file is imported whole
    or not at all: their rows name records of the first sheet, so one refused row anywhere stops it all."""

    registry: str
    rows: list[RowVerdict]
    columns: dict[str, str]  # field attr → column letter ("" for a value given once for every row)
    file_name: str = ""
    sheets: list[SheetPlan] = field(default_factory=list)
    whole: bool = False  # imported whole or not at all even without further sheets (a contest's score sheet)

    @property
    def counts(self) -> dict[str, int]:
        return _counts(self.rows)

    @property
    def accepted(self) -> list[RowVerdict]:
        return [row for row in self.rows if row.verdict in ("new", "update")]

    @property
    def errors(self) -> int:
        """The refused rows of every sheet."""
        return self.counts["error"] + sum(sheet.counts["error"] for sheet in self.sheets)

    @property
    def blocked(self) -> bool:
        """Whether nothing may be written: a refused row in a file imported whole."""
        return (bool(self.sheets) or self.whole) and self.errors > 0

    @property
    def can_apply(self) -> bool:
        """Whether applying the plan writes anything."""
        return not self.blocked and (bool(self.accepted) or any(sheet.accepted for sheet in self.sheets))


def plan_import(store: Store, actor: Actor, registry_name: str, source: Iterable[SourceRow],
                columns: dict[str, str], *, total: int = 0, progress: Progress | None = None,
                file_name: str = "", sheets: Sequence[SheetSource] = ()) -> ImportPlan:
    """The verdict of every row of ``source`` (sheet row number, ``{attr: cell value}``), and of every row
    of the further ``sheets`` the registry imports with it (:meth:`TabularHooks.plan_sheets`)."""
    require(actor, "records.write")
    registry = registry_named(registry_name)
    rules = registry.hooks()
    planner = _Planner(registry, rules, actor, columns)
    report = progress or (lambda _stage, _done, _total: None)
    verdicts = []
    for index, (row_no, cells) in enumerate(source, 1):
        verdicts.append(planner.clean(row_no, cells))
        if index % _PROGRESS_EVERY == 0:
            report("检查", index, total)
    report("检查", len(verdicts), len(verdicts))
    with store.transaction() as session:
        report("核对", 0, len(verdicts))
        rules.resolve(session, actor, [v for v in verdicts if v.verdict != "error"], planner.cell)
        planner.mark_file_duplicates(verdicts)
        for start in range(0, len(verdicts), _MATCH_CHUNK):  # in parts: the lookups' lists stay small
            part = verdicts[start:start + _MATCH_CHUNK]
            matched = rules.match(session, [v for v in part if v.verdict != "error"])
            for verdict in part:
                if verdict.verdict != "error":
                    planner.judge(verdict, matched.get(id(verdict)))
            report("核对", start + len(part), len(verdicts))
        rules.check_unique(session, actor, [v for v in verdicts if v.verdict in ("new", "update")], planner.cell)
        sheet_plans = rules.plan_sheets(session, actor, verdicts, sheets) if sheets else []
        report("核对", len(verdicts), len(verdicts))
    return ImportPlan(registry.name, verdicts, columns, file_name, sheet_plans)


class _Planner:
    """Cleaning, duplicate finding and comparison of rows: what every registry shares."""

    def __init__(self, registry: RegistrySpec, rules: TabularHooks, actor: Actor, columns: dict[str, str]) -> None:
        self.registry, self.rules, self.actor, self.columns = registry, rules, actor, columns
        self.mapped = [f for f in registry.fields if f.attr in columns and not f.readonly]
        self.by_label = {f.label: f.attr for f in registry.fields}
        self.field_attrs = frozenset(f.attr for f in registry.fields)
        self.compact = _Compactor(frozenset(
            f.attr for f in registry.fields if f.kind in ("choice", "coded", "date", "bool", "text")
            and f.attr not in _UNIQUE_TEXT))
        # what a masked export masks (sensitive numbers, a birth date beside an ID number): read back as "stored"
        self.masks = masking.column_masks(registry.fields)
        self.sensitive = frozenset(f.attr for f in self.mapped if f.attr in self.masks)
        table = registry.model.__table__  # type: ignore[attr-defined]
        self.not_null = frozenset(c.key for c in table.columns if not c.nullable)

    def cell(self, verdict: RowVerdict, attr_or_label: str, reason: str) -> None:
        """Record an error of ``verdict``'s row at the cell of a field (by attr or label)."""
        attr = attr_or_label if attr_or_label in self.columns else self.by_label.get(attr_or_label, "")
        label = self.registry.field(attr).label if attr in self.columns else attr_or_label
        letter = self.columns.get(attr)  # "" for a value given once for every row: no cell to name
        where = f"{letter}{verdict.row_no}" if letter else f"第{verdict.row_no}行"
        verdict.fail(f"{where} {label}：{reason}")

    def clean(self, row_no: int, cells: dict[str, Any]) -> RowVerdict:
        verdict = RowVerdict(row_no)
        values: dict[str, Any] = {}
        sensitive, clean_field = self.sensitive, self.rules.clean_field
        for fld in self.mapped:
            raw = cells.get(fld.attr)
            if fld.attr in sensitive and type(raw) is str and MASK_CHAR in raw:
                values[fld.attr] = Masked(str(raw).strip())
                continue
            try:
                values[fld.attr] = clean_field(fld, raw)
            except ValidationError as exc:
                self.cell(verdict, fld.attr, exc.reason)
        for fld in self.registry.fields:  # required fields with no column at all
            if fld.required and not fld.readonly and fld.attr not in self.columns:
                verdict.fail(f"第{row_no}行 {fld.label}：必须填写（文件中没有这一列）")
        if verdict.verdict != "error":
            try:
                self.rules.check_row(values)
            except ValidationError as exc:
                self.cell(verdict, exc.field, exc.reason)
        verdict.values = self.compact(values)
        verdict.summary = self.rules.summary(verdict.values)
        return verdict

    def mark_file_duplicates(self, verdicts: list[RowVerdict]) -> None:
        """The second row of the file with the same key (or 系统编号) as an earlier one is an error."""
        seen: dict[Any, int] = {}
        for verdict in verdicts:
            if verdict.verdict == "error":
                continue
            for key in self.rules.file_keys(verdict.values):
                if key in seen:
                    verdict.fail(f"第{verdict.row_no}行：与第{seen[key]}行重复（{self.rules.key_text(key)}）")
                    break
            else:
                for key in self.rules.file_keys(verdict.values):
                    seen[key] = verdict.row_no

    def judge(self, verdict: RowVerdict, stored: dict[str, Any] | None) -> None:
        values = verdict.values
        masked = [attr for attr, value in values.items() if isinstance(value, Masked)]
        if stored is None:
            for attr in masked:
                self.cell(verdict, attr, "已打码，无法作为新记录导入；请导出完整号码后再导入")
            if verdict.verdict != "error":
                self.rules.check_new(verdict, self.cell)
            return
        verdict.uuid, verdict.rev = stored["uuid"], stored["rev"]
        if stored["office_code"] != self.actor.office_code:
            verdict.fail(f"第{verdict.row_no}行：该记录属于其他单位（{stored['office_code']}），不能在本单位修改")
            return
        for attr in masked:
            if self._masked(attr, stored.get(attr)) == values.pop(attr).text:
                continue
            self.cell(verdict, attr, "已打码，且与系统中的值不符")
        if verdict.verdict == "error":
            return
        changed: dict[str, Any] = {}
        changes: dict[str, tuple[str, str]] = {}
        for attr, value in values.items():
            if attr == "uuid" or self.rules.same(stored.get(attr), value):
                continue
            if value is None and attr in self.not_null:
                continue  # an empty cell never clears a field that cannot be empty (状态, 就业形态 …)
            changed[attr] = value
            if attr in self.field_attrs:
                fld = self.registry.field(attr)
                changes[fld.label] = (self._text(fld, stored.get(attr)), self._text(fld, value))
        verdict.values = changed
        verdict.verdict = "update" if changes else "unchanged"
        if changes:
            verdict.changes = changes
            self.rules.check_update(verdict, stored, self.cell)

    def _masked(self, attr: str, value: Any) -> Any:
        return None if value is None else self.masks[attr](value)

    def _text(self, fld: Any, value: Any) -> str:
        """A value of a change as the report shows it: masked as in a masked export."""
        shown = self._masked(fld.attr, value) if fld.attr in self.masks else fld.to_cell(value, full=False)
        if shown is None:
            return ""
        return shown.isoformat() if hasattr(shown, "isoformat") else str(shown)


