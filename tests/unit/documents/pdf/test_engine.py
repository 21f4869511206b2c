"""Tests of the PDF engine (desktop.documents.pdf.engine): what a reader of the printed page sees — the
page furniture on every page, tables that carry their header onto the next page, the embedded font, the
metadata — read back with poppler (pdftotext, pdffonts, pdfinfo, pdftoppm).

The poppler helpers here are shared by the form tests of this folder.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.errors import PermissionDenied
from desktop.documents.pdf import engine


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The text of the PDF (or of one page): in drawing order (a wrapped cell's lines together), or laid out
    as on the page (``layout``: a table's row on one line)."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    mode = "-layout" if layout else "-raw"
    return subprocess.run(["pdftotext", mode, *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    """Text without white space: pdftotext spaces CJK text by its positions, not as it was written."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]


def pdf_info(path: Path) -> dict[str, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in info.splitlines())}


def assert_fonts_embedded(path: Path, faces: tuple[str, ...] = ("WenQuanYiMicroHei",)) -> None:
    """Every font is embedded and subset (``ABCDEF+`` name prefix) and one of ``faces``: nothing relies on
    the reader's fonts."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    fonts = lines[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        name, *_rest = line.split()
        assert re.match(rf"^[A-Z]{{6}}\+({'|'.join(faces)})", name), line
        assert re.search(r"\byes\s+yes\s+yes\b", line), line  # emb sub uni


def assert_renders(path: Path, tmp_path: Path) -> list[Path]:
    """pdftoppm draws every page without complaint; returns the PNG files."""
    prefix = tmp_path / f"{path.stem}-png"
    result = subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(prefix)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    pngs = sorted(tmp_path.glob(f"{path.stem}-png*.png"))
    assert pngs
    return pngs


def actor(role: str) -> Actor:
    return Actor(role, role, frozenset({role}), "110101006")


def _long_table(rows: int) -> list[Flowable]:
    data = [["序号", "姓名", "工作单位"]]
    employer = "北京市东城区某某物业管理有限责任公司第三分公司"
    data += [[str(i), f"会员{i}", employer * (1 + i % 3)] for i in range(1, rows + 1)]
    return [engine.ruled_table(data, [15 * mm, 30 * mm, 120 * mm])]


def test_a_long_table_flows_with_its_header_and_page_numbers_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    pages = engine.build_document(out, _long_table(200), title="测试名册", office_name="东四街道工会",
                                  subtitle="范围：全部会员", printed_on=dt.date(2025, 3, 8))
    assert pages > 3 and pdf_pages(out) == pages
    for page in range(1, pages + 1):
        text = pdf_text(out, page, layout=True)
        assert f"第{page}页共{pages}页" in squash(text)
        assert "东四街道工会" in text and "测试名册" in text and "打印日期：2025年3月8日" in text
        assert re.search(r"序号\s+姓名\s+工作单位", text), f"no header on page {page}"
    everything = pdf_text(out, layout=True)
    assert re.search(r"\b1\s+会员1\s", everything) and "会员200" in everything
    assert not (tmp_path / "long.pdf.part").exists()


def test_metadata_fonts_and_page_size(tmp_path: Path) -> None:
    out = tmp_path / "meta.pdf"
    engine.build_document(out, _long_table(5), title="会员花名册", office_name="东四街道工会", landscape=True)
    info = pdf_info(out)
    assert info["Title"] == "会员花名册" and info["Author"] == "东四街道工会" and info["Creator"] == "UnionDesk"
    assert info["Page size"].startswith("841.89 x 595.27")
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_writes_to_a_binary_file_object() -> None:
    buffer = io.BytesIO()
    pages = engine.build_document(buffer, [engine.para("你好")], title="测试", office_name="东四街道工会")
    assert pages == 1 and buffer.getvalue().startswith(b"%PDF")


def test_a_failure_leaves_no_file(tmp_path: Path) -> None:
    class Broken(Flowable):
        def wrap(self, *_: float) -> tuple[float, float]:
            raise RuntimeError("broken")

    out = tmp_path / "broken.pdf"
    with pytest.raises(RuntimeError):
        engine.build_document(out, [engine.para("前"), Broken()], title="测试", office_name="东四街道工会")
    assert list(tmp_path.iterdir()) == []


def test_signature_seal_qr_and_text_escaping(tmp_path: Path) -> None:
    out = tmp_path / "sign.pdf"
    story = [engine.para("A&B <公司>"), engine.signature_block(["申请人签字：", "经办人签字："]),
             engine.seal_area("基层工会（盖章）"), PageBreak(), engine.qr_flowable("006000001", 30 * mm)]
    assert engine.build_document(out, story, title="测试", office_name="东四街道工会") == 2
    text = pdf_text(out)
    assert "A&B <公司>" in text
    assert "申请人签字：" in text and "经办人签字：" in text
    assert text.count("日期：____年____月____日") == 2
    assert "基层工会（盖章）" in text
    assert engine.qr_flowable("x", 30 * mm).width == pytest.approx(30 * mm)
    assert_fonts_embedded(out)  # the QR drawing must not pull in an unembedded Helvetica
    assert_renders(out, tmp_path)


def test_cells_that_fit_stay_strings_and_long_ones_wrap() -> None:
    assert engine.fit_cell("张三", 30 * mm) == "张三"
    assert not isinstance(engine.fit_cell("很长的工作单位名称" * 5, 30 * mm), str)
    assert engine.clip("北京市东城区某某有限公司" * 3, 40 * mm, 8).endswith("…")
    assert engine.text_width(engine.clip("北京市东城区某某有限公司" * 3, 40 * mm, 8), 8) <= 40 * mm


def test_masking_and_who_may_print_full_numbers() -> None:
    assert engine.masked_id("110101199003071234", full=False) == "110101********1234"
    assert engine.masked_id("110101199003071234", full=True) == "110101199003071234"
    assert engine.masked_phone("13812345678", full=False) == "138****5678"
    assert engine.masked_id(None, full=False) == ""
    for role in (ADMIN, APPROVER):
        engine.check_full_ids(actor(role), True)
    engine.check_full_ids(actor(CLERK), False)
    with pytest.raises(PermissionDenied, match="完整的身份证号"):
        engine.check_full_ids(actor(CLERK), True)


def test_rows_per_page_fills_the_frame() -> None:
    height = engine.frame_size(landscape=True)[1]
    rows = engine.rows_per_page(height, 15, 20, reserve=26)
    assert 20 + rows * 15 + 26 <= height < 20 + (rows + 1) * 15 + 26 + 1


def test_draw_qr_draws_the_fast_matrix(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from desktop.documents.pdf import qr

    out = tmp_path / "qr.pdf"
    canvas = Canvas(str(out), pageCompression=0)
    engine.draw_qr(canvas, "006000001", 100, 100, 80)
    canvas.save()
    rows, count = qr.QrEncoder().matrix("006000001")
    runs = sum(len(qr._DARK_RUN.findall(format(bits, f"0{count}b"))) for bits in rows)
    assert out.read_bytes().count(b" 1 re") == runs  # one rectangle per dark run, nothing else
