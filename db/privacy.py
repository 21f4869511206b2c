"""The one way to see a record's masked values in full (design §7): :func:`reveal`, for a role with
``sensitive.full``, asked for by the user, one audit entry per view naming the record and the fields.

Which values are masked is :mod:`db.masking`'s rule over the registry's declared fields (the sensitive ones,
and a birth date beside an ID number). Every list shows them masked, whoever looks;
a form shows them masked until the user asks. A hardship file, whose values sit in more than one table, has
its own :func:`db.aid.privacy.reveal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db import masking
from db.auth import Actor, require
from db.errors import ValidationError
from db.records import live
from db.registry import RegistrySpec
from db.store import Store
from db.writes import append_audit

FULL = "sensitive.full"
ACTION = "reveal"
FIELD_LABEL = "敏感字段"


def masked_attrs(spec: RegistrySpec) -> list[str]:
    """The fields of a registry's record that are shown masked, in declaration order."""
    masks = masking.column_masks(spec.fields)
    return [f.attr for f in spec.fields if f.attr in masks]


def reveal(store: Store, actor: Actor, spec: RegistrySpec, uuid: str, attrs: Sequence[str]) -> dict[str, Any]:
    """The full values of the masked fields ``attrs`` (attribute names or labels) of record ``uuid`` of
    ``spec``, for a user allowed full values. Writes one audit entry: who, when, which record, which fields."""
    require(actor, FULL)
    masked = masked_attrs(spec)
    wanted = []
    for name in attrs:
        attr = next((a for a in masked if name in (a, spec.field(a).label)), None)
        if attr is None:
            raise ValidationError(FIELD_LABEL, f"“{name}”不是{spec.table.label}的隐藏字段，无需单独查看")
        wanted.append(attr)
    with store.transaction(actor, action=ACTION) as session:
        record = live(session, spec.model, uuid, spec.table.label)
        values = {attr: getattr(record, attr) for attr in wanted}
        append_audit(session.connection(), actor.username, [(ACTION, spec.table.table_name, record.uuid, {
            "fields": wanted, "labels": [spec.field(a).label for a in wanted]})])
    return values
