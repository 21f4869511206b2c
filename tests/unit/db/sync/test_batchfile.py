"""The .ubatch file: round trips, what a sealed file shows, and every refusal with the clerk's reason."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import tracemalloc
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from db.errors import UnionDeskError
from db.sync import batchfile
from db.sync.batchfile import (
    CORRUPT,
    FORMAT,
    MANIFEST,
    SIGNATURE,
    BatchRejected,
    OpenedBatch,
    Sender,
    open_batch,
    read_manifest,
    write_batch,
)

SENDER = Sender("110101006", "东四街道总工会", "subdistrict")
DISTRICT = "110101"
SIGNING = Ed25519PrivateKey.generate()
RECEIVING = X25519PrivateKey.generate()

MEMBERS = [
    {"uuid": "0190a1b2-c3d4-7e5f-8a9b-000000000001", "office_code": "110101006", "rev": 3, "deleted": False,
     "name": "张秀英", "id_number": "110101198003071234", "phone": "13911112222",
     "birth_date": dt.date(1980, 3, 7), "updated_at": dt.datetime(2025, 1, 31, 8, 30, tzinfo=dt.UTC),
     "note": None, "is_cadre": True, "fee": decimal.Decimal("12.50")},
    {"uuid": "0190a1b2-c3d4-7e5f-8a9b-000000000002", "office_code": "110101006", "rev": 1, "deleted": True,
     "name": "欧阳明华", "id_number": "11010119900101002X", "phone": "13800001111",
     "birth_date": dt.date(1990, 1, 1), "updated_at": dt.datetime(2025, 2, 1, 9, 0),
     "note": "第一行\n第二行\u2028仍是第二行", "is_cadre": False, "fee": None},
]
UNITS = [{"uuid": "0190a1b2-c3d4-7e5f-8a9b-0000000000aa", "name": "北京市东城区某某科技有限公司", "rev": 1,
          "deleted": False, "members": 2}]
TABLES: dict[str, list[dict[str, Any]]] = {"members": MEMBERS, "units": UNITS, "aid_cases": []}


def _json_view(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as a reader gets them back: dates as ISO text, decimals as text."""
    return [{k: v.isoformat() if isinstance(v, dt.date) else str(v) if isinstance(v, decimal.Decimal) else v
             for k, v in row.items()} for row in rows]


def _write(out: Path, *, sealed: bool = True, tables: Any = None, **changes: Any) -> Path:
    args: dict[str, Any] = {
        "sender": SENDER, "recipient": DISTRICT, "seq": 3, "kind": "delta", "prev_sha256": "ab" * 32,
        "schema_revision": "0007_members", "app_version": "0.1.0", "signing_key": SIGNING,
        "recipient_key": RECEIVING.public_key() if sealed else None, "today": dt.date(2025, 1, 31),
    }
    path, _ = write_batch(out, tables=TABLES if tables is None else tables, **(args | changes))
    return path


def _trusting(key: Ed25519PublicKey | None = None) -> Callable[[str], Ed25519PublicKey | None]:
    key = key or SIGNING.public_key()
    return lambda code: key if code == SENDER.code else None


def _open(path: Path, **changes: Any) -> OpenedBatch:
    args: dict[str, Any] = {"my_office": DISTRICT, "sender_key": _trusting(), "receiving_key": RECEIVING}
    return open_batch(path, **(args | changes))


