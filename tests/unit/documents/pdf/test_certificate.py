"""获奖证书 (desktop/documents/pdf/certificate.py): one landscape page per award, the signed QR text embedded
so that the PDF itself verifies, the printout audited; nothing written for an entry without a number."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from db.auth import Actor
from db.contests import certificates
from db.demo import fill_demo
from db.errors import NotFound, ValidationError
from db.models import AuditEntry, Contest, ContestEntry
from db.store import Store
from desktop.documents.pdf import certificate, forms
from tests.unit.documents.pdf.test_engine import assert_fonts_embedded, assert_renders, pdf_text, squash

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdftoppm) not installed")


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    fill_demo(sqlite_store, members=80, seed=5)
    return sqlite_store


def _awarded_contest(store: Store) -> tuple[str, list[ContestEntry]]:
    with store.transaction() as session:
        for uuid in session.scalars(select(Contest.uuid).order_by(Contest.ends_on)):
            entries = list(session.scalars(select(ContestEntry).where(
                ContestEntry.contest_uuid == uuid, ContestEntry.certificate_no.is_not(None))
                .order_by(ContestEntry.certificate_no)))
            if entries:
                return uuid, entries
    raise AssertionError("the demo has no awarded contest")


@needs_poppler
def test_a_contest_prints_one_verifiable_page_per_award(demo: Store, clerk: Actor, tmp_path: Path) -> None:
    uuid, entries = _awarded_contest(demo)
    out = tmp_path / "certificates.pdf"
    assert forms.form("certificate").render(demo, clerk, out, uuids=[uuid]) == len(entries)
    assert_fonts_embedded(out, ("WenQuanYiMicroHei", "UKaiCN"))
    assert len(assert_renders(out, tmp_path)) == len(entries)
    texts = certificate.signed_texts_in(out)
    assert len(texts) == len(entries)
    for page, (entry, text) in enumerate(zip(entries, texts, strict=True), start=1):
        verdict = certificates.verify_in(demo, text)
        assert verdict.genuine and verdict.facts is not None
        assert (verdict.facts.number, verdict.facts.holder) == (entry.certificate_no, entry.name)
        shown = squash(pdf_text(out, page))
        assert entry.name in shown and entry.certificate_no in shown
        assert text in shown  # the text layer carries it: a viewer copies it, pdftotext prints it
        assert entry.id_number not in shown  # masked, always


def test_entries_print_in_the_order_given_and_the_printout_is_audited(demo: Store, clerk: Actor) -> None:
    _uuid, entries = _awarded_contest(demo)
    chosen = [entries[1].uuid, entries[0].uuid]
    buffer = io.BytesIO()
    assert forms.form("certificate").render(demo, clerk, buffer, uuids=chosen) == 2
    numbers = [certificates.verify_in(demo, t).facts.number  # type: ignore[union-attr]
               for t in certificate.signed_texts(buffer.getvalue())]
    assert numbers == [entries[1].certificate_no, entries[0].certificate_no]
    with demo.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).one()
        assert entry.table_name == "contest_entries" and entry.actor == clerk.username
        assert json.loads(entry.changes) == {"form": "certificate", "pages": 2, "full_ids": False,
                                             "records": chosen}


def test_an_entry_without_a_number_or_a_missing_one_writes_nothing(demo: Store, clerk: Actor,
                                                                  tmp_path: Path) -> None:
    with demo.transaction() as session:
        plain = session.scalar(select(ContestEntry.uuid).where(ContestEntry.certificate_no.is_(None)))
    out = tmp_path / "printed" / "none.pdf"
    out.parent.mkdir()
    with pytest.raises(ValidationError, match="证书编号"):
        forms.form("certificate").render(demo, clerk, out, uuids=[plain])
    with pytest.raises(NotFound):
        forms.form("certificate").render(demo, clerk, out, uuids=["no-such-uuid"])
    assert not list(out.parent.iterdir())


def test_signed_texts_ignore_what_is_not_a_certificate() -> None:
    assert certificate.signed_texts(b"%PDF-1.4\nstream\nnot zlib\nendstream\n") == []
    assert certificate.signed_texts(b"/ActualText (UDC1:abc_-9)") == ["UDC1:abc_-9"]


def test_the_fast_qr_matrix_is_reportlabs_for_certificate_sized_texts() -> None:
    """Long byte-mode texts: 16-bit length fields, several Reed-Solomon blocks, versions 8 to 17."""
    import random

    from reportlab.graphics.barcode import qrencoder

    from desktop.documents.pdf import qr

    rnd = random.Random(13)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    encoder = qr.QrEncoder()
    for length in (150, 230, 260, 300, 340, 380, 419, 470):
        text = "UDC1:" + "".join(rnd.choice(alphabet) for _ in range(length - 5))
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.make()
        rows, count = encoder.matrix(text)
        assert rows == qr._module_rows(code.modules), length
        assert count == code.getModuleCount()


@needs_poppler
def test_the_printed_qr_code_has_the_modules_of_the_signed_text(demo: Store, clerk: Actor, tmp_path: Path) -> None:
    """The image mask lands where it should, the right way up: every module of the drawn code, sampled at
    its centre in a 300 dpi rendering, is dark exactly when the signed text's matrix says so."""
    import subprocess

    from desktop.documents.pdf import qr

    _uuid, entries = _awarded_contest(demo)
    out = tmp_path / "one.pdf"
    forms.form("certificate").render(demo, clerk, out, uuids=[entries[0].uuid])
    rows, count = qr.QrEncoder().matrix(certificate.signed_texts_in(out)[0])
    pgm = subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", str(out)], capture_output=True,
                         check=True).stdout
    magic, width, height, _depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5"
    width_px, scale = int(width), 300 / 72
    unit = certificate.QR_SIZE / (count + 4)
    top = certificate.HEIGHT - certificate.QR_Y - certificate.QR_SIZE
    for r, bits in enumerate(rows):
        for c in range(count):
            x = round((certificate.QR_X + (2 + c + 0.5) * unit) * scale)
            y = round((top + (2 + r + 0.5) * unit) * scale)
            dark = pixels[y * width_px + x] < 128
            assert dark == bool(bits >> (count - 1 - c) & 1), (r, c)
    assert int(height) > 0


@pytest.mark.parametrize("tail", [b"\n", b"\r", b"\r\n", b"\n\r"])
def test_a_compressed_stream_ending_in_a_line_break_byte_is_read_whole(tail: bytes) -> None:
    """Compressed data is binary: its last byte may be CR or LF, right before the end-of-line and "endstream"."""
    import zlib

    text = "UDC1:" + "A" * 300
    compressor = zlib.compressobj()
    body = compressor.compress(f"q /Span <</ActualText ({text})>> BDC EMC Q".encode()) + compressor.flush()
    for stream in (body + tail, body):
        pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\n"
        assert certificate.signed_texts(pdf) == [text]
