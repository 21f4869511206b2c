"""The sensitive fields of a hardship file (design §7, PIPL Art. 28): how a file is shown masked, and the one
way to see a full value — :func:`reveal`, for a role with ``sensitive.full``, one audit entry per view.

Which fields are sensitive is the declaration's (:mod:`db.aid.fields`: ``sensitive=True`` or a number kind):
the member's ID number, 健康状况, 残疾类别, every income (the person's, the household's, the per-capita one
computed from it) and the bank card number; in the household, each person's ID number, health and income. The
masks are :mod:`db.masking`'s, the same as every list, export and conflict view: an ID number keeps its
region, sequence and check character, a bank number its last four digits, health and income show ``***``,
and a birth date beside a masked ID number only its year.

What a masked file could still give away (looked at, issue 14 item 8):

- the per-capita income times the household size gives the household income back: the per-capita income is
  masked as an income (declared sensitive), so both are hidden together;
- a household member's birth date and gender beside the masked ID number: the birth date is reduced to its
  year (:mod:`db.masking`: 32 or more dates of the year stay open), the gender is the parity of a sequence digit
  the mask keeps anyway. The household's ``age`` (full years today) is kept: with the year it tells whether
  the birthday has passed, halving the dates left (16 or more);
- not fixed, because the file must show them (see the report): the category tells whether the per-capita
  income is below the 低保 line or twice it; 致困原因 (患重特大疾病, 无劳动能力) and a 医疗救助 payment tell of
  health; free text (意见, 备注) holds whatever was typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db import masking
from db.aid.cases import get_case
from db.aid.fields import AID_CASES, CASE_TABLE, HOUSEHOLD_TABLE
from db.auth import Actor, require
from db.errors import ValidationError
from db.fields import Field
from db.models import AidHouseholdMember, Member
from db.records import live
from db.store import Store
from db.writes import append_audit

FULL = "sensitive.full"
ACTION = "reveal"
CASE_MASKS = masking.column_masks(AID_CASES.fields)
HOUSEHOLD_MASKS = masking.column_masks(HOUSEHOLD_TABLE.fields)
FIELD_LABEL = "敏感字段"


def sensitive_fields(household: bool = False) -> tuple[Field, ...]:
    """The sensitive fields of a file (or of a household member)."""
    fields = HOUSEHOLD_TABLE.fields if household else AID_CASES.fields
    return tuple(f for f in fields if f.sensitive)


def _masked_row(row: Mapping[str, Any], masks: Mapping[str, masking.Mask]) -> dict[str, Any]:
    return {key: (masks[key](value) if key in masks and value is not None else value) for key, value in row.items()}


def masked_case(case: Mapping[str, Any]) -> dict[str, Any]:
    """A file's values (as :func:`db.aid.cases.case_details` gives them) with every sensitive one masked."""
    return _masked_row(case, CASE_MASKS)


def masked_household(row: Mapping[str, Any]) -> dict[str, Any]:
    """A household member's values with the ID number, health and income masked, the birth date as its year."""
    return _masked_row(row, HOUSEHOLD_MASKS)


def masked_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`db.aid.cases.case_details` as a form, a list or a printout shows it by default: the file and its
    household masked (a full value is :func:`reveal`'s, audited)."""
    return {**details, "case": masked_case(details["case"]),
            "household": [masked_household(row) for row in details["household"]]}


def reveal(store: Store, actor: Actor, case_uuid: str, field: str, *, household_uuid: str | None = None) -> Any:
    """The full value of sensitive ``field`` (attribute name or label) of a file, or of one of its household
    members (``household_uuid``), for a user allowed full values (``sensitive.full``). Every call writes one
    audit entry: who, when (the entry's time), which file, which person, which field. None when empty."""
    require(actor, FULL)
    table = HOUSEHOLD_TABLE if household_uuid else CASE_TABLE
    wanted = next((f for f in sensitive_fields(household_uuid is not None) if field in (f.attr, f.label)), None)
    if wanted is None:
        where = table.label
        raise ValidationError(FIELD_LABEL, f"“{field}”不是{where}的敏感字段，无需单独查看")
    with store.transaction(actor, action=ACTION) as session:
        case = get_case(session, case_uuid)
        row_uuid: str = case.uuid
        if household_uuid is not None:
            person = live(session, AidHouseholdMember, household_uuid, HOUSEHOLD_TABLE.label)
            if person.case_uuid != case.uuid:
                raise ValidationError(HOUSEHOLD_TABLE.label, f"不是档案 {case.case_no} 的家庭成员")
            value = getattr(person, wanted.attr)
            row_uuid = person.uuid
        elif wanted.attr == "member_id_number":
            member = session.get(Member, case.member_uuid)
            value = member.id_number if member is not None else None
        elif wanted.attr == "per_capita_fen":
            value = case.monthly_income_per_capita_fen
        else:
            value = getattr(case, wanted.attr)
        append_audit(session.connection(), actor.username, [(ACTION, table.table_name, row_uuid, {
            "case": case.uuid, "case_no": case.case_no, "field": wanted.attr, "label": wanted.label})])
    return value
