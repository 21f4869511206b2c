"""Office keys (design §5): created once and kept private in the data folder, public-key files that are read
strictly, and trusted peers that only a key manager can add, with every change in the audit trail."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AuditEntry
from db.offices import set_setting
from db.store import Store
from db.sync import keys
from db.sync.keys import KeyFileError, OfficeKeys, PublicKeys
from db.writes import verify_audit_chain

OWN = "110101006"
DISTRICT = "110101"
RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows relies on the profile ACL")


def raw_public(office: OfficeKeys) -> tuple[bytes, bytes]:
    return office.signing.public_key().public_bytes(*RAW), office.receiving.public_key().public_bytes(*RAW)


def fixed_keys(code: str = OWN) -> OfficeKeys:
    return OfficeKeys(code, Ed25519PrivateKey.from_private_bytes(bytes(range(32))),
                      X25519PrivateKey.from_private_bytes(bytes(range(32, 64))))


@pytest.fixture
def district_file(tmp_path: Path) -> Path:
    """The district's public-key file, as it arrives on a USB stick."""
    path = tmp_path / "district.pub.json"
    keys.export_public(keys.load_or_create(DISTRICT, tmp_path / "district"), "东城区总工会", path)
    return path


# --- this office's keys -------------------------------------------------------------------------------------

def test_keys_are_created_on_first_use_and_loaded_again(tmp_path: Path) -> None:
    first = keys.load_or_create(OWN, tmp_path)
    again = keys.load_or_create(OWN, tmp_path)
    assert raw_public(again) == raw_public(first)
    assert again.public == first.public
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == [f"{OWN}.receiving.pem", f"{OWN}.signing.pem"]
    assert raw_public(keys.load_or_create("110101007", tmp_path)) != raw_public(first)


def test_keys_live_in_the_data_folder_not_in_the_database(uniondesk_home: Path) -> None:
    assert keys.keys_dir() == uniondesk_home / "keys"
    keys.load_or_create(OWN)
    assert keys.key_files(OWN) == (uniondesk_home / "keys" / f"{OWN}.signing.pem",
                                   uniondesk_home / "keys" / f"{OWN}.receiving.pem")
    assert all(p.is_file() for p in keys.key_files(OWN))


