"""Importing batch files: verification, the per-sender sequence, and one transaction per batch (design §5).

:func:`import_batches` takes the files a clerk picked, in any order. It reads their manifests, sorts them by
sender and ``seq`` (so a set of batches imports the same whatever order it was given in) and adds the batches
held earlier whose files are still where they were. Then, batch by batch:

* :func:`~db.sync.batchfile.open_batch` verifies everything (signature by a trusted sender, recipient,
  decryption, checksums); any BatchRejected leaves the database untouched and is raised to the caller;
* the sequence from that sender to this office decides, against the last batch imported from it:
  the same batch again (same batch id, or same ``seq`` and file hash) is a *duplicate* and changes nothing;
  ``seq`` = last + 1 whose ``prev_sha256`` names the last batch's hash is imported; a later ``seq`` is
  *held* — recorded, reported as "缺少…第n批", imported once the missing batch arrives — unless
  ``accept_gap``; a batch whose gap was accepted may still arrive late and is imported (its stale rows are
  skipped by ``rev``); another file under an imported ``seq``, or a broken chain, is refused;
* the rows are merged by :mod:`db.sync.merge_rows`, and the SyncBatch (``in``, ``imported``) and one audit
  entry are written, all in one transaction — on SQLite with ``synchronous=FULL``, so an import that was
  reported done survives a power cut.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.models import REGISTRY_MODELS, Office, SyncBatch
from db.models.system import OFFICE_LEVELS
from db.offices import this_office
from db.store import Store, UnionDeskSession
from db.sync import keys
from db.sync.batchfile import BatchRejected, Manifest, OpenedBatch, open_batch, read_manifest
from db.sync.merge_rows import RowMerger, registry_table, table_of
from db.writes import append_audit, next_sync_seq, utcnow

__all__ = ["DUPLICATE", "HELD", "IMPORTED", "ImportResult", "import_batches"]

IMPORTED, DUPLICATE, HELD = "imported", "duplicate", "held"
IN = "in"
Progress = Callable[[str, int, int], None]
_CACHE_SIZE = -64 * 1024  # KiB


@dataclass(frozen=True)
class ImportResult:
    """What became of one batch file: ``status`` is imported, duplicate or held; ``message`` is for the clerk."""

    path: Path
    sender: str
    seq: int
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    message: str = ""


@dataclass(frozen=True)
class _Here:
    """This office and what opening a batch for it needs."""

    code: str
    level: str
    data: Path | None


@dataclass(frozen=True)
class _Queued:
    path: Path
    manifest: Manifest
    given: bool  # named by the caller (else a batch held by an earlier import, tried again)


def import_batches(store: Store, actor: Actor, paths: Sequence[Path], *, accept_gap: bool = False,
                   progress: Progress | None = None, data: Path | None = None) -> list[ImportResult]:
    """Import the batch files at ``paths``; one result per file, in the order they were imported.

    ``accept_gap``: import batches even though earlier ones of their sender are missing (a person decided
    so). ``progress(stage, done, total)`` reports rows merged per batch. ``data``: the data folder of this
    office's keys (default: the store's data folder). Raises BatchRejected, its ``path`` set, for a file that
    must not be imported; the batches before it in the sorted order stay imported.
    """
    require(actor, "records.write")
    with store.transaction() as session:
        office = this_office(session)
        here = _Here(office.code, office.level, data)
        held = _held_files(session, here.code)
    queue = [_Queued(path, _named(read_manifest, path), True) for path in paths]
    given = {item.manifest.batch_id for item in queue}
    queue += [_Queued(path, read_manifest(path), False) for path in held if _readable(path, given)]
    queue.sort(key=lambda item: (item.manifest.sender.code, item.manifest.seq, not item.given))
    results = []
    for item in queue:
        try:
            result = _import_one(store, actor, item.path, here, accept_gap=accept_gap, progress=progress)
        except BatchRejected as exc:
            if item.given:
                exc.path = item.path
                raise
            continue  # an earlier held file changed meanwhile: not what the clerk asked about
        if item.given or result.status == IMPORTED:
            results.append(result)
    return results


def _named(read: Callable[[Path], Manifest], path: Path) -> Manifest:
    """``read(path)``; a BatchRejected names the file, so that the clerk knows which of several it was."""
    try:
        return read(path)
    except BatchRejected as exc:
        exc.path = path
        raise


def _held_files(session: Session, me: str) -> list[Path]:
    names = session.scalars(select(SyncBatch.file_name).where(
        SyncBatch.direction == IN, SyncBatch.recipient_code == me, SyncBatch.status == HELD))
    return [Path(name) for name in names if name]


def _readable(path: Path, given: set[str]) -> bool:
    try:
        return path.is_file() and read_manifest(path).batch_id not in given
    except (BatchRejected, OSError):
        return False


def _import_one(store: Store, actor: Actor, path: Path, here: _Here, *, accept_gap: bool,
                progress: Progress | None) -> ImportResult:
    def sender_key(code: str) -> Any:
        trusted = keys.trusted(store, code)
        return None if trusted is None else trusted.signing

    opened = open_batch(path, my_office=here.code, sender_key=sender_key,
                        receiving_key=keys.load_or_create(here.code, here.data).receiving)
    manifest = opened.manifest
    if manifest.sender.code == here.code:
        raise BatchRejected("这是本单位自己发出的批次，不能导入")
    unknown = sorted(name for name in manifest.tables if registry_table(name) is None)
    if unknown:
        raise BatchRejected(f"批次含有本程序不认识的数据表 {'、'.join(unknown)}（双方程序版本可能不同），未导入")
    with _durable_transaction(store, actor) as session:
        status, missing = _check_sequence(session, opened, path, accept_gap)
        if status == DUPLICATE:
            return _result(path, manifest, DUPLICATE, {}, "已导入过，未作改动")
        if missing is not None:
            _record_held(session, actor, opened, path)
            first, last = missing
            numbers = f"第{first}批" if first == last else f"第{first}至{last}批"
            return _result(path, manifest, HELD, {}, f"暂缓导入：缺少{manifest.sender.name}{numbers}")
        counts = _merge(session, actor, opened, path, here, progress)
    c = counts
    return _result(path, manifest, IMPORTED, c,
                   f"新增 {c['inserted']}，更新 {c['updated']}，跳过 {c['skipped']}，冲突 {c['conflicts']}")


def _result(path: Path, manifest: Manifest, status: str, counts: dict[str, int], text: str) -> ImportResult:
    message = f"{manifest.sender.name} 第{manifest.seq}批：{text}"
    return ImportResult(path, manifest.sender.code, manifest.seq, status, counts, message)


@contextlib.contextmanager
def _durable_transaction(store: Store, actor: Actor) -> Iterator[Session]:
    """One import transaction; on SQLite committed with ``synchronous=FULL`` (it cannot change inside one).

    Also a 64 MiB page cache for it, as for the demo fill: the members' ten indexes on random keys would
    otherwise evict each other's pages (100k members: 6 s instead of 2 s).
    """
    with store.engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection if store.is_sqlite else None
        previous = _pragmas(raw, synchronous="FULL", cache_size=_CACHE_SIZE) if raw is not None else {}
        try:
            with UnionDeskSession(bind=conn, expire_on_commit=False) as session, session.begin():
                session.info["actor"] = actor
                session.info["action"] = "import_batch"
                yield session
        finally:
            if raw is not None:
                _pragmas(raw, **previous)


def _pragmas(raw: Any, **values: Any) -> dict[str, Any]:
    """Set SQLite pragmas on a DBAPI connection outside any transaction; return their previous values."""
    previous = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in values}
    for name, value in values.items():
        raw.execute(f"PRAGMA {name} = {value}")
    return previous


def _check_sequence(session: Session, opened: OpenedBatch, path: Path,
                    accept_gap: bool) -> tuple[str, tuple[int, int] | None]:
    """IMPORTED (go ahead), DUPLICATE, or HELD with the first and last missing ``seq``."""
    manifest = opened.manifest
    link = (SyncBatch.direction == IN, SyncBatch.sender_code == manifest.sender.code,
            SyncBatch.recipient_code == manifest.recipient)
    same = session.get(SyncBatch, manifest.batch_id)
    if same is not None and same.status == IMPORTED:
        return DUPLICATE, None
    at_seq = session.scalars(select(SyncBatch).where(*link, SyncBatch.seq == manifest.seq)).first()
    if at_seq is not None and at_seq.status == IMPORTED:
        if at_seq.sha256 == opened.sha256:
            return DUPLICATE, None
        raise BatchRejected(f"{manifest.sender.name}第{manifest.seq}批已导入过另一个文件，"
                            f"{path.name} 与它不同，未导入（请与对方核对）")
    if at_seq is not None and at_seq.uuid != manifest.batch_id:  # another file held for this seq: replaced
        session.execute(delete(SyncBatch).where(SyncBatch.uuid == at_seq.uuid))
    last = session.execute(select(SyncBatch.seq, SyncBatch.sha256).where(*link, SyncBatch.status == IMPORTED)
                           .order_by(SyncBatch.seq.desc()).limit(1)).first()
    last_seq, last_sha = (last[0], last[1]) if last is not None else (0, None)
    if manifest.seq > last_seq + 1 and not accept_gap:
        return HELD, (last_seq + 1, manifest.seq - 1)
    chained = last_sha is None or manifest.prev_sha256 == last_sha
    if manifest.seq == last_seq + 1 and not chained and not accept_gap:
        raise BatchRejected(f"{manifest.sender.name}第{manifest.seq}批与已导入的第{last_seq}批接不上"
                            "（批次链校验值不符），未导入。请与对方核对；确认无误可选择“接受缺批”导入。")
    return IMPORTED, None


def _batch_row(opened: OpenedBatch, path: Path, status: str) -> dict[str, Any]:
    manifest = opened.manifest
    created = dt.datetime.fromisoformat(manifest.created_at)
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    name = str(path.resolve())
    return {"uuid": manifest.batch_id, "direction": IN, "sender_code": manifest.sender.code,
            "recipient_code": manifest.recipient, "seq": manifest.seq, "kind": manifest.kind,
            "sha256": opened.sha256, "prev_sha256": manifest.prev_sha256, "upto_sync_seq": 0,
            "created_at": created, "processed_at": None, "status": status,
            "counts": json.dumps({"tables": {t: i.rows for t, i in manifest.tables.items()}}),
            "file_name": name if len(name) <= 200 else path.name}


def _record_held(session: Session, actor: Actor, opened: OpenedBatch, path: Path) -> None:
    held = session.get(SyncBatch, opened.manifest.batch_id)
    if held is not None:  # held by an earlier import already: nothing new to record
        return
    conn = session.connection()
    conn.execute(insert(SyncBatch).values(_batch_row(opened, path, HELD)))
    append_audit(conn, actor.username, [("hold_batch", SyncBatch.__tablename__, opened.manifest.batch_id,
                                         {"sender": opened.manifest.sender.code, "seq": opened.manifest.seq})])


def _owners(session: Session, manifest: Manifest, here: _Here) -> frozenset[str]:
    """The offices whose rows this batch may write; an unknown sender office is added to the offices."""
    sender = session.get(Office, manifest.sender.code)
    if sender is None:
        if manifest.sender.level not in OFFICE_LEVELS:
            raise BatchRejected(f"发件单位的级别 {manifest.sender.level} 无效")
        parent = here.code if here.level == "district" and manifest.sender.level == "subdistrict" else None
        sender = Office(code=manifest.sender.code, name=manifest.sender.name, level=manifest.sender.level,
                        parent_code=parent)
        session.add(sender)
        session.flush()
    # A district's return batch (approvals, settled conflicts) may carry rows this office owns.
    return frozenset({sender.code, here.code} if sender.level == "district" else {sender.code})


def _merge(session: Session, actor: Actor, opened: OpenedBatch, path: Path, here: _Here,
           progress: Progress | None) -> dict[str, int]:
    manifest = opened.manifest
    owners = _owners(session, manifest, here)
    conn = session.connection()
    seq = next_sync_seq(conn)
    session.execute(delete(SyncBatch).where(SyncBatch.uuid == manifest.batch_id))  # held before
    conn.execute(insert(SyncBatch).values(_batch_row(opened, path, IMPORTED) | {"upto_sync_seq": seq}))
    stage, total, done = f"{manifest.sender.name} 第{manifest.seq}批", sum(
        info.rows for info in manifest.tables.values()), 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None:
            progress(stage, done, total)

    merger = RowMerger(conn, batch_uuid=manifest.batch_id, owners=owners, sync_seq=seq, progress=advance)
    for model in REGISTRY_MODELS:
        name = table_of(model).name
        if name in manifest.tables:
            merger.merge_table(model, opened.rows(name), count=manifest.tables[name].rows)
    counts = merger.counts.as_dict()
    conn.execute(update(SyncBatch).where(SyncBatch.uuid == manifest.batch_id).values(
        processed_at=utcnow(),
        counts=json.dumps(counts | {"tables": {t: i.rows for t, i in manifest.tables.items()}})))
    append_audit(conn, actor.username, [("import_batch", SyncBatch.__tablename__, manifest.batch_id,
                                         {"sender": manifest.sender.code, "seq": manifest.seq, "counts": counts})])
    return counts
