"""Undo of what the member form saved in this session: each saved change, and how to take it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from db import members
from db.auth import Actor
from db.errors import ValidationError
from db.models import Member
from db.store import Store


@dataclass
class SavedChange:
    """A change the form saved in this session, and what undoing it needs."""

    kind: str  # register, update, status, honour, delete
    uuid: str
    description: str
    old_values: dict[str, Any] = field(default_factory=dict)
    honour_uuid: str | None = None


class UndoStack:
    """The changes saved in this session, newest last, and each member's revision after the latest of them
    (a member changed elsewhere since is not undone over that change)."""

    def __init__(self) -> None:
        self._changes: list[SavedChange] = []
        self._known_rev: dict[str, int] = {}

    def push(self, change: SavedChange, rev: int | None = None) -> None:
        """Remember a saved change, and the member's revision it left (None: the member's was not changed)."""
        if rev is not None:
            self._known_rev[change.uuid] = rev
        self._changes.append(change)

    def top(self) -> SavedChange | None:
        """What undo would take back next."""
        return self._changes[-1] if self._changes else None

    def pop(self) -> SavedChange:
        return self._changes.pop()

    def take_back(self, store: Store, actor: Actor, change: SavedChange) -> bool:
        """Undo one saved change; True when the member is still on file afterwards."""
        if change.kind == "honour":
            assert change.honour_uuid is not None
            members.undo_add_honour(store, actor, change.honour_uuid)
            return True
        member = self._take_back_member(store, actor, change)
        self._known_rev[change.uuid] = member.rev
        return not member.deleted

    def _take_back_member(self, store: Store, actor: Actor, change: SavedChange) -> Member:
        known = self._known_rev.get(change.uuid)
        if change.kind == "update":
            return members.undo_update(store, actor, change.uuid, change.old_values, expected_rev=known)
        if change.kind == "status":
            return members.undo_status_change(store, actor, change.uuid, expected_rev=known)
        if change.kind == "delete":
            return members.undelete(store, actor, change.uuid)
        # register: the new member goes again, unless it was changed since
        if known is not None and members.details(store, change.uuid).member.rev != known:
            raise ValidationError("会员", QCoreApplication.translate("MemberUndo", "登记之后又被修改过，不能撤销"))
        return members.soft_delete(store, actor, change.uuid)
