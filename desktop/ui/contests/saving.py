"""What the contest form writes through the contest use cases (db.contests.cases), and the SavedChange each
write leaves: its description for the status bar and the undo action, and the command that takes it back."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication

from db.contests import cases
from db.contests.fields import CONTESTS
from db.contests.reads import contest_details
from db.errors import ValidationError
from db.models import Contest
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.common.undo import SavedChange, save_edits
from desktop.ui.context import AppContext

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def contest_record(details: dict[str, Any]) -> SimpleNamespace:
    """A contest as the form shows it (its columns and ``entrants``), read as attributes like a record."""
    return SimpleNamespace(**details)


def create(context: AppContext, values: dict[str, Any]) -> tuple[SavedChange, Contest]:
    """登记 a contest from the form's values (its scoring rule checked by the use case)."""
    store, actor = context.store, context.actor
    contest = cases.create_contest(store, actor, values)
    description = translate("ContestChanges", "登记竞赛“{name}”").format(name=contest.name)
    uuid = contest.uuid

    def take_back(known: int | None) -> Contest:  # the new contest goes again, unless it was changed since
        if known is not None and contest_details(store, uuid)["rev"] != known:
            raise ValidationError(CONTESTS.label, translate("ContestUndo", "登记之后又被修改过，不能撤销"))
        return cases.delete_contest(store, actor, uuid)  # refused once it has entrants

    return SavedChange(uuid, description, take_back), contest


def update(context: AppContext, before: SimpleNamespace, values: dict[str, Any],
           edited: list[str]) -> tuple[SavedChange | None, Any]:
    """Save the ``edited`` fields of a contest (None: nothing changed once the values were cleaned)."""
    what = "、".join(translate(CONTEXT, CONTESTS.field(name).label) for name in edited)
    description = translate("ContestChanges", "修改竞赛“{name}”的{fields}").format(name=before.name, fields=what)
    store, actor, uuid = context.store, context.actor, before.uuid
    return save_edits(before, {name: values[name] for name in edited}, description, lambda changes, rev:
                      cases.update_contest(store, actor, uuid, changes, expected_rev=rev))


def deleted(context: AppContext, contest: SimpleNamespace) -> tuple[SavedChange, int]:
    """Mark a contest deleted (one without entrants, never published); undo brings it back."""
    store, actor, uuid = context.store, context.actor, contest.uuid
    gone = cases.delete_contest(store, actor, uuid)
    description = translate("ContestChanges", "删除竞赛“{name}”").format(name=contest.name)
    return SavedChange(uuid, description, lambda _known: cases.undelete_contest(store, actor, uuid)), gone.rev
