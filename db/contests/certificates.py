"""Signed certificates (获奖证书): what a certificate's QR code holds, and checking it offline (design §6).

A certificate's QR code holds its facts — number, holder, contest, date, award, title and the office that
issued it — signed with that office's Ed25519 key (the sync keys, :mod:`db.sync.keys`). Whoever holds the
office's public key checks a certificate with no network and no database of certificates: a changed
character fails.

The text (``UDC1:`` then base64url, no padding) decodes to::

    n  c0 c1  n  c2 c3  body  signature(64)

``body`` is the facts in a fixed order, UTF-8, separated by U+001F (a character no fact may hold);
``signature`` is Ed25519 over a domain tag and ``body`` (so no other signature of the office's key — a batch
manifest — can pass for a certificate). ``c0..c3`` are the first four bytes of SHA-256 of body + signature:
not security, but what tells an altered or mistyped text (伪) from an intact one signed by a key we do not
know (不可信) — without it, a changed letter in the office code would read as "an office we do not trust".
``n`` is the length of body + signature modulo 256, twice, three bytes apart, so that a single changed
character (which touches at most one group of three bytes) can never alter both: a text cut short (copied
in part) is told as incomplete, not as forged.

The holder's ID number travels masked, as on paper (``110101********1234``) — or not at all when the entrant
has none. Masked, it still ties the certificate to a person (the holder shows an ID card whose first six and
last four digits match, which tells two people of one name apart) without putting a full ID number in a
code anyone can scan (PIPL: the full number is sensitive, and the QR is public by design).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from enum import Enum

from cryptography.exceptions import InvalidSignature
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import offices
from db.errors import NotFound, ValidationError
from db.models import Contest, ContestEntry
from db.store import Store
from db.sync import keys as sync_keys
from db.sync.keys import OfficeKeys, PublicKeys
from db.validation import mask_id_number

PREFIX = "UDC1:"
_DOMAIN = b"uniondesk-certificate/1\x00"
_SEPARATOR = "\x1f"
_SIGNATURE = 64
_HEADER = 6
_ALPHABET = re.compile(r"[A-Za-z0-9_-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class CertificateFacts:
    """What a certificate says, in the order the signed text carries it. Empty text: not on the certificate."""

    number: str  # 证书编号
    holder: str
    id_masked: str  # the holder's ID number masked as printed, or "" (a non-member entered without one)
    contest: str
    date: dt.date  # the contest's last day: when the award was won
    award: str
    title: str  # 技术状元 / 技术能手, or ""
    office_code: str  # the issuing (signing) office
    office_name: str

    def lines(self) -> list[tuple[str, str]]:
        """The facts as (label, value) pairs for people, empty ones left out."""
        pairs = [("证书编号", self.number), ("获奖人", self.holder), ("身份证号", self.id_masked),
                 ("竞赛名称", self.contest), ("日期", f"{self.date.year}年{self.date.month}月{self.date.day}日"),
                 ("奖项", self.award), ("称号", self.title),
                 ("发证单位", f"{self.office_name}（{self.office_code}）")]
        return [(label, value) for label, value in pairs if value]


_LABELS = {"number": "证书编号", "holder": "获奖人", "id_masked": "身份证号", "contest": "竞赛名称",
           "award": "奖项", "title": "称号", "office_code": "单位代码", "office_name": "单位名称"}
_TEXT_FIELDS = [f.name for f in fields(CertificateFacts) if f.name != "date"]


class Status(Enum):
    GENUINE = "真"
    FORGED = "伪"
    UNTRUSTED = "不可信"
    MALFORMED = "无效"


@dataclass(frozen=True)
class Verdict:
    """The result of checking a certificate text. ``facts`` are present when the text was intact (真, and 不可信:
    what the certificate claims, unproven); ``message`` says in Chinese what was found and what to do."""

    status: Status
    message: str
    facts: CertificateFacts | None = None

    @property
    def genuine(self) -> bool:
        return self.status is Status.GENUINE


# --- signing --------------------------------------------------------------------------------------------


def _body(facts: CertificateFacts) -> bytes:
    values = []
    for name in _TEXT_FIELDS:
        value = getattr(facts, name)
        if _CONTROL.search(value):
            raise ValidationError(_LABELS[name], "含有控制字符，不能写入证书")
        values.append(value)
    values.insert(4, facts.date.isoformat())
    return _SEPARATOR.join(values).encode("utf-8")


def sign(facts: CertificateFacts, keys: OfficeKeys) -> str:
    """The signed text of ``facts`` for the certificate's QR code (at most about 420 characters for a long contest
    name; see tests/unit/db/test_certificates.py). The facts must name the office whose ``keys`` sign them."""
    if facts.office_code != keys.office_code:
        raise ValidationError("单位代码", f"证书写的发证单位是 {facts.office_code}，"
                                      f"签名的却是 {keys.office_code} 的密钥")
    if not facts.number.strip():
        raise ValidationError("证书编号", "证书还没有编号，不能签名")
    body = _body(facts)
    signed = body + keys.signing.sign(_DOMAIN + body)
    n = len(signed) % 256
    check = hashlib.sha256(signed).digest()[:4]
    raw = bytes((n, check[0], check[1], n, check[2], check[3])) + signed
    return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


# --- checking -------------------------------------------------------------------------------------------


def _malformed(message: str) -> Verdict:
    return Verdict(Status.MALFORMED, message)


_ALTERED = "证书内容被改动过（或抄错了字符）：这不是本系统签发的原样证书。"


def verify(text: str, trusted: Mapping[str, PublicKeys], own: PublicKeys | None) -> Verdict:
    """Check a certificate text against this office's public key ``own`` (None: it has no keys yet) and
    the ``trusted`` offices' keys (by office code). White space anywhere is ignored (a text wrapped in a
    mail or copied from a PDF); anything else that is not the certificate alphabet makes it malformed."""
    signed = _decoded(text)
    if isinstance(signed, Verdict):
        return signed
    body, signature = signed[:-_SIGNATURE], signed[-_SIGNATURE:]
    facts = _facts(body)
    if facts is None:
        return _malformed("验证码的内容格式不对：不是本系统签发的证书。")
    key = own if own is not None and facts.office_code == own.office_code else trusted.get(facts.office_code)
    if key is None:
        return Verdict(Status.UNTRUSTED, f"证书自称由 {facts.office_name}（单位代码 {facts.office_code}）签发，"
                                         "但本单位没有信任该单位的公钥，无法核实。请向该单位索取公钥文件，电话核对指纹后"
                                         "信任它（uniondesk keys trust），再验证。", facts)
    try:
        key.signing.verify(signature, _DOMAIN + body)
    except InvalidSignature:
        return Verdict(Status.FORGED, f"签名与 {facts.office_name}（{facts.office_code}）的公钥不符：证书内容被改动过，"
                                      "或不是该单位签发的。", None)
    issuer = "本单位" if key is own else f"已信任的单位 {key.office_name or facts.office_name}"
    return Verdict(Status.GENUINE, f"真：证书由{issuer}（{facts.office_code}）签发，内容未被改动。", facts)


def _decoded(text: str) -> bytes | Verdict:
    """The signed part (body + signature) of an intact text, else the verdict on what is wrong with it."""
    compact = re.sub(r"\s+", "", text or "")
    if not compact:
        return _malformed("没有内容：请粘贴证书二维码中的文字，或打开证书PDF文件。")
    if not compact.startswith(PREFIX):
        if compact.startswith("UDC") and ":" in compact[:8]:
            version = compact.split(":", 1)[0]
            return _malformed(f"证书格式 {version} 不是本版本能识别的（应为 {PREFIX[:-1]}），请升级程序。")
        return _malformed(f"这不是 UnionDesk 获奖证书的验证码（应以 {PREFIX} 开头）。")
    payload = compact[len(PREFIX):]
    if _ALPHABET.fullmatch(payload) is None:
        bad = next(ch for ch in payload if not _ALPHABET.fullmatch(ch))
        return _malformed(f"验证码中有不该出现的字符「{bad}」：请按原样复制，不要改动。")
    if len(payload) % 4 == 1:  # no byte string encodes to this many characters: the text was cut
        return _incomplete()
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        return _incomplete()
    if len(raw) < _HEADER + _SIGNATURE + 1:
        return _incomplete()
    signed = raw[_HEADER:]
    if raw[0] != raw[3]:  # one changed character cannot alter both copies of the length
        return Verdict(Status.FORGED, _ALTERED)
    if len(signed) % 256 != raw[0]:  # a changed character never changes the length: cut short (or added to)
        return _incomplete()
    if base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=") != payload:
        # the last character's spare bits changed: decodes the same, but it is not the text that was signed
        return Verdict(Status.FORGED, _ALTERED)
    if hashlib.sha256(signed).digest()[:4] != raw[1:3] + raw[4:6]:
        return Verdict(Status.FORGED, _ALTERED)
    return signed


def _incomplete() -> Verdict:
    return _malformed("验证码不完整（可能没有复制全，或二维码没有扫全）：请重新复制或扫描整段文字。")


def _facts(body: bytes) -> CertificateFacts | None:
    try:
        values = body.decode("utf-8").split(_SEPARATOR)
    except UnicodeDecodeError:
        return None
    if len(values) != len(_TEXT_FIELDS) + 1:
        return None
    try:
        day = dt.date.fromisoformat(values.pop(4))
    except ValueError:
        return None
    named = dict(zip(_TEXT_FIELDS, values, strict=True))
    return CertificateFacts(date=day, **named)


def own_public(store: Store) -> PublicKeys | None:
    """This office's public signing key with its name, or None when it has no keys yet (checking never
    creates keys: a new key would be one more thing to back up, made by a mere look-up)."""
    summary = offices.this_office_summary(store)
    if not sync_keys.key_files(summary.code)[0].exists():
        return None
    public = sync_keys.load_or_create(summary.code).public
    return PublicKeys(summary.code, summary.name, public.signing, public.receiving)


def verify_in(store: Store, text: str) -> Verdict:
    """:func:`verify` against this office's own key and the keys it trusts."""
    return verify(text, sync_keys.trusted_offices(store), own_public(store))


