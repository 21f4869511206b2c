"""The hardship-aid paper (desktop/documents/pdf/aid_form.py, aid_approval.py, aid_publicity.py): the 困难职工
档案表 with every field, the household flowing onto the next page with its header, the documents checklist
in its three parts and the workflow; the 帮扶审批表 whose signature blocks carry the recorded steps or stay
blank to sign; the 公示名单, masked whoever prints it. Masking per role, the audit entry, and the command
line. Read back with poppler."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from db.aid import cases, settings, workflow
from db.aid.fields import AID_CASES
from db.aid.paper import SIGNATURE_STEPS, aid_files
from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AuditEntry
from db.store import Store
from db.validation import mask_id_number
from desktop.documents.pdf import aid_publicity, forms
from tests.conftest import DB_FILE_NAME, OFFICE_CODE
from tests.e2e.test_cli import assert_one_line_error, run
from tests.unit.db.aid.conftest import FILE, START, Today, add_member, person, signed_papers
from tests.unit.documents.pdf.test_certificate import needs_poppler
from tests.unit.documents.pdf.test_engine import assert_fonts_embedded, assert_renders, pdf_pages, pdf_text, squash

pytestmark = needs_poppler

SHOTS = Path("/tmp/aid-shots")
BANK = "6222020200112233445"
WORKPLACES = ("北京市东城区东四街道社区卫生服务中心", "北京市第一六六中学", "东城区环境卫生服务中心东四清洁队")


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Today:
    holder = Today(START)
    monkeypatch.setattr(cases, "_today", lambda: holder.day)
    return holder


@pytest.fixture
def clerk2() -> Actor:
    """A second clerk: checks at home the files the first one filed."""
    return Actor("clerk2", "录入员乙", frozenset({CLERK}), OFFICE_CODE)


def kin(n: int, i: int) -> str:
    """The ID number of household member ``i`` of file ``n``."""
    return person(200 + 20 * n + i, 1950 + 4 * i)


def household(n: int, size: int) -> list[dict[str, object]]:
    relations = ("配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他")
    return [{"name": f"家人{i + 1}", "relation": relations[i % len(relations)], "id_number": kin(n, i),
             "health": "慢性病" if i % 2 else "健康", "monthly_income_fen": f"{800 + 100 * i}",
             "employer_or_school": WORKPLACES[i % 3]} for i in range(size)]


def file_case(store: Store, clerk: Actor, n: int, members: int = 0) -> str:
    """A file with every field filled, ``members`` household members and a few documents."""
    member = add_member(store, clerk, n)
    case = cases.create_case(store, clerk, {
        "member_uuid": member, **FILE, "health": "重特大疾病", "disability": "肢体残疾", "work_status": "在岗",
        "housing": "租赁住房", "hukou": "本市城镇", "address": "北京市东城区东四北大街108号院3号楼2单元501室",
        "marital_status": "已婚", "single_parent": False, "monthly_income_fen": "1234.56",
        "medical_insurance": "城镇职工医保", "zero_employment": False, "bank_name": "中国工商银行东四支行",
        "bank_account": BANK, "remarks": "配偶无业，子女在读。"}, household(n, members), opinion="本人申请帮扶")
    signed_papers(store, clerk, case.uuid)
    cases.receive_document(store, clerk, case.uuid, "收入证明", START)
    cases.receive_document(store, clerk, case.uuid, "银行转账凭证", START)
    return case.uuid


def to_publicity(store: Store, uuid: str, clerk: Actor, clerk2: Actor, today: Today) -> None:
    today.move(2)
    workflow.take_step(store, clerk2, uuid, "verified", "入户核查属实")
    workflow.take_step(store, clerk, uuid, "reviewed", "材料齐全，同意公示")
    today.move(1)
    workflow.take_step(store, clerk, uuid, "publicized", "张贴公示")


def approve(store: Store, uuid: str, approver: Actor, today: Today) -> None:
    today.move(7)
    workflow.take_step(store, approver, uuid, "filed", "同意纳入档案，按相对困难帮扶")


def shot(path: Path, name: str, tmp_path: Path, page: int = 1) -> None:
    """Keep a page's picture in /tmp/aid-shots for a person to look at."""
    assert_renders(path, tmp_path)
    SHOTS.mkdir(exist_ok=True)
    prefix = tmp_path / f"{name}-shot"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(prefix)], check=True)
    shutil.copy(prefix.with_suffix(".png"), SHOTS / f"{name}.png")