@posix_only
def test_only_the_owner_can_read_the_keys(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        keys.load_or_create(OWN, tmp_path)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700
    for path in keys.key_files(OWN, tmp_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")


@pytest.mark.parametrize("damage", [
    lambda _: b"",
    lambda text: text[:60],
    lambda text: text.replace(b"M", b"N", 1),
    lambda _: b"\x00\xff garbage",
], ids=["empty", "truncated", "bit-flip", "garbage"])
def test_a_damaged_key_file_is_reported_and_never_replaced(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    keys.load_or_create(OWN, tmp_path)
    signing_file, _ = keys.key_files(OWN, tmp_path)
    damaged = damage(signing_file.read_bytes())
    signing_file.write_bytes(damaged)
    with pytest.raises(KeyFileError, match="密钥文件.*从备份恢复"):
        keys.load_or_create(OWN, tmp_path)
    assert signing_file.read_bytes() == damaged
    assert len(list((tmp_path / "keys").iterdir())) == 2


def test_key_files_swapped_are_refused(tmp_path: Path) -> None:
    signing_file, receiving_file = keys.key_files(OWN, tmp_path)
    keys.load_or_create(OWN, tmp_path)
    signing, receiving = signing_file.read_bytes(), receiving_file.read_bytes()
    signing_file.write_bytes(receiving)
    receiving_file.write_bytes(signing)
    with pytest.raises(KeyFileError, match="类型不对"):
        keys.load_or_create(OWN, tmp_path)


def test_half_a_key_pair_is_reported_not_completed(tmp_path: Path) -> None:
    signing_file, receiving_file = keys.key_files(OWN, tmp_path)
    keys.load_or_create(OWN, tmp_path)
    receiving_file.unlink()
    with pytest.raises(KeyFileError, match=f"不完整.*{OWN}.receiving.pem"):
        keys.load_or_create(OWN, tmp_path)
    assert not receiving_file.exists() and signing_file.exists()


@pytest.mark.parametrize("code", ["", "../etc", "1101/01", "东四"])
def test_office_codes_that_are_no_file_names_are_refused(tmp_path: Path, code: str) -> None:
    with pytest.raises(ValidationError, match="单位代码"):
        keys.load_or_create(code, tmp_path)
    assert not (tmp_path / "keys").exists()


# --- public-key files ---------------------------------------------------------------------------------------

def test_public_key_file_round_trip(tmp_path: Path) -> None:
    own = keys.load_or_create(OWN, tmp_path)
    path = tmp_path / "out" / "dongsi.pub.json"
    path.parent.mkdir()
    exported = keys.export_public(own, "东四街道工会", path)
    assert "东四街道工会" in path.read_text(encoding="utf-8")  # readable, not \\u-escaped
    assert keys.read_public(path) == exported
    assert PublicKeys.from_json(exported.to_json()) == exported
    assert exported.office_code == OWN and exported.office_name == "东四街道工会"
    assert exported.fingerprint == own.public.fingerprint
    assert [p.name for p in path.parent.iterdir()] == ["dongsi.pub.json"]  # no temporary file left


def test_fingerprint_is_readable_over_the_phone_and_stable() -> None:
    public = fixed_keys().public
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", public.fingerprint)
    digest = hashlib.sha256(public.signing.public_bytes(*RAW) + public.receiving.public_bytes(*RAW)).digest()
    assert public.fingerprint.replace("-", "") == base64.b32encode(digest[:20]).decode()
    assert public.fingerprint == "GYM6-OUFC-3VJL-VF4I-A6ZK-ADPV-NWNO-GNKD"  # a changed formula breaks trust
    assert fixed_keys("110101007").public.fingerprint == public.fingerprint  # the keys, not the name
    assert keys.load_or_create(OWN, None).public.fingerprint != public.fingerprint


def _document() -> dict[str, object]:
    document: dict[str, object] = json.loads(dataclasses.replace(fixed_keys().public, office_name="东四").to_json())
    return document


def _mutated(**changes: object) -> str:
    document = _document()
    for field, value in changes.items():
        if value is None:
            del document[field]
        else:
            document[field] = value
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize(("text", "reason"), [
    ("not json {", "无法解析"),
    ("[1, 2]", "格式应为"),
    (_mutated(format="uniondesk-public-key/2"), "格式应为"),
    (_mutated(format=None), "格式应为"),
    (_mutated(receiving=None), "字段不对"),
    (_mutated(comment="hello"), "字段不对"),
    (_mutated(signing=base64.b64encode(b"x" * 31).decode()), "签名公钥无效"),
    (_mutated(receiving=base64.b64encode(b"x" * 33).decode()), "接收公钥无效"),
    (_mutated(signing="!!not base64!!"), "签名公钥无效"),
    (_mutated(signing=12345), "签名公钥无效"),
    (_mutated(office_code="../x"), "单位代码无效"),
    (_mutated(office_code=110101006), "单位代码无效"),
    (_mutated(office_name=["东四"]), "单位名称无效"),
    (_mutated(fingerprint="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"), "指纹与公钥不符"),
    (_mutated(receiving=base64.b64encode(b"y" * 32).decode()), "指纹与公钥不符"),
])
def test_anything_but_a_public_key_file_is_refused_in_chinese(text: str, reason: str) -> None:
    with pytest.raises(KeyFileError, match=f"^公钥文件：.*{reason}"):
        PublicKeys.from_json(text)


def test_unreadable_public_key_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(KeyFileError, match="找不到公钥文件"):
        keys.read_public(missing)
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    with pytest.raises(KeyFileError, match="photo.jpg.*不是文本"):
        keys.read_public(binary)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * 100_000)
    with pytest.raises(KeyFileError, match="huge.json.*太大"):
        keys.read_public(huge)


# --- trusted peers ------------------------------------------------------------------------------------------

def _trust_entries(store: Store) -> list[dict[str, object]]:
    with store.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "trust_key")
                                  .order_by(AuditEntry.id)).all()
        assert verify_audit_chain(session.connection()) is None
        return [json.loads(e.changes) | {"actor": e.actor, "table": e.table_name} for e in entries]


