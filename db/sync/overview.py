"""What the 同步 tab shows: per peer office, where the exchange of batches stands; and the recent batches.

A *peer* is an office this office exchanges batches with. A district's peers are the offices it knows
(its sub-districts, the ``offices`` rows other than itself); a sub-district's are its district (the parent).
Either way any office seen in a batch, sent or received, or whose public key is trusted, is a peer too.

Everything is read in a handful of grouped queries over ``sync_batches``, ``sync_conflicts``, ``offices``
and the trusted keys in ``settings`` — never row by row over a registry table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Office, Setting, SyncBatch, SyncConflict
from db.offices import this_office
from db.sync.keys import TRUSTED_KEY_PREFIX, KeyFileError, PublicKeys

__all__ = ["BatchLine", "OfficeSync", "SeqAt", "missing_text", "office_overview", "recent_batches"]

IN, OUT = "in", "out"
DIRECTION_LABELS = {OUT: "发出", IN: "收到"}
KIND_LABELS = {"delta": "增量", "full": "全量"}
STATUS_LABELS = {"written": "已生成", "imported": "已导入", "held": "暂缓导入", "rejected": "已拒收"}


@dataclass(frozen=True)
class SeqAt:
    """A batch's number in its chain and when it was written (sent) or imported (received); UTC, naive."""

    seq: int
    at: dt.datetime | None


@dataclass(frozen=True)
class OfficeSync:
    """Where the exchange with one peer office stands.

    ``key_fingerprint`` is None while its public key is not trusted; ``held`` are the numbers of its batches
    waiting for a missing one, ``missing`` the numbers between the last imported batch and the held ones.
    """

    code: str
    name: str
    level: str
    key_fingerprint: str | None
    last_in: SeqAt | None
    held: tuple[int, ...]
    missing: tuple[int, ...]
    last_out: SeqAt | None
    open_conflicts: int

    @property
    def missing_text(self) -> str:
        """"缺第5、6批", or "" when nothing is missing."""
        return missing_text(self.missing)


@dataclass(frozen=True)
class BatchLine:
    """One batch sent or received, as the batch list shows it."""

    uuid: str
    direction: str  # in / out
    direction_label: str
    peer_code: str
    peer_name: str
    seq: int
    kind_label: str
    status: str
    status_label: str
    at: dt.datetime | None  # written (sent), imported or, for a held batch, created by its sender; UTC
    rows: int
    file_name: str


def missing_text(numbers: tuple[int, ...] | list[int]) -> str:
    """Runs of three or more are shortened: (5, 6) → "缺第5、6批", (5, 6, 7, 9) → "缺第5至7、9批"."""
    if not numbers:
        return ""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{run[0]}至{run[-1]}" if len(run) >= 3 else "、".join(map(str, run)) for run in runs]
    return f"缺第{'、'.join(parts)}批"


def office_overview(session: Session) -> list[OfficeSync]:
    """One entry per peer office: a district's sub-districts first by code, a sub-district's district first."""
    me = this_office(session)
    known = {office.code: office for office in session.scalars(select(Office).where(Office.code != me.code))}
    fingerprints, key_names = _trusted(session)
    last_in = _last(session, IN)
    last_out = _last(session, OUT)
    held = _held(session)
    conflicts = _open_conflicts(session)
    peers = set(fingerprints) | set(last_in) | set(last_out) | set(held) | set(conflicts)
    if me.level == "district":
        peers |= set(known)
    elif me.parent_code:
        peers.add(me.parent_code)
    peers.discard(me.code)
    found = []
    for code in peers:
        office = known.get(code)
        name = office.name if office is not None else key_names.get(code, code)
        level = office.level if office is not None else ""
        waiting = tuple(sorted(held.get(code, ())))
        found.append(OfficeSync(code, name, level, fingerprints.get(code), last_in.get(code), waiting,
                                _gaps(last_in.get(code), waiting), last_out.get(code), conflicts.get(code, 0)))
    first = me.parent_code if me.level != "district" else None
    found.sort(key=lambda o: (o.code != first, o.level != ("subdistrict" if first is None else "district"), o.code))
    return found


