"""What the hardship file's form writes through the use cases (db.aid.cases, db.aid.workflow), and the
SavedChange each write leaves: its description for the status bar and the undo action, and the command that
takes it back. A file is never deleted (it is closed by the workflow's 注销), so opening one is not undone."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication

from db.aid import cases
from db.aid.fields import AID_CASES
from db.errors import ValidationError
from db.models import AidCase
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.common.undo import SavedChange, save_edits
from desktop.ui.context import AppContext

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
_MONEY = tuple(name for _, names in AID_CASES.form_groups for name in names if AID_CASES.field(name).kind == "money")


def as_yuan(fen: int | None) -> str | None:
    """Stored fen as the yuan a money field is typed in (``1234.50``)."""
    return None if fen is None else f"{Decimal(fen).scaleb(-2):.2f}"


def case_record(details: dict[str, Any]) -> SimpleNamespace:
    """A file as the form shows it: its columns (money as yuan text, as typed) with member_name,
    member_id_number and per_capita_fen, plus ``household``, ``steps``, ``documents``, ``objections`` and
    ``suggestion`` of :func:`db.aid.cases.case_details`."""
    case = dict(details["case"])
    for name in _MONEY:
        case[name] = as_yuan(case[name])
    return SimpleNamespace(**case, **{k: v for k, v in details.items() if k != "case"})


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values without the empty ones (a new file's number is given when left empty)."""
    return {name: value for name, value in values.items() if value not in ("", None)}


def create(context: AppContext, values: dict[str, Any]) -> tuple[SavedChange, AidCase]:
    """建档 (申请): open a file from the form's values; one household, one file is checked by the use case."""
    case = cases.create_case(context.store, context.actor, _typed(values))
    description = translate("AidChanges", "建立困难职工档案 {no}").format(no=case.case_no)

    def take_back(_known: int | None) -> AidCase:
        raise ValidationError(AID_CASES.label, translate("AidUndo", "建档不能撤销：请在“流程”中注销（撤档）"))

    return SavedChange(case.uuid, description, take_back), case


def update(context: AppContext, before: SimpleNamespace, values: dict[str, Any],
           edited: list[str]) -> tuple[SavedChange | None, Any]:
    """Save the ``edited`` fields of a file (None: nothing changed once the values were cleaned)."""
    what = "、".join(translate(CONTEXT, AID_CASES.field(name).label) for name in edited)
    description = translate("AidChanges", "修改档案 {no} 的{fields}").format(no=before.case_no, fields=what)
    store, actor, uuid = context.store, context.actor, before.uuid
    return save_edits(before, {name: values[name] for name in edited}, description, lambda changes, rev:
                      cases.update_case(store, actor, uuid, changes, expected_rev=rev))

