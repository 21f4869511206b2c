"""Every masked output of every registry, scanned row by row: no full ID number in it, and none can be rebuilt
from a row's columns (a masked number, the birth date shown beside it, the gender, the row's other dates).

A demo office (300 members, contest entrants, hardship files) is filled once. The masked Excel export of
every registry is read back with openpyxl; every printed form that lists members is rendered masked and read
back with poppler (a roster line, a form's page, one card); the Excel import's report is made from a file
with duplicate and changed ID numbers. :mod:`tests.rebuild` tries the rebuilding.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from db import offices
from db.auth import CLERK, Actor
from db.demo import fill_demo
from db.members.listing import MemberFilter
from db.models import AidHouseholdMember, ContestEntry, Member
from db.registry import registries
from db.store import Store
from db.validation import make_id_number, mask_id_number
from desktop.documents.excel import importer
from desktop.documents.excel.export import export_registry
from desktop.documents.pdf import member_cards
from desktop.documents.pdf.forms import FORMS
from tests.rebuild import MASKED_ID, BirthShown, Tally, birth_shown, candidates, check_row, owners_by_mask

OFFICE = "110101006"
TODAY = dt.date(2025, 11, 20)
FORMS_OF_MEMBERS = [name for name, form in FORMS.items() if form.needs in ("members", "list")]
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) not installed")

CLERK_ACTOR = Actor("clerk", "录入员", frozenset({CLERK}), OFFICE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    offices.initialize(store, OFFICE, "东四街道工会")
    fill_demo(store, members=300, seed=11, today=TODAY)
    yield store
    store.close()


@pytest.fixture(scope="module")
def owners(demo: Store) -> dict[str, set[str]]:
    """Every full ID number the office holds (members, entrants, household members), by its masked form."""
    with demo.transaction() as session:
        numbers = {n for model in (Member, ContestEntry, AidHouseholdMember)
                   for n in session.scalars(select(model.id_number)) if n and len(n) == 18}
    assert len(numbers) > 300
    return owners_by_mask(numbers)


# --- Excel ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(registries()))
def test_no_row_of_a_masked_export_gives_a_full_id_number(demo: Store, owners: dict[str, set[str]], name: str,
                                                           tmp_path: Path) -> None:
    path = tmp_path / f"{name}.xlsx"
    written = export_registry(demo, CLERK_ACTOR, name, path)
    tally = Tally()
    for ws in load_workbook(path).worksheets:
        rows = ws.iter_rows(values_only=True)
        header = [str(label) for label in next(rows)]
        for number, values in enumerate(rows, 2):
            cells = dict(zip(header, values, strict=True))
            check_row(f"{name} {ws.title}!{number}", [str(v) for v in values if v is not None],
                      birth=birth_shown(cells.get("出生日期")), gender=cells.get("性别"), owners=owners,
                      today=TODAY, dates=[v.date() for v in values if isinstance(v, dt.datetime)], tally=tally)
    assert written > 0
    if name in ("members", "entries", "aid-cases"):  # the registries that hold ID numbers
        assert tally.masked >= written * 0.9
    if name == "members":
        assert tally.fewest is not None and tally.fewest >= 20  # with the year shown, still tens of dates


def test_the_birth_year_is_what_a_masked_members_export_shows(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    export_registry(demo, CLERK_ACTOR, "members", path)
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    births = [row[header.index("出生日期")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert births and all(isinstance(b, str) and re.fullmatch(r"\d{4}-\*\*-\*\*", b) for b in births)


# --- PDF -----------------------------------------------------------------------------------------------


def _pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _roster_rows(path: Path) -> Iterator[tuple[str, list[str], BirthShown, str | None]]:
    """A roster's table rows, one printed line each: the birth date is the cell before the ID number."""
    for number, line in enumerate(_pdf_text(path, "-layout").splitlines(), 1):
        if match := re.search(r"(男|女)\s+(\S+)\s+" + MASKED_ID.pattern, line):
            yield f"line {number}", [line], birth_shown(match[2]), match[1]
        else:
            assert not MASKED_ID.search(line), line


def _page_rows(path: Path) -> Iterator[tuple[str, list[str], BirthShown, str | None]]:
    """A form of one member per page: its labelled birth date and gender."""
    for number, page in enumerate(_pdf_text(path, "-layout").split("\f"), 1):
        squashed = re.sub(r"\s+", "", page)
        birth = re.search(r"出生日期(\d{4}-\*\*-\*\*|\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d\d-\d\d)", squashed)
        gender = re.search(r"性别(男|女)", squashed)
        yield (f"page {number}", [page], birth_shown(birth[1]) if birth else BirthShown(),
               gender[1] if gender else None)


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _card_rows(path: Path) -> Iterator[tuple[str, list[str], BirthShown, str | None]]:
    """Member cards, ten to a sheet: the words inside each card's outline (pdftotext -bbox)."""
    html = _pdf_text(path, "-bbox")
    for number, page in enumerate(html.split("<page ")[1:], 1):
        height = float(re.search(r'height="([\d.]+)"', page)[1])  # type: ignore[index]
        cards: dict[int, list[str]] = {}
        for x0, y0, x1, y1, word in _WORD.findall(page):
            x, y = (float(x0) + float(x1)) / 2, height - (float(y0) + float(y1)) / 2
            for index, (left, bottom) in enumerate(member_cards._cells()):
                if left <= x <= left + member_cards.CARD_W and bottom <= y <= bottom + member_cards.CARD_H:
                    cards.setdefault(index, []).append(word)
                    break
        for index, words in sorted(cards.items()):
            text = " ".join(words)
            gender = re.search(r"性别\s*(男|女)", text)
            yield f"page {number} card {index + 1}", [text], BirthShown(), gender[1] if gender else None