# --- the facts of an entry ------------------------------------------------------------------------------


def facts_of(store: Store, entry_uuid: str) -> CertificateFacts:
    """The certificate facts of a contest entry, issued by this office. An entry without a 证书编号 (results
    not yet published, or no award) raises ValidationError; a missing entry NotFound."""
    with store.transaction() as session:
        return facts_in(session, entry_uuid)


def facts_in(session: Session, entry_uuid: str) -> CertificateFacts:
    """:func:`facts_of` within an open session (the certificate form reads many)."""
    entry = session.get(ContestEntry, entry_uuid)
    if entry is None or entry.deleted:
        raise NotFound("找不到这名参赛选手（可能已被删除），请刷新列表后重试。")
    contest = session.get(Contest, entry.contest_uuid)
    if contest is None or contest.deleted:
        raise NotFound("找不到这名选手所属的竞赛（可能已被删除）。")
    office = offices.this_office(session)
    return entry_facts(entry, contest, office.code, office.name)


def entry_facts(entry: ContestEntry, contest: Contest, office_code: str, office_name: str) -> CertificateFacts:
    """The facts of an entry already read (no database access)."""
    if not (entry.certificate_no or "").strip():
        raise ValidationError("证书编号", f"{entry.name} 还没有证书编号（成绩公布并获奖后才有），不能打印证书")
    return CertificateFacts(
        number=entry.certificate_no or "", holder=entry.name, contest=contest.name, date=contest.ends_on,
        id_masked=mask_id_number(entry.id_number) if entry.id_number else "",
        award=entry.award or "", title=entry.title or "", office_code=office_code, office_name=office_name)