def _refused(path: Path, **changes: Any) -> str:
    with pytest.raises(BatchRejected) as caught:
        _open(path, **changes)
    return caught.value.reason


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _rezip(path: Path, entries: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    """Write ``entries`` as a well-formed zip (right CRCs): what a forger with a zip tool would make."""
    items = entries.items() if isinstance(entries, dict) else entries
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as zf:
        warnings.simplefilter("ignore")  # duplicate names, on purpose
        for name, data in items:
            method = zipfile.ZIP_STORED if name.endswith((".sealed", ".sig")) else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def _edit_manifest(path: Path, edit: Callable[[dict[str, Any]], None], *, sign_with: Any = SIGNING) -> Path:
    entries = _entries(path)
    doc = json.loads(entries[MANIFEST])
    edit(doc)
    entries[MANIFEST] = json.dumps(doc, ensure_ascii=False, indent=1).encode()
    if sign_with is not None:
        entries[SIGNATURE] = sign_with.sign(entries[MANIFEST])
    return _rezip(path, entries)


def _flip_byte_of(path: Path, name: str, at: int = 5) -> None:
    with zipfile.ZipFile(path) as zf:
        entry = zf.getinfo(name)
    data = bytearray(path.read_bytes())
    data[entry.header_offset + 30 + len(name) + at] ^= 0x01  # our entries carry no extra field
    path.write_bytes(bytes(data))


# ------------------------------------------------------------------------------------------------ round trips

@pytest.mark.parametrize("sealed", [True, False])
def test_round_trip(tmp_path: Path, sealed: bool) -> None:
    path = _write(tmp_path, sealed=sealed)
    opened = _open(path)
    assert list(opened.rows("members")) == _json_view(MEMBERS)
    assert list(opened.rows("units")) == UNITS
    assert list(opened.rows("aid_cases")) == []
    manifest = opened.manifest
    assert (manifest.sender, manifest.recipient, manifest.seq, manifest.kind) == (SENDER, DISTRICT, 3, "delta")
    assert (manifest.prev_sha256, manifest.schema_revision, manifest.app_version) == ("ab" * 32, "0007_members",
                                                                                       "0.1.0")
    assert manifest.sealed is sealed
    assert dt.datetime.fromisoformat(manifest.created_at).utcoffset() == dt.timedelta(0)
    assert opened.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(KeyError):
        opened.rows("contests")


def test_file_name_sha_and_no_leftovers(tmp_path: Path) -> None:
    path, sha = write_batch(tmp_path, sender=SENDER, recipient=DISTRICT, seq=12, kind="full", prev_sha256=None,
                            schema_revision="r", app_version="0.1.0", tables=TABLES, signing_key=SIGNING,
                            recipient_key=None, today=dt.date(2025, 3, 9))
    assert path == tmp_path / "110101006-12-20250309.ubatch"
    assert sha == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["data/aid_cases.jsonl", "data/members.jsonl", "data/units.jsonl",
                                         MANIFEST, SIGNATURE]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    def rows() -> Iterator[dict[str, Any]]:
        yield {"a": 1}
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        _write(tmp_path, tables={"members": rows()})
    assert list(tmp_path.iterdir()) == []


def test_payload_bytes_are_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = _write(tmp_path / "a", sealed=False), _write(tmp_path / "b", sealed=False)
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as two:
        for name in ("data/members.jsonl", "data/units.jsonl"):
            a, b = one.getinfo(name), two.getinfo(name)
            assert (a.CRC, a.compress_size, one.read(name)) == (b.CRC, b.compress_size, two.read(name))
    sealed = read_manifest(_write(tmp_path / "b", sealed=True, seq=4))
    assert {t: i.sha256 for t, i in sealed.tables.items()} == {
        t: i.sha256 for t, i in read_manifest(first).tables.items()}
    line = _entries(first)["data/members.jsonl"].split(b"\n")[0].decode()
    assert line.startswith('{"birth_date":"1980-03-07","deleted":false,"fee":"12.50","id_number"')
    assert "张秀英" in line and ", " not in line


def test_manifest_readable_without_keys(tmp_path: Path) -> None:
    manifest = read_manifest(_write(tmp_path, sealed=True))
    assert {t: i.rows for t, i in manifest.tables.items()} == {"members": 2, "units": 1, "aid_cases": 0}
    assert manifest.tables["members"].file == "data/members.jsonl.sealed"
    assert manifest.seal is not None and manifest.seal.algorithm == batchfile.SEAL_ALGORITHM
    assert manifest.sender.name == "东四街道总工会"
    doc = json.loads(_entries(_write(tmp_path))[MANIFEST])
    assert doc["format"] == FORMAT
    assert sorted(doc) == ["app_version", "batch_id", "created_at", "encryption", "format", "kind", "prev_sha256",
                           "recipient", "schema_revision", "sender", "seq", "tables"]
    assert sorted(doc["tables"]["members"]) == ["bytes", "file", "nonce", "rows", "sha256"]


def test_sealed_file_shows_no_personal_data(tmp_path: Path) -> None:
    secrets = [s.encode() for row in MEMBERS for s in (row["name"], row["id_number"], row["phone"])]
    secrets += [b"\xe5\xbc\xa0", "某某科技".encode(), b"1980-03-07"]  # 张, a unit's name, a birth date
    plain_text = b"".join(_entries(_write(tmp_path, sealed=False)).values())
    assert all(s in plain_text for s in secrets)  # the test can see them when they are there
    raw = _write(tmp_path, sealed=True).read_bytes()
    assert [s for s in secrets if s in raw] == []
    assert b"members" in raw  # table names and counts stay readable


# ------------------------------------------------------------------------------------------------ refusals

def test_tampered_manifest_breaks_the_signature(tmp_path: Path) -> None:
    path = _write(tmp_path)
    _edit_manifest(path, lambda doc: doc["tables"]["members"].update(rows=3), sign_with=None)
    assert _refused(path) == "签名无效：批次可能被篡改"


def test_flipped_byte_is_a_damaged_file(tmp_path: Path) -> None:
    path = _write(tmp_path)
    _flip_byte_of(path, MANIFEST)
    assert _refused(path) == CORRUPT
    path = _write(tmp_path)
    _flip_byte_of(path, "data/members.jsonl.sealed", at=40)
    assert _refused(path) == CORRUPT


@pytest.mark.parametrize("at", [8, 10, 14, 18, 22, 25, 30])  # method, time, CRC, sizes, name
def test_flipped_byte_of_a_local_header_is_a_damaged_file(tmp_path: Path, at: int) -> None:
    # zipfile reads the central directory only: the reader compares each local header with it
    path = _write(tmp_path)
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("data/members.jsonl.sealed").header_offset
    data = bytearray(path.read_bytes())
    data[offset + at] ^= 0x01
    path.write_bytes(bytes(data))
    assert _refused(path) == CORRUPT


def test_tampered_payload(tmp_path: Path) -> None:
    path = _write(tmp_path, sealed=True)
    entries = _entries(path)
    sealed = bytearray(entries["data/members.jsonl.sealed"])
    sealed[10] ^= 0x01
    _rezip(path, entries | {"data/members.jsonl.sealed": bytes(sealed)})
    assert _refused(path) == "无法解密 data/members.jsonl.sealed：批次可能被篡改"

    path = _write(tmp_path, sealed=False)
    entries = _entries(path)
    _rezip(path, entries | {"data/members.jsonl": entries["data/members.jsonl"].replace("张".encode(), "李".encode())})
    assert _refused(path) == "校验和不符：data/members.jsonl"


@pytest.mark.parametrize("sealed", [True, False])
def test_payload_swapped_in_from_another_batch(tmp_path: Path, sealed: bool) -> None:
    (tmp_path / "other").mkdir()
    other = _write(tmp_path / "other", sealed=sealed, tables={"members": MEMBERS[:1], "units": [], "aid_cases": []})
    path = _write(tmp_path, sealed=sealed)
    name = "data/members.jsonl" + (".sealed" if sealed else "")
    _rezip(path, _entries(path) | {name: _entries(other)[name]})
    assert _refused(path) == ("无法解密 data/members.jsonl.sealed：批次可能被篡改" if sealed
                              else "校验和不符：data/members.jsonl")


def test_payload_bound_to_its_batch_even_under_the_same_key(tmp_path: Path) -> None:
    """AAD names batch and file: a payload sealed under the very same key but for another file is refused."""
    path = _write(tmp_path, sealed=True)
    manifest = read_manifest(path)
    key = batchfile._payload_key(manifest, RECEIVING)
    assert key is not None
    units = manifest.tables["units"]
    assert units.nonce is not None
    plaintext = AESGCM(key).decrypt(bytes.fromhex(units.nonce), _entries(path)["data/units.jsonl.sealed"],
                                    batchfile._aad(manifest.batch_id, units.file))
    nonce = manifest.tables["members"].nonce
    assert nonce is not None
    moved = AESGCM(key).encrypt(bytes.fromhex(nonce), plaintext, batchfile._aad(manifest.batch_id, units.file))
    _rezip(path, _entries(path) | {"data/members.jsonl.sealed": moved})
    assert _refused(path) == "无法解密 data/members.jsonl.sealed：批次可能被篡改"


def test_truncated_and_foreign_files(tmp_path: Path) -> None:
    path = _write(tmp_path)
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 10):
        path.write_bytes(data[:cut])
        assert _refused(path) == CORRUPT
    path.write_bytes(b"")
    assert _refused(path) == "文件不是 UnionDesk 批次（.ubatch）"
    path.write_bytes("姓名,身份证号\n张秀英,110101198003071234\n".encode())
    assert _refused(path) == "文件不是 UnionDesk 批次（.ubatch）"
    assert _refused(tmp_path / "missing.ubatch").startswith("无法读取文件：")


