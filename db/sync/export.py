"""Export: which rows go into a batch for another office, and the record of every batch sent (design §5).

A sub-district sends the rows it owns; a district answering one of its sub-districts (a return batch) sends
the rows owned by that sub-district — its approvals and settled conflicts made at the district. Every column
travels, tombstones included, so that deletions propagate. A ``delta`` batch holds the rows written since the
last batch to the same recipient (``sync_seq`` above that batch's ``upto_sync_seq``), a ``full`` batch all of
them; either way the new batch's ``upto_sync_seq`` is the write counter read at the start.

Consistency: the counter, the chain (seq, prev_sha256) and every row are read in one read transaction with a
snapshot (SQLite's WAL snapshot; REPEATABLE READ on PostgreSQL), so a row written meanwhile is neither half
in this batch nor lost: its ``sync_seq`` is above ``upto`` and the next delta carries it. Rows are read in
keyset chunks in uuid order and streamed into the batch writer; on SQLite through the DBAPI cursor (as
:mod:`db.tabular.rows` does), because SQLAlchemy's per-cell result processing would double the read time.

The file is written into the outbox (``<data folder>/outbox/<recipient>/``), where it stays so that it can be
sent again, and copied to ``out_dir`` when another folder is named. Only then is the batch recorded
(:class:`SyncBatch`, direction ``out``) with its audit entry, in one transaction; if that fails, the files
are removed, so that a batch on disk is always a batch in the chain.

Who may export: anyone who may write records (``records.write``) — in practice the clerk sends the weekly
batch. Sending a batch unsealed exposes every name and number in it to whoever finds the file: it is refused
unless asked for explicitly, by an admin (``batches.unsealed``) who gives a reason, and the audit entry
records it (``sealed: false`` and the reason).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Boolean, Connection, DateTime, Table, func, select
from sqlalchemy.exc import IntegrityError

from db import migrations
from db.atomic import atomic_file
from db.auth import Actor, require
from db.errors import UnionDeskError, ValidationError
from db.models import REGISTRY_MODELS, Office, SyncBatch
from db.models.system import Counter
from db.offices import this_office
from db.store import Store, data_dir
from db.sync import keys
from db.sync.batchfile import Sender, read_manifest, write_batch
from db.version import app_version
from db.writes import SYNC_SEQ, append_audit, utcnow

__all__ = ["STAGE", "ExportResult", "export_batch", "outbox_dir"]

CHUNK = 5000
UNSEALED = "batches.unsealed"
REASON_LABEL, REASON_LIMIT = "不加密导出的理由", 200
STAGE = "导出批次"
Progress = Callable[[str, int, int], None]
Row = dict[str, Any]


@dataclass(frozen=True)
class ExportResult:
    """One batch written: where, its SHA-256, its link in the chain, rows per table, whether it is sealed."""

    path: Path
    sha256: str
    seq: int
    kind: str
    counts: dict[str, int]
    sealed: bool
    recipient: str
    batch_id: str

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class _Link:
    """Where the new batch stands in the chain from this office to the recipient."""

    seq: int
    prev_sha256: str | None
    since: int  # rows with sync_seq above this go in (0: all)
    upto: int  # the write counter now: the next delta starts after it


def outbox_dir(recipient: str) -> Path:
    """The outbox of one recipient: every batch sent to it, kept to be sent again."""
    return data_dir() / "outbox" / recipient


def export_batch(store: Store, actor: Actor, out_dir: Path | None = None, *, to: str | None = None,
                 full: bool = False, unsealed: bool = False, reason: str | None = None,
                 progress: Progress | None = None) -> ExportResult:
    """Write the next batch from this office to ``to`` (default: the parent office) and record it.

    ``full`` sends every row instead of those changed since the last batch; ``unsealed`` allows a batch
    to a recipient whose public key is not trusted yet (refused otherwise): only for an admin, with a
    ``reason`` that the audit trail keeps. ``progress(STAGE, done, total)`` is called per chunk of rows. The
    batch stays in the outbox and is copied into ``out_dir`` — a district's into ``out_dir/<recipient code>``.
    """
    require(actor, "records.write")
    if unsealed:
        reason = _unsealing_reason(actor, reason)
    sender, recipient, owner = _parties(store, to)
    recipient_key = _recipient_key(store, recipient, unsealed)
    signing_key = keys.load_or_create(sender.code).signing
    outbox = outbox_dir(recipient)
    kind = "full" if full else "delta"
    today = dt.date.today()
    with _snapshot(store) as conn:
        link = _next_link(conn, sender.code, recipient, full)
        name = f"{sender.code}-{link.seq}-{today:%Y%m%d}.ubatch"
        # a district sends to many offices: one folder per recipient, so that one USB stick carries them all
        folder = out_dir / recipient if out_dir is not None and sender.level == "district" else out_dir
        copy_to = _copy_target(folder, outbox, name)
        reader = _Reader(conn, owner, link.since, progress)
        tables = {table.name: reader.rows(table) for table in _tables()}
        path, sha256 = _write(outbox, sender=sender, recipient=recipient, seq=link.seq, kind=kind,
                              prev_sha256=link.prev_sha256, schema_revision=_schema_revision(conn),
                              app_version=app_version(), tables=tables, signing_key=signing_key,
                              recipient_key=recipient_key, today=today)
    written = [path]
    try:
        if copy_to is not None:
            _copy(path, copy_to)
            written.append(copy_to)
        result = ExportResult(copy_to or path, sha256, link.seq, kind, dict(reader.counts), recipient_key is not None,
                              recipient, read_manifest(path).batch_id)
        _record(store, actor, result, sender.code, link, None if result.sealed else reason)
    except BaseException:
        for file in written:
            with contextlib.suppress(OSError):
                file.unlink()
        raise
    return result


def _unsealing_reason(actor: Actor, reason: str | None) -> str:
    """The reason for an unsealed batch, after checking that ``actor`` may write one."""
    require(actor, UNSEALED)
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError(REASON_LABEL, "不加密导出必须写明理由（会记入审计记录）")
    if len(text) > REASON_LIMIT:
        raise ValidationError(REASON_LABEL, f"不能超过{REASON_LIMIT}个字（现为{len(text)}个）")
    return text


def _tables() -> list[Table]:
    """The synchronised tables, parents first (the order an import inserts them in)."""
    return [model.__table__ for model in REGISTRY_MODELS]  # type: ignore[attr-defined]


def _parties(store: Store, to: str | None) -> tuple[Sender, str, str]:
    """(this office as sender, the recipient's code, the office whose rows travel)."""
    with store.transaction() as session:
        office = this_office(session)
        recipient = (to or "").strip() or office.parent_code
        if not recipient:
            raise ValidationError("收件单位", f"{office.name}没有上级单位，请指定收件单位的代码")
        if not (len(recipient) <= 20 and recipient.isascii() and recipient.isalnum()):
            raise ValidationError("收件单位", "单位代码应为1到20位字母或数字")
        if recipient == office.code:
            raise ValidationError("收件单位", f"{recipient} 是本单位，批次不能发给自己")
        peer = session.get(Office, recipient)
        returning = peer is not None and peer.parent_code == office.code
        return Sender(office.code, office.name, office.level), recipient, recipient if returning else office.code


def _recipient_key(store: Store, recipient: str, unsealed: bool) -> X25519PublicKey | None:
    peer = keys.trusted(store, recipient)
    if peer is not None:
        return peer.receiving
    if unsealed:
        return None
    raise ValidationError("收件单位", f"尚未信任单位 {recipient} 的公钥，批次无法加密。请先导入并电话核对对方的"
                                      "公钥文件；确需不加密导出时，请明确选择“不加密”（会记入审计记录）")


@contextlib.contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """A read-only transaction that sees one state of the database from its first read to its end."""
    with store.engine.connect() as conn:
        if not store.is_sqlite:  # SQLite's WAL readers see a snapshot anyway
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin() as transaction:
            yield conn
            transaction.rollback()  # nothing to commit: only read


def _next_link(conn: Connection, sender: str, recipient: str, full: bool) -> _Link:
    upto = conn.execute(select(Counter.value).where(Counter.name == SYNC_SEQ)).scalar() or 0
    last = conn.execute(
        select(SyncBatch.seq, SyncBatch.sha256, SyncBatch.upto_sync_seq)
        .where(SyncBatch.direction == "out", SyncBatch.sender_code == sender, SyncBatch.recipient_code == recipient)
        .order_by(SyncBatch.seq.desc()).limit(1)).first()
    if last is None:
        return _Link(1, None, 0, upto)
    return _Link(last.seq + 1, last.sha256, 0 if full else last.upto_sync_seq, upto)


def _copy_target(out_dir: Path | None, outbox: Path, name: str) -> Path | None:
    """Where the batch is copied besides the outbox, checked before any work is done."""
    for folder in (outbox, out_dir):
        if folder is not None:
            _make_folder(folder)
    if out_dir is None or out_dir.resolve() == outbox.resolve():
        return None
    target = out_dir / name
    if target.exists():  # another recipient's batch of the same number and day: never overwrite it
        raise ValidationError("导出文件夹", f"{out_dir} 中已有文件 {name}，请先移走它或换一个文件夹")
    return target


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnionDeskError(f"无法创建文件夹 {folder}：{exc.strerror or exc}") from exc


def _write(outbox: Path, **batch: Any) -> tuple[Path, str]:
    try:
        return write_batch(outbox, **batch)
    except OSError as exc:
        raise UnionDeskError(f"无法写入批次文件（{outbox}）：{exc.strerror or exc}") from exc


def _copy(source: Path, target: Path) -> None:
    """Copy through a temporary file beside ``target``, so that a full USB stick leaves no half batch."""
    try:
        with atomic_file(target) as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
    except OSError as exc:
        raise UnionDeskError(f"无法把批次复制到 {target.parent}：{exc.strerror or exc}") from exc


def _schema_revision(conn: Connection) -> str:
    return migrations.current_revision(conn) or migrations.known_revisions()[0]


def _record(store: Store, actor: Actor, result: ExportResult, sender: str, link: _Link,
            reason: str | None) -> None:
    with store.transaction(actor, action="export_batch") as session:
        session.add(SyncBatch(
            uuid=result.batch_id, direction="out", sender_code=sender, recipient_code=result.recipient,
            seq=result.seq, kind=result.kind, sha256=result.sha256, prev_sha256=link.prev_sha256,
            upto_sync_seq=link.upto, created_at=utcnow(), processed_at=None, status="written",
            counts=json.dumps(result.counts, sort_keys=True), file_name=result.path.name))
        try:
            session.flush()
        except IntegrityError as exc:  # another export to the same recipient took this number meanwhile
            raise UnionDeskError(f"同时有另一次导出发给 {result.recipient}，本次已取消，请重试") from exc
        entry: dict[str, Any] = {"to": result.recipient, "seq": result.seq, "kind": result.kind,
                                 "rows": result.rows, "sealed": result.sealed}
        if reason is not None:  # why every name and number went out in clear
            entry["reason"] = reason
        append_audit(session.connection(), actor.username, [("export_batch", "sync_batches", result.batch_id, entry)])


class _Reader:
    """The rows of one office in every table, read chunk by chunk as the batch writer asks for them."""

    def __init__(self, conn: Connection, owner: str, since: int, progress: Progress | None) -> None:
        self.conn, self.owner, self.since, self.progress = conn, owner, since, progress
        self.sqlite = conn.dialect.name == "sqlite"
        self.counts: dict[str, int] = {}
        self.sizes = {table.name: self._count(table) for table in _tables()}
        self.total, self.done = sum(self.sizes.values()), 0
        self._report()

    def _count(self, table: Table) -> int:
        if self.sqlite and self.since:  # through the sync_seq index: a delta is usually small
            quote = self.conn.dialect.identifier_preparer.quote
            sql = f"SELECT count(*) FROM {quote(table.name)} WHERE +office_code = ? AND sync_seq > ?"
            return int(self.conn.exec_driver_sql(sql, (self.owner, self.since)).scalar() or 0)
        stmt = select(func.count()).select_from(table).where(table.c.office_code == self.owner)
        if self.since:
            stmt = stmt.where(table.c.sync_seq > self.since)
        return int(self.conn.execute(stmt).scalar() or 0)

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(STAGE, self.done, self.total)

    def rows(self, table: Table) -> Iterator[Row]:
        self.counts[table.name] = 0
        if not self.sizes[table.name]:  # the snapshot's count is exact
            return
        chunks = _sqlite_chunks if self.sqlite else _core_chunks
        for chunk in chunks(self.conn, table, self.owner, self.since, self.sizes[table.name]):
            yield from chunk
            self.counts[table.name] += len(chunk)
            self.done += len(chunk)
            self._report()


def _core_chunks(conn: Connection, table: Table, owner: str, since: int, _size: int) -> Iterator[list[Row]]:
    keys = [c.key for c in table.columns]
    stmt = select(*table.columns).where(table.c.office_code == owner)
    if since:
        stmt = stmt.where(table.c.sync_seq > since)
    last = ""
    while True:
        rows = [dict(zip(keys, row, strict=True))
                for row in conn.execute(stmt.where(table.c.uuid > last).order_by(table.c.uuid).limit(CHUNK))]
        if not rows:
            return
        last = rows[-1]["uuid"]
        yield rows


def _sqlite_chunks(conn: Connection, table: Table, owner: str, since: int, size: int) -> Iterator[list[Row]]:
    """Keyset chunks through the DBAPI cursor, with the values SQLAlchemy would have given the encoder.

    The plan is chosen here, not left to SQLite's guess (it keeps no statistics): a small delta is found
    through the ``sync_seq`` index and sorted; anything larger walks an index in uuid order — (office_code,
    uuid) where the table has one, else the primary key, filtering as it goes — because through the plain
    ``office_code`` index SQLite would sort the whole office again for every chunk.
    """
    keys = [c.key for c in table.columns]
    converters = [(i, fn) for i, c in enumerate(table.columns) if (fn := _sqlite_converter(c.type)) is not None]
    quote = conn.dialect.identifier_preparer.quote
    head = f"SELECT {', '.join(quote(c.name) for c in table.columns)} FROM {quote(table.name)} "
    seq_index = _index_on(table, "sync_seq")
    if since and size <= CHUNK and seq_index is not None:
        sql = head + f"INDEXED BY {quote(seq_index)} WHERE +office_code = ? AND sync_seq > ? ORDER BY uuid"
        yield _converted(conn.exec_driver_sql(sql, (owner, since)).all(), keys, converters)
        return
    owner_term = "office_code = ?" if _index_on(table, "office_code", "uuid") else "+office_code = ?"
    seq_term = "AND +sync_seq > ? " if since else ""
    sql = head + f"WHERE {owner_term} {seq_term}AND uuid > ? ORDER BY uuid LIMIT {CHUNK}"
    params: tuple[Any, ...] = (owner, since) if since else (owner,)
    last = ""
    while fetched := conn.exec_driver_sql(sql, (*params, last)).all():
        rows = _converted(fetched, keys, converters)
        last = rows[-1]["uuid"]
        yield rows


def _index_on(table: Table, *columns: str) -> str | None:
    """The name of the table's index on exactly ``columns``, if it has one."""
    for index in table.indexes:
        if tuple(c.name for c in index.columns) == columns and isinstance(index.name, str):
            return index.name
    return None


ColumnConverter = Callable[[Sequence[Any]], Sequence[Any]]
_BOOLS = {0: False, 1: True, None: None}


def _converted(fetched: Sequence[Any], keys: list[str], converters: list[tuple[int, ColumnConverter]]
               ) -> list[Row]:
    """The cursor's rows as dicts, converted column by column (a loop per cell would cost a fifth of the
    export's time)."""
    if not converters or not fetched:
        return [dict(zip(keys, values, strict=True)) for values in fetched]
    columns: list[Sequence[Any]] = list(zip(*fetched, strict=True))
    for index, convert in converters:
        columns[index] = convert(columns[index])
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]


def _sqlite_converter(column_type: Any) -> ColumnConverter | None:
    """Booleans stored as 0/1 become bools; date-times stored as 'YYYY-MM-DD HH:MM:SS.ffffff' become the
    ISO text Core's datetime gives the encoder. Dates are stored as ISO text already."""
    if isinstance(column_type, Boolean):
        return lambda values: list(map(_BOOLS.__getitem__, values))
    if isinstance(column_type, DateTime):
        return lambda values: [None if value is None else _iso_datetime(value) for value in values]
    return None


def _iso_datetime(text: str) -> str:
    return dt.datetime.fromisoformat(text).isoformat()
