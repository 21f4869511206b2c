"""Record identities.

Rows are identified by UUIDs everywhere (design §3). We use version-7 UUIDs: their leading 48 bits are
the creation time in milliseconds, so new rows land at the end of the uuid index instead of at random
places — bulk inserts stay fast and keyset paging by uuid follows creation order.
"""

from __future__ import annotations

import os
import time
import uuid as _uuid


def new_uuid() -> str:
    """A fresh UUIDv7 as 36-character text."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | rand
    # version 7 in bits 76-79, RFC 4122 variant in bits 62-63
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return str(_uuid.UUID(int=value))


def uuid_batch(count: int) -> list[str]:
    """``count`` distinct, increasing UUIDv7s for one bulk insert (same millisecond, counter in the tail)."""
    ms = time.time_ns() // 1_000_000
    head = (ms & 0xFFFF_FFFF_FFFF) << 80 | (0x7 << 76) | (0x2 << 62)
    # random bits above a 26-bit counter keep two batches of the same millisecond apart
    salt = int.from_bytes(os.urandom(4), "big") << 26
    hexes = []
    for i in range(count):
        h = f"{head | salt | i:032x}"
        hexes.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return hexes
