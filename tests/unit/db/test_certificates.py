"""Signed certificates (db/contests/certificates.py): sign → 真; any changed character → 伪; a key we do not
trust → 不可信 until trust(); cut or foreign text → 无效 with a message that says so."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.auth import Actor
from db.contests import certificates
from db.contests.certificates import CertificateFacts, Status, sign, verify
from db.demo import fill_demo
from db.errors import NotFound, ValidationError
from db.models import ContestEntry
from db.store import Store
from db.sync import keys
from tests.conftest import OFFICE_CODE, OFFICE_NAME

LONG_CONTEST = "2026年东城区「爱家·敬老杯」养老护理员、家政服务员、育婴员职业技能大赛暨技术能手选拔赛"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def facts(**changes: object) -> CertificateFacts:
    base = CertificateFacts(number="DCJS2026-0601-0001", holder="欧阳娜娜", id_masked="110101********1234",
                            contest=LONG_CONTEST, date=dt.date(2026, 5, 20), award="一等奖", title="技术状元",
                            office_code=OFFICE_CODE, office_name=OFFICE_NAME)
    return CertificateFacts(**{**base.__dict__, **changes})


@pytest.fixture
def own(tmp_path: Path) -> keys.OfficeKeys:
    return keys.load_or_create(OFFICE_CODE, tmp_path / "own")


def public(office: keys.OfficeKeys, name: str = OFFICE_NAME) -> keys.PublicKeys:
    return keys.PublicKeys(office.office_code, name, office.signing.public_key(), office.receiving.public_key())


def test_a_signed_certificate_verifies_as_genuine_with_its_facts(own: keys.OfficeKeys) -> None:
    text = sign(facts(), own)
    assert text.startswith("UDC1:") and text.isascii() and " " not in text
    verdict = verify(text, {}, public(own))
    assert verdict.status is Status.GENUINE and verdict.genuine
    assert verdict.facts == facts()
    assert "本单位" in verdict.message


def test_the_text_stays_short_enough_for_a_qr_code_at_print_size(own: keys.OfficeKeys) -> None:
    # 43 Chinese characters of contest name, a four-character holder, masked ID, title: 419 characters, a
    # version-16 QR code at level M (81 modules + quiet zone: 0.4 mm a module in the form's 34 mm square, which
    # a phone camera reads at arm's length); a short contest name: 235 characters, version 11
    text = sign(facts(), own)
    assert len(text) <= 420 and _qr_version(text) <= 16, len(text)
    short = sign(facts(contest="职业技能竞赛", title="", id_masked=""), own)
    assert len(short) <= 240 and _qr_version(short) <= 11


def _qr_version(text: str) -> int:
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    return int(code.calculate_version())


def test_white_space_and_line_breaks_in_a_pasted_text_are_ignored(own: keys.OfficeKeys) -> None:
    text = sign(facts(), own)
    wrapped = "\n".join(text[i:i + 60] for i in range(0, len(text), 60))
    assert verify(f"  {wrapped}\n", {}, public(own)).genuine


def test_every_single_changed_character_makes_it_forged(own: keys.OfficeKeys) -> None:
    text = sign(facts(), own)
    start = len(certificates.PREFIX)
    for position in range(start, len(text)):
        index = ALPHABET.index(text[position])
        for other in {ALPHABET[(index + 1) % 64], ALPHABET[(index + 33) % 64]}:
            altered = text[:position] + other + text[position + 1:]
            verdict = verify(altered, {}, public(own))
            assert verdict.status is Status.FORGED, (position, other, verdict)
            assert verdict.facts is None


def test_a_re_signed_change_of_a_fact_fails_the_signature(own: keys.OfficeKeys, tmp_path: Path) -> None:
    """A forger who re-encodes altered facts (with a valid checksum) but cannot sign with our key."""
    forger = keys.load_or_create(OFFICE_CODE, tmp_path / "forger")  # same office code, another key
    forged = sign(facts(holder="张三"), forger)
    verdict = verify(forged, {}, public(own))
    assert verdict.status is Status.FORGED
    assert "公钥不符" in verdict.message


def test_another_offices_key_is_untrusted_until_trusted(own: keys.OfficeKeys, tmp_path: Path) -> None:
    other = keys.load_or_create("110101007", tmp_path / "other")
    text = sign(facts(office_code="110101007", office_name="朝阳门街道工会"), other)
    verdict = verify(text, {}, public(own))
    assert verdict.status is Status.UNTRUSTED
    assert "朝阳门街道工会" in verdict.message and "110101007" in verdict.message
    assert verdict.facts is not None and verdict.facts.holder == "欧阳娜娜"
    trusted = {"110101007": public(other, "朝阳门街道工会")}
    verdict = verify(text, trusted, public(own))
    assert verdict.genuine and "已信任的单位 朝阳门街道工会" in verdict.message
    # a trusted office's key does not vouch for a certificate claiming to be ours
    impostor = sign(facts(), other.__class__(OFFICE_CODE, other.signing, other.receiving))
    assert verify(impostor, trusted, public(own)).status is Status.FORGED


@pytest.mark.parametrize(("text", "expected"), [
    ("", "没有内容"),
    ("   \n", "没有内容"),
    ("https://example.com/cert/1", "不是 UnionDesk 获奖证书"),
    ("UDC2:AAAA", "不是本版本能识别"),
    ("UDC1:abc*def", "不该出现的字符「*」"),
    ("UDC1:QUJD", "不完整"),
])
def test_malformed_input_says_what_is_wrong(own: keys.OfficeKeys, text: str, expected: str) -> None:
    verdict = verify(text, {}, public(own))
    assert verdict.status is Status.MALFORMED and expected in verdict.message, verdict


@pytest.mark.parametrize("cut", [1, 2, 3, 4, 7, 50, 200])
def test_a_text_cut_short_is_incomplete_not_forged(own: keys.OfficeKeys, cut: int) -> None:
    text = sign(facts(), own)
    verdict = verify(text[:-cut], {}, public(own))
    assert verdict.status is Status.MALFORMED and "不完整" in verdict.message, (cut, verdict)


def test_no_own_key_yet_means_our_certificates_cannot_be_checked(own: keys.OfficeKeys) -> None:
    assert verify(sign(facts(), own), {}, None).status is Status.UNTRUSTED


def test_sign_refuses_facts_of_another_office_and_control_characters(own: keys.OfficeKeys) -> None:
    with pytest.raises(ValidationError, match="单位代码"):
        sign(facts(office_code="110101007"), own)
    with pytest.raises(ValidationError, match="获奖人"):
        sign(facts(holder="张\x1f三"), own)
    with pytest.raises(ValidationError, match="证书编号"):
        sign(facts(number=" "), own)


def test_a_signature_of_something_else_is_no_certificate(own: keys.OfficeKeys) -> None:
    """The office key also signs batch manifests; a manifest signature over a crafted body must not pass."""
    body = "\x1f".join(["N1", "张三", "", "赛", "2026-01-01", "一等奖", "", OFFICE_CODE, OFFICE_NAME]).encode()
    signed = body + own.signing.sign(body)  # no domain tag: what a manifest signature would be
    check = hashlib.sha256(signed).digest()[:4]
    n = len(signed) % 256
    raw = bytes((n, check[0], check[1], n, check[2], check[3])) + signed
    text = "UDC1:" + base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert verify(text, {}, public(own)).status is Status.FORGED


# --- with a database -----------------------------------------------------------------------------------


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    fill_demo(sqlite_store, members=60, seed=3)
    return sqlite_store


def _entries(store: Store, certified: bool) -> list[ContestEntry]:
    with store.transaction() as session:
        column = ContestEntry.certificate_no
        condition = column.is_not(None) if certified else column.is_(None)
        return list(session.scalars(select(ContestEntry).where(condition).limit(3)))


def test_facts_of_an_awarded_entry_and_verify_in_the_store(demo: Store, admin: Actor, tmp_path: Path) -> None:
    entry = _entries(demo, certified=True)[0]
    found = certificates.facts_of(demo, entry.uuid)
    assert (found.number, found.holder, found.award) == (entry.certificate_no, entry.name, entry.award)
    assert found.office_code == OFFICE_CODE and found.office_name == OFFICE_NAME
    assert "*" in found.id_masked and entry.id_number and found.id_masked[-4:] == entry.id_number[-4:]
    assert certificates.verify_in(demo, "UDC1:AAAA").status is Status.MALFORMED
    assert not keys.key_files(OFFICE_CODE)[0].exists()  # checking never creates keys
    text = sign(found, keys.load_or_create(OFFICE_CODE))
    assert certificates.verify_in(demo, text).genuine
    # another office's certificate: untrusted, then trusted through keys.trust()
    other = keys.load_or_create("110101007", tmp_path / "other")
    keys.export_public(other, "朝阳门街道工会", tmp_path / "other.pub")
    theirs = sign(CertificateFacts(**{**found.__dict__, "office_code": "110101007",
                                      "office_name": "朝阳门街道工会"}), other)
    assert certificates.verify_in(demo, theirs).status is Status.UNTRUSTED
    keys.trust(demo, admin, tmp_path / "other.pub", "110101007")
    assert certificates.verify_in(demo, theirs).genuine


def test_an_entry_without_a_certificate_number_is_refused(demo: Store) -> None:
    entry = _entries(demo, certified=False)[0]
    with pytest.raises(ValidationError, match="证书编号"):
        certificates.facts_of(demo, entry.uuid)
    with pytest.raises(NotFound):
        certificates.facts_of(demo, "no-such-entry")


def test_the_facts_read_as_labelled_lines() -> None:
    lines = dict(facts(title="").lines())
    assert lines["获奖人"] == "欧阳娜娜" and lines["日期"] == "2026年5月20日" and "称号" not in lines
    assert json.dumps(lines, ensure_ascii=False)
