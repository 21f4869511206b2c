"""Stamping and auditing of every write (design §3, §7).

Every session of the store carries the acting user in ``session.info["actor"]``. Before each flush this
module stamps registry rows (``rev``, ``updated_at``, ``updated_by``, ``sync_seq``, ``office_code``) and
appends one hash-chained audit entry per written row, so no use case can forget either. Bulk paths that
bypass the ORM call :func:`next_sync_seq` and :func:`append_audit` themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from db.auth import Actor
from db.errors import PermissionDenied
from db.ids import new_uuid
from db.models import AuditEntry, Counter, RegistryRow

GENESIS_HASH = "0" * 64
SYNC_SEQ = "sync_seq"


def utcnow() -> dt.datetime:
    """Now in UTC, without tzinfo: storage keeps UTC, the UI shows local time."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def next_sync_seq(conn: Connection) -> int:
    """Bump and return the database's write counter (one value per writing transaction)."""
    bumped = conn.execute(update(Counter).where(Counter.name == SYNC_SEQ).values(value=Counter.value + 1))
    if bumped.rowcount == 0:
        conn.execute(insert(Counter).values(name=SYNC_SEQ, value=1))
    return int(conn.execute(select(Counter.value).where(Counter.name == SYNC_SEQ)).scalar_one())


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def entry_hash(prev_hash: str, at: dt.datetime, actor: str, action: str, table: str,
               row_uuid: str | None, changes: str) -> str:
    payload = json.dumps([prev_hash, at.isoformat(), actor, action, table, row_uuid, changes],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def append_audit(conn: Connection, actor: str, entries: Iterable[tuple[str, str, str | None, dict[str, Any]]],
                 at: dt.datetime | None = None) -> None:
    """Append ``(action, table, row_uuid, changes)`` entries to the chained audit trail."""
    at = at or utcnow()
    prev = conn.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    prev = prev or GENESIS_HASH
    rows = []
    for action, table, row_uuid, changes in entries:
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True, default=jsonable)
        digest = entry_hash(prev, at, actor, action, table, row_uuid, text)
        rows.append({"at": at, "actor": actor, "action": action, "table_name": table,
                     "row_uuid": row_uuid, "changes": text, "prev_hash": prev, "hash": digest})
        prev = digest
    if rows:
        conn.execute(insert(AuditEntry), rows)


def verify_audit_chain(conn: Connection) -> int | None:
    """The id of the first audit entry whose hash does not follow from its predecessor, or None."""
    prev = GENESIS_HASH
    for row in conn.execute(select(AuditEntry).order_by(AuditEntry.id)).mappings():
        expected = entry_hash(prev, row["at"], row["actor"], row["action"], row["table_name"],
                              row["row_uuid"], row["changes"])
        if row["prev_hash"] != prev or row["hash"] != expected:
            return int(row["id"])
        prev = row["hash"]
    return None


def _column_values(obj: Any, redact: frozenset[str]) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {c.key: jsonable(getattr(obj, c.key)) for c in mapper.column_attrs if c.key not in redact}


def _changed_values(obj: Any, redact: frozenset[str]) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if attr.key in redact:  # say that it changed, never what it was
            changes[attr.key] = ["***", "***"]
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[attr.key] = [jsonable(old), jsonable(new)]
    return changes


class _Stamp:
    """What one flush stamps on its rows: the same time and (lazily) one sync_seq for all of them."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.now = utcnow()
        self._seq: int | None = session.info.get("sync_seq")

    def seq(self) -> int:
        if self._seq is None:
            self._seq = next_sync_seq(self.session.connection())
            self.session.info["sync_seq"] = self._seq  # one value per transaction
        return self._seq

    def apply(self, row: RegistryRow, *, new: bool) -> None:
        keep_rev = self.session.info.get("keep_rev", False)
        if new:
            row.uuid = row.uuid or new_uuid()
            row.office_code = row.office_code or self.actor.office_code
            row.deleted = bool(row.deleted)
            if not keep_rev or row.rev is None:
                row.rev = 1
        elif not keep_rev:
            row.rev = (row.rev or 0) + 1
        if not keep_rev or row.updated_at is None:
            row.updated_at = self.now
            row.updated_by = self.actor.username
        row.sync_seq = self.seq()


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    audited_new = [o for o in session.new if getattr(o, "__audited__", False)]
    audited_dirty = [o for o in session.dirty if getattr(o, "__audited__", False)
                     and session.is_modified(o, include_collections=False)]
    for obj in session.deleted:
        if isinstance(obj, RegistryRow):
            raise PermissionDenied("台账记录只能标记删除，不能物理删除。")
    if not audited_new and not audited_dirty:
        return
    actor: Actor | None = session.info.get("actor")
    if actor is None:
        raise PermissionDenied("没有操作人，不能写入。")
    stamp = _Stamp(session, actor)
    action_name = session.info.get("action")
    # why a use case writes (a correction of published results): kept beside old → new in each entry
    reason: str | None = session.info.get("audit_reason")
    entries: list[tuple[str, str, str | None, dict[str, Any]]] = []
    for obj in audited_new:
        if isinstance(obj, RegistryRow):
            stamp.apply(obj, new=True)
        elif getattr(obj, "uuid", "x") is None:
            obj.uuid = new_uuid()
        values = _column_values(obj, getattr(obj, "__audit_redact__", frozenset()))
        if reason is not None:
            values["reason"] = reason
        entries.append((action_name or "create", obj.__tablename__, getattr(obj, "uuid", None), values))
    for obj in audited_dirty:
        changes = _changed_values(obj, getattr(obj, "__audit_redact__", frozenset()))
        if not changes:
            continue
        if isinstance(obj, RegistryRow):
            stamp.apply(obj, new=False)
        default = "delete" if changes.get("deleted") == [False, True] else "update"
        if reason is not None:
            changes["reason"] = reason
        entries.append((action_name or default, obj.__tablename__, getattr(obj, "uuid", None), changes))
    append_audit(session.connection(), actor.username, entries, at=stamp.now)


def install(session_class: type[Session]) -> None:
    """Attach the stamping hook to a session class (done once by the store)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