def test_the_registry_declares_the_three_forms() -> None:
    assert AID_CASES.forms == ("aid-form", "aid-approval", "aid-publicity")
    assert all(name in forms.FORMS for name in AID_CASES.forms)
    assert forms.FORMS["aid-publicity"].masked_only and not forms.FORMS["aid-form"].masked_only


# --- 困难职工档案表 ------------------------------------------------------------------------------------------

def test_the_file_form_prints_every_field_the_household_over_pages_documents_and_steps(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, admin: Actor, today: Today,
        tmp_path: Path) -> None:
    settings.set_dibao_line(store, admin, 2025, 150_000)
    uuid = file_case(store, clerk, 1, members=12)
    to_publicity(store, uuid, clerk, clerk2, today)
    approve(store, uuid, approver, today)
    out = tmp_path / "aid-form.pdf"
    pages = forms.form("aid-form").render(store, approver, out, uuids=[uuid], full_ids=True)
    assert pages == pdf_pages(out) == 2
    text = squash(pdf_text(out))
    file = aid_files(store, [uuid])[0]
    # every field of the file
    for value in ("职工1", person(1), "相对困难", "患重特大疾病", "子女上学", "重特大疾病", "肢体残疾", "在岗",
                  "租赁住房", "本市城镇", "北京市东城区东四北大街108号院3号楼2单元501室", "已婚", "城镇职工医保",
                  "中国工商银行东四支行", BANK, "1,234.56", "36,000.00", "1,000.00", "配偶无业，子女在读。",
                  file.case["case_no"], "在档"):
        assert squash(value) in text, value
    assert "月低保标准1,500.00（2025年）" in text and "收入测算类别深度困难" in text  # 1,000 < 1,500
    assert "下次复核日期2026年3月13日" in text
    for attr in ("category", "main_cause", "health", "household_size", "medical_insurance", "zero_employment"):
        assert squash(AID_CASES.field(attr).label.removesuffix("（元）")) in text, attr
    # the household: twelve lines, the header again on the next page, full numbers and ages
    first, second = squash(pdf_text(out, 1)), squash(pdf_text(out, 2))
    header = "序号姓名关系性别身份证号出生日期年龄健康状况月收入单位或学校"
    assert header in first and header in second  # flowed, with its header
    assert "家人1" in first and "家人12" in second
    for n in range(12):
        assert kin(1, n) in text
    assert "登记家庭成员12人（不含本人）" in text and "家庭成员月收入合计16,200.00元" in text
    # the documents in three parts, with their days
    assert "原始档案（已收到3份，共列10份）" in text and "财务档案（已收到1份，共列2份）" in text
    assert "日常工作档案（已收到0份，共列2份）" in text
    assert "申请书2025-03-03" in text and "未收到" in text
    # the workflow: who, when, opinion
    layout = pdf_text(out, layout=True)
    for step, who, day, note in (("申请", "clerk", "2025-03-03", "本人申请帮扶"), ("入户核查", "clerk2", "2025-03-05",
                                                                        "入户核查属实"),
                                 ("公示", "clerk", "2025-03-06", "张贴公示"),
                                 ("审批", "approver", "2025-03-13", "同意纳入档案，按相对困难帮扶")):
        assert re.search(rf"{step}\s+{who}\s+{day}\s+{note}", layout), step
    assert "公示期间无异议" in text and "已隐去敏感信息" not in text
    assert f"档案编号{file.case['case_no']}·职工1第2页共2页" in second  # which file a loose page is of
    assert_fonts_embedded(out)
    shot(out, "aid-form-1", tmp_path, 1)
    shot(out, "aid-form-2", tmp_path, 2)


