"""What the member form writes through the member services, and the SavedChange each write leaves: its
description for the status bar and the undo action, and the command that takes it back (common/undo)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from db import members
from db.errors import ValidationError
from db.members.rules import LABELS
from db.models import Member
from desktop.ui.common.undo import SavedChange
from desktop.ui.context import AppContext
from desktop.ui.members.dialogs import HonourInput, StatusChange, step_title

IDENTITY = ("id_type", "id_number", "gender", "birth_date")  # saved together: the rules bind them


def register(context: AppContext, values: dict[str, Any]) -> tuple[SavedChange, Member]:
    """Register a new member (入会) from the form's values."""
    store, actor = context.store, context.actor
    member = members.register(store, actor, values)
    description = QCoreApplication.translate("MemberChanges", "登记会员“{name}”").format(name=member.name)
    uuid = member.uuid

    def take_back(known: int | None) -> Member:  # the new member goes again, unless it was changed since
        if known is not None and members.details(store, uuid).member.rev != known:
            raise ValidationError("会员", QCoreApplication.translate("MemberUndo", "登记之后又被修改过，不能撤销"))
        return members.soft_delete(store, actor, uuid)

    return SavedChange(uuid, description, take_back), member


def update(context: AppContext, before: Member, values: dict[str, Any],
           edited: list[str]) -> tuple[SavedChange | None, Member]:
    """Save the ``edited`` fields of a member (None: nothing changed once the values were cleaned)."""
    changes = {name: values[name] for name in edited}
    if any(name in IDENTITY for name in edited):
        changes.update({name: values[name] for name in IDENTITY if name in values})
    if not changes:
        return None, before
    member = members.update(context.store, context.actor, before.uuid, changes, expected_rev=before.rev)
    if member.rev == before.rev:
        return None, member
    what = "、".join(LABELS[name] for name in edited)
    description = QCoreApplication.translate("MemberChanges", "修改会员“{name}”的{fields}").format(
        name=before.name, fields=what)
    old_values = {name: getattr(before, name) for name in changes}
    store, actor, uuid = context.store, context.actor, member.uuid
    return SavedChange(uuid, description, lambda known: members.undo_update(
        store, actor, uuid, old_values, expected_rev=known)), member


def run_step(context: AppContext, kind: str, uuid: str, change: StatusChange) -> Member:
    """Record one status step (转出, 转入, 退会, 去世, 恢复) of a member."""
    store, actor = context.store, context.actor
    if kind == "transfer_out":
        return members.transfer_out(store, actor, uuid, change.on, change.counterpart, change.reason)
    if kind == "transfer_in":
        return members.transfer_in(store, actor, uuid, change.on, change.counterpart, change.reason)
    if kind == "leave":
        return members.leave(store, actor, uuid, change.on, change.reason)
    if kind == "death":
        return members.record_death(store, actor, uuid, change.on)
    return members.restore(store, actor, uuid, change.on, change.reason)


def step_taken(context: AppContext, member: Member, kind: str) -> SavedChange:
    description = QCoreApplication.translate("MemberChanges", "会员“{name}”{step}").format(
        name=member.name, step=step_title(kind))
    store, actor, uuid = context.store, context.actor, member.uuid
    return SavedChange(uuid, description, lambda known: members.undo_status_change(
        store, actor, uuid, expected_rev=known))


def add_honour(context: AppContext, uuid: str, honour: HonourInput) -> str:
    """Record an honour of a member; returns the honour's uuid."""
    return members.add_honour(context.store, context.actor, uuid, honour.kind, honour.year, level=honour.level,
                              title=honour.title, issuer=honour.issuer).uuid


def honour_added(context: AppContext, member: Member, honour_uuid: str) -> SavedChange:
    description = QCoreApplication.translate("MemberChanges", "为会员“{name}”添加荣誉").format(name=member.name)
    store, actor = context.store, context.actor

    def take_back(_known: int | None) -> None:  # the honour goes; the member itself is not changed
        members.undo_add_honour(store, actor, honour_uuid)

    return SavedChange(member.uuid, description, take_back)


def deleted(context: AppContext, member: Member) -> SavedChange:
    description = QCoreApplication.translate("MemberChanges", "删除会员“{name}”").format(name=member.name)
    store, actor, uuid = context.store, context.actor, member.uuid
    return SavedChange(uuid, description, lambda _known: members.undelete(store, actor, uuid))
