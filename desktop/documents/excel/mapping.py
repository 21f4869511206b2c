"""Which row of a clerk's sheet is the header, and which column holds which field of a registry.

Headers are compared after :func:`normalise_header`: spaces (also full-width and inner ones, "姓  名"),
line breaks, required-field marks ("*", "（必填）") and full-width letters do not matter, and a unit in
brackets ("金额（元）") may be there or not. An exact label beats a synonym (declared with the field).
A mapping a clerk confirmed is kept per registry and header row (:func:`save_mapping`).

The import wizard and ``uniondesk import-xlsx`` map a file the same way: both offer :func:`targets`, guess
with :func:`guess_mapping` and judge a mapping with :func:`check_mapping` — the wizard only lets the clerk
change the guess.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from db.auth import Actor
from db.fields import Field
from db.offices import get_setting, set_setting
from db.registry import RegistrySpec, registry
from db.store import Store

IGNORED_HEADERS = frozenset({"序号", "编号序号", "no", "no.", "行号"})

_MARKS = re.compile(r"^[*＊]+|[*＊]+$|[(（][^()（）]*(?:必填|选填|必须|可选)[^()（）]*[)）]")
_UNIT = re.compile(r"[(（][^()（）]*[)）]")
_SPACE = re.compile(r"\s+")
_NOTES_PREFIXES = ("（", "(", "说明")
_SETTING_PREFIX = "excel_mapping"


def normalise_header(value: Any) -> str:
    """A header cell as compared: no spaces, half-width, no required marks; "" for an empty cell."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _SPACE.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _MARKS.sub("", text)
    return text.rstrip(":：").lower()


def _without_unit(text: str) -> str:
    return _UNIT.sub("", text)


def targets(registry: RegistrySpec) -> tuple[Field, ...]:
    """The fields a column may fill: every field an import reads, 系统编号 included — it brings the rows of
    an export (masked numbers and all) back onto their records."""
    return tuple(f for f in registry.fields if not f.readonly)


def _candidates(fields: Sequence[Field]) -> list[tuple[int, str, str]]:
    """(rank, normalised header, attr): rank 0 the label, 1 the label without its unit, 2 a synonym."""
    found: list[tuple[int, str, str]] = []
    for item in fields:
        label = normalise_header(item.label)
        found.append((0, label, item.attr))
        found.append((1, _without_unit(label), item.attr))
        found.extend((2, normalise_header(s), item.attr) for s in item.synonyms)
    return found


def _match(fields: Sequence[Field], header: str) -> tuple[int, str] | None:
    """The best (rank, attr) for a normalised header, or None."""
    if not header or header in IGNORED_HEADERS:
        return None
    bare = _without_unit(header)
    best: tuple[int, str] | None = None
    for rank, text, attr in _candidates(fields):
        hit = header == text or (rank > 0 and bare == _without_unit(text))
        if hit and (best is None or rank < best[0]):
            best = (rank, attr)
    return best


def guess_mapping(registry: RegistrySpec, headers: Sequence[Any]) -> dict[int, str]:
    """Column index → field attr for the columns recognised; each attr once, a better match first."""
    return guess_field_mapping(targets(registry), headers)


def guess_field_mapping(fields: Sequence[Field], headers: Sequence[Any]) -> dict[int, str]:
    """:func:`guess_mapping` over ``fields`` (a further sheet's declared columns)."""
    hits: list[tuple[int, int, str]] = []
    for index, value in enumerate(headers):
        found = _match(fields, normalise_header(value))
        if found is not None:
            hits.append((found[0], index, found[1]))
    mapping: dict[int, str] = {}
    for _rank, index, attr in sorted(hits):
        if attr not in mapping.values():
            mapping[index] = attr
    return dict(sorted(mapping.items()))


def field_named(registry: RegistrySpec, text: str) -> Field | None:
    """The field that ``text`` names as a header would (its label or a synonym), or None."""
    found = _match(targets(registry), normalise_header(text))
    return None if found is None else registry.field(found[1])


