"""Tests of 会员花名册 (desktop.documents.pdf.roster): a filtered member list on landscape pages, the header on
every page, the right number of pages, a totals line, and numbers masked unless an allowed role asks."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import offices
from db.auth import ADMIN, CLERK
from db.demo import fill_demo
from db.errors import PermissionDenied
from db.members import listing as member_list
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import roster
from desktop.documents.pdf.forms import form
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_info,
    pdf_pages,
    pdf_text,
    squash,
)

MEMBERS = 500
HEADER = re.compile(r"\s+".join(("序号", "会员编号", "姓名", "性别", "出生日期", "身份证号", "手机号码", "工作单位",
                                 "就业形态", "入会日期", "所属基层工会", "状态")))
FULL_ID = re.compile(r"\b\d{17}[\dX]\b")
MASKED_ID = re.compile(r"\b\d{6}\*{8}\d{3}[\dX]\b")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(tmp_path_factory.mktemp("roster") / "office.sqlite", create=True)
    offices.initialize(store, "110101006", "东四街道工会")
    fill_demo(store, members=MEMBERS, seed=3)
    yield store
    store.close()


@pytest.fixture(scope="module")
def printed(demo: Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("printed") / "roster.pdf"
    return out, form("roster").render(demo, actor(CLERK), out)


def _count(store: Store, flt: MemberFilter) -> int:
    with store.transaction() as session:
        return member_list.count(session, flt)


def test_page_count_follows_from_rows_per_page(demo: Store, printed: tuple[Path, int]) -> None:
    out, pages = printed
    listed = _count(demo, MemberFilter())
    assert listed >= MEMBERS - 10  # a few demo members are deleted
    assert 20 <= roster.ROWS_PER_PAGE <= 40
    assert pages == math.ceil(listed / roster.ROWS_PER_PAGE) == roster.page_count(listed) == pdf_pages(out)


def test_every_page_has_the_header_and_its_number(printed: tuple[Path, int]) -> None:
    out, pages = printed
    for page in range(1, pages + 1):
        text = pdf_text(out, page, layout=True)
        assert HEADER.search(text), f"page {page} has no header"
        assert f"第{page}页共{pages}页" in squash(text)
        assert "东四街道工会" in text and "会员花名册" in text and "范围：全部会员" in text
    rows_on_first = len(re.findall(r"^\s*\d+\s+\d{9,}\s", pdf_text(out, 1, layout=True), re.MULTILINE))
    assert rows_on_first == roster.ROWS_PER_PAGE


def test_rows_are_numbered_masked_and_totalled(demo: Store, printed: tuple[Path, int], tmp_path: Path) -> None:
    out, pages = printed
    text = pdf_text(out, layout=True)
    listed = _count(demo, MemberFilter())
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s+\d{9,}\s", text, re.MULTILINE)]
    assert numbers == list(range(1, listed + 1))
    assert not FULL_ID.search(text) and len(MASKED_ID.findall(text)) == listed
    # the birth date beside a masked number shows its year only: the date would give the hidden digits back
    assert len(re.findall(r"\b\d{4}-\*\*-\*\*\s+\d{6}\*{8}", text)) == listed
    assert not re.search(r"\b1\d{10}\b", text) and re.search(r"\b1\d\d\*{4}\d{4}\b", text)
    active = _count(demo, MemberFilter(status="active"))
    new_forms = _count(demo, MemberFilter(employment_form=member_list.NEW_FORMS))
    last = squash(pdf_text(out, pages))
    assert f"共{listed}人；其中新就业形态{new_forms}人" in last and f"在会{active}人" in last
    assert pdf_info(out)["Title"] == "会员花名册"
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_a_filter_prints_only_its_members_and_says_so(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "left.pdf"
    flt = MemberFilter(status="left")
    expected = _count(demo, flt)
    assert expected > 0
    pages = roster.render(demo, actor(CLERK), out, member_filter=flt)
    assert pages == roster.page_count(expected)
    text = pdf_text(out, layout=True)
    assert "范围：状态：退会" in text
    statuses = re.findall(r"^\s*\d+\s+\d{9,}\s.*(在会|转出|退会|去世)\s*$", text, re.MULTILINE)
    assert statuses == ["退会"] * expected


def test_an_empty_list_prints_one_page_with_the_header(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert roster.render(demo, actor(CLERK), out, member_filter=MemberFilter(text="查无此人的名字")) == 1
    text = pdf_text(out, layout=True)
    assert HEADER.search(text) and "共 0 人" in text


def test_full_numbers_only_for_a_role_that_may(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    with pytest.raises(PermissionDenied):
        roster.render(demo, actor(CLERK), out, full_ids=True, member_filter=MemberFilter(status="left"))
    assert not out.exists()
    roster.render(demo, actor(ADMIN), out, full_ids=True, member_filter=MemberFilter(status="left"))
    text = pdf_text(out, layout=True)
    assert FULL_ID.search(text) and not MASKED_ID.search(text)
    assert re.search(r"\b\d{4}-\d\d-\d\d\s+\d{17}[\dX]\b", text) and "-**-**" not in text


def test_progress_is_reported(demo: Store, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    roster.render(demo, actor(CLERK), tmp_path / "p.pdf", progress=lambda *a: seen.append(a))
    assert seen and seen[-1][1] <= seen[-1][2] and all(stage == roster.STAGE for stage, _, _ in seen)
