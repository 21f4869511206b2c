"""QR codes for printed forms, fast: 10,000 member cards each carry one.

The module matrix is reportlab's (:mod:`reportlab.graphics.barcode.qrencoder`), but choosing its mask the
way reportlab does costs 1.7 ms a code in pure Python; :class:`QrEncoder` gets the same choice from
precomputed per-version bit masks, with rows as integers and the penalty rules as string and bit operations
(tests check it against reportlab's own ``make()``). :func:`draw` writes a code as one filled path of row
runs in module units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import zip_longest
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

_DARK_RUN = re.compile("1+")


def draw(canvas: Canvas, encoder: QrEncoder, value: str, x: float, y: float, size: float, *, quiet: int = 2) -> None:
    """The QR code of ``value`` in a ``size`` square whose lower left corner is (x, y), with ``quiet``
    light modules around it: one filled path, a rectangle per run of dark modules in a row."""
    rows, count = encoder.matrix(value)
    unit = size / (count + 2 * quiet)
    top = y + size
    ops = [f"q {unit:.4f} 0 0 {-unit:.4f} {x + quiet * unit:.3f} {top - quiet * unit:.3f} cm"]
    for r, bits in enumerate(rows):
        for run in _DARK_RUN.finditer(format(bits, f"0{count}b")):
            ops.append(f"{run.start()} {r} {run.end() - run.start()} 1 re")
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))


_RUN5 = re.compile("0{5,}|1{5,}")
_FINDER = "10111010000"  # the penalty pattern of reportlab's rule 3 (rows only, as reportlab scores it)


@dataclass(frozen=True)
class _Version:
    """What every QR code of one version shares: where the data modules are and, per mask, which of them
    the mask flips and how the format information differs from the all-light one used for scoring."""

    count: int
    positions: list[tuple[int, int]]  # (row, column bit) of each data module, in placement order
    function_rows: list[int]  # finder, timing and alignment patterns; format bits light
    mask_rows: list[list[int]]
    format_rows: list[list[int]]


def _module_rows(modules: list[list[bool]]) -> list[int]:
    return [int("".join("1" if m else "0" for m in row), 2) for row in modules]


@cache
def _version(version: int, level: int) -> _Version:
    qr = qrencoder.QRCode(version, level)
    qr.addData("0")
    count = version * 4 + 17
    qr.makeImpl(True, 0)
    places = qr.dataPosIterator()  # (column, row), once the matrix has its size
    positions = [(row, 1 << (count - 1 - col)) for col, row in places]
    data = [0] * count
    for row, bit in positions:
        data[row] |= bit
    function_rows = [r & ~d for r, d in zip(_module_rows(qr.modules), data, strict=True)]
    mask_rows, format_rows = [], []
    for pattern in range(8):
        flips = [0] * count
        mask = qrencoder.QRUtil.getMask(pattern)
        for col, row in places:
            if mask(row, col):
                flips[row] |= 1 << (count - 1 - col)
        mask_rows.append(flips)
        qr.makeImpl(True, pattern)
        scored = _module_rows(qr.modules)
        qr.makeImpl(False, pattern)
        format_rows.append([a ^ b for a, b in zip(scored, _module_rows(qr.modules), strict=True)])
    return _Version(count, positions, function_rows, mask_rows, format_rows)


class QrEncoder:
    """The module matrix reportlab's ``QRCode(None, M)`` makes for a text, as one integer per row (the
    leftmost module the highest bit), computed about eight times faster (0.2 ms a member number)."""

    level = qrencoder.QRErrorCorrectLevel.M

    def matrix(self, text: str) -> tuple[list[int], int]:
        qr = qrencoder.QRCode(None, self.level)
        qr.addData(text)
        version = qr.calculate_version()
        shared = _version(version, self.level)
        data = list(shared.function_rows)
        bits = (byte >> shift & 1 for byte in _codewords(version, self.level, qr.dataList)
                for shift in range(7, -1, -1))
        for (row, bit), dark in zip(shared.positions, bits, strict=False):  # spare modules stay light
            if dark:
                data[row] |= bit
        scores = [_lost_points([d ^ m for d, m in zip(data, flips, strict=True)], shared.count)
                  for flips in shared.mask_rows]
        best = scores.index(min(scores))
        return [d ^ m ^ f for d, m, f in zip(data, shared.mask_rows[best], shared.format_rows[best],
                                             strict=True)], shared.count


_PADDING = (0xEC, 0x11)


def _codewords(version: int, level: int, segments: list[Any]) -> list[int]:
    """``QRCode.createData``: the segments, terminator and padding, then Reed-Solomon codewords per block,
    interleaved — byte-wise, with the generator polynomials cached."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    capacity = sum(block.dataCount for block in blocks)
    buffer = qrencoder.QRBitBuffer()
    for segment in segments:
        segment.write(buffer, version)
    length = buffer.getLengthInBits()
    if length > capacity * 8:
        raise ValueError(f"QR code data too long ({length} > {capacity * 8} bits)")
    # The 4-bit terminator (cut short at capacity) and the padding to a whole byte are zero bits.
    payload = list(buffer.buffer) + [0] * (min(capacity, (length + 4 + 7) // 8) - len(buffer.buffer))
    payload += [_PADDING[i % 2] for i in range(capacity - len(payload))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = payload[offset:offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_remainder(chunk, block.totalCount - block.dataCount))
    return [b for group in (data_blocks, ec_blocks) for column in zip_longest(*group) for b in column
            if b is not None]


_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE


@cache
def _generator_logs(degree: int) -> list[int]:
    """The logs of the coefficients after the leading 1 of the Reed-Solomon generator of ``degree``."""
    return [_LOG[c] for c in qrencoder.QRUtil.getErrorCorrectPolynomial(degree).num[1:]]


def _remainder(data: list[int], degree: int) -> list[int]:
    generator = _generator_logs(degree)
    rest = [0] * degree
    for byte in data:
        factor = byte ^ rest[0]
        rest = rest[1:] + [0]
        if factor:
            shift = _LOG[factor]
            rest = [r ^ _EXP[(g + shift) % 255] for r, g in zip(rest, generator, strict=True)]
    return rest


def _lost_points(rows: list[int], count: int) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of a matrix given as row integers (leftmost module highest)."""
    full = (1 << count) - 1
    score = 0
    # Rule 1, runs of five or more alike: a run of L scores L - 2. In a row, ``equal`` marks each module
    # that matches its right neighbour; a run of L is L - 1 such marks, ``four`` marks where 4 start.
    for row in rows:
        equal = ~(row ^ (row >> 1)) & (full >> 1)
        four = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)
        score += four.bit_count() + 2 * (four & ~(four >> 1)).bit_count()
    # The same down the columns, with rows of "alike the row below" marks.
    equal_rows = [~(upper ^ lower) & full for upper, lower in zip(rows, rows[1:], strict=False)]
    previous = 0
    for i in range(len(equal_rows) - 3):
        four = equal_rows[i] & equal_rows[i + 1] & equal_rows[i + 2] & equal_rows[i + 3]
        score += four.bit_count() + 2 * (four & ~previous).bit_count()
        previous = four
    # Rule 2, 2 x 2 blocks alike: 3 each.
    for upper, same in zip(rows, equal_rows, strict=False):
        flat = ~(upper ^ (upper >> 1)) & (full >> 1)
        score += 3 * (same & (same >> 1) & flat).bit_count()
    # Rule 3, the finder-like pattern: reportlab looks along rows only, never in the last column.
    score += 40 * "|".join(format(row >> 1, f"0{count - 1}b") for row in rows).count(_FINDER)
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * (abs(100 * dark // (count * count) - 50) // 5)
