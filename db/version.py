"""The program's version: of the installed distribution, else of the pyproject.toml beside the source tree
(a checkout run without installing), else unknown. Shown in 关于 and written into every batch's manifest."""

from __future__ import annotations

import importlib.metadata
import tomllib
from functools import cache
from pathlib import Path

DISTRIBUTION = "uniondesk"
UNKNOWN = "0"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def app_version() -> str:
    """``0.1.0``; ``0`` when neither the distribution's metadata nor pyproject.toml can be read."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with _PYPROJECT.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN
