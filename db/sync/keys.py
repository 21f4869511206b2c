"""Office keys: this office's key pairs, and the public keys of the offices it trusts (design §5).

Each office has two key pairs, created on first use: Ed25519 signs the manifests of the batches it sends,
X25519 receives the batches sealed for it. Peers learn the public halves from a small public-key file and
check its fingerprint with the sender over the phone before they trust it.

Why files and not the database: the database file is copied — into backups, onto a colleague's computer, by
a restore — and its rows travel in batches. Private keys inside it would travel with every copy, and whoever
held one could sign batches as this office and open batches sealed for it. So the private keys live beside
the database in the data folder's ``keys/`` folder (PKCS8 PEM, one file per key), readable by the owner
alone: folder 0700, files 0600, written through a temporary file so that a crash never leaves half a key.
On Windows the modes mean little; there the data folder lies in the user's profile, whose ACL already admits
only that user and the administrators. A damaged key file is reported, never silently replaced: a new key
would quietly break every peer's trust in this office.

Peers' public keys are not secret, only their integrity matters: they are kept in the database's settings
table, written only by a user who may manage keys, and every change is recorded in the audit trail.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.atomic import atomic_file
from db.auth import Actor, require
from db.errors import UnionDeskError, ValidationError
from db.models import Setting
from db.offices import get_setting, set_setting, this_office
from db.store import Store, data_dir
from db.writes import append_audit

PUBLIC_KEY_FORMAT = "uniondesk-public-key/1"
TRUSTED_KEY_PREFIX = "trusted_key/"
_PUBLIC_FIELDS = frozenset({"format", "office_code", "office_name", "signing", "receiving", "fingerprint"})
_RAW_KEY_LENGTH = 32
_MAX_PUBLIC_FILE = 64 * 1024  # a public-key file is a few hundred bytes; anything this big is something else


class KeyFileError(UnionDeskError):
    """A key file — this office's private key or a peer's public-key file — is missing, damaged or foreign."""


@dataclass(frozen=True, eq=False)
class PublicKeys:
    """What peers know of an office: its code and name and the public halves of its two key pairs.

    Equal when code, name and both keys are equal (the key objects themselves cannot be hashed).
    """

    office_code: str
    office_name: str
    signing: Ed25519PublicKey
    receiving: X25519PublicKey

    @property
    def fingerprint(self) -> str:
        """SHA-256 of both raw public keys, first 20 bytes in base32, in groups of 4: read over the phone."""
        digest = hashlib.sha256(_raw(self.signing) + _raw(self.receiving)).digest()[:20]
        text = base64.b32encode(digest).decode("ascii")
        return "-".join(text[i:i + 4] for i in range(0, len(text), 4))

    def _identity(self) -> tuple[str, str, bytes, bytes]:
        return self.office_code, self.office_name, _raw(self.signing), _raw(self.receiving)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PublicKeys):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def to_json(self) -> str:
        b64 = base64.b64encode
        document = {"format": PUBLIC_KEY_FORMAT, "office_code": self.office_code, "office_name": self.office_name,
                    "signing": b64(_raw(self.signing)).decode("ascii"),
                    "receiving": b64(_raw(self.receiving)).decode("ascii"),
                    "fingerprint": self.fingerprint}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "公钥文件") -> PublicKeys:
        """Parse :meth:`to_json`'s output strictly; ``source`` names the text in the error messages."""
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise KeyFileError(f"{source}：不是 UnionDesk 公钥文件（无法解析）") from exc
        if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
            raise KeyFileError(f"{source}：不是 UnionDesk 公钥文件（格式应为 {PUBLIC_KEY_FORMAT}）")
        if set(document) != _PUBLIC_FIELDS:
            raise KeyFileError(f"{source}：字段不对，应恰好包含 {'、'.join(sorted(_PUBLIC_FIELDS))}")
        code, name = document["office_code"], document["office_name"]
        if not isinstance(code, str) or not valid_office_code(code):
            raise KeyFileError(f"{source}：单位代码无效")
        if not isinstance(name, str):
            raise KeyFileError(f"{source}：单位名称无效")
        keys = cls(code, name, Ed25519PublicKey.from_public_bytes(_raw_field(document, "signing", "签名公钥", source)),
                   X25519PublicKey.from_public_bytes(_raw_field(document, "receiving", "接收公钥", source)))
        if document["fingerprint"] != keys.fingerprint:
            raise KeyFileError(f"{source}：指纹与公钥不符，文件可能被改动过")
        return keys


@dataclass(frozen=True, eq=False)
class OfficeKeys:
    """This office's private keys: Ed25519 for signing what it sends, X25519 for opening what it receives."""

    office_code: str
    signing: Ed25519PrivateKey
    receiving: X25519PrivateKey

    @property
    def public(self) -> PublicKeys:
        """The public halves, without the office name (which lives in the database, not in the key files)."""
        return PublicKeys(self.office_code, "", self.signing.public_key(), self.receiving.public_key())


def _raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_field(document: dict[str, Any], field: str, label: str, source: str) -> bytes:
    value = document[field]
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except ValueError:
        raw = b""
    if len(raw) != _RAW_KEY_LENGTH:
        raise KeyFileError(f"{source}：{label}无效（应为 {_RAW_KEY_LENGTH} 字节的 base64）")
    return raw


def valid_office_code(code: object) -> bool:
    """1 to 20 ASCII letters or digits: what an office code may be (it also names key and batch files)."""
    return isinstance(code, str) and 0 < len(code) <= 20 and code.isascii() and code.isalnum()


def _checked_code(office_code: str) -> str:
    code = office_code.strip()
    if not valid_office_code(code):  # also keeps the code from naming a path outside the keys folder
        raise ValidationError("单位代码", "应为1到20位字母或数字")
    return code


