"""统一填写: one value for a field that no column of the file fills, given to every row — the 入会日期 of a
集中入会 roster (the date of the joining event), the 竞赛名称 of a list of entries, the 发放日期 of payments.

The importer turns such a value into a column every row has (:func:`.importer.plan`), so the planner cleans
and checks it row by row like any cell: a 入会日期 before one member's birth is an error of that row. This
module says which fields may take one value (:func:`may_fill`), which texts a value list offers
(:func:`choices`), and checks the values given, in the wizard (:func:`check_values`) or on the command line
(:func:`from_assignments`, ``--set 入会日期=2026-12-01``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from db import reference
from db.errors import ValidationError
from db.fields import Field
from db.registry import RegistrySpec
from desktop.documents.excel.mapping import field_named, targets


def may_fill(registry: RegistrySpec, fld: Field) -> bool:
    """Whether one value for every row makes sense for ``fld``: not 系统编号, not a personal number (ID,
    phone, bank account), not a value each record has its own of (a name, a member number), not the one field
    that tells the registry's records apart (a station's 编号) — but a part of a longer key may (the 发放日期 of
    payments told apart by file, kind, date and amount)."""
    return (fld in targets(registry) and fld.attr != "uuid" and not fld.sensitive and not fld.per_record
            and registry.hooks().natural != (fld.attr,))


def fillable(registry: RegistrySpec) -> tuple[Field, ...]:
    """The fields of ``registry`` that may take one value for every row, in the registry's order."""
    return tuple(f for f in targets(registry) if may_fill(registry, f))


def choices(fld: Field) -> list[str] | None:
    """The texts a cell of ``fld`` may hold when it has a value list (what a drop-down offers), else None."""
    if fld.kind in ("choice", "coded"):
        return reference.values(fld.choices or "")
    if fld.kind == "bool":
        return ["是", "否"]
    return None


def check_values(registry: RegistrySpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` (field attr → what a cell would hold), each checked by the cleaner of its field's cells;
    returned as given, since every row cleans them again next to its own cells. Raises ValidationError
    naming the field."""
    rules = registry.hooks()
    for attr, value in values.items():
        fld = registry.field(attr)
        if not may_fill(registry, fld):
            raise ValidationError(fld.label, "每一行各不相同，不能统一填写")
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError(fld.label, "统一填写的值不能为空")
        rules.clean_field(fld, value)
    return dict(values)


def from_assignments(registry: RegistrySpec, texts: Sequence[str]) -> dict[str, str]:
    """``["入会日期=2026-12-01", …]`` (``--set``, repeatable) → ``{attr: text}``, checked as by
    :func:`check_values`; the name before "=" is a label or a synonym, as a header would be."""
    values: dict[str, str] = {}
    for text in texts:
        name, equals, value = text.partition("=")
        if not equals or not name.strip():
            raise ValidationError("--set", f"应写成“字段=值”，例如“入会日期=2026-12-01”（现为“{text}”）")
        fld = field_named(registry, name)
        if fld is None:
            labels = "、".join(f.label for f in fillable(registry))
            raise ValidationError("--set", f"没有名为“{name.strip()}”的字段，可以统一填写的有：{labels}")
        if fld.attr in values:
            raise ValidationError(fld.label, "统一填写了两次")
        values[fld.attr] = value.strip()
    return check_values(registry, values)