def _trusted(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    """The fingerprints and the names (as their key files give them) of the trusted offices, by code."""
    rows = session.execute(select(Setting.key, Setting.value)
                           .where(Setting.key.startswith(TRUSTED_KEY_PREFIX, autoescape=True))).all()
    fingerprints, names = {}, {}
    for key, value in rows:
        code = key.removeprefix(TRUSTED_KEY_PREFIX)
        try:
            public = PublicKeys.from_json(value, source=f"已信任的 {code} 公钥")
        except KeyFileError:
            continue  # a damaged entry is reported where it is used (the import); here: not trusted
        fingerprints[code], names[code] = public.fingerprint, public.office_name
    return fingerprints, names


def _last(session: Session, direction: str) -> dict[str, SeqAt]:
    """Per peer, the last batch imported from it (``in``) or written to it (``out``)."""
    peer = SyncBatch.sender_code if direction == IN else SyncBatch.recipient_code
    status = "imported" if direction == IN else "written"
    last = (select(peer.label("peer"), func.max(SyncBatch.seq).label("seq"))
            .where(SyncBatch.direction == direction, SyncBatch.status == status)
            .group_by(peer).subquery())
    at = func.coalesce(SyncBatch.processed_at, SyncBatch.created_at) if direction == IN else SyncBatch.created_at
    rows = session.execute(
        select(last.c.peer, last.c.seq, at)
        .join(SyncBatch, (peer == last.c.peer) & (SyncBatch.seq == last.c.seq))
        .where(SyncBatch.direction == direction, SyncBatch.status == status)).all()
    return {code: SeqAt(seq, _as_datetime(moment)) for code, seq, moment in rows}


def _as_datetime(value: Any) -> dt.datetime | None:
    """coalesce() over two DateTime columns may come back as SQLite's text."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _held(session: Session) -> dict[str, list[int]]:
    held: dict[str, list[int]] = defaultdict(list)
    for code, seq in session.execute(select(SyncBatch.sender_code, SyncBatch.seq)
                                     .where(SyncBatch.direction == IN, SyncBatch.status == "held")):
        held[code].append(seq)
    return held


def _open_conflicts(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(SyncBatch.sender_code, func.count(SyncConflict.uuid))
        .join(SyncBatch, SyncBatch.uuid == SyncConflict.batch_uuid)
        .where(SyncConflict.status == "open").group_by(SyncBatch.sender_code)).all()
    return {code: int(n) for code, n in rows}


def _gaps(last_in: SeqAt | None, held: tuple[int, ...]) -> tuple[int, ...]:
    if not held:
        return ()
    start = (last_in.seq if last_in is not None else 0) + 1
    waiting = set(held)
    return tuple(n for n in range(start, max(held)) if n not in waiting)


def recent_batches(session: Session, limit: int = 200) -> list[BatchLine]:
    """The last ``limit`` batches sent or received, newest first."""
    names: dict[str, str] = {code: name for code, name in session.execute(select(Office.code, Office.name))}
    moment = func.coalesce(SyncBatch.processed_at, SyncBatch.created_at)
    rows = session.scalars(select(SyncBatch).order_by(moment.desc(), SyncBatch.seq.desc()).limit(limit))
    lines = []
    for batch in rows:
        peer = batch.recipient_code if batch.direction == OUT else batch.sender_code
        lines.append(BatchLine(
            uuid=batch.uuid, direction=batch.direction,
            direction_label=DIRECTION_LABELS.get(batch.direction, batch.direction),
            peer_code=peer, peer_name=names.get(peer, peer), seq=batch.seq,
            kind_label=KIND_LABELS.get(batch.kind, batch.kind), status=batch.status,
            status_label=STATUS_LABELS.get(batch.status, batch.status),
            at=batch.processed_at or batch.created_at, rows=batch_rows(batch.counts),
            file_name=_base_name(batch.file_name or "")))
    return lines


def table_counts(counts: str | None) -> dict[str, int]:
    """Rows per table of a batch, from its ``counts`` JSON: ``{table: rows}`` for a batch sent,
    ``{"tables": {table: rows}, "inserted": …}`` for one received."""
    try:
        document = json.loads(counts or "{}")
    except ValueError:
        return {}
    if not isinstance(document, dict):
        return {}
    nested = document.get("tables")
    tables: dict[str, Any] = nested if isinstance(nested, dict) else document
    return {str(t): n for t, n in tables.items() if isinstance(n, int) and not isinstance(n, bool)}


def batch_rows(counts: str) -> int:
    """The rows a batch carries, from its ``counts`` JSON (see :func:`table_counts`)."""
    return sum(table_counts(counts).values())


def _base_name(name: str) -> str:
    """A received batch keeps the full path it was read from; the list shows the file's name."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]