def test_a_clerk_prints_the_file_masked_and_may_not_ask_for_full_values(
        store: Store, clerk: Actor, today: Today, tmp_path: Path) -> None:
    uuid = file_case(store, clerk, 1, members=2)
    out = tmp_path / "masked.pdf"
    forms.form("aid-form").render(store, clerk, out, uuids=[uuid])
    text = squash(pdf_text(out))
    assert mask_id_number(person(1)) in text and person(1) not in text
    assert kin(1, 0) not in text and mask_id_number(kin(1, 0)) in text
    assert BANK not in text and "***************3445" in text
    for hidden in ("健康状况重特大疾病", "肢体残疾", "1,234.56", "36,000.00", "1,000.00", "慢性病", "900.00"):
        assert hidden not in text, hidden
    assert "健康状况***" in text and "家庭月人均收入***" in text and "月收入合计***元" in text
    assert "1980-**-**" in text and "1950-**-**" in text  # birth dates beside masked numbers: the year
    assert "已隐去敏感信息" in text
    refused = tmp_path / "refused.pdf"
    with pytest.raises(PermissionDenied, match="不能打印完整的身份证号、电话、银行卡号、健康、残疾和收入"):
        forms.form("aid-form").render(store, clerk, refused, uuids=[uuid], full_ids=True)
    assert not refused.exists()


@pytest.mark.parametrize("role", [APPROVER, ADMIN])
def test_a_role_that_may_sees_full_values_only_when_asking(store: Store, clerk: Actor, today: Today, role: str,
                                                           tmp_path: Path) -> None:
    uuid = file_case(store, clerk, 1, members=1)
    reader = Actor(role, role, frozenset({role}), OFFICE_CODE)
    masked, full = tmp_path / "masked.pdf", tmp_path / "full.pdf"
    for name in ("aid-form", "aid-approval"):
        forms.form(name).render(store, reader, masked, uuids=[uuid])
        forms.form(name).render(store, reader, full, uuids=[uuid], full_ids=True)
        masked_text, full_text = squash(pdf_text(masked)), squash(pdf_text(full))
        assert person(1) not in masked_text and "1,234.56" not in masked_text, name
        assert person(1) in full_text and "1,234.56" in full_text and "重特大疾病" in full_text, name
    with store.transaction() as session:
        entries = [json.loads(e.changes) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION, AuditEntry.table_name == "aid_cases"))]
    assert [(e["form"], e["full_ids"], e["records"]) for e in entries] == [
        ("aid-form", False, [uuid]), ("aid-form", True, [uuid]),
        ("aid-approval", False, [uuid]), ("aid-approval", True, [uuid])]


def test_several_files_each_from_a_new_page_none_is_refused_and_a_gone_file_named(
        store: Store, clerk: Actor, today: Today, tmp_path: Path) -> None:
    first, second = file_case(store, clerk, 1), file_case(store, clerk, 2)
    out = tmp_path / "two.pdf"
    pages = forms.form("aid-form").render(store, clerk, out, uuids=[first, second])
    starts = [page for page in range(1, pages + 1) if "一、基本情况" in squash(pdf_text(out, page))]
    assert len(starts) == 2 and "职工2" in squash(pdf_text(out, starts[1]))
    for name in ("aid-form", "aid-approval"):
        with pytest.raises(NotFound, match="请先选择要打印的困难职工档案"):
            forms.form(name).render(store, clerk, tmp_path / "none.pdf", uuids=[])
        with pytest.raises(NotFound, match="困难职工档案"):
            forms.form(name).render(store, clerk, tmp_path / "gone.pdf", uuids=[first, "no-such-file"])
    assert not (tmp_path / "none.pdf").exists() and not (tmp_path / "gone.pdf").exists()


# --- 帮扶审批表 ------------------------------------------------------------------------------------------

def _block(text: str, block: str, following: str | None) -> str:
    start = text.index(block + "（")
    end = text.index(following + "（", start) if following else len(text)
    return text[start:end]


