"""The value lists and labels of the domain, read once from ``resources/reference``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("resources.reference").joinpath(name).read_text("utf-8"))
    return data


def values(list_name: str) -> list[str]:
    """An enumerated list (e.g. ``employment_form``); for a coded list, its Chinese labels."""
    value = _load("values.json")[list_name]
    return list(value.values()) if isinstance(value, dict) else list(value)


@cache
def allowed(list_name: str) -> frozenset[str]:
    """The values of a list as a set, for fast membership tests of many cells."""
    return frozenset(values(list_name))


def labels(list_name: str) -> dict[str, str]:
    """The code → Chinese label map of a coded list (e.g. ``member_status``)."""
    value = _load("values.json")[list_name]
    if not isinstance(value, dict):
        raise KeyError(f"{list_name} is not a coded list")
    return dict(value)


def label(list_name: str, code: str) -> str:
    return labels(list_name).get(code, code)


def example_offices() -> dict[str, Any]:
    """The example district (东城区总工会) and its 17 sub-district offices."""
    return _load("offices.json")
