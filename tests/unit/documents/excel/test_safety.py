"""Hostile and broken files are refused with a Chinese message; real workbooks pass. How quickly the refusals
come: tests/benchmarks/test_budgets.py."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.documents.excel import safety
from desktop.documents.excel.safety import EncryptedFile, UnsafeFile, check_file

SHEET = "xl/worksheets/sheet1.xml"


def write_roster(path: Path, rows: int = 20) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "会员"
    sheet.append(["姓名", "身份证号", "入会日期"])
    for index in range(rows):
        sheet.append([f"会员{index}", "11010119900307123X", "2020-01-01"])
    workbook.save(path)
    return path


def rewrite(source: Path, target: Path, replace: dict[str, bytes | Callable[[bytes], bytes]],
            extra: Iterable[tuple[str, bytes]] = (), compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", compression) as out:
        for info in src.infolist():
            data = src.read(info)
            change = replace.get(info.filename)
            if change is not None:
                data = change(data) if callable(change) else change
            out.writestr(info.filename, data)
        for name, data in extra:
            out.writestr(name, data)
    return target


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "roster.xlsx")


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(UnsafeFile) as caught:
        check_file(path)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    return message


def test_a_real_workbook_passes(roster: Path) -> None:
    assert check_file(roster) == "xlsx"


@pytest.mark.parametrize(("content", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF文档"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG图片"),
    (bytes(range(256)) * 40, "内容无法识别"),
    (b"", "文件是空的"),
    ("姓名,身份证号\n张三,110101199003071234\n".encode(), "如果是CSV，请把扩展名改为.csv"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页（HTML）"),
])
def test_other_files_dressed_as_xlsx_are_refused(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(content)
    message = refused(path, what)
    assert message.startswith("文件“名单.xlsx”不是有效的Excel文件（")


def test_a_csv_is_text_only_when_named_so(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号\n张三,110101199003071234\n".encode("gb18030"))
    assert check_file(path) == "csv"


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(path, "是压缩包，但不是Excel工作簿")


def test_an_xls_passes_and_a_word_document_does_not(tmp_path: Path) -> None:
    xls = tmp_path / "a.xls"
    xls.write_bytes(safety.OLE2_MAGIC + b"\x00" * 600 + "Workbook".encode("utf-16-le") + b"\x00" * 600)
    assert check_file(xls) == "xls"
    doc = tmp_path / "b.xls"
    doc.write_bytes(safety.OLE2_MAGIC + b"\x00" * 600 + "WordDocument".encode("utf-16-le"))
    refused(doc, "不是工作簿")


def test_an_encrypted_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "密码.xlsx"
    path.write_bytes(safety.OLE2_MAGIC + b"\x00" * 1000 + "EncryptionInfo".encode("utf-16-le")
                     + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(EncryptedFile, match="文件“密码.xlsx”已加密，请在Excel中去掉密码后再导入"):
        check_file(path)


def write_zip_bomb(roster: Path, bomb: Path) -> Path:
    """A valid sheet with 256 MiB of spaces after <sheetData>, deflated about 1000-fold, written as a stream."""
    with zipfile.ZipFile(roster) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != SHEET:
                out.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            streamed = zipfile.ZipInfo(SHEET)
            streamed.compress_type = zipfile.ZIP_DEFLATED
            with out.open(streamed, "w", force_zip64=True) as part:
                part.write(head + b"<sheetData>")
                block = b" " * (16 * 1024 * 1024)
                for _ in range(16):
                    part.write(block)
                part.write(tail)
    return bomb


def test_a_zip_bomb_is_refused(roster: Path, tmp_path: Path) -> None:
    bomb = write_zip_bomb(roster, tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 5 * 1024 * 1024
    refused(bomb, "压缩炸弹")


def write_many_entries(roster: Path, path: Path) -> Path:
    extra = ((f"xl/media/x{index}.bin", b"") for index in range(10_001))
    return rewrite(roster, path, {}, extra, compression=zipfile.ZIP_STORED)


def test_a_zip_with_ten_thousand_entries_is_refused(roster: Path, tmp_path: Path) -> None:
    refused(write_many_entries(roster, tmp_path / "many.xlsx"), "超过了10000个")


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/workbook.xml", SHEET])
def test_entity_declarations_are_refused(roster: Path, tmp_path: Path, part: str) -> None:
    def poison(data: bytes) -> bytes:
        return BILLION_LAUGHS + data.split(b"?>", 1)[-1]

    shared = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
              b"<si><t>&lol3;</t></si></sst>")
    extra = [("xl/sharedStrings.xml", poison(shared))] if part == "xl/sharedStrings.xml" else []
    path = rewrite(roster, tmp_path / "laughs.xlsx", {part: poison} if part != "xl/sharedStrings.xml" else {},
                   extra)
    refused(path, "含有DTD/实体声明")


def test_an_external_entity_is_refused(roster: Path, tmp_path: Path) -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    path = rewrite(roster, tmp_path / "xxe.xlsx", {"[Content_Types].xml": lambda d: doctype + d.split(b"?>", 1)[-1]})
    refused(path, "[Content_Types].xml", "含有DTD/实体声明")


def write_whole_grid(roster: Path, path: Path) -> Path:
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    return rewrite(roster, path, {SHEET: lambda d: d.replace(b"</sheetData>", far)})


def test_a_sheet_spanning_the_whole_grid_is_refused(roster: Path, tmp_path: Path) -> None:
    refused(write_whole_grid(roster, tmp_path / "far.xlsx"), "工作表“会员”的范围有1048576行×16384列")


def write_unreferenced_cells(roster: Path, path: Path) -> Path:
    wide = b"<row>" + b"<c><v>1</v></c>" * 16_000 + b"</row>"
    rows = wide * 2 + b'<row r="1000"><c r="A1000"><v>1</v></c></row>'
    return rewrite(roster, path, {SHEET: lambda d: d.replace(b"</sheetData>", rows + b"</sheetData>")})


def test_cells_without_references_are_bounded(roster: Path, tmp_path: Path) -> None:
    refused(write_unreferenced_cells(roster, tmp_path / "noref.xlsx"), "列，超过了600万个单元格")


def test_cells_without_references_in_a_normal_sheet_pass(roster: Path, tmp_path: Path) -> None:
    rows = b"".join(b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>" for _ in range(1000))
    path = rewrite(roster, tmp_path / "noref.xlsx", {SHEET: lambda d: d.replace(b"</sheetData>", rows + b"</sheet"
                                                                                                       b"Data>")})
    assert check_file(path) == "xlsx"


def test_an_ods_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    refused(path, "另存为")


def write_big_sheet(path: Path, rows: int = 20_000) -> Path:
    """``rows`` rows × 20 columns of real-looking cells (the import's benchmark runs 100,000)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员")
    for row in range(rows):
        sheet.append([f"11010119900307{row:04d}", "张三", row, row * 0.5, "北京市东城区东四街道"] * 4)
    workbook.save(path)
    return path


def test_a_big_sheet_passes(tmp_path: Path) -> None:
    assert check_file(write_big_sheet(tmp_path / "big.xlsx")) == "xlsx"
