"""What a masked output shows: the one rule every list, export, printout, report and dialog follows.

A masked ID number (``110102********2357``) hides the eight birth-date digits and keeps the region, the
sequence and the check character. A full birth date beside it would give the hidden digits back (the
date, then the one sequence the check character allows), so wherever an ID number is masked a birth date
shown with it keeps only its year: ``1997-**-**``. The check character then leaves at least 32 dates of
that year open for every row (``tests/unit/test_masking.py`` counts them), and the gender adds nothing:
it is the parity of a sequence digit the mask keeps.

A reduced birth date carries the mask character like the other masked values, so an import of a masked
export recognises it as "the stored value" and leaves it alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any, Final, Literal

from db.errors import ValidationError
from db.fields import MASK_CHAR, Field, mask
from db.validation import ID_SHOWN_HEAD, ID_SHOWN_TAIL, parse_date

__all__ = ["BIRTH_DATES", "Mask", "column_masks", "id_run_searchable", "masked_birth_date", "masked_text"]

Mask = Callable[[Any], Any]

# Columns holding a birth date, which a resident ID number contains: shown as the year where the ID is masked.
BIRTH_DATES: Final = frozenset({"birth_date"})


def masked_birth_date(day: dt.date | None) -> str:
    """A birth date shown beside a masked ID number: the year only (``1997-**-**``); "" for no date."""
    if day is None:
        return ""
    return f"{day.year:04d}-{MASK_CHAR * 2}-{MASK_CHAR * 2}"


def masked_text(kind: str, value: Any) -> str:
    """A sensitive value as a masked output shows it (the number's ends, or *** for health or income)."""
    return mask(kind, str(value))


def column_masks(fields: Iterable[Field]) -> dict[str, Mask]:
    """How the declared ``fields`` of one row are shown in a masked output: ``attr`` → the function that
    turns a stored value (never None) into what is shown, for the columns that are changed.

    Sensitive fields are masked; a birth date is reduced to its year when the row also holds an ID number.
    """
    declared = list(fields)
    masks: dict[str, Mask] = {f.attr: functools.partial(masked_text, f.kind) for f in declared if f.sensitive}
    if any(f.kind == "id_number" for f in declared):
        masks.update((f.attr, _birth_date) for f in declared if f.attr in BIRTH_DATES)
    return masks


def _birth_date(value: Any) -> Any:
    """A birth date (a stored date, or a file's text of one) as its year; other text is not a date to reduce."""
    if isinstance(value, str):
        try:
            value = parse_date(value, "")
        except ValidationError:
            return value
    return masked_birth_date(value) if isinstance(value, dt.date) else value


def id_run_searchable(run: str, full_ids: bool, at: Literal["start", "end", "anywhere"]) -> bool:
    """Whether a list's search may find ID numbers by ``run``, a part of them (at their start, their end or
    anywhere), for an output that shows them in full (``full_ids``) or masked. Every list in the window is
    masked for every role (design §7), so the window always searches as masked; the command line searches
    in full for a role with ``sensitive.full``.

    The one rule of every searched list that masks ID numbers (members, hardship files, entrants …): a
    user who sees them masked finds a person by the whole number (the clerk holds the card) or by a part
    the mask shows anyway — the last 4 or first 6 characters — never by more. A search by the last 6
    characters or the first 7, or by any digits inside, would confirm hidden birth-date digits one query
    at a time. A user allowed full numbers keeps every kind of search."""
    if full_ids:
        return True
    if at == "end":
        return len(run) <= ID_SHOWN_TAIL
    if at == "start":
        return len(run) <= ID_SHOWN_HEAD
    return False
