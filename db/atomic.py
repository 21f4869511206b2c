"""Files that appear whole or not at all: written to a temporary file beside the target, flushed to disk,
then renamed onto it. A crash, a full disk or a cancel leaves no half file, and a file already at the
target stays as it was. ``mkstemp`` creates the temporary file 0600, so a private key is never readable
by others, not even for a moment."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb") -> Iterator[io.BufferedIOBase]:
    """A binary file to write ``path``'s content to (``"w+b"`` to read it back before the end); renamed
    onto ``path`` when the block succeeds, removed when it fails."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, mode) as stream:
            assert isinstance(stream, io.BufferedIOBase)  # binary modes only
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
