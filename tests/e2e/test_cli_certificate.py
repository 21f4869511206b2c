"""``uniondesk verify-certificate`` (design §4, §6): a certificate PDF printed by ``print certificate`` checks as
真 at the office that printed it, 不可信 at an office that has not trusted its key, 真 once it has; a PDF or
a text with one changed character fails (exit 1)."""

from __future__ import annotations

import base64
import re
import zlib
from pathlib import Path

from tests.e2e.test_cli import OFFICE, assert_one_line_error
from tests.e2e.test_cli_keys import DISTRICT, Office

SIGNED = re.compile(rb"/ActualText \((UDC1:[A-Za-z0-9_-]+)\)")


def _printed(office: Office, out: Path) -> None:
    assert office.run("demo", "--members", "150", "--seed", "3").returncode == 0  # progress on stderr
    printed = office.run("print", "certificate", "-o", str(out))
    assert printed.returncode == 0 and re.search(r"已生成 \d+ 页", printed.stdout), printed.stderr


def _edit_signed_text(pdf: Path, out: Path) -> str:
    """Change one character of the first certificate's embedded signed text, as an editor of the PDF would;
    returns the original text."""
    data = pdf.read_bytes()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\n?endstream", data, re.DOTALL):
        raw = match.group(1)
        armoured = raw.rstrip().endswith(b"~>")
        try:
            inflated = zlib.decompress(base64.a85decode(raw.strip(), adobe=True) if armoured else raw)
        except (ValueError, zlib.error):
            continue
        found = SIGNED.search(inflated)
        if found is None:
            continue
        text = found.group(1)
        at = found.start(1) + 60
        changed = inflated[:at] + (b"A" if inflated[at:at + 1] != b"A" else b"B") + inflated[at + 1:]
        encoded = zlib.compress(changed)
        encoded = base64.a85encode(encoded, adobe=True) if armoured else encoded
        out.write_bytes(data[:match.start(1)] + encoded + data[match.end(1):])
        return text.decode("ascii")
    raise AssertionError("no signed text in the PDF")


def test_a_printed_certificate_pdf_verifies_and_an_edited_one_fails(tmp_path: Path) -> None:
    dongsi = Office(tmp_path / "dongsi", OFFICE)
    pdf = tmp_path / "certificates.pdf"
    _printed(dongsi, pdf)
    result = dongsi.run("verify-certificate", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    pages = int(re.search(r"共 (\d+) 张：真 (\d+) 张", result.stdout).group(1))  # type: ignore[union-attr]
    assert pages > 10 and f"真 {pages} 张" in result.stdout
    assert "获奖人：" in result.stdout and "发证单位：东四街道工会（110101006）" in result.stdout
    assert "********" in result.stdout  # ID numbers masked, as printed

    edited = tmp_path / "edited.pdf"
    text = _edit_signed_text(pdf, edited)
    result = dongsi.run("verify-certificate", str(edited))
    assert result.returncode == 1
    assert "结果：伪" in result.stdout and f"真 {pages - 1} 张" in result.stdout

    result = dongsi.run("verify-certificate", text)
    assert result.returncode == 0 and result.stdout.startswith("结果：真"), result.stdout
    altered = text[:-10] + ("x" if text[-10] != "x" else "y") + text[-9:]
    result = dongsi.run("verify-certificate", altered)
    assert result.returncode == 1 and result.stdout.startswith("结果：伪") and result.stderr == ""


def test_another_office_trusts_the_certificate_only_after_trusting_the_key(tmp_path: Path) -> None:
    dongsi, district = Office(tmp_path / "dongsi", OFFICE), Office(tmp_path / "district", DISTRICT)
    pdf = tmp_path / "certificates.pdf"
    _printed(dongsi, pdf)
    result = district.run("verify-certificate", str(pdf))
    assert result.returncode == 1
    assert "结果：不可信" in result.stdout and "东四街道工会（单位代码 110101006）" in result.stdout
    pub = tmp_path / "dongsi.pub.json"
    dongsi.ok("keys", "export-public", str(pub))
    district.ok("keys", "trust", str(pub), "--office", "110101006")
    result = district.run("verify-certificate", str(pdf))
    assert result.returncode == 0 and "已信任的单位 东四街道工会" in result.stdout


def test_what_is_no_certificate_is_one_line_or_a_verdict(tmp_path: Path) -> None:
    dongsi = Office(tmp_path / "dongsi", OFFICE)
    assert_one_line_error(dongsi.run("verify-certificate", "hello"), "UDC1:")
    notes = tmp_path / "notes.txt"
    notes.write_text("没有证书", encoding="utf-8")
    assert_one_line_error(dongsi.run("verify-certificate", str(notes)), "notes.txt", "不是PDF文件")
    result = dongsi.run("verify-certificate", "UDC1:QUJD")
    assert result.returncode == 1 and "结果：无效" in result.stdout and "不完整" in result.stdout
