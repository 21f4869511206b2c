"""Refuse hostile or broken spreadsheet files before any parser sees them, in seconds and bounded memory.

:func:`check_file` tells an .xlsx from an .xls from a .csv by content, not by name, and raises
:class:`UnsafeFile` with a Chinese message for anything else. An .xlsx (a ZIP of XML parts) is checked part by
part while streaming: the ZIP directory is read from its end record before :mod:`zipfile` parses it, every part
is inflated here, in chunks, counting the bytes that really come out (sizes in ZIP headers can lie), and every
worksheet is scanned for the cells python-calamine would place, because calamine builds a dense
rows × columns grid of 32-byte cells and aborts the whole process when that grid cannot be allocated.

Limits, and why:

* files up to 200 MB: a 100,000-member roster is 15–25 MB as .xlsx and 40–60 MB as .csv or .xls.
* at most 10,000 ZIP entries and a 4 MB central directory; Excel writes a few dozen.
* a part may inflate to 400 MB and the whole workbook to 800 MB: 100,000 rows × 25 columns is 60–150 MB of
  sheet XML (inline strings make it bigger), so there is room for three times that.
* a part over 16 MB may not inflate more than 200-fold: real sheets inflate 5–20-fold, deflate bombs ~1000-fold.
* a sheet may span at most 6,000,000 cells (about 200 MB in calamine): 240,000 rows of 25 columns.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from db.errors import UnionDeskError

Kind = Literal["xlsx", "xls", "csv"]

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024
MAX_TOTAL_BYTES = 800 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 16 * 1024 * 1024
MAX_SMALL_PART_BYTES = 16 * 1024 * 1024  # [Content_Types].xml, workbook.xml, rels: parsed as a whole
MAX_CELLS = 6_000_000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_READ_CHUNK = 256 * 1024
_INFLATE_CHUNK = 4 * 1024 * 1024
_WORKBOOK_TYPES = ("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml",
                   "spreadsheetml.template.main+xml", "ms-excel.template.macroEnabled.main+xml")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")  # XML names are case-sensitive
_LOOKS_LIKE = (
    (b"%PDF", "PDF文档"), (b"\x89PNG", "PNG图片"), (b"\xff\xd8\xff", "JPEG图片"), (b"GIF8", "GIF图片"),
    (b"BM", "BMP图片"), (b"{\\rtf", "RTF文档"), (b"Rar!", "RAR压缩包"), (b"7z\xbc\xaf", "7z压缩包"),
    (b"\x1f\x8b", "gzip压缩包"),
)
_SAVE_AS = "请用Excel或WPS打开后另存为“Excel工作簿（*.xlsx）”再导入"


class UnsafeFile(UnionDeskError):
    """A file that cannot be imported: not a spreadsheet, damaged, encrypted, or built to exhaust the machine."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"文件“{path.name}”不是有效的Excel文件（{reason}）")
        self.path = path
        self.reason = reason


class EncryptedFile(UnsafeFile):
    """A workbook protected by a password to open."""

    def __init__(self, path: Path) -> None:
        UnionDeskError.__init__(self, f"文件“{path.name}”已加密，请在Excel中去掉密码后再导入")
        self.path = path
        self.reason = "已加密"


