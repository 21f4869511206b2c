"""The rules between the fields of one payment (帮扶记录), without the database: what a payment typed, a row of
a spreadsheet and a row arriving in a sync batch all hold (:mod:`db.aid.payments` applies them with the rules
that read the database; the declaration checks a batch's rows with them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.errors import ValidationError

EMERGENCY = "应急救助"
_PAYEE = (("payee_name", "收款人（未在档）"), ("payee_id_number", "收款人身份证号"), ("reason", "救助事由"))


def check_payee(values: Mapping[str, Any]) -> None:
    """A payment without a file is an emergency payment (应急救助) naming its payee, ID number and reason."""
    kind = values.get("kind")
    if kind != EMERGENCY:
        raise ValidationError("帮扶类型", f"没有在档档案的职工只能发放应急救助，不能发放{kind}")
    for attr, label in _PAYEE:
        if not values.get(attr):
            raise ValidationError(label, "向没有在档档案的职工发放应急救助时必须填写")


def check_payment_row(values: Mapping[str, Any]) -> None:
    """One stored payment's fields together: a payment without a file as :func:`check_payee` says; an
    approver's override of a cap names both the approver and the reason (the app records them together)."""
    if values.get("case_uuid") is None:
        check_payee(values)
    if bool(values.get("override_by")) != bool(values.get("override_reason")):
        raise ValidationError("超限理由", "超限审批人和超限理由应同时填写（超限只能由审核人在程序中审批并填写理由）")
