"""A 送温暖 campaign's 签领表 (desktop/documents/pdf/campaign_receipts.py): every recipient by group with a
masked ID number (in full only for a role that may see it and asks), the cash and the gifts, room to sign, the
table flowing onto the next page with its header, totals by group and overall, page numbers; printed through
the catalogue as the campaign registry's form, and audited. Read back with poppler."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from db.aid import campaigns, cases
from db.aid.fields import AID_CAMPAIGNS
from db.auth import APPROVER, CLERK
from db.errors import NotFound, PermissionDenied
from db.models import AuditEntry
from db.store import Store
from db.validation import mask_id_number
from desktop.documents.pdf import campaign_receipts, forms
from tests.unit.db.aid.conftest import person
from tests.unit.documents.pdf.test_certificate import needs_poppler
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_pages,
    pdf_text,
    squash,
)

pytestmark = needs_poppler
GROUPS = ("困难职工", "新就业形态劳动者", "劳模")
LONG_GIFT = "米面油一份、棉被一床、慰问信一封、春联福字一套、保温杯一只"


@pytest.fixture
def campaign(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    """A campaign of 30 non-members: ten a group, cash or gifts or both, one gift too long for its cell."""
    monkeypatch.setattr(cases, "_today", lambda: dt.date(2025, 3, 3))
    clerk = actor(CLERK)
    uuid = campaigns.create_campaign(store, clerk, {
        "name": "2025年春节送温暖", "year": 2025, "festival": "元旦春节", "starts_on": "2025-01-10",
        "ends_on": "2025-03-31", "target_groups": "、".join(GROUPS)}).uuid
    for n in range(1, 31):
        gift = LONG_GIFT if n == 7 else "米面油" if n % 3 == 0 else None
        campaigns.add_recipient(store, clerk, uuid, {
            "name": f"慰问对象{n}", "id_number": person(n), "group": GROUPS[n % 3], "gift": gift,
            "amount_fen": None if n % 5 == 0 and gift else f"{500 + n}.50", "visited_on": "2025-02-01"})
    return uuid


def test_the_receipt_list_has_every_recipient_masked_with_room_to_sign_and_totals(
        store: Store, campaign: str, tmp_path: Path) -> None:
    out = tmp_path / "receipts.pdf"
    pages = forms.form("campaign-receipts").render(store, actor(CLERK), out, uuids=[campaign])
    assert pages == pdf_pages(out) == 2  # tall rows: about twenty a page
    for page in (1, 2):  # the header on every page, and the page numbers
        layout = pdf_text(out, page, layout=True)
        assert re.search(r"序号\s+姓名\s+类别\s+身份证号\s+慰问金（元）\s+慰问品\s+签名", layout)
        assert f"第{page}页共2页" in squash(layout)
    text = squash(pdf_text(out))
    assert "2025年春节送温暖签领表" in text and "慰问对象：困难职工、新就业形态劳动者、劳模" in text
    listed = campaigns.recipients(store, campaign)
    numbers = re.findall(r"^\s*(\d+)\s+慰问对象(\d+)\s", pdf_text(out, layout=True), re.MULTILINE)
    assert [int(n) for n, _ in numbers] == list(range(1, 31))  # 序号 in order, by group
    assert [f"慰问对象{who}" for _, who in numbers] == [r.name for r in listed]
    assert [r.group for r in listed] == sorted((r.group for r in listed), key=GROUPS.index)
    for n in range(1, 31):
        assert mask_id_number(person(n)) in text and person(n) not in text
    assert "501.50" in text and LONG_GIFT not in text and "米面油一份、棉被" in text  # cut to its cell
    totals = campaigns.campaign_totals(store, campaign)
    for group in totals.groups:
        assert f"{group.group}：{group.count}人，慰问金{group.amount_fen / 100:,.2f}元" in text
    assert f"合计：30人，慰问金{totals.amount_fen / 100:,.2f}元，慰问品{totals.gifts}份" in text
    assert "发放人：" in text and "监督人：" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).one()
        assert entry.table_name == "festival_campaigns"
        assert json.loads(entry.changes) == {"form": "campaign-receipts", "pages": 2, "full_ids": False,
                                             "records": [campaign]}


def test_full_id_numbers_only_for_a_role_that_may_see_them(store: Store, campaign: str, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    forms.form("campaign-receipts").render(store, actor(APPROVER), out, uuids=[campaign], full_ids=True)
    assert person(1) in squash(pdf_text(out))
    refused = tmp_path / "refused.pdf"
    with pytest.raises(PermissionDenied):
        forms.form("campaign-receipts").render(store, actor(CLERK), refused, uuids=[campaign], full_ids=True)
    assert not refused.exists()


def test_an_empty_campaign_says_so_and_none_chosen_is_refused(store: Store, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cases, "_today", lambda: dt.date(2025, 3, 3))
    empty = campaigns.create_campaign(store, actor(CLERK), {
        "name": "2025年夏送清凉", "year": 2025, "festival": "夏送清凉", "starts_on": "2025-07-01",
        "ends_on": "2025-08-31", "target_groups": "新就业形态劳动者"}).uuid
    out = tmp_path / "empty.pdf"
    assert campaign_receipts.render(store, actor(CLERK), out, uuids=[empty]) == 1
    assert "本活动还没有慰问对象。" in squash(pdf_text(out))
    with pytest.raises(NotFound, match="请选择要打印签领表的送温暖活动"):
        campaign_receipts.render(store, actor(CLERK), tmp_path / "none.pdf", uuids=[])
    with pytest.raises(NotFound, match="找不到该送温暖活动"):
        campaign_receipts.render(store, actor(CLERK), tmp_path / "gone.pdf", uuids=["no-such"])
    assert not (tmp_path / "none.pdf").exists() and not (tmp_path / "gone.pdf").exists()


def test_it_is_the_campaign_registrys_form() -> None:
    assert AID_CAMPAIGNS.forms == ("campaign-receipts",)
    assert forms.FORMS["campaign-receipts"].needs == "campaigns"
    assert forms.AUDIT_TABLES["campaigns"] == "festival_campaigns"