def check_file(path: Path) -> Kind:
    """The kind of spreadsheet in ``path`` judged by its content; UnsafeFile if it must not be opened."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fp:
            head = fp.read(8)
            if size == 0:
                raise UnsafeFile(path, "文件是空的")
            if size > MAX_FILE_BYTES:
                raise UnsafeFile(path, f"文件有{size // 1024 // 1024} MB，超过了{MAX_FILE_BYTES // 1024 // 1024} MB")
            if head.startswith(ZIP_MAGIC):
                _check_xlsx(path, fp, size)
                return "xlsx"
            if head == OLE2_MAGIC:
                _check_ole2(path, fp)
                return "xls"
            fp.seek(0)
            return _check_text(path, fp.read(64 * 1024))
    except OSError as exc:
        raise UnsafeFile(path, f"无法读取：{exc.strerror or exc}") from None


def _check_text(path: Path, head: bytes) -> Kind:
    for magic, what in _LOOKS_LIKE:
        if head.startswith(magic):
            raise UnsafeFile(path, f"看起来是{what}")
    lower = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lower.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or b"<html" in lower[:1024]:
        raise UnsafeFile(path, f"是网页（HTML）格式，{_SAVE_AS}")
    if lower.startswith(b"<?xml"):
        raise UnsafeFile(path, f"是XML格式，{_SAVE_AS}")
    text = _decode_prefix(head)
    if text is None:
        raise UnsafeFile(path, "内容无法识别")
    if path.suffix.lower() != ".csv":
        raise UnsafeFile(path, "看起来是文本文件；如果是CSV，请把扩展名改为.csv")
    return "csv"


def _decode_prefix(head: bytes) -> str | None:
    """``head`` as text (UTF-8 or GB18030, allowing a cut character at the end), None for binary data."""
    if b"\x00" in head:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return head.decode(encoding) if len(head) < 64 * 1024 else _decode_cut(head, encoding)
        except UnicodeDecodeError:
            continue
    return None


def _decode_cut(head: bytes, encoding: str) -> str:
    import codecs

    return codecs.getincrementaldecoder(encoding)().decode(head, final=False)


def _check_ole2(path: Path, fp: BinaryIO) -> None:
    """An OLE2 compound file is an .xls when it holds a Workbook stream; an encrypted .xlsx is OLE2 too."""
    names = {"EncryptionInfo": False, "EncryptedPackage": False, "Workbook": False, "Book": False}
    patterns = {name: name.encode("utf-16-le") for name in names}
    fp.seek(0)
    tail = b""
    while chunk := fp.read(4 * 1024 * 1024):
        window = tail + chunk
        for name, pattern in patterns.items():
            names[name] = names[name] or pattern in window
        tail = window[-64:]
    if names["EncryptionInfo"] or names["EncryptedPackage"]:
        raise EncryptedFile(path)
    if not (names["Workbook"] or names["Book"]):
        raise UnsafeFile(path, "是Word等其他Office文档，不是工作簿")


def _check_xlsx(path: Path, fp: BinaryIO, size: int) -> None:
    entries, directory_bytes = _directory_size(path, fp, size)
    if entries > MAX_ENTRIES or directory_bytes > MAX_DIRECTORY_BYTES:
        raise UnsafeFile(path, f"压缩包内有{entries}个条目，超过了{MAX_ENTRIES}个")
    try:
        archive = zipfile.ZipFile(fp)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnsafeFile(path, f"压缩结构已损坏：{exc}") from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeFile(path, f"压缩包内有{len(infos)}个条目，超过了{MAX_ENTRIES}个")
    by_name = {info.filename: info for info in infos}
    if len(by_name) != len(infos):
        raise UnsafeFile(path, "压缩包内有重名的条目")
    if "mimetype" in by_name and b"opendocument" in _read_part(path, fp, by_name["mimetype"], 4096):
        raise UnsafeFile(path, f"是OpenDocument（.ods）表格，{_SAVE_AS}")
    if "[Content_Types].xml" not in by_name:
        raise UnsafeFile(path, "是压缩包，但不是Excel工作簿")
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedFile(path)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeFile(path, f"“{info.filename}”使用了不支持的压缩方式")
    types = _parse_small(path, fp, by_name["[Content_Types].xml"])
    workbook = _workbook_part(path, types)
    if workbook not in by_name:
        raise UnsafeFile(path, "缺少工作簿内容（xl/workbook.xml）")
    sheets = _sheet_parts(path, fp, by_name, workbook)
    total = 0
    for info in infos:
        sheet_name = sheets.get(info.filename)
        if sheet_name is None and info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            sheet_name = info.filename
        total += _check_part(path, fp, info, sheet_name, MAX_TOTAL_BYTES - total)


def _directory_size(path: Path, fp: BinaryIO, size: int) -> tuple[int, int]:
    """Entries and central-directory bytes from the end record (ZIP64 too), before zipfile reads them all."""
    fp.seek(max(0, size - 65_557))
    tail = fp.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise UnsafeFile(path, "压缩结构已损坏：找不到目录")
    entries, directory_bytes = struct.unpack("<xxxxxxxxxxHI", tail[at:at + 16])
    if entries != 0xFFFF and directory_bytes != 0xFFFFFFFF:
        return entries, directory_bytes
    locator = tail[at - 20:at] if at >= 20 else b""
    if not locator.startswith(b"PK\x06\x07"):
        raise UnsafeFile(path, "压缩结构已损坏：ZIP64目录缺失")
    (offset,) = struct.unpack("<Q", locator[8:16])
    fp.seek(offset)
    record = fp.read(56)
    if not record.startswith(b"PK\x06\x06") or len(record) < 56:
        raise UnsafeFile(path, "压缩结构已损坏：ZIP64目录缺失")
    entries64, directory64 = struct.unpack("<QQ", record[32:48])
    return entries64, directory64


def _inflate(path: Path, fp: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The real bytes of one part, in chunks, whatever its headers claim."""
    fp.seek(info.header_offset)
    header = fp.read(30)
    if len(header) < 30 or not header.startswith(ZIP_MAGIC):
        raise UnsafeFile(path, f"“{info.filename}”的压缩数据已损坏")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    remaining = info.compress_size
    try:
        while remaining > 0:
            raw = fp.read(min(_READ_CHUNK, remaining))
            if not raw:
                break
            remaining -= len(raw)
            if inflater is None:
                yield raw
                continue
            data = raw
            while data and not inflater.eof:
                out = inflater.decompress(data, _INFLATE_CHUNK)
                data = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
    except zlib.error:
        raise UnsafeFile(path, f"“{info.filename}”的压缩数据已损坏") from None


