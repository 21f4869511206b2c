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
from db.members import next_member_no
from db.models import AidCaseStep, MemberEvent, RegistryRow, StationService
from db.pinyin import pinyin_columns
from db.store import Store
from db.tabular.plan import ImportPlan, RowVerdict
from db.tabular.registries import Registry
from db.tabular.registries import registry as registry_named
from db.tabular.rules import RULES
from db.writes import append_audit, next_sync_seq, utcnow

Progress = Callable[[str, int, int], None]
ACTION = "import_xlsx"
_CHUNK = 500


def apply_plan(store: Store, actor: Actor, plan: ImportPlan, progress: Progress | None = None) -> dict[str, int]:
    """Write the plan's new and changed rows; return ``{"new": n, "update": m}``."""
    require(actor, "records.write")
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
        append_audit(conn, actor.username, [(ACTION, registry.table_name, None, {
            "registry": registry.name, "file": plan.file_name, "new": len(new), "update": len(changed)})])
    return {"new": len(new), "update": len(changed)}


def _recheck(session: Session, registry: Registry, new: list[RowVerdict], changed: list[RowVerdict]) -> None:
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
    appeared = RULES[registry.name].match(session, new)
    if appeared:
        first = min((row for row in new if id(row) in appeared), key=lambda r: r.row_no)
        raise ValidationError("导入", f"第{first.row_no}行的记录在预览之后已被他人录入，请重新预览后再导入")


def _columns(model: type[RegistryRow], values: Mapping[str, Any]) -> dict[str, Any]:
    """The values that are columns of ``model``; an empty cell leaves a NOT NULL column its default."""
    table = model.__table__  # type: ignore[attr-defined]
    return {key: value for key, value in values.items()
            if key in table.columns and key != "uuid" and (value is not None or table.columns[key].nullable)}


def _insert(session: Session, conn: Connection, registry: Registry, actor: Actor, rows: list[RowVerdict],
            seq: int, progress: Callable[[int], None]) -> None:
    """New rows, ten thousand at a time: their column dicts are built per chunk, not all at once."""
    numbers = _MemberNumbers(session, actor.office_code) if registry.name == "members" else None
    for start in range(0, len(rows), CHUNK_ROWS):
        _insert_chunk(session, conn, registry, actor, rows[start:start + CHUNK_ROWS], seq, numbers)
        progress(min(start + CHUNK_ROWS, len(rows)))


def _insert_chunk(session: Session, conn: Connection, registry: Registry, actor: Actor, rows: list[RowVerdict],
                  seq: int, numbers: _MemberNumbers | None) -> None:
    records = [_columns(registry.model, row.values) for row in rows]
    uuids = uuid_batch(len(records))
    for record, uuid in zip(records, uuids, strict=True):
        record["uuid"] = uuid
    if numbers is not None:
        extra = _new_members(numbers, records)
    else:
        children = _NEW_ROWS.get(registry.name)
        extra = children(session, actor, records, rows) if children else []
    bulk_insert(conn, registry.model, records, actor, sync_seq=seq, audit_action=ACTION)
    for model, child_rows in extra:
        bulk_insert(conn, model, child_rows, actor, sync_seq=seq, audit_action=ACTION)


Children = list[tuple[type[RegistryRow], list[dict[str, Any]]]]


def _new_members(counter: _MemberNumbers, records: list[dict[str, Any]]) -> Children:
    events = []
    for record in records:
        record["name_pinyin"], record["name_initials"] = pinyin_columns(record["name"])
        record["member_no"] = record.get("member_no") or counter.next()
        record["status"] = "active"
        events.append({"member_uuid": record["uuid"], "kind": "join", "on_date": record["joined_on"],
                       "from_status": None, "to_status": "active", "reason": "Excel导入"})
    return [(MemberEvent, events)]


class _MemberNumbers:
    """Free member numbers for new members without one, after the office's highest."""

    def __init__(self, session: Session, office_code: str) -> None:
        first = next_member_no(session, office_code)
        self.prefix, self.counter = first[:-6], int(first[-6:])

    def next(self) -> str:
        number = f"{self.prefix}{self.counter:06d}"
        self.counter += 1
        return number


def _new_stations(session: Session, actor: Actor, records: list[dict[str, Any]], rows: list[RowVerdict]) -> Children:
    del session, actor
    services = []
    for record, row in zip(records, rows, strict=True):
        for name in (row.values.get("services") or "").split("、"):
            if name:
                services.append({"station_uuid": record["uuid"], "name": name})
    return [(StationService, services)]


def _new_cases(session: Session, actor: Actor, records: list[dict[str, Any]], rows: list[RowVerdict]) -> Children:
    del session, rows
    now = utcnow()
    steps = []
    for record in records:
        record["filed_by"] = actor.username
        record["status"] = "applied"
        steps.append({"case_uuid": record["uuid"], "step": "applied", "actor": actor.username, "at": now,
                      "note": "Excel导入"})
    return [(AidCaseStep, steps)]


_NEW_ROWS: dict[str, Callable[[Session, Actor, list[dict[str, Any]], list[RowVerdict]], Children]] = {
    "stations": _new_stations, "aid-cases": _new_cases,
}


def _update(session: Session, registry: Registry, rows: list[RowVerdict]) -> None:
    model = registry.model
    objects = {obj.uuid: obj for obj in session.scalars(select(model).where(model.uuid.in_(
        [row.uuid for row in rows])))}
    for row in rows:
        obj = objects[row.uuid or ""]
        for key, value in _columns(model, row.values).items():
            setattr(obj, key, value)
        if registry.name == "members" and "name" in row.values:
            obj.name_pinyin, obj.name_initials = pinyin_columns(row.values["name"])  # type: ignore[attr-defined]
        if registry.name == "stations" and "services" in row.values:
            _replace_services(session, obj.uuid, row.values["services"])


def _replace_services(session: Session, station_uuid: str, joined: str | None) -> None:
    wanted = [name for name in (joined or "").split("、") if name]
    existing = {s.name: s for s in session.scalars(select(StationService).where(
        StationService.station_uuid == station_uuid))}
    for name, service in existing.items():
        service.deleted = name not in wanted
    for name in wanted:
        if name not in existing:
            session.add(StationService(station_uuid=station_uuid, name=name))

