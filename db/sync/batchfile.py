"""The ``.ubatch`` file: one signed, optionally sealed batch of records from one office to another (design §5).

A batch is a zip ``<sender>-<seq>-<YYYYMMDD>.ubatch`` holding

* ``data/<table>.jsonl`` — one record per line, compact JSON with sorted keys (so the same rows give the same
  bytes); or, sealed for the recipient, ``data/<table>.jsonl.sealed`` = AES-256-GCM(zlib(jsonl)).
* ``manifest.json`` — who, to whom, which link of the chain, and per table its file, row count, plaintext
  size and SHA-256 (over the plaintext jsonl, so a receipt is checked without the key).
* ``manifest.sig`` — the sender's Ed25519 signature of the exact ``manifest.json`` bytes.

Sealing: an ephemeral X25519 key pair per batch; key = HKDF-SHA256(shared secret, salt = batch_id,
info = label + ephemeral public + recipient public); a random 12-byte nonce per payload (in the manifest);
AAD = format, batch_id and file name, so a payload cannot be moved to another batch or table.

Reading trusts nothing: the whole file (at most :data:`MAX_BATCH_BYTES`) is read into memory once, so what
was verified is what :meth:`OpenedBatch.rows` later yields; every size is capped before anything is inflated.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import io
import json
import os
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from db.atomic import atomic_file
from db.errors import UnionDeskError
from db.sync.keys import valid_office_code

__all__ = ["FORMAT", "BatchRejected", "Manifest", "OpenedBatch", "Seal", "Sender", "TableInfo", "open_batch",
           "read_manifest", "write_batch"]

FORMAT = "uniondesk-batch/1"
SEAL_ALGORITHM = "X25519-HKDF-SHA256-AES-256-GCM+zlib"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
KINDS = ("delta", "full")

# Caps on hostile input. A full batch of 100k members is a few MB (its jsonl plaintext about 75 MB).
MAX_BATCH_BYTES = 256 * 2**20
MAX_PLAINTEXT_BYTES = 2**30  # all payloads of one batch, inflated
MAX_MANIFEST_BYTES = 2**20
MAX_TABLES = 200

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so equal payloads give equal entries; the time is in the manifest
_CHUNK = 2**20
_LINES_PER_CHUNK = 1000
_COMPRESS_LEVEL = 6
_KEY_INFO = FORMAT.encode() + b" payload key\0"
_TABLE_RE = re.compile(r"[a-z][a-z0-9_]{0,62}")
_PAYLOAD_RE = re.compile(r"data/[a-z][a-z0-9_]{0,62}\.jsonl(\.sealed)?")
_HEX_RE = re.compile(r"[0-9a-f]+")
_FORMAT_RE = re.compile(r"uniondesk-batch/(\d{1,6})")
_UNSUPPORTED_FLAGS = 0x1 | 0x20 | 0x40  # zip encryption, patched data, strong encryption
_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record, without comment
_LOCAL = struct.Struct("<4s5H3L2H")  # local file header, before its name and extra field

CORRUPT = "文件已损坏或不完整"


class BatchRejected(UnionDeskError):
    """A batch file that must not be imported; ``reason`` says why, in Chinese, for the clerk; ``path`` is
    the file, once known (set by the import of several files)."""

    def __init__(self, reason: str, path: Path | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class Sender:
    """The office that wrote a batch."""

    code: str
    name: str
    level: str


@dataclass(frozen=True)
class TableInfo:
    """One payload of a batch: its file in the zip, row count, plaintext size and SHA-256 (hex)."""

    file: str
    rows: int
    size: int
    sha256: str
    nonce: str | None = None  # hex, sealed payloads only


@dataclass(frozen=True)
class Seal:
    """How a batch's payloads are sealed: the ephemeral public key and whose key they are sealed for."""

    algorithm: str
    ephemeral_public_key: str  # hex
    recipient_key_sha256: str  # hex SHA-256 of the recipient's raw X25519 public key


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` says about a batch (readable without keys)."""

    batch_id: str
    sender: Sender
    recipient: str
    seq: int
    kind: str
    prev_sha256: str | None
    created_at: str
    app_version: str
    schema_revision: str
    seal: Seal | None
    tables: dict[str, TableInfo]

    @property
    def sealed(self) -> bool:
        return self.seal is not None


# ---------------------------------------------------------------------------------------------------- writing

def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"cannot put a {type(value).__name__} into a batch")


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False,
                            default=_json_default)


def write_batch(out_dir: Path, *, sender: Sender, recipient: str, seq: int, kind: str, prev_sha256: str | None,
                schema_revision: str, app_version: str, tables: Mapping[str, Iterable[Mapping[str, Any]]],
                signing_key: Ed25519PrivateKey, recipient_key: X25519PublicKey | None,
                today: dt.date | None = None) -> tuple[Path, str]:
    """Write one batch into ``out_dir``; return its path and the SHA-256 (hex) of the whole file.

    Rows are streamed (a chunk of lines at a time); sealed payloads are compressed, then encrypted whole.
    The file appears atomically: written as a hidden temporary file in ``out_dir``, then renamed.
    """
    _check_header(sender, recipient, seq, kind, prev_sha256, app_version, schema_revision, tables)
    batch_id = str(uuid.uuid4())
    key, seal = _new_seal(recipient_key, batch_id) if recipient_key is not None else (None, None)
    path = out_dir / f"{sender.code}-{seq}-{(today or dt.date.today()):%Y%m%d}.ubatch"
    with atomic_file(path, "w+b") as f:
        with zipfile.ZipFile(f, "w") as zf:
            infos = {table: _write_payload(zf, table, rows, batch_id, key) for table, rows in tables.items()}
            if sum(info.size for info in infos.values()) > MAX_PLAINTEXT_BYTES:
                raise _too_big()
            manifest = _manifest_json(batch_id, sender, recipient, seq, kind, prev_sha256, app_version,
                                      schema_revision, seal, infos)
            _add_entry(zf, MANIFEST, manifest, zipfile.ZIP_DEFLATED)
            _add_entry(zf, SIGNATURE, signing_key.sign(manifest), zipfile.ZIP_STORED)
        f.flush()
        f.seek(0)
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    return path, digest


def _check_header(sender: Sender, recipient: str, seq: int, kind: str, prev_sha256: str | None,
                  app_version: str, schema_revision: str, tables: Mapping[str, object]) -> None:
    """Refuse, as programming errors, values a reader would refuse."""
    problems = [
        not valid_office_code(sender.code) and "sender code", not valid_office_code(recipient) and "recipient",
        not (type(seq) is int and seq >= 1) and "seq", kind not in KINDS and "kind",
        prev_sha256 is not None and not _is_hex(prev_sha256, 64) and "prev_sha256",
        not 0 < len(sender.name) <= 100 and "sender name", not 0 < len(sender.level) <= 20 and "sender level",
        not 0 < len(app_version) <= 64 and "app_version",
        not 0 < len(schema_revision) <= 64 and "schema_revision",
        len(tables) > MAX_TABLES and "number of tables",
        *(f"table name {t!r}" for t in tables if not _TABLE_RE.fullmatch(t)),
    ]
    if any(problems):
        raise ValueError("invalid batch: " + ", ".join(p for p in problems if p))


def _too_big() -> UnionDeskError:
    return UnionDeskError(f"批次过大：数据超过 {MAX_PLAINTEXT_BYTES // 2**20} MB，接收方会拒收，请分批导出")


def _new_seal(recipient_key: X25519PublicKey, batch_id: str) -> tuple[bytes, Seal]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw, recipient_raw = _raw(ephemeral.public_key()), _raw(recipient_key)
    key = _derive_key(ephemeral.exchange(recipient_key), batch_id, ephemeral_raw, recipient_raw)
    return key, Seal(SEAL_ALGORITHM, ephemeral_raw.hex(), hashlib.sha256(recipient_raw).hexdigest())


def _derive_key(shared: bytes, batch_id: str, ephemeral_raw: bytes, recipient_raw: bytes) -> bytes:
    hkdf = HKDF(hashes.SHA256(), 32, salt=uuid.UUID(batch_id).bytes, info=_KEY_INFO + ephemeral_raw + recipient_raw)
    return hkdf.derive(shared)


def _aad(batch_id: str, file: str) -> bytes:
    return f"{FORMAT}\0{batch_id}\0{file}".encode()


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _jsonl_chunks(rows: Iterable[Mapping[str, Any]]) -> Iterator[bytes]:
    """The rows as UTF-8 JSON lines, a thousand lines per chunk (never one string of a whole table)."""
    encode, lines = _ENCODER.encode, []
    for row in rows:
        if not isinstance(row, Mapping):
            raise TypeError(f"a batch row must be a mapping, not {type(row).__name__}")
        lines.append(encode(row))
        if len(lines) == _LINES_PER_CHUNK:
            yield ("\n".join(lines) + "\n").encode()
            lines.clear()
    if lines:
        yield ("\n".join(lines) + "\n").encode()


def _write_payload(zf: zipfile.ZipFile, table: str, rows: Iterable[Mapping[str, Any]], batch_id: str,
                   key: bytes | None) -> TableInfo:
    file = f"data/{table}.jsonl" + ("" if key is None else ".sealed")
    digest, size, count = hashlib.sha256(), 0, 0

    def tally(chunks: Iterator[bytes]) -> Iterator[bytes]:
        nonlocal size, count
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            count += chunk.count(b"\n")
            if size > MAX_PLAINTEXT_BYTES:
                raise _too_big()
            yield chunk

    if key is None:
        with zf.open(_zip_info(file, zipfile.ZIP_DEFLATED), "w") as out:
            for chunk in tally(_jsonl_chunks(rows)):
                out.write(chunk)
        return TableInfo(file, count, size, digest.hexdigest())
    # compressed first: ciphertext does not compress
    compressor = zlib.compressobj(_COMPRESS_LEVEL)
    compressed = b"".join([*map(compressor.compress, tally(_jsonl_chunks(rows))), compressor.flush()])
    nonce = os.urandom(12)
    _add_entry(zf, file, AESGCM(key).encrypt(nonce, compressed, _aad(batch_id, file)), zipfile.ZIP_STORED)
    return TableInfo(file, count, size, digest.hexdigest(), nonce.hex())


def _zip_info(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = method
    info.external_attr = 0o644 << 16
    return info


def _add_entry(zf: zipfile.ZipFile, name: str, data: bytes, method: int) -> None:
    zf.writestr(_zip_info(name, method), data)


def _manifest_json(batch_id: str, sender: Sender, recipient: str, seq: int, kind: str, prev_sha256: str | None,
                   app_version: str, schema_revision: str, seal: Seal | None, infos: dict[str, TableInfo]) -> bytes:
    def table(info: TableInfo) -> dict[str, Any]:
        doc: dict[str, Any] = {"file": info.file, "rows": info.rows, "bytes": info.size, "sha256": info.sha256}
        return doc if info.nonce is None else doc | {"nonce": info.nonce}

    doc = {
        "format": FORMAT, "batch_id": batch_id,
        "sender": {"code": sender.code, "name": sender.name, "level": sender.level},
        "recipient": recipient, "seq": seq, "kind": kind, "prev_sha256": prev_sha256,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "app_version": app_version, "schema_revision": schema_revision,
        "encryption": None if seal is None else {
            "algorithm": seal.algorithm, "ephemeral_public_key": seal.ephemeral_public_key,
            "recipient_key_sha256": seal.recipient_key_sha256},
        "tables": {name: table(info) for name, info in infos.items()},
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode()


# ---------------------------------------------------------------------------------------------------- reading

class OpenedBatch:
    """A batch whose structure, signature, recipient, decryption and checksums have all been verified.

    Keeps the file's bytes, so the rows it yields are the ones verified even if the file changes meanwhile.
    """

    def __init__(self, manifest: Manifest, sha256: str, archive: zipfile.ZipFile, key: bytes | None) -> None:
        self.manifest = manifest
        self.sha256 = sha256  # of the whole file: what the next batch's prev_sha256 and a receipt name
        self._archive = archive
        self._key = key

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The records of ``table`` in file order, dates as ISO text; KeyError if the batch has no such table."""
        return self._records(self.manifest.tables[table])  # the KeyError now, not at the first row

    def _records(self, info: TableInfo) -> Iterator[dict[str, Any]]:
        pending, number = b"", 0
        for chunk in _plaintext(self._archive, self.manifest.batch_id, info, self._key):
            lines = (pending + chunk).split(b"\n")  # bytes: str.splitlines would also split at U+2028
            pending = lines.pop()
            for line in lines:
                number += 1
                yield _record(line, info.file, number)


def read_manifest(path: Path) -> Manifest:
    """The manifest of a batch file, checked for structure but not for signature, and without any key."""
    return _load_manifest(_open_archive(_read_file(path)))[0]


def open_batch(path: Path, *, my_office: str, sender_key: Callable[[str], Ed25519PublicKey | None],
               receiving_key: X25519PrivateKey | None) -> OpenedBatch:
    """Verify everything about the batch at ``path`` and return it opened; BatchRejected says what failed.

    ``sender_key`` gives the trusted signing key of an office code, or None; ``receiving_key`` is this office's
    X25519 key (needed only for sealed batches). Checked in order: zip structure and sizes, manifest format
    and fields, signature by a trusted sender, recipient, decryption, each payload's size, rows and SHA-256.
    """
    data = _read_file(path)
    archive = _open_archive(data)
    manifest, raw = _load_manifest(archive)
    _check_signature(archive, manifest, raw, sender_key)
    if manifest.recipient != my_office:
        raise BatchRejected(f"批次不是发给本单位的（收件单位 {manifest.recipient}，本单位 {my_office}）")
    key = _payload_key(manifest, receiving_key)
    for info in manifest.tables.values():
        _verify_payload(archive, manifest.batch_id, info, key)
    return OpenedBatch(manifest, hashlib.sha256(data).hexdigest(), archive, key)


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            data = b"" if size > MAX_BATCH_BYTES else f.read(size + 1)  # read(n) reserves n bytes at once
    except OSError as e:
        raise BatchRejected(f"无法读取文件：{e.strerror or e}") from e
    if size > MAX_BATCH_BYTES or len(data) > MAX_BATCH_BYTES:
        raise BatchRejected(f"文件过大（超过 {MAX_BATCH_BYTES // 2**20} MB），不是本程序写出的批次")
    return data


def _open_archive(data: bytes) -> zipfile.ZipFile:
    """Open the zip after checking its end record ourselves, so a hostile directory is refused unparsed."""
    if not data.startswith(b"PK"):
        raise BatchRejected("文件不是 UnionDesk 批次（.ubatch）")
    if len(data) < _EOCD.size:
        raise BatchRejected(CORRUPT)
    end = len(data) - _EOCD.size
    signature, disk, cd_disk, entries_here, entries, cd_size, cd_offset, comment = _EOCD.unpack_from(data, end)
    if signature != b"PK\x05\x06" or disk or cd_disk or comment or entries_here != entries \
            or cd_offset + cd_size != end:
        raise BatchRejected(CORRUPT)
    if entries > MAX_TABLES + 2:
        raise BatchRejected("批次中的文件过多，不是本程序写出的批次")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError) as e:
        raise BatchRejected(CORRUPT) from e
    seen: set[str] = set()
    entries_end = 0
    for entry in sorted(archive.infolist(), key=lambda e: e.header_offset):
        _check_entry(entry, seen)
        if entry.header_offset != entries_end:
            raise BatchRejected(CORRUPT)
        entries_end = _check_local_header(data, entry)
    if entries_end != cd_offset:
        raise BatchRejected(CORRUPT)
    return archive


def _check_local_header(data: bytes, entry: zipfile.ZipInfo) -> int:
    """The entry's local header says what the central directory says (zipfile reads only the latter), so
    that no byte of a batch can change unnoticed; returns where the entry's data ends."""
    if entry.header_offset + _LOCAL.size > len(data):
        raise BatchRejected(CORRUPT)
    (signature, _version, flags, method, time, date, crc, compressed, size, name_length,
     extra_length) = _LOCAL.unpack_from(data, entry.header_offset)
    start = entry.header_offset + _LOCAL.size
    name = data[start:start + name_length]
    expected_time = (entry.date_time[3] << 11) | (entry.date_time[4] << 5) | (entry.date_time[5] // 2)
    expected_date = ((entry.date_time[0] - 1980) << 9) | (entry.date_time[1] << 5) | entry.date_time[2]
    if (signature != b"PK\x03\x04" or flags != entry.flag_bits or method != entry.compress_type
            or (time, date) != (expected_time, expected_date) or flags & 0x08 or extra_length
            or (crc, compressed, size) != (entry.CRC, entry.compress_size, entry.file_size)
            or name != entry.filename.encode("utf-8" if flags & 0x800 else "cp437")):
        raise BatchRejected(CORRUPT)
    return start + name_length + entry.compress_size


def _check_entry(entry: zipfile.ZipInfo, seen: set[str]) -> None:
    name = entry.filename
    if name in seen:
        raise BatchRejected(f"批次含有重名的文件：{_shown(name)}")
    seen.add(name)
    if name not in (MANIFEST, SIGNATURE) and not _PAYLOAD_RE.fullmatch(name):
        unsafe = name.startswith("/") or ".." in name or "\\" in name or ":" in name
        raise BatchRejected(f"批次含有{'不安全的文件名' if unsafe else '多余的文件'}：{_shown(name)}")
    if entry.flag_bits & _UNSUPPORTED_FLAGS or entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BatchRejected(f"批次中的 {name} 用了不支持的压缩或加密方式")
    if entry.file_size > MAX_PLAINTEXT_BYTES:
        raise BatchRejected(f"批次中的 {name} 解压后过大，批次可能是恶意文件")


def _shown(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:60] + "…")


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int, too_big: str) -> bytes:
    entry = archive.getinfo(name)
    if entry.file_size > limit:
        raise BatchRejected(too_big)
    try:
        with archive.open(entry) as f:
            return f.read(limit + 1)  # stops at the entry's size, then checks its CRC
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise BatchRejected(CORRUPT) from e


def _load_manifest(archive: zipfile.ZipFile) -> tuple[Manifest, bytes]:
    names = set(archive.namelist())
    if MANIFEST not in names:
        raise BatchRejected("批次缺少清单 manifest.json")
    raw = _read_entry(archive, MANIFEST, MAX_MANIFEST_BYTES, "批次清单过大，不是本程序写出的批次")
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError) as e:  # RecursionError: "[[[[…" nested a million deep
        raise BatchRejected("批次清单无法读取：" + CORRUPT) from e
    if not isinstance(doc, dict):
        raise BatchRejected("批次清单格式错误")
    _check_format(doc.get("format"))
    manifest = _parse_manifest(doc)
    expected = {MANIFEST, SIGNATURE} | {info.file for info in manifest.tables.values()}
    if extra := sorted(names - expected):
        raise BatchRejected(f"批次含有多余的文件：{_shown(extra[0])}")
    if missing := sorted(expected - names - {SIGNATURE}):
        raise BatchRejected(f"批次缺少文件：{missing[0]}")
    return manifest, raw


def _check_format(value: object) -> None:
    if value == FORMAT:
        return
    newer = _FORMAT_RE.fullmatch(value) if isinstance(value, str) else None
    if newer and int(newer.group(1)) > 1:
        raise BatchRejected(f"批次格式 {value} 比本程序新，请升级")
    raise BatchRejected("文件不是 UnionDesk 批次（清单格式不明）")


class _Fields:
    """Typed reads of one JSON object of the manifest; a missing or wrong field rejects the batch."""

    def __init__(self, doc: object, where: str) -> None:
        if not isinstance(doc, dict):
            raise _malformed(where.rstrip("."))
        self.doc: dict[str, Any] = doc
        self.where = where

    def bad(self, key: str) -> BatchRejected:
        return _malformed(self.where + key)

    def text(self, key: str, limit: int = 100) -> str:
        value = self.doc.get(key)
        if not isinstance(value, str) or not 0 < len(value) <= limit:
            raise self.bad(key)
        return value

    def code(self, key: str) -> str:
        value = self.text(key, 20)
        if not valid_office_code(value):
            raise self.bad(key)
        return value

    def count(self, key: str) -> int:
        value = self.doc.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.bad(key)
        return value

    def hex(self, key: str, length: int) -> str:
        value = self.doc.get(key)
        if not (isinstance(value, str) and _is_hex(value, length)):
            raise self.bad(key)
        return value


def _malformed(field: str) -> BatchRejected:
    return BatchRejected(f"批次清单格式错误（{field}）")


def _parse_manifest(doc: dict[str, Any]) -> Manifest:
    top = _Fields(doc, "")
    batch_id, created_at = top.text("batch_id", 36), top.text("created_at", 40)
    if not _is_uuid(batch_id):
        raise top.bad("batch_id")
    if not _is_timestamp(created_at):
        raise top.bad("created_at")
    sender = _Fields(doc.get("sender"), "sender.")
    seal = _parse_seal(doc.get("encryption"))
    return Manifest(
        batch_id=batch_id, sender=Sender(sender.code("code"), sender.text("name"), sender.text("level", 20)),
        recipient=top.code("recipient"), seq=_positive(top, "seq"), kind=_kind(top),
        prev_sha256=None if doc.get("prev_sha256") is None else top.hex("prev_sha256", 64),
        created_at=created_at, app_version=top.text("app_version", 64),
        schema_revision=top.text("schema_revision", 64), seal=seal,
        tables=_parse_tables(_Fields(doc.get("tables"), "tables."), sealed=seal is not None))


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _is_timestamp(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _positive(fields: _Fields, key: str) -> int:
    value = fields.count(key)
    if value < 1:
        raise fields.bad(key)
    return value


def _kind(fields: _Fields) -> str:
    kind = fields.text("kind", 10)
    if kind not in KINDS:
        raise fields.bad("kind")
    return kind


def _parse_seal(doc: object) -> Seal | None:
    if doc is None:
        return None
    fields = _Fields(doc, "encryption.")
    algorithm = fields.text("algorithm")
    if algorithm != SEAL_ALGORITHM:
        raise BatchRejected(f"批次使用了本程序不认识的加密方式 {algorithm}，请升级")
    return Seal(algorithm, fields.hex("ephemeral_public_key", 64), fields.hex("recipient_key_sha256", 64))


def _parse_tables(tables: _Fields, *, sealed: bool) -> dict[str, TableInfo]:
    if len(tables.doc) > MAX_TABLES:
        raise BatchRejected("批次中的文件过多，不是本程序写出的批次")
    infos = {}
    for name in tables.doc:
        if not _TABLE_RE.fullmatch(name):
            raise tables.bad(_shown(name))
        fields = _Fields(tables.doc[name], f"tables.{name}.")
        file = fields.text("file")
        if file != f"data/{name}.jsonl" + (".sealed" if sealed else ""):
            raise fields.bad("file")
        infos[name] = TableInfo(file, fields.count("rows"), fields.count("bytes"), fields.hex("sha256", 64),
                                fields.hex("nonce", 24) if sealed else None)
    if sum(info.size for info in infos.values()) > MAX_PLAINTEXT_BYTES:
        raise BatchRejected("批次解压后过大，不是本程序写出的批次")
    return infos


def _check_signature(archive: zipfile.ZipFile, manifest: Manifest, raw: bytes,
                     sender_key: Callable[[str], Ed25519PublicKey | None]) -> None:
    if SIGNATURE not in archive.NameToInfo:
        raise BatchRejected("批次未签名")
    signature = _read_entry(archive, SIGNATURE, 64, "签名无效：批次可能被篡改")
    public = sender_key(manifest.sender.code)
    if public is None:
        raise BatchRejected(f"发件单位 {manifest.sender.code} 的公钥未被信任")
    try:
        public.verify(signature, raw)
    except InvalidSignature:
        raise BatchRejected("签名无效：批次可能被篡改") from None


def _payload_key(manifest: Manifest, receiving_key: X25519PrivateKey | None) -> bytes | None:
    seal = manifest.seal
    if seal is None:
        return None
    if receiving_key is None:
        raise BatchRejected("批次已加密，本单位没有解密密钥")
    recipient_raw = _raw(receiving_key.public_key())
    if hashlib.sha256(recipient_raw).hexdigest() != seal.recipient_key_sha256:
        raise BatchRejected("批次是用另一把密钥加密的，本单位的密钥无法解密")
    ephemeral_raw = bytes.fromhex(seal.ephemeral_public_key)
    try:
        shared = receiving_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
    except ValueError as e:  # a low-order point: no shared secret
        raise BatchRejected("批次的加密信息无效") from e
    return _derive_key(shared, manifest.batch_id, ephemeral_raw, recipient_raw)


def _verify_payload(archive: zipfile.ZipFile, batch_id: str, info: TableInfo, key: bytes | None) -> None:
    digest, size, rows, last = hashlib.sha256(), 0, 0, b"\n"
    for chunk in _plaintext(archive, batch_id, info, key):
        digest.update(chunk)
        size += len(chunk)
        rows += chunk.count(b"\n")
        last = chunk[-1:] or last
    if size != info.size or digest.hexdigest() != info.sha256 or last != b"\n":
        raise BatchRejected(f"校验和不符：{info.file}")
    if rows != info.rows:
        raise BatchRejected(f"行数不符：{info.file}（清单记 {info.rows} 行，实有 {rows} 行）")


def _plaintext(archive: zipfile.ZipFile, batch_id: str, info: TableInfo, key: bytes | None) -> Iterator[bytes]:
    """The payload's jsonl text in chunks: read, decrypted and inflated, never more than ``info.size``."""
    entry = archive.getinfo(info.file)
    try:
        if key is None:
            if entry.file_size != info.size:
                raise BatchRejected(f"校验和不符：{info.file}")
            with archive.open(entry) as f:
                while chunk := f.read(_CHUNK):
                    yield chunk
            return
        if entry.compress_type != zipfile.ZIP_STORED or info.nonce is None:
            raise BatchRejected(CORRUPT)
        try:
            compressed = AESGCM(key).decrypt(bytes.fromhex(info.nonce), archive.read(entry),
                                             _aad(batch_id, info.file))
        except InvalidTag:
            raise BatchRejected(f"无法解密 {info.file}：批次可能被篡改") from None
        yield from _inflate(compressed, info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise BatchRejected(CORRUPT) from e


def _inflate(data: bytes, info: TableInfo) -> Iterator[bytes]:
    inflater, tail, size = zlib.decompressobj(), data, 0
    while not inflater.eof:
        chunk = inflater.decompress(tail, _CHUNK)
        tail = inflater.unconsumed_tail
        if not (chunk or tail or inflater.eof):  # input used up, stream not ended: cut short
            raise BatchRejected(CORRUPT)
        size += len(chunk)
        if size > info.size:  # a zip bomb, or a lie: stop before inflating any further
            raise BatchRejected(f"{info.file} 解压后超过清单所记的大小，批次可能是恶意文件")
        yield chunk
    if inflater.unused_data:
        raise BatchRejected(CORRUPT)


def _record(line: bytes, file: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        record = None
    if not isinstance(record, dict):
        raise BatchRejected(f"{file} 第 {number} 行不是有效的记录")
    return record


def _is_hex(value: str, length: int) -> bool:
    return len(value) == length and _HEX_RE.fullmatch(value) is not None
