"""What someone holding a masked list, export or printout could rebuild of a full ID number from one row.

A masked number ``110102********2357`` keeps the region, the sequence (whose last digit is the gender) and
the check character; the eight hidden digits are a birth date. :func:`candidates` lists the full numbers a
row leaves possible: every date the row's birth date allows (the day, the year, or any day since 1900),
before the row's other dates (nobody joins or enters a contest before birth), of the shown gender, with the
right check character. :func:`check_row` is what every masking test asserts of every row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from db.validation import id_check_character, mask_id_number

MASKED_ID = re.compile(r"(?<![0-9*])\d{6}\*{8}\d{3}[0-9X](?![0-9X*])")
YEAR_ONLY = re.compile(r"(?<![0-9])(\d{4})-\*\*-\*\*")
_ISO = re.compile(r"(?<![0-9])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9])")
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class BirthShown:
    """What a row shows of a birth date: the day, only the year, or nothing."""

    day: dt.date | None = None
    year: int | None = None


def birth_shown(value: Any) -> BirthShown:
    """Read a birth-date cell or text as a reader would."""
    if isinstance(value, dt.datetime):
        return BirthShown(day=value.date())
    if isinstance(value, dt.date):
        return BirthShown(day=value)
    text = "" if value is None else str(value)
    if match := YEAR_ONLY.search(text):
        return BirthShown(year=int(match[1]))
    days = dates_in(text)
    if days:
        return BirthShown(day=days[0])
    if re.fullmatch(r"\s*(\d{4})年?\s*", text):
        return BirthShown(year=int(text.strip().rstrip("年")))
    return BirthShown()


def dates_in(text: str) -> list[dt.date]:
    """Every whole date written in ``text`` (2024-03-05, 2024/3/5, 2024年3月5日)."""
    found = []
    for match in [*_ISO.finditer(text), *_CHINESE.finditer(text)]:
        try:
            found.append(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
    return found


def candidates(masked: str, birth: BirthShown, *, today: dt.date, gender: str | None = None,
               born_before: dt.date | None = None, limit: int | None = None) -> list[str]:
    """The full numbers consistent with ``masked`` and what the row shows (at most ``limit`` of them)."""
    region, sequence, check = masked[:6], masked[14:17], masked[17]
    if gender in ("男", "女") and ("男" if int(sequence[2]) % 2 else "女") != gender:
        return []
    last = min(today, born_before - dt.timedelta(days=1)) if born_before else today
    if birth.day is not None:
        first = last = birth.day if birth.day <= last else last + dt.timedelta(days=1)
    elif birth.year is not None:
        first, last = dt.date(birth.year, 1, 1), min(last, dt.date(birth.year, 12, 31))
    else:
        first = EARLIEST
    found: list[str] = []
    day = first
    while day <= last:
        first17 = f"{region}{day:%Y%m%d}{sequence}"
        if id_check_character(first17) == check:
            found.append(first17 + check)
            if limit is not None and len(found) >= limit:
                break
        day += dt.timedelta(days=1)
    return found


def owners_by_mask(full_numbers: Iterable[str]) -> dict[str, set[str]]:
    """The real numbers behind each masked form (several people may share one)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for number in full_numbers:
        owners[mask_id_number(number)].add(number)
    return owners


@dataclass
class Tally:
    """What the rows checked so far showed: how many masked numbers, and the fewest candidates of one."""

    masked: int = 0
    fewest: int | None = None


def check_row(where: str, texts: Sequence[str], *, birth: BirthShown, owners: dict[str, set[str]],
              today: dt.date, gender: str | None = None, dates: Sequence[dt.date] = (),
              tally: Tally | None = None) -> None:
    """Assert that the row (``texts``: every cell or the row's printed text) names no full ID number and
    lets none be rebuilt: no date it shows is the birth date of the person behind a masked number in it,
    and what it shows of the birth date leaves at least two full numbers possible."""
    text = " ".join(texts)
    squashed = re.sub(r"\s+", "", text)
    everyone = {number for numbers in owners.values() for number in numbers}
    shown = {number for number in everyone if number in squashed}
    assert not shown, f"{where}: full ID number {sorted(shown)} in {text!r}"
    every_date = [*dates, *dates_in(text)]
    for masked in MASKED_ID.findall(text):
        real = owners.get(masked, set())
        for day in every_date:
            rebuilt = f"{masked[:6]}{day:%Y%m%d}{masked[14:]}"
            assert rebuilt not in real, f"{where}: {masked} with the date {day} shown beside it gives {rebuilt}"
        later = [day for day in every_date if birth.day is None or day != birth.day]
        possible = candidates(masked, birth, today=today, gender=gender, born_before=min(later, default=None),
                              limit=None if birth.year is not None else 2)
        assert len(possible) >= 2, f"{where}: {masked} is rebuilt as {possible} from {text!r}"
        if birth.year is not None:  # the reading of the row is right: the real number is among them
            assert real & set(possible) or not real, f"{where}: {masked} misread ({birth})"
        if tally is not None:
            tally.masked += 1
            if birth.year is not None or birth.day is not None:
                tally.fewest = len(possible) if tally.fewest is None else min(tally.fewest, len(possible))
