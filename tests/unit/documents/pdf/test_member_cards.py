"""会员证 cards: pages, text, masking, fonts, the member list's selection, progress and the QR matrix."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.graphics.barcode import qrencoder
from sqlalchemy import select

from db import members
from db.auth import Actor
from db.demo import fill_demo
from db.errors import NotFound, PermissionDenied
from db.members.fields import MEMBERS
from db.members.listing import MemberFilter
from db.models import Member
from db.store import Store
from db.tabular import rows as tabular_rows
from db.validation import mask_id_number
from desktop.documents.pdf import fonts, forms, member_cards, qr

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdftoppm) not installed")


def _members(store: Store) -> list[Member]:
    with store.transaction() as session:
        return list(session.scalars(select(Member).where(Member.deleted.is_(False)).order_by(Member.member_no)))


def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (the SQLite database lives in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def demo23(store: Store) -> Store:
    fill_demo(store, members=23, seed=1)
    return store


@needs_poppler
def test_23_members_make_3_pages_with_every_name_and_masked_ids(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    out = out_dir / "cards.pdf"
    assert forms.form("member-cards").render(demo23, clerk, out) == 3
    text = _text(out)
    assert text.count("中华全国总工会") == 23
    for member in _members(demo23):
        assert member.name in text
        assert member.member_no in text
        assert mask_id_number(member.id_number) in text
        assert member.id_number not in text
    assert not list(out_dir.glob("*.part"))


@needs_poppler
def test_full_ids_for_an_admin_who_asks(demo23: Store, admin: Actor, out_dir: Path) -> None:
    out = out_dir / "cards.pdf"
    member_cards.render(demo23, admin, out, full_ids=True)
    text = _text(out)
    assert all(member.id_number in text for member in _members(demo23))


def test_full_ids_refused_for_a_clerk_before_writing(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    out = out_dir / "cards.pdf"
    with pytest.raises(PermissionDenied, match="身份证号"):
        member_cards.render(demo23, clerk, out, full_ids=True)
    assert list(out_dir.iterdir()) == []


@needs_poppler
def test_font_is_embedded_and_subset(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    out = out_dir / "cards.pdf"
    member_cards.render(demo23, clerk, out)
    listing = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows, listing
    for row in rows:  # name, type…, emb, sub, uni, object, generation
        assert "WenQuanYiMicroHei" in row[0] and "+" in row[0], listing
        assert row[-5:-3] == ["yes", "yes"], listing


@needs_poppler
def test_first_page_renders(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    out = out_dir / "cards.pdf"
    member_cards.render(demo23, clerk, out)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(out), str(out_dir / "page")],
                   check=True, capture_output=True)
    png = next(out_dir.glob("page*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_poppler
def test_chosen_members_keep_their_order(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    chosen = _members(demo23)[::-2]
    out = out_dir / "cards.pdf"
    assert member_cards.render(demo23, clerk, out, uuids=[m.uuid for m in chosen]) == 2
    assert _card_numbers(out) == [m.member_no for m in chosen]


def _card_numbers(pdf: Path) -> list[str]:
    """The member numbers (demo: nine digits) in the order the cards were drawn (content-stream order)."""
    return [word for word in _text(pdf, "-raw").split() if len(word) == 9 and word.isdigit()]


def test_a_missing_member_is_refused_before_writing(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    gone = _members(demo23)[0]
    members.soft_delete(demo23, clerk, gone.uuid)
    with pytest.raises(NotFound):
        member_cards.render(demo23, clerk, out_dir / "cards.pdf", uuids=[gone.uuid])
    assert list(out_dir.iterdir()) == []


def test_no_members_is_refused(store: Store, clerk: Actor) -> None:
    with pytest.raises(NotFound, match="没有要打印的会员"):
        member_cards.render(store, clerk, io.BytesIO())


@needs_poppler
def test_member_filter_prints_the_member_list(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    flt = MemberFilter(text="", employment_form="新就业形态")
    with demo23.transaction() as session:
        listed = [row["member_no"] for chunk in tabular_rows.iter_rows(session, MEMBERS, flt) for row in chunk]
    assert 0 < len(listed) < 23
    out = out_dir / "cards.pdf"
    assert member_cards.render(demo23, clerk, out, member_filter=flt) == -(-len(listed) // 10)
    assert _card_numbers(out) == listed


@needs_poppler
def test_all_members_in_member_number_order_without_the_deleted(demo23: Store, clerk: Actor,
                                                                out_dir: Path) -> None:
    everyone = _members(demo23)
    members.soft_delete(demo23, clerk, everyone[3].uuid)
    out = out_dir / "cards.pdf"
    assert member_cards.render(demo23, clerk, out) == 3
    assert _card_numbers(out) == [m.member_no for m in everyone if m is not everyone[3]]


def test_progress_per_page_and_cancel(demo23: Store, clerk: Actor, out_dir: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    member_cards.render(demo23, clerk, io.BytesIO(), progress=lambda *step: seen.append(step))
    assert seen == [(member_cards.STAGE, page, 3) for page in (1, 2, 3)]

    class Cancelled(Exception):
        pass

    def cancel(_stage: str, done: int, _total: int) -> None:
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        member_cards.render(demo23, clerk, out_dir / "cards.pdf", progress=cancel)
    assert list(out_dir.iterdir()) == []


def test_writes_to_a_binary_file(demo23: Store, clerk: Actor) -> None:
    buffer = io.BytesIO()
    assert member_cards.render(demo23, clerk, buffer) == 3
    assert buffer.getvalue().startswith(b"%PDF")


# --- QR codes and text fitting ----------------------------------------------------------------------


def _reportlab_rows(text: str) -> list[int]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return qr._module_rows(code.modules)


def test_qr_matrix_is_reportlabs_for_member_numbers() -> None:
    rnd = random.Random(5)
    values = [f"006{n:06d}" for n in range(0, 5000, 13)]
    values += ["".join(rnd.choice("0123456789ABCDEFGH-/ 会员号x") for _ in range(rnd.randrange(1, 31)))
               for _ in range(150)]
    encoder = qr.QrEncoder()
    for value in values:
        rows, count = encoder.matrix(value)
        assert rows == _reportlab_rows(value), value
        assert count == len(rows)


def test_qr_holds_the_member_number_only(monkeypatch: pytest.MonkeyPatch, demo23: Store, admin: Actor) -> None:
    encoded: list[str] = []
    original = qr.QrEncoder.matrix

    def spy(self: qr.QrEncoder, text: str) -> tuple[list[int], int]:
        encoded.append(text)
        return original(self, text)

    monkeypatch.setattr(qr.QrEncoder, "matrix", spy)
    member_cards.render(demo23, admin, io.BytesIO(), full_ids=True)
    assert encoded == [m.member_no for m in _members(demo23)]


def test_long_employer_shrinks_then_wraps() -> None:
    font = fonts.register()
    width = 52 * member_cards.mm
    assert member_cards._wrap("北京饭店", font, 8.5, 6.5, width) == (["北京饭店"], 8.5)
    lines, size = member_cards._wrap("北京东城房地产经营管理有限公司物业分公司", font, 8.5, 6.5, width)
    assert len(lines) == 1 and 6.5 < size < 8.5
    lines, size = member_cards._wrap("北京东城房地产经营管理有限公司物业分公司", font, 8.5, 6.5, 30 * member_cards.mm)
    assert lines == ["北京东城房地产经营管", "理有限公司物业分公司"] and size == 6.5
    long_name = "北京市东城区某某某某某某科技发展有限公司第一分公司东四街道服务站" * 2
    lines, size = member_cards._wrap(long_name, font, 8.5, 6.5, width)
    assert len(lines) == 2 and size == 6.5 and lines[1].endswith("…")
    assert all(member_cards.stringWidth(line, font, size) <= width for line in lines)
