"""Tests of 工会会员入会申请登记表 (desktop.documents.pdf.member_form): one page per member with every field of
the paper form, numbers masked unless an allowed role asks, read back as a clerk would read the page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from db import members
from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.errors import NotFound, PermissionDenied
from db.members.listing import MemberFilter
from db.members.rules import LABELS
from db.store import Store
from db.validation import make_credit_code, make_id_number
from desktop.documents.pdf import member_form
from desktop.documents.pdf.forms import form
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_pages,
    pdf_text,
    squash,
)

ID_NUMBER = make_id_number("110101", dt.date(1990, 3, 7), 123)
PHONE = "13812345678"
CREDIT_CODE = make_credit_code("91110101MA01ABCD2")


def _register(store: Store, clerk: Actor, name: str, sequence: int, **extra: object) -> str:
    fields = {"name": name, "id_number": make_id_number("110101", dt.date(1985, 1, 1), sequence),
              "joined_on": dt.date(2020, 5, 1), **extra}
    return members.register(store, clerk, fields).uuid


@pytest.fixture
def member(store: Store, clerk: Actor) -> str:
    uuid = members.register(store, clerk, {
        "name": "欧阳晓燕", "id_number": ID_NUMBER, "phone": PHONE, "ethnicity": "回族", "joined_on": "2021-06-18",
        "political_status": "中共党员", "education": "本科", "employer": "北京顺丰速运有限公司东城分公司",
        "employer_credit_code": CREDIT_CODE, "employer_type": "民营企业", "industry": "快递物流",
        "occupation": "快递员", "employment_form": "快递员", "is_migrant_worker": True, "skill_level": "四级/中级工",
        "card_no": "GH1101010060001", "base_union": "东四街道联合工会", "remarks": "夜班为主，周三休息",
        "consent_on": "2021-06-18",
    }).uuid
    members.add_honour(store, clerk, uuid, "五一劳动奖章", 2023, level="市级", issuer="北京市总工会")
    return uuid


def test_the_form_shows_every_field_with_masked_numbers(store: Store, clerk: Actor, member: str,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    assert member_form.render(store, clerk, out, uuids=[member]) == 1
    text = squash(pdf_text(out))
    assert "工会会员入会申请登记表" in text and "填表单位：东四街道工会" in text
    for attr in ("name", "gender", "ethnicity", "birth_date", "id_number", "phone", "political_status", "education",
                 "employer", "employer_credit_code", "employer_type", "industry", "occupation", "employment_form",
                 "is_migrant_worker", "skill_level", "member_no", "card_no", "joined_on", "base_union", "status",
                 "remarks"):
        assert squash(LABELS[attr]) in text, LABELS[attr]
    for value in ("欧阳晓燕", "女" if int(ID_NUMBER[16]) % 2 == 0 else "男", "回族", "1990-**-**", "中共党员", "本科",
                  "北京顺丰速运有限公司东城分公司", CREDIT_CODE, "民营企业", "快递物流", "四级/中级工",
                  "GH1101010060001", "2021年6月18日", "东四街道联合工会", "在会", "夜班为主，周三休息",
                  "2023年五一劳动奖章（市级），北京市总工会", "一寸照片", "本人自愿加入中华全国总工会",
                  "明示同意", "同意日期：2021年6月18日", "申请人签字", "基层工会意见", "街道工会审批意见",
                  "基层工会（盖章）", "街道工会（盖章）", "2021年6月18日入会"):
        assert value in text, value
    assert f"{ID_NUMBER[:6]}********{ID_NUMBER[-4:]}" in text and ID_NUMBER not in text
    assert "1990年3月7日" not in text  # with the masked number it would give the hidden digits back
    assert "138****5678" in text and PHONE not in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


@pytest.mark.parametrize("role", [ADMIN, APPROVER])
def test_full_numbers_for_a_role_that_may(store: Store, member: str, role: str, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    member_form.render(store, actor(role), out, uuids=[member], full_ids=True)
    text = squash(pdf_text(out))
    assert ID_NUMBER in text and PHONE in text and "1990年3月7日" in text


def test_a_clerk_cannot_print_full_numbers_and_no_file_appears(store: Store, clerk: Actor, member: str,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    with pytest.raises(PermissionDenied):
        member_form.render(store, clerk, out, uuids=[member], full_ids=True)
    assert not list(tmp_path.glob("*.pdf*"))


def test_one_page_per_member_in_the_order_asked(sqlite_store: Store, clerk: Actor, tmp_path: Path) -> None:
    uuids = [_register(sqlite_store, clerk, name, i) for i, name in enumerate(("张伟", "王芳", "李娜"), 1)]
    out = tmp_path / "three.pdf"
    assert form("member-form").render(sqlite_store, clerk, out, uuids=list(reversed(uuids))) == 3
    assert pdf_pages(out) == 3
    for page, name in enumerate(("李娜", "王芳", "张伟"), 1):
        text = squash(pdf_text(out, page))
        assert name in text and f"第{page}页共3页" in text


def test_a_search_selects_the_members(sqlite_store: Store, clerk: Actor, tmp_path: Path) -> None:
    for i, name in enumerate(("张伟", "王芳", "张敏"), 1):
        _register(sqlite_store, clerk, name, i)
    out = tmp_path / "search.pdf"
    assert member_form.render(sqlite_store, clerk, out, member_filter=MemberFilter(text="张")) == 2
    text = pdf_text(out)
    assert "张伟" in text and "张敏" in text and "王芳" not in text


def test_long_remarks_and_many_honours_stay_on_one_page(sqlite_store: Store, clerk: Actor, tmp_path: Path) -> None:
    uuid = _register(sqlite_store, clerk, "赵磊", 9, remarks="长期在东四地区从事快递配送工作。" * 120,
                     employer="北京市东城区" + "某某" * 40 + "有限公司")
    for year in range(2000, 2020):
        members.add_honour(sqlite_store, clerk, uuid, "技术能手", year, level="区级",
                           issuer="东城区人力资源和社会保障局")
    out = tmp_path / "long.pdf"
    assert member_form.render(sqlite_store, clerk, out, uuids=[uuid]) == 1
    text = squash(pdf_text(out))
    assert "（全文见系统）" in text and "2019年技术能手" in text and "街道工会审批意见" in text
    assert_renders(out, tmp_path)


def test_a_missing_member_is_named_and_nothing_written(store: Store, clerk: Actor, member: str,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "missing.pdf"
    with pytest.raises(NotFound, match="no-such-uuid"):
        member_form.render(store, clerk, out, uuids=[member, "no-such-uuid"])
    members.soft_delete(store, clerk, member)
    with pytest.raises(NotFound):
        member_form.render(store, clerk, out, uuids=[member])
    assert not list(tmp_path.glob("*.pdf*"))


def test_names_that_look_like_markup_print_as_typed(sqlite_store: Store, clerk: Actor, tmp_path: Path) -> None:
    uuid = _register(sqlite_store, clerk, "李<b>明", 11, employer="A&B 公司 <有限>")
    out = tmp_path / "markup.pdf"
    member_form.render(sqlite_store, clerk, out, uuids=[uuid])
    text = pdf_text(out)
    assert "李<b>明" in text and re.search(r"A&B\s*公司\s*<有限>", text)


def test_clerk_role_is_the_clerk(clerk: Actor) -> None:
    assert CLERK in clerk.roles and not clerk.can("sensitive.full")