def _read_part(path: Path, fp: BinaryIO, info: zipfile.ZipInfo, limit: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    for chunk in _inflate(path, fp, info):
        total += len(chunk)
        if total > limit:
            raise UnsafeFile(path, f"“{info.filename}”过大")
        parts.append(chunk)
    return b"".join(parts)


def _check_part(path: Path, fp: BinaryIO, info: zipfile.ZipInfo, sheet_name: str | None, budget: int) -> int:
    """Stream one part through the size, ratio, DTD and (for sheets) extent checks; its inflated size."""
    total = 0
    scan = _SheetScan() if sheet_name is not None else None
    carry = b""
    for chunk in _inflate(path, fp, info):
        if total == 0 and (chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:4]):
            raise UnsafeFile(path, f"“{info.filename}”使用了不支持的UTF-16编码")
        total += len(chunk)
        if total > MAX_PART_BYTES or total > budget:
            limit = min(MAX_PART_BYTES, budget) // 1024 // 1024
            raise UnsafeFile(path, f"“{info.filename}”解压后超过{limit} MB，可能是恶意构造的压缩炸弹")
        if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeFile(path, f"“{info.filename}”的压缩比异常（超过{MAX_RATIO}倍），可能是压缩炸弹")
        if (b"<!" in chunk or b"<!" in carry + chunk[:16]) and _DTD.search(carry + chunk):
            raise UnsafeFile(path, f"“{info.filename}”含有DTD/实体声明，可能是恶意构造的XML")
        carry = chunk[-16:]
        if scan is not None:
            scan.feed(chunk)
    if scan is not None:
        rows, columns = scan.finish()
        if rows > 1_048_576 or columns > 16_384 or rows * columns > MAX_CELLS:
            raise UnsafeFile(path, f"工作表“{sheet_name}”的范围有{rows}行×{columns}列，超过了"
                                   f"{MAX_CELLS // 10_000}万个单元格；请删除表格外多余的内容后再导入")
    return total