def keys_dir(data: Path | None = None) -> Path:
    """The folder of this office's private keys: ``keys/`` in the data folder."""
    return (data if data is not None else data_dir()) / "keys"


def key_files(office_code: str, data: Path | None = None) -> tuple[Path, Path]:
    """The signing and the receiving key file of ``office_code``."""
    code, folder = _checked_code(office_code), keys_dir(data)
    return folder / f"{code}.signing.pem", folder / f"{code}.receiving.pem"


def load_or_create(office_code: str, data: Path | None = None) -> OfficeKeys:
    """This office's keys, created on first use. A damaged or half-missing pair raises KeyFileError."""
    code = _checked_code(office_code)
    signing_file, receiving_file = key_files(code, data)
    present = signing_file.exists(), receiving_file.exists()
    if all(present):
        signing, receiving = _load(signing_file), _load(receiving_file)
        if not isinstance(signing, Ed25519PrivateKey) or not isinstance(receiving, X25519PrivateKey):
            raise KeyFileError(f"密钥文件的类型不对：{signing_file.parent}。请从备份恢复；程序不会自动替换它。")
        return OfficeKeys(code, signing, receiving)
    if any(present):
        missing = receiving_file if present[0] else signing_file
        raise KeyFileError(f"本单位的密钥不完整，缺少 {missing}。请从备份恢复整个密钥文件夹；"
                           "另建新密钥会使对方单位已信任的公钥失效。")
    keys = OfficeKeys(code, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    folder = signing_file.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask, and the folder may have existed
    _write_atomically(receiving_file, _pem(keys.receiving))
    _write_atomically(signing_file, _pem(keys.signing))
    return keys


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load(path: Path) -> PrivateKeyTypes:
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"密钥文件已损坏，无法读取：{path}。请从备份恢复；程序不会自动替换它。") from exc


def _write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``.

    ``mkstemp`` creates the file 0600, so a private key is never readable by others, not even for a moment;
    ``mode`` widens that (best effort: a USB stick's file system may not keep modes).
    """
    with atomic_file(path) as stream:
        stream.write(data)
        if mode is not None:
            with contextlib.suppress(OSError):
                os.fchmod(stream.fileno(), mode)


def export_public(keys: OfficeKeys, office_name: str, path: Path) -> PublicKeys:
    """Write this office's public-key file (to hand to a peer) and return what it holds."""
    public = PublicKeys(keys.office_code, office_name, keys.signing.public_key(), keys.receiving.public_key())
    _write_atomically(path, public.to_json().encode("utf-8"), mode=0o644)
    return public


def read_public(path: Path) -> PublicKeys:
    """A peer's public-key file; anything else raises KeyFileError naming the file."""
    if not path.is_file():
        raise KeyFileError(f"找不到公钥文件：{path}")
    with path.open("rb") as stream:
        data = stream.read(_MAX_PUBLIC_FILE + 1)
    source = f"公钥文件 {path.name}"
    if len(data) > _MAX_PUBLIC_FILE:
        raise KeyFileError(f"{source}：不是 UnionDesk 公钥文件（文件太大）")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyFileError(f"{source}：不是 UnionDesk 公钥文件（不是文本）") from exc
    return PublicKeys.from_json(text, source=source)


def trust(store: Store, actor: Actor, path: Path, office_code: str) -> PublicKeys:
    """Trust the public-key file at ``path`` as the key of ``office_code``; returns the trusted keys.

    The caller must have checked the fingerprint with the peer (by phone). Replacing an office's key is
    allowed — an office may have lost its keys — and is recorded in the audit trail with the old fingerprint.
    """
    require(actor, "store.manage")
    code = office_code.strip()
    peer = read_public(path)
    if peer.office_code != code:
        raise KeyFileError(f"公钥文件 {path.name} 属于单位 {peer.office_code}（{peer.office_name}），"
                           f"不是要信任的单位 {code}")
    with store.transaction(actor, action="trust_key") as session:
        if code == this_office(session).code:
            raise ValidationError("单位代码", f"{code} 是本单位，不能把本单位的公钥当作对方单位信任")
        old = load_trusted(session, code)
        if old == peer:
            return peer
        set_setting(session, TRUSTED_KEY_PREFIX + code, peer.to_json())
        replaced = old.fingerprint if old is not None and old.fingerprint != peer.fingerprint else None
        append_audit(session.connection(), actor.username, [
            ("trust_key", "settings", None, {"office": code, "office_name": peer.office_name,
                                             "fingerprint": peer.fingerprint, "replaced": replaced}),
        ])
    return peer


def load_trusted(session: Session, office_code: str) -> PublicKeys | None:
    """The trusted public keys of ``office_code`` within an open session (for the batch import)."""
    stored = get_setting(session, TRUSTED_KEY_PREFIX + office_code)
    return None if stored is None else PublicKeys.from_json(stored, source=f"已信任的 {office_code} 公钥")


def trusted(store: Store, office_code: str) -> PublicKeys | None:
    """The trusted public keys of ``office_code``, or None when this office does not trust it."""
    with store.transaction() as session:
        return load_trusted(session, office_code)


def trusted_offices(store: Store) -> dict[str, PublicKeys]:
    """Every trusted office's public keys, by office code."""
    with store.transaction() as session:
        rows = session.execute(select(Setting.key, Setting.value)
                               .where(Setting.key.startswith(TRUSTED_KEY_PREFIX, autoescape=True))
                               .order_by(Setting.key)).all()
    found: dict[str, PublicKeys] = {}
    for key, value in rows:
        code = key.removeprefix(TRUSTED_KEY_PREFIX)
        found[code] = PublicKeys.from_json(value, source=f"已信任的 {code} 公钥")
    return found
