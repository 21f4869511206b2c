"""The sensitive fields of a hardship file (design §7): masked in a clerk's export and in the file as shown
(household included), seen in full only through reveal — by a role allowed full values, each view audited —
and not recoverable from another column (per-capita income, a birth date beside a masked ID number)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.aid import cases, privacy
from db.aid.fields import AID_CASES, HOUSEHOLD_TABLE
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase, AuditEntry
from db.store import Store
from desktop.documents.excel.export import export_registry
from tests.unit.db.aid.conftest import Today, add_member, open_case, person, refused

BANK = "6222020200112233445"
SPOUSE = person(40, 1982)


@pytest.fixture
def case(store: Store, clerk: Actor, today: Today) -> AidCase:
    made = open_case(store, clerk, add_member(store, clerk, 1), health="重特大疾病", disability="肢体残疾",
                     monthly_income_fen="1234.56", bank_name="工商银行", bank_account=BANK)
    cases.add_household_member(store, clerk, made.uuid, {"name": "配偶甲", "relation": "配偶", "id_number": SPOUSE,
                                                         "health": "慢性病", "monthly_income_fen": "2100"})
    return made


def test_a_clerks_export_masks_every_sensitive_column(store: Store, clerk: Actor, case: AidCase,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "aid.xlsx"
    export_registry(store, clerk, "aid-cases", path)
    book = load_workbook(path, read_only=True)
    header, row = (list(r) for r in book.worksheets[0].iter_rows(min_row=1, max_row=2, values_only=True))
    book.close()  # a read-only workbook keeps its file open until closed
    cells = dict(zip(header, row, strict=True))
    sensitive = [f.label for f in AID_CASES.fields if f.sensitive]
    assert set(sensitive) == {"身份证号", "健康状况", "残疾类别", "本人月平均收入（元）", "家庭年度总收入（元）",
                              "家庭月人均收入（元）", "银行卡号"}
    assert cells["身份证号"] == person(1)[:6] + "*" * 8 + person(1)[-4:]
    assert cells["银行卡号"] == "*" * 15 + BANK[-4:]
    for label in ("健康状况", "残疾类别", "本人月平均收入（元）", "家庭年度总收入（元）", "家庭月人均收入（元）"):
        assert cells[label] == "***", label
    # the per-capita income times the household size would give the household income back: both masked
    assert cells["家庭人口"] == 3 and cells["家庭月人均收入（元）"] == "***"


def test_the_file_as_shown_masks_the_file_and_its_household(store: Store, case: AidCase) -> None:
    shown = privacy.masked_details(cases.case_details(store, case.uuid))
    file, (spouse,) = shown["case"], shown["household"]
    assert file["member_id_number"] == person(1)[:6] + "*" * 8 + person(1)[-4:]
    assert file["bank_account"].endswith(BANK[-4:]) and BANK not in file["bank_account"]
    assert {file[k] for k in ("health", "disability", "monthly_income_fen", "household_income_fen",
                              "per_capita_fen")} == {"***"}
    assert spouse["id_number"] == SPOUSE[:6] + "*" * 8 + SPOUSE[-4:]
    assert (spouse["health"], spouse["monthly_income_fen"]) == ("***", "***")
    # a full birth date beside the masked ID number would give its hidden digits back: the year only
    assert spouse["birth_date"] == "1982-**-**"
    assert {f.attr for f in privacy.sensitive_fields(household=True)} == {"id_number", "health", "monthly_income_fen"}
    assert HOUSEHOLD_TABLE.field("birth_date").attr in privacy.HOUSEHOLD_MASKS


def reveals(store: Store) -> list[dict[str, Any]]:
    with store.transaction() as session:
        found = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal").order_by(AuditEntry.id))
        return [{"actor": e.actor, "table": e.table_name, "row": e.row_uuid, **json.loads(e.changes)} for e in found]


def test_an_approver_sees_a_full_value_and_each_view_is_audited(store: Store, approver: Actor, admin: Actor,
                                                                case: AidCase) -> None:
    spouse = cases.case_details(store, case.uuid)["household"][0]
    assert privacy.reveal(store, approver, case.uuid, "bank_account") == BANK
    assert privacy.reveal(store, approver, case.uuid, "身份证号") == person(1)
    assert privacy.reveal(store, approver, case.uuid, "per_capita_fen") == 36000_00 // 36
    assert privacy.reveal(store, admin, case.uuid, "id_number", household_uuid=spouse["uuid"]) == SPOUSE
    assert privacy.reveal(store, admin, case.uuid, "月收入（元）", household_uuid=spouse["uuid"]) == 2100_00
    seen = reveals(store)
    assert [(e["actor"], e["table"], e["row"], e["field"]) for e in seen] == [
        ("approver", "aid_cases", case.uuid, "bank_account"),
        ("approver", "aid_cases", case.uuid, "member_id_number"),
        ("approver", "aid_cases", case.uuid, "per_capita_fen"),
        ("admin", "aid_household_members", spouse["uuid"], "id_number"),
        ("admin", "aid_household_members", spouse["uuid"], "monthly_income_fen")]
    assert {e["case_no"] for e in seen} == {case.case_no} and {e["case"] for e in seen} == {case.uuid}


def test_a_clerk_may_not_reveal_and_nothing_is_written(store: Store, clerk: Actor, case: AidCase) -> None:
    spouse = cases.case_details(store, case.uuid)["household"][0]
    words = "查看完整的证件号码和银行卡号"
    refused(store, PermissionDenied, words, privacy.reveal, store, clerk, case.uuid, "bank_account")
    refused(store, PermissionDenied, words, privacy.reveal, store, clerk, case.uuid, "id_number",
            household_uuid=spouse["uuid"])
    refused(store, PermissionDenied, "请先登录", privacy.reveal, store, None, case.uuid, "bank_account")
    assert reveals(store) == []


def test_only_a_sensitive_field_of_the_files_own_household_is_revealed(
        store: Store, clerk: Actor, approver: Actor, case: AidCase) -> None:
    refused(store, ValidationError, "“家庭住址”不是困难职工档案的敏感字段", privacy.reveal, store, approver, case.uuid,
            "家庭住址", field="敏感字段")
    other = open_case(store, clerk, add_member(store, clerk, 2))
    spouse = cases.case_details(store, case.uuid)["household"][0]
    refused(store, ValidationError, f"不是档案 {other.case_no} 的家庭成员", privacy.reveal, store, approver,
            other.uuid, "id_number", household_uuid=spouse["uuid"])
    assert reveals(store) == []
