"""Writing an accepted import plan: every new and changed row in one transaction, or none.

New rows go through the bulk path (:func:`db.bulk.bulk_insert`: one statement per ten thousand rows, stamped
and audited per call); changed rows through the ORM, so that each gets its own audit entry with the fields
old → new. Before anything is written the plan is checked against the database again: a record changed
or created by someone else since the preview stops the whole import with a message naming the row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.bulk import CHUNK_ROWS, bulk_insert
from db.errors import ValidationError
from db.ids import uuid_batch
from db.models import RegistryRow
from db.registry import RegistrySpec
from db.registry import registry as registry_named
from db.store import Store
from db.tabular.plan import ImportPlan, RowVerdict
from db.writes import append_audit, next_sync_seq

Progress = Callable[[str, int, int], None]
ACTION = "import_xlsx"
_CHUNK = 500


def apply_plan(store: Store, actor: Actor, plan: ImportPlan, progress: Progress | None = None) -> dict[str, int]:
    """Write the plan's new and changed rows; return ``{"new": n, "update": m}`` and, for a plan with
    further sheets, ``{sheet title: rows added}`` too. A plan with further sheets and a refused row in any
    sheet writes nothing (ValidationError)."""
    require(actor, "records.write")
    if plan.blocked:
        raise ValidationError("导入", f"有 {plan.errors} 行未通过检查，整个文件都没有导入；请改正后重新导入")
    registry = registry_named(plan.registry)
    report = progress or (lambda _stage, _done, _total: None)
    new = [row for row in plan.rows if row.verdict == "new"]
    changed = [row for row in plan.rows if row.verdict == "update"]
    with store.transaction(actor, action=ACTION) as session:
        _recheck(session, registry, new, changed)
        conn = session.connection()
        seq = next_sync_seq(conn)
        session.info["sync_seq"] = seq  # the ORM's updates share the bulk rows' sync_seq
        total = len(new) + len(changed)
        report("写入", 0, total)
        _insert(session, conn, registry, actor, new, seq, lambda done: report("写入", done, total))
        for done, start in enumerate(range(0, len(changed), _CHUNK), 1):
            _update(session, registry, changed[start:start + _CHUNK])
            report("写入", len(new) + min(done * _CHUNK, len(changed)), len(new) + len(changed))
        session.flush()
        added = registry.hooks().apply_sheets(session, actor, plan.sheets, seq) if plan.sheets else {}
        session.flush()
        append_audit(conn, actor.username, [(ACTION, registry.table_name, None, {
            "registry": registry.name, "file": plan.file_name, "new": len(new), "update": len(changed),
            **({"sheets": added} if added else {})})])
    return {"new": len(new), "update": len(changed), **added}


def _recheck(session: Session, registry: RegistrySpec, new: list[RowVerdict], changed: list[RowVerdict]) -> None:
    """Refuse the import if a matched record changed, or a new row's record appeared, since the preview."""
    model = registry.model
    revs: dict[str, int] = {}
    uuids = [row.uuid for row in changed if row.uuid]
    for start in range(0, len(uuids), _CHUNK):
        revs.update(session.execute(select(model.uuid, model.rev).where(
            model.uuid.in_(uuids[start:start + _CHUNK]), model.deleted.is_(False))).all())
    for row in changed:
        if revs.get(row.uuid or "") != row.rev:
            raise ValidationError("导入", f"第{row.row_no}行的记录在预览之后被修改或删除了，请重新预览后再导入")
    appeared = registry.hooks().match(session, new)
    if appeared:
        first = min((row for row in new if id(row) in appeared), key=lambda r: r.row_no)
        raise ValidationError("导入", f"第{first.row_no}行的记录在预览之后已被他人录入，请重新预览后再导入")


def _columns(model: type[RegistryRow], values: Mapping[str, Any]) -> dict[str, Any]:
    """The values that are columns of ``model``; an empty cell leaves a NOT NULL column its default."""
    table = model.__table__  # type: ignore[attr-defined]
    return {key: value for key, value in values.items()
            if key in table.columns and key != "uuid" and (value is not None or table.columns[key].nullable)}


def _insert(session: Session, conn: Connection, registry: RegistrySpec, actor: Actor, rows: list[RowVerdict],
            seq: int, progress: Callable[[int], None]) -> None:
    """New rows, ten thousand at a time: their column dicts are built per chunk, not all at once."""
    for start in range(0, len(rows), CHUNK_ROWS):
        _insert_chunk(session, conn, registry, actor, rows[start:start + CHUNK_ROWS], seq)
        progress(min(start + CHUNK_ROWS, len(rows)))


def _insert_chunk(session: Session, conn: Connection, registry: RegistrySpec, actor: Actor, rows: list[RowVerdict],
                  seq: int) -> None:
    records = [_columns(registry.model, row.values) for row in rows]
    uuids = uuid_batch(len(records))
    for record, uuid in zip(records, uuids, strict=True):
        record["uuid"] = uuid
    children = registry.hooks().new_records(session, actor, records, rows)
    bulk_insert(conn, registry.model, records, actor, sync_seq=seq, audit_action=ACTION)
    for model, child_rows in children:
        bulk_insert(conn, model, child_rows, actor, sync_seq=seq, audit_action=ACTION)


def _update(session: Session, registry: RegistrySpec, rows: list[RowVerdict]) -> None:
    model = registry.model
    hooks = registry.hooks()
    objects = {obj.uuid: obj for obj in session.scalars(select(model).where(model.uuid.in_(
        [row.uuid for row in rows])))}
    for row in rows:
        obj = objects[row.uuid or ""]
        for key, value in _columns(model, row.values).items():
            setattr(obj, key, value)
        hooks.updated(session, obj, row.values)
