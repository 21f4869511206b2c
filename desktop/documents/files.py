"""Writing documents safely: to a temporary file beside the target, renamed onto it only when complete.

A failed or cancelled export or printout never leaves a half file under the final name, and never damages
a file of that name that was there before; an OSError becomes one Chinese message naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from db.errors import UnionDeskError


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to; renamed onto ``path`` when the block succeeds.

    On any error the temporary file is removed and an existing file at ``path`` is left as it was; an
    OSError (missing folder, no permission, full disk, file open in Excel) becomes a UnionDeskError.
    """
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=f"{path.suffix}.part")
        os.close(handle)
    except OSError as exc:
        raise write_error(path, exc) from exc
    part = Path(name)
    try:
        yield part
        os.replace(part, path)
    except OSError as exc:
        _remove(part)
        raise write_error(path, exc) from exc
    except BaseException:
        _remove(part)
        raise


@contextlib.contextmanager
def output(out: Path | BinaryIO) -> Iterator[str | BinaryIO]:
    """Where a document writer writes: a temporary file name for a path (see :func:`atomic_path`), or the
    caller's binary file as it is (the GUI previews from memory)."""
    if isinstance(out, Path):
        with atomic_path(out) as part:
            yield str(part)
    else:
        yield out


def _remove(part: Path) -> None:
    with contextlib.suppress(OSError):
        part.unlink()


def write_error(path: Path, exc: OSError) -> UnionDeskError:
    """The Chinese message for an OSError while writing ``path``."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        reason = "磁盘空间不足"
    elif isinstance(exc, FileNotFoundError) and not path.parent.is_dir():
        reason = f"文件夹“{path.parent}”不存在"
    elif isinstance(exc, PermissionError):
        reason = "没有写入权限，或文件正被其他程序（如 Excel、WPS）打开，请关闭后重试"
    elif code == errno.EROFS:
        reason = "磁盘为只读"
    elif isinstance(exc, IsADirectoryError):
        reason = "同名的文件夹已存在"
    else:
        reason = exc.strerror or str(exc)
    return UnionDeskError(f"无法写入文件“{path}”：{reason}")