def test_trusting_a_peer_stores_and_audits_its_key(store: Store, admin: Actor, district_file: Path) -> None:
    assert keys.trusted(store, DISTRICT) is None
    assert keys.trusted_offices(store) == {}
    peer = keys.trust(store, admin, district_file, DISTRICT)
    assert peer == keys.read_public(district_file)
    assert peer.office_name == "东城区总工会"
    assert keys.trusted(store, DISTRICT) == peer
    assert keys.trusted_offices(store) == {DISTRICT: peer}
    assert _trust_entries(store) == [{"office": DISTRICT, "office_name": "东城区总工会", "actor": "admin",
                                      "fingerprint": peer.fingerprint, "replaced": None, "table": "settings"}]
    keys.trust(store, admin, district_file, f" {DISTRICT} ")  # the same key again changes nothing
    assert len(_trust_entries(store)) == 1


def test_replacing_a_trusted_key_is_allowed_and_audited(store: Store, admin: Actor, district_file: Path,
                                                        tmp_path: Path) -> None:
    old = keys.trust(store, admin, district_file, DISTRICT)
    new_file = tmp_path / "district-new.pub.json"  # the district lost its keys and made new ones
    new = keys.export_public(keys.load_or_create(DISTRICT, tmp_path / "reinstalled"), "东城区总工会", new_file)
    assert new.fingerprint != old.fingerprint
    assert keys.trust(store, admin, new_file, DISTRICT) == new
    assert keys.trusted(store, DISTRICT) == new
    assert [e["replaced"] for e in _trust_entries(store)] == [None, old.fingerprint]
    assert _trust_entries(store)[1]["fingerprint"] == new.fingerprint


def test_several_peers_are_trusted_side_by_side(store: Store, admin: Actor, tmp_path: Path) -> None:
    found = {}
    for code in ("110101", "110101005", "110101008"):
        path = tmp_path / f"{code}.json"
        keys.export_public(keys.load_or_create(code, tmp_path / code), f"单位{code}", path)
        found[code] = keys.trust(store, admin, path, code)
    with store.transaction() as session:  # "_" in the prefix must not act as a LIKE wildcard
        set_setting(session, "trustedXkey/110101007", "not a key")
    assert keys.trusted_offices(store) == found
    assert keys.trusted(store, "110101007") is None


def test_a_file_of_another_office_is_refused(store: Store, admin: Actor, district_file: Path) -> None:
    with pytest.raises(KeyFileError, match=f"属于单位 {DISTRICT}（东城区总工会）.*不是要信任的单位 110101005"):
        keys.trust(store, admin, district_file, "110101005")
    assert keys.trusted_offices(store) == {}


def test_this_office_cannot_trust_its_own_key(store: Store, admin: Actor, tmp_path: Path) -> None:
    own_file = tmp_path / "own.json"
    keys.export_public(keys.load_or_create(OWN), "东四街道工会", own_file)
    with pytest.raises(ValidationError, match="是本单位"):
        keys.trust(store, admin, own_file, OWN)
    assert keys.trusted_offices(store) == {}
    assert _trust_entries(store) == []


def test_only_a_key_manager_may_trust(store: Store, clerk: Actor, approver: Actor, district_file: Path) -> None:
    for actor in (clerk, approver):
        with pytest.raises(PermissionDenied, match="管理密钥和备份"):
            keys.trust(store, actor, district_file, DISTRICT)
    assert keys.trusted_offices(store) == {}
    assert _trust_entries(store) == []


def test_a_damaged_stored_key_is_reported(store: Store, admin: Actor, district_file: Path) -> None:
    keys.trust(store, admin, district_file, DISTRICT)
    with store.transaction() as session:
        set_setting(session, keys.TRUSTED_KEY_PREFIX + DISTRICT, "{damaged")
    with pytest.raises(KeyFileError, match=f"已信任的 {DISTRICT} 公钥"):
        keys.trusted(store, DISTRICT)
