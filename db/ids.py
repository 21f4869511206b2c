"""Record identities.

Rows are identified by UUIDs everywhere (design §3). We use version-7 UUIDs: their leading 48 bits are
the creation time in milliseconds, so new rows land at the end of the uuid index instead of at random
places — bulk inserts stay fast and keyset paging by uuid follows creation order.
"""

from __future__ import annotations

import os
import time

_RAND_BITS = 74  # 12 bits of rand_a and 62 of rand_b
_last = (0, 0)


def _reserve(count: int) -> tuple[int, int]:
    """Reserve ``count`` consecutive (ms, rand) values above every value handed out so far."""
    global _last  # noqa: PLW0603 - one process-wide clock
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big") >> (80 - _RAND_BITS + 1)  # headroom for the counter
    rand = min(rand, 2**_RAND_BITS - 1 - count)
    if (ms, rand) <= _last:
        ms, rand = _last[0], _last[1] + 1
    _last = (ms, rand + count - 1)
    return ms, rand


def _value(ms: int, rand: int) -> int:
    # 48-bit time, version 7, 12 bits rand_a, RFC 4122 variant, 62 bits rand_b
    return (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0x2 << 62 | rand & (2**62 - 1)


def _text(value: int) -> str:
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_uuid() -> str:
    """A fresh UUIDv7 as 36-character text, increasing within this process even in one millisecond."""
    return _text(_value(*_reserve(1)))


def uuid_batch(count: int) -> list[str]:
    """``count`` distinct UUIDv7s for one bulk insert, increasing and above every earlier one."""
    ms, rand = _reserve(count)
    if (rand & (2**62 - 1)) + count < 2**62:  # the counter stays inside rand_b: plain additions
        base = _value(ms, rand)
        return [_text(base + i) for i in range(count)]
    return [_text(_value(ms, rand + i)) for i in range(count)]