def test_the_approval_form_fills_each_block_from_its_step_or_leaves_it_to_sign(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, tmp_path: Path) -> None:
    uuid = file_case(store, clerk, 1, members=2)
    to_publicity(store, uuid, clerk, clerk2, today)
    out = tmp_path / "in-publicity.pdf"
    assert forms.form("aid-approval").render(store, clerk, out, uuids=[uuid]) == 1
    text = squash(pdf_text(out))
    assert "申请人职工1" in text and "困难类别相对困难" in text and "主要致困原因患重特大疾病" in text
    assert "家庭人口3" in text and "家庭成员2人" in text
    assert "2025年3月6日至2025年3月12日公示7天，无异议。" in text
    blocks = {name: _block(text, name, following) for name, following in
              (("建档人", "审核人"), ("审核人", "单位意见"), ("单位意见", "审批意见"), ("审批意见", None))}
    assert "本人申请帮扶" in blocks["建档人"] and "建档人：录入员" not in blocks["建档人"]  # no user row: the username
    assert "建档人：clerk日期：2025年3月3日" in blocks["建档人"]
    assert "材料齐全，同意公示" in blocks["审核人"] and "审核人：clerk日期：2025年3月5日" in blocks["审核人"]
    assert "入户核查属实" in blocks["单位意见"] and "核查人：clerk2日期：2025年3月5日" in blocks["单位意见"]
    assert "审批人签字：" in blocks["审批意见"] and "____年____月____日" in blocks["审批意见"]  # to sign by hand
    approve(store, uuid, approver, today)
    forms.form("aid-approval").render(store, clerk, out, uuids=[uuid])
    signed = _block(squash(pdf_text(out)), "审批意见", None)
    assert "同意纳入档案，按相对困难帮扶" in signed and "审批人：approver日期：2025年3月13日" in signed
    assert "签字：" not in signed
    assert_fonts_embedded(out)
    shot(out, "aid-approval", tmp_path)


def test_a_new_file_leaves_every_block_but_the_filing_one_blank(store: Store, clerk: Actor, today: Today,
                                                                tmp_path: Path) -> None:
    uuid = file_case(store, clerk, 1)
    out = tmp_path / "new.pdf"
    forms.form("aid-approval").render(store, clerk, out, uuids=[uuid])
    text = squash(pdf_text(out))
    assert "公示情况尚未公示" in text
    assert text.count("签字：") == 3 and "单位意见" in text and "负责人签字：" in text and "（盖章）" in text


def test_a_send_back_is_no_review_and_the_review_block_shows_the_real_one(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today) -> None:
    uuid = file_case(store, clerk, 1)
    to_publicity(store, uuid, clerk, clerk2, today)
    today.move(7)
    workflow.take_step(store, approver, uuid, "reviewed", "收入证明不全，退回补充")
    file = aid_files(store, [uuid])[0]
    assert [s.label for s in file.steps] == ["申请", "入户核查", "审核", "公示", "退回审核"]
    signed = file.signatures()
    assert set(signed) == set(SIGNATURE_STEPS)
    assert signed["审核人"] is not None and signed["审核人"].note == "材料齐全，同意公示"
    assert signed["审批意见"] is None


# --- 公示名单 ---------------------------------------------------------------------------------------------

def test_the_publicity_list_is_masked_whoever_prints_it_with_its_period_and_where_to_object(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, admin: Actor, today: Today,
        tmp_path: Path) -> None:
    settings.save(store, admin, publicity_days=10)
    in_publicity = [file_case(store, clerk, n, members=n) for n in (1, 2, 3)]
    to_publicity(store, in_publicity[0], clerk, clerk2, today)
    assert today.day == START + dt.timedelta(days=3)  # the others reach 公示 on the same day
    for uuid in in_publicity[1:]:
        workflow.take_step(store, clerk2, uuid, "verified", "属实")
        workflow.take_step(store, clerk, uuid, "reviewed", "同意公示")
        workflow.take_step(store, clerk, uuid, "publicized", "张贴公示")
    file_case(store, clerk, 4)  # not in 公示: not listed
    out = tmp_path / "publicity.pdf"
    pages = forms.form("aid-publicity").render(store, approver, out, full_ids=True)
    assert pages == pdf_pages(out) == 1  # all three began on 2025-03-06
    text = squash(pdf_text(out))
    layout = pdf_text(out, layout=True)
    assert re.search(r"序号\s+姓名\s+身份证号\s+困难类别\s+主要致困原因\s+家庭人口", layout)
    for n in (1, 2, 3):
        assert person(n) not in text and mask_id_number(person(n)) in text
        assert re.search(rf"{n}\s+职工{n}\s+{re.escape(mask_id_number(person(n)))}\s+相对困难\s+患重特大疾病\s+3\s*人",
                         layout), n
    assert "职工4" not in text
    assert "公示期：2025年3月6日至2025年3月15日（10天）" in text
    assert "如有异议，请于2025年3月15日前（含当日）向东四街道工会反映" in text
    assert text.endswith("东四街道工会2025年3月6日第1页共1页")
    for private in ("36,000", "1,000.00", "1,234.56", BANK[-4:], "健康", "肢体残疾", "子女上学"):
        assert private not in text, private  # no income, bank, health or minor cause on a posted sheet
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).one()
        assert json.loads(entry.changes)["full_ids"] is False  # asked, and dropped
    assert_fonts_embedded(out)
    shot(out, "aid-publicity", tmp_path)
    # the render function on its own masks too
    direct = tmp_path / "direct.pdf"
    aid_publicity.render(store, approver, direct, uuids=[in_publicity[0]], full_ids=True)
    assert person(1) not in squash(pdf_text(direct)) and "职工2" not in squash(pdf_text(direct))


