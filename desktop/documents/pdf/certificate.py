"""获奖证书: one landscape A4 page per award, with a QR code of the certificate's signed facts (design §6).

The page: a double red border, "荣誉证书", the holder, the contest, the award (and title) — these in the Kai
face AR PL UKai when it has every character, else in WenQuanYi like the rest (:func:`fonts.kai_for`) — the
issuing office and date, and at the bottom left the QR code with the certificate number and the masked ID
number under it.
The QR code holds the text of :func:`db.contests.certificates.sign`, made with this office's Ed25519 key
(created on first use, as for a sync batch), so anyone with the office's public key checks it offline:
``uniondesk verify-certificate``. ID numbers are always masked: a certificate is shown to employers, and
the masked number already ties it to its holder.

The same text rides in the PDF twice, so that the PDF itself can be checked, not only a scan of it: as
invisible text beside the QR code (a PDF viewer copies it, ``pdftotext`` prints it), inside a marked-content
span whose ``/ActualText`` is the text itself in ASCII — which :func:`signed_texts` finds in the page
streams with no PDF library. Changing it (or any printed fact, in the QR) makes the check fail.

Speed (1,000 certificates, tests/benchmarks/bench_certificates.py): the canvas is drawn directly, what every
page shares (border, heading, labels) is one form XObject, QR matrices come from :mod:`.qr` and are drawn
as image masks (:func:`qr_image`), and the streams are compressed without ASCII85 armour.
"""

from __future__ import annotations

import base64
import contextlib
import re
import threading
import zlib
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from db import offices
from db.auth import Actor
from db.contests import certificates
from db.contests.certificates import CertificateFacts
from db.members.listing import MemberFilter
from db.store import Store
from db.sync import keys as sync_keys
from desktop.documents import files
from desktop.documents.pdf import engine, fonts, qr
from desktop.documents.pdf.engine import Output
from desktop.documents.pdf.forms import Progress

TITLE = "获奖证书"
STAGE = "生成获奖证书"
WIDTH, HEIGHT = engine.page_size(landscape=True)
RED = colors.HexColor("#b0161f")
GOLD = colors.HexColor("#c9a227")
INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#555555")
QR_SIZE = 34 * mm  # a version-16 code (the longest contest names) keeps 0.4 mm modules
QR_X, QR_Y = 26 * mm, 30 * mm
TEXT_LEFT, TEXT_RIGHT = 40 * mm, WIDTH - 40 * mm
BODY_SIZE = 20
BODY_LEADING = 34
CLOSING = "特发此证，以资鼓励。"
PAYLOAD_LINE = 64  # characters per line of the invisible copy of the signed text
_SIGNED = re.compile(rb"/ActualText \((" + certificates.PREFIX.encode("ascii") + rb"[A-Za-z0-9_-]+)\)")
# a stream's bytes up to "endstream", the end-of-line before it included: the compressed data may itself end
# in "\r" or "\n", which a pattern taking the end-of-line away would cut off (a decompressor ignores the rest)
_STREAM = re.compile(rb"(?<!end)stream\r?\n(.*?)endstream", re.DOTALL)


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """Certificates of the contests or entries ``uuids`` (a contest: all its certificates), else of every
    contest; returns the page count. ``member_filter`` and ``full_ids`` are ignored (ID numbers are always
    masked). NotFound (nothing to print) and ValidationError (an entry with no 证书编号) come before anything
    is written; ``progress(STAGE, page, pages)`` follows every 50th page and the last, and may raise to cancel.
    """
    del actor, member_filter, full_ids  # anyone who may print may print certificates; IDs always masked
    chosen = certificates.printable(store, uuids)
    own = sync_keys.load_or_create(offices.this_office_summary(store).code)
    with files.output(out) as target, _without_ascii85():
        canvas = Canvas(target, pagesize=(WIDTH, HEIGHT), pageCompression=1, initialFontName=fonts.register(),
                        initialFontSize=10, lang="zh-CN")
        canvas.setTitle(TITLE)
        canvas.setCreator("UnionDesk")
        page = _Page(canvas)
        for done, facts in enumerate(chosen, start=1):
            page.draw(facts, certificates.sign(facts, own))
            if progress is not None and (done % 50 == 0 or done == len(chosen)):
                progress(STAGE, done, len(chosen))
        canvas.save()
    return len(chosen)