_ROWS = {"roster": _roster_rows, "member-cards": _card_rows}


@needs_poppler
@pytest.mark.parametrize("name", FORMS_OF_MEMBERS)
def test_no_row_of_a_masked_printout_gives_a_full_id_number(demo: Store, owners: dict[str, set[str]], name: str,
                                                            tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    form = FORMS[name]
    if form.needs == "members":  # one page or card per chosen member: the first 60 of the list
        with demo.transaction() as session:
            uuids = list(session.scalars(select(Member.uuid).where(Member.deleted.is_(False))
                                         .order_by(Member.member_no).limit(60)))
        form.render(demo, CLERK_ACTOR, path, uuids=uuids)
    else:
        form.render(demo, CLERK_ACTOR, path, member_filter=MemberFilter())
    tally = Tally()
    for where, texts, birth, gender in _ROWS.get(name, _page_rows)(path):
        check_row(f"{name} {where}", texts, birth=birth, gender=gender, owners=owners, today=TODAY, tally=tally)
    assert tally.masked >= 60
    everything = re.sub(r"\s+", "", _pdf_text(path))
    assert not [n for numbers in owners.values() for n in numbers if n in everything]


# --- the Excel import's report -------------------------------------------------------------------------


def test_the_import_report_masks_the_numbers_it_names(demo: Store, owners: dict[str, set[str]],
                                                      tmp_path: Path) -> None:
    with demo.transaction() as session:
        member = session.scalars(select(Member).where(Member.deleted.is_(False), Member.status == "active",
                                                      Member.id_type == "居民身份证").limit(1)).one()
        uuid, name, old_number = member.uuid, member.name, member.id_number
    new_number = make_id_number("110101", dt.date(1991, 6, 15), 217)
    twice = make_id_number("110105", dt.date(1988, 2, 29), 33)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "入会日期", "系统编号"])
    sheet.append(["甲", twice, "2020-01-05", None])
    sheet.append(["乙", twice, "2020-01-06", None])  # the same number again
    sheet.append([name, new_number, "2020-01-07", uuid])  # a new number: a changed birth date
    sheet.append(["丙", old_number, "2020-01-08", None])  # another member's number
    path = tmp_path / "roster.xlsx"
    book.save(path)
    plan = importer.plan(demo, CLERK_ACTOR, importer.read_source(demo, "members", path))
    lines = importer.report_lines(plan, all_rows=True)
    errors = tmp_path / "errors.csv"
    importer.write_error_list(plan, errors)
    known = owners_by_mask([*(n for numbers in owners.values() for n in numbers), new_number, twice])
    report = "\n".join(lines)
    assert mask_id_number(twice) in report and "重复" in report  # the duplicate is named, masked
    assert mask_id_number(new_number) in report and "1991-**-**" in report  # the change, masked
    for number, line in enumerate([*lines, *errors.read_text("utf-8-sig").splitlines()], 1):
        check_row(f"report line {number}", [line], birth=BirthShown(), owners=known, today=TODAY)


# --- the one rule ---------------------------------------------------------------------------------------


def test_the_check_character_leaves_many_dates_of_every_year() -> None:
    """With the region, sequence, check character and year of a masked row known, the check character keeps
    about one date in eleven: at least 32 in every year since 1900. The region and sequence only shift the
    weighted sum of the digits, so counting the dates of a year by their share of it (mod 11) covers every
    number; two years are counted the slow way too, to check the counting."""
    weights = (2, 1, 6, 3, 7, 9, 10, 5)  # GB 11643's weights of the eight birth-date digits
    fewest = {}
    for year in range(1900, TODAY.year + 1):
        shares = [0] * 11
        day = dt.date(year, 1, 1)
        while day.year == year:
            shares[sum(w * int(c) for w, c in zip(weights, f"{day:%Y%m%d}", strict=True)) % 11] += 1
            day += dt.timedelta(days=1)
        fewest[year] = min(shares)
    assert min(fewest.values()) >= 32
    for year in (1949, 2000):
        counts = [len(candidates(f"110101********017{check}", BirthShown(year=year), today=TODAY))
                  for check in "0123456789X"]
        assert min(counts) == fewest[year] and sum(counts) == (366 if year % 4 == 0 else 365)


def test_a_masked_export_comes_back_unchanged_and_a_changed_year_is_refused(demo: Store, tmp_path: Path) -> None:
    """The year cell stands for the stored birth date, as a masked number stands for the stored number."""
    path = tmp_path / "members.xlsx"
    written = export_registry(demo, CLERK_ACTOR, "members", path)
    plan = importer.plan(demo, CLERK_ACTOR, importer.read_source(demo, "members", path))
    assert plan.counts["unchanged"] == written
    book = load_workbook(path)
    ws = book.worksheets[0]
    column = [c.value for c in ws[1]].index("出生日期") + 1
    ws.cell(row=2, column=column).value = "1901-**-**"
    book.save(path)
    plan = importer.plan(demo, CLERK_ACTOR, importer.read_source(demo, "members", path))
    [refused] = [row for row in plan.rows if row.verdict == "error"]
    assert refused.row_no == 2 and refused.messages == (
        f"{ws.cell(row=1, column=column).column_letter}2 出生日期：已打码，且与系统中的值不符",)