def test_files_begun_on_different_days_are_separate_notices(store: Store, clerk: Actor, clerk2: Actor,
                                                            today: Today, tmp_path: Path) -> None:
    first, second = file_case(store, clerk, 1), file_case(store, clerk, 2)
    to_publicity(store, first, clerk, clerk2, today)
    to_publicity(store, second, clerk, clerk2, today)
    out = tmp_path / "two.pdf"
    assert forms.form("aid-publicity").render(store, clerk, out) == 2
    assert "公示期：2025年3月6日至2025年3月12日" in squash(pdf_text(out, 1)) and "职工1" in squash(pdf_text(out, 1))
    assert "公示期：2025年3月9日至2025年3月15日" in squash(pdf_text(out, 2)) and "职工2" in squash(pdf_text(out, 2))


def test_a_chosen_file_not_in_publicity_is_refused_and_none_in_publicity_is_said(
        store: Store, clerk: Actor, clerk2: Actor, today: Today, tmp_path: Path) -> None:
    waiting = file_case(store, clerk, 1)
    out = tmp_path / "refused.pdf"
    with pytest.raises(NotFound, match="没有正在公示的困难职工档案"):
        forms.form("aid-publicity").render(store, clerk, out)
    listed = file_case(store, clerk, 2)
    to_publicity(store, listed, clerk, clerk2, today)
    with pytest.raises(ValidationError, match=r"只能打印公示中的档案，KN\d+0001（申请）不在公示中") as caught:
        forms.form("aid-publicity").render(store, clerk, out, uuids=[listed, waiting])
    assert caught.value.field == "公示名单"
    assert not out.exists()


# --- the command line -----------------------------------------------------------------------------------

def test_each_form_prints_from_the_command_line(sqlite_store: Store, clerk: Actor, clerk2: Actor, today: Today,
                                                tmp_path: Path) -> None:
    uuid = file_case(sqlite_store, clerk, 1, members=2)
    to_publicity(sqlite_store, uuid, clerk, clerk2, today)
    path = tmp_path / DB_FILE_NAME  # the fixture's file, written and committed
    for name, extra, words in (("aid-form", ["--id", uuid], "困难职工档案表"),
                               ("aid-approval", ["--id", uuid, "--full-ids"], "困难职工帮扶审批表"),
                               ("aid-publicity", ["--full-ids"], "困难职工公示名单")):
        out = tmp_path / f"{name}.pdf"
        result = run("--db", str(path), "print", name, *extra, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"已生成 {pdf_pages(out)} 页：{out}"
        text = squash(pdf_text(out))
        assert words in text and "职工1" in text
        # the command line's actor may see full values: only where asked, and never on the posted list
        assert (person(1) in text) == (name == "aid-approval"), name
    assert_one_line_error(run("--db", str(path), "print", "aid-form", "-o", str(tmp_path / "none.pdf")),
                          "请先选择要打印的困难职工档案", "--id")
    assert not (tmp_path / "none.pdf").exists()