def printable(store: Store, uuids: Sequence[str] | None = None) -> list[CertificateFacts]:
    """The certificates to print: of each uuid given — a contest (all its certificates) or an entry (its
    own; one without a 证书编号 raises ValidationError) — else of every contest; in the order given, a
    contest's in certificate-number order. NotFound when a uuid names nothing, or there is nothing to print."""
    with store.transaction() as session:
        office = offices.this_office(session)
        found: list[CertificateFacts] = []
        for uuid in uuids if uuids is not None else [None]:
            contest = session.get(Contest, uuid) if uuid is not None else None
            if uuid is None or (contest is not None and not contest.deleted):
                stmt = (select(ContestEntry, Contest).join(Contest, Contest.uuid == ContestEntry.contest_uuid)
                        .where(ContestEntry.certificate_no.is_not(None), ContestEntry.deleted.is_(False),
                               Contest.deleted.is_(False))
                        .order_by(Contest.ends_on, Contest.uuid, ContestEntry.certificate_no))
                if contest is not None:
                    stmt = stmt.where(Contest.uuid == contest.uuid)
                found += [entry_facts(entry, owner, office.code, office.name)
                          for entry, owner in session.execute(stmt)]
            else:
                found.append(facts_in(session, uuid))
        if not found:
            raise NotFound("没有可打印的获奖证书：成绩公布、获奖者有了证书编号后才能打印。")
        return found
