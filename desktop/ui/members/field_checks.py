"""What is wrong with one value of the member form on its own, checked as the clerk types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from db.errors import ValidationError
from db.members.rules import DEFAULTS, RESIDENT_ID, clean_field, clean_member

FORM_REQUIRED = tuple(DEFAULTS)  # stored NOT NULL: the form shows the declared default and keeps it filled
DATED_TODAY = ("joined_on",)  # a new member joins today unless the clerk types another day


def new_member_value(name: str) -> Any:
    """What the empty form of a new member shows in field ``name``: its default, today, or nothing."""
    return dt.date.today() if name in DATED_TODAY else DEFAULTS.get(name)


def field_problem(name: str, value: Any, id_type: str) -> str | None:
    """What is wrong with ``value`` of field ``name`` (an ID number read as a document of ``id_type``),
    or None."""
    try:
        cleaned = clean_field(name, value)
        if name == "id_number":
            identity = {"id_type": id_type or RESIDENT_ID, "id_number": cleaned}
            if identity["id_type"] != RESIDENT_ID:  # only the number's rule: gender has its own error line
                identity["gender"] = "男"
            clean_member(identity, partial=True)
        elif cleaned is None and name in FORM_REQUIRED:
            return QCoreApplication.translate("MemberChecks", "必须填写")
    except ValidationError as exc:
        return exc.reason
    return None