def _parse_small(path: Path, fp: BinaryIO, info: zipfile.ZipInfo) -> Element:
    data = _read_part(path, fp, info, MAX_SMALL_PART_BYTES)
    if _DTD.search(data):
        raise UnsafeFile(path, f"“{info.filename}”含有DTD/实体声明，可能是恶意构造的XML")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise UnsafeFile(path, f"“{info.filename}”无法解析：{exc}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _workbook_part(path: Path, types: Element) -> str:
    for override in types:
        content_type = override.get("ContentType", "")
        if _local(override.tag) == "Override" and content_type.endswith(_WORKBOOK_TYPES):
            return override.get("PartName", "").lstrip("/")
        if "sheet.binary" in content_type:
            raise UnsafeFile(path, f"是二进制工作簿（.xlsb），{_SAVE_AS}")
    raise UnsafeFile(path, "是Office文档，但不是Excel工作簿")


def _sheet_parts(path: Path, fp: BinaryIO, by_name: dict[str, zipfile.ZipInfo], workbook: str) -> dict[str, str]:
    """Part name → sheet name for the sheets of the workbook (calamine finds them the same way)."""
    book = _parse_small(path, fp, by_name[workbook])
    folder = PurePosixPath(workbook).parent
    rels_name = str(folder / "_rels" / (PurePosixPath(workbook).name + ".rels"))
    targets: dict[str, str] = {}
    if rels_name in by_name:
        for rel in _parse_small(path, fp, by_name[rels_name]):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            targets[rel.get("Id", "")] = part
    sheets: dict[str, str] = {}
    for element in book.iter():
        if _local(element.tag) == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rel_id in targets:
                sheets[targets[rel_id]] = element.get("name", targets[rel_id])
    return sheets


def _join(folder: PurePosixPath, target: str) -> str:
    parts: list[str] = []
    for piece in (folder / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


class _SheetScan:
    """Where calamine would place the cells of one worksheet: its extent, from the sheet's XML in chunks.

    The fast path reads ``<c r="AB12"`` references with one regular expression; a chunk holding a cell or row
    without a leading ``r`` attribute (some generators omit it) takes the slow path, which also counts the
    unreferenced cells of each row, since calamine places them after the previous one.
    """

    def __init__(self) -> None:
        self.max_row = 0
        self.max_column = 0
        self.rows_without_ref = 0
        self.unreferenced_in_row = 0
        self.max_unreferenced = 0
        self._carry = b""
        self._patterns: tuple[re.Pattern[bytes], ...] | None = None

    def feed(self, chunk: bytes) -> None:
        buffer = self._carry + chunk
        cut = buffer.rfind(b"<")  # a tag's head holds no "<": every match before the cut is whole
        if cut < 0:
            self._carry = b""
            return
        self._scan(buffer, cut)
        self._carry = buffer[cut:cut + 256] if len(buffer) - cut > 65_536 else buffer[cut:]

    def finish(self) -> tuple[int, int]:
        self._scan(self._carry, len(self._carry))
        self._carry = b""
        return (self.max_row + self.rows_without_ref,
                self.max_column + max(self.max_unreferenced, self.unreferenced_in_row))

    def _compile(self, region: bytes) -> tuple[re.Pattern[bytes], ...]:
        root = re.search(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]", region)
        prefix = re.escape(root.group(1)) if root and root.group(1) else b""
        return (
            # every cell; a cell whose first attribute is not r="..." yields empty groups
            re.compile(rb"<" + prefix + rb'c(?:[>/]|\s(?:r="([A-Z]+)(\d+)")?)'),
            re.compile(rb"<" + prefix + rb"row(?:[>/]|\s(?!r=\"))"),
            re.compile(rb"<" + prefix + rb"c\s[^<>]*?\br=[\"']([A-Za-z]+)(\d+)[\"']"),
            re.compile(rb"<" + prefix + rb"c[\s>/]"),
            re.compile(rb"<" + prefix + rb"row[\s>/]"),
            re.compile(rb"<" + prefix + rb"row\s[^<>]*?\br=[\"']\d"),
        )

    def _scan(self, buffer: bytes, end: int) -> None:
        if self._patterns is None:
            self._patterns = self._compile(buffer[:65_536])
        cell, odd_row = self._patterns[:2]
        refs = cell.findall(buffer, 0, end)
        if not refs:
            if odd_row.search(buffer, 0, end):
                self._scan_slow(buffer[:end])
            return
        columns = set(map(itemgetter(0), refs))
        if b"" in columns or odd_row.search(buffer, 0, end):
            self._scan_slow(buffer[:end])
            return
        self._extend(columns, set(map(itemgetter(1), refs)))

    def _scan_slow(self, region: bytes) -> None:
        _, _, any_ref, any_cell, row_start, row_ref = self._patterns or self._compile(region)
        refs = any_ref.findall(region)
        if refs:
            self._extend({c.upper() for c, _ in refs}, {r for _, r in refs})
        starts = [m.start() for m in row_start.finditer(region)]
        bounds = [0, *starts, len(region)]
        for index in range(len(bounds) - 1):
            segment = region[bounds[index]:bounds[index + 1]]
            if index > 0:  # a new row begins
                self.max_unreferenced = max(self.max_unreferenced, self.unreferenced_in_row)
                self.unreferenced_in_row = 0
                if not row_ref.match(segment):
                    self.rows_without_ref += 1
            self.unreferenced_in_row += len(any_cell.findall(segment)) - len(any_ref.findall(segment))

    def _extend(self, columns: set[bytes], rows: set[bytes]) -> None:
        longest_row = max(rows, key=lambda r: (len(r), r))
        self.max_row = max(self.max_row, int(longest_row) if len(longest_row) <= 9 else 10**9)
        widest = max(columns, key=lambda c: (len(c), c))
        self.max_column = max(self.max_column, _column_number(widest) if len(widest) <= 4 else 10**9)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