def find_header_row(rows: Sequence[Sequence[Any]], registry: RegistrySpec | Sequence[Field],
                    max_scan: int = 20) -> int:
    """The 0-based index, among the first ``max_scan`` rows, of the row naming the most fields (0 if none);
    ``registry``: a registry, or the declared columns of a further sheet."""
    fields = targets(registry) if isinstance(registry, RegistrySpec) else registry
    best_index, best_score = 0, 0
    for index, row in enumerate(rows[:max_scan]):
        score = len(guess_field_mapping(fields, row))
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def is_notes_row(row: Sequence[Any]) -> bool:
    """True for a row of filling notes under the header: every non-empty cell starts "（", "(" or "说明"."""
    texts = [str(cell).strip() for cell in row if cell is not None and str(cell).strip()]
    return bool(texts) and all(text.startswith(_NOTES_PREFIXES) for text in texts)


@dataclass(frozen=True)
class MappingProblems:
    """Why a mapping cannot be planned; each a tuple of field labels, empty when all is well."""

    missing: tuple[str, ...] = ()  # required fields with neither a column nor a value for every row
    twice: tuple[str, ...] = ()  # fields chosen for more than one column
    both: tuple[str, ...] = ()  # fields with a column and also a value for every row

    def __bool__(self) -> bool:
        return bool(self.missing or self.twice or self.both)

    def messages(self) -> list[str]:
        """The problems in Chinese, one line each (the command line's; the wizard words its own)."""
        texts = []
        if self.missing:
            texts.append(f"以下必填项没有对应的列：{'、'.join(self.missing)}")
        if self.twice:
            texts.append(f"同一个字段对应了多列：{'、'.join(self.twice)}")
        if self.both:
            texts.append(f"以下字段文件中已有对应的列，不能再统一填写：{'、'.join(self.both)}")
        return texts


def check_mapping(registry: RegistrySpec, mapping: dict[int, str], given: Collection[str] = ()) -> MappingProblems:
    """What is wrong with ``mapping`` (column index → attr) and the attrs ``given`` one value for every row.

    A value given for a field that also has a column is refused rather than letting one of them win
    silently: the clerk meant one of the two, and only she knows which.
    """
    chosen = list(mapping.values())
    fields = targets(registry)
    return MappingProblems(
        missing=tuple(f.label for f in fields if f.required and f.attr not in chosen and f.attr not in given),
        twice=tuple(f.label for f in fields if chosen.count(f.attr) > 1),
        both=tuple(f.label for f in fields if f.attr in chosen and f.attr in given))


def unmapped_required(registry: RegistrySpec, mapping: dict[int, str], given: Collection[str] = ()) -> list[str]:
    """The labels of required, writable fields that no column is mapped to (and no value given for)."""
    return list(check_mapping(registry, mapping, given).missing)


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    if index < 0:
        raise ValueError(index)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def mapping_signature(headers: Sequence[Any]) -> str:
    """A stable hash of the normalised header texts (32 hex digits), so that a setting key stays short."""
    texts = [normalise_header(h) for h in headers]
    while texts and not texts[-1]:
        texts.pop()
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:32]


def _key(registry_name: str, headers: Sequence[Any]) -> str:
    return f"{_SETTING_PREFIX}/{registry_name}/{mapping_signature(headers)}"


def save_mapping(store: Store, actor: Actor, registry_name: str, headers: Sequence[Any],
                 mapping: dict[int, str]) -> None:
    """Keep a confirmed mapping for the next file with the same header row."""
    value = json.dumps({str(index): attr for index, attr in sorted(mapping.items())}, ensure_ascii=False)
    with store.transaction(actor, action="save_mapping") as session:
        set_setting(session, _key(registry_name, headers), value)


def load_mapping(store: Store, registry_name: str, headers: Sequence[Any],
                 fields: Sequence[Field] | None = None) -> dict[int, str] | None:
    """The mapping saved for this header row, without columns or fields that no longer exist; None if none.
    ``registry_name`` names a registry, or another import target whose ``fields`` are given."""
    with store.transaction() as session:
        raw = get_setting(session, _key(registry_name, headers))
    if raw is None:
        return None
    try:
        stored = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(stored, dict):
        return None
    attrs = {f.attr for f in (targets(registry(registry_name)) if fields is None else fields)}
    mapping: dict[int, str] = {}
    for key, attr in stored.items():
        if isinstance(key, str) and key.isdigit() and int(key) < len(headers) and attr in attrs \
                and attr not in mapping.values():
            mapping[int(key)] = attr
    return mapping