_A85_LOCK = threading.Lock()


@contextlib.contextmanager
def _without_ascii85() -> Iterator[None]:
    """Compressed streams without reportlab's default ASCII85 armour, which it computes in pure Python
    (no _rl_accel here): 1.5 ms a certificate page, three times the rest of the page. The armour only
    matters for 7-bit channels; a PDF file is binary anyway. reportlab reads the switch when it writes the
    file, from its module-wide settings: a form printed meanwhile in another thread merely comes out
    unarmoured too, equally valid."""
    with _A85_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


class _Page:
    """Draws certificates on a canvas: the shared frame once as a form, then each page's own text."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.font = fonts.register()
        self.encoder = qr.QrEncoder()
        canvas.beginForm("certificate", 0, 0, WIDTH, HEIGHT)
        self._frame()
        canvas.endForm()

    def _frame(self) -> None:
        canvas, font = self.canvas, self.font
        canvas.setStrokeColor(RED)
        canvas.setLineWidth(3)
        canvas.rect(10 * mm, 10 * mm, WIDTH - 20 * mm, HEIGHT - 20 * mm, stroke=1, fill=0)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.8)
        canvas.rect(13.5 * mm, 13.5 * mm, WIDTH - 27 * mm, HEIGHT - 27 * mm, stroke=1, fill=0)
        canvas.setFillColor(RED)
        canvas.setFont(font, 40)
        canvas.drawCentredString(WIDTH / 2, HEIGHT - 48 * mm, "荣 誉 证 书", charSpace=4)
        canvas.setFillColor(GREY)
        canvas.setFont(font, 8)
        canvas.drawCentredString(QR_X + QR_SIZE / 2, QR_Y - 4 * mm, "扫码或用 UnionDesk 验证")

    def draw(self, facts: CertificateFacts, signed: str) -> None:
        canvas, font = self.canvas, self.font
        canvas.doForm("certificate")
        canvas.setFillColor(INK)
        top = HEIGHT - 78 * mm
        holder = f"{facts.holder} 同志："
        canvas.setFont(fonts.kai_for(holder), BODY_SIZE + 2)
        canvas.drawString(TEXT_LEFT, top, holder)
        sentence = _sentence(facts)
        body = fonts.kai_for(sentence + CLOSING)  # the name and award lines in Kai style when it has the glyphs
        lines = _body_lines(sentence, body)
        canvas.setFont(body, BODY_SIZE)
        for index, line in enumerate(lines, start=1):
            canvas.drawString(TEXT_LEFT + (2 * BODY_SIZE if index == 1 else 0), top - index * BODY_LEADING, line)
        canvas.drawString(TEXT_LEFT + 2 * BODY_SIZE, top - (len(lines) + 1) * BODY_LEADING, CLOSING)
        canvas.setFont(font, 15)
        issued = f"{facts.date.year}年{facts.date.month}月{facts.date.day}日"
        canvas.drawCentredString(WIDTH - 75 * mm, 45 * mm, _fit(facts.office_name, font, 15, 110 * mm))
        canvas.drawCentredString(WIDTH - 75 * mm, 35 * mm, issued)
        canvas.setFont(font, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(QR_X + QR_SIZE + 3 * mm, QR_Y + 10 * mm, f"证书编号：{facts.number}")
        if facts.id_masked:
            canvas.drawString(QR_X + QR_SIZE + 3 * mm, QR_Y + 5 * mm, f"身份证号：{facts.id_masked}")
        canvas.setFillColor(colors.black)
        rows, count = self.encoder.matrix(signed)
        canvas.addLiteral(qr_image(rows, count, QR_X, QR_Y, QR_SIZE))
        self._embed(signed)
        canvas.showPage()

    def _embed(self, signed: str) -> None:
        """The signed text as invisible text under the QR code, in a span whose /ActualText it is too."""
        canvas = self.canvas
        canvas.addLiteral(f"/Span <</ActualText ({signed})>> BDC")  # base64url: nothing to escape
        text = canvas.beginText(QR_X, QR_Y - 7 * mm)
        text.setTextRenderMode(3)
        text.setFont(self.font, 2.5, 3)
        for start in range(0, len(signed), PAYLOAD_LINE):
            text.textLine(signed[start:start + PAYLOAD_LINE])
        canvas.drawText(text)
        canvas.addLiteral("EMC")


def qr_image(rows: Sequence[int], count: int, x: float, y: float, size: float, quiet: int = 2) -> str:
    """Page operators drawing a QR matrix (rows as from :meth:`qr.QrEncoder.matrix`) in a ``size`` square at
    (x, y) with ``quiet`` light modules around it, as a one-bit image mask, one image sample a module.

    Why not :func:`qr.draw`'s path of a rectangle per run: a certificate's code (version 16, 81 × 81) has
    some 1,500 runs, 1.5 ms of text to format and compress a page; the mask is 900 bytes of hex, 0.05 ms.
    A mask is painted in the fill colour, its samples hard-edged (no /Interpolate), so print and screen show
    square modules."""
    unit = size / (count + 2 * quiet)
    side = unit * count
    width = (count + 7) // 8
    pad = 8 * width - count
    samples = b"".join((row << pad).to_bytes(width, "big") for row in rows)
    return (f"q {side:.3f} 0 0 {side:.3f} {x + quiet * unit:.3f} {y + quiet * unit:.3f} cm\n"
            f"BI /W {count} /H {count} /IM true /BPC 1 /D [1 0] /F /AHx ID\n{samples.hex()}>\nEI Q")


def _sentence(facts: CertificateFacts) -> str:
    """“在……中，荣获一等奖，被授予“技术能手”称号。”"""
    sentence = f"在{facts.contest}中，荣获{facts.award or '奖励'}"
    return sentence + (f"，被授予“{facts.title}”称号。" if facts.title else "。")


def _body_lines(sentence: str, font: str) -> list[str]:
    """The sentence wrapped to the text width in ``font`` (the first line indented), a closing mark never
    starting a line."""
    width = TEXT_RIGHT - TEXT_LEFT
    lines: list[str] = []
    line, used = "", 0.0
    for char in sentence:
        room = width - (2 * BODY_SIZE if not lines else 0)
        wide = _char_width(char, font)
        if line and used + wide > room and char not in "，。、”）":
            lines.append(line)
            line, used = "", 0.0
        line, used = line + char, used + wide
    return [*lines, line] if line else lines


@cache
def _char_width(char: str, font: str) -> float:
    return stringWidth(char, font, BODY_SIZE)


def _fit(text: str, font: str, size: float, width: float) -> str:
    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


# --- reading the signed text back ---------------------------------------------------------------------

MAX_PDF = 200 * 1024 * 1024


def signed_texts(data: bytes) -> list[str]:
    """The signed certificate texts in a PDF (one per certificate page, in page order) as the certificate
    form embeds them; [] when there are none (not a certificate PDF, or the text was removed). Reads the raw
    and the Flate-compressed streams (ASCII85-wrapped, as reportlab writes them, or not), with no PDF library."""
    found = [m.group(1).decode("ascii") for m in _SIGNED.finditer(data)]
    for stream in _STREAM.finditer(data):
        content = stream.group(1)
        try:
            if content.rstrip().endswith(b"~>"):
                content = base64.a85decode(content.strip(), adobe=True)
            inflated = zlib.decompressobj().decompress(content)  # what follows the compressed data is ignored
        except (ValueError, zlib.error):
            continue
        found += [m.group(1).decode("ascii") for m in _SIGNED.finditer(inflated)]
    return found


def signed_texts_in(path: Path) -> list[str]:
    """:func:`signed_texts` of a file, with a Chinese message when it cannot be read or is no PDF."""
    from db.errors import ValidationError

    try:
        size = path.stat().st_size
        if size > MAX_PDF:
            raise ValidationError("证书文件", f"{path.name} 太大（{size // 1024 // 1024} MB），不是证书PDF")
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("证书文件", f"无法读取 {path}：{exc.strerror or exc}") from exc
    if not data.startswith(b"%PDF"):
        raise ValidationError("证书文件", f"{path.name} 不是PDF文件")
    return signed_texts(data)