def test_unsigned(tmp_path: Path) -> None:
    path = _write(tmp_path)
    entries = _entries(path)
    del entries[SIGNATURE]
    _rezip(path, entries)
    assert _refused(path) == "批次未签名"
    assert read_manifest(path).seq == 3  # a receipt can still be read


def test_signed_by_another_key(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert _refused(path, sender_key=_trusting(Ed25519PrivateKey.generate().public_key())) == "签名无效：批次可能被篡改"
    _edit_manifest(path, lambda doc: doc.update(seq=4), sign_with=Ed25519PrivateKey.generate())
    assert _refused(path) == "签名无效：批次可能被篡改"


def test_sender_not_trusted(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert _refused(path, sender_key=lambda _code: None) == "发件单位 110101006 的公钥未被信任"


def test_wrong_recipient(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert _refused(path, my_office="110101007") == "批次不是发给本单位的（收件单位 110101，本单位 110101007）"


def test_newer_format(tmp_path: Path) -> None:
    path = _edit_manifest(_write(tmp_path), lambda doc: doc.update(format="uniondesk-batch/2", extra={}))
    assert _refused(path) == "批次格式 uniondesk-batch/2 比本程序新，请升级"
    with pytest.raises(BatchRejected, match="比本程序新"):
        read_manifest(path)
    path = _edit_manifest(_write(tmp_path), lambda doc: doc.update(format="something-else/1"))
    assert _refused(path) == "文件不是 UnionDesk 批次（清单格式不明）"


def test_sealed_batch_needs_the_right_receiving_key(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert _refused(path, receiving_key=None) == "批次已加密，本单位没有解密密钥"
    assert _refused(path, receiving_key=X25519PrivateKey.generate()) == "批次是用另一把密钥加密的，本单位的密钥无法解密"


def test_sealed_for_a_key_it_claims_not_to_be(tmp_path: Path) -> None:
    """The manifest names our key, but the payload was sealed for another: decryption fails, clearly."""
    other = X25519PrivateKey.generate()
    path = _write(tmp_path, recipient_key=other.public_key())
    ours = hashlib.sha256(batchfile._raw(RECEIVING.public_key())).hexdigest()
    _edit_manifest(path, lambda doc: doc["encryption"].update(recipient_key_sha256=ours))
    assert _refused(path) == "无法解密 data/aid_cases.jsonl.sealed：批次可能被篡改"


def test_zip_bomb_entry_refused_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batchfile, "MAX_PLAINTEXT_BYTES", 2**20)
    path = _write(tmp_path, sealed=False)
    entries = _entries(path) | {"data/members.jsonl": bytes(64 * 2**20)}  # 64 MB of zeros, 64 kB deflated
    _rezip(path, entries)
    assert path.stat().st_size < 2**20
    tracemalloc.start()
    try:
        assert _refused(path) == "批次中的 data/members.jsonl 解压后过大，批次可能是恶意文件"
        assert tracemalloc.get_traced_memory()[1] < 8 * 2**20
    finally:
        tracemalloc.stop()


def test_sealed_zip_bomb_stops_at_the_declared_size(tmp_path: Path) -> None:
    """Even a trusted sender's payload inflates no further than the size its own manifest declares."""
    path = _write(tmp_path, tables={"members": MEMBERS})
    manifest = read_manifest(path)
    key = batchfile._payload_key(manifest, RECEIVING)
    nonce = manifest.tables["members"].nonce
    assert key is not None and nonce is not None
    bomb = zlib.compress(bytes(256 * 2**20), 9)  # 256 MB of zeros in 250 kB
    sealed = AESGCM(key).encrypt(bytes.fromhex(nonce), bomb, batchfile._aad(manifest.batch_id,
                                                                              "data/members.jsonl.sealed"))
    _rezip(path, _entries(path) | {"data/members.jsonl.sealed": sealed})
    tracemalloc.start()
    try:
        assert _refused(path) == "data/members.jsonl.sealed 解压后超过清单所记的大小，批次可能是恶意文件"
        assert tracemalloc.get_traced_memory()[1] < 16 * 2**20
    finally:
        tracemalloc.stop()


def test_oversized_manifest_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path)
    _rezip(path, _entries(path) | {MANIFEST: b" " * (10 * 2**20) + b"{}"})
    assert _refused(path) == "批次清单过大，不是本程序写出的批次"
    monkeypatch.setattr(batchfile, "MAX_BATCH_BYTES", 1000)
    assert _refused(_write(tmp_path)) == "文件过大（超过 0 MB），不是本程序写出的批次"


@pytest.mark.parametrize("name", ["../../evil.txt", "/etc/passwd", "data/../../x.jsonl", "data\\..\\x.jsonl",
                                  "C:/x.jsonl"])
def test_path_traversal_entry(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path)
    _rezip(path, _entries(path) | {name: b"x"})
    assert _refused(path) == f"批次含有不安全的文件名：{name!r}"


@pytest.mark.parametrize("name", ["data/notes.jsonl", "readme.txt", "data/members.jsonl"])
def test_extra_entry(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path)
    _rezip(path, _entries(path) | {name: b"{}\n"})
    assert _refused(path) == f"批次含有多余的文件：{name!r}"


def test_duplicate_and_missing_entries(tmp_path: Path) -> None:
    path = _write(tmp_path)
    entries = _entries(path)
    _rezip(path, [*entries.items(), ("data/units.jsonl.sealed", b"x")])
    assert _refused(path) == "批次含有重名的文件：'data/units.jsonl.sealed'"
    del entries["data/units.jsonl.sealed"]
    _rezip(path, entries)
    assert _refused(path) == "批次缺少文件：data/units.jsonl.sealed"
    del entries[MANIFEST]
    _rezip(path, entries)
    assert _refused(path) == "批次缺少清单 manifest.json"


def test_signed_but_malformed_manifest(tmp_path: Path) -> None:
    cases: list[tuple[Callable[[dict[str, Any]], Any], str]] = [
        (lambda doc: doc.update(seq=0), "批次清单格式错误（seq）"),
        (lambda doc: doc.update(seq=True), "批次清单格式错误（seq）"),
        (lambda doc: doc.update(kind="partial"), "批次清单格式错误（kind）"),
        (lambda doc: doc.update(batch_id="not-a-uuid"), "批次清单格式错误（batch_id）"),
        (lambda doc: doc["sender"].update(code="../x"), "批次清单格式错误（sender.code）"),
        (lambda doc: doc["tables"]["members"].update(file="data/units.jsonl.sealed"),
         "批次清单格式错误（tables.members.file）"),
        (lambda doc: doc["encryption"].update(algorithm="ROT13"), "批次使用了本程序不认识的加密方式 ROT13，请升级"),
        (lambda doc: doc["tables"]["members"].update(rows=5),
         "行数不符：data/members.jsonl.sealed（清单记 5 行，实有 2 行）"),
    ]
    for edit, reason in cases:
        assert _refused(_edit_manifest(_write(tmp_path), edit)) == reason


# ------------------------------------------------------------------------------------------------ volume

def _members(count: int) -> Iterator[dict[str, Any]]:
    birth = dt.date(1960, 1, 1)
    for i in range(count):
        yield {
            "uuid": f"0190a1b2-c3d4-7e5f-8a9b-{i:012d}", "office_code": "110101006", "rev": 1 + i % 4,
            "deleted": i % 50 == 0, "name": "张王李赵刘陈"[i % 6] + "秀英明华伟"[i % 5] + "国",
            "id_number": f"110101{1960 + i % 40}0101{i % 10000:04d}", "phone": f"139{i:08d}", "gender": "男女"[i % 2],
            "birth_date": birth + dt.timedelta(days=i % 14000), "joined_on": dt.date(2010, 1, 1),
            "ethnicity": "汉族", "education": "本科", "politics": "中共党员",
            "unit_name": "北京市东城区某某科技有限公司",
            "unit_uuid": "0190a1b2-c3d4-7e5f-8a9b-00000000aaaa", "position": "职员",
            "address": f"北京市东城区东四街道某某胡同{i % 300}号", "note": None, "is_model_worker": i % 97 == 0,
            "is_cadre": i % 7 == 0, "card_no": f"D{i:08d}", "updated_at": dt.datetime(2025, 1, 1, 12, 0, i % 60),
            "updated_by": "admin", "hukou": "北京", "marital": "已婚", "difficult": False, "contract": True,
            "fee": None, "email": None, "skill": "", "status": "active", "left_on": None,
        }


def test_hundred_thousand_members_sealed(tmp_path: Path) -> None:
    """A large office's whole registry in one sealed batch comes back row for row (how fast:
    tests/benchmarks/test_budgets.py)."""
    path = _write(tmp_path, tables={"members": _members(100_000)}, kind="full")
    opened = _open(path)
    assert sum(1 for _ in opened.rows("members")) == opened.manifest.tables["members"].rows == 100_000


@pytest.mark.slow
def test_members_stream_through_in_bounded_memory(tmp_path: Path) -> None:
    """Memory stays near the sealed payload's size, far below the plaintext's (tracemalloc: 3x slower)."""
    tracemalloc.start()
    try:
        path = _write(tmp_path, tables={"members": _members(30_000)}, kind="full")
        write_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        opened = _open(path)
        for _ in opened.rows("members"):
            pass
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size, plaintext = path.stat().st_size, opened.manifest.tables["members"].size
    print(f"\npeaks: write {write_peak / 2**20:.1f} MB, read {read_peak / 2**20:.1f} MB "
          f"(file {size / 2**20:.1f} MB, plaintext {plaintext / 2**20:.1f} MB)")
    assert write_peak < 3 * size + 4 * 2**20 < plaintext
    assert read_peak < 4 * size + 6 * 2**20 < plaintext


def test_writer_refuses_what_a_reader_would_refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for change in ({"seq": 0}, {"kind": "partial"}, {"recipient": "../x"}, {"prev_sha256": "AB" * 32},
                   {"tables": {"Members; drop": []}}, {"sender": Sender("110101006", "", "subdistrict")}):
        with pytest.raises(ValueError, match="invalid batch"):
            _write(tmp_path, **change)
    with pytest.raises(TypeError):
        _write(tmp_path, tables={"members": [["not", "a", "mapping"]]})
    with pytest.raises(TypeError):
        _write(tmp_path, tables={"members": [{"blob": b"\x00"}]})
    monkeypatch.setattr(batchfile, "MAX_PLAINTEXT_BYTES", 1000)
    with pytest.raises(UnionDeskError, match="批次过大"):
        _write(tmp_path, tables={"members": _members(100)})
    assert list(tmp_path.iterdir()) == []
